"""Embeddings cached by content hash, so text seen before is never embedded twice."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from vectorstore.embedders.base import Embedder


class EmbeddingCache:
    """SQLite table: sha256(model name, text) -> float32 vector."""

    def __init__(self, path: Path, model_name: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self._model = model_name
        self._lock = threading.Lock()

    def key(self, text: str) -> str:
        """Cache key of a passage for this model."""
        return hashlib.sha256(f"{self._model}\0{text}".encode()).hexdigest()

    def embed_documents(self, embedder: Embedder, texts: Sequence[str]) -> tuple[np.ndarray, set[int]]:
        """Vectors for texts, and the positions of those that had to be embedded now."""
        keys = [self.key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for lo in range(0, len(keys), 500):
                part = keys[lo : lo + 500]
                rows = self._db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            fresh = embedder.embed_documents([texts[i] for i in missing])
            with self._lock, self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(keys[i], fresh[j].astype(np.float32).tobytes()) for j, i in enumerate(missing)],
                )
            found.update((keys[i], fresh[j]) for j, i in enumerate(missing))
        if not keys:
            return np.zeros((0, embedder.dim), dtype=np.float32), set()
        return np.vstack([found[k] for k in keys]).astype(np.float32), set(missing)

    def close(self) -> None:
        """Close the database."""
        self._db.close()
