#!/usr/bin/env bash
# Benchmarks `docgen graph --json` (scan + facts + graph) against `docgen scan --json` (scan alone) on the CPython
# standard library, in one run so the ratio is meaningful on a shared machine.
#
#   scripts/bench-graph.sh [STDLIB_DIR] [RUNS]
#
# Builds docgen in release mode (or uses DOCGEN=/path/to/docgen, such as the binary of the release archive), runs
# each command RUNS times (default 3), and prints the best wall time of each, the graph's share (graph − scan) and
# the ratio graph / scan. Target: graph ≤ 2 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
STDLIB="${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}"
RUNS="${2:-3}"
OUT=.bench
mkdir -p "$OUT"

if [ -n "${DOCGEN:-}" ]; then
    BIN="$DOCGEN"
else
    swift build -c release --product docgen >/dev/null
    BIN="$(swift build -c release --show-bin-path)/docgen"
fi

best() {  # best NAME COMMAND...: prints the best wall time in seconds over RUNS runs
    local name=$1 best=""
    shift
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$OUT/$name.time" "$@" >"$OUT/$name.out"
        read -r wall rss <"$OUT/$name.time"
        if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc -l)" = 1 ]; then best=$wall; fi
    done
    echo "$best $rss"
}

echo "tree: $STDLIB (site-packages excluded), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r scan scan_rss < <(best scan "$BIN" scan --json "$STDLIB" --exclude site-packages)
read -r graph graph_rss < <(best graph "$BIN" graph --json "$STDLIB" --exclude site-packages)
python3 - "$OUT/graph.out" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1]))
modules = sum(1 for node in graph["nodes"] if node["kind"] == "module")
module_edges = sum(1 for edge in graph["edges"] if "#" not in edge["from"])
print(f"graph: {modules} modules, {len(graph['nodes']) - modules} symbols, {module_edges} module edges, "
      f"{len(graph['edges']) - module_edges} symbol edges, {len(graph['cycles'])} cycles, "
      f"{len(graph['unresolved'])} unresolved")
PY
printf 'docgen scan --json   %6.2f s  peak RSS %6.1f MB\n' "$scan" "$(echo "$scan_rss / 1024" | bc -l)"
printf 'docgen graph --json  %6.2f s  peak RSS %6.1f MB\n' "$graph" "$(echo "$graph_rss / 1024" | bc -l)"
printf 'graph on top of scan %6.2f s; graph / scan = %.2f×\n' "$(echo "$graph - $scan" | bc -l)" \
    "$(echo "$graph / $scan" | bc -l)"
