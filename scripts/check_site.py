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
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

WIDTH, HEIGHT = 1280, 900
MODULE_PAGE = "inventory/models.py.html"
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
    return subprocess.run([docgen, *arguments], capture_output=True, text=True, timeout=600, env=environment)


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
        if re.search(r"<script", text, re.IGNORECASE):
            unsafe.append(f"{relative}: <script")
        if re.search(r"javascript\s*:", text, re.IGNORECASE):
            unsafe.append(f"{relative}: javascript:")
        unsafe.extend(f"{relative}: {finding}" for finding in unsafe_findings(DOM(text)))
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


def check_index_dom(results: Results, dom: DOM, modules: list[str], project: str) -> None:
    titles = dom.text_of("title")
    results.check("index: <title> names the project", bool(titles) and project in titles[0], repr(titles[:1]))
    h1 = dom.text_of("h1")
    results.check("index: <h1> is the project name", h1[:1] == [project], repr(h1))
    h2 = dom.text_of("h2")
    results.check("index: has a Modules heading", "Modules" in h2, repr(h2))
    nav_links = [a.attrs.get("href", "") for a in dom.find("a", inside="nav")]
    expected = {"index.html"} | {m + ".html" for m in modules}
    missing = sorted(expected - set(nav_links))
    results.check(
        "index: navigation links the index and every module page",
        not missing,
        f"{len(nav_links)} links" if not missing else f"missing {missing}",
    )
    current = [a.attrs.get("href") for a in dom.find("a", inside="nav") if a.attrs.get("aria-current") == "page"]
    results.check("index: navigation marks the index as current", current == ["index.html"], repr(current))
    main_links = {a.attrs.get("href", "") for a in dom.find("a", inside="main")}
    missing = sorted({m + ".html" for m in modules} - main_links)
    results.check("index: body links every module page", not missing, f"missing {missing}" if missing else "")
    sheets = [l.attrs.get("href") for l in dom.find("link") if "stylesheet" in l.attrs.get("rel", "")]
    results.check("index: links the shared stylesheet", sheets == ["style.css"], repr(sheets))
    main_text = " ".join(e.text for e in dom.find("main"))
    raw_table = RAW_TABLE.search(main_text)
    results.check(
        "index: module list renders as a list or table (no raw Markdown pipes)",
        raw_table is None and (bool(dom.find("table")) or bool(dom.find("li", inside="main"))),
        "" if raw_table is None else f"visible text contains {raw_table.group(0)!r}: the renderer has no table support",
    )


def check_module_dom(results: Results, dom: DOM, project: str) -> None:
    name = MODULE_PAGE[: -len(".html")]
    titles = dom.text_of("title")
    results.check("module: <title> names module and project", titles[:1] == [f"{name} — {project}"], repr(titles[:1]))
    h1 = dom.text_of("h1")
    results.check("module: <h1> is the module path", h1[:1] == [name], repr(h1))
    headings = " | ".join(dom.text_of("h2") + dom.text_of("h3"))
    wanted = ["Item", "StockLevel", "PurchaseOrder", "PurchaseOrder.Line", "Movement"]
    missing = [w for w in wanted if w not in headings]
    results.check("module: headings document its classes", not missing, f"missing {missing}" if missing else "")
    nav = dom.find("a", inside="nav")
    current = [a.attrs.get("href") for a in nav if a.attrs.get("aria-current") == "page"]
    results.check("module: navigation marks this page current", current == ["../" + MODULE_PAGE], repr(current))
    results.check(
        "module: navigation links back to the index",
        "../index.html" in [a.attrs.get("href") for a in nav],
    )
    sheets = [l.attrs.get("href") for l in dom.find("link") if "stylesheet" in l.attrs.get("rel", "")]
    results.check("module: links the stylesheet relatively", sheets == ["../style.css"], repr(sheets))


def screenshot_verdicts(image: Image) -> list[tuple[str, bool, str]]:
    """``(check, ok, detail)`` for a 1280x900 screenshot of a generated page."""
    stats = analyse_screenshot(image)
    ink = stats["ink_fraction"]
    row = stats["border_row"]
    nav, content = stats["nav"], stats["content"]
    link_pixels = nav["stylesheet_blue"] + nav["default_blue"]
    nav_blue = nav["stylesheet_blue"] / link_pixels if link_pixels else 0.0
    left, right = content["left"], content["right"]

    def share(area: dict, key: str) -> float:
        return area[key] / area["ink"] if area["ink"] else 0.0

    return [
        ("not blank", 0.01 <= ink <= 0.6, f"{ink:.1%} non-background pixels on background {stats['background']}"),
        ("white page background", close(stats["background"], (255, 255, 255), 6), repr(stats["background"])),
        ("navigation bar ends in a full-width border line", row is not None and 10 <= row <= 300,
         f"border at y={row}"),
        ("navigation links use the stylesheet's link colour", nav["stylesheet_blue"] >= 500 and nav_blue >= 0.9,
         f"{nav['stylesheet_blue']} link pixels, {nav_blue:.0%} of them #0969da-hued rather than the browser "
         f"default #0000ee"),
        ("content sits in the centred column (max-width 56rem)",
         left is not None and right is not None and 150 <= left and right <= WIDTH - 150,
         f"content ink spans x={left}..{right}"),
        ("navigation area differs from the content area",
         content["ink"] > 0 and share(nav, "blue") > share(content, "blue") and share(content, "dark") > share(nav, "dark"),
         f"blue ink {share(nav, 'blue'):.0%} nav vs {share(content, 'blue'):.0%} content; "
         f"dark ink {share(nav, 'dark'):.0%} nav vs {share(content, 'dark'):.0%} content"),
    ]


STYLESHEET_DEPENDENT = {
    "navigation bar ends in a full-width border line",
    "navigation links use the stylesheet's link colour",
    "content sits in the centred column (max-width 56rem)",
}


def decode_screenshot(results: Results, label: str, png: bytes) -> Image | None:
    try:
        image = decode_png(png)
    except (ValueError, zlib.error) as error:
        results.check(f"{label} screenshot: decodes as PNG", False, str(error))
        return None
    ok = (image.width, image.height) == (WIDTH, HEIGHT)
    results.check(f"{label} screenshot: is {WIDTH}x{HEIGHT}", ok, f"{image.width}x{image.height}")
    return image if ok else None


def check_screenshot(results: Results, label: str, png: bytes, verbose: bool) -> None:
    image = decode_screenshot(results, label, png)
    if image is None:
        return
    if verbose:
        print(f"  {label}: {json.dumps(analyse_screenshot(image), default=str)}", file=sys.stderr)
    for name, ok, detail in screenshot_verdicts(image):
        results.check(f"{label} screenshot: {name}", ok, detail)


def check_unstyled_control(results: Results, browser: Browser, site: Path, work: Path, shots: Path) -> None:
    """The stylesheet checks must fail on the same page without its stylesheet, or they prove nothing."""
    folder = work / "unstyled"
    folder.mkdir(exist_ok=True)
    shutil.copy(site / "index.html", folder / "index.html")
    image = decode_screenshot(results, "control (index without style.css)",
                              browser.screenshot(folder / "index.html", shots / "unstyled-control.png"))
    if image is None:
        return
    verdicts = {name: (ok, detail) for name, ok, detail in screenshot_verdicts(image)}
    passed_anyway = [f"{name} ({verdicts[name][1]})" for name in sorted(STYLESHEET_DEPENDENT) if verdicts[name][0]]
    results.check("control: stylesheet checks reject the unstyled index", not passed_anyway,
                  "; ".join(passed_anyway) if passed_anyway else
                  "; ".join(verdicts[name][1] for name in sorted(STYLESHEET_DEPENDENT)))


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docgen", required=True, help="the docgen executable")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--sample", default="repos/sample", help="the project to document")
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
    try:
        output = work / "out"
        result = run_docgen(args.docgen, args.sample, "-o", str(output), "--provider", "offline", "--quiet")
        if not results.check("docgen generates the sample site (exit 0)", result.returncode == 0,
                             result.stderr.strip()[-500:]):
            return finish(results)
        site = output / "site"
        scan = run_docgen(args.docgen, "scan", "--json", args.sample)
        modules = [f["path"] for f in json.loads(scan.stdout)["files"]] if scan.returncode == 0 else []
        results.check("sample scan lists modules with no skips", bool(modules) and scan.returncode == 0
                      and not json.loads(scan.stdout).get("skipped"), f"{len(modules)} modules")
        project = Path(args.sample).resolve().name

        check_links_and_safety(results, site)
        check_index_dom(results, DOM(browser.dump_dom(site / "index.html")), modules, project)
        check_module_dom(results, DOM(browser.dump_dom(site / MODULE_PAGE)), project)
        for label, page, name in (("index", site / "index.html", "index.png"),
                                  ("module", site / MODULE_PAGE, "module.png")):
            check_screenshot(results, label, browser.screenshot(page, shots / name), args.verbose)
        check_unstyled_control(results, browser, site, work, shots)
        print(f"screenshots: {shots}")
        check_untrusted(results, args.docgen, browser, work)
    except (RuntimeError, subprocess.TimeoutExpired, OSError, json.JSONDecodeError) as error:
        results.check("checks ran to completion", False, str(error))
    finally:
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
