"""Repair Swedish words whose å/ä/ö an OCR engine lost or garbled ("fér", "&r", "namnder").

Each word token gets candidate spellings made by undoing the confusions seen in scanned
municipal documents (a→å/ä, o→ö, é/&/d/6/0→å/ä/ö, "éa"→"ä"...). The most frequent candidate
in the Swedish word list of `wordfreq` replaces the token when it is much more frequent
than the token as written. Repair is gated per document (`needs_ocr_repair`) so clean
documents are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest.textmap import MappedText

# Characters an OCR engine produced for å/ä/ö, and what each may stand for. The characters
# on the left are also kept as they are: the token as written is always a candidate too.
_SUBSTITUTIONS: dict[str, str] = {
    "a": "åä",
    "o": "ö",
    "d": "äöå",  # "dnskar", "sdkrare", "ndgon": a round glyph read as d
    "é": "äöåe",
    "&": "äå",
    "6": "ö",  # "6vergripande", "6kad"
    "0": "ö",
}
# A stray glyph beside a damaged vowel: the pair stands for one letter ("éa", "é&", "d&", "dé").
_STRAY = frozenset("é&")
_PAIR_TARGETS = "äöå"
_MAX_CHANGES = 3
# A d is a real consonant far more often than a damaged vowel: allow one d change per word.
_MAX_D_CHANGES = 1

# A candidate must be this many times as frequent as the token as written. Real minimal
# pairs sit well below it (satt/sätt 4x, val/väl 6x, stod/stöd 1.3x, man/män 0.1x) while
# the damage sits far above it (sa/så 23x, far/får 32x, mal/mål 30x, for/för 160x, ar/är 930x).
_RATIO = 10.0

# Share of word tokens that would change, measured with this module on the five corpus files:
#   000 0.3%  001 0.1%  002 0.1%  003 0.2%  004 31.8%
# A gate at 5% leaves a wide margin on both sides.
_GATE_SHARE = 0.05

_TOKEN = re.compile(r"[\w&]+")
_WORD_CHARS = re.compile(r"[^\W\d_]")
# "|" read for a capital I that opens a sentence: "| programmet beskrivs" (not a table cell).
_PIPE_I = re.compile(r"(?:^|(?<=[.!?:] ))\|(?= [a-zåäöé])", re.MULTILINE)
_YEAR_AFTER = re.compile(r" \d{4}\b")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """Swedish word frequencies, loaded once (about 340k words, a tenth of a second)."""
    import wordfreq  # deferred: only documents that are cleaned need it

    return wordfreq.get_frequency_dict("sv")


def word_frequency(word: str) -> float:
    """Frequency of a lowercase Swedish word, 0.0 when unknown."""
    return _frequencies().get(word, 0.0)


def _variants(word: str) -> Iterator[str]:
    """Yield spellings of a lowercase word with up to three OCR confusions undone."""

    def walk(i: int, built: str, changes: int, d_changes: int) -> Iterator[str]:
        if i == len(word):
            yield built
            return
        char = word[i]
        yield from walk(i + 1, built + char, changes, d_changes)
        if changes == _MAX_CHANGES:
            return
        if char != "d" or d_changes < _MAX_D_CHANGES:
            d_used = d_changes + (char == "d")
            for target in _SUBSTITUTIONS.get(char, ""):
                yield from walk(i + 1, built + target, changes + 1, d_used)
        if i + 1 < len(word) and (char in _STRAY or word[i + 1] in _STRAY):
            for target in _PAIR_TARGETS:
                yield from walk(i + 2, built + target, changes + 1, d_changes)

    return walk(0, "", 0, 0)


@lru_cache(maxsize=65536)
def best_spelling(word: str) -> str:
    """The repaired spelling of a lowercase word, or the word itself when none is better."""
    if not any(char in _SUBSTITUTIONS for char in word):
        return word
    written = word_frequency(word)
    best, best_freq = word, 0.0
    for candidate in _variants(word):
        if candidate == word or not _WORD_CHARS.search(candidate):
            continue
        freq = word_frequency(candidate)
        if freq > best_freq:
            best, best_freq = candidate, freq
    if best_freq == 0.0:
        return word
    # An unknown token is damage by definition; a known one must be beaten by a wide margin.
    if written == 0.0 or best_freq >= _RATIO * written:
        return best
    return word


def _case_like(token: str, lower: str) -> str | None:
    """Give `lower` the capitalisation of `token`; None for mixed case we should not touch."""
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return lower
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return None  # an acronym (ANDT, NOA, EAV): not a word to repair
    inner_caps = [c for c in token[1:] if c.isupper()]
    if any(c not in "AO" for c in inner_caps):
        return None  # SiS, McDonald: deliberate inner capitals
    return lower.capitalize() if token[0].isupper() else lower


def repair_token(token: str, next_text: str = "") -> str:
    """Repaired form of one word token; `next_text` is what follows it in the text."""
    if not _WORD_CHARS.search(token):
        return token
    lower = token.lower()
    if lower == "ar" and _YEAR_AFTER.match(next_text):
        fixed = "år"  # "till ar 2025": a year, not the verb
    else:
        fixed = best_spelling(lower)
    if fixed == lower:
        return token
    return _case_like(token, fixed) or token


def _token_repl(match: re.Match[str]) -> str:
    """Repair the token in a regex match, looking at the few characters after it."""
    end = match.end()
    return repair_token(match.group(0), match.string[end : end + 6])


def repair_report(text: str) -> list[tuple[str, str]]:
    """Every token the repair would change, as (as written, repaired), in text order."""
    changes = [(m.group(0), _token_repl(m)) for m in _TOKEN.finditer(text)]
    pipes = [("|", "I") for _ in _PIPE_I.finditer(text)]
    return [pair for pair in changes if pair[0] != pair[1]] + pipes


def ocr_damage_share(text: str) -> float:
    """Share of word tokens (with a letter, not acronyms) that the repair would change."""
    tokens = [m for m in _TOKEN.finditer(text) if _WORD_CHARS.search(m.group(0))]
    if not tokens:
        return 0.0
    changed = sum(1 for m in tokens if _token_repl(m) != m.group(0))
    return changed / len(tokens)


def needs_ocr_repair(text: str) -> bool:
    """True when the text shows real OCR damage to å/ä/ö, not the odd rare word."""
    return ocr_damage_share(text) > _GATE_SHARE


def repair_ocr(mt: MappedText) -> MappedText:
    """Repair damaged words and sentence-initial "|" for "I", keeping the raw map."""
    mt = mt.sub(_PIPE_I, lambda m: "I")
    return mt.sub(_TOKEN, _token_repl)
