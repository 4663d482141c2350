#!/usr/bin/env bash
# Sets up docgen on a fresh Debian machine with Swift and runs its main job on the bundled sample repository.
# Without an API key docgen writes reference docs offline; set OPENAI_API_KEY (or see README) for AI docs.
#
# The first run builds docgen in debug mode: a release build of swift-syntax alone takes many minutes, and the
# sample runs just as well unoptimized (the same debug build is reused by scripts/test.sh). For speed on large
# repositories, build for release (DOCGEN_CONFIGURATION=release bash scripts/run-sample.sh, or
# `swift build -c release --product docgen`) or use the release archive (scripts/package.sh, README "CI usage").
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${DOCGEN_CONFIGURATION:-debug}"
case "$configuration" in
    debug | release) ;;
    *) echo "run-sample.sh: DOCGEN_CONFIGURATION must be debug or release, not '$configuration'" >&2; exit 2 ;;
esac
bash scripts/install-deps.sh
swift build -c "$configuration" --product docgen
".build/$configuration/docgen" repos/sample "$@"
echo "open docs_output/index.md or docs_output/site/index.html"
