#!/usr/bin/env bash
# Installs what docgen builds and runs against, only when it is missing (safe to run again):
#   - Debian packages: libcurl, libcmark, the tree-sitter runtime, Graphviz (libgvc), pkg-config;
#   - the tree-sitter grammar library: languages.so from the PyPI wheel tree-sitter-languages 1.10.2, pinned and
#     sha256-checked, into the folder docgen looks in ($DOCGEN_GRAMMARS, else /usr/local/lib/docgen/grammars as
#     root, else ${XDG_DATA_HOME:-~/.local/share}/docgen/grammars). Nothing of Python is needed at run time.
# With --language-tools also the languages' own tools that scripts/record-language-goldens.sh and
# scripts/bench-languages.sh compare docgen with (the unit suite and CI never need them): node-typescript,
# golang-go, a JDK with its sources, rustc and one librust-*-dev crate as Rust code to read, ruby (its parser and
# RDoc), php-cli with php-parser (PHP-Parser, whose own sources are PHP code to read), mono-mcs with NRefactory 5
# (C#) and kotlin (the compiler's PSI).
set -euo pipefail
needed=(libcurl4-openssl-dev libcmark-dev libtree-sitter-dev libgraphviz-dev pkg-config unzip)
if [ "${1:-}" = "--language-tools" ]; then
    needed+=(node-typescript golang-go default-jdk-headless openjdk-17-source librust-regex-syntax-dev ruby php-cli
        php-parser mono-mcs libicsharpcode-nrefactory-csharp5.0-cil kotlin)
    command -v rustc >/dev/null || needed+=(rustc)
    command -v clang >/dev/null || [ -x /opt/swift/usr/bin/clang ] || needed+=(clang)
fi
missing=()
for pkg in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The grammar library (x86_64 Linux; other machines: set DOCGEN_GRAMMARS to a languages.so built for them).
WHEEL_VERSION=1.10.2
WHEEL=tree_sitter_languages-1.10.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
WHEEL_SHA256=9ae34ac314a7170be24998a0f994c1ac80761d8d4bd126af27ee53a023d3b849
LIBRARY_SHA256=859c2802113d4d65c2ab38d6aa30db98880f4b2ee71d8289690c3e1e26e368d2
if [ "$(uname -m)" != "x86_64" ] || [ "$(uname -s)" != "Linux" ]; then
    echo "install-deps: no pinned grammar library for $(uname -s) $(uname -m); TypeScript, Go, Rust, Java files" \
        "will be skipped unless DOCGEN_GRAMMARS points at a languages.so" >&2
    exit 0
fi
if [ -n "${DOCGEN_GRAMMARS:-}" ]; then
    dest="$DOCGEN_GRAMMARS"
elif [ "$(id -u)" -eq 0 ]; then
    dest=/usr/local/lib/docgen/grammars
else
    dest="${XDG_DATA_HOME:-$HOME/.local/share}/docgen/grammars"
fi
target="$dest/languages.so"
if [ -f "$target" ] && echo "$LIBRARY_SHA256  $target" | sha256sum -c --status; then
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "installing the tree-sitter grammars (tree-sitter-languages $WHEEL_VERSION) into $dest" >&2
python3 -m pip download --quiet --no-deps --only-binary :all: --python-version 3.11 \
    --platform manylinux_2_17_x86_64 "tree-sitter-languages==$WHEEL_VERSION" -d "$work" >&2
echo "$WHEEL_SHA256  $work/$WHEEL" | sha256sum -c --status || {
    echo "install-deps: $WHEEL does not match its pinned sha256; not installed" >&2
    exit 1
}
unzip -q -o "$work/$WHEEL" tree_sitter_languages/languages.so -d "$work"
echo "$LIBRARY_SHA256  $work/tree_sitter_languages/languages.so" | sha256sum -c --status || {
    echo "install-deps: languages.so does not match its pinned sha256; not installed" >&2
    exit 1
}
mkdir -p "$dest"
install -m 0644 "$work/tree_sitter_languages/languages.so" "$target.tmp"
mv -f "$target.tmp" "$target"
echo "installed $target" >&2
