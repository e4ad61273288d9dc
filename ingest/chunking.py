"""Section-aware chunking sized in tiktoken tokens, with overlap and exact source spans.

Chunks never cross a section heading (a tiny section, such as a lone header field, is joined
to the next one instead). Inside a section, whole sentences are packed up to `max_tokens`;
the next chunk starts with the last sentences of the previous one, up to `overlap_tokens`,
so a fact that straddles a boundary is whole in at least one chunk. A sentence longer than
a chunk is cut at word boundaries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import tiktoken

from ingest.sections import split_sections
from ingest.sentences import sentence_spans
from ingest.textmap import MappedText
from vectorstore.errors import ConfigError
from vectorstore.records import Chunk, DocMeta

MIN_SECTION_TOKENS = 25  # smaller sections (header fields, a lone title) join the next one


@dataclass(frozen=True)
class Piece:
    """A sentence (or part of one) in cleaned-text offsets, with its token count."""

    start: int
    end: int
    tokens: int


@lru_cache(maxsize=4)
def token_counter(encoding: str) -> Callable[[str], int]:
    """A function counting tokens with the named tiktoken encoding."""
    try:
        enc = tiktoken.get_encoding(encoding)
    except Exception as exc:  # tiktoken raises ValueError or a network error for unknown names
        raise ConfigError(f"Okänd tiktoken-kodning {encoding!r}: {exc}") from exc
    return lambda text: len(enc.encode_ordinary(text))


def chunk_id(source: str, start: int, end: int, text: str) -> str:
    """Stable id: a hash of where the chunk is and what it says."""
    return hashlib.sha256(f"{source}\0{start}\0{end}\0{text}".encode()).hexdigest()[:32]


def _pieces(text: str, start: int, end: int, count: Callable[[str], int], max_tokens: int) -> list[Piece]:
    out: list[Piece] = []
    for a, b in sentence_spans(text, start, end):
        n = count(text[a:b])
        if n <= max_tokens:
            out.append(Piece(a, b, n))
            continue
        # An over-long sentence: cut at the last space before the budget runs out.
        pos = a
        while pos < b:
            cut = b
            while count(text[pos:cut]) > max_tokens:
                space = text.rfind(" ", pos, pos + (cut - pos) * 3 // 4)
                cut = space if space > pos else pos + (cut - pos) * 3 // 4
            out.append(Piece(pos, cut, count(text[pos:cut])))
            pos = cut
            while pos < b and text[pos].isspace():
                pos += 1
    return out


def _windows(
    pieces: list[Piece], max_tokens: int, overlap_tokens: int, measure: Callable[[int, int], int]
) -> list[tuple[int, int]]:
    """Greedy packing of pieces into (first, last) index windows with sentence overlap.

    Piece counts plus one token per join estimate a window; `measure` (the real count of the
    window's text) has the last word, since tokens can merge across a join.
    """
    windows: list[tuple[int, int]] = []
    first = 0
    while first < len(pieces):
        total, last = 0, first
        while last < len(pieces) and total + pieces[last].tokens + 1 <= max_tokens:
            total += pieces[last].tokens + 1
            last += 1
        last = max(last, first + 1)
        while last - 1 > first and measure(first, last - 1) > max_tokens:
            last -= 1
        windows.append((first, last - 1))
        if last >= len(pieces):
            break
        # Step back over whole sentences while they fit in the overlap budget.
        back, carried = last, 0
        while back - 1 > first and carried + pieces[back - 1].tokens <= overlap_tokens:
            back -= 1
            carried += pieces[back].tokens
        first = back
    return windows


def chunk_document(
    source: str,
    raw: str,
    cleaned: MappedText,
    meta: DocMeta,
    file_sha: str,
    encoding: str,
    max_tokens: int,
    overlap_tokens: int,
) -> list[Chunk]:
    """Split one cleaned document into chunks whose spans index the raw file text."""
    count = token_counter(encoding)
    text = cleaned.text
    groups: list[tuple[str, int, int]] = []
    pending_start: int | None = None
    for section in split_sections(text):
        start = section.start if pending_start is None else pending_start
        if count(text[section.start : section.end]) < MIN_SECTION_TOKENS and section.end < len(text):
            pending_start = start
            continue
        pending_start = None
        groups.append((section.heading, start, section.end))
    if pending_start is not None:
        groups.append(("", pending_start, len(text)))

    spans: list[tuple[str, int, int]] = []
    for heading, start, end in groups:
        pieces = _pieces(text, start, end, count, max_tokens)

        def measure(first: int, last: int, pieces: list[Piece] = pieces) -> int:
            return count(text[pieces[first].start : pieces[last].end])

        for first, last in _windows(pieces, max_tokens, overlap_tokens, measure):
            spans.append((heading, pieces[first].start, pieces[last].end))

    chunks: list[Chunk] = []
    for ordinal, (heading, a, b) in enumerate(spans):
        raw_start, raw_end = cleaned.raw_span(a, b)
        raw_text = raw[raw_start:raw_end]
        chunks.append(
            Chunk(
                id=chunk_id(source, raw_start, raw_end, raw_text),
                source=source,
                start=raw_start,
                end=raw_end,
                text=raw_text,
                clean_text=text[a:b],
                section=heading,
                ordinal=ordinal,
                meta=meta,
                file_sha=file_sha,
                doc_chunks=len(spans),
            )
        )
    return chunks
