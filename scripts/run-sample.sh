#!/usr/bin/env bash
# Sets up docgen on a fresh Debian machine with Swift and runs it on the bundled sample repository.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product docgen
.build/release/docgen scan repos/sample
