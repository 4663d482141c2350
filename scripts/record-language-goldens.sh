#!/usr/bin/env bash
# Records the golden symbol lists of the tree-sitter fixtures from each language's own tooling, so the unit suite
# compares docgen's symbols, line ranges and doc comments with a compiler's view without needing the tools:
#   TypeScript/JavaScript: the TypeScript compiler API (Debian: node-typescript)
#   Go: go/ast (Debian: golang-go)
#   Java: javac's tree API (Debian: default-jdk-headless)
#   C/C++: clang's JSON AST (the Swift toolchain's clang, or Debian's clang)
#   Rust: rustc's parser (`rustc -Zunpretty=ast-tree`; rustup's or Debian's rustc)
#   Ruby: Ruby's parser (RubyVM::AbstractSyntaxTree) and RDoc (Debian: ruby)
#   PHP: PHP-Parser (Debian: php-cli, php-parser)
#   C#: NRefactory 5 and the Mono C# compiler's parser (Debian: mono-mcs, libicsharpcode-nrefactory-csharp5.0-cil);
#       they read C# up to 5, so the golden is of Shapes.cs (Sample.cs uses records and expression bodies)
#   Kotlin: the Kotlin compiler's PSI (Debian: kotlin)
# `bash scripts/install-deps.sh --language-tools` installs the tools.
# Writes Tests/DocgenTreeSitterTests/Fixtures/goldens/<language>.json.   Usage: bash scripts/record-language-goldens.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/DocgenTreeSitterTests/Fixtures
out=Tests/DocgenTreeSitterTests/Fixtures/goldens
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

scripts="$PWD/scripts/golden"
(cd "$scripts" && go build -o "$work/go_symbols" go_symbols.go)
clang="${CLANG:-$(command -v clang || echo /opt/swift/usr/bin/clang)}"
# The tools name each file as given: run them inside the fixtures folder so the goldens hold bare file names.
(
    cd "$fixtures"
    node "$scripts/ts_symbols.js" sample.ts sample.js >"goldens/typescript.json"
    "$work/go_symbols" sample.go >"goldens/go.json"
    java "$scripts/JavaSymbols.java" Sample.java >"goldens/java.json"
    CLANG="$clang" python3 "$scripts/clang_symbols.py" sample.h sample.c sample.cpp templates.cpp >"goldens/c.json"
    python3 "$scripts/rust_symbols.py" sample.rs >"goldens/rust.json"
    ruby "$scripts/ruby_symbols.rb" sample.rb rdoc.rb >"goldens/ruby.json"
    php "$scripts/php_symbols.php" sample.php conditional.php >"goldens/php.json"
    CSHARP_SYMBOLS_DIR="$work" bash "$scripts/csharp-symbols.sh" Shapes.cs >"goldens/csharp.json"
    java -cp '/usr/share/kotlin/kotlinc/lib/*' "$scripts/KotlinSymbols.java" sample.kt Coroutines.kt >"goldens/kotlin.json"
)
for file in "$out"/*.json; do
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$file"
    echo "recorded $file"
done
