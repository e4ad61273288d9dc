"""Conversations kept server-side in SQLite, per owner (a signed-in user or a browser). No Streamlit here.

Each stored answer keeps its text, citations (with the cited passages and highlights) and the
filters it was asked under, so a reopened conversation looks as it did. Every call names the
owner, and a conversation is only ever read, renamed or deleted by its owner.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.records import Answer, Citation, Span
from vectorstore.errors import TryggError
from vectorstore.records import Chunk, DocMeta, Filters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    title TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations (owner, updated);
CREATE TABLE IF NOT EXISTS exchanges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    error TEXT NOT NULL,
    filters TEXT NOT NULL,
    feedback_id INTEGER,
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS exchanges_conversation ON exchanges (conversation, id);
"""
TITLE_CHARS = 60


class ConversationError(TryggError):
    """Conversations cannot be saved or read."""


@dataclass(frozen=True)
class Conversation:
    """One conversation in the sidebar list."""

    id: str
    title: str
    updated: str
    exchanges: int


@dataclass(frozen=True)
class StoredExchange:
    """One question and what came of it, as saved."""

    id: int
    question: str
    answer: Answer | None
    error: str
    filters: Filters
    feedback_id: int | None


def title_from(question: str) -> str:
    """A conversation's first title: its first question, shortened at a word."""
    text = " ".join(question.split())
    if len(text) <= TITLE_CHARS:
        return text or "Nytt samtal"
    return text[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """An answer as JSON-ready data: text, citations with their passages, timings, notes, how it was read."""
    return {
        "question": answer.question,
        "text": answer.text,
        "abstained": answer.abstained,
        "citations": [asdict(c) for c in answer.citations],
        "timings_ms": answer.timings_ms,
        "notes": list(answer.notes),
        "understood": answer.understood,
    }


def answer_from_dict(data: dict[str, Any]) -> Answer:
    """Rebuild a saved answer (its ranked passages are not kept)."""
    citations = []
    for c in data.get("citations", []):
        chunk = dict(c["chunk"])
        chunk["meta"] = DocMeta(**chunk["meta"])
        highlights = tuple(Span(**h) for h in c.get("highlights", []))
        citations.append(Citation(int(c["n"]), Chunk(**chunk), highlights))
    return Answer(
        question=str(data.get("question", "")),
        text=str(data.get("text", "")),
        abstained=bool(data.get("abstained", False)),
        citations=tuple(citations),
        passages=(),
        timings_ms=dict(data.get("timings_ms", {})),
        notes=tuple(data.get("notes", ())),
        understood=dict(data.get("understood", {})),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ConversationStore:
    """Conversations and their exchanges in one SQLite file; one connection per call."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=10)
            db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise ConversationError(f"Kan inte öppna samtalsdatabasen {self.path}: {exc}") from exc
        try:
            with db:
                yield db
        except sqlite3.Error as exc:
            raise ConversationError(f"Samtalet kunde inte sparas ({self.path}): {exc}") from exc
        finally:
            db.close()

    def create(self, owner: str, title: str) -> str:
        """Start a conversation; returns its id."""
        ident, stamp = uuid.uuid4().hex, _now()
        with self._connect() as db:
            db.execute(
                "INSERT INTO conversations (id, owner, title, created, updated) VALUES (?, ?, ?, ?, ?)",
                (ident, owner, title_from(title), stamp, stamp),
            )
        return ident

    def for_owner(self, owner: str) -> list[Conversation]:
        """The owner's conversations, most recently used first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT c.id, c.title, c.updated, COUNT(e.id) FROM conversations c "
                "LEFT JOIN exchanges e ON e.conversation = c.id WHERE c.owner = ? "
                "GROUP BY c.id ORDER BY c.updated DESC, c.rowid DESC",
                (owner,),
            ).fetchall()
        return [Conversation(str(i), str(t), str(u), int(n)) for i, t, u, n in rows]

    def get(self, owner: str, conversation: str) -> Conversation | None:
        """One of the owner's conversations, or None (also for someone else's)."""
        return next((c for c in self.for_owner(owner) if c.id == conversation), None)

    def exchanges(self, owner: str, conversation: str) -> list[StoredExchange]:
        """The exchanges of one of the owner's conversations, oldest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT e.id, e.question, e.answer, e.error, e.filters, e.feedback_id FROM exchanges e "
                "JOIN conversations c ON c.id = e.conversation WHERE c.owner = ? AND c.id = ? ORDER BY e.id",
                (owner, conversation),
            ).fetchall()
        out = []
        for ident, question, answer, error, filters, feedback_id in rows:
            f = json.loads(filters)
            out.append(
                StoredExchange(
                    int(ident),
                    str(question),
                    answer_from_dict(json.loads(answer)) if answer else None,
                    str(error),
                    Filters(tuple(f.get("responders", ())), tuple(f.get("periods", ())), tuple(f.get("sources", ()))),
                    None if feedback_id is None else int(feedback_id),
                )
            )
        return out

    def add(
        self, owner: str, conversation: str, question: str, answer: Answer | None, error: str, filters: Filters
    ) -> int:
        """Save one exchange at the end of the owner's conversation; returns its id."""
        saved_answer = json.dumps(answer_to_dict(answer), ensure_ascii=False) if answer is not None else ""
        saved_filters = json.dumps(asdict(filters), ensure_ascii=False)
        stamp = _now()
        with self._connect() as db:
            owned = db.execute(
                "UPDATE conversations SET updated = ? WHERE id = ? AND owner = ?", (stamp, conversation, owner)
            ).rowcount
            if not owned:
                raise ConversationError("Samtalet finns inte längre.")
            cursor = db.execute(
                "INSERT INTO exchanges (conversation, question, answer, error, filters, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (conversation, question, saved_answer, error, saved_filters, stamp),
            )
            return int(cursor.lastrowid or 0)

    def set_feedback(self, owner: str, exchange: int, feedback_id: int) -> None:
        """Remember which saved rating belongs to an exchange."""
        with self._connect() as db:
            db.execute(
                "UPDATE exchanges SET feedback_id = ? WHERE id = ? AND conversation IN "
                "(SELECT id FROM conversations WHERE owner = ?)",
                (feedback_id, exchange, owner),
            )

    def rename(self, owner: str, conversation: str, title: str) -> None:
        """Give one of the owner's conversations a new title (blank titles are refused)."""
        title = " ".join(title.split())[:200]
        if not title:
            raise ConversationError("Skriv ett namn på samtalet.")
        with self._connect() as db:
            db.execute("UPDATE conversations SET title = ? WHERE id = ? AND owner = ?", (title, conversation, owner))

    def delete(self, owner: str, conversation: str) -> None:
        """Delete one of the owner's conversations with its exchanges."""
        with self._connect() as db:
            db.execute("DELETE FROM conversations WHERE id = ? AND owner = ?", (conversation, owner))
