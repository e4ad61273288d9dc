"""Delete one document everywhere it lives: its chunks, lexical entries, stored text and upload.

The store stays consistent: chunks go first (Chroma is the source of truth), then the lexical
index is rebuilt from what is left and its fingerprint published, so every process (and the
next `trygg sources`) sees the document gone; the copies on disk go last.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from vectorstore.chroma_store import ChromaStore
from vectorstore.errors import IngestError
from vectorstore.lexical import IndexedChunk, LexicalIndex

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deletion:
    """What deleting one document removed."""

    source: str
    chunks: int
    files: tuple[str, ...]


def delete_document(
    store: ChromaStore, source: str, index_dir: Path, text_path: Path, upload_path: Path | None = None
) -> Deletion:
    """Remove the document `source` (a file name as in the store); raises IngestError if it is unknown."""
    state = store.inventory().get(source)
    if state is None:
        raise IngestError(f"dokumentet {source} finns inte i lagret")
    store.delete(sorted(state.ids))
    index = LexicalIndex.build(
        [
            IndexedChunk(c.id, c.embed_text, c.source, c.meta.responder, c.meta.period, c.ordinal)
            for c in store.all_chunks()
        ]
    )
    index.save(index_dir)
    store.publish_fingerprint(index.fingerprint)
    removed = []
    for path in (text_path, upload_path):
        if path is not None and path.is_file():
            path.unlink()
            removed.append(str(path))
    log.info("deleted %s: %d chunks, files %s", source, len(state.ids), removed)
    return Deletion(source, len(state.ids), tuple(removed))
