"""The small typed records that flow through the pipeline, defined once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocMeta:
    """What a document is: read from its text, overridable in the manifest."""

    title: str = ""
    responder: str = ""
    period: str = ""
    date: str = ""
    dnr: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Chunk:
    """A passage of one document, with its exact place in the file as shipped.

    `text` is `file_text[start:end]`; `clean_text` is what users read and what was indexed.
    """

    id: str
    source: str
    start: int
    end: int
    text: str
    clean_text: str
    section: str
    ordinal: int
    meta: DocMeta
    file_sha: str
    doc_chunks: int

    @property
    def header(self) -> str:
        """A short contextual header: responder | title | section."""
        return " | ".join(p for p in (self.meta.responder, self.meta.title, self.section) if p)

    @property
    def embed_text(self) -> str:
        """The header, then the passage: what is indexed (and embedded, unless pooled)."""
        return f"{self.header}\n{self.clean_text}" if self.header else self.clean_text


@dataclass(frozen=True)
class Document:
    """A file read and cleaned, ready to be chunked."""

    source: str
    path: str
    text: str
    file_sha: str
    meta: DocMeta


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


@dataclass(frozen=True)
class Filters:
    """Metadata filters: an empty tuple means no restriction."""

    responders: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """True when any filter is set."""
        return bool(self.responders or self.periods or self.sources)
