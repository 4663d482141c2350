#!/usr/bin/env python3
"""Checks every link docgen wrote, and that its diagram matches the graph.

    scripts/check_links.py DOCS_OUTPUT GRAPH_JSON

DOCS_OUTPUT is a docgen output folder; GRAPH_JSON is `docgen graph --json REPO` of the same repository. Checks:
  - every relative link in every Markdown page (and every Mermaid `click` target) names an existing file;
  - every `page.py.md#Qualified.name` anchor names a symbol of that module in the graph;
  - every relative href/src in the HTML site and xlink:href in graph.svg files names an existing file;
  - the Mermaid diagram in index.md has exactly the graph's module edges (when no folder is collapsed).
Prints counts and each problem; exits 1 when there is one.
"""
import json
import os
import re
import sys
from urllib.parse import unquote

root, graph_path = sys.argv[1], sys.argv[2]
graph = json.load(open(graph_path))
symbols = {node["id"] for node in graph["nodes"] if node["kind"] == "symbol"}
problems, checked = [], {"markdown links": 0, "anchors": 0, "mermaid clicks": 0, "html links": 0, "svg links": 0}
link = re.compile(r"\]\(([^)\s]+)\)")


def target_exists(base_dir, target):
    path = unquote(target.split("#", 1)[0])
    return os.path.exists(os.path.normpath(os.path.join(base_dir, path)))


for folder, _, files in os.walk(root):
    for name in files:
        file = os.path.join(folder, name)
        rel = os.path.relpath(file, root)
        if name.endswith(".md"):
            text = open(file, encoding="utf-8").read()
            in_fence = False
            for line in text.split("\n"):
                if line.startswith("```"):
                    in_fence = not in_fence
                    continue
                if in_fence:
                    click = re.match(r'\s+click n\d+ "(.*)"$', line)
                    if click:
                        checked["mermaid clicks"] += 1
                        if not target_exists(folder, click.group(1)):
                            problems.append(f"{rel}: mermaid click to missing {click.group(1)}")
                    continue
                for target in link.findall(line):
                    if re.match(r"[a-z]+:", target) or target.startswith("#"):
                        continue
                    checked["markdown links"] += 1
                    if not target_exists(folder, target):
                        problems.append(f"{rel}: link to missing {target}")
                        continue
                    if "#" in target and target.split("#")[0].endswith(".md"):
                        checked["anchors"] += 1
                        page = os.path.relpath(os.path.normpath(os.path.join(folder, unquote(target.split("#")[0]))), root)
                        symbol = page[:-3] + "#" + unquote(target.split("#", 1)[1])
                        if symbol not in symbols:
                            problems.append(f"{rel}: anchor {target} names no symbol of the graph")
        elif name.endswith(".html"):
            text = open(file, encoding="utf-8").read()
            for target in re.findall(r'(?:href|src)="([^"]+)"', text):
                if re.match(r"[a-z]+:", target) or target.startswith("#") or not target:
                    continue
                checked["html links"] += 1
                if not target_exists(folder, target):
                    problems.append(f"{rel}: href to missing {target}")
        elif name.endswith(".svg"):
            text = open(file, encoding="utf-8").read()
            for target in re.findall(r'xlink:href="([^"]+)"', text):
                checked["svg links"] += 1
                if not target_exists(folder, target.replace("&amp;", "&")):
                    problems.append(f"{rel}: svg link to missing {target}")

index = open(os.path.join(root, "index.md"), encoding="utf-8").read()
block = re.search(r"```mermaid\n(.*?)```", index, re.S)
if block:
    labels = dict(re.findall(r'^\s+(n\d+)\["(.*)"\]$', block.group(1), re.M))
    drawn = {(labels[a], labels[b]) for a, b in re.findall(r"^\s+(n\d+) --> (n\d+)$", block.group(1), re.M)}
    if any(label.endswith(")") and "/ (" in label for label in labels.values()):
        print(f"diagram: folders collapsed ({len(labels)} boxes, {len(drawn)} arrows); edge-for-edge check skipped")
    else:
        expected = {(e["from"], e["to"]) for e in graph["edges"] if "#" not in e["from"]}
        if drawn == expected:
            print(f"diagram: {len(drawn)} arrows, identical to the graph's module edges")
        else:
            problems.append(f"diagram differs from the graph: missing {sorted(expected - drawn)[:5]}, "
                            f"extra {sorted(drawn - expected)[:5]}")
print(", ".join(f"{count} {what}" for what, count in checked.items()))
for problem in problems[:50]:
    print("BROKEN", problem)
print(f"{len(problems)} problems")
sys.exit(1 if problems else 0)
