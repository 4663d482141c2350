#!/usr/bin/env bash
# Tree-sitter scanning on hostile input: a 2 MB minified JavaScript file must be skipped or parsed within 1 s
# (never hang), and a 2 MB ordinary JavaScript file (20,000 small functions) is parsed or stopped by the 1 s parse
# limit. Prints wall times, the ratio to an empty-repository run of the same binary (process start-up), and what
# the scan reported.  Usage: bash scripts/bench-treesitter.sh [path/to/docgen]
set -euo pipefail
cd "$(dirname "$0")/.."
docgen="${1:-.build/debug/docgen}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/minified" "$work/ordinary"
python3 - "$work" <<'PY'
import sys
root = sys.argv[1]
chunk = "var a=function(b){return b+1};"
with open(f"{root}/minified/app.min.js", "w") as f:
    f.write(chunk * (2_000_000 // len(chunk)))
with open(f"{root}/ordinary/app.js", "w") as f:
    i = 0
    while f.tell() < 2_000_000:
        f.write(f"/** Adds {i}. */\nexport function add{i}(x) {{\n  return x + {i};\n}}\n\n")
        i += 1
PY
measure() {
    local start end
    start=$(date +%s.%N)
    "$docgen" scan --json "$1" > "$work/out.json"
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
}
base=$(measure "$work/empty")
for case in minified ordinary; do
    seconds=$(measure "$work/$case")
    python3 - "$work/out.json" "$case" "$seconds" "$base" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
case, seconds, base = sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
symbols = sum(len(f["symbols"]) for f in result["files"])
skipped = [s["reason"] for s in result["skipped"]]
print(f"{case}: {seconds:.3f} s wall ({seconds / base:.1f}x an empty scan of {base:.3f} s), "
      f"{symbols} symbols, skipped: {skipped or 'none'}")
PY
done
