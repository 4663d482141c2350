#!/usr/bin/env bash
# Fault benchmark: documents a generated 40-module repository over libcurl against a loopback model server that
# cuts 25 % of streams, answers 25 % with 5xx and drops 10 % of connections, for N seeds (default 20). Checks every
# module documented, outputs identical to a clean run, no request sent more often than the retry policy allows,
# and the faulty run within 2x the clean run's time (best of two runs each, alternating, in the same session);
# then reports how often the default retries (3 retries) lose a module with and without the final round.
#   scripts/bench-faults.sh [SEEDS]
# Exit status: 0 when every check holds, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-20}"
swift build --build-tests
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# One benchmark at a time: run together they would time each other's load.
for benchmark in benchmarkEverySeedWithinTwiceTheCleanTime benchmarkDefaultRetriesWithAndWithoutTheFinalRound; do
    DOCGEN_FAULT_BENCH_SEEDS="$seeds" swift test --skip-build --filter "FaultRoundEndToEndTests.$benchmark" \
        >>"$log" 2>&1 || status=$?
done
grep 'fault-bench' "$log" || true
grep -E 'recorded an issue|error:' "$log" | head -40 || true
grep -E 'Test run with' "$log" || true
exit "$status"
