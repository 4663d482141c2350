#!/usr/bin/env bash
# Benchmarks docgen's tokenizer against tiktoken (pip install tiktoken) on the same files, single thread, warm:
# a code corpus (this machine's CPython stdlib), a multilingual prose corpus (gettext catalogues), and the two
# 1 MB worst cases. Prints MB/s for both, the ratio, worst-case times, vocabulary load time and memory.
#
#   scripts/bench-tokens.sh [--repeats N] [--code-mb MB] ...   (options go to scripts/bench_tokens.py)
#
# tiktoken reads the rank files docgen ships (Sources/DocgenTokens/Resources), or DOCGEN_VOCAB_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Benchmarks --scratch-path .build-bench --product TokensBenchmark >&2
uname -srm
grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true
python3 -c 'import tiktoken; print("tiktoken", tiktoken.__version__)'
exec python3 scripts/bench_tokens.py --bench .build-bench/release/TokensBenchmark "$@"
