#!/usr/bin/env python3
"""Clang's view of C and C++ files' symbols in docgen's vocabulary, from `clang -Xclang -ast-dump=json`.

Structs, unions, enums and classes with a body are `class` (a `typedef struct {…} name` under the typedef's name),
functions `function`, methods (in a class, or defined outside it as `A::f`) `method`, qualified through namespaces
and classes. `line` is the declaration's first token (`template`, `static`, the return type), `end_line` its last.
A prototype counts only when the file does not define the function. `#include <…>` lines are blanked first (line
numbers unchanged), quoted includes are read, and only declarations located in the file itself count. Doc comments are not compared for C and C++.

    python3 scripts/golden/clang_symbols.py FILE...        (CLANG=path/to/clang overrides `clang`)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def clang():
    found = os.environ.get("CLANG") or shutil.which("clang")
    if not found:
        sys.exit("clang_symbols.py: no clang on PATH (set CLANG=...)")
    return found


class Lines:
    """Clang's JSON writes a location's file and line only when they changed; this follows them in print order."""

    def __init__(self):
        self.last = 0
        self.file = None

    def see(self, location):
        if not isinstance(location, dict):
            return self.last
        if "spellingLoc" in location:
            self.see(location["spellingLoc"])
            return self.see(location.get("expansionLoc", {}))
        if "file" in location:
            self.file = location["file"]
        if "line" in location:
            self.last = location["line"]
        return self.last


def parse(path, language):
    """Clang's JSON AST of the file with its #include lines blanked, and whether clang reported errors."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    # System headers (`<…>`) are left out; the project's own (`"…"`) are read from beside the file and the root.
    stripped = re.sub(r"(?m)^[ \t]*#[ \t]*include[ \t]*<.*$", "", text)
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", suffix="." + ("c" if language == "c" else "cpp"), dir=folder,
                                     prefix=".clang-symbols-", delete=False) as temp:
        temp.write(stripped)
    try:
        done = subprocess.run(
            [clang(), "-x", language, "-Xclang", "-ast-dump=json", "-fsyntax-only", "-ferror-limit=0",
             "-I", folder, "-I", os.getcwd(), temp.name],
            capture_output=True, text=True)
    finally:
        os.unlink(temp.name)
    return json.loads(done.stdout), "error:" in done.stderr, temp.name


def symbols(path):
    # A .h file is C, or C++ when C cannot read it (as docgen decides).
    language = "c" if path.endswith(".c") or path.endswith(".h") else "c++"
    tree, failed, main = parse(path, language)
    if failed and path.endswith(".h"):
        tree, _, main = parse(path, "c++")
    lines = Lines()
    result = []
    definitions = set()
    prototypes = []
    names_by_id = {}

    def record(kind, qualified, begin, end, is_prototype=False):
        if lines.file != main:
            return
        entry = {"kind": kind, "qualified_name": ".".join(qualified), "line": begin, "end_line": end}
        if is_prototype:
            prototypes.append(entry)
        else:
            definitions.add(entry["qualified_name"])
        result.append(entry)

    def walk(node, scope, in_class):
        loc_line = lines.see(node.get("loc"))
        begin = lines.see(node.get("range", {}).get("begin"))
        end = lines.see(node.get("range", {}).get("end"))
        kind = node.get("kind", "")
        name = node.get("name")
        children = node.get("inner", [])
        implicit = node.get("isImplicit", False)
        if kind == "NamespaceDecl":
            for child in children:
                walk(child, scope + ([name] if name else []), False)
            return
        if kind == "LinkageSpecDecl":
            for child in children:
                walk(child, scope, in_class)
            return
        if kind in ("FunctionTemplateDecl", "ClassTemplateDecl"):
            # The template's own declaration only; the instantiations clang lists after it (functions, and
            # ClassTemplateSpecializationDecl nodes with the instantiated members) are not source.
            pattern = True
            for child in children:
                if child.get("kind") == "ClassTemplateSpecializationDecl":
                    continue
                if child.get("kind") in ("FunctionDecl", "CXXMethodDecl", "CXXRecordDecl", "CXXConstructorDecl",
                                         "CXXDestructorDecl"):
                    if not pattern:
                        continue
                    pattern = False
                    child = dict(child)
                    child["templateBegin"] = begin
                walk(child, scope, in_class)
            return
        if kind in ("ClassTemplateSpecializationDecl", "ClassTemplatePartialSpecializationDecl") and implicit:
            return
        if kind in ("ClassTemplateSpecializationDecl", "ClassTemplatePartialSpecializationDecl"):
            # `template <> struct Box<char> { … }`: an explicit or partial specialization, a class named `Box`.
            kind = "CXXRecordDecl"
        if kind in ("RecordDecl", "CXXRecordDecl", "EnumDecl"):
            complete = node.get("completeDefinition") or (kind == "EnumDecl" and children)
            if implicit or not complete or not name:
                for child in children:
                    walk(child, scope, in_class)
                return
            start = node.get("templateBegin", begin)
            record("class", scope + [name], start, end)
            names_by_id[node.get("id")] = scope + [name]
            if kind != "EnumDecl":
                for child in children:
                    walk(child, scope + [name], True)
            return
        if kind == "TypedefDecl":
            for child in children:
                walk(child, scope, in_class)
            return
        if kind in ("FunctionDecl", "CXXMethodDecl", "CXXConstructorDecl", "CXXDestructorDecl"):
            if implicit:
                return
            has_body = any(child.get("kind") == "CompoundStmt" for child in children)
            # A member template defined outside its class template starts at the class's `template <…>` line.
            start = min(node.get("templateBegin", begin), begin)
            if kind == "CXXConstructorDecl" and name:
                name = name.split("<")[0]  # clang names a class template's constructor `Box<T>`
            previous = node.get("previousDecl")
            qualified = names_by_id.get(previous) if previous else None
            if qualified is None:
                qualified = scope + [name]
            names_by_id[node.get("id")] = qualified
            is_member = in_class or kind != "FunctionDecl" or len(qualified) > len(scope) + 1
            record("method" if is_member else "function", qualified, start, end, is_prototype=not has_body)
            for child in children:
                lines.see(child.get("loc"))
            return
        for child in children:
            walk(child, scope, in_class)

    for top in tree.get("inner", []):
        walk(top, [], False)
    seen = set()
    final = []
    for entry in result:
        name = entry["qualified_name"]
        if entry in prototypes and (name in definitions or name in seen):
            continue
        seen.add(name)
        final.append(entry)
    return final


def main():
    output = {path: symbols(path) for path in sys.argv[1:]}
    json.dump(output, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
