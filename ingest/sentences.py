"""Sentence and paragraph boundaries of cleaned Swedish text, as character spans."""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and a capital, digit, bullet or quote; a
# paragraph break or a list item always ends one. Abbreviations common in these texts
# ("bl.a.", "t.ex.", "dnr.") are protected by requiring a capital after the space.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’)]*\s+(?=[A-ZÅÄÖÉ0-9\"”•–-])"
    r"|\n\s*\n"
    r"|\n(?=\s*(?:[-•–]\s|\d+\.\s))"
    r"|(?<=:)\n"
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:bl\.a|t\.ex|m\.m|s\.k|dvs|fr\.o\.m|t\.o\.m|kap|nr|ca|jfr|resp)\.)$", re.IGNORECASE
)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of text[start:end], whitespace trimmed, in text offsets."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _ABBREVIATIONS.search(text, max(start, match.start() - 8), match.start()):
            continue
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, end))
    return [trimmed for a, b in spans if (trimmed := _trim(text, a, b))]


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
