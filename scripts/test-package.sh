#!/usr/bin/env bash
# Tests a docgen archive the way a CI machine meets it: unpacked into an empty folder, run through `env -i` (no
# PATH into the Swift toolchain, no HOME, no DOCGEN_*/API variables) from another working directory, with no
# .build/ anywhere near it. When run as root it also hides /opt/swift-like toolchains and the build folders in a
# private mount namespace, so nothing can be picked up from this machine's build.
#
#   bash scripts/test-package.sh                     # the newest dist/docgen-*.tar.gz
#   bash scripts/test-package.sh dist/docgen-0.1.0-linux-x86_64.tar.gz
#
# Needs seconds once the archive exists (building it is the slow part: scripts/package.sh).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

archive="${1:-}"
if [ -z "$archive" ]; then
    archive="$(ls -t "$repo"/dist/docgen-*-linux-*.tar.gz 2>/dev/null | head -1 || true)"
    if [ -z "$archive" ]; then
        echo "test-package.sh: no archive in dist/; run scripts/package.sh first or pass one" >&2
        exit 2
    fi
fi
archive="$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"
name="$(basename "$archive" .tar.gz)"
version="$(printf '%s\n' "$name" | sed -n 's/^docgen-\(.*\)-linux-.*$/\1/p')"

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

echo "== checksum"
(cd "$(dirname "$archive")" && sha256sum -c "$name.tar.gz.sha256") && pass "sha256 matches" || fail "sha256"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/unpacked" "$work/elsewhere" "$work/home" "$work/bin"
tar -xzf "$archive" -C "$work/unpacked"
dir="$work/unpacked/$name"
[ -x "$dir/docgen" ] && pass "unpacked $name" || { fail "no executable docgen in $name"; exit 1; }

# Runs a command in a clean environment from $work/elsewhere; with root, in a mount namespace where the Swift
# toolchain and this repository's build folders are empty.
clean_env=(env -i HOME="$work/home" PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8)
hidden=()
for path in /opt/swift /usr/share/swift "$repo/.build" "$repo"/.build-*; do
    [ -d "$path" ] && hidden+=("$path")
done
run_clean() {
    if [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
        local mounts=""
        for path in "${hidden[@]}"; do mounts+="mount -t tmpfs none '$path' && "; done
        (cd "$work/elsewhere" && "${clean_env[@]}" unshare --mount sh -c "${mounts}exec \"\$0\" \"\$@\"" "$@")
    else
        (cd "$work/elsewhere" && "${clean_env[@]}" "$@")
    fi
}
if [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
    echo "== hidden in a private mount namespace: ${hidden[*]}"
fi

echo "== runtime libraries"
if missing="$(ldd "$dir/docgen" | grep 'not found')"; then
    fail "missing libraries: $missing"
else
    pass "every library resolves: $(ldd "$dir/docgen" | awk '{print $1}' | grep -v '^/\|linux-vdso' | tr '\n' ' ')"
fi
if ldd "$dir/docgen" | grep -q 'libswift\|libFoundation\|libdispatch'; then
    fail "links the Swift runtime dynamically"
else
    pass "no Swift runtime libraries needed"
fi

echo "== docgen --version"
if output="$(run_clean "$dir/docgen" --version)"; then
    printf '%s\n' "$output" | sed 's/^/     /'
    printf '%s\n' "$output" | grep -qx "docgen $version" && pass "version $version" || fail "version line"
    printf '%s\n' "$output" | grep -qE '^commit [0-9a-f]{40}(-dirty)?$' && pass "commit embedded" \
        || fail "no commit embedded"
    printf '%s\n' "$output" | grep -qE '^libcurl [0-9]+\.[0-9]+' && pass "libcurl version" || fail "libcurl line"
    printf '%s\n' "$output" | grep -qE '^libcmark [0-9]+\.[0-9]+' && pass "libcmark version" || fail "libcmark line"
else
    fail "docgen --version exited non-zero"
fi

echo "== the bundled sample, documented from another folder"
if run_clean "$dir/docgen" "$dir/sample" -o "$work/elsewhere/out" --json >"$work/summary.json" 2>"$work/stderr"; then
    pass "docgen sample exited 0"
else
    fail "docgen sample exited non-zero: $(cat "$work/stderr")"
fi
grep -q '"failed" *: *0' "$work/summary.json" && pass "no module failed" || fail "summary: $(cat "$work/summary.json")"
pages=$(find "$work/elsewhere/out" -name '*.md' ! -name 'index.md' ! -name 'metrics.md' | wc -l)
modules=$(find "$dir/sample" \( -name '*.py' -o -name '*.swift' \) | wc -l)
[ "$pages" -eq "$modules" ] && pass "$pages pages for $modules modules" || fail "$pages pages for $modules modules"
[ -s "$work/elsewhere/out/site/index.html" ] && pass "HTML site written" || fail "no site/index.html"
[ -s "$work/elsewhere/out/metrics.json" ] && pass "metrics written" || fail "no metrics.json"
[ -s "$work/elsewhere/out/graph.svg" ] && pass "module graph drawn by Graphviz (its plugins load)" \
    || fail "no graph.svg: $(grep -i graph "$work/stderr" | head -1)"

echo "== both rank files load (o200k_base for gpt-4o, cl100k_base for gpt-4)"
for model in gpt-4o gpt-4; do
    if run_clean "$dir/docgen" plan "$dir/sample" --model "$model" >"$work/plan-$model" 2>&1; then
        pass "plan with $model: $(tail -1 "$work/plan-$model" | cut -c1-80)"
    else
        fail "plan with $model: $(cat "$work/plan-$model")"
    fi
done
count="$(printf 'hello world' | run_clean "$dir/docgen" tokens count --encoding cl100k_base 2>&1 || true)"
[ "$(printf '%s' "$count" | tr -d '[:space:]')" = 2 ] && pass "tokens count 'hello world' = 2" \
    || fail "tokens count printed '$count'"

echo "== through a symlink on PATH"
ln -s "$dir/docgen" "$work/bin/docgen"
if run_clean docgen plan "$dir/sample" >/dev/null 2>"$work/stderr"; then
    pass "docgen via PATH symlink"
else
    fail "docgen via PATH symlink: $(cat "$work/stderr")"
fi

echo "== the rank files are read from the unpacked folder (a corrupted copy is refused)"
cp -R "$dir" "$work/corrupt"
rank="$(find "$work/corrupt" -name 'o200k_base.tiktoken')"
printf 'X' | dd of="$rank" bs=1 seek=100 conv=notrunc status=none
status=0
run_clean "$work/corrupt/docgen" plan "$dir/sample" --model gpt-4o >/dev/null 2>"$work/stderr" || status=$?
if [ "$status" -eq 1 ] && grep -qi 'o200k' "$work/stderr"; then
    pass "corrupted o200k_base refused (exit 1): $(head -1 "$work/stderr" | cut -c1-100)"
else
    fail "corrupted rank file: exit $status, $(cat "$work/stderr")"
fi

echo "== copied without its resources folder: a clear error, not a trap"
mkdir -p "$work/lonely"
cp "$dir/docgen" "$work/lonely/docgen"
status=0
printf 'hello' | run_clean "$work/lonely/docgen" tokens count >/dev/null 2>"$work/stderr" || status=$?
if [ "$status" -eq 1 ] && grep -q 'docgen_DocgenTokens.resources' "$work/stderr"; then
    pass "exit 1 naming the missing folder: $(head -1 "$work/stderr" | cut -c1-100)"
else
    fail "without resources: exit $status (132 is a trap), $(head -3 "$work/stderr")"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
