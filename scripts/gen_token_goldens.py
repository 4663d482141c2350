#!/usr/bin/env python3
"""Writes Tests/DocgenTokensTests/Fixtures/token-goldens.json with tiktoken's ids for a diverse fixture set.

Test-time tool: needs `pip install tiktoken`, no network (the encodings are built from the local rank files).

    scripts/gen_token_goldens.py [--vocab DIR]

Each case: {"name", "text", "ids": {"cl100k_base": [...], "o200k_base": [...]}}; cases under "special" were
encoded with allowed_special="all" instead of encode_ordinary.
"""

import argparse
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import tiktoken_local  # noqa: E402
import token_golden_texts as texts  # noqa: E402
from unicode_samples import random_text  # noqa: E402

OUTPUT = tiktoken_local.REPO_ROOT / "Tests" / "DocgenTokensTests" / "Fixtures" / "token-goldens.json"


def ordinary_cases(rng):
    cases = [(f"code-{name}", text) for name, text in texts.CODE.items()]
    cases += [(f"prose-{name}", text) for name, text in texts.PROSE.items()]
    cases += [(f"edge-{index:03d}", text) for index, text in enumerate(texts.EDGE_CASES)]
    cases += list(texts.long_cases().items())
    cases.append(("long-base64", texts.base64_blob(rng, 3000)))
    cases.append(("all-code", "\n\n".join(texts.CODE.values())))
    cases.append(("all-prose", "\n".join(texts.PROSE.values())))
    for index in range(80):
        cases.append((f"random-{index:02d}", random_text(rng, rng.randint(1, 400))))
    return cases


def special_cases():
    return [
        ("special-eot", "Hello<|endoftext|>World"),
        ("special-eot-spaces", " a <|endoftext|> b \n"),
        ("special-adjacent", "<|endoftext|><|endoftext|>"),
        ("special-fim", "<|fim_prefix|>def f():<|fim_suffix|>\n    return 1<|fim_middle|>"),
        ("special-prompt", "q<|endofprompt|>a"),
        ("special-partial", "<|endoftext|<|endoftext|>|>"),
        ("special-whitespace-boundary", "a   <|endoftext|>   b"),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vocab")
    args = parser.parse_args()
    encodings = {name: tiktoken_local.load_encoding(name, args.vocab) for name in tiktoken_local.ENCODING_NAMES}
    rng = random.Random(20240601)
    ordinary = []
    for name, text in ordinary_cases(rng):
        ids = {enc_name: enc.encode_ordinary(text) for enc_name, enc in encodings.items()}
        ordinary.append({"name": name, "text": text, "ids": ids})
    special = []
    for name, text in special_cases():
        ids = {}
        for enc_name, enc in encodings.items():
            ids[enc_name] = enc.encode(text, allowed_special="all")
        special.append({"name": name, "text": text, "ids": ids})
    document = {
        "generator": "scripts/gen_token_goldens.py",
        "ordinary": ordinary,
        "special": special,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(tiktoken_local.REPO_ROOT)}: {len(ordinary)} ordinary, {len(special)} special, "
          f"{OUTPUT.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
