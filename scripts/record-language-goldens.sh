#!/usr/bin/env bash
# Records the golden symbol lists of the tree-sitter fixtures from each language's own tooling, so the unit suite
# compares docgen's symbols, line ranges and doc comments with a compiler's view without needing the tools:
#   TypeScript/JavaScript: the TypeScript compiler API (Debian: node-typescript)
#   Go: go/ast (Debian: golang-go)
#   Java: javac's tree API (Debian: default-jdk-headless)
#   C/C++: clang's JSON AST (the Swift toolchain's clang, or Debian's clang)
# Writes Tests/DocgenTreeSitterTests/Fixtures/goldens/<language>.json.   Usage: bash scripts/record-language-goldens.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/DocgenTreeSitterTests/Fixtures
out=Tests/DocgenTreeSitterTests/Fixtures/goldens
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node scripts/golden/ts_symbols.js "$fixtures/sample.ts" "$fixtures/sample.js" >"$out/typescript.json"
(cd scripts/golden && go build -o "$work/go_symbols" go_symbols.go)
"$work/go_symbols" "$fixtures/sample.go" >"$out/go.json"
java scripts/golden/JavaSymbols.java "$fixtures/Sample.java" >"$out/java.json"
CLANG="${CLANG:-$(command -v clang || echo /opt/swift/usr/bin/clang)}" \
    python3 scripts/golden/clang_symbols.py "$fixtures/sample.h" "$fixtures/sample.c" "$fixtures/sample.cpp" >"$out/c.json"
for file in "$out"/*.json; do
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$file"
    echo "recorded $file"
done
