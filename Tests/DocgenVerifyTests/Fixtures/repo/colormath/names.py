"""Well-known palettes by name."""
import os.path

from .convert import Palette


def palette_named(name: str) -> Palette:
    """The palette called ``name`` (only 'web' for now)."""
    if name != "web":
        raise KeyError(name)
    return Palette("web", [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0)])


def palette_file(folder, name):
    """Where a palette is stored on disk."""
    return os.path.join(folder, name + ".palette")
