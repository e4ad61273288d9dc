"""The small typed records that flow through the pipeline, defined once."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple


def period_label(start: int | str, end: int | str) -> str:
    """A programme period as the metadata writes it and filters compare it: '2024–2027' (an en dash)."""
    return f"{start}–{end}"


class Document(NamedTuple):
    """A document in the store: its file, whose response it is and the programme period it answers."""

    source: str
    responder: str
    period: str


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
    recipe: str = ""  # how the chunks were made (reader version, chunking); a store made otherwise is re-read

    @property
    def header(self) -> str:
        """A short contextual header: responder | title | section."""
        return " | ".join(p for p in (self.meta.responder, self.meta.title, self.section) if p)

    @property
    def embed_text(self) -> str:
        """The header, then the passage: what is indexed (and embedded, unless pooled)."""
        return f"{self.header}\n{self.clean_text}" if self.header else self.clean_text


@dataclass(frozen=True)
class Filters:
    """Metadata filters: an empty tuple means no restriction."""

    responders: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """True when any filter is set."""
        return bool(self.responders or self.periods or self.sources)

    def admits(self, document: Document) -> bool:
        """Whether a document passes every filter that is set."""
        return (
            (not self.responders or document.responder in self.responders)
            and (not self.periods or document.period in self.periods)
            and (not self.sources or document.source in self.sources)
        )

    def by_field(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each filter as (the chunk metadata field it restricts, the values allowed)."""
        return (("responder", self.responders), ("period", self.periods), ("source", self.sources))


META_FIELDS = tuple(f.name for f in fields(DocMeta))  # a document's metadata, as stored with each chunk
