#!/usr/bin/env python3
"""Benchmark: `docgen plan` (dry run) over the CPython standard library.

Target (issue 6): <= 3 s wall on 2 cores and <= 300 MB peak RSS for ~2,000 files / ~700k lines.
Prints the corpus size, wall time, CPU time and peak RSS of `docgen plan --json`, best of N runs.

Usage: python3 scripts/bench_plan.py --docgen .build/release/docgen [--runs 3] [--stdlib DIR]
"""
import argparse
import json
import os
import resource
import subprocess
import sysconfig
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docgen", required=True)
    parser.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", default="gpt-4o-mini")
    args = parser.parse_args()

    command = [args.docgen, "plan", args.stdlib, "--json", "--model", args.model, "--exclude", "site-packages/"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "DEEPSEEK_", "DOCGEN_"))}
    best = None
    report = None
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, env=env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode not in (0, 1):
            raise SystemExit(f"docgen plan failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
        report = json.loads(result.stdout)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if best is None or wall < best[0]:
            best = (wall, cpu)
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far, in KiB on Linux.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    modules = report["modules"]
    lines = sum(m["source_lines"] for m in modules)
    totals = report["totals"]
    print(f"corpus: {args.stdlib} (site-packages excluded): {len(modules)} modules planned, {lines} lines, "
          f"{len(report['skipped'])} files skipped by the scan")
    print(f"plan: {totals['requests']} requests, {totals['prompt_tokens']} prompt tokens, "
          f"{totals['truncated_modules']} truncated, {totals['split_modules']} split, "
          f"{totals['failed_modules']} cannot fit ({args.model})")
    print(f"docgen plan: wall {best[0]:.2f} s (best of {args.runs}), cpu {best[1]:.2f} s, peak RSS {peak_mb:.0f} MB")
    print(f"target: wall <= 3 s -> {'PASS' if best[0] <= 3 else 'FAIL'}; "
          f"peak RSS <= 300 MB -> {'PASS' if peak_mb <= 300 else 'FAIL'}")


if __name__ == "__main__":
    main()
