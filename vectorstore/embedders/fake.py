"""A deterministic embedder for fast unit tests: hashed bag of diacritic-folded words."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from vectorstore.embedders.base import BatchEmbedder, InputType


class FakeEmbedder(BatchEmbedder):
    """Texts sharing words get similar vectors; no model, no randomness."""

    name = "fake/hashed-words"

    def __init__(self, dim: int = 64) -> None:
        super().__init__(batch_size=64)
        self.dim = dim

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        """Hash each lower-cased word to a dimension."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
            out[row, 0] += 1e-3  # never a zero vector
        return out
