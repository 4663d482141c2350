#!/usr/bin/env bash
# docgen's tree-sitter scanning against the languages' own tools on real code, in one run: accuracy (symbols, exact
# line ranges, doc comments) and wall time of `docgen scan --json` against the tool scripts on the same files, then
# the 2 MB minified / ordinary JavaScript checks of scripts/bench-treesitter.sh.
#
#   scripts/bench-languages.sh [path/to/docgen]
#
# The trees (Debian packages or PyPI sdists; nothing is committed): Go's standard library `net` (golang-go),
# the JDK's `java.util` sources (openjdk-17-source), npm's own `lib/` (Node.js), ujson's C and C++ sources and
# requests' Python sources (pip download), regex-syntax's Rust sources (librust-regex-syntax-dev). Needs node +
# node-typescript, go, java, clang (or the Swift toolchain's), rustc: `bash scripts/install-deps.sh --language-tools`.
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
jdk_zip="$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r zip; do [ -e "$zip" ] && echo "$zip"; done | head -1)"
npm_lib="$(dirname "$(readlink -f "$(command -v npm)")")/../lib"
[ -d "$npm_lib" ] || npm_lib=/usr/lib/node_modules/npm/lib
mkdir -p "$work/jdk" "$work/sdists"
unzip -q "$jdk_zip" 'java.base/java/util/*' -d "$work/jdk"
pip download --quiet --no-deps --no-binary :all: ujson==5.10.0 requests==2.32.3 -d "$work/sdists"
tar xzf "$work/sdists/ujson-5.10.0.tar.gz" -C "$work"
tar xzf "$work/sdists/requests-2.32.3.tar.gz" -C "$work"
export CLANG="${CLANG:-$(command -v clang || echo /opt/swift/usr/bin/clang)}"
trees=(go="$go_src" typescript="$npm_lib" java="$work/jdk" c="$work/ujson-5.10.0" python="$work/requests-2.32.3")
# Rust: a crate's sources from Debian's librust-*-dev packages, when one is installed (librust-regex-syntax-dev).
crate="$(ls -d /usr/share/cargo/registry/regex-syntax-* 2>/dev/null | head -1 || true)"
[ -n "$crate" ] && trees+=(rust="$crate")
python3 scripts/compare_languages.py --docgen "$docgen" --show 5 "${trees[@]}"
echo
bash scripts/bench-treesitter.sh "$docgen"
