#!/usr/bin/env python3
"""Local-only stress test: compares docgen's token ids (TokenBenchmark --emit-ids) with tiktoken on large inputs.

Not part of the test suite or CI. Inputs: every .py file of the running CPython's stdlib (found at run time),
seeded random Unicode strings, every code point of Unicode in several contexts, and long pathological pieces
(long_pieces.py: runs of one letter, two alternating letters, base64, random bytes, minified JS, CJK,
punctuation, spaces; --long-kb each, 0 to skip).

    swift build -c release --package-path Benchmarks --scratch-path .build-bench --product TokenBenchmark
    scripts/stress_tokens.py [--vocab DIR] [--random 3000] [--seed 1] [--long-kb 1024] [--only-long]

Prints the number of inputs and mismatches per encoding and the first few mismatches; exits 1 on any mismatch.
"""

import argparse
import json
import pathlib
import random
import subprocess
import sys
import sysconfig
import tempfile
import unicodedata

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import long_pieces  # noqa: E402
import tiktoken_local  # noqa: E402
from unicode_samples import random_text  # noqa: E402


def stdlib_texts(limit):
    root = pathlib.Path(sysconfig.get_paths()["stdlib"])
    texts = []
    for path in sorted(root.rglob("*.py")):
        try:
            texts.append((str(path.relative_to(root)), path.read_bytes().decode("utf-8")))
        except (UnicodeDecodeError, OSError):
            continue
        if limit and len(texts) >= limit:
            break
    return texts


def codepoint_texts():
    """Every non-surrogate code point, in contexts that exercise each pattern alternative."""
    contexts = ["a{c}b", " {c}x", "{c}'s", "1{c}2", "{c} \n", "A{c}", "\u4e2d{c}a", "'{c}", "{c}{c}a", " {c}!"]
    texts = []
    chunk = 4096
    for start in range(0, 0x110000, chunk):
        chars = [chr(c) for c in range(start, start + chunk) if not 0xD800 <= c <= 0xDFFF]
        for index, context in enumerate(contexts):
            texts.append((f"codepoints-{start:06X}-ctx{index}", "".join(context.format(c=ch) for ch in chars)))
    return texts


def long_texts(size_kb, seed):
    texts = []
    for kind in long_pieces.KINDS:
        for size in (int(size_kb * 1000), int(size_kb * 1000) // 7 + 13):
            texts.append((f"long-{kind}-{size}", long_pieces.make(kind, size, seed)))
    return texts


def run_docgen(docgen, encoding, texts, workdir):
    paths = []
    for index, (_, text) in enumerate(texts):
        path = workdir / f"{index:06d}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(str(path))
    results = {}
    batch = 500
    for start in range(0, len(paths), batch):
        process = subprocess.run(
            [docgen, "--emit-ids", "--encoding", encoding, *paths[start : start + batch]],
            capture_output=True,
        )
        if process.returncode != 0:
            sys.exit(f"docgen failed ({process.returncode}): {process.stderr.decode(errors='replace')[:2000]}")
        output = process.stdout
        for line in output.decode().splitlines():
            record = json.loads(line)
            results[record["file"]] = record["ids"]
    return [results[path] for path in paths]


def describe_mismatch(enc, text, expected, actual):
    prefix = 0
    while prefix < min(len(expected), len(actual)) and expected[prefix] == actual[prefix]:
        prefix += 1
    offset = len(enc.decode_bytes(expected[:prefix]))
    snippet = text.encode("utf-8")[max(0, offset - 20) : offset + 40].decode("utf-8", "replace")
    names = [f"U+{ord(ch):04X} {unicodedata.category(ch)}" for ch in snippet[18:26]]
    return (f"at byte {offset}: {snippet!r} {names}\n      tiktoken {expected[prefix:prefix + 6]}"
            f"\n      docgen   {actual[prefix:prefix + 6]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--benchmark", default=str(tiktoken_local.REPO_ROOT / ".build-bench" / "release" / "TokenBenchmark"))
    parser.add_argument("--vocab")
    parser.add_argument("--random", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stdlib-limit", type=int, default=0)
    parser.add_argument("--no-codepoints", action="store_true")
    parser.add_argument("--long-kb", type=float, default=1024)
    parser.add_argument("--only-long", action="store_true", help="only the long pathological pieces")
    args = parser.parse_args()

    if not pathlib.Path(args.benchmark).exists():
        sys.exit(f"{args.benchmark} is missing; build it first (see the top of {pathlib.Path(__file__).name})")
    rng = random.Random(args.seed)
    texts = []
    if not args.only_long:
        texts += stdlib_texts(args.stdlib_limit)
        texts += [(f"random-{i}", random_text(rng, rng.randint(1, 3000))) for i in range(args.random)]
        if not args.no_codepoints:
            texts += codepoint_texts()
    if args.long_kb > 0:
        texts += long_texts(args.long_kb, args.seed)
    failures = 0
    for name in tiktoken_local.ENCODING_NAMES:
        enc = tiktoken_local.load_encoding(name, args.vocab)
        with tempfile.TemporaryDirectory() as tmp:
            actual = run_docgen(args.benchmark, name, texts, pathlib.Path(tmp))
        mismatches = 0
        for (label, text), ids in zip(texts, actual):
            expected = enc.encode_ordinary(text)
            if expected != ids:
                mismatches += 1
                if mismatches <= 8:
                    print(f"  {name} {label}: {describe_mismatch(enc, text, expected, ids)}")
        total_bytes = sum(len(t.encode("utf-8")) for _, t in texts)
        print(f"{name}: {len(texts)} inputs, {total_bytes / 1e6:.1f} MB, {mismatches} mismatches")
        failures += mismatches
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
