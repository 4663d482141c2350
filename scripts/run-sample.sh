#!/usr/bin/env bash
# Sets up docgen on a fresh Debian machine with Swift and runs its main job on the bundled sample repository.
# Without an API key docgen writes reference docs offline; set OPENAI_API_KEY (or see README) for AI docs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product docgen
.build/release/docgen repos/sample "$@"
echo "open docs_output/index.md or docs_output/site/index.html"
