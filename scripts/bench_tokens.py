#!/usr/bin/env python3
"""Times docgen's tokenizer against tiktoken and quicktok in one run, single thread, warm. Used by bench-tokens.sh.

Inputs (built at run time under .bench/, which git ignores):
  long   N MB (--sizes, default 1,2,4,8,16) of one letter ("a"), of base64 (seeded random bytes, no line
         breaks) and of random bytes (seeded, as a UTF-8 decoder with replacement reads them): long_pieces.py;
  code   the CPython standard library's .py files of the running interpreter (sysconfig "stdlib"), sorted by
         path, up to --code-mb megabytes;
  prose  translated messages (msgstr) from the gettext catalogues in /usr/share/locale for 24 languages, or
         seeded generated text when no catalogue exists (docgen and tiktoken only).

Times are CPU seconds of the encoding thread (process CPU for the Python peers), so a busy machine slows the
wall clock but not the figures much. Corpora: best of --repeats after a warm-up. Long inputs: docgen makes one
cold pass in a fresh process at every size (what a user pays, page faults of its working memory included; a
best-of-N would reuse freed memory at small sizes only and bend the linearity figure); the peers take the best
of --repeats after a warm-up up to 4 MB and a single pass above.
  docgen    TokenBenchmark (Benchmarks/ package): Encoding.encode per file, vocabulary already loaded;
  tiktoken  Encoding.encode_ordinary in this process;
  quicktok  quicktok 0.2.0's BasicTokenizer loaded with the same vocabulary (quicktok_local.py). It has no
            pre-tokenizer and merges whole texts quadratically, so it is given tiktoken's pieces (split outside
            the timer, one encode call per piece); a run of one letter is one piece either way.
Token counts of docgen and quicktok are checked against tiktoken's; "linear" is the time per MB at the largest
size divided by the time per MB at the smallest (1.00 = perfectly linear).
"""

import argparse
import gettext
import json
import multiprocessing
import pathlib
import random
import subprocess
import sys
import sysconfig
import time

import regex

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import long_pieces  # noqa: E402
import quicktok_local  # noqa: E402
import tiktoken_local  # noqa: E402
from unicode_samples import random_text  # noqa: E402

BENCH_DIR = tiktoken_local.REPO_ROOT / ".bench"
LONG_KINDS = (("letter", "'a'"), ("base64", "base64"), ("random-bytes", "random bytes"))
LANGUAGES = ["de", "fr", "es", "pl", "vi", "tr", "ru", "uk", "el", "ar", "he", "fa", "hi", "bn", "ta", "th",
             "zh_CN", "zh_TW", "ja", "ko", "ka", "hy", "pt_BR", "cs"]


def build_code_corpus(limit_bytes):
    root = pathlib.Path(sysconfig.get_paths()["stdlib"])
    paths, total = [], 0
    for path in sorted(root.rglob("*.py")):
        try:
            size = len(path.read_bytes())
            path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        paths.append(path)
        total += size
        if total >= limit_bytes:
            break
    return paths


def catalogue_messages(language):
    messages = []
    for mo in sorted(pathlib.Path("/usr/share/locale").glob(f"{language}/LC_MESSAGES/*.mo")):
        try:
            with mo.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)
        except Exception:  # unreadable or malformed catalogues are skipped
            continue
        messages.extend(value for key, value in catalog._catalog.items() if key and isinstance(value, str))
    return messages


def build_prose_corpus(per_language_bytes):
    directory = BENCH_DIR / "prose"
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    paths = []
    for language in LANGUAGES:
        messages = catalogue_messages(language)
        if not messages:
            messages = [random_text(rng, 200) for _ in range(50)]
        text, size = [], 0
        for message in messages:
            text.append(message)
            size += len(message.encode("utf-8")) + 1
            if size >= per_language_bytes:
                break
        path = directory / f"{language}.txt"
        path.write_text("\n".join(text) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def build_long_input(kind, megabytes):
    directory = BENCH_DIR / "long"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{kind}-{megabytes:g}mb.txt"
    if not path.exists():
        path.write_text(long_pieces.make(kind, int(megabytes * 1_000_000)), encoding="utf-8", newline="")
    return path


def time_docgen(benchmark, encoding, paths, repeats):
    output = subprocess.run(
        [benchmark, "--encoding", encoding, "--repeats", str(repeats), *map(str, paths)],
        check=True, capture_output=True,
    ).stdout
    return json.loads(output)


def best_cpu(function, repeats):
    """The best process-CPU seconds of `function()` over `repeats` runs (after a warm-up when repeats > 1)."""
    result = function() if repeats > 1 else None
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        result = function()
        best = min(best, time.process_time() - start)
    return best, result


def time_tiktoken(enc, texts, repeats):
    return best_cpu(lambda: sum(len(enc.encode_ordinary(text)) for text in texts), repeats)


def time_quicktok(quick, pieces_per_text, repeats):
    encode = quick.tokenizer.encode
    return best_cpu(lambda: sum(len(encode(piece)) for pieces in pieces_per_text for piece in pieces), repeats)


def split_pieces(enc, text):
    return regex.findall(enc._pat_str, text)


def cell(seconds, width=9):
    return f"{seconds:{width}.3f}" if seconds is not None else f"{'—':>{width}}"


def ratio(ours, theirs):
    return f"{ours / theirs:6.2f}" if ours and theirs else f"{'—':>6}"


def run_long(args, sizes):
    print("Long inputs: CPU seconds; docgen/peer ratios (< 1 means docgen is faster); tokens vs tiktoken")
    print(f"{'input':<14} {'encoding':<12} {'MB':>5} {'docgen':>9} {'tiktoken':>9} {'quicktok':>9} "
          f"{'/tiktoken':>9} {'/quicktok':>9}  {'docgen RSS MB':>13}  tokens")
    linearity = []
    for name in tiktoken_local.ENCODING_NAMES:
        enc = tiktoken_local.load_encoding(name)
        quick = quicktok_local.QuicktokEncoding(name)
        for kind, label in LONG_KINDS:
            per_mb = {}
            for megabytes in sizes:
                path = build_long_input(kind, megabytes)
                text = path.read_bytes().decode("utf-8")  # not read_text: keep \r as it is
                size = len(text.encode("utf-8")) / 1e6
                repeats = args.repeats if megabytes <= 4 else 1
                ours = time_docgen(args.benchmark, name, [path], 1)
                theirs, their_tokens = time_tiktoken(enc, [text], repeats)
                pieces = [text] if kind == "letter" else split_pieces(enc, text)
                quick_seconds, quick_tokens = time_quicktok(quick, [pieces], repeats)
                checks = []
                checks.append("docgen equal" if ours["tokens"] == their_tokens else
                              f"docgen DIFFERS ({ours['tokens']} vs {their_tokens})")
                checks.append("quicktok equal" if quick_tokens == their_tokens else
                              f"quicktok differs ({quick_tokens})")
                per_mb[megabytes] = (ours["cpu_seconds"] / size, theirs / size, quick_seconds / size)
                print(f"{label:<14} {name:<12} {size:5.1f} {cell(ours['cpu_seconds'])} {cell(theirs)} "
                      f"{cell(quick_seconds)} {ratio(ours['cpu_seconds'], theirs):>9} "
                      f"{ratio(ours['cpu_seconds'], quick_seconds):>9}  {ours['peak_rss_kb'] / 1e3:13.0f}  "
                      f"{', '.join(checks)}", flush=True)
            low, high = per_mb[min(sizes)], per_mb[max(sizes)]
            linearity.append((label, name, [h / l if l else None for h, l in zip(high, low)]))
    print()
    print(f"Linearity: time per MB at {max(sizes):g} MB / at {min(sizes):g} MB (1.00 = linear)")
    print(f"{'input':<14} {'encoding':<12} {'docgen':>8} {'tiktoken':>9} {'quicktok':>9}")
    for label, name, (ours, theirs, quick) in linearity:
        print(f"{label:<14} {name:<12} {ours:8.2f} {theirs:9.2f} {quick:9.2f}")
    print()


def run_corpora(args):
    code = build_code_corpus(int(args.code_mb * 1e6))
    print(f"code corpus:  {len(code)} stdlib .py files, {sum(p.stat().st_size for p in code) / 1e6:.1f} MB")
    corpora = [("code", code)]
    if not args.skip_prose:
        prose = build_prose_corpus(int(args.prose_kb_per_language * 1e3))
        print(f"prose corpus: {len(prose)} languages, {sum(p.stat().st_size for p in prose) / 1e6:.1f} MB")
        corpora.append(("prose", prose))
    print()
    print("Corpora: MB/s from CPU time (higher is better); ratios are docgen's speed over the peer's")
    print(f"{'corpus':<7} {'encoding':<12} {'MB':>6} {'docgen':>8} {'tiktoken':>9} {'quicktok':>9} "
          f"{'×tiktoken':>9} {'×quicktok':>9}  tokens")
    for name in tiktoken_local.ENCODING_NAMES:
        enc = tiktoken_local.load_encoding(name)
        quick = quicktok_local.QuicktokEncoding(name)
        for label, paths in corpora:
            texts = [p.read_bytes().decode("utf-8") for p in paths]
            size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
            ours = time_docgen(args.benchmark, name, paths, args.repeats)
            theirs, their_tokens = time_tiktoken(enc, texts, args.repeats)
            ours_speed, their_speed = ours["cpu_mb_per_s"], size / theirs
            quick_speed, quick_tokens = None, None
            if label == "code":
                pieces = [split_pieces(enc, text) for text in texts]
                quick_seconds, quick_tokens = time_quicktok(quick, pieces, args.repeats)
                quick_speed = size / quick_seconds
            checks = ["docgen equal" if ours["tokens"] == their_tokens else f"docgen DIFFERS ({ours['tokens']})"]
            if quick_tokens is not None:
                checks.append("quicktok equal" if quick_tokens == their_tokens else f"quicktok differs ({quick_tokens})")
            quick_cell = f"{quick_speed:9.1f}" if quick_speed else f"{'—':>9}"
            quick_ratio = f"{ours_speed / quick_speed:9.2f}" if quick_speed else f"{'—':>9}"
            print(f"{label:<7} {name:<12} {size:6.2f} {ours_speed:8.1f} {their_speed:9.1f} {quick_cell} "
                  f"{ours_speed / their_speed:9.2f} {quick_ratio}  {', '.join(checks)}", flush=True)
    print()
    print(f"{'vocabulary':<12} {'load s':>8} {'tables MB':>10} {'RSS after load MB':>18}")
    for name in tiktoken_local.ENCODING_NAMES:
        ours = time_docgen(args.benchmark, name, [], 1)
        print(f"{name:<12} {ours['load_seconds']:8.3f} {ours['vocab_storage_bytes'] / 1e6:10.1f} "
              f"{ours['rss_after_load_kb'] / 1e3:18.1f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--benchmark", default=str(tiktoken_local.REPO_ROOT / ".build-bench" / "release" / "TokenBenchmark"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", default="1,2,4,8,16", help="megabytes of each long input, comma-separated")
    parser.add_argument("--code-mb", type=float, default=8)
    parser.add_argument("--prose-kb-per-language", type=float, default=160)
    parser.add_argument("--skip-prose", action="store_true")
    parser.add_argument("--skip-long", action="store_true")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    if not args.skip_long:
        run_long(args, sizes)
    run_corpora(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
