#!/usr/bin/env python3
"""Records the expected symbols of every Python fixture with Python's own `ast` (run from the repository root).

    python3 scripts/record_python_goldens.py

For Tests/DocgenScannerTests/Fixtures/python/NAME.py it writes Fixtures/python-expected/NAME.json:
{"lines": N, "symbols": [...]} when ast parses the file, {"syntax_error_line": N} when it does not.
Fixtures in Fixtures/python312/ use Python 3.12 syntax (PEP 701 f-strings, PEP 695 type parameters); their
goldens in Fixtures/python312-expected/ are recorded only when this script runs on Python 3.12 or newer.
"""
import ast
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyast_scan  # noqa: E402

FIXTURES = os.path.join("Tests", "DocgenScannerTests", "Fixtures")


def record(source_dir, expected_dir):
    os.makedirs(expected_dir, exist_ok=True)
    for name in sorted(os.listdir(source_dir)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(source_dir, name)
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            ast.parse(data)
        except SyntaxError as error:
            expected = {"syntax_error_line": error.lineno}
        else:
            entry, skip = pyast_scan.scan_file(path, name)
            if entry is None:
                raise SystemExit(f"{name}: {skip}")
            expected = {"lines": entry["lines"], "symbols": entry["symbols"]}
        out = os.path.join(expected_dir, name[:-3] + ".json")
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(expected, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        print(f"{out}: {expected.get('syntax_error_line', len(expected.get('symbols', [])))}")


def main():
    record(os.path.join(FIXTURES, "python"), os.path.join(FIXTURES, "python-expected"))
    if sys.version_info >= (3, 12):
        record(os.path.join(FIXTURES, "python312"), os.path.join(FIXTURES, "python312-expected"))


if __name__ == "__main__":
    main()
