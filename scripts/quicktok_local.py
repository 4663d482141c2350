"""Builds quicktok tokenizers equivalent to cl100k_base / o200k_base from local rank files (no downloads).

quicktok 0.2.0 (pip install quicktok==0.2.0) is a Rust byte-level BPE with a minbpe-style model file:
"quicktok v1", a pattern line, the special-token count, then one merge "left right" per line, where ids 0..255
are raw bytes and merge i creates id 256 + i. It does not pre-tokenize and it applies merges by pair, so a
tiktoken vocabulary maps onto it by recovering each token's merge pair (minbpe's recover_merges: the last merge
tiktoken's own BPE makes on the token's bytes, with ranks below the token's) and renumbering: quicktok's ids
are translated back to ranks with `to_ranks`. Within one pre-tokenized piece the two merge orders agree;
across pieces they do not, which is why quicktok is fed tiktoken's pieces for exactness checks.
Test/benchmark-time tool only.
"""

import json
import pathlib

import quicktok

import tiktoken_local


def _bpe(ranks, token, max_rank):
    parts = [bytes([b]) for b in token]
    while True:
        best, best_index = None, None
        for index, pair in enumerate(zip(parts[:-1], parts[1:])):
            rank = ranks.get(pair[0] + pair[1])
            if rank is not None and (best is None or rank < best):
                best, best_index = rank, index
        if best is None or best >= max_rank:
            return parts
        parts = parts[:best_index] + [parts[best_index] + parts[best_index + 1]] + parts[best_index + 2:]


class QuicktokEncoding:
    """A quicktok BasicTokenizer loaded with a tiktoken vocabulary, plus the id translation back to ranks."""

    def __init__(self, name, directory=None, cache_dir=None):
        cache = pathlib.Path(cache_dir or tiktoken_local.REPO_ROOT / ".bench" / "quicktok")
        model, table = cache / f"{name}.model", cache / f"{name}.ranks.json"
        if not (model.exists() and table.exists()):
            cache.mkdir(parents=True, exist_ok=True)
            lines, to_ranks = self._convert(tiktoken_local.load_encoding(name, directory), name)
            model.write_text("\n".join(lines) + "\n")
            table.write_text(json.dumps(to_ranks))
        self.to_ranks = json.loads(table.read_text())
        self.tokenizer = quicktok.BasicTokenizer()
        self.tokenizer.load(str(model))
        self.name = name

    @staticmethod
    def _convert(enc, name):
        """The model file's lines and the quicktok id -> rank table for a tiktoken encoding."""
        ranks = enc._mergeable_ranks
        by_rank = sorted(ranks.items(), key=lambda item: item[1])
        quick_id = {bytes([b]): b for b in range(256)}
        merges = []
        for token, rank in by_rank:
            if len(token) < 2:
                continue
            parts = _bpe(ranks, token, rank)
            if len(parts) != 2:
                raise ValueError(f"{name}: token {token!r} (rank {rank}) is not one merge of two tokens")
            quick_id[token] = 256 + len(merges)
            merges.append((quick_id[parts[0]], quick_id[parts[1]]))
        to_ranks = [0] * (256 + len(merges))
        for token, identifier in quick_id.items():
            to_ranks[identifier] = ranks[token]
        return ["quicktok v1", "", "0"] + [f"{left} {right}" for left, right in merges], to_ranks

    def encode_piece(self, text):
        """quicktok's raw ids for one piece (call `to_ranks` to compare with tiktoken)."""
        return self.tokenizer.encode(text)

    def encode_ranks(self, text):
        return [self.to_ranks[i] for i in self.tokenizer.encode(text)]
