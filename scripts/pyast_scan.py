#!/usr/bin/env python3
"""Reference scanner: Python's own `ast` producing the JSON of `docgen scan --json`.

Used to record golden files, to measure the accuracy of docgen's hand-written Python scanner and as the baseline
of scripts/bench-scan.sh. Python is a test-time tool only; docgen itself never runs it.

    pyast_scan.py ROOT [--exclude NAME ...]          walk ROOT (default skips, no .gitignore) and print JSON
    pyast_scan.py --root ROOT FILE ...                scan the given files (paths relative to ROOT)
    --core-only                                       leave out signature, decorators and bases (faster)
"""
import argparse
import ast
import io
import json
import os
import sys
import tokenize

DEFAULT_SKIPS = {".git", ".build", ".swiftpm", "node_modules", "venv", ".venv", "__pycache__", "build", "dist"}
MAX_SIZE = 2 * 1024 * 1024
OPEN = "([{"
CLOSE = ")]}"


def join_tokens(text):
    """Token-joined text: one space where the source had whitespace, none after an opening or before a closing bracket."""
    out = []
    prev_end = None
    prev = None
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return " ".join(text.split())
    for tok in toks:
        if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                        tokenize.ENDMARKER):
            continue
        if prev is not None:
            if tok.start != prev_end and not (prev in OPEN or tok.string in CLOSE):
                out.append(" ")
        out.append(tok.string)
        prev = tok.string
        prev_end = tok.end
    return "".join(out)


def header_text(lines, node):
    """Source text of a def/class header from its first keyword to the colon that ends it (exclusive)."""
    start_line = node.lineno
    # Column offsets are UTF-8 byte offsets.
    first = lines[start_line - 1].encode("utf-8")[node.col_offset:].decode("utf-8")
    rest = iter([first] + lines[start_line:])
    readline = lambda: next(rest, "")
    depth = 0
    result = []
    prev_end = None
    prev = None
    for tok in tokenize.generate_tokens(readline):
        if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            continue
        s = tok.string
        if tok.type == tokenize.OP:
            if s in OPEN:
                depth += 1
            elif s in CLOSE:
                depth -= 1
            elif s == ":" and depth == 0:
                break
        if prev is not None and tok.start != prev_end and not (prev in OPEN or s in CLOSE):
            result.append(" ")
        result.append(s)
        prev = s
        prev_end = tok.end
    return "".join(result)


def segment(lines, node):
    """The source text of an expression node (like ast.get_source_segment, without re-splitting the file)."""
    first = lines[node.lineno - 1].encode("utf-8")
    if node.lineno == node.end_lineno:
        text = first[node.col_offset:node.end_col_offset].decode("utf-8")
    else:
        last = lines[node.end_lineno - 1].encode("utf-8")[:node.end_col_offset].decode("utf-8")
        text = first[node.col_offset:].decode("utf-8") + "".join(lines[node.lineno:node.end_lineno - 1]) + last
    return join_tokens(text)


class Collector:
    core_only = False

    def __init__(self, source):
        self.source = source
        parts = source.split("\n")
        self.lines = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        self.symbols = []

    def visit_body(self, body, prefix, in_class):
        for stmt in body:
            self.visit_stmt(stmt, prefix, in_class)

    def visit_stmt(self, stmt, prefix, in_class):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            qual = prefix + stmt.name
            is_class = isinstance(stmt, ast.ClassDef)
            sym = {
                "kind": "class" if is_class else ("method" if in_class else "function"),
                "name": stmt.name,
                "qualified_name": qual,
                "line": stmt.lineno,
                "end_line": stmt.end_lineno,
                "docstring": ast.get_docstring(stmt),
            }
            if not self.core_only:
                sym["signature"] = header_text(self.lines, stmt)
                sym["decorators"] = [segment(self.lines, d) for d in stmt.decorator_list]
            if is_class and not self.core_only:
                parts = sorted(list(stmt.bases) + list(stmt.keywords), key=lambda n: (n.lineno, n.col_offset))
                sym["bases"] = [segment(self.lines, p) for p in parts]
            self.symbols.append(sym)
            if is_class:
                self.visit_body(stmt.body, qual + ".", True)
            return
        # Compound statements at this scope: their bodies count at the enclosing scope level, in source order.
        self.visit_body(getattr(stmt, "body", None) or [], prefix, in_class)
        for handler in getattr(stmt, "handlers", None) or []:
            self.visit_body(handler.body, prefix, in_class)
        for case in getattr(stmt, "cases", None) or []:
            self.visit_body(case.body, prefix, in_class)
        for field in ("orelse", "finalbody"):
            sub = getattr(stmt, field, None)
            if isinstance(sub, list):
                self.visit_body(sub, prefix, in_class)


def scan_file(path, rel):
    try:
        size = os.path.getsize(path)
    except OSError as e:
        return None, {"path": rel, "reason": f"unreadable: {e.strerror}"}
    if size > MAX_SIZE:
        return None, {"path": rel, "reason": f"too large: {size} bytes"}
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data:
        return None, {"path": rel, "reason": "binary file"}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, {"path": rel, "reason": "not UTF-8"}
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError) as e:
        return None, {"path": rel, "reason": f"syntax error at line {getattr(e, 'lineno', 0)}"}
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    collector = Collector(source)
    collector.visit_body(tree.body, "", False)
    lines = source.count("\n") + (0 if source.endswith("\n") or not source else 1)
    return {"path": rel, "language": "python", "lines": lines, "symbols": collector.symbols}, None


def walk(root, excludes):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in DEFAULT_SKIPS and d not in excludes
                       and not os.path.islink(os.path.join(dirpath, d))]
        for name in filenames:
            if name.endswith(".py"):
                full = os.path.join(dirpath, name)
                found.append((full, os.path.relpath(full, root).replace(os.sep, "/")))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--root")
    parser.add_argument("--exclude", action="append", default=[])
    parser.add_argument("--core-only", action="store_true")
    args = parser.parse_args()
    Collector.core_only = args.core_only
    if args.root:
        root = args.root
        files = [(os.path.join(root, p), p) for p in args.paths]
    else:
        root = args.paths[0]
        files = walk(root, set(args.exclude))
    out_files, skipped = [], []
    for full, rel in files:
        entry, skip = scan_file(full, rel)
        if entry is not None:
            out_files.append(entry)
        else:
            skipped.append(skip)
    out_files.sort(key=lambda e: e["path"])
    skipped.sort(key=lambda e: e["path"])
    json.dump({"root": root, "files": out_files, "skipped": skipped}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
