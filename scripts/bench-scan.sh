#!/usr/bin/env bash
# Benchmarks `docgen scan --json` against Python's own `ast` on the CPython standard library.
#
#   scripts/bench-scan.sh [STDLIB_DIR]
#
# Builds docgen in release mode, then runs on the same tree (site-packages excluded):
#   1. docgen scan --json
#   2. scripts/pyast_scan.py: walks the tree with ast and prints the same JSON (signatures, decorators, bases)
#   3. scripts/pyast_scan.py --core-only: ast without the extra fields (a lower bound for any ast-based scanner)
# and prints wall times, the speed-up and peak RSS, then the symbol-by-symbol accuracy of docgen against ast.
set -euo pipefail
cd "$(dirname "$0")/.."
STDLIB="${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}"
OUT=.bench
mkdir -p "$OUT"

swift build -c release --product docgen >/dev/null
BIN="$(swift build -c release --show-bin-path)/docgen"

measure() {  # measure NAME OUTPUT COMMAND...: prints wall time, CPU time and peak RSS
    local name=$1 output=$2
    shift 2
    /usr/bin/time -f "%e %M %U %S" -o "$OUT/$name.time" "$@" >"$output"
    read -r wall rss user system <"$OUT/$name.time"
    printf '%-24s %8.2f s wall  %8.2f s CPU  peak RSS %7.1f MB\n' "$name" "$wall" \
        "$(echo "$user + $system" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

echo "tree: $STDLIB (site-packages excluded)"
echo "files: $(find "$STDLIB" -name '*.py' -not -path '*/site-packages/*' | wc -l) .py files," \
    "$(find "$STDLIB" -name '*.py' -not -path '*/site-packages/*' -print0 | xargs -0 cat | wc -l) lines"
echo "cores: $(nproc)"
measure "docgen scan --json" "$OUT/docgen.json" "$BIN" scan --json "$STDLIB" --exclude site-packages
measure "python ast (same JSON)" "$OUT/ast.json" python3 scripts/pyast_scan.py "$STDLIB" --exclude site-packages
measure "python ast (core)" "$OUT/ast-core.json" \
    python3 scripts/pyast_scan.py "$STDLIB" --exclude site-packages --core-only

read -r docgen_wall _ <"$OUT/docgen scan --json.time"
read -r ast_wall _ <"$OUT/python ast (same JSON).time"
read -r core_wall _ <"$OUT/python ast (core).time"
printf 'speed-up vs same JSON: %.1fx   vs core-only ast: %.1fx\n' \
    "$(echo "$ast_wall / $docgen_wall" | bc -l)" "$(echo "$core_wall / $docgen_wall" | bc -l)"
echo
echo "accuracy of docgen against ast:"
python3 scripts/compare_scan.py "$OUT/docgen.json" "$OUT/ast.json" --show 20
