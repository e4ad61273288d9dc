"""Decide OCR-damaged tokens that are themselves Swedish words ("saker", "satt") from context.

The word-level repair in `ingest.ocr_repair` cannot see that "en trygg, saker och välskött
stad" means "säker": "saker" (things) is a common word, three times as frequent as "säker"
in general Swedish. Here each such token is decided by a small naive-Bayes model:

    score(c) = prior(c) * weight(c) * product over neighbours x of P(x near c) / P(x)

- prior(c): the candidate's count in the undamaged reference documents, plus `_PRIOR_WEIGHT`
  words' worth of its `wordfreq` frequency (so the documents' own usage counts, but cannot
  outvote general Swedish on its own);
- weight(c): how plausible the OCR confusion is (`ocr_repair._variants`);
- P(x near c) / P(x): how often the neighbour word x (two words either side, within a
  sentence) stands beside c in the reference against how often it would by chance, with a
  pseudo-count on both; a candidate the reference never saw gets 1, no evidence either way.

The reference is the bundled undamaged documents' text (a table shipped with the package,
`ocr_context_sv.json`, rebuilt by scripts/build_ocr_context.py) plus the damaged document
itself where its words are unambiguous. A token changes only on clear evidence: the best
candidate must beat the word-level choice by `_RATIO` overall (the same margin the word-level
repair asks of a listed word), at least one neighbour must stand beside it in the reference
more often than chance, and the neighbours taken together must not favour the word-level
choice. So the documents' usage can tip a reading only where the text around it agrees.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.ocr_repair import (
    _PIPE_I,
    _RATIO,
    _TOKEN,
    _case_like,
    _token_repl,
    _variants,
    needs_ocr_repair,
    word_frequency,
)
from ingest.textmap import MappedText

TABLE_PATH = Path(__file__).with_name("ocr_context_sv.json")

# Neighbours: this many words either side, not across a sentence end or a line break.
_WINDOW = 2
# The reference counts as much as this many words of general Swedish in the prior.
_PRIOR_WEIGHT = 5000.0
# Pseudo-count added to the seen and the expected number of times a neighbour stands beside
# a reading: one shared neighbour doubles a reading's odds at most, so no single pair decides.
_PSEUDO = 1.0
# Candidate readings considered: listed words with at least this share of the best prior.
_MIN_CANDIDATE_SHARE = 0.001

# Readings a neighbouring word rules out, whatever the counts: the auxiliary "har" is never directly
# followed by a finite verb ("Har kan socialförvaltningens samordning …" is "Här kan …"), and the
# verb "stod" never directly follows a preposition ("vända sig för stod" is "för stöd").
# reading -> (the reading instead, where the ruling word stands: +1 after, -1 before, the ruling words)
_RULED_OUT: dict[str, tuple[str, int, frozenset[str]]] = {
    "har": ("här", +1, frozenset("kan ska skall bör måste får finns är blir behöver".split())),
    "stod": ("stöd", -1, frozenset("för for till av med utan på pa om efter".split())),
}

_WORD = re.compile(r"[^\W\d_]+")
_BREAK = re.compile(r"[.!?:;]\s|\n")


@dataclass
class ContextTable:
    """Word counts and near-neighbour counts of a reference text (lowercase words)."""

    unigrams: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """Number of words counted."""
        return sum(self.unigrams.values())

    def add(self, words: Sequence[str | None]) -> None:
        """Count one sentence's words; a None word is skipped and has no neighbours counted."""
        for i, word in enumerate(words):
            if word is None:
                continue
            self.unigrams[word] += 1
            for j in range(max(0, i - _WINDOW), min(len(words), i + _WINDOW + 1)):
                other = words[j]
                if j != i and other is not None:
                    self.pairs[(word, other)] += 1

    def merged(self, other: ContextTable) -> ContextTable:
        """A new table with both tables' counts."""
        return ContextTable(self.unigrams + other.unigrams, self.pairs + other.pairs)

    def to_json(self) -> dict[str, dict[str, int]]:
        """A JSON-ready form: unigrams, and pairs keyed "centre neighbour"."""
        return {
            "unigrams": dict(sorted(self.unigrams.items())),
            "pairs": {f"{a} {b}": n for (a, b), n in sorted(self.pairs.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, dict[str, int]]) -> ContextTable:
        """Read the form written by `to_json`."""
        pairs: Counter[tuple[str, str]] = Counter()
        for key, n in data["pairs"].items():
            a, b = key.split(" ")
            pairs[(a, b)] = n
        return cls(Counter(data["unigrams"]), pairs)


def sentences_of_words(text: str) -> list[list[str]]:
    """Lowercase words of each sentence (or line) of text."""
    return [[w.lower() for w in _WORD.findall(part)] for part in _BREAK.split(text)]


def build_table(texts: Iterable[str]) -> ContextTable:
    """Count the words and neighbours of undamaged reference texts."""
    table = ContextTable()
    for text in texts:
        for words in sentences_of_words(text):
            table.add(words)
    return table


def reference_table(texts: dict[str, str]) -> ContextTable:
    """The table of those cleaned texts (by name) that show no OCR damage, in name order."""
    return build_table(text for _, text in sorted(texts.items()) if not needs_ocr_repair(text))


@lru_cache(maxsize=1)
def shipped_table() -> ContextTable:
    """The table of the bundled undamaged documents; empty when the file is absent."""
    if not TABLE_PATH.exists():
        return ContextTable()
    return ContextTable.from_json(json.loads(TABLE_PATH.read_text(encoding="utf-8")))


def candidates(written: str) -> dict[str, float]:
    """Listed readings of a lowercase word (itself included) with their OCR-confusion weight."""
    return dict(_candidates(written))


@lru_cache(maxsize=65536)
def _candidates(written: str) -> tuple[tuple[str, float], ...]:
    found: dict[str, float] = {}
    for spelling, weight in _variants(written):
        if word_frequency(spelling) > 0.0 and weight > found.get(spelling, 0.0):
            found[spelling] = weight
    return tuple(found.items())


def is_ambiguous(written: str) -> bool:
    """A listed word with another listed reading: "saker" (säker), "satt" (sätt), "for" (för)."""
    return word_frequency(written) > 0.0 and len(candidates(written)) > 1


@dataclass(frozen=True)
class Decision:
    """The reading chosen for one token, with the log-scores that chose it."""

    reading: str
    scores: dict[str, float]
    context: dict[str, float]


def _log_prior(word: str, table: ContextTable, total: int) -> float:
    """Log of the reference-adapted unigram probability."""
    count = table.unigrams.get(word, 0) + _PRIOR_WEIGHT * word_frequency(word)
    return math.log(count / (total + _PRIOR_WEIGHT))


def _log_context(word: str, neighbours: Sequence[str], table: ContextTable, total: int) -> float:
    """Log of the product over neighbours of (seen + 1) / (expected + 1) beside `word`.

    "expected" is how often the neighbour would turn up beside `word` by chance (its share of
    the reference times `word`'s neighbour slots). A reading the reference never saw gets 1
    for every neighbour: no evidence either way. A frequent reading that never has the
    neighbour beside it loses ("för och"); a rare one seen with it gains ("trygg, säker").
    """
    slots = 2 * _WINDOW * table.unigrams.get(word, 0)
    score = 0.0
    for x in neighbours:
        expected = slots * table.unigrams.get(x, 0) / max(total, 1)
        score += math.log((table.pairs.get((word, x), 0) + _PSEUDO) / (expected + _PSEUDO))
    return score


def _supported(word: str, neighbours: Sequence[str], table: ContextTable, total: int) -> bool:
    """Whether some neighbour stands beside `word` in the reference more often than chance."""
    slots = 2 * _WINDOW * table.unigrams.get(word, 0)
    return any(table.pairs.get((word, x), 0) > slots * table.unigrams.get(x, 0) / max(total, 1) for x in neighbours)


def decide(written: str, base: str, neighbours: Sequence[str], table: ContextTable) -> Decision:
    """Choose the reading of a lowercase listed word from its neighbours.

    `base` is the word-level repair's choice, kept unless another reading beats it by `_RATIO`
    overall, has a neighbour that supports it, and the neighbours do not favour `base`.
    """
    weights = candidates(written)
    weights.setdefault(base, 1.0)
    total = table.total
    priors = {c: _log_prior(c, table, total) + math.log(w) for c, w in weights.items()}
    floor = max(priors.values()) + math.log(_MIN_CANDIDATE_SHARE)
    context = {c: _log_context(c, neighbours, table, total) for c, p in priors.items() if p >= floor}
    context.setdefault(base, _log_context(base, neighbours, table, total))
    scores = {c: priors[c] + context[c] for c in context}
    best = max(scores, key=lambda c: scores[c])
    clear = (
        best != base
        and scores[best] - scores[base] >= math.log(_RATIO)
        and context[best] >= context[base]
        and _supported(best, neighbours, table, total)
    )
    return Decision(best if clear else base, scores, context)


@dataclass(frozen=True)
class _Token:
    """One word token of the damaged text: where it is, as written, as the word-level repair reads it."""

    start: int
    written: str
    first: str

    @property
    def ambiguous(self) -> bool:
        lower = self.written.lower()
        return not (lower == "ar" and self.first.lower() == "år") and is_ambiguous(lower)


def _sentences(text: str) -> list[list[_Token]]:
    """The word tokens of text, grouped by sentence (or line), with their word-level repair."""
    sentences: list[list[_Token]] = [[]]
    last_end = 0
    for m in _TOKEN.finditer(text):
        if not _WORD.search(m.group(0)):
            continue
        if _BREAK.search(text, last_end, m.start() + 1) and sentences[-1]:
            sentences.append([])
        sentences[-1].append(_Token(m.start(), m.group(0), _token_repl(m)))
        last_end = m.end()
    return sentences


def plan_repairs(text: str, table: ContextTable | None = None) -> dict[int, str]:
    """The replacement of every word token to change, keyed by its start in text.

    Unambiguous tokens get the word-level repair; each listed word with another listed
    reading is decided by `decide` against `table` (the shipped reference by default) plus
    the document's own unambiguous words.
    """
    sentences = _sentences(text)
    own = ContextTable()
    for tokens in sentences:
        own.add([None if t.ambiguous else t.first.lower() for t in tokens])
    reference = (shipped_table() if table is None else table).merged(own)
    plan: dict[int, str] = {}
    for tokens in sentences:
        words = [t.first.lower() for t in tokens]
        for i, token in enumerate(tokens):
            reading = token.first
            if token.ambiguous:
                neighbours = words[max(0, i - _WINDOW) : i] + words[i + 1 : i + 1 + _WINDOW]
                chosen = decide(token.written.lower(), token.first.lower(), neighbours, reference).reading
                if chosen in _RULED_OUT:
                    instead, at, ruling = _RULED_OUT[chosen]
                    j = i + at
                    if 0 <= j < len(words) and words[j] in ruling and instead in candidates(token.written.lower()):
                        chosen = instead
                if chosen != token.first.lower():
                    reading = _case_like(token.written, chosen) or token.first
            if reading != token.written:
                plan[token.start] = reading
    return plan


def repair_ocr_in_context(mt: MappedText, table: ContextTable | None = None) -> MappedText:
    """Repair damaged words, real-word slips decided from context, and "|" for "I"; keeps the raw map."""
    plan = plan_repairs(mt.text, table)
    mt = mt.sub(_PIPE_I, lambda m: "I")  # one character for one: the planned offsets still hold
    return mt.sub(_TOKEN, lambda m: plan.get(m.start(), m.group(0)))
