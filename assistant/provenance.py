"""Say where an answer comes from when that is a document a user uploaded, and who uploaded it.

An uploaded document is not vetted like the bundled programme and referral responses: an
answer drawn from one says so, naming the document and its uploader (from the register that
ingest keeps, ingest/registry.py), so a planted sentence cannot pass for the city's word.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from assistant.records import Citation
from ingest.registry import Origin, Registry

_cache: dict[Path, tuple[float, dict[str, Origin]]] = {}
_lock = threading.Lock()


def _origins(home: Path) -> dict[str, Origin]:
    """The register, read again only when it changed."""
    registry = Registry(home)
    try:
        mtime = registry.path.stat().st_mtime
    except OSError:
        return {}
    with _lock:
        cached = _cache.get(registry.path)
        if cached is None or cached[0] != mtime:
            cached = (mtime, registry.load())
            _cache[registry.path] = cached
        return cached[1]


def upload_notes(home: Path, citations: Iterable[Citation]) -> tuple[str, ...]:
    """One note per cited document that a user uploaded: which document, who, and when."""
    origins = _origins(home)
    notes = []
    for source in dict.fromkeys(c.chunk.source for c in citations):
        origin = origins.get(source)
        if origin is not None and origin.uploaded_by:
            when = f" {origin.added[:10]}" if origin.added else ""
            notes.append(
                f"Svaret bygger på det uppladdade dokumentet {source}, uppladdat av {origin.uploaded_by}{when}."
            )
    return tuple(notes)
