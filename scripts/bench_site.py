#!/usr/bin/env python3
"""Benchmark: `docgen REPO` (offline) on the CPython standard library, its incremental runs and its site.

Targets (issue 12): full run <= 10 s, no-change run <= 3 s, one changed file <= 3 s, site <= 3x the Markdown,
largest page independent of the number of modules, peak RSS <= 500 MB. Reference measured in the same run:
`docgen plan` over the same tree (the dry run, which reads and tokenizes every file but writes nothing).

The tree is copied to a temporary folder (so one file can be changed) whose name is the stdlib folder's name.
Prints one line per measurement and PASS/FAIL per target; exits 1 when a target fails.

Usage: python3 scripts/bench_site.py --docgen .build/release/docgen [--stdlib DIR] [--runs 3]
"""
import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

RUN_RECORDS = {"metrics.json", "metrics.md", "site/metrics.html"}


# User and system CPU seconds of the last timed process: a high system time points at the file system (on ext4
# without a journal, creating files soon after many were deleted is slow), not at docgen's own work.
LAST_CPU = {"user": 0.0, "system": 0.0}


def timed(command, env):
    """(wall seconds, peak RSS MB) of one process, via GNU time; its CPU seconds go to LAST_CPU."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", report.name, *command],
                                capture_output=True, env=env)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
        rss_kb, user, system = report.read().strip().splitlines()[-1].split()
        LAST_CPU.update(user=float(user), system=float(system))
    return wall, int(rss_kb) / 1024


def files(root: Path) -> dict[str, Path]:
    return {str(p.relative_to(root)): p for p in root.rglob("*") if p.is_file()}


def frame(html: str) -> int:
    """Bytes of a site page outside its <main> article and its <aside class="toc"> contents."""
    for start_tag, end_tag in (("<main", "</main>"), ('<aside class="toc"', "</aside>")):
        start, end = html.find(start_tag), html.find(end_tag)
        if start < 0 or end < start:
            raise SystemExit(f"page layout changed: no {start_tag} ... {end_tag}")
        html = html[:start] + html[end + len(end_tag):]
    return len(html.encode())


def size(paths) -> int:
    return sum(p.stat().st_size for p in paths)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docgen", required=True)
    parser.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    parser.add_argument("--runs", type=int, default=3, help="repeats of the no-change and one-change runs (best)")
    args = parser.parse_args()
    docgen = str(Path(args.docgen).resolve())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "DEEPSEEK_", "DOCGEN_"))}
    work = Path(tempfile.mkdtemp(prefix="docgen-bench-site-"))
    try:
        repo = work / Path(args.stdlib).name
        shutil.copytree(args.stdlib, repo, ignore=shutil.ignore_patterns("site-packages", "__pycache__"), symlinks=True)
        out = work / "out"
        generate = [docgen, str(repo), "-o", str(out), "--provider", "offline", "--quiet"]
        plan_wall, _ = timed([docgen, "plan", str(repo), "--json", "--model", "gpt-4o-mini"], env)
        print(f"plan: {plan_wall:.2f} s", flush=True)
        full_wall, full_rss = timed(generate, env)
        print(f"full run: {full_wall:.2f} s, {full_rss:.0f} MB, CPU {LAST_CPU['user']:.2f} s user + "
              f"{LAST_CPU['system']:.2f} s system", flush=True)
        nochange = [timed(generate, env) for _ in range(args.runs)]
        print("no-change runs: " + ", ".join(f"{w:.2f} s" for w, _ in nochange), flush=True)
        target = repo / "json" / "decoder.py"
        original = target.read_text()
        onechange = []
        for index in range(args.runs):
            target.write_text(original + f"\n\ndef _bench_added_{index}(x):\n    \"\"\"Added by the benchmark.\"\"\"\n"
                                         f"    return x\n")
            onechange.append(timed(generate, env))
        print("one-change runs: " + ", ".join(f"{w:.2f} s" for w, _ in onechange), flush=True)
        clean = work / "clean"
        timed([docgen, str(repo), "-o", str(clean), "--provider", "offline", "--quiet"], env)
        left, right = files(out), files(clean)
        differing = sorted(k for k in (set(left) | set(right)) - RUN_RECORDS
                           if k not in left or k not in right or not filecmp.cmp(left[k], right[k], shallow=False))

        site = {k: p for k, p in left.items() if k.startswith("site/")}
        markdown = {k: p for k, p in left.items() if k.endswith(".md") and not k.startswith("site/")}
        # The largest module page: folder pages (`DIR/index.html`), index and metrics pages have no source file.
        pages = sorted(((p.stat().st_size, k) for k, p in site.items()
                        if k.endswith(".html") and (repo / k[len("site/"):-len(".html")]).is_file()), reverse=True)
        if not pages:
            raise SystemExit("no module page found in the site")
        largest_size, largest = pages[0]
        # The same module documented alone, in a tree of one module with the same project name.
        alone_repo = work / "alone" / repo.name
        module = largest[len("site/"):-len(".html")]
        (alone_repo / module).parent.mkdir(parents=True)
        shutil.copy(repo / module, alone_repo / module)
        alone_out = work / "alone-out"
        timed([docgen, str(alone_repo), "-o", str(alone_out), "--provider", "offline", "--quiet"], env)
        alone_size = (alone_out / largest).stat().st_size
        # What must not grow with the number of modules is the page's frame (head, header, sidebar, footer): the
        # article and its table of contents are the module's own content, and since cross-links its "Uses" and
        # "Used by" sections name its neighbours, which a tree of one module does not have.
        full_frame = frame((out / largest).read_text())
        alone_frame = frame((alone_out / largest).read_text())

        modules = sum(1 for k in markdown if k not in ("index.md", "metrics.md") and not k.endswith("/index.md"))
        site_bytes, md_bytes = size(site.values()), size(markdown.values())
        best_nochange = min(nochange)
        best_one = min(onechange)
        peak = max([full_rss] + [r for _, r in nochange + onechange])
        rows = [
            ("full run (clean output folder)", f"{full_wall:.2f} s", full_wall <= 10, "<= 10 s"),
            (f"no-change run (best of {args.runs})", f"{best_nochange[0]:.2f} s", best_nochange[0] <= 3, "<= 3 s"),
            (f"one changed file (best of {args.runs})", f"{best_one[0]:.2f} s", best_one[0] <= 3, "<= 3 s"),
            ("site size / Markdown size", f"{site_bytes / 1e6:.1f} MB / {md_bytes / 1e6:.1f} MB = "
             f"{site_bytes / md_bytes:.2f}x", site_bytes <= 3 * md_bytes, "<= 3x"),
            (f"largest page ({largest}) in the {modules}-module site vs. alone: frame (page minus article and "
             f"contents)", f"{full_frame} vs {alone_frame} bytes (whole page {largest_size} vs {alone_size})",
             full_frame == alone_frame, "equal"),
            ("peak RSS (any run)", f"{peak:.0f} MB", peak <= 500, "<= 500 MB"),
            ("incremental result vs. clean build (excluding metrics)",
             "identical" if not differing else f"{len(differing)} files differ, e.g. {differing[:3]}", not differing,
             "identical"),
        ]
        print(f"corpus: {args.stdlib} (site-packages excluded), {modules} module pages")
        print(f"reference: docgen plan on the same tree {plan_wall:.2f} s; full run = {full_wall / plan_wall:.1f}x plan, "
              f"no-change run = {best_nochange[0] / plan_wall:.2f}x plan, one change = {best_one[0] / plan_wall:.2f}x plan")
        failed = 0
        for name, value, ok, goal in rows:
            failed += not ok
            print(f"{name}: {value}  target {goal} -> {'PASS' if ok else 'FAIL'}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
