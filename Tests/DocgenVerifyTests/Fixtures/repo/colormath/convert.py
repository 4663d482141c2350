"""Conversions between RGB and HLS colour coordinates."""
import math
from typing import Tuple

ONE_THIRD = 1.0 / 3.0

__all__ = ["rgb_to_hls", "hls_to_rgb", "Palette"]


def rgb_to_hls(r: float, g: float, b: float) -> Tuple[float, float, float]:
    """Convert an RGB colour to HLS."""
    # Uses the classic hexcone model; the helper `_v` does the inverse.
    maxc = max(r, g, b)
    minc = min(r, g, b)
    l = (minc + maxc) / 2.0
    if minc == maxc:
        return 0.0, l, 0.0
    s = (maxc - minc) / (maxc + minc) if l <= 0.5 else (maxc - minc) / (2.0 - maxc - minc)
    h = math.fmod((maxc - r) / (maxc - minc), 1.0)
    return h, l, s


def hls_to_rgb(h, l, s):
    """Convert an HLS colour to RGB."""
    if s == 0.0:
        return l, l, l
    m2 = l * (1.0 + s) if l <= 0.5 else l + s - (l * s)
    m1 = 2.0 * l - m2
    return (_v(m1, m2, h + ONE_THIRD), _v(m1, m2, h), _v(m1, m2, h - ONE_THIRD))


def _v(m1, m2, hue):
    hue = hue % 1.0
    if hue < ONE_THIRD:
        return m1 + (m2 - m1) * hue * 6.0
    return m1


class Palette:
    """A named list of colours."""

    def __init__(self, name, colours=None):
        self.name = name
        self.colours = list(colours or [])

    def add(self, colour):
        """Add a colour; a colour that is not an (r, g, b) triple is refused."""
        if len(colour) != 3:
            raise ValueError("a colour has three components")
        self.colours.append(colour)

    def lightest(self):
        """The colour with the highest lightness."""
        return max(self.colours, key=lambda c: rgb_to_hls(*c)[1])
