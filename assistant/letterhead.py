"""Metadata answers: handläggare, dnr, telephone, e-mail and address, read from a document's own letterhead.

A question such as "Vem är handläggare för trafiknämndens remissvar?" is answered with one
Swedish sentence that names the document and cites the exact span the value was read from
("Handläggare för trafiknämndens remissvar är Kristoffer Bengtsson. [1]"); a document that
does not state the field is said not to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.compose import responder_genitive
from assistant.question import Question
from assistant.records import Citation, Span
from vectorstore.lexical import LexicalIndex
from vectorstore.records import Chunk

DocumentChunks = Callable[[str, int, int], list[Chunk]]  # (source, first ordinal, count) -> chunks


@dataclass(frozen=True)
class Field:
    """How one letterhead field is found and said."""

    pattern: re.Pattern[str]  # group 1 is the value
    said: str  # '{whose}' and '{value}' are filled in
    missing: str  # '{whose}'


_NAME = r"([A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+)+)"
FIELDS: dict[str, Field] = {
    "handläggare": Field(
        re.compile(rf"Handläggare\s*:?\s*\n?\s*{_NAME}"),
        "Handläggare för {whose} är {value}.",
        "{Whose} anger ingen handläggare.",
    ),
    "dnr": Field(
        re.compile(r"\b(?:[Dd]nr:?\s*)?((?:KS|[A-ZÅÄÖ]{2,4}) ?\d{4}/\d+)"),
        "Diarienumret i {whose} är {value}.",
        "{Whose} anger inget diarienummer.",
    ),
    "telefon": Field(
        re.compile(r"\b(08-[\d ]{5,12}\d)"),
        "Telefonnumret i {whose} är {value}.",
        "{Whose} anger inget telefonnummer.",
    ),
    "e-post": Field(
        re.compile(r"([\w.-]+@[\w-]+(?:\.[\w-]+)+)"),
        "E-postadressen i {whose} är {value}.",
        "{Whose} anger ingen e-postadress.",
    ),
    "adress": Field(
        re.compile(
            r"((?:[A-ZÅÄÖ][\wåäö]+(?:gatan|vägen|plan|torget) \d+\s*\w?\s*\n?\s*)?"
            r"Box \d+(?:\s*\n?\s*\d{3} ?\d{2} [A-ZÅÄÖ]\w+)?)"
        ),
        "Adressen i {whose} är {value}.",
        "{Whose} anger ingen adress.",
    ),
}
MAX_CHUNKS = 200  # a document's letterhead is looked for in this many chunks at most


def _whose(responder: str) -> str:
    return f"{responder_genitive(responder)} remissvar" if responder else "dokumentet"


def letterhead_answer(q: Question, index: LexicalIndex, chunks: DocumentChunks) -> tuple[str, list[Citation]]:
    """One sentence per document asked about, with citations of the spans read; no citations if none states it."""
    spec = FIELDS[q.metadata_field]
    responders = q.responders or tuple(sorted(index.responders))
    sources: dict[str, str] = {}
    for source, responder in zip(index.columns["source"], index.columns["responder"], strict=True):
        if responder in responders:
            sources.setdefault(source, responder)
    lines: list[str] = []
    citations: list[Citation] = []
    for source, responder in sorted(sources.items(), key=lambda item: item[1]):
        whose = _whose(responder)
        for chunk in chunks(source, 0, MAX_CHUNKS):
            match = spec.pattern.search(chunk.clean_text)
            if match:
                n = len(citations) + 1
                value = " ".join(match.group(1).split())
                citations.append(Citation(n, chunk, (Span(match.start(1), match.end(1)),)))
                lines.append(f"{spec.said.format(whose=whose, value=value)} [{n}]")
                break
        else:
            lines.append(spec.missing.format(Whose=whose[0].upper() + whose[1:]))
    return "\n".join(lines), citations
