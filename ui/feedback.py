"""Users' ratings of answers, kept in SQLite and exported as CSV. No Streamlit here.

One connection per call, so the store can be shared by every browser session's thread.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from vectorstore.errors import TryggError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    chunk_ids TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT ''
)
"""
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class FeedbackError(TryggError):
    """Feedback cannot be saved or read."""


@dataclass(frozen=True)
class FeedbackRow:
    """One rating of one answer."""

    id: int
    timestamp: str
    question: str
    answer: str
    chunk_ids: str  # a JSON list of the cited chunks' ids
    rating: int
    comment: str


def _check_rating(rating: int) -> int:
    if rating not in (-1, 1):
        raise FeedbackError(f"Betyget måste vara +1 eller -1, inte {rating!r}.")
    return rating


def _csv_cell(value: object) -> object:
    """Neutralise text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class FeedbackStore:
    """Thumbs up or down, with an optional comment, per answer."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=10)
        except sqlite3.Error as exc:
            raise FeedbackError(f"Kan inte öppna feedbackdatabasen {self.path}: {exc}") from exc
        try:
            with db:  # commits, or rolls back on an exception
                yield db
        except sqlite3.Error as exc:
            raise FeedbackError(f"Feedback kunde inte sparas ({self.path}): {exc}") from exc
        finally:
            db.close()

    def add(self, question: str, answer: str, chunk_ids: Sequence[str], rating: int, comment: str = "") -> int:
        """Save a rating; returns its id."""
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (timestamp, question, answer, chunk_ids, rating, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (stamp, question, answer, json.dumps(list(chunk_ids)), _check_rating(rating), comment),
            )
            return int(cursor.lastrowid or 0)

    def update(self, row_id: int, rating: int | None = None, comment: str | None = None) -> None:
        """Change the rating or the comment of a saved rating."""
        with self._connect() as db:
            if rating is not None:
                db.execute("UPDATE feedback SET rating = ? WHERE id = ?", (_check_rating(rating), row_id))
            if comment is not None:
                db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment, row_id))

    def rows(self) -> list[FeedbackRow]:
        """Every rating, oldest first."""
        names = ", ".join(f.name for f in fields(FeedbackRow))
        with self._connect() as db:
            cursor = db.execute(f"SELECT {names} FROM feedback ORDER BY id")
            return [FeedbackRow(*r) for r in cursor]

    def export_csv(self, target: str | Path | TextIO) -> int:
        """Write every rating as CSV (header row) to a path or text buffer; return the count."""
        rows = self.rows()
        if isinstance(target, str | Path):
            with open(target, "w", encoding="utf-8", newline="") as handle:
                self._write(rows, handle)
        else:
            self._write(rows, target)
        return len(rows)

    @staticmethod
    def _write(rows: list[FeedbackRow], handle: TextIO) -> None:
        writer = csv.writer(handle)
        writer.writerow([f.name for f in fields(FeedbackRow)])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in astuple(row)])
