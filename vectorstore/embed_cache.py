"""Embeddings cached by content hash, so text seen before is never embedded twice.

The cache is derived data: a damaged file is set aside (renamed `*.damaged-TIME`) with a
warning and a new one started, so what it lacks is embedded again instead of failing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from vectorstore.embedders.base import Embedder

log = logging.getLogger(__name__)

# The bundled corpus' vectors, one file per model (scripts/ship_vectors.py writes them).
SHIPPED_VECTORS = Path(__file__).resolve().parent.parent / "data" / "vectors"


def cache_key(model_name: str, text: str) -> str:
    """The content hash a vector is kept under: sha256 of the model's name and the text."""
    return hashlib.sha256(f"{model_name}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """SQLite table: sha256(model name, text) -> float32 vector."""

    def __init__(self, path: Path, model_name: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._model = model_name
        self._lock = threading.Lock()
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            self._db = self._set_aside(exc)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
            db.execute("SELECT key, vec FROM vectors LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self, exc: Exception) -> sqlite3.Connection:
        """Move the damaged database out of the way and start an empty one."""
        aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                os.replace(part, Path(f"{aside}{suffix}"))
        log.warning(
            "the embedding cache %s was damaged (%s); set aside as %s and started again empty "
            "(passages are embedded again as they are needed)",
            self.path,
            exc,
            aside.name,
        )
        return self._open()

    def key(self, text: str) -> str:
        """Cache key of a passage for this model."""
        return cache_key(self._model, text)

    def embed_documents(self, embedder: Embedder, texts: Sequence[str]) -> tuple[np.ndarray, set[int]]:
        """Vectors for texts, and the positions of those that had to be embedded now."""
        keys = [self.key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            try:
                for lo in range(0, len(keys), 500):
                    part = keys[lo : lo + 500]
                    rows = self._db.execute(
                        f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                    ).fetchall()
                    found.update((k, _vector(v, embedder.dim)) for k, v in rows)
            except (sqlite3.DatabaseError, ValueError) as exc:
                self._db.close()
                self._db = self._set_aside(exc)
                found.clear()
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            fresh = embedder.embed_documents([texts[i] for i in missing])
            rows = [(keys[i], fresh[j].astype(np.float32).tobytes()) for j, i in enumerate(missing)]
            with self._lock:
                try:
                    with self._db:
                        self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
                except sqlite3.DatabaseError as exc:
                    self._db.close()
                    self._db = self._set_aside(exc)
                    with self._db:
                        self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            found.update((keys[i], fresh[j]) for j, i in enumerate(missing))
        if not keys:
            return np.zeros((0, embedder.dim), dtype=np.float32), set()
        return np.vstack([found[k] for k in keys]).astype(np.float32), set(missing)

    def seed(self, path: Path) -> int:
        """Add the shipped vectors of `path` made by this cache's model; returns how many it holds."""
        shipped = load_shipped(path)
        if shipped is None or shipped[0] != self._model:
            return 0
        _, keys, vectors = shipped
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO vectors VALUES (?, ?)",
                [(k, v.astype(np.float32).tobytes()) for k, v in zip(keys, vectors, strict=True)],
            )
        return len(keys)

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def _vector(blob: bytes, dim: int) -> np.ndarray:
    """A stored vector; a blob of the wrong length means a damaged cache (ValueError)."""
    vector = np.frombuffer(blob, dtype=np.float32)
    if vector.shape != (dim,):
        raise ValueError(f"a cached vector has {vector.size} values, not {dim}")
    return vector


def shipped_path(folder: Path, model_name: str) -> Path:
    """The file of shipped vectors for one model: one file per model, named after it."""
    return folder / (re.sub(r"[^A-Za-z0-9]+", "-", model_name).strip("-") + ".npz")


def load_shipped(path: Path) -> tuple[str, list[str], np.ndarray] | None:
    """(model name, cache keys, vectors) of a shipped file, or None when there is none."""
    if not path.is_file():
        return None
    with np.load(path) as data:
        return str(data["model"]), [str(k) for k in data["keys"]], data["vectors"].astype(np.float32)


def write_shipped(path: Path, model_name: str, keys: Sequence[str], vectors: np.ndarray) -> None:
    """Write vectors keyed by their cache keys (sha256 of model and text), sorted by key."""
    order = np.argsort(np.array(keys))
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, model=np.array(model_name), keys=np.array(keys)[order], vectors=vectors.astype(np.float32)[order]
    )
