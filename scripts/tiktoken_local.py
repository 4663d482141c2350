"""Builds tiktoken Encodings (cl100k_base, o200k_base) from local rank files, without network access.

The pattern strings and special tokens come from the installed tiktoken package (tiktoken_ext.openai_public);
only the rank-file loader is redirected to the local copies. Test/benchmark-time tool only.

Default vocabulary directory: Sources/DocgenTokens/Resources (the rank files docgen ships), or $DOCGEN_VOCAB_DIR.
"""

import os
import pathlib

import tiktoken
import tiktoken.load
import tiktoken_ext.openai_public as openai_public

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
ENCODING_NAMES = ("cl100k_base", "o200k_base")


def vocab_dir(explicit=None):
    if explicit:
        return pathlib.Path(explicit)
    if os.environ.get("DOCGEN_VOCAB_DIR"):
        return pathlib.Path(os.environ["DOCGEN_VOCAB_DIR"])
    # The official rank files ship inside the repository (their SHA-256 is pinned by DocgenTokens' tests).
    return REPO_ROOT / "Sources" / "DocgenTokens" / "Resources"


def load_encoding(name, directory=None):
    """Returns a tiktoken.Encoding for `name`, built from `<directory>/<name>.tiktoken`."""
    directory = vocab_dir(directory)

    def local_loader(url, expected_hash=None):
        return tiktoken.load.load_tiktoken_bpe(str(directory / f"{name}.tiktoken"))

    original = openai_public.load_tiktoken_bpe
    openai_public.load_tiktoken_bpe = local_loader
    try:
        params = getattr(openai_public, name)()
    finally:
        openai_public.load_tiktoken_bpe = original
    return tiktoken.Encoding(**params)
