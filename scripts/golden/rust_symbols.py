#!/usr/bin/env python3
"""rustc's view of Rust files' symbols, from its own parser (`rustc -Zunpretty=ast-tree`, before macro expansion).

In docgen's vocabulary: structs, enums, unions and traits are `class`, functions `function`, functions in traits and
impl blocks `method` qualified by the trait or the impl's type (the last path segment), inline `mod` blocks qualify
names. Impl blocks themselves (docgen's `extension`) and items inside function bodies are left out. `line` and
`end_line` are the item's span (outer attributes excluded, `pub` included); `docstring` joins the outer doc comments
(`///` lines, `/** */` blocks) as rustc stores them.

    python3 scripts/golden/rust_symbols.py FILE...     (needs rustc; RUSTC_BOOTSTRAP=1 is set for the -Z flag)
"""
import ast
import json
import os
import re
import subprocess
import sys

ITEM = re.compile(r"^( *)Item \{$")
SPAN = re.compile(r"^ *span: .*?:(\d+):\d+: (\d+):\d+ ")
KIND = re.compile(r"^ *kind: (\w+)\($")
IDENT = re.compile(r"^ *ident: (.+?)#\d+,?$")
BARE = re.compile(r"^ *([A-Za-z_][A-Za-z0-9_]*)#\d+,$")
TYPES = {"Struct", "Enum", "Union", "Trait"}


def indent(line):
    return len(line) - len(line.lstrip(" "))


def symbols(path):
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    done = subprocess.run(["rustc", "-Zunpretty=ast-tree", "--edition", "2021", path], capture_output=True,
                          text=True, env=env)
    if done.returncode != 0 and not done.stdout:
        raise SystemExit(f"rust_symbols.py: rustc cannot parse {path}")
    lines = done.stdout.split("\n")
    result = []
    stack = []  # (indent, kind, name)
    for number, line in enumerate(lines):
        match = ITEM.match(line)
        if not match:
            continue
        level = len(match.group(1))
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        accepted = level == 8 or (parent is not None and level == parent[0] + 16 and parent[1] in ("Impl", "Trait", "Mod"))
        if not accepted:
            continue
        docs, span, kind, name = [], None, None, None
        cursor = number + 1
        while cursor < len(lines) and (indent(lines[cursor]) > level or not lines[cursor].strip()):
            text = lines[cursor]
            depth = indent(text)
            if depth == level + 12 and text.strip() == "kind: DocComment(":
                literal = lines[cursor + 2].strip().rstrip(",")
                style = lines[cursor + 1].strip().rstrip(",")
                value = ast.literal_eval(literal)
                docs.append(value if style == "Line" else value)
            elif depth == level + 4 and span is None and SPAN.match(text):
                span = SPAN.match(text)
            elif depth == level + 4 and kind is None and KIND.match(text):
                kind = KIND.match(text).group(1)
                name = None
                probe = cursor + 1
                if kind == "Impl":
                    # The impl's type: the last path segment of `self_ty` at its shallowest depth.
                    while probe < len(lines) and lines[probe].strip() != "self_ty: Ty {":
                        probe += 1
                    segments = []
                    while probe < len(lines) and lines[probe].strip() != "items: [" and indent(lines[probe]) > level:
                        found = IDENT.match(lines[probe])
                        if found:
                            segments.append((indent(lines[probe]), found.group(1)))
                        probe += 1
                    if segments:
                        shallow = min(depth for depth, _ in segments)
                        name = [value for depth, value in segments if depth == shallow][-1]
                else:
                    while probe < len(lines) and indent(lines[probe]) > level + 4:
                        ident = IDENT.match(lines[probe])
                        bare = BARE.match(lines[probe])
                        if ident and indent(lines[probe]) == level + 12:
                            name = ident.group(1)
                            break
                        if bare and indent(lines[probe]) == level + 8:
                            name = bare.group(1)
                            break
                        probe += 1
            cursor += 1
        stack.append((level, kind, name))
        if kind not in TYPES and kind != "Fn" or name is None or span is None:
            continue
        scope = [entry[2] for entry in stack[:-1] if entry[2]]
        in_type = parent is not None and parent[1] in ("Impl", "Trait")
        symbol_kind = "class" if kind in TYPES else "method" if in_type else "function"
        docstring = "\n".join(part[1:] if part.startswith(" ") else part for part in docs).strip() or None
        result.append({
            "kind": symbol_kind, "qualified_name": ".".join(scope + [name]), "line": int(span.group(1)),
            "end_line": int(span.group(2)), "docstring": docstring,
        })
    return result


def main():
    output = {path: symbols(path) for path in sys.argv[1:]}
    json.dump(output, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
