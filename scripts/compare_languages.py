#!/usr/bin/env python3
"""docgen's symbols against each language's own tool on real code, with the time each side took.

    compare_languages.py --docgen BIN LANGUAGE=FOLDER [LANGUAGE=FOLDER ...] [--show N]

LANGUAGE is one of typescript (TS, TSX and JS files, TypeScript compiler API), go (go/ast), java (javac's tree
API), c (C and C++, clang's AST), rust (rustc's parser), python (scripts/pyast_scan.py, Python's ast), ruby (Ruby's
parser and RDoc), php (PHP-Parser), csharp (NRefactory 5 and the Mono C# compiler) or kotlin (the Kotlin compiler's
PSI). docgen scans FOLDER once
(`docgen scan --json`); the tool reads the files docgen found of that language (plus those docgen skipped), so both
sides see the same files.

Per language it prints one Markdown table row:
  symbols   docgen's and the tool's symbol counts; a symbol matches on (file, kind, qualified name), in order;
  precision matched / docgen's symbols;  recall matched / the tool's symbols (files docgen skipped count fully);
  lines     matched symbols whose line and end line are both the tool's;
  docs      matched symbols whose doc comment equals the tool's, whitespace collapsed (all but C/C++);
  time      wall seconds of `docgen scan` on the folder (once per folder, every language in it) and of the tool on
            the same files, and their ratio; the last line sums both sides over all trees.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GROUPS = {
    "typescript": {"typescript", "tsx", "javascript"},
    "go": {"go"},
    "java": {"java"},
    "c": {"c", "cpp"},
    "rust": {"rust"},
    "python": {"python"},
    "ruby": {"ruby"},
    "php": {"php"},
    "csharp": {"csharp"},
    "kotlin": {"kotlin"},
}
EXTENSIONS = {
    "typescript": (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"),
    "go": (".go",),
    "java": (".java",),
    "c": (".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx"),
    "rust": (".rs",),
    "python": (".py",),
    "ruby": (".rb",),
    "php": (".php",),
    "csharp": (".cs",),
    "kotlin": (".kt", ".kts"),
}


def run_tool(language, root, files, work):
    """The tool's symbols per relative path, and its wall time."""
    start = time.monotonic()
    result = {}
    batches = [files[i:i + 400] for i in range(0, len(files), 400)]
    if language == "go":
        binary = os.path.join(work, "go_symbols")
        subprocess.run(["go", "build", "-o", binary, "go_symbols.go"], cwd=os.path.join(HERE, "golden"), check=True)
        start = time.monotonic()  # the build is not the tool's scanning time
    if language == "csharp":
        os.environ["CSHARP_SYMBOLS_DIR"] = work
        subprocess.run(["bash", os.path.join(HERE, "golden", "csharp-symbols.sh")], check=True, capture_output=True)
        start = time.monotonic()
    for batch in batches:
        if language == "typescript":
            command = ["node", os.path.join(HERE, "golden", "ts_symbols.js")] + batch
        elif language == "go":
            command = [binary] + batch
        elif language == "java":
            command = ["java", os.path.join(HERE, "golden", "JavaSymbols.java")] + batch
        elif language == "c":
            command = [sys.executable, os.path.join(HERE, "golden", "clang_symbols.py")] + batch
        elif language == "rust":
            command = [sys.executable, os.path.join(HERE, "golden", "rust_symbols.py")] + batch
        elif language == "ruby":
            command = ["ruby", os.path.join(HERE, "golden", "ruby_symbols.rb")] + batch
        elif language == "php":
            command = ["php", os.path.join(HERE, "golden", "php_symbols.php")] + batch
        elif language == "csharp":
            command = ["bash", os.path.join(HERE, "golden", "csharp-symbols.sh")] + batch
        elif language == "kotlin":
            command = ["java", "-cp", "/usr/share/kotlin/kotlinc/lib/*", os.path.join(HERE, "golden", "KotlinSymbols.java")] + batch
        else:
            command = [sys.executable, os.path.join(HERE, "pyast_scan.py"), "--core-only", "--root", root] + batch
        done = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if language == "python":
            for entry in json.loads(done.stdout)["files"]:
                result[entry["path"]] = entry["symbols"]
            continue
        if done.returncode != 0:
            # One bad file stops go/ast's and javac's batch: retry the batch file by file.
            for path in batch:
                single = subprocess.run(command[: len(command) - len(batch)] + [path], cwd=root, capture_output=True,
                                        text=True)
                if single.returncode == 0:
                    result.update(json.loads(single.stdout))
            continue
        result.update(json.loads(done.stdout))
    return result, time.monotonic() - start


def normalized(text):
    return " ".join(text.split()) if text else None


SCANS = {}


def scan_once(docgen, folder):
    """docgen's scan of a folder and its wall time, once per folder for all languages."""
    if folder not in SCANS:
        start = time.monotonic()
        output = subprocess.run([docgen, "scan", "--json", folder], capture_output=True, text=True, check=True).stdout
        SCANS[folder] = (json.loads(output), time.monotonic() - start)
    return SCANS[folder]


def compare(language, folder, docgen, show, work):
    scan, docgen_seconds = scan_once(docgen, folder)
    mine = {f["path"]: f["symbols"] for f in scan["files"] if f["language"] in GROUPS[language]}
    skipped = {s["path"]: s["reason"] for s in scan["skipped"] if s["path"].endswith(EXTENSIONS[language])}
    files = sorted(set(mine) | set(skipped))
    theirs, tool_seconds = run_tool(language, folder, files, work)
    counts = collections.Counter()
    problems = []
    for path in files:
        ours = mine.get(path, [])
        tool = theirs.get(path)
        if tool is None:
            continue  # the tool could not read it either
        counts["files"] += 1
        counts["mine"] += len(ours)
        counts["theirs"] += len(tool)
        pool = collections.defaultdict(list)
        for symbol in tool:
            pool[(symbol["kind"], symbol["qualified_name"])].append(symbol)
        for symbol in ours:
            key = ("class" if symbol["kind"] == "class" else symbol["kind"], symbol["qualified_name"])
            if symbol["kind"] == "extension":
                continue
            if not pool.get(key):
                problems.append(f"{path}: only docgen: {key[0]} {key[1]} {symbol['line']}")
                continue
            other = pool[key].pop(0)
            counts["matched"] += 1
            if (symbol["line"], symbol["end_line"]) == (other["line"], other["end_line"]):
                counts["lines"] += 1
            else:
                problems.append(f"{path}: {key[1]} lines {symbol['line']}-{symbol['end_line']} vs "
                                f"{other['line']}-{other['end_line']}")
            if "docstring" in other:
                counts["docs_compared"] += 1
                if normalized(symbol.get("docstring")) == normalized(other.get("docstring")):
                    counts["docs"] += 1
                else:
                    problems.append(f"{path}: {key[1]} doc {symbol.get('docstring')!r:.60} vs "
                                    f"{other.get('docstring')!r:.60}")
        for key, rest in pool.items():
            for symbol in rest:
                problems.append(f"{path}: only the tool: {key[0]} {key[1]} {symbol['line']}"
                                + (f" (docgen skipped: {skipped[path]})" if path in skipped else ""))
        counts["mine_extensions"] += sum(1 for s in ours if s["kind"] == "extension")
    mine_count = counts["mine"] - counts["mine_extensions"]
    precision = counts["matched"] / mine_count if mine_count else 1
    recall = counts["matched"] / counts["theirs"] if counts["theirs"] else 1
    lines = counts["lines"] / counts["matched"] if counts["matched"] else 1
    docs = f"{counts['docs'] / counts['docs_compared']:.1%}" if counts["docs_compared"] else "–"
    row = (f"| {language} | `{folder}` | {counts['files']} | {mine_count} / {counts['theirs']} | {precision:.1%} | "
           f"{recall:.1%} | {lines:.1%} | {docs} | {docgen_seconds:.2f} s / {tool_seconds:.2f} s | "
           f"{tool_seconds / max(docgen_seconds, 1e-6):.1f}× |")
    return row, problems[:show], len(skipped), tool_seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docgen", default=".build/release/docgen")
    parser.add_argument("trees", nargs="+", help="LANGUAGE=FOLDER")
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    print("| language | tree | files | symbols docgen / tool | precision | recall | exact lines | docs | "
          "time docgen / tool | tool ÷ docgen |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    details = []
    tools = 0.0
    work = tempfile.mkdtemp()
    try:
        for tree in args.trees:
            language, folder = tree.split("=", 1)
            row, problems, skipped, seconds = compare(language, os.path.abspath(folder), os.path.abspath(args.docgen),
                                                      args.show, work)
            tools += seconds
            print(row, flush=True)
            details.append((language, skipped, problems))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = sum(len(scan["files"]) for scan, _ in SCANS.values())
    seconds = sum(elapsed for _, elapsed in SCANS.values())
    print(f"\nAll trees: docgen scanned {files} files in {seconds:.2f} s; the tools took {tools:.2f} s on the same "
          f"files: docgen {tools / max(seconds, 1e-6):.1f}× faster")
    for language, skipped, problems in details:
        print(f"\n{language}: {skipped} files skipped by docgen; first differences:")
        for problem in problems:
            print("  " + problem)


if __name__ == "__main__":
    main()
