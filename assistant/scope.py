"""Abstention: decide when the documents do not answer a question.

Dense similarity alone cannot tell (e5 scores every Swedish question about 0.8 against
every passage), so the decision uses what the documents demonstrably lack:
- a proper name the documents never mention ("Göteborgs", "Skarpnäcks");
- the view of a committee that did not respond, asked of a store that holds responses;
- a quantity asked for ("hur många", "hur mycket") where no relevant sentence has a number;
- no real support: no sentence of the best passages is more similar to the question than
  unrelated text is, or none covers its terms and none is clearly similar (thresholds
  calibrated on out-of-scope questions with bench/calibrate_abstention.py; see the README).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.settings import Thresholds
from vectorstore.analyzer import fold, term
from vectorstore.lexical import LexicalIndex

_NAME = re.compile(r"(?<=[\w,;:] )([A-ZÅÄÖ][\wåäöéÅÄÖ-]{2,})")
_OPINION = re.compile(r"\b(svara\w*|tyck\w*|ansåg|anser|yttra\w*|synpunkt\w*|remissvar\w*|sa|sade)\b", re.I)
_QUANTITY = re.compile(r"\b(hur (många|manga|mycket|stor\w*)|vilken lön|vilken lon|how (many|much))\b", re.I)
_NUMBER = re.compile(
    r"\d|\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|hundra|tusen|miljon\w*|hälften|halveras)\b",
    re.I,
)
_ENGLISH = frozenset(
    "the a an of in on to is are was were what which who whom how does do did for by with and or "
    "according from that this these their its be should".split()
)
_YEAR = re.compile(r"\b(19|20)\d\d(\s*[-–]\s*(19|20)?\d\d)?\b")
_COMMITTEE = re.compile(r"\b([\wåäöÅÄÖ-]*nämnd\w*)\b", re.I)


def unknown_names(question: str, index: LexicalIndex) -> list[str]:
    """Capitalised words (not sentence-initial) that no document mentions, even as a compound part."""
    out = []
    for name in _NAME.findall(question):
        word = name.lower().removesuffix("'s")
        terms = index.query_terms(word)
        if all(t not in index.vocab for t in terms):  # also true when the word has no terms
            out.append(name)
    return out


def _responder_keys(responders: Iterable[str]) -> set[str]:
    keys = set()
    for responder in responders:
        for word in re.findall(r"[\wåäöÅÄÖ-]+", responder):
            stem = fold(term(word.lower()))
            for suffix in ("stadsdelsnamnd", "namnd", "s"):
                stem = stem.removesuffix(suffix)
            if len(stem) >= 3:
                keys.add(stem)
    return keys


def non_responder_committee(question: str, responders: Iterable[str]) -> str:
    """A committee whose view is asked for but who is not among the responders ('' if none)."""
    if not _OPINION.search(question):
        return ""
    keys = _responder_keys(responders)
    words = re.findall(r"[\wåäöÅÄÖ-]+", question)
    for i, word in enumerate(words):
        if not _COMMITTEE.fullmatch(word) or fold(word).startswith("namnd"):
            continue  # 'nämnderna' in general is not one committee
        folded = fold(term(word.lower()))
        name = folded.split("stadsdelsnamnd")[0].removesuffix("s")
        if folded.startswith("stadsdelsnamnd") and i > 0:
            name = fold(term(words[i - 1].lower())).removesuffix("s")
        else:
            name = name.split("namnd")[0].removesuffix("s")
        if name and not any(name.startswith(k) or k.startswith(name) for k in keys):
            return word if not folded.startswith("stadsdelsnamnd") else f"{words[i - 1]} {word}"
    return ""


def lacks_quantity(question: str, sentences: Iterable[str]) -> bool:
    """A 'how many/how much' question whose relevant sentences state no number."""
    # Years and periods ("2020–2023") are everywhere in these texts and answer no 'how many'.
    return bool(_QUANTITY.search(question)) and not any(_NUMBER.search(_YEAR.sub(" ", s)) for s in sentences)


@dataclass(frozen=True)
class Evidence:
    """How well the best passages support a question."""

    support: float  # best idf-weighted coverage of the question by one sentence
    top_dense: float  # best cosine similarity of a passage
    sentences: tuple[str, ...]  # every sentence of the passages considered


def is_english(question: str) -> bool:
    """English questions get no lexical support from Swedish text; judge them by meaning only."""
    words = re.findall(r"[a-zåäö']+", question.lower())
    return bool(words) and sum(w in _ENGLISH for w in words) / len(words) >= 0.2


def abstain_reason(
    question: str, evidence: Evidence, index: LexicalIndex, responders: Iterable[str], thresholds: Thresholds
) -> str:
    """Why the documents do not answer the question ('' when they may)."""
    if is_english(question):
        if evidence.top_dense < thresholds.min_dense_english:
            return "inget stycke liknar frågan"
        return ""
    if names := unknown_names(question, index):
        return f"okänt namn: {', '.join(names)}"
    if committee := non_responder_committee(question, responders):
        return f"inget remissvar från {committee}"
    if lacks_quantity(question, evidence.sentences):
        return "inget antal i de bästa styckena"
    if evidence.top_dense < thresholds.min_dense:
        return "inget stycke liknar frågan"
    if evidence.support < thresholds.min_support and evidence.top_dense < thresholds.weak_dense:
        return "inget stycke stöder frågan"
    return ""
