#!/usr/bin/env bash
# Benchmarks docgen's tokenizer against tiktoken and quicktok in one run, single thread, warm (see
# scripts/bench_tokens.py): 1/2/4/8/16 MB of one letter, of base64 and of random bytes (time, ratios, token
# equality, linearity), a code corpus (this machine's CPython stdlib) and a multilingual prose corpus.
#
#   pip install tiktoken quicktok==0.2.0
#   scripts/bench-tokens.sh [--repeats N] [--sizes 1,2,4,8,16] [--code-mb MB] [--skip-prose] [--skip-long]
#
# docgen is timed by the TokenBenchmark executable of the Benchmarks/ package (release, scratch path
# .build-bench; it depends on DocgenTokens only). The peers read the rank files docgen ships
# (Sources/DocgenTokens/Resources), or DOCGEN_VOCAB_DIR (scripts/tiktoken_local.py); nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Benchmarks --scratch-path .build-bench --product TokenBenchmark >&2
uname -srm
grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true
python3 -c 'import importlib.metadata as m; print("tiktoken", m.version("tiktoken"), "· quicktok", m.version("quicktok"))'
exec python3 scripts/bench_tokens.py --benchmark .build-bench/release/TokenBenchmark "$@"
