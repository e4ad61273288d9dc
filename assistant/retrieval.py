"""First stage: dense (Chroma) and lexical (Swedish BM25) retrieval fused by reciprocal rank."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

import numpy as np

from assistant.records import Hit
from assistant.settings import Settings
from vectorstore.chroma_store import ChromaStore
from vectorstore.errors import StoreError
from vectorstore.lexical import LexicalIndex, index_mtime
from vectorstore.lexical_sync import rebuild_lexical_index
from vectorstore.records import Chunk, Filters

log = logging.getLogger(__name__)

MAX_FILTER_IDS = 20_000  # more allowed ids than this go to Chroma as a `where` filter instead
FRESHNESS_CHECK_S = 2.0  # how often a reader asks the store whether another process ingested


class LexicalHandle:
    """The saved lexical index, reloaded when an ingest replaces it, rebuilt when damaged."""

    def __init__(self, settings: Settings, store: ChromaStore) -> None:
        self._settings = settings
        self._store = store
        self._lock = threading.Lock()
        self._index: LexicalIndex | None = None
        self._mtime = -1.0
        self._checked = 0.0

    def _stale(self) -> bool:
        """Every few seconds, ask the store whether an ingest elsewhere built a newer index."""
        now = time.monotonic()
        if self._index is None or now - self._checked < FRESHNESS_CHECK_S:
            return False
        self._checked = now
        published = self._store.published_fingerprint()
        return bool(published) and published != self._index.fingerprint

    def get(self) -> LexicalIndex:
        """The current index."""
        mtime = index_mtime(self._settings.index_dir)
        if self._index is not None and mtime == self._mtime and not self._stale():
            return self._index
        with self._lock:
            mtime = index_mtime(self._settings.index_dir)
            if self._index is None or mtime != self._mtime:
                try:
                    self._index = LexicalIndex.load(self._settings.index_dir)
                except StoreError as exc:
                    log.warning("%s; rebuilding it from the store", exc)
                    self._index = rebuild_lexical_index(self._store, self._settings.index_dir)
                self._mtime = index_mtime(self._settings.index_dir)
                self._checked = 0.0  # a freshly loaded file is checked against the store at once
            if self._stale():
                log.info("another process changed the store; rebuilding the lexical index")
                self._index = rebuild_lexical_index(self._store, self._settings.index_dir)
                self._mtime = index_mtime(self._settings.index_dir)
            return self._index


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], k: int) -> dict[str, float]:
    """Each id's summed 1 / (k + rank), ranks from 1, over the rankings it appears in."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (k + rank + 1)
    return fused


def _mask(index: LexicalIndex, filters: Filters | None) -> np.ndarray | None:
    if not filters:
        return None
    mask = np.ones(len(index), dtype=bool)
    for field, values in filters.by_field():
        if values:
            mask &= index.allowed(field, values)
    return mask


class HybridRetriever:
    """Dense and lexical candidates, fused by reciprocal rank; each hit keeps both raw scores."""

    def __init__(self, settings: Settings, store: ChromaStore, lexical: LexicalHandle) -> None:
        self.settings = settings.retrieval
        self.store = store
        self.lexical = lexical

    def retrieve(self, query: str, query_vector: np.ndarray, filters: Filters | None = None) -> list[Hit]:
        """Fused candidates, best first."""
        mode, k = self.settings.mode, self.settings.candidates
        index = self.lexical.get() if mode != "dense" or filters else None
        mask = _mask(index, filters) if index is not None else None
        dense: list[tuple[Chunk, float]] = []
        if mode != "lexical":
            if index is not None and mask is not None and mask.sum() <= MAX_FILTER_IDS:
                # Chroma's `where` filter scans the collection (70-100 ms at 100k chunks); the
                # allowed ids, known from the lexical index, cost a fifth of that.
                dense = self.store.query(query_vector, k, ids=[index.ids[i] for i in np.flatnonzero(mask)])
            else:
                dense = self.store.query(query_vector, k, filters)
        lexical = index.search(query, k, mask) if index is not None and mode != "dense" else []

        chunks = {c.id: c for c, _ in dense}
        missing = [i for i, _ in lexical if i not in chunks]
        # Fetched from the store, so a chunk deleted by a concurrent ingest is simply absent; these
        # lexical-only hits get their dense similarity from the stored vector, fetched with them.
        fetched, stored = self.store.get_with_vectors(missing)
        chunks.update(fetched)
        dense_score = {c.id: s for c, s in dense}
        dense_score.update({i: float(v @ query_vector) for i, v in stored.items()})
        lexical_score = {i: s for i, s in lexical}
        fused = reciprocal_rank_fusion([[c.id for c, _ in dense], [i for i, _ in lexical]], self.settings.rrf_k)
        order = sorted((i for i in fused if i in chunks), key=lambda i: -fused[i])
        return [Hit(chunks[i], fused[i], dense=dense_score.get(i), lexical=lexical_score.get(i)) for i in order]
