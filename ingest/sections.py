"""Split cleaned document text into sections under the documents' own headings.

Cleaning removed the Markdown that marked headings in some files and the OCR files never had
any, so a heading is recognised from the cleaned text alone: a short, title-like paragraph of
one line followed by a longer paragraph, or a heading these referral responses always use
("Sammanfattning", "Ärendets beredning"...), compared without diacritics so OCR-damaged
"Arendets beredning" counts too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.clean import is_list_item, looks_like_title
from vectorstore.analyzer import fold as analyzer_fold


@dataclass(frozen=True)
class Section:
    """A stretch of cleaned text, [start, end), under one heading ("" before the first)."""

    heading: str
    start: int
    end: int


# Headings of Stockholm's tjänsteutlåtanden and remissvar, folded (see `fold`).
KNOWN_HEADINGS = frozenset(
    {
        "sammanfattning",
        "bakgrund",
        "arendet",
        "arendets beredning",
        "beredning",
        "forvaltningens synpunkter",
        "forvaltningens synpunkter och forslag",
        "forvaltningens forslag till beslut",
        "forslag till beslut",
        "synpunkter och forslag",
        "remissen",
        "bilaga",
        "bilagor",
        "jamstalldhetsanalys",
        "barnrattsperspektiv",
        "konsekvenser for jamstalldhet och for barn och barns rattigheter",
    }
)
KNOWN_HEADING_PREFIXES = ("remiss om ", "remiss fran ", "svar pa remiss om ")
# Where a response retells the proposal it was sent ('Bakgrund', 'Ärendet', 'Remissen'): the sections
# from one of these up to the next of the headings above, or one with the responder's 'synpunkter'.
RESTATING_HEADINGS = frozenset({"bakgrund", "arendet", "remissen"})
# Header-field labels and closing words: alone on a line, yet never section headings.
NOT_HEADINGS = frozenset({"handlaggare", "till", "fran", "telefon", "fax", "vaxel", "datum", "dnr", "sida", "slut"})
_DIGITS = re.compile(r"\d")
# A title is mostly letters: "Sida 8 (9)", "Dnr EAV 2020/514" and phone numbers are not.
_MAX_DIGIT_SHARE = 0.3
_MAX_NAME_WORDS = 4


def fold(text: str) -> str:
    """The analyzer's fold, also of OCR's '&' for 'ä', spaces collapsed: "Ärendets", "&rendets" -> "arendets"."""
    return " ".join(analyzer_fold(text.replace("&", "a")).split())


@lru_cache(maxsize=4096)  # asked of every candidate sentence of every answer: the same sentences come back
def is_known_heading(line: str) -> bool:
    """One of the headings these documents use, in any spelling of its diacritics."""
    folded = fold(line).rstrip(":")
    return folded in KNOWN_HEADINGS or folded.startswith(KNOWN_HEADING_PREFIXES)


def _is_name_like(line: str) -> bool:
    """Every word capitalised, as in names ("Jenny Lindfors") and table headers ("Namn Datum").

    Swedish headings capitalise only their first word ("Teoretiskt ramverk").
    """
    words = line.split()
    return 1 < len(words) <= _MAX_NAME_WORDS and all(w[0].isupper() for w in words)


def _is_heading(paragraph: str, next_paragraph: str) -> bool:
    """Tell whether a paragraph heads what follows it."""
    if "\n" in paragraph or is_list_item(paragraph):
        return False
    if fold(paragraph) in NOT_HEADINGS:
        return False
    if is_known_heading(paragraph):
        return True
    digits = len(_DIGITS.findall(paragraph))
    return (
        looks_like_title(paragraph)
        and not _is_name_like(paragraph)
        and digits <= _MAX_DIGIT_SHARE * len(paragraph)
        and len(next_paragraph) > len(paragraph)
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Find the [start, end) of every paragraph (text between blank lines)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n\s*\n", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def split_sections(text: str) -> list[Section]:
    """Sections of cleaned text, covering it contiguously from 0 to len(text).

    A section starts at its heading line; text before the first heading is a section with
    heading "". Empty text gives no sections.
    """
    spans = _paragraphs(text)
    starts: list[tuple[int, str]] = []
    for i, (start, end) in enumerate(spans):
        following = spans[i + 1] if i + 1 < len(spans) else (end, end)
        if _is_heading(text[start:end].strip(), text[following[0] : following[1]]):
            starts.append((start, text[start:end].strip()))
    if not text:
        return []
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, ""))
    ends = [start for start, _ in starts[1:]] + [len(text)]
    pairs = zip(starts, ends, strict=True)
    return [Section(heading, start, end) for (start, heading), end in pairs]


def restating_spans(sections: list[Section]) -> list[tuple[int, int]]:
    """The [start, end) of the sections that retell the referred proposal rather than give a view.

    A response retells the programme under 'Bakgrund', 'Ärendet' or 'Remissen' and the subheadings
    that follow ('Ansvarsfördelning', 'Fyra fokusområden'), until its own view or the referral's
    handling begins ('Förvaltningens synpunkter', 'Ärendets beredning', 'Jämställdhetsanalys').
    """
    spans: list[tuple[int, int]] = []
    retelling = False
    for section in sections:
        heading = fold(section.heading).strip(" :*")
        if heading in RESTATING_HEADINGS:
            retelling = True
        elif is_known_heading(heading) or "synpunkter" in heading:
            retelling = False
        if retelling:
            spans.append((section.start, section.end))
    return spans
