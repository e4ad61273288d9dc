"""The records of answering: scored hits, cited spans, citations, answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from vectorstore.records import Chunk


@dataclass(frozen=True)
class Hit:
    """A chunk with the scores that ranked it."""

    chunk: Chunk
    score: float
    dense: float | None = None
    lexical: float | None = None


@dataclass(frozen=True)
class Span:
    """A stretch of a chunk's clean_text (character offsets): a cited sentence to highlight."""

    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer; `highlights` are the cited sentences, in its clean_text."""

    n: int
    chunk: Chunk
    highlights: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What the assistant says, with the passages it was built from."""

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...]
    passages: tuple[Hit, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    understood: dict[str, object] = field(default_factory=dict)  # how the question was read (Question.to_json)
