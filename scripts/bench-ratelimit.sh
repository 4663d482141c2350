#!/usr/bin/env bash
# Rate-limit benchmark: AIService over libcurl against a loopback server that enforces tokens-per-minute and
# requests-per-minute token buckets. Builds the Benchmarks package in release (scratch path .build-bench) and
# runs it; extra arguments go to the benchmark (--help-like usage is printed for unknown options), e.g.
#   scripts/bench-ratelimit.sh --modes configured --minutes 3
# Exit status: 0 when the limited modes use >= 90 % of the TPM limit with no request sent before a
# retry-after expired, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Benchmarks --scratch-path .build-bench --product RateLimitBenchmark
exec .build-bench/release/RateLimitBenchmark "$@"
