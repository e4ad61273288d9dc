"""The embedder interface: separate query and document methods (e5 models need the split)."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Sequence
from typing import Literal, Protocol

import numpy as np

InputType = Literal["query", "document"]
RECENT_QUERIES = 32


class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors."""

    name: str
    dim: int

    def embed_query(self, text: str) -> np.ndarray:
        """One vector for a question."""
        ...

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """One row per passage."""
        ...


class BatchEmbedder(ABC):
    """Supplies batching, normalisation and thread safety; subclasses write `embed_batch`."""

    name: str
    dim: int

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size
        # Native backends are not documented as re-entrant; one call at a time per model.
        self._lock = threading.Lock()
        # The last few questions' vectors: a comparison searches one topic once per responder.
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()

    @abstractmethod
    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        """Embed one batch; rows need not be normalised."""

    def embed_query(self, text: str) -> np.ndarray:
        """One vector for a question (the same question again is not embedded again)."""
        if (vector := self._recent.get(text)) is not None:
            return vector
        vector = self._embed([text], "query")[0]
        self._recent[text] = vector
        while len(self._recent) > RECENT_QUERIES:
            self._recent.popitem(last=False)
        return vector

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """One row per passage, in batches."""
        return self._embed(list(texts), "document")

    def _embed(self, texts: list[str], input_type: InputType) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for i in range(0, len(texts), self.batch_size):
            with self._lock:
                parts.append(np.asarray(self.embed_batch(texts[i : i + self.batch_size], input_type)))
        vectors = np.vstack(parts).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)
