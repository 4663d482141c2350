#!/usr/bin/env bash
# Dry-run benchmark on the CPython standard library (issue 6): wall time and peak RSS of `docgen plan`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product docgen >/dev/null
python3 scripts/bench_plan.py --docgen .build/release/docgen "$@"
