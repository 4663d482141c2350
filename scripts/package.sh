#!/usr/bin/env bash
# Builds the relocatable docgen archive: dist/docgen-VERSION-linux-x86_64.tar.gz and its .sha256.
#
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib), so at run time it needs only
# the Debian libraries listed in the archive's RUNTIME-DEPENDENCIES (libcurl4, libcmark0.30.2, glibc, ...). The
# only files it reads at run time are the tokenizer rank files, which SwiftPM puts in a resource bundle
# (docgen_DocgenTokens.resources) that docgen finds next to its own executable, wherever the folder is unpacked;
# the default templates and the site's stylesheet are compiled in.
#
#   bash scripts/package.sh                      # release build in .build-release, archive in dist/
#   bash scripts/package.sh --configuration debug  # quicker check of the packaging (.build-static, -debug archive)
#   bash scripts/package.sh --output /tmp/dist --scratch-path /tmp/docgen-build
#
# Then test it in a clean environment: bash scripts/test-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=release
scratch=""
output=dist
while [ $# -gt 0 ]; do
    case "$1" in
        --configuration | -c) configuration="${2:?--configuration needs debug or release}"; shift 2 ;;
        --scratch-path) scratch="${2:?--scratch-path needs a folder}"; shift 2 ;;
        --output | -o) output="${2:?--output needs a folder}"; shift 2 ;;
        -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
case "$configuration" in
    release) scratch="${scratch:-.build-release}"; suffix="" ;;
    # Never .build: objects compiled for a static runtime cannot be linked dynamically afterwards (-lCoreFoundation).
    debug) scratch="${scratch:-.build-static}"; suffix="-debug" ;;
    *) echo "package.sh: --configuration must be debug or release, not '$configuration'" >&2; exit 2 ;;
esac
arch="$(uname -m)"
if [ "$(uname -s)" != Linux ]; then
    echo "package.sh: builds Linux archives only (this is $(uname -s))" >&2
    exit 2
fi

bash scripts/install-deps.sh

# The commit goes into the binary through an environment variable that Package.swift turns into a C define;
# nothing in the repository is written.
commit="unknown"
if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
    commit="$(git rev-parse HEAD)"
    if [ -n "$(git status --porcelain 2>/dev/null)" ]; then commit="$commit-dirty"; fi
fi

echo "== building docgen ($configuration, static Swift runtime, commit $commit)" >&2
started=$(date +%s)
DOCGEN_BUILD_COMMIT="$commit" swift build -c "$configuration" --product docgen --static-swift-stdlib \
    --scratch-path "$scratch"
echo "== built in $(( $(date +%s) - started )) s" >&2
bin_dir="$scratch/$configuration"
binary="$bin_dir/docgen"

# Facts about the binary, checked rather than assumed.
version_text="$("$binary" --version)"
version="$(printf '%s\n' "$version_text" | sed -n '1s/^docgen //p')"
built_commit="$(printf '%s\n' "$version_text" | sed -n 's/^commit //p')"
if [ -z "$version" ]; then
    echo "package.sh: '$binary --version' printed no 'docgen VERSION' line:" >&2
    printf '%s\n' "$version_text" >&2
    exit 1
fi
if [ "$built_commit" != "$commit" ]; then
    echo "package.sh: the binary says commit '$built_commit', the tree is at '$commit'" >&2
    exit 1
fi
needed="$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
if printf '%s\n' "$needed" | grep -q '^libswift\|^libFoundation\|^libdispatch\|^lib_Foundation'; then
    echo "package.sh: the binary still needs Swift runtime libraries:" >&2
    printf '%s\n' "$needed" | grep 'swift\|Foundation\|dispatch' >&2
    exit 1
fi
# An rpath may only point next to the binary ($ORIGIN), never into this machine's toolchain or build folders.
if readelf -d "$binary" | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p' | tr ':' '\n' | grep -v '^\$ORIGIN$' | grep -q .; then
    echo "package.sh: the binary has an rpath into this machine:" >&2
    readelf -d "$binary" | grep 'RPATH\|RUNPATH' >&2
    exit 1
fi

# The resource bundles the binary looks for next to itself (SwiftPM names them PACKAGE_TARGET.resources).
bundles="$(grep -aoE 'docgen_[A-Za-z0-9]+\.resources' "$binary" | sort -u)"

name="docgen-$version-linux-$arch$suffix"
stage_root="$(mktemp -d)"
trap 'rm -rf "$stage_root"' EXIT
stage="$stage_root/$name"
mkdir -p "$stage"
cp "$binary" "$stage/docgen"
strip --strip-debug "$stage/docgen"
for bundle in $bundles; do
    if [ ! -d "$bin_dir/$bundle" ]; then
        echo "package.sh: the binary refers to $bundle, which the build did not produce in $bin_dir" >&2
        exit 1
    fi
    cp -R "$bin_dir/$bundle" "$stage/$bundle"
done
cp -R templates "$stage/templates"
cp -R repos/sample "$stage/sample"

# The Debian packages that provide each shared library the binary needs.
{
    echo "# Shared libraries docgen needs at run time, and the Debian packages that provide them here."
    echo "# Install on a Debian/Ubuntu machine with: apt-get install \$(grep -v '^#' RUNTIME-DEPENDENCIES | cut -f2 | sort -u)"
    for library in $needed; do
        path="$(ldd "$binary" | awk -v lib="$library" '$1 == lib { print $3 }')"
        owner=""
        if [ -n "$path" ]; then
            owner="$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || true)"
        fi
        package="$(printf '%s\n' "$owner" | head -1 | cut -d: -f1)"
        case "$library" in ld-linux*) package="${package:-libc6}" ;; esac
        printf '%s\t%s\n' "$library" "${package:-unknown}"
    done
    glibc="$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)"
    echo "# Needs glibc ${glibc#GLIBC_} or newer (built on $(. /etc/os-release && echo "$PRETTY_NAME"))."
} >"$stage/RUNTIME-DEPENDENCIES"

cat >"$stage/README.md" <<EOF
# docgen $version for Linux $arch

\`\`\`text
$version_text
\`\`\`

Run \`./docgen --help\` from this folder, or add the folder to \`PATH\`. The binary finds its rank files
(\`docgen_DocgenTokens.resources/\`) next to itself, so keep them together; it works from any working directory.

Needs only the shared libraries in \`RUNTIME-DEPENDENCIES\` (the Swift runtime is linked in):

    apt-get install \$(grep -v '^#' RUNTIME-DEPENDENCIES | cut -f2 | sort -u)

Try it on the bundled sample (offline without an API key; set OPENAI_API_KEY to use a model):

    ./docgen sample -o /tmp/docgen-sample && ls /tmp/docgen-sample

\`templates/\` holds editable copies of the built-in prompt templates (\`--templates DIR\`).
EOF

mkdir -p "$output"
archive="$output/$name.tar.gz"
# Reproducible: sorted names, fixed owner and time (the commit's), gzip without a timestamp.
mtime="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$stage_root" -cf - "$name" \
    | gzip -9n >"$archive.tmp"
mv "$archive.tmp" "$archive"
(cd "$output" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256.tmp" && mv "$name.tar.gz.sha256.tmp" "$name.tar.gz.sha256")

echo "$archive ($(du -h "$archive" | cut -f1), binary $(du -h "$stage/docgen" | cut -f1))"
cat "$archive.sha256"
echo "runtime libraries: $(printf '%s ' $needed)"
