#!/usr/bin/env python3
"""Checks docgen's HTML site in a real headless browser (Chromium). Standard library only.

    check_site.py --docgen PATH [--chromium PATH] [--sample DIR] [--shots DIR] [--keep] [--verbose]

Generates the sample project's documentation offline into a temporary folder, then:

* renders ``site/index.html`` and ``site/inventory/models.py.html`` with ``chromium --headless --dump-dom`` and
  checks titles, headings, navigation links and the stylesheet link in the DOM Chromium built;
* takes 1280x900 screenshots of both pages, decodes the PNGs (zlib, no imaging library) and checks that they are
  not blank, that the stylesheet was applied (the centred content column, the navigation bar's bottom border,
  the stylesheet's link colour) and that the navigation area looks different from the content area;
* checks every generated page for relative links to missing files, ``<script>`` elements, event-handler
  attributes and ``javascript:`` URLs;
* renders untrusted Markdown (raw ``<script>``, ``<img onerror>``, ``javascript:`` links) through
  ``docgen render`` and checks that nothing executable survives in Chromium's DOM — after first checking, on a
  deliberately unsafe page, that the detector does notice such things.

Prints one PASS or FAIL line per check and ``N passed, N failed``; exits 1 when any check failed, 2 when the
checks could not run (no Chromium, docgen failed to start).
"""

from __future__ import annotations

import argparse
import html.parser
import http.server
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import zlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_browser import Chromium, Page

WIDTH, HEIGHT = 1280, 900
MODULE = "inventory/models.py"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"}
# Colours from the default stylesheet (HTMLPage+Stylesheet.swift, light scheme).
# Links are #0969da; a browser without the stylesheet draws them #0000ee and starts text 8 px from the left.
BORDER_GREY = (0xD1, 0xD9, 0xE0)

# A GFM table delimiter row ("| --- | ---: |") left as text: the renderer did not understand the table.
RAW_TABLE = re.compile(r"\|\s*:?-{3,}:?\s*\|")

UNSAFE_MARKDOWN = """# Untrusted model output

<script>alert(1)</script>

Inline <img src=x onerror=alert(1)> image and <b onclick="alert(2)">bold</b>.

[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2)) [z]( java\tscript:alert(3)) <a href="javascript:alert(4)">raw</a>

![pic](javascript:alert(5))

<iframe src="javascript:alert(6)"></iframe>

[safe link](https://example.com/docs)
"""

# Harmless on purpose: an alert() would block headless Chromium until it times out.
UNSAFE_CONTROL_PAGE = """<!DOCTYPE html><html><head><title>control</title></head><body>
<script>var x = 1;</script><img src="x.png" onerror="void 0"><a href=" JavaScript:void(0)">x</a>
</body></html>
"""


class Results:
    """Collects PASS/FAIL lines."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"PASS {name}" + (f" ({detail})" if detail else ""))
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return ok


# ----------------------------------------------------------------------------------------------------------------
# DOM
# ----------------------------------------------------------------------------------------------------------------


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parents: tuple[str, ...]):
        self.tag = tag
        self.attrs = attrs
        self.parents = parents
        self.text = ""


class DOM(html.parser.HTMLParser):
    """A flat list of elements with their attributes, ancestors and text content."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name.lower(): value or "" for name, value in attrs}, tuple(e.tag for e in self._open))
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self._open and self._open[-1].tag == tag:
            self._open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def find(self, tag: str, inside: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (inside is None or inside in e.parents)]

    def text_of(self, tag: str) -> list[str]:
        return [" ".join(e.text.split()) for e in self.find(tag)]


def scheme_of(url: str) -> str:
    """The URL scheme as a browser sees it: control characters and whitespace are ignored, case folded."""
    cleaned = "".join(ch for ch in url if ord(ch) > 0x20 and ch != "\x7f")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def unsafe_findings(dom: DOM) -> list[str]:
    """Script elements, event-handler attributes and javascript:/vbscript: URLs in a DOM."""
    findings = []
    for element in dom.elements:
        if element.tag == "script":
            findings.append("<script> element")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                findings.append(f"<{element.tag} {name}=...>")
            if (name in URL_ATTRIBUTES or name == "srcdoc") and scheme_of(value) in ("javascript", "vbscript"):
                findings.append(f"<{element.tag} {name}={value!r}>")
            if name == "srcdoc" and "<script" in value.lower():
                findings.append(f"<{element.tag} srcdoc with script>")
    return findings


# ----------------------------------------------------------------------------------------------------------------
# PNG
# ----------------------------------------------------------------------------------------------------------------


class Image:
    """An 8-bit RGB image decoded from a PNG."""

    def __init__(self, width: int, height: int, rows: list[bytes]):
        self.width = width
        self.height = height
        self.rows = rows  # each row: width * 3 bytes, RGB

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        row = self.rows[y]
        return row[3 * x], row[3 * x + 1], row[3 * x + 2]

    def region(self, top: int, bottom: int, left: int = 0, right: int | None = None):
        right = self.width if right is None else right
        for y in range(max(0, top), min(self.height, bottom)):
            row = self.rows[y]
            for x in range(left, right):
                yield x, y, (row[3 * x], row[3 * x + 1], row[3 * x + 2])


def decode_png(data: bytes) -> Image:
    """Decodes a non-interlaced 8-bit greyscale, RGB or RGBA PNG (what Chromium writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    position = 8
    header = None
    compressed = bytearray()
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("PNG without IHDR")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    raw = zlib.decompress(bytes(compressed))
    stride = width * channels
    previous = bytearray(stride)
    rows: list[bytes] = []
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            raise ValueError(f"bad PNG filter type {kind}")
        previous = line
        if channels == 3:
            rows.append(bytes(line))
        elif channels == 4:  # drop alpha (screenshots are opaque)
            rows.append(bytes(b for i, b in enumerate(line) if i % 4 != 3))
        elif channels == 1:
            rows.append(bytes(b for b in line for _ in range(3)))
        else:
            rows.append(bytes(line[i] for i in range(0, stride, 2) for _ in range(3)))
    return Image(width, height, rows)


def close(colour: tuple[int, int, int], target: tuple[int, int, int], tolerance: int = 40) -> bool:
    return sum(abs(a - b) for a, b in zip(colour, target)) <= tolerance


def is_blue(colour) -> bool:
    r, g, b = colour
    return b > r + 60 and b > g + 30


def link_hue(colour) -> float | None:
    """For a blue pixel, (g - r) / (255 - r): about 0.39 for #0969da blended with white, 0 for #0000ee.

    Anti-aliasing blends a glyph's colour with the white background; this ratio stays the same along that blend,
    so it identifies the link colour from edge pixels too. None for pixels that are not blue or too faint.
    """
    r, g, _ = colour
    if not is_blue(colour) or 255 - r < 60:
        return None
    return (g - r) / (255 - r)


def is_dark(colour) -> bool:
    return max(colour) < 110 and max(colour) - min(colour) < 40


def analyse_screenshot(image: Image) -> dict:
    """Measurements the screenshot checks use."""
    counts: dict[tuple[int, int, int], int] = {}
    for _, _, colour in image.region(0, image.height):
        counts[colour] = counts.get(colour, 0) + 1
    background = max(counts, key=counts.get)
    total = image.width * image.height
    ink = total - counts[background]
    # The navigation bar's bottom border: the first row in the top third that is mostly border grey.
    border_row = None
    for y in range(image.height // 3):
        row_hits = sum(1 for x in range(0, image.width, 4) if close(image.pixel(x, y), BORDER_GREY, 24))
        if row_hits >= 0.9 * (image.width // 4):
            border_row = y
            break
    split = border_row if border_row is not None else 0

    def composition(top: int, bottom: int):
        stats = {"ink": 0, "blue": 0, "stylesheet_blue": 0, "default_blue": 0, "dark": 0, "left": None, "right": None}
        hues = []
        for x, _, colour in image.region(top, bottom):
            if colour == background:
                continue
            stats["ink"] += 1
            stats["blue"] += is_blue(colour)
            hue = link_hue(colour)
            if hue is not None:
                hues.append(hue)
                stats["stylesheet_blue"] += 0.25 <= hue <= 0.55
                stats["default_blue"] += hue < 0.1
            stats["dark"] += is_dark(colour)
            if not close(colour, background, 30):
                stats["left"] = x if stats["left"] is None else min(stats["left"], x)
                stats["right"] = x if stats["right"] is None else max(stats["right"], x)
        stats["link_hue_median"] = sorted(hues)[len(hues) // 2] if hues else None
        return stats

    return {
        "background": background,
        "ink_fraction": ink / total,
        "border_row": border_row,
        "nav": composition(0, split),
        "content": composition(split + 2, image.height),
    }


# ----------------------------------------------------------------------------------------------------------------
# Browser and docgen
# ----------------------------------------------------------------------------------------------------------------


class Browser:
    def __init__(self, executable: str, profile: Path, verbose: bool):
        self.executable = executable
        self.profile = profile
        self.verbose = verbose

    def _run(self, extra: list[str], url: str) -> subprocess.CompletedProcess:
        command = [
            self.executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-extensions",
            "--force-color-profile=srgb",
            "--force-device-scale-factor=1",
            f"--user-data-dir={self.profile}",
            *extra,
            url,
        ]
        if self.verbose:
            print("+ " + " ".join(command), file=sys.stderr)
        return subprocess.run(command, capture_output=True, text=True, timeout=90)

    def dump_dom(self, path: Path) -> str:
        result = self._run(["--dump-dom"], path.resolve().as_uri())
        if result.returncode != 0 or "<html" not in result.stdout:
            raise RuntimeError(f"chromium --dump-dom failed ({result.returncode}): {result.stderr[-500:]}")
        return result.stdout

    def screenshot(self, path: Path, output: Path) -> bytes:
        output.unlink(missing_ok=True)
        result = self._run([f"--screenshot={output}", f"--window-size={WIDTH},{HEIGHT}"], path.resolve().as_uri())
        if not output.exists():
            raise RuntimeError(f"chromium --screenshot wrote nothing ({result.returncode}): {result.stderr[-500:]}")
        return output.read_bytes()


def run_docgen(docgen: str, *arguments: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    return subprocess.run([docgen, *arguments], capture_output=True, text=True, timeout=1800, env=environment)


# ----------------------------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------------------------


def check_links_and_safety(results: Results, site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    results.check("site has an HTML page per Markdown page", len(pages) >= 3, f"{len(pages)} pages")
    broken: list[str] = []
    unsafe: list[str] = []
    checked = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        relative = page.relative_to(site)
        own = re.compile(r'<script src="(\.\./)*(docgen|nav)\.js" defer></script>')
        if re.search(r"<script", own.sub("", text), re.IGNORECASE):
            unsafe.append(f"{relative}: <script")
        if re.search(r"javascript\s*:", text, re.IGNORECASE):
            unsafe.append(f"{relative}: javascript:")
        dom = DOM(text)
        unsafe.extend(f"{relative}: {finding}" for finding in unsafe_findings(dom) if finding != "<script> element")
        unsafe.extend(f"{relative}: foreign <script>" for e in dom.find("script") if not own_script(e.attrs.get("src", "")))
        for element in DOM(text).elements:
            for name in ("href", "src"):
                target = element.attrs.get(name)
                if target is None or target == "" or target.startswith("#"):
                    continue
                parts = urlsplit(target)
                if parts.scheme or parts.netloc or target.startswith("/"):
                    continue  # absolute: not a file of the site
                checked += 1
                resolved = (page.parent / unquote(parts.path)).resolve()
                if not resolved.is_file() or site.resolve() not in resolved.parents:
                    broken.append(f"{relative} -> {target}")
    results.check(
        "relative links resolve to files of the site",
        checked > 0 and not broken,
        f"{checked} links checked" if not broken else f"{len(broken)} broken, e.g. {broken[:3]}",
    )
    raw_tables = []
    for page in pages:
        dom = DOM(page.read_text(encoding="utf-8"))
        if RAW_TABLE.search(" ".join(e.text for e in dom.find("main"))):
            raw_tables.append(str(page.relative_to(site)))
    results.check(
        "no page shows a Markdown table as raw pipes",
        not raw_tables,
        f"{len(pages)} pages" if not raw_tables else f"raw '| --- |' rows in {raw_tables}",
    )
    results.check(
        "no <script>, event handler or javascript: URL in any generated page",
        not unsafe,
        f"{len(pages)} pages" if not unsafe else "; ".join(unsafe[:5]),
    )


OWN_SCRIPTS = {"docgen.js", "nav.js"}


def own_script(src: str) -> bool:
    return Path(urlsplit(src).path).name in OWN_SCRIPTS and not scheme_of(src)


def check_static_pages(results: Results, site: Path) -> None:
    """Every page: the CSP meta, only the site's own scripts (by path, no inline code), and a bounded size."""
    pages = sorted(site.rglob("*.html"))
    missing_csp, foreign, sizes = [], [], []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        sizes.append((len(text.encode()), str(page.relative_to(site))))
        dom = DOM(text)
        policies = [m.attrs.get("content", "") for m in dom.find("meta")
                    if m.attrs.get("http-equiv", "").lower() == "content-security-policy"]
        if not policies or "script-src 'self'" not in policies[0] or "unsafe-inline" in policies[0]:
            missing_csp.append(str(page.relative_to(site)))
        for script in dom.find("script"):
            if not own_script(script.attrs.get("src", "")) or script.text.strip():
                foreign.append(f"{page.relative_to(site)}: <script src={script.attrs.get('src')!r}>")
    results.check("every page carries a CSP that allows only the site's own scripts (no 'unsafe-inline')",
                  bool(pages) and not missing_csp, f"{len(pages)} pages" if not missing_csp else str(missing_csp[:3]))
    results.check("the only scripts are the site's docgen.js and nav.js, referenced by path", not foreign,
                  "; ".join(foreign[:3]))
    sizes.sort(reverse=True)
    nav = site / "nav.js"
    results.check("the sidebar tree is one shared file (nav.js), not copied into pages",
                  nav.is_file() and all(b"docgenNav" not in p.read_bytes() for p in pages[:50]),
                  f"nav.js {nav.stat().st_size if nav.is_file() else 0} bytes; largest page {sizes[0][1]} "
                  f"{sizes[0][0]} bytes" if sizes else "")


def check_index_dom(results: Results, dom: DOM, modules: list[str], project: str) -> None:
    titles = dom.text_of("title")
    results.check("index: <title> names the project", bool(titles) and project in titles[0], repr(titles[:1]))
    h1 = dom.text_of("h1")
    results.check("index: <h1> is the project name", h1[:1] == [project], repr(h1))
    h2 = dom.text_of("h2")
    results.check("index: has a Modules heading", "Modules" in h2, repr(h2))
    main_links = {a.attrs.get("href", "") for a in dom.find("a", inside="main")}
    missing = sorted({m + ".html" for m in modules} - main_links)
    results.check("index: body links every module page", not missing, f"missing {missing[:5]}" if missing else "")
    sheets = [l.attrs.get("href") for l in dom.find("link") if "stylesheet" in l.attrs.get("rel", "")]
    results.check("index: links the shared stylesheet", sheets == ["style.css"], repr(sheets))


def nav_data(site: Path) -> dict:
    text = (site / "nav.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))


def nav_pages(node_list: list) -> list[str]:
    found = []
    for node in node_list:
        if "c" in node:
            found += nav_pages(node["c"])
        else:
            found.append(node["p"])
    return found


def check_nav_data(results: Results, site: Path, modules: list[str], tests: list[str]) -> None:
    data = nav_data(site)
    listed = [p for section in data["sections"] for p in nav_pages(section["tree"])]
    missing = sorted({m + ".html" for m in modules} - set(listed))
    results.check("nav.js lists every module page once", not missing and len(listed) == len(set(listed)),
                  f"{len(listed)} pages in {len(data['sections'])} sections" if not missing else f"missing {missing[:5]}")
    if tests:
        titles = {s["title"]: nav_pages(s["tree"]) for s in data["sections"]}
        grouped = all(t + ".html" in titles.get("Tests", []) for t in tests)
        results.check("test modules are grouped apart in the sidebar", grouped and "Modules" in titles,
                      f"sections {list(titles)}")


# ----------------------------------------------------------------------------------------------------------------
# Screenshots
# ----------------------------------------------------------------------------------------------------------------

SIDE_BG = (0xF6, 0xF8, 0xFA)
CURRENT_BG = (0xDD, 0xF4, 0xFF)
DARK_BG = (0x0D, 0x11, 0x17)


def screenshot_verdicts(image: Image, layout: str = "wide", scheme: str = "light") -> list[tuple[str, bool, str]]:
    """``(check, ok, detail)`` for a screenshot of a site page: ``wide`` (sidebar shown) or ``phone``."""
    stats = analyse_screenshot(image)
    ink = stats["ink_fraction"]
    row = stats["border_row"]
    verdicts = [("not blank", 0.01 <= ink <= 0.7, f"{ink:.1%} non-background pixels")]
    if scheme == "dark":
        verdicts.append(("dark page background from prefers-color-scheme", close(stats["background"], DARK_BG, 12),
                         repr(stats["background"])))
        return verdicts
    verdicts.append(("white page background", close(stats["background"], (255, 255, 255), 6),
                     repr(stats["background"])))
    verdicts.append(("top bar ends in a full-width border line", row is not None and 30 <= row <= 90,
                     f"border at y={row}"))
    top = (row or 0) + 4
    if layout == "wide":
        side = [c for _, _, c in image.region(top, image.height, 0, 270)]
        side_bg = sum(close(c, SIDE_BG, 6) for c in side) / max(1, len(side))
        side_links = sum(1 for c in side if (h := link_hue(c)) is not None and 0.25 <= h <= 0.55)
        current = sum(close(c, CURRENT_BG, 10) for c in side)
        verdicts += [
            ("sidebar panel on the left (its own background)", side_bg >= 0.5, f"{side_bg:.0%} of x<270 is #f6f8fa"),
            ("sidebar links in the stylesheet's link colour", side_links >= 80, f"{side_links} link pixels"),
            ("current page highlighted in the sidebar", current >= 300, f"{current} highlight pixels"),
        ]
        column = None
        for x in range(250, 320):
            hits = sum(close(image.pixel(x, y), BORDER_GREY, 24) for y in range(top, image.height, 4))
            if hits >= 0.8 * len(range(top, image.height, 4)):
                column = x
                break
        right_ink = sum(1 for _, _, c in image.region(top, image.height, (column or 300) + 4) if is_dark(c))
        verdicts += [
            ("sidebar ends in a vertical border line", column is not None, f"border at x={column}"),
            ("content ink right of the sidebar", right_ink >= 500, f"{right_ink} dark text pixels"),
        ]
    else:
        left = min((x for x, _, c in image.region(top, image.height) if not close(c, (255, 255, 255), 30)),
                   default=None)
        side = sum(close(c, SIDE_BG, 4) for _, _, c in image.region(top, image.height, 0, image.width // 2))
        verdicts += [
            ("phone: content uses the width (no sidebar column)", left is not None and left < 40, f"ink from x={left}"),
            ("phone: sidebar hidden until asked for", side < 0.3 * (image.height - top) * image.width // 2,
             f"{side} sidebar-coloured pixels"),
        ]
    return verdicts


STYLESHEET_DEPENDENT = {
    "top bar ends in a full-width border line",
    "sidebar ends in a vertical border line",
    "sidebar panel on the left (its own background)",
    "sidebar links in the stylesheet's link colour",
}


def check_screenshot(results: Results, label: str, png: bytes, size: tuple[int, int], layout: str = "wide",
                     scheme: str = "light", verbose: bool = False) -> None:
    try:
        image = decode_png(png)
    except (ValueError, zlib.error) as error:
        results.check(f"{label} screenshot: decodes as PNG", False, str(error))
        return
    if not results.check(f"{label} screenshot: is {size[0]}x{size[1]}", (image.width, image.height) == size,
                         f"{image.width}x{image.height}"):
        return
    if verbose:
        print(f"  {label}: {json.dumps(analyse_screenshot(image), default=str)}", file=sys.stderr)
    for name, ok, detail in screenshot_verdicts(image, layout, scheme):
        results.check(f"{label} screenshot: {name}", ok, detail)


def check_unstyled_control(results: Results, browser: Browser, site: Path, work: Path, shots: Path) -> None:
    """The stylesheet checks must fail on the same page without its stylesheet, or they prove nothing."""
    folder = work / "unstyled"
    folder.mkdir(exist_ok=True)
    shutil.copy(site / "index.html", folder / "index.html")
    image = decode_png(browser.screenshot(folder / "index.html", shots / "unstyled-control.png"))
    verdicts = {name: (ok, detail) for name, ok, detail in screenshot_verdicts(image)}
    passed_anyway = [f"{name} ({verdicts[name][1]})" for name in sorted(STYLESHEET_DEPENDENT) if verdicts[name][0]]
    results.check("control: stylesheet checks reject the unstyled index", not passed_anyway,
                  "; ".join(passed_anyway) if passed_anyway else
                  "; ".join(verdicts[name][1] for name in sorted(STYLESHEET_DEPENDENT)))


# ----------------------------------------------------------------------------------------------------------------
# Interactive checks (DevTools protocol)
# ----------------------------------------------------------------------------------------------------------------

TREE_LINKS = "document.querySelectorAll('#docgen-tree a').length"
NO_HSCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
VISIBLE = ("(s => { const e = typeof s === 'string' ? document.querySelector(s) : s; if (!e) return false;"
           " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).display"
           " !== 'none' && r.bottom > 0 && r.top < innerHeight; })")


def target_visible(page: Page) -> dict:
    return page.evaluate(
        "(() => { const id = decodeURIComponent(location.hash.slice(1)); const e = document.getElementById(id);"
        " if (!e) return {id, found: false}; const r = e.getBoundingClientRect();"
        " const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;"
        " return {id, found: true, top: Math.round(r.top), bar: Math.round(bar), inView: r.top >= bar - 2 &&"
        " r.top < innerHeight}; })()")


def check_interactive(results: Results, browser: Chromium, site: Path, label: str, module: str, own_symbol: dict,
                      other: dict, shots: Path, verbose: bool) -> None:
    """Sidebar, current page, collapsing, table of contents, deep links, search, widths, scripts off, dark, print."""
    page = browser.new_page()
    url = (site / (module + ".html")).resolve().as_uri()
    html_path = module + ".html"
    page.viewport(1280, 900)
    page.media("", "light")
    page.navigate(url)
    results.check(f"{label}: sidebar visible at 1280 px with the folder tree",
                  page.evaluate(f"{VISIBLE}('#docgen-sidebar') && document.querySelectorAll('#docgen-tree a').length > 2"),
                  f"{page.evaluate(TREE_LINKS)} links rendered")
    current = page.evaluate(
        "(() => { const a = document.querySelector('#docgen-sidebar a[aria-current=page]'); if (!a) return null;"
        " const r = a.getBoundingClientRect(), s = document.getElementById('docgen-sidebar').getBoundingClientRect();"
        " return {href: a.getAttribute('href'), visible: r.top >= s.top && r.bottom <= s.bottom}; })()")
    results.check(f"{label}: current page marked in the sidebar and scrolled into view",
                  bool(current) and current["href"].endswith(Path(html_path).name) and current["visible"],
                  repr(current))
    check_screenshot(results, f"{label} module 1280", page.screenshot(shots / f"{label}-module-1280.png"),
                     (1280, 900), "wide", verbose=verbose)
    page.evaluate("document.querySelector('#docgen-sidebar .nav-tree details:has(a[aria-current=page])').id = "
                  "'docgen-probe'")
    before = page.evaluate("document.getElementById('docgen-probe').open")
    page.click("#docgen-probe > summary")
    closed = page.evaluate("!document.getElementById('docgen-probe').open && "
                           "!document.querySelector('#docgen-sidebar a[aria-current=page]').checkVisibility()")
    page.click("#docgen-probe > summary")
    reopened = page.evaluate("document.getElementById('docgen-probe').open && "
                             "document.querySelector('#docgen-sidebar a[aria-current=page]').checkVisibility()")
    results.check(f"{label}: sidebar folders collapse and expand on click", before is True and closed and reopened,
                  f"open before {before}, closed {closed}, reopened {reopened}")
    page.click(".nav-toggle")
    hidden = not page.evaluate(f"{VISIBLE}('#docgen-sidebar')")
    page.click(".nav-toggle")
    shown = page.evaluate(f"{VISIBLE}('#docgen-sidebar')")
    results.check(f"{label}: the ☰ button hides and shows the whole sidebar", hidden and shown,
                  f"hidden {hidden}, shown again {shown}")
    toc = page.evaluate("[...document.querySelectorAll('.toc a')].map(a => [a.getAttribute('href'),"
                        " !!document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)))])")
    results.check(f"{label}: table of contents links every symbol to an existing anchor",
                  bool(toc) and len(toc) == own_symbol["count"] and all(ok for _, ok in toc),
                  f"{len(toc or [])} entries for {own_symbol['count']} symbols")
    page.navigate("about:blank")
    page.navigate(url + "#" + own_symbol["id"])
    seen = target_visible(page)
    results.check(f"{label}: deep link #{own_symbol['id']} lands on its anchor below the top bar",
                  seen.get("found") and seen.get("inView"), repr(seen))
    page.navigate(url)
    page.click("#docgen-search-input")
    page.type_text(other["name"])
    hit = page.wait_for("(() => { const a = document.querySelector('#docgen-search-results a');"
                        " return a ? a.getAttribute('href') : null; })()")
    page.press("Enter", 13)
    page.settle(0.2)
    page.wait_for("document.readyState === 'complete' && location.hash.length > 1", 10)
    page.settle(0.3)
    landed = page.evaluate("decodeURIComponent(location.pathname + location.hash)")
    seen = target_visible(page)
    results.check(f"{label}: search for {other['name']!r} → Enter opens its page at the anchor",
                  bool(hit) and landed.endswith(other["page"] + "#" + other["id"]) and seen.get("inView"),
                  f"first result {hit}, landed on {landed}, {seen}")
    page.navigate(url)
    page.click("#docgen-search-input")
    page.type_text(other["page"].rsplit("/", 1)[-1].rsplit(".", 2)[0])
    modules_hit = page.wait_for("[...document.querySelectorAll('#docgen-search-results a')].map(a =>"
                                " a.getAttribute('href')).find(h => !h.includes('#'))")
    results.check(f"{label}: search finds a module by its path", bool(modules_hit) and
                  modules_hit.endswith(other["page"]), repr(modules_hit))
    for width, height, mobile in ((1280, 900, False), (390, 844, True)):
        page.viewport(width, height, mobile)
        for name, target in (("index", (site / "index.html").resolve().as_uri()), ("module", url)):
            page.navigate(target)
            results.check(f"{label}: no horizontal scroll on the {name} page at {width} px", page.evaluate(NO_HSCROLL),
                          f"scrollWidth {page.evaluate('document.documentElement.scrollWidth')}")
    check_screenshot(results, f"{label} module 390", page.screenshot(shots / f"{label}-module-390.png"),
                     (390, 844), "phone", verbose=verbose)
    page.click(".nav-toggle")
    results.check(f"{label}: phone: ☰ opens the sidebar over the page", page.evaluate(f"{VISIBLE}('#docgen-sidebar')"))
    page.screenshot(shots / f"{label}-module-390-sidebar.png")
    page.viewport(1280, 900)
    page.media("", "dark")
    page.navigate(url)
    check_screenshot(results, f"{label} module dark", page.screenshot(shots / f"{label}-module-dark.png"),
                     (1280, 900), "wide", "dark", verbose)
    page.media("print", "light")
    printed = page.evaluate("['.sidebar', '.topbar', '.toc'].every(s => getComputedStyle(document.querySelector(s))"
                            ".display === 'none') && document.querySelector('main').getBoundingClientRect().left < 60")
    results.check(f"{label}: print media shows the content alone", printed)
    page.media("", "light")
    errors = page.events("Runtime.exceptionThrown")
    violations = [e for e in page.events("Log.entryAdded")
                  if "Content Security Policy" in e["params"]["entry"].get("text", "")]
    results.check(f"{label}: no script errors and no CSP violations on the site's own pages",
                  not errors and not violations,
                  "; ".join([e["params"]["exceptionDetails"].get("text", "") for e in errors[:2]]
                            + [v["params"]["entry"]["text"][:150] for v in violations[:2]]))
    page.scripts(False)
    page.navigate(url)
    readable = page.evaluate(f"document.querySelector('main h1') !== null && {VISIBLE}('main h1') &&"
                             " document.querySelectorAll('.toc a').length > 0 &&"
                             f" {VISIBLE}('.sidebar-home a') && document.querySelectorAll('#docgen-tree a').length === 0")
    results.check(f"{label}: with scripts off the page reads: heading, contents, a link to all modules", readable)
    page.screenshot(shots / f"{label}-module-noscript.png")
    page.scripts(True)


def check_untrusted(results: Results, docgen: str, browser: Browser, work: Path) -> None:
    control = work / "control.html"
    control.write_text(UNSAFE_CONTROL_PAGE, encoding="utf-8")
    found = unsafe_findings(DOM(browser.dump_dom(control)))
    results.check("untrusted: detector flags script, onerror and javascript: in a known-bad page",
                  len(found) >= 3, "; ".join(found))
    source = work / "untrusted.md"
    target = work / "untrusted.html"
    source.write_text(UNSAFE_MARKDOWN, encoding="utf-8")
    result = run_docgen(docgen, "render", str(source), "-o", str(target))
    if not results.check("untrusted: docgen render exits 0", result.returncode == 0 and target.exists(),
                         result.stderr.strip()[-300:]):
        return
    raw = target.read_text(encoding="utf-8")
    results.check("untrusted: rendered file has no <script, onerror or javascript:",
                  not re.search(r"<script|onerror|javascript\s*:", raw, re.IGNORECASE))
    try:
        dom = DOM(browser.dump_dom(target))
    except subprocess.TimeoutExpired:
        results.check("untrusted: Chromium loads the page", False, "timed out: a script may have opened a dialog")
        return
    found = unsafe_findings(dom)
    results.check("untrusted: Chromium's DOM has no script element, handler or javascript: URL",
                  not found, "; ".join(found))
    results.check("untrusted: no <iframe>, <img> with a remote or script source survives",
                  not dom.find("iframe") and all(scheme_of(i.attrs.get("src", "")) in ("", "https", "http")
                                                 and i.attrs.get("src", "") != "x" for i in dom.find("img")))
    links = [a.attrs.get("href", "") for a in dom.find("a")]
    results.check("untrusted: the page still rendered (heading and the safe https link)",
                  dom.text_of("h1") == ["Untrusted model output"] and "https://example.com/docs" in links,
                  f"links {links}")


MODEL_ANSWER = """## Overview

Model text with <script>window.__pwned = 1; document.title = 'pwned'</script> a script,
an <img src=x onerror="window.__pwned = 2"> image, a <b onclick="window.__pwned = 3">handler</b>,
[a link](javascript:window.__pwned=4), [another](JAVASCRIPT:alert(1)), <a href="javascript:void(0)">raw</a>,
a forged anchor <a id="docgenNav"></a> and <a id="Item" onclick="window.__pwned = 5"></a>,
<iframe srcdoc="<script>parent.__pwned = 6</script>"></iframe>

<script src="https://example.com/x.js"></script>

[safe](https://example.com/docs)
"""


class FakeModel(http.server.BaseHTTPRequestHandler):
    """An OpenAI-compatible chat endpoint that answers every request with hostile Markdown."""

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        body = json.dumps({
            "id": "x", "object": "chat.completion", "model": "gpt-4o-mini",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": MODEL_ANSWER},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def check_model_output(results: Results, docgen: str, browser: Chromium, sample: str, work: Path) -> None:
    """Hostile model answers go through the whole pipeline (a fake model server); nothing of them may run."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    output = work / "model-out"
    try:
        result = run_docgen(docgen, sample, "-o", str(output), "--provider", "compatible", "--base-url",
                            f"http://127.0.0.1:{server.server_address[1]}/v1", "--model", "gpt-4o-mini", "--quiet")
    finally:
        server.shutdown()
    if not results.check("model: docgen documents the sample through a fake model (exit 0)", result.returncode == 0,
                         result.stderr.strip()[-400:]):
        return
    site = output / "site"
    findings = []
    for html_file in sorted(site.rglob("*.html")):
        dom = DOM(html_file.read_text(encoding="utf-8"))
        findings += [f"{html_file.name}: {f}" for f in unsafe_findings(dom)
                     if not (f == "<script> element")]
        findings += [f"{html_file.name}: <script src={s.attrs.get('src')!r}>" for s in dom.find("script")
                     if not own_script(s.attrs.get("src", ""))]
        findings += [f"{html_file.name}: forged anchor" for a in dom.find("a") if a.attrs.get("id") == "docgenNav"]
    results.check("model: no model-written script, handler, javascript: URL or forged anchor in any page",
                  not findings, "; ".join(findings[:4]))
    page = browser.new_page()
    page.viewport(1280, 900)
    page.navigate((site / (MODULE + ".html")).resolve().as_uri())
    # The model's own text and docgen's anchors in it; not the breadcrumbs at the top of <main>, nor the one safe
    # external link, which lead away from the page.
    for selector in ("main h2", "main p", "main a[id]", "main img"):
        page.click(selector)
    state = page.evaluate("({pwned: window.__pwned === undefined ? null : window.__pwned, title: document.title,"
                          " scripts: [...document.scripts].map(s => s.getAttribute('src')),"
                          " anchors: [...document.querySelectorAll('main a[id]')].map(a => a.id),"
                          " sidebar: document.querySelectorAll('#docgen-tree a').length})")
    results.check("model: in Chromium nothing the model wrote ran (canary unset, title intact, own scripts only)",
                  state["pwned"] is None and "pwned" not in state["title"]
                  and all(own_script(s or "") or (s or "").endswith("search-index.js") for s in state["scripts"]),
                  json.dumps(state)[:300])
    results.check("model: docgen's own symbol anchors are on the model's page and the sidebar still works",
                  "Item" in state["anchors"] and "docgenNav" not in state["anchors"] and state["sidebar"] > 2,
                  f"{len(state['anchors'])} anchors")


def pick_symbols(docgen: str, repo: str, site: Path, module: str | None) -> tuple[str, dict, dict]:
    """A module page in a folder, one of its methods, and a method of another module for the search check."""
    scan = json.loads(run_docgen(docgen, "scan", "--json", repo).stdout)
    files = [f for f in scan["files"] if (site / (f["path"] + ".html")).is_file()]
    by_path = {f["path"]: f for f in files}

    def first_unique(file: dict, kind: str) -> dict | None:
        names = [s["qualified_name"] for s in file["symbols"]]
        for symbol in file["symbols"]:
            if symbol["kind"] == kind and names.count(symbol["qualified_name"]) == 1 and "." in symbol["qualified_name"]:
                return symbol
        return None

    if module is None:
        module = next(f["path"] for f in files if "/" in f["path"] and first_unique(f, "method"))
    own = first_unique(by_path[module], "method") or by_path[module]["symbols"][0]
    own_info = {"id": own["qualified_name"], "count": len(by_path[module]["symbols"])}
    all_names = [s["qualified_name"] for f in files for s in f["symbols"]]
    other = next(s for f in files if f["path"] != module and "/" in f["path"]
                 for s in [first_unique(f, "method")] if s and all_names.count(s["qualified_name"]) == 1)
    other_file = next(f["path"] for f in files for s in f["symbols"] if s is other)
    return module, own_info, {"name": other["qualified_name"], "id": other["qualified_name"],
                              "page": other_file + ".html"}


def check_tree(results: Results, args, browser: Browser, chromium: Chromium, repo: str, label: str, output: Path,
               shots: Path, module: str | None, full: bool, extra: tuple[str, ...] = ()) -> None:
    result = run_docgen(args.docgen, repo, "-o", str(output), "--provider", "offline", "--quiet", *extra)
    if not results.check(f"{label}: docgen generates the site (exit 0)", result.returncode == 0,
                         result.stderr.strip()[-500:]):
        return
    site = output / "site"
    scan = json.loads(run_docgen(args.docgen, "scan", "--json", repo, *extra).stdout)
    modules = [f["path"] for f in scan["files"]]
    tests = [m for m in modules if m.startswith("tests/") or "/test/" in f"/{m}"]
    check_nav_data(results, site, modules, tests)
    check_static_pages(results, site)
    if full:
        check_links_and_safety(results, site)
        check_index_dom(results, DOM((site / "index.html").read_text(encoding="utf-8")), modules,
                        Path(repo).resolve().name)
    module, own, other = pick_symbols(args.docgen, repo, site, module)
    print(f"{label}: module page {module}, deep link #{own['id']}, search {other['name']!r}")
    check_interactive(results, chromium, site, label, module, own, other, shots, args.verbose)
    page = chromium.new_page()
    page.viewport(1280, 900)
    page.navigate((site / "index.html").resolve().as_uri())
    check_screenshot(results, f"{label} index 1280", page.screenshot(shots / f"{label}-index-1280.png"),
                     (1280, 900), "wide", verbose=args.verbose)
    if full:
        check_unstyled_control(results, browser, site, output.parent, shots)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docgen", required=True, help="the docgen executable")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--sample", default="repos/sample", help="the project to document")
    parser.add_argument("--tree", help="also check the site of a large tree, such as the CPython standard library")
    parser.add_argument("--tree-exclude", action="append", default=[],
                        help="scan.exclude patterns for --tree, such as site-packages/ (repeatable)")
    parser.add_argument("--tree-module", help="the module page of --tree to drive (default: the first with a method)")
    parser.add_argument("--shots", help="folder for the screenshots (default: a new temporary folder, kept)")
    parser.add_argument("--keep", action="store_true", help="keep the generated site")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    if shutil.which(args.chromium) is None and not Path(args.chromium).is_file():
        print(f"check-site: Chromium not found at {args.chromium!r}; install it (apt-get install chromium)",
              file=sys.stderr)
        return 2
    results = Results()
    work = Path(tempfile.mkdtemp(prefix="docgen-site-"))
    shots = Path(args.shots) if args.shots else Path(tempfile.mkdtemp(prefix="docgen-site-shots-"))
    shots.mkdir(parents=True, exist_ok=True)
    browser = Browser(args.chromium, work / "chromium-profile", args.verbose)
    chromium = Chromium(args.chromium, str(work / "cdp-profile"), args.verbose)
    try:
        check_tree(results, args, browser, chromium, args.sample, "sample", work / "out", shots, MODULE, True)
        check_model_output(results, args.docgen, chromium, args.sample, work)
        check_untrusted(results, args.docgen, browser, work)
        if args.tree:
            extra = tuple(x for pattern in args.tree_exclude for x in ("--exclude", pattern))
            check_tree(results, args, browser, chromium, args.tree, "tree", work / "tree-out", shots,
                       args.tree_module, False, extra)
        print(f"screenshots: {shots}")
    except (RuntimeError, subprocess.TimeoutExpired, OSError, json.JSONDecodeError, StopIteration, KeyError) as error:
        results.check("checks ran to completion", False, f"{type(error).__name__}: {error}")
    finally:
        chromium.close()
        if args.keep:
            print(f"site kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return finish(results)


def finish(results: Results) -> int:
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
