#!/usr/bin/env bash
# Checks docgen's HTML site in a real headless browser; see scripts/check_site.py for what is checked.
#
#   scripts/check-site.sh [--shots DIR] [--keep] [--verbose]
#
# Installs Chromium from Debian when it is missing (needs root or sudo), builds docgen (debug), generates the
# bundled sample's site into a temporary folder and runs the checks. Prints PASS/FAIL lines and
# "N passed, N failed"; exits 1 when a check failed, 2 when the checks could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

find_chromium() {
    command -v chromium || command -v chromium-browser || true
}

chromium_bin="${CHROMIUM:-$(find_chromium)}"
if [ -z "$chromium_bin" ]; then
    echo "check-site: Chromium not found; installing the Debian package 'chromium'" >&2
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then sudo_cmd="sudo"; else
            echo "check-site: need root or sudo to run apt-get install chromium" >&2
            exit 2
        fi
    fi
    $sudo_cmd apt-get update -qq
    if ! apt-cache show chromium >/dev/null 2>&1; then
        echo "check-site: apt has no 'chromium' package on this system; install Chromium and set CHROMIUM=PATH" >&2
        exit 2
    fi
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
    chromium_bin="$(find_chromium)"
    if [ -z "$chromium_bin" ]; then
        echo "check-site: installing chromium did not provide a chromium executable" >&2
        exit 2
    fi
fi
echo "check-site: $("$chromium_bin" --version 2>/dev/null | head -n 1)" >&2

swift build --product docgen >&2
exec python3 scripts/check_site.py --docgen .build/debug/docgen --chromium "$chromium_bin" "$@"
