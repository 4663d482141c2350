#!/usr/bin/env bash
# Output benchmark on the CPython standard library (issue 12): full run, no-change run, one changed file, site size,
# largest page, peak RSS, and the incremental result compared byte for byte with a clean build.
#
#   scripts/bench-site.sh [--stdlib DIR] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product docgen >/dev/null
python3 scripts/bench_site.py --docgen .build/release/docgen "$@"
