#!/usr/bin/env bash
# Runs docgen's whole test suite: format lint, a warnings-as-errors build, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "== format lint"
swift format lint --strict --recursive Sources Tests Package.swift
echo "== build (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors --explicit-target-dependency-import-check error
echo "== tests"
swift test --skip-build
