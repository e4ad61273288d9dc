"""Positions: which sentences of a referral response state a view, and what kind of view.

A responder's position on a topic is read from cue phrases, never guessed: "ställer sig
positiv" and "välkomnar" are positive, "saknar", "efterfrågar" and "avstyrker" critical,
"föreslår", "bör" and "behöver" proposals, "anser" and "bedömer" a stated but uncoloured view.
A sentence with no cue is background. Each label carries the cue that decided it, so a
reader can check it. Cues are matched on folded text (no diacritics), so OCR-damaged
"Forvaltningen saknar" counts as well as "Förvaltningen saknar".

When one sentence has cues of several kinds, the kind listed first in `CUES` wins:
a criticism or a proposal says more than the politeness that often comes with it
("ställer sig positiv men saknar …" is critical).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vectorstore.analyzer import fold

Label = Literal["kritisk", "förslag", "positiv", "neutral"]
# Which label a sentence with cues of several kinds gets, and the order a summary lists them in.
LABELS: tuple[Label, ...] = ("kritisk", "förslag", "positiv", "neutral")


@dataclass(frozen=True)
class Position:
    """The kind of view a sentence states and the cue phrase that decided it ('' for none)."""

    label: Label
    cue: str = ""

    @property
    def stated(self) -> bool:
        """True when a cue was found: the sentence states a view rather than background."""
        return bool(self.cue)


NO_POSITION = Position("neutral", "")

# (kind, cue as shown to users, pattern over folded text). Order decides between kinds.
_CUE_TABLE: tuple[tuple[Label, str, str], ...] = (
    ("kritisk", "avstyrker", r"\bavstyrk\w*"),
    ("kritisk", "ställer sig kritisk", r"\b(stall\w* sig|ar) (mycket |starkt )?(kritisk\w*|tveksam\w*|negativ\w*)"),
    ("kritisk", "saknar", r"\bsakna(r|s|de)\b"),
    ("kritisk", "efterfrågar", r"\befterfraga(r|s|de)\b"),
    ("kritisk", "önskar", r"\bonska(r|de)\b"),
    ("kritisk", "ser ett behov", r"\bser (aven |ocksa )?(ett )?behov\b"),
    ("kritisk", "otydlig", r"\b(otydlig\w*|oklar\w*|brister i|inte tillrackligt|svart att)\b"),
    ("kritisk", "tydligare", r"\b(tydligare|tydliggoras)\b"),
    ("kritisk", "oroar", r"\b(oroa\w*|farhag\w*|risk for att)\b"),
    # 'I det föreslagna programmet ingår ingen jämställdhetsanalys': what the proposal lacks
    (
        "kritisk",
        "saknas i programmet",
        r"\b(programmet|programforslaget|forslaget)\b[^.]{0,40}?"
        r"\b((ingar|finns|namns|beskrivs|berors) (inte|ingen|inget|inga)|(beskriver|namner|beror|tar) inte)\b",
    ),
    ("förslag", "föreslår", r"\bforeslar\b"),
    ("förslag", "rekommenderar", r"\brekommendera(r|s)\b"),
    ("förslag", "bör", r"\bbor\b"),
    ("förslag", "borde", r"\bborde\b"),
    ("förslag", "behöver", r"\bbehover\b"),
    ("förslag", "vill lyfta", r"\bvill (lyfta|framhalla|betona|understryka|papeka|uppmarksamma)\b"),
    ("förslag", "skulle kunna", r"\bskulle (kunna|behova)\b"),
    ("positiv", "ställer sig positiv", r"\bstall\w* sig (mycket )?positiv\w*"),
    ("positiv", "är positiv", r"\b(ar|ser) (mycket )?positiv\w*"),
    ("positiv", "positivt", r"\bpositivt\b"),
    ("positiv", "välkomnar", r"\bvalkom(nar|nas|nade|met|men)\b"),
    ("positiv", "instämmer", r"\binstamm(er|a)\b"),
    ("positiv", "tillstyrker", r"\btillstyrk\w*"),
    ("positiv", "är bra", r"\b(ar|vore) (en |ett )?(mycket )?bra\b"),
    ("positiv", "stärker", r"\b(starker|framjar)\b"),
    ("neutral", "anser", r"\ban(ser|sag)\b"),
    ("neutral", "bedömer", r"\bbedom(er|s)\b"),
    ("neutral", "konstaterar", r"\bkonstatera(r|s)\b"),
    ("neutral", "tycker", r"\btycker\b"),
    ("neutral", "delar", r"\bdelar (uppfattningen|synen|bedomningen)\b"),
)
CUES: tuple[tuple[Label, str, re.Pattern[str]], ...] = tuple(
    (label, cue, re.compile(pattern)) for label, cue, pattern in _CUE_TABLE
)

# Decisions about the procedure itself ("Förvaltningen föreslår att nämnden godkänner
# tjänsteutlåtandet …") state no view of the programme.
_PROCEDURAL = re.compile(
    r"\b(godkann\w*|overlamna\w*|justera\w*|tjansteutlatande\w*|besvaras med|som svar pa remissen"
    r"|remissinstanser(na)? (ar|var)|har remitterat)\b"  # who the referral went to ('Remissinstanser är …')
)


def is_procedural(sentence: str) -> bool:
    """A sentence about the handling of the referral itself, not about the programme."""
    return bool(_PROCEDURAL.search(fold(" ".join(sentence.split()))))


def classify(sentence: str) -> Position:
    """The position a sentence states, with its cue; NO_POSITION for background or procedure."""
    text = fold(" ".join(sentence.split()))
    if _PROCEDURAL.search(text):
        return NO_POSITION
    found = [(label, cue) for label, cue, pattern in CUES if pattern.search(text)]
    if not found:
        return NO_POSITION
    label, cue = min(found, key=lambda item: LABELS.index(item[0]))
    return Position(label, cue)


_OPINION_QUESTION = re.compile(
    r"\b(tyck\w*|anser|ansag|syn|synen|synpunkt\w*|hur ser|ser .{0,60}\bpa|staller sig|forhaller sig|asikt\w*|"
    r"standpunkt\w*|installning\w*|kritisk\w*|positiv\w*|negativ\w*|sammanfatta|views?|think|opinions?|"
    r"positions?|stance|critical)\b"
)


def asks_opinion(question: str) -> bool:
    """A question about views ('Hur ser … på', 'Vad tycker …'), not facts ('Vilket datum …')."""
    return bool(_OPINION_QUESTION.search(fold(question)))


def asked_label(question: str) -> Label | None:
    """The kind of view a question asks about ('Vilka nämnder är kritiska …' -> kritisk)."""
    text = fold(question)
    critical = re.search(
        r"\b(kritisk\w*|kritiser\w*|negativ\w*|critical|critici\w*|saknar|saknas|invand\w*|tveksam\w*|brister|luckor|svagheter"
        r"|weaknesses|shortcomings|gaps)\b",
        text,
    )
    positive = re.search(r"\b(positiv\w*|valkomna\w*|support\w*|in favour|in favor)\b", text)
    # both sides offered ('Står alla bakom förslaget, eller är någon negativ?', '… eller gillar samtliga det?'):
    # the verdict is asked, no side
    # ('Säger någon nej, eller är alla i stort sett för?': 'för' closing a clause is in favour)
    both = r"\b(star|stod|stalla sig) (\w+ ){0,3}bakom\b|\bgilla\w*|\bsager (ja|nej)\b|\bfor\s*[?!.,]"
    if critical and (positive or re.search(both, text)):
        return None
    if critical:
        return "kritisk"
    if positive:
        return "positiv"
    # 'propose', not 'the proposed programme': that asks for a view of the programme as a whole
    if re.search(
        r"\b(forslag|foreslar|propose|proposes|proposals?|suggest\w*|forbattring\w*|efterlys\w*|onskemal\w*"
        r"|improvements?"
        # what a responder wants added or made clearer ('Önskelistan: vad vill nämnderna se tillagt eller förtydligat?')
        r"|onskelist\w*|tillagt|tillagg\w*|fortydligat|fortydligas|fortydliganden?)\b",
        text,
    ):
        return "förslag"
    return None
