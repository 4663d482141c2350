"""Seeded pathological texts for the long-piece path of the BPE: one input per kind, of a given size in bytes.

Used by stress_tokens.py (exactness against tiktoken) and bench_tokens.py (time against tiktoken and quicktok).
Every text is valid UTF-8 of exactly `size` bytes (or a few bytes less, to end on a character boundary).
"""

import base64
import random

KINDS = ("letter", "two-letters", "base64", "random-bytes", "minified-js", "cjk", "punctuation", "spaces",
         "small-alphabet", "digits-letters")


def _fit(text, size):
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", "ignore")


def _repeat_to(unit, size):
    return (unit * (size // len(unit.encode("utf-8")) + 1))


def minified_js(rng, size):
    """Minifier-like output: short identifiers, no spaces or newlines, operators and string literals."""
    names = ["a", "b", "c", "e", "n", "t", "r", "i", "o", "s", "_", "$", "fn", "el", "cb", "xs"]
    parts, total = [], 0
    while total < size:
        kind = rng.randrange(6)
        if kind == 0:
            part = f"function {rng.choice(names)}({rng.choice(names)},{rng.choice(names)}){{"
        elif kind == 1:
            part = f"var {rng.choice(names)}={rng.randrange(100000)},{rng.choice(names)}=[];"
        elif kind == 2:
            part = f"return {rng.choice(names)}.{rng.choice(names)}({rng.choice(names)}+{rng.randrange(99)})}};"
        elif kind == 3:
            part = f'{rng.choice(names)}["{rng.choice(names)}{rng.randrange(9)}"]=!0;'
        elif kind == 4:
            part = f"if({rng.choice(names)}&&{rng.choice(names)}!=null){rng.choice(names)}++;"
        else:
            part = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$") for _ in range(40))
        parts.append(part)
        total += len(part)
    return "".join(parts)


def make(kind, size, seed=7):
    """The text of `kind` with (about) `size` UTF-8 bytes."""
    rng = random.Random(f"{kind}-{seed}")
    if kind == "letter":
        text = "a" * size
    elif kind == "two-letters":
        text = _repeat_to("ab", size)
    elif kind == "base64":
        text = base64.b64encode(rng.randbytes(size * 3 // 4 + 3)).decode()
    elif kind == "random-bytes":
        # Random bytes as a UTF-8 decoder with replacement reads them: mostly U+FFFD, ASCII and Latin-1 letters.
        text = rng.randbytes(size).decode("utf-8", "replace")
    elif kind == "minified-js":
        text = minified_js(rng, size)
    elif kind == "cjk":
        text = "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(size // 3 + 1))
    elif kind == "punctuation":
        text = "".join(rng.choice("=-*#~+/") for _ in range(size))
    elif kind == "spaces":
        # tiktoken's regex overflows its stack on one megabyte-long run of spaces, so runs are 10,000 long.
        text = _repeat_to(" " * 9_999 + "x", size)
    elif kind == "small-alphabet":
        text = "".join(rng.choice("aab") for _ in range(size))
    elif kind == "digits-letters":
        text = "".join(rng.choice("abcdef0123456789") for _ in range(size))
    else:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    return _fit(text, size)
