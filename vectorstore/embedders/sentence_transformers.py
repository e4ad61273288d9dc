"""Any sentence-transformers model, by hub name (where a hub is reachable) or local folder."""

from __future__ import annotations

import numpy as np
from sentence_transformers import SentenceTransformer

from vectorstore.config import EmbeddingSettings
from vectorstore.embedders.base import BatchEmbedder, InputType
from vectorstore.errors import ConfigError


class SentenceTransformerEmbedder(BatchEmbedder):
    """Wraps SentenceTransformer; prefixes come from settings (e5 models want them)."""

    def __init__(self, settings: EmbeddingSettings) -> None:
        super().__init__(settings.batch_size)
        try:
            self._model = SentenceTransformer(settings.model, device="cpu")
        except Exception as exc:  # the library raises many kinds for a missing model
            raise ConfigError(f"Kan inte läsa embeddingmodellen {settings.model!r}: {exc}") from exc
        self.name = f"st/{settings.model}"
        self.dim = int(self._model.get_embedding_dimension() or 0)
        self._prefix = {"query": settings.query_prefix, "document": settings.passage_prefix}

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        """Embed with the configured prefix."""
        prefix = self._prefix[input_type]
        return np.asarray(self._model.encode([prefix + t for t in texts], convert_to_numpy=True))
