"""A whole ingested document, to cite single sentences of it at their exact place in the file.

Chunks know their span in the file; a sentence inside a chunk is known only in the cleaned
text. Cleaning is a pure function of the file text, so cleaning the kept copy again gives
the same mapped text the chunks were cut from, and any cleaned span maps back to the file.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from assistant.positions import Position, classify
from ingest.clean import clean
from ingest.sections import Section, fold, restating_spans, split_sections
from ingest.sentences import sentence_spans
from ingest.textmap import MappedText
from vectorstore.records import Chunk

SUMMARY_HEADING = "sammanfattning"
OVERVIEW_CHARS = 700  # an overview is a few sentences, not the whole summary
OVERVIEW_POSITIONS = 3
_CACHE_SIZE = 64


@dataclass(frozen=True)
class SentenceRef:
    """One sentence of a document: `text` is `file_text[start:end]`, `clean_text` what users read."""

    source: str
    start: int
    end: int
    text: str
    clean_text: str
    section: str
    position: Position


class DocText:
    """A document's file text, its cleaned text with the map back, and its sections."""

    def __init__(self, source: str, raw: str) -> None:
        self.source = source
        self.raw = raw
        self.cleaned: MappedText = clean(raw)
        self.sections: list[Section] = split_sections(self.cleaned.text)
        self.retold: list[tuple[int, int]] = restating_spans(self.sections)

    @property
    def text(self) -> str:
        """The cleaned text."""
        return self.cleaned.text

    def section_at(self, offset: int) -> str:
        """The heading of the section that holds a cleaned offset ('' before the first)."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.heading
        return ""

    def retells(self, offset: int) -> bool:
        """Whether a cleaned offset lies where the response retells the proposal ('Bakgrund', 'Ärendet')."""
        return any(start <= offset < end for start, end in self.retold)

    def sentence(self, start: int, end: int, section: str | None = None) -> SentenceRef:
        """The sentence at cleaned text[start:end], with its span in the file."""
        raw_start, raw_end = self.cleaned.raw_span(start, end)
        clean_text = " ".join(self.text[start:end].split())
        return SentenceRef(
            self.source,
            raw_start,
            raw_end,
            self.raw[raw_start:raw_end],
            clean_text,
            self.section_at(start) if section is None else section,
            classify(clean_text),
        )

    def chunk_offset(self, chunk: Chunk) -> int | None:
        """Where a chunk's clean_text starts in the cleaned text (None if it is not there)."""
        first = None
        pos = self.text.find(chunk.clean_text)
        while pos >= 0:
            first = pos if first is None else first
            if chunk.clean_text and self.cleaned.raw_span(pos, pos + len(chunk.clean_text)) == (chunk.start, chunk.end):
                return pos
            pos = self.text.find(chunk.clean_text, pos + 1)
        return first

    def sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans of cleaned text[start:end]."""
        return sentence_spans(self.text, start, end)


_docs: OrderedDict[tuple[str, float], DocText] = OrderedDict()
_lock = threading.Lock()


def load_document(path: Path, source: str) -> DocText | None:
    """The document whose text is kept at path (None when it is missing); cached by modification time."""
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    key = (str(path), stamp)
    with _lock:
        if key in _docs:
            _docs.move_to_end(key)
            return _docs[key]
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return None
    doc = DocText(source, raw)
    with _lock:
        _docs[key] = doc
        while len(_docs) > _CACHE_SIZE:
            _docs.popitem(last=False)
    return doc


def overview(doc: DocText) -> list[SentenceRef]:
    """A short overview: the start of its summary section (Sammanfattning), else its position sentences."""
    for section in doc.sections:
        if fold(section.heading).strip(" :") != SUMMARY_HEADING:
            continue
        out: list[SentenceRef] = []
        for a, b in doc.sentences_in(section.start, section.end):
            ref = doc.sentence(a, b, section.heading)
            if ref.clean_text == " ".join(section.heading.split()):
                continue  # the heading itself
            if out and sum(len(r.clean_text) for r in out) + len(ref.clean_text) > OVERVIEW_CHARS:
                break
            out.append(ref)
        if out:
            return out
    stated = []
    for a, b in doc.sentences_in(0, len(doc.text)):
        ref = doc.sentence(a, b)
        if ref.position.stated and ref.position.label != "neutral":
            stated.append(ref)
        if len(stated) >= OVERVIEW_POSITIONS:
            break
    return stated
