#!/usr/bin/env python3
"""Compares `docgen scan --json` output with scripts/pyast_scan.py output, symbol by symbol.

    compare_scan.py DOCGEN.json REFERENCE.json [--show N]

A symbol is correct when kind, name, qualified_name, line, end_line and docstring all equal ast's. Precision is
correct / symbols docgen reported; recall is correct / symbols ast reported. Signature, decorators and bases are
compared too and reported separately. Files only one side scanned count fully against that side.
"""
import argparse
import json
from collections import Counter, defaultdict

CORE = ("kind", "name", "qualified_name", "line", "end_line", "docstring")
EXTRA = ("signature", "decorators", "bases")


def index(doc):
    files = {}
    for f in doc["files"]:
        if f.get("language", "python") == "python":
            files[f["path"]] = f
    return files, {s["path"]: s["reason"] for s in doc["skipped"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docgen")
    parser.add_argument("reference")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    mine, mine_skipped = index(json.load(open(args.docgen)))
    ref, ref_skipped = index(json.load(open(args.reference)))
    total_mine = total_ref = correct = 0
    extra_bad = Counter()
    problems = []
    for path in sorted(set(mine) | set(ref)):
        m = mine.get(path, {"symbols": []})["symbols"]
        r = ref.get(path, {"symbols": []})["symbols"]
        total_mine += len(m)
        total_ref += len(r)
        if path not in mine and r:
            problems.append(f"{path}: docgen skipped ({mine_skipped.get(path, 'not listed')}), ast found {len(r)}")
        if path not in ref and m:
            problems.append(f"{path}: ast skipped ({ref_skipped.get(path, 'not listed')}), docgen found {len(m)}")
        if path not in mine or path not in ref:
            continue
        if path in mine and mine[path]["lines"] != ref[path]["lines"]:
            problems.append(f"{path}: lines {mine[path]['lines']} != {ref[path]['lines']}")
        pool = defaultdict(list)
        for s in r:
            pool[(s["qualified_name"], s["line"])].append(s)
        for s in m:
            candidates = pool.get((s["qualified_name"], s["line"]))
            if not candidates:
                problems.append(f"{path}: extra {s['kind']} {s['qualified_name']} line {s['line']}")
                continue
            e = candidates.pop(0)
            bad = [k for k in CORE if s.get(k) != e.get(k)]
            if bad:
                details = "; ".join(f"{k}: {s.get(k)!r} != {e.get(k)!r}" for k in bad)
                problems.append(f"{path}: {s['qualified_name']} line {s['line']}: {details}")
            else:
                correct += 1
            for k in EXTRA:
                if k in e and s.get(k) != e.get(k):
                    extra_bad[k] += 1
                    if extra_bad[k] <= 3:
                        problems.append(f"{path}: {s['qualified_name']} {k}: {s.get(k)!r} != {e.get(k)!r}")
        for key, rest in pool.items():
            for s in rest:
                problems.append(f"{path}: missing {s['kind']} {s['qualified_name']} line {s['line']}")
    precision = correct / total_mine if total_mine else 1.0
    recall = correct / total_ref if total_ref else 1.0
    print(f"files: docgen {len(mine)} scanned, {len(mine_skipped)} skipped; ast {len(ref)} scanned, "
          f"{len(ref_skipped)} skipped")
    print(f"symbols: docgen {total_mine}, ast {total_ref}, exactly equal {correct}")
    print(f"precision {precision * 100:.3f} %  recall {recall * 100:.3f} %")
    for k in EXTRA:
        print(f"{k} mismatches: {extra_bad[k]}")
    print(f"{len(problems)} problems")
    for p in problems[: args.show]:
        print("  " + p[:400])


if __name__ == "__main__":
    main()
