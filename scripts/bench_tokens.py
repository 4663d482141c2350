#!/usr/bin/env python3
"""Times docgen's tokenizer against tiktoken on the same files, single thread, warm. Used by bench-tokens.sh.

Corpora (built at run time under .bench/, which git ignores):
  code   the CPython standard library's .py files of the running interpreter (sysconfig "stdlib"), sorted by
         path, up to --code-mb megabytes;
  prose  translated messages (msgstr) from the gettext catalogues in /usr/share/locale for 24 languages in
         Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, CJK, Hangul, Georgian and
         Armenian scripts, one file per language, or seeded generated text when no catalogue exists;
  worst  1 MB of "a" and 1 MB of base64 (seeded random bytes, no line breaks).

docgen is timed by `TokensBenchmark` (Benchmarks package) (best of --repeats passes over all files in one process, vocabulary
already loaded); tiktoken by `Encoding.encode_ordinary` in this process (best of --repeats after a warm-up).
"""

import argparse
import base64
import gettext
import json
import multiprocessing
import pathlib
import random
import subprocess
import sys
import sysconfig
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import tiktoken_local  # noqa: E402
from unicode_samples import random_text  # noqa: E402

BENCH_DIR = tiktoken_local.REPO_ROOT / ".bench"
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


def build_worst_cases():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    letter = BENCH_DIR / "one-letter-1mb.txt"
    letter.write_text("a" * 1_000_000, encoding="utf-8")
    rng = random.Random(7)
    blob = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(750_000))).decode()
    b64 = BENCH_DIR / "base64-1mb.txt"
    b64.write_text(blob, encoding="utf-8")
    return letter, b64


def time_docgen(docgen, encoding, paths, repeats):
    output = subprocess.run(
        [docgen, "--encoding", encoding, "--repeats", str(repeats), *map(str, paths)],
        check=True, capture_output=True,
    ).stdout
    return json.loads(output)


def time_tiktoken(encoding, texts, repeats):
    for text in texts:  # warm-up
        encoding.encode_ordinary(text)
    best, best_cpu, tokens = float("inf"), float("inf"), 0
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.thread_time()
        tokens = sum(len(encoding.encode_ordinary(text)) for text in texts)
        best_cpu = min(best_cpu, time.thread_time() - start_cpu)
        best = min(best, time.perf_counter() - start)
    return best, best_cpu, tokens


def _tiktoken_worst(name, path, queue):
    enc = tiktoken_local.load_encoding(name)
    text = pathlib.Path(path).read_bytes().decode("utf-8")
    start = time.thread_time()
    enc.encode_ordinary(text)
    queue.put(time.thread_time() - start)


def time_tiktoken_with_timeout(name, path, timeout):
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=_tiktoken_worst, args=(name, str(path), queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return queue.get() if not queue.empty() else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", dest="docgen", default=str(tiktoken_local.REPO_ROOT / ".build-bench" / "release" / "TokensBenchmark"),
                        help="the TokensBenchmark binary (Benchmarks package; scripts/bench-tokens.sh builds it)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--code-mb", type=float, default=8)
    parser.add_argument("--prose-kb-per-language", type=float, default=160)
    parser.add_argument("--tiktoken-worst-timeout", type=float, default=60)
    args = parser.parse_args()

    code = build_code_corpus(int(args.code_mb * 1e6))
    prose = build_prose_corpus(int(args.prose_kb_per_language * 1e3))
    letter, b64 = build_worst_cases()
    print(f"code corpus:  {len(code)} stdlib .py files, {sum(p.stat().st_size for p in code) / 1e6:.1f} MB")
    print(f"prose corpus: {len(prose)} languages, {sum(p.stat().st_size for p in prose) / 1e6:.1f} MB")
    print()
    print("MB/s from thread CPU time (wall-clock MB/s in parentheses; the machine may be shared)")
    print(f"{'corpus':<8} {'encoding':<12} {'MB':>6} {'docgen MB/s':>20} {'tiktoken MB/s':>20} {'ratio':>12}  tokens")
    for name in tiktoken_local.ENCODING_NAMES:
        enc = tiktoken_local.load_encoding(name)
        for label, paths in (("code", code), ("prose", prose)):
            texts = [p.read_bytes().decode("utf-8") for p in paths]
            size = sum(len(t.encode("utf-8")) for t in texts)
            ours = time_docgen(args.docgen, name, paths, args.repeats)
            theirs, theirs_cpu, their_tokens = time_tiktoken(enc, texts, args.repeats)
            same = "equal" if ours["tokens"] == their_tokens else f"DIFFER ({ours['tokens']} vs {their_tokens})"
            their_mbps, their_cpu_mbps = size / theirs / 1e6, size / theirs_cpu / 1e6
            ours_cell = f"{ours['cpu_mb_per_s']:7.1f} ({ours['mb_per_s']:6.1f})"
            theirs_cell = f"{their_cpu_mbps:7.1f} ({their_mbps:6.1f})"
            ratio_cell = f"{ours['cpu_mb_per_s'] / their_cpu_mbps:5.2f} ({ours['mb_per_s'] / their_mbps:4.2f})"
            print(f"{label:<8} {name:<12} {size / 1e6:6.2f} {ours_cell:>20} {theirs_cell:>20} {ratio_cell:>12}  {same}")
    print()
    print("worst cases: thread CPU seconds (docgen wall-clock seconds in parentheses)")
    print(f"{'worst case':<22} {'encoding':<12} {'docgen s':>17} {'tiktoken s':>11}")
    for name in tiktoken_local.ENCODING_NAMES:
        for label, path in (("1 MB of 'a'", letter), ("1 MB of base64", b64)):
            ours = time_docgen(args.docgen, name, [path], 3)
            theirs = time_tiktoken_with_timeout(name, path, args.tiktoken_worst_timeout)
            shown = f"{theirs:11.3f}" if theirs is not None else f"{'>' + str(int(args.tiktoken_worst_timeout)):>11}"
            print(f"{label:<22} {name:<12} {ours['cpu_seconds']:7.3f} ({ours['seconds']:6.3f}) {shown}")
    print()
    print(f"{'vocabulary':<12} {'load s':>8} {'tables MB':>10} {'RSS after load MB':>18} {'peak RSS MB':>12}")
    for name in tiktoken_local.ENCODING_NAMES:
        ours = time_docgen(args.docgen, name, [], 1)
        print(f"{name:<12} {ours['load_seconds']:8.3f} {ours['vocab_storage_bytes'] / 1e6:10.1f} "
              f"{ours['rss_after_load_kb'] / 1e3:18.1f} {ours['peak_rss_kb'] / 1e3:12.1f}")


if __name__ == "__main__":
    main()
