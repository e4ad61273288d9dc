"""The documents the store knows: where each was read from, who uploaded it, every replacement.

`TRYGG_HOME/documents.json` maps a document's key (its path relative to the folder it was
ingested from) to its origin; `trygg ingest --rebuild` re-creates the store from it, and an
answer drawn from an uploaded document names who uploaded it. Every time a document's chunks
are replaced by another version, a line is appended to `TRYGG_HOME/replacements.jsonl` and
logged. Temporary files left by interrupted writes are swept here too.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

REGISTRY = "documents.json"
REPLACEMENTS = "replacements.jsonl"
STALE_TMP_S = 600  # a temp file older than this belongs to a write that will never finish
_lock = threading.Lock()


@dataclass(frozen=True)
class Origin:
    """Where one document came from."""

    source: str
    path: str  # the file read, absolute
    root: str  # the folder the source key is relative to
    uploaded_by: str = ""  # who uploaded it in the UI; empty for files ingested from disk
    added: str = ""  # ISO time of the version in the store


def now() -> str:
    """The current time, ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Registry:
    """Read and update `documents.json` under one home, safely across threads and processes."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / REGISTRY

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.home.mkdir(parents=True, exist_ok=True)
        with _lock, (self.home / f".{REGISTRY}.lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def load(self) -> dict[str, Origin]:
        """Every known document by key; a damaged file is set aside with a warning."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {key: Origin(**value) for key, value in data.items()}
        except FileNotFoundError:
            return {}
        except (ValueError, TypeError, AttributeError) as exc:
            aside = self.path.with_name(f"{REGISTRY}.damaged-{int(time.time())}")
            os.replace(self.path, aside)
            log.warning("the document register %s was damaged (%s); set aside as %s", self.path, exc, aside.name)
            return {}

    def update(self, origins: Iterable[Origin] = (), forget: Iterable[str] = ()) -> None:
        """Record these origins and drop these keys, in one atomic write."""
        with self._locked():
            known = self.load()
            for key in forget:
                known.pop(key, None)
            for origin in origins:
                known[origin.source] = origin
            tmp = self.path.with_name(f".{REGISTRY}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps({k: asdict(v) for k, v in sorted(known.items())}, ensure_ascii=False, indent=1))
            os.replace(tmp, self.path)

    def log_replacement(self, old: Origin | None, new: Origin, old_sha: str, new_sha: str) -> None:
        """Append one replacement of a document's chunks to the log, and log it."""
        entry = {
            "time": now(),
            "source": new.source,
            "old_sha": old_sha,
            "new_sha": new_sha,
            "old_path": old.path if old else "",
            "new_path": new.path,
            "old_uploaded_by": old.uploaded_by if old else "",
            "by": new.uploaded_by,
        }
        log.info(
            "document %s replaced by %s%s",
            new.source,
            new.path,
            f" (uploaded by {new.uploaded_by})" if new.uploaded_by else "",
        )
        with self._locked(), (self.home / REPLACEMENTS).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def sweep_temp_files(home: Path, older_than_s: float = STALE_TMP_S) -> list[Path]:
    """Delete temp files of writes interrupted long ago (`.NAME.PID.THREAD.tmp`); return them."""
    cutoff = time.time() - older_than_s
    swept: list[Path] = []
    for folder in (home, home / "lexical", home / "texts", home / "uploads"):
        if not folder.is_dir():
            continue
        pattern = "**/.*.tmp" if folder.name == "texts" else ".*.tmp"
        for path in folder.glob(pattern):
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    swept.append(path)
            except OSError:
                continue  # another process removed or replaced it meanwhile
    if swept:
        log.warning("removed %d temporary file(s) left by interrupted writes", len(swept))
    return swept
