"""Seeded random Unicode text covering many general categories, for goldens and the stress test."""

import unicodedata

# Pools of code points, each a (weight, list) pair; built once.
_WHITESPACE = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
               0x202F, 0x205F, 0x3000, 0x200B, 0xFEFF, 0x180E]
_ASCII = list(range(0x20, 0x7F))
_CONTRACTION_BITS = [ord(c) for c in "'sSdDmMtTlLvVeErR\u017f"]
_MARKS_AND_JOINERS = [0x300, 0x301, 0x308, 0x20DD, 0x0903, 0x093E, 0x200D, 0xFE0F, 0xFE0E, 0x1F3FB, 0x1F3FF]


def _category_pool():
    by_category = {}
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        by_category.setdefault(unicodedata.category(chr(cp)), []).append(cp)
    return by_category


_BY_CATEGORY = None


def random_text(rng, length):
    """A random string of about `length` code points mixing ASCII, whitespace, contractions and all categories."""
    global _BY_CATEGORY
    if _BY_CATEGORY is None:
        _BY_CATEGORY = _category_pool()
    categories = sorted(_BY_CATEGORY)
    out = []
    while len(out) < length:
        roll = rng.random()
        if roll < 0.35:
            out.append(chr(rng.choice(_ASCII)))
        elif roll < 0.50:
            out.append(chr(rng.choice(_WHITESPACE)))
        elif roll < 0.60:
            out.append(chr(rng.choice(_CONTRACTION_BITS)))
        elif roll < 0.68:
            out.append(chr(rng.choice(_MARKS_AND_JOINERS)))
        elif roll < 0.75:
            out.append(chr(rng.randint(0x30, 0x39)))
        else:
            pool = _BY_CATEGORY[rng.choice(categories)]
            out.append(chr(rng.choice(pool)))
    return "".join(out)
