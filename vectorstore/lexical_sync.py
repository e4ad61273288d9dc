"""Keep the lexical index in step with the store: rebuild it from every chunk, or check it agrees."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from vectorstore.chroma_store import ChromaStore
from vectorstore.errors import StoreError
from vectorstore.lexical import IndexedChunk, LexicalIndex, fingerprint

log = logging.getLogger(__name__)


def rebuild_lexical_index(store: ChromaStore, index_dir: Path) -> LexicalIndex:
    """Build the lexical index from every chunk in the store, save it, and tell other processes."""
    chunks = store.all_chunks()
    index = LexicalIndex.build(
        [IndexedChunk(c.id, c.embed_text, c.source, c.meta.responder, c.meta.period, c.ordinal) for c in chunks]
    )
    index.save(index_dir)
    store.publish_fingerprint(index.fingerprint)
    return index


def lexical_index_agrees(index_dir: Path, ids: Iterable[str]) -> bool:
    """True when the saved index exists, is intact, and covers exactly these chunk ids."""
    try:
        return LexicalIndex.load(index_dir).fingerprint == fingerprint(ids)
    except StoreError as exc:
        log.warning("%s; it will be rebuilt", exc)
        return False
