#!/usr/bin/env bash
# Fault benchmark: documents a generated 40-module repository over libcurl against a loopback model server that
# cuts 25 % of streams, answers 25 % with 5xx and drops 10 % of connections, for N seeds (default 20), each
# against a clean run measured right before it. Checks every module documented, outputs identical to the clean
# run, no request sent more often than the retry policy allows, and the faulty run within 2x the clean run's
# time; then reports how often the default retries (3 retries) lose a module with and without the final round.
#   scripts/bench-faults.sh [SEEDS]
# Exit status: 0 when every check holds, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-20}"
swift build --build-tests
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
DOCGEN_FAULT_BENCH_SEEDS="$seeds" swift test --skip-build --filter 'FaultRoundEndToEndTests.benchmark' >"$log" 2>&1 \
    || status=$?
grep 'fault-bench' "$log" || true
grep -E 'recorded an issue|error:' "$log" | head -40 || true
tail -n 2 "$log"
exit "$status"
