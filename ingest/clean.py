"""Clean raw document text into readable paragraphs without losing the way back to the raw.

Every step is a pure `MappedText -> MappedText` function built on `MappedText.sub`, so any
span of the cleaned text maps back to the raw file text it came from. `clean` runs them in
order: unicode repair, Markdown/markup removal, glued header fields, de-hyphenation,
re-flow of hard-wrapped lines, and (for OCR-damaged documents only) å/ä/ö repair.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from ingest.ocr_context import repair_ocr_in_context
from ingest.ocr_repair import needs_ocr_repair, word_frequency
from ingest.textmap import MappedText

OcrMode = Literal["auto", "on", "off"]

# --- unicode -------------------------------------------------------------------------------

# Characters a UTF-8 continuation byte (0x80-0xBF) turns into when read as cp1252 or latin-1.
_CONTINUATION = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""})
    + [chr(b) for b in range(0x80, 0xC0)]
)
# A mojibake run: a lead byte read as "Ã", "â"... followed by continuation characters.
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]+)+")
_COMBINING = re.compile(r".[\u0300-\u036f]+", re.DOTALL)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f]")


# What a mojibake run may decode to: Western European letters and common punctuation. A
# legitimate "Ö”" also decodes as UTF-8 (to a Hebrew accent) and must stay as it is.
_PLAUSIBLE = re.compile("[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2010-\u206f\u20ac\u2122]+")


def _unmojibake(match: re.Match[str]) -> str:
    """Decode a mojibake run back to its UTF-8 text; keep the run when it does not decode."""
    run = match.group(0)
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = run.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if _PLAUSIBLE.fullmatch(fixed):
            return fixed
    return run


def fix_unicode(mt: MappedText) -> MappedText:
    """Repair mojibake runs ("fÃ¶r" -> "för"), compose combining marks, normalise breaks."""
    mt = mt.sub(_MOJIBAKE, _unmojibake)
    mt = mt.sub(_COMBINING, lambda m: unicodedata.normalize("NFC", m.group(0)))
    mt = mt.sub(r"\r\n?", lambda m: "\n")
    mt = mt.sub(r"\f", lambda m: "\n\n")
    mt = mt.sub(_INVISIBLE, lambda m: "")
    return mt.sub(_ODD_SPACE, lambda m: " ")


# --- markup --------------------------------------------------------------------------------

_HTML_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|p|br)\s*/?>", re.IGNORECASE)
_HEADING_HASHES = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
# "•", "*", "–" bullets, and "e"/"o" that OCR made of a round bullet ("e Alla nämnder ska").
_BULLET = re.compile(r"^(?:[•●▪◦·*–—-]|[eo](?= [A-ZÅÄÖa-zåäö]))[ \t]+", re.MULTILINE)
_BOLD = re.compile(r"\*\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*(?![*\w])")


def _strip_marker_pairs(mt: MappedText, span: re.Pattern[str], marker: str) -> MappedText:
    """Delete the opening and closing `marker` of every `span` match.

    When a marked word is glued to a word outside ("097**Till**Trafiknämnden") the marker
    becomes a line break instead, so header fields come apart. Only the markers are replaced,
    so the marked text keeps its exact raw map.
    """
    text = mt.text
    cuts: dict[int, str] = {}
    for match in span.finditer(text):
        start, end = match.span()
        glued_before = start > 0 and text[start - 1].isalnum()
        glued_after = end < len(text) and text[end].isalnum()
        cuts[start] = "\n" if glued_before else ""
        cuts[end - len(marker)] = "\n" if glued_after else ""
    if not cuts:
        return mt
    return mt.sub(re.escape(marker), lambda m: cuts.get(m.start(), m.group(0)))


def strip_markup(mt: MappedText) -> MappedText:
    """Remove Markdown/HTML markup: headings' #, **bold**, *italic*, tags; normalise bullets."""
    mt = mt.sub(_HTML_TAG, lambda m: "\n" if m.group(0).lower().startswith("<br") else "")
    mt = mt.sub(r"[ \t]+", lambda m: " ")
    mt = mt.sub(r"(?m)^ +| +$", lambda m: "")
    mt = mt.sub(_HEADING_HASHES, lambda m: "")
    mt = mt.sub(_BULLET, lambda m: "- ")
    mt = _strip_marker_pairs(mt, _BOLD, "**")
    return _strip_marker_pairs(mt, _ITALIC, "*")


# --- glued header fields -------------------------------------------------------------------

_GLUE = re.compile(r"(?<=[a-zåäöéü])(?=[A-ZÅÄÖÉ][a-zåäöéü])")
# A split must leave a real word on the left: "iPhone", "McDonald" do not qualify.
_MIN_GLUED_LEFT = 3


def _glue_break(match: re.Match[str]) -> str:
    """Break glued fields ("HandläggareKristoffer") apart; leave real words alone."""
    text, at = match.string, match.start()
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    if at - start < _MIN_GLUED_LEFT or word_frequency(text[start:end].lower()) > 0.0:
        return ""  # "iPhone", or a listed word with inner capitals (YouTube, PowerPoint)
    return "\n"


def split_glued_fields(mt: MappedText) -> MappedText:
    """Put glued header fields on their own lines: "FörvaltningschefUlrika Falk"."""
    return mt.sub(_GLUE, _glue_break)


# --- de-hyphenation ------------------------------------------------------------------------

_LINE_END_HYPHEN = re.compile(r"(?<=\w)([-–])\n(?=\w)")
_NEXT_WORD = re.compile(r"\w+")
# After a suspended compound the hyphen stays: "brottsförebyggande- och trygghetsskapande".
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "men", "till"})
_VOWELS = frozenset("aeiouyåäöéAEIOUYÅÄÖÉ")


def _dehyphen(match: re.Match[str]) -> str:
    """Join a word broken at a line end, keeping hyphens that belong to the text."""
    hyphen = match.group(1)
    text, start, end = match.string, match.start(), match.end()
    next_word = _NEXT_WORD.match(text, end)
    word_before = re.search(r"\w+$", text[max(0, start - 40) : start])
    before = word_before.group(0) if word_before else ""
    if next_word and next_word.group(0).lower() in _CONJUNCTIONS:
        return hyphen + " "
    keeps_hyphen = (
        hyphen != "-"
        or not before.islower()
        or not text[end].islower()
        or not _VOWELS.intersection(before)  # an acronym: "hbtq-perspektiv"
    )
    return hyphen if keeps_hyphen else ""


def dehyphenate(mt: MappedText) -> MappedText:
    """Undo line-end hyphenation: "brotts-" + newline + "förebyggande" -> "brottsförebyggande"."""
    return mt.sub(_LINE_END_HYPHEN, _dehyphen)


# --- re-flow -------------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^(?:- |\d{1,2}[.)] )")
_SENTENCE_END = re.compile(r"[.!?:;]$")
_INNER_SENTENCE_END = re.compile(r"[.!?] [A-ZÅÄÖ|]")
_TITLE_MAX_WORDS = 8
# Words a sentence or a heading never ends on: a line ending on one continues on the next.
_RUN_ON_WORDS = frozenset(
    {"och", "eller", "samt", "men", "att", "som", "om", "för", "till", "från", "på", "i", "av"}
    | {"med", "mot", "vid", "under", "över", "inom", "utan", "kring", "enligt"}
    | {"en", "ett", "den", "det", "de", "dess", "sin", "sitt", "sina"}
)
# Wrapped documents have lines of 55-75 characters; a following line this long is body text.
_LONG_LINE = 40
# A document's wrap width: this share of its lines are no longer.
_WIDTH_QUANTILE = 0.9
# OCR and PDF text comes from proportional fonts, so character counts are rough: a line was
# ended on purpose only if the next word would have fitted with this much room to spare.
_FIT_SLACK = 0.9
# A line at least this share of the width, followed by a lowercase line, was wrapped.
_CONTINUATION_SHARE = 0.6


def is_list_item(line: str) -> bool:
    """Tell whether a line is a bullet ("- ...") or numbered ("1. ...") list item."""
    return bool(_LIST_ITEM.match(line))


def looks_like_title(line: str) -> bool:
    """Tell whether a line could be a heading: capitalised, at most 8 words, no end period."""
    words = line.split()
    return (
        0 < len(words) <= _TITLE_MAX_WORDS
        and line[0].isupper()
        and not _SENTENCE_END.search(line)
        and line[-1] != ","
        and not is_list_item(line)
        and not _INNER_SENTENCE_END.search(line)
        and "@" not in line
    )


def wrap_width(text: str) -> int:
    """Estimate the width a document was wrapped at from its line lengths."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * _WIDTH_QUANTILE))]


def _runs_on(line: str) -> bool:
    """Tell whether a line cannot end a sentence or heading: "...,", "... samt", "... för"."""
    last = line.rsplit(" ", 1)[-1]
    return line.endswith((",", "-", "–")) or last in _RUN_ON_WORDS


def _break_kind(before: str, after: str, blank_lines: int, width: int) -> str:
    """Decide what a line break becomes: a space, a line break or a paragraph break.

    `before` is the logical line so far (wrapped lines already joined), `after` the next line.
    """
    last_line = before[before.rfind("\n") + 1 :]
    next_word = after.split(" ", 1)[0]
    # If the next word would have fitted on the line, the line was ended on purpose. Fonts
    # are proportional, so a single line break gets some slack; a blank line is itself a
    # paragraph signal and gets none.
    room = width * (_FIT_SLACK if blank_lines == 0 else 1.0)
    fits = len(last_line) + 1 + len(next_word) <= room
    long_line = len(last_line) >= width * _CONTINUATION_SHARE
    title = looks_like_title(before)
    if blank_lines >= 2:
        return "\n\n"
    if is_list_item(after):
        if is_list_item(before) or (blank_lines == 0 and not title):
            return "\n"
        return "\n\n"
    if _SENTENCE_END.search(before):
        # A full line may end a sentence inside a wrapped paragraph, unless a short title
        # follows (a heading after a page break: "...remissen.\nBakgrund\n...").
        heading_next = looks_like_title(after) and len(after) < room
        return " " if blank_lines == 0 and not fits and not heading_next else "\n\n"
    if not fits or (_runs_on(before) and not (title and blank_lines)):
        return " "  # a wrapped line, or a stray blank line inside a sentence (PDF extraction)
    if after[0].islower() and (blank_lines == 1 or long_line):
        return " "
    if blank_lines == 1:
        return "\n\n"
    if len(after) >= _LONG_LINE and after[0].isupper() and (title or is_list_item(before)):
        return "\n\n"  # a heading or a list ends where body text starts
    return "\n"


def reflow(mt: MappedText) -> MappedText:
    """Join hard-wrapped lines into paragraphs separated by one blank line.

    Headings, list items and short lines (header fields, signatures) keep their own lines.
    """
    text = mt.text
    width = wrap_width(text)
    kinds: dict[int, str] = {}
    line_start = 0  # where the logical line (wrapped lines joined so far) begins
    for match in re.finditer(r"\n+", text):
        start, end = match.span()
        if start == 0 or end == len(text):
            continue
        line_end = text.find("\n", end)
        after = text[end : line_end if line_end >= 0 else len(text)]
        kind = _break_kind(text[line_start:start], after, match.group(0).count("\n") - 1, width)
        kinds[start] = kind
        if kind != " ":
            line_start = end
    return mt.sub(r"\n+", lambda m: kinds.get(m.start(), m.group(0)))


def tidy_spaces(mt: MappedText) -> MappedText:
    """Collapse runs of spaces and trim the text's ends."""
    mt = mt.sub(r" {2,}", lambda m: " ")
    mt = mt.sub(r"(?m)^ +| +$", lambda m: "")
    return mt.sub(r"\A\s+|\s+\Z", lambda m: "")


# --- the pipeline --------------------------------------------------------------------------


def clean(raw: str, ocr: OcrMode = "auto") -> MappedText:
    """Clean raw document text; OCR repair runs when `needs_ocr_repair` (or `ocr="on"`)."""
    mt = MappedText.identity(raw)
    for step in (fix_unicode, strip_markup, split_glued_fields, dehyphenate, reflow, tidy_spaces):
        mt = step(mt)
    if ocr == "on" or (ocr == "auto" and needs_ocr_repair(mt.text)):
        mt = repair_ocr_in_context(mt)
    return mt
