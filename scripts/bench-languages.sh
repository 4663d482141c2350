#!/usr/bin/env bash
# docgen's tree-sitter scanning against the languages' own tools on real code, in one run: accuracy (symbols, exact
# line ranges, doc comments) and wall time of `docgen scan --json` against the tool scripts on the same files, then
# the 2 MB minified / ordinary JavaScript checks of scripts/bench-treesitter.sh.
#
#   scripts/bench-languages.sh [path/to/docgen]
#
# The trees (Debian packages or PyPI sdists; nothing is committed): Go's standard library `net` (golang-go),
# the JDK's `java.util` sources (openjdk-17-source), npm's own `lib/` (Node.js), ujson's C and C++ sources and
# requests' Python sources (pip download), regex-syntax's Rust sources (librust-regex-syntax-dev), Ruby's standard
# library (ruby), PHP-Parser's sources (php-parser), and two Debian source packages fetched with `apt-get source`
# into a private apt state (the machine's apt configuration is not touched): Json.NET 6.0.8 (newtonsoft-json, C#)
# and kotlinx.coroutines 1.0.1 (kotlinx-coroutines, Kotlin). Needs node + node-typescript, go, java, clang (or the
# Swift toolchain's), rustc, ruby, php, mono, kotlin: `bash scripts/install-deps.sh --language-tools`.
set -euo pipefail
cd "$(dirname "$0")/.."
docgen="${1:-}"
if [ -z "$docgen" ]; then
    swift build -c release --product docgen >/dev/null
    docgen="$(swift build -c release --show-bin-path)/docgen"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go_src="$(go env GOROOT)/src/net"
jdk_zip="$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r zip; do [ -e "$zip" ] && echo "$zip"; done | sed -n 1p)"
npm_lib="$(dirname "$(readlink -f "$(command -v npm)")")/../lib"
[ -d "$npm_lib" ] || npm_lib=/usr/lib/node_modules/npm/lib
mkdir -p "$work/jdk" "$work/sdists"
unzip -q "$jdk_zip" 'java.base/java/util/*' -d "$work/jdk"
pip download --quiet --no-deps --no-binary :all: ujson==5.10.0 requests==2.32.3 -d "$work/sdists"
tar xzf "$work/sdists/ujson-5.10.0.tar.gz" -C "$work"
tar xzf "$work/sdists/requests-2.32.3.tar.gz" -C "$work"
export CLANG="${CLANG:-$(command -v clang || echo /opt/swift/usr/bin/clang)}"
# C and C++: ujson's double-conversion library (C++), its own C (`lib/`, `python/`), then the whole sdist with tests.
ujson="$work/ujson-5.10.0"
trees=(go="$go_src" typescript="$npm_lib" java="$work/jdk" c="$ujson/deps/double-conversion/double-conversion"
    c="$ujson/lib" c="$ujson/python" c="$ujson" python="$work/requests-2.32.3")
# Rust: a crate's sources from Debian's librust-*-dev packages, when one is installed (librust-regex-syntax-dev).
crate="$(ls -d /usr/share/cargo/registry/regex-syntax-* 2>/dev/null | sed -n 1p || true)"
[ -n "$crate" ] && trees+=(rust="$crate")
# Ruby, PHP: what the Debian packages install.
ruby_lib="$(ruby -e 'print RbConfig::CONFIG["rubylibdir"]' 2>/dev/null || true)"
[ -n "$ruby_lib" ] && [ -d "$ruby_lib" ] && trees+=(ruby="$ruby_lib")
[ -d /usr/share/php/PhpParser ] && cp -r /usr/share/php/PhpParser "$work/PhpParser" && trees+=(php="$work/PhpParser")
# C#, Kotlin: Debian source packages, through apt-get with its own source list and state under $work.
fetch_source() {
    local apt="$work/apt"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources" "$work/src"
    # The machine's own Debian archive and release (its first `main` package source), as a source-package list.
    local uri release
    read -r uri release < <(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' \
        'Component: main' | grep -v -- '-security\|-updates' | sort -u | sed -n 1p)
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' "$uri" "$release" \
        /usr/share/keyrings/debian-archive-keyring.gpg >"$apt/sources/src.sources"
    local options=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$apt/sources"
        -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache")
    [ -e "$apt/updated" ] || { apt-get "${options[@]}" update -qq >/dev/null 2>&1 && touch "$apt/updated"; }
    (cd "$work/src" && apt-get "${options[@]}" source --download-only -qq "$1" >/dev/null 2>&1 || true)
    local orig
    orig="$(ls "$work/src/$1"_*.orig.tar.* 2>/dev/null | sed -n 1p)"
    [ -n "$orig" ] && tar xf "$orig" -C "$work/src" && ls -d "$work/src/"$2
}
if command -v mcs >/dev/null && json_net="$(fetch_source newtonsoft-json 'newtonsoft-json-*')"; then
    trees+=(csharp="$json_net")
fi
if command -v kotlinc >/dev/null && coroutines="$(fetch_source kotlinx-coroutines 'kotlinx-coroutines-*')"; then
    trees+=(kotlin="$coroutines")
fi
python3 scripts/compare_languages.py --docgen "$docgen" --show 5 "${trees[@]}"
echo
bash scripts/bench-treesitter.sh "$docgen"
