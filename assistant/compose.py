"""The extractive answer: the most relevant sentences of the top passages, each with its marker.

No language model is needed and nothing is invented: every sentence of the answer is a
sentence of a cited passage (in its cleaned form), followed by [n], where n numbers the
citations in the order they are first used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import pairwise

import numpy as np

from assistant.instructions import is_instruction
from assistant.question import WHICH_MANY
from assistant.records import Citation, Hit, Span
from assistant.sentence_scores import SentenceScores
from ingest.furniture import CONTACT, LETTERHEAD, sentence_kind
from ingest.sections import is_known_heading, split_sections
from ingest.sentences import sentence_spans
from vectorstore.analyzer import fold, term, term_matches, term_set
from vectorstore.records import Chunk

_LIST_QUESTION = re.compile(rf"^\s*(vilka|vilket|vilken|nämn|lista|ange|what are)\b|\bvilka\b|{WHICH_MANY}", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-•–]|\d+\.)\s")
PASSAGES_CONSIDERED = 5
# A responder's verdict on the programme as a whole ('ställer sig positiv till programförslagets innehåll').
_VERDICT = re.compile(
    r"\bställer sig (mycket )?(positiv|positivt|negativ|negativt|bakom)\w* till (det nya |det föreslagna )?"
    r"(trygghetsprogram\w*|program\w*|förslag\w*|stadsledningskontorets förslag\w*)"
    r"|\bi sin helhet (stärker|bidrar|är)\b"  # not 'Förslaget återfinns i sin helhet som bilaga 1'
    r"|\bvill förvaltningen belysa flera positiva delar\b",
    re.I,
)
# Praise of the programme as a whole, in other words than a verdict's: 'tycker att det är bra med ett
# gemensamt program', 'det positiva i att det nu finns ett förslag till …', 'kommer bli ett bra stöd för …'.
# It states a view of the whole when one is asked (comparisons), but is no verdict to discount elsewhere: it
# answers 'What does EÅV think about having a common programme?' itself.
_PRAISE_OF_WHOLE = re.compile(
    r"\b(bra|positivt|positiva|välkommet) (med|i att det (nu )?finns) (ett|det) (\w+ ){0,2}?"
    r"(program|trygghetsprogram|förslag)\w*"
    r"|\b(den nya versionen|programmet|förslaget|trygghetsprogrammet) (kommer (att )?(bli|vara)|blir|är) ett "
    r"(bra|gott|värdefullt|viktigt) (stöd|verktyg)\b",
    re.I,
)
VERDICT_DISCOUNT = 0.25


def marked_lines(marked: Iterable[str]) -> list[str]:
    """Sentences with their markers, as lines: prose runs on; a list item, and whatever follows it, starts a line."""
    lines: list[str] = []
    for sentence in marked:
        if lines and not _LIST_ITEM.match(sentence) and not _LIST_ITEM.match(lines[-1]):
            lines[-1] += f" {sentence}"
        else:
            lines.append(sentence)
    return lines


def is_verdict(sentence: str) -> bool:
    """Whether a sentence is a responder's verdict on the programme as a whole."""
    return bool(_VERDICT.search(sentence))


def praises_whole(sentence: str) -> bool:
    """Whether a sentence praises the programme as a whole without a verdict's words (see _PRAISE_OF_WHOLE)."""
    return bool(_PRAISE_OF_WHOLE.search(sentence))


# Signals of a candidate sentence, each in 0..1; SentenceMix weighs them.
FEATURES = (
    "meaning",
    "wording",
    "passage",
    "answer_type",
    "first",
    "top_passage",
    "meaning_rank",
    "wording_rank",
    "item",
    "introduces",
)


@dataclass(frozen=True)
class SentenceMix:
    """How a sentence's relevance is weighed (a logistic model over FEATURES) and how many are kept.

    - meaning: its cosine to the question, rescaled over the candidates (0 worst, 1 best);
    - wording: the idf-weighted share of the question's terms it contains;
    - passage: its passage's second-stage score, rescaled over the passages;
    - answer_type: it holds what the question asks for (a number, a date, a view);
    - first: it opens its passage (or section);
    - top_passage: its passage is the best one.
    Fitted with bench/fit_composer.py on the fit questions (figures in the README).
    """

    bias: float = -5.454
    meaning: float = 2.593
    wording: float = 2.315
    passage: float = 1.214
    answer_type: float = 0.805
    first: float = -0.262
    top_passage: float = 0.252
    meaning_rank: float = 0.719
    wording_rank: float = 0.549
    item: float = 1.46
    introduces: float = -1.44
    # Sentences under this share of the best one's probability are left out (0.3 fitted on the fit set; 0.25 set on
    # the README's read pool in the thirty-first round: fact recall 0.926 -> 0.932, median answer 370 -> 386 chars).
    keep_ratio: float = 0.25
    confident: float = 0.5  # when the best sentence is at least this likely, the answer stops at `confident_budget`
    confident_budget: int = 2
    # ... unless one more sentence still leaves the answer this short (characters of its sentences).
    confident_room: int = 350

    def weights(self) -> np.ndarray:
        """The feature weights in the order of FEATURES."""
        return np.array([getattr(self, f) for f in FEATURES])


@dataclass(frozen=True)
class Sentence:
    """A candidate sentence: which hit it is in, where in its clean text, and how relevant."""

    hit_rank: int
    start: int
    end: int
    score: float
    text: str


# Numbers in words, as the documents write them ('fjorton trygghetsinvesteringar').
NUMBER_WORDS = (
    r"två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton"
    r"|tjugo|trettio|fyrtio|femtio|hundra|tusen|miljon\w*|miljard\w*|hälften"
)
# What a sentence must hold to answer a question of each type (see assistant.question.answer_type).
_HOLDS: dict[str, re.Pattern[str]] = {
    # A sentence that introduces a list, or names several things: 'Trygghetsmätningen, Stockholmsenkäten
    # och skolenkäter', 'ABC, Komet och grupper för …' (items of at most four words between the commas).
    "list": re.compile(
        r":\s*$|(?:[\wåäöÅÄÖ()-]+(?: [\wåäöÅÄÖ()-]+){0,3}, ){2,}|, [\wåäöÅÄÖ-]+(?: [\wåäöÅÄÖ-]+){0,3} (?:och|samt) "
    ),
    # A number, not a year ('för 2024–2027' counts nothing) nor a date's parts; or a change by a factor.
    "quantity": re.compile(
        rf"\b((?!(?:19|20)\d\d\b)(?<![\d–-])\d+(?![\d–-]*\d{{4}})|{NUMBER_WORDS}|halver\w*|fördubbl\w*)\b", re.I
    ),
    "when": re.compile(
        r"\b(\d{4}-\d\d-\d\d|\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
        r"|december)|(19|20)\d\d)\b",
        re.I,
    ),
    "example": re.compile(
        r"\b(exempelvis|till exempel|t\. ?ex|som (ett )?(gott |bra )?exempel|goda exempel|bland annat)\b", re.I
    ),
    # A sentence that says what something is: 'definieras att …', 'är ett samlingsbegrepp för', '(s.k. …)'.
    "definition": re.compile(
        r"\b(definieras|definierar|innebär|betyder|avses|menas med|samlingsbegrepp|handlar om|syftar på|kallas|benämns"
        r"|står för|s\.\s?k\.)",
        re.I,
    ),
    "opinion": re.compile(
        r"\b(anser|ansåg|menar|tycker|positiv\w*|negativ\w*|välkomna\w*|föreslår|saknar|efterfrågar|bör|borde|behöver"
        r"|ser (ett|en|det|gärna|positivt)|ställer sig|instämmer|avstyrker|tillstyrker|kritisk\w*|önskar|vore"
        r"|viktigt)\b",
        re.I,
    ),
}


def holds_answer_type(text: str, answer_type: str, given: Collection[int] = ()) -> bool:
    """Whether a sentence holds what a question of this type asks for.

    A year the question brought itself (`given`: "programmet 2020–2023") answers no 'when'.
    """
    pattern = _HOLDS.get(answer_type)
    if not pattern:
        return False
    if answer_type == "when":
        return any(not (m.group(0).isdigit() and int(m.group(0)) in given) for m in pattern.finditer(text))
    return bool(pattern.search(text))


def is_list_question(question: str) -> bool:
    """Questions that ask for several items gather them across passages."""
    return bool(_LIST_QUESTION.search(question))


_HEAD_AT_LEAST = 4  # letters of a compound's head that name what the compound does ('område' of 'fokusområde')
_LISTED_LAST = 4  # words: the end of an introduction, where what it lists is named


def lists(texts: Sequence[str], term: str) -> bool:
    """Whether a passage's sentences introduce a list by naming `term` ('… fyra fokusområden:' and its items).

    An introduction may also end in a full stop before its bullets, with what it lists at its end, if
    only by the compound's head ('… arbete inom fyra viktiga områden.' - • Arbete i stadens offentliga miljö …).
    """

    def introduces(intro: str) -> bool:
        end = intro.rstrip()[-1:]
        last = term_set(" ".join(intro.split()[-_LISTED_LAST:])) if end in ":." else set()
        # by its head only before bullets after a full stop ('… arbetet:' lists no 'trygghetsarbete')
        return any(
            term_matches(term, t) or (end == "." and len(t) >= _HEAD_AT_LEAST and term.endswith(t)) for t in last
        )

    return any(
        _LIST_ITEM.match(item) and not _LIST_ITEM.match(intro) and introduces(intro) for intro, item in pairwise(texts)
    )


def sentence_features(
    hits: list[Hit], sentences: dict[str, SentenceScores], answer_type: str, given: Collection[int] = ()
) -> tuple[list[Sentence], np.ndarray]:
    """The candidate sentences of the passages and one row of FEATURES each (scores left at 0)."""
    top, bottom = hits[0].score, hits[-1].score
    spread = (top - bottom) or 1.0
    all_dense = np.concatenate(
        [[d for i, d in enumerate(sentences[h.chunk.id].dense) if sentences[h.chunk.id].is_content(i)] for h in hits]
        + [np.zeros(0)]
    )
    lo, hi = (float(all_dense.min()), float(all_dense.max())) if len(all_dense) else (0.0, 1.0)
    out: list[Sentence] = []
    rows: list[tuple[float, ...]] = []
    for rank, hit in enumerate(hits):
        scores = sentences[hit.chunk.id]
        passage_rel = (hit.score - bottom) / spread
        first = True
        carried = carried_coverage(hit.chunk.clean_text, scores)
        for i, ((a, b), text, dense, cov) in enumerate(
            zip(scores.spans, scores.texts, scores.dense, carried, strict=True)
        ):
            if (
                len(text.split()) < 2
                or text.strip() == hit.chunk.section.strip()
                or is_known_heading(text.strip())  # a heading inside the passage ('Ärendets beredning')
                or not scores.is_content(i)
                or is_instruction(text)
            ):
                continue  # a heading, a stray word or a letterhead says nothing; an instruction is data
            out.append(Sentence(rank, a, b, 0.0, text))
            rows.append(
                (
                    (dense - lo) / ((hi - lo) or 1.0),
                    float(cov),
                    passage_rel,
                    float(holds_answer_type(text, answer_type, given)),
                    float(first),
                    float(rank == 0),
                )
            )
            first = False
    features = np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES) - 4)
    # Where a sentence stands among the candidates, by meaning and by wording (1 best, then 1/2, 1/3 …).
    by_meaning = 1.0 / (1.0 + np.argsort(np.argsort(-features[:, 0], kind="stable"), kind="stable"))
    by_wording = 1.0 / (1.0 + np.argsort(np.argsort(-features[:, 1], kind="stable"), kind="stable"))
    item = np.array([float(bool(_LIST_ITEM.match(s.text))) for s in out])
    introduces = np.array([float(s.text.rstrip().endswith(":")) for s in out])
    if not out:
        return out, np.zeros((0, len(FEATURES)))
    return out, np.column_stack([features, by_meaning, by_wording, item, introduces])


# A word that points back at what the sentence before named: 'Programmet saknar beskrivning kring vad som
# gäller för dess verksamhet' speaks of the fristående skolor of the sentence before.
_POINTS_BACK = re.compile(r"\b(dess|deras|dessa|detta|denna|det här|den här|de här)\b", re.I)
CARRY = 0.8  # the share of the sentence before's wording coverage a sentence pointing back at it carries


def carried_coverage(text: str, scores: SentenceScores) -> np.ndarray:
    """Each sentence's wording coverage, or a share of the one before it in its paragraph when it points back at it."""
    out = np.array(scores.coverage, dtype=np.float64)
    for i in range(1, len(out)):
        (_, end_before), (start, _) = scores.spans[i - 1], scores.spans[i]
        if "\n\n" not in text[end_before:start] and _POINTS_BACK.search(scores.texts[i]):
            out[i] = max(out[i], CARRY * float(scores.coverage[i - 1]))
    return out


def _candidates(
    hits: list[Hit],
    sentences: dict[str, SentenceScores],
    mix: SentenceMix,
    answer_type: str,
    overall: bool = True,
    given: Collection[int] = (),
) -> list[Sentence]:
    """Every candidate sentence with its probability of answering.

    Unless the question is about the programme `overall`, a verdict on the whole of it counts for half;
    asked what a responder thinks of the programme (an opinion `overall`), the verdict answers.
    """
    found, features = sentence_features(hits, sentences, answer_type, given)
    probability = 1 / (1 + np.exp(-(features @ mix.weights() + mix.bias)))
    verdicts = [is_verdict(s.text) for s in found]
    if overall and answer_type == "opinion":  # verdicts first, in the model's order among themselves
        scores = [0.99 + 0.01 * float(p) if v else float(p) for p, v in zip(probability, verdicts, strict=True)]
        return [replace(s, score=score) for s, score in zip(found, scores, strict=True)]
    discount = [VERDICT_DISCOUNT if v and not overall else 1.0 for v in verdicts]
    return [replace(s, score=float(p) * d) for s, p, d in zip(found, probability, discount, strict=True)]


def answering(
    hits: list[Hit],
    sentences: dict[str, SentenceScores],
    answer_type: str = "",
    overall: bool = True,
    given: Collection[int] = (),
) -> list[float]:
    """For each passage, how likely its best sentence answers the question (the composer's model; 0 for none)."""
    best = [0.0] * len(hits)
    for sentence in _candidates(hits, sentences, SentenceMix(), answer_type, overall, given) if hits else []:
        best[sentence.hit_rank] = max(best[sentence.hit_rank], sentence.score)
    return best


def best_sentences(
    hits: list[Hit],
    sentences: dict[str, SentenceScores],
    answer_type: str = "",
    count: int = 1,
    overall: bool = True,
    given: Collection[int] = (),
    introductions: bool = False,
) -> list[Sentence]:
    """The sentences a single answer from these passages would open with, those that can stand alone.

    A list item cannot, nor can one that restates a better one; nor can a sentence that introduces
    a list, unless `introductions` (a list question) and its items follow it in its passage.
    """
    hits = hits[:PASSAGES_CONSIDERED]
    candidates = _candidates(hits, sentences, SentenceMix(), answer_type, overall, given) if hits else []
    ranked = sorted(candidates, key=lambda s: -s.score)
    out: list[Sentence] = []
    said: list[frozenset[str]] = []
    for sentence in ranked:
        if len(out) >= count:
            break
        introduces = sentence.text.rstrip().endswith(":") or runs_into_list(hits[sentence.hit_rank], sentence)
        if introduces and not (introductions and following_items(hits[sentence.hit_rank], sentence.end)):
            continue
        if _LIST_ITEM.match(sentence.text) or restates(sentence.text, said):
            continue
        out.append(sentence)
        said.append(term_set(sentence.text))
    return out


# Openers that lean on the sentence before ("Detta …") or carry its sequence on ("Därefter …").
_ANAPHOR = re.compile(
    r"^(detta|dessa|denna|det här|här|där|därför|så|på så sätt|det gör|de|därefter|sedan|slutligen|dessutom|utöver"
    r"|det handlar om|av (?:den|denna|detta|det) (?:anledningen|anledning|skälet|skäl))\b",
    re.I,
)


# A sentence that goes on from the one before: its consequence ('Det leder till mycket text …') or an
# example of it ('Hugga ner buskar kan exempelvis strida mot …').
_CONSEQUENCE = re.compile(r"^det (leder|innebär|medför|betyder) ", re.I)
_SEQUEL = re.compile(rf"{_CONSEQUENCE.pattern}|^(?:\S+\s+){{0,4}}?(exempelvis|till exempel|bland annat)\b", re.I)
# Subjects a response opens its own claims with: the same noun again starts a new claim, not the last one's sequel.
_OWN_SUBJECTS = frozenset(
    fold(w)
    for w in "förvaltningen kontoret nämnden staden programmet trygghetsprogrammet stadsdelen stadsdelsförvaltningen "
    "kommunen remissen ärendet förslaget".split()
)


def _is_sequel(hit: Hit, end: int, span: tuple[int, int]) -> bool:
    """Whether the sentence at `span` goes on from the one ending at `end` as its consequence, example or sequel."""
    text = hit.chunk.clean_text
    before = sentence_spans(text, 0, end)
    said = text[before[-1][0] : end] if before else ""
    return bool(_SEQUEL.match(text[span[0] : span[1]])) or _takes_up(said, text[span[0] : span[1]])


def _takes_up(said: str, sentence: str) -> bool:
    """Whether a sentence opens on the definite form of a noun the one before introduced.

    '… har tillsatt en utredning …' 'Utredningen ska lämna sitt förslag senast den 15 juni 2021.'
    """
    first = re.match(r"[^\W\d_]+", sentence)
    if not first or len(first.group(0)) < 6 or fold(first.group(0)) in _OWN_SUBJECTS:
        return False
    word = fold(first.group(0))
    if not word.endswith(("en", "et", "na")):
        return False
    stem = term(word)
    return any(term(fold(w)) == stem and fold(w) != word for w in re.findall(r"[^\W\d_]+", said))


RESTATES = 0.8  # a sentence whose terms are this much inside one already said adds nothing


def restates(text: str, said: list[frozenset[str]]) -> bool:
    """Whether the sentence's terms are mostly in one sentence already chosen (a shorter restatement)."""
    terms = term_set(text)
    return bool(terms) and any(len(terms & before) >= RESTATES * len(terms) for before in said)


# A question of these types wants what one sentence holds or lacks (a date, a number).
_COMPLETED = ("when", "quantity", "opinion", "example")


def _never(_: str) -> bool:
    return False


def _completer(text: str, answer_type: str, given: Collection[int]) -> Callable[[str], bool]:
    """What would complete the best sentence: the date or number it lacks that the question asks for."""
    if answer_type in _COMPLETED and not holds_answer_type(text, answer_type, given):
        return partial(holds_answer_type, answer_type=answer_type, given=given)
    return _never


def continuation(hit: Hit, end: int, completes: Callable[[str], bool] = _never) -> tuple[int, int] | None:
    """The sentence right after `end` in its paragraph when it leans back on it ('Detta …'), else None.

    Also when it `completes` it: holds the date or number the sentence before lacks ('… en utredning.'
    'Utredningen ska lämna sitt förslag senast den 15 juni 2021.').
    """
    text = hit.chunk.clean_text
    following = sentence_spans(text, end)
    if not following:
        return None
    a, b = following[0]
    between = text[end:a]
    leans = "\n\n" not in between and (
        _ANAPHOR.match(text[a:b]) or completes(text[a:b]) or _is_sequel(hit, end, (a, b))
    )
    return (
        (a, b) if leans and not text[a:b].rstrip().endswith(":") else None
    )  # a list's introduction comes with its list


def _sentence_before(text: str, start: int) -> tuple[int, int] | None:
    """The sentence right before `start` in its paragraph, unless it is a list item."""
    before = sentence_spans(text, 0, start)
    if not before or "\n\n" in text[before[-1][1] : start] or _LIST_ITEM.match(text[before[-1][0] : before[-1][1]]):
        return None
    return before[-1]


def completed_before(hit: Hit, start: int, completes: Callable[[str], bool]) -> tuple[int, int] | None:
    """The sentence right before `start` in its paragraph when it `completes` the one at `start`, else None."""
    text = hit.chunk.clean_text
    span = _sentence_before(text, start)
    if span is None or text[span[0] : span[1]].rstrip().endswith(":") or not completes(text[span[0] : span[1]]):
        return None
    return span


def leaned_on(hit: Hit, start: int) -> tuple[int, int] | None:
    """The sentence right before `start` in its paragraph when the one at `start` leans back on it ('Här kan …')."""
    text = hit.chunk.clean_text
    following = sentence_spans(text, start)
    if not following:
        return None
    sentence = text[following[0][0] : following[0][1]]
    if _ANAPHOR.match(sentence):
        return _sentence_before(text, start)
    # 'Det innebär att …' says what the sentence before means: that one comes too, unless it leans
    # back in turn ('Utredningen ska …' after '… en utredning.'), when the thought began further up.
    before = _sentence_before(text, start) if _CONSEQUENCE.match(sentence) else None
    if before is None or _ANAPHOR.match(text[before[0] : before[1]]) or _is_sequel(hit, before[0], before):
        return None
    return before


def _introduction(hits: list[Hit], rank: int, item_start: int, wants_list: bool) -> Sentence | None:
    """The sentence that introduces the list an item belongs to ('...fyra fokusområden:'), if in the passage."""
    text = hits[rank].chunk.clean_text
    before = [(a, b) for a, b in sentence_spans(text, 0, item_start) if not _LIST_ITEM.match(text[a:b])]
    if not before:
        return None
    a, b = before[-1]
    introduces = wants_list or text[a:b].rstrip().endswith(":")
    return Sentence(rank, a, b, 0.0, text[a:b]) if introduces else None


def runs_into_list(hit: Hit, sentence: Sentence) -> bool:
    """Whether a sentence with no full stop runs into the list items after it ('… under rubrikerna' - Förebyggande …).

    Like one ending in a colon, it introduces them and says nothing alone. A list item is none: it is in the list.
    """
    text = sentence.text.rstrip()
    return (
        not _LIST_ITEM.match(text)
        and not text.endswith((".", "!", "?", ":", "”", '"', ")"))
        and bool(following_items(hit, sentence.end))
    )


def following_items(hit: Hit, end: int) -> list[tuple[int, int]]:
    """List items right after an introducing sentence ('...följande fokusområden:').

    A table's rows follow only an introduction that ends in a colon ('… följande personer:'): after a
    full stop, short lines are the next block (a signature), not a list.
    """
    text = hit.chunk.clean_text
    headings = {s.heading for s in split_sections(text) if s.heading}
    items: list[tuple[int, int]] = []
    rows = text[:end].rstrip().endswith(":")  # a table's rows, until a list item shows it is a list
    for a, b in sentence_spans(text, end):
        if text[a:b].strip() in headings:
            break  # the next section ('Ärendet') is not a row of the list before it
        if _LIST_ITEM.match(text[a:b]):
            rows = False
        elif not (rows and _is_row(text[a:b])):
            break
        items.append((a, b))
    return items


def _is_row(text: str) -> bool:
    """A line block of a table or form after an introduction ('Namn, titel 2023-10-09'), not a sentence."""
    lines = text.splitlines()
    short = all(len(line.split()) <= 8 for line in lines)
    return (
        short and not text.rstrip().endswith((".", "!", "?", ":")) and sentence_kind(text) not in (CONTACT, LETTERHEAD)
    )


_CONNECTIVE = re.compile(
    r"^(dessutom|även|också|vidare|därför|samtidigt|men|och|slutligen|avslutningsvis|däremot|således|alltså|"
    r"härutöver|utöver detta|därtill|då)\b[,]?\s+",
    re.I,
)


_Group = list[tuple[int, int, int]]  # a chosen sentence (hit rank, start, end) and the list items that follow it


def _groups(chosen: list[tuple[int, int, int]], hits: list[Hit]) -> list[_Group]:
    """The chosen sentences, each with the list items that follow it: they move together."""
    groups: list[_Group] = []
    for rank, a, b in chosen:
        if groups and _LIST_ITEM.match(hits[rank].chunk.clean_text[a:b]):
            groups[-1].append((rank, a, b))
        else:
            groups.append([(rank, a, b)])
    return groups


def _open_without_connective(groups: list[_Group], hits: list[Hit]) -> list[_Group]:
    """The groups reordered so the answer does not open with 'Dessutom …' (quotes stay verbatim)."""

    def leans(group: _Group) -> bool:
        rank, a, b = group[0]
        return bool(_CONNECTIVE.match(hits[rank].chunk.clean_text[a:b]))

    if groups and leans(groups[0]):
        standing = next((i for i, g in enumerate(groups) if not leans(g)), None)
        if standing is not None:
            groups.insert(0, groups.pop(standing))
    return groups


def _best_passages_list_first(groups: list[_Group], hits: list[Hit], question: str) -> list[_Group]:
    """For a list question, the list it asks for ('… fyra fokusområden:' and its items) opens the answer.

    The best passage's list, or the best-ranked one whose introduction names a word of the question ('vilka
    fokusområden …': '… pekar ut följande fokusområden:'); not another list a lower passage gives.
    """
    asked = term_set(question)
    listing = []  # (passage rank, group index) of the lists that may open the answer
    for i, group in enumerate(groups):
        rank, a, b = group[0]
        intro = hits[rank].chunk.clean_text[a:b]
        if len(group) > 1 and intro.rstrip().endswith(":") and (rank == 0 or not asked.isdisjoint(term_set(intro))):
            listing.append((rank, i))
    if not listing:
        return groups
    _, i = min(listing)
    return [groups[i], *groups[:i], *groups[i + 1 :]]


def capital(text: str) -> str:
    """The text with its first letter a capital, the rest as written ('trafiknämndens' -> 'Trafiknämndens')."""
    return text[0].upper() + text[1:]


def responder_genitive(responder: str) -> str:
    """'Trafiknämnden' -> 'trafiknämndens'; 'Kungsholmens stadsdelsnämnd' -> 'Kungsholmens stadsdelsnämnds'."""
    # A committee is a common noun in running text; a district keeps its place name's capital.
    name = responder if "stadsdels" in fold(responder) else responder[0].lower() + responder[1:]
    return name if name.endswith(("s", "x", "z")) else name + "s"


_ATTRIBUTION = re.compile(r"^Enligt [^\n:]+ remissvar:\s*")


def without_attribution(text: str) -> str:
    """An answer without its opening 'Enligt … remissvar:': only quoted sentences and markers remain."""
    return _ATTRIBUTION.sub("", text, count=1)


def attribution(chunks: list[Chunk]) -> str:
    """'Enligt trafiknämndens remissvar' when every cited passage is one responder's ('' otherwise)."""
    responders = {c.meta.responder for c in chunks}
    if len(responders) != 1 or not (responder := responders.pop()):
        return ""
    return f"Enligt {responder_genitive(responder)} remissvar"


# A phrase the question quotes from the text ("… under 'andra insatser som lyfts'?"): not an apostrophe
# inside a word ("the committee's").
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\"‘’“”]([^'\"‘’“”]{3,80}?)['\"‘’“”](?=[\s?.,!:;)]|$)")


def quoted_phrases(question: str) -> list[str]:
    """The phrases of two or more words a question quotes, folded."""
    return [fold(" ".join(p.split())) for p in _QUOTED.findall(question) if len(p.split()) >= 2]


def holds_quoted(text: str, quoted: list[str]) -> bool:
    """Whether a text holds one of the phrases a question quotes (`quoted_phrases`), line breaks aside."""
    return any(p in fold(" ".join(text.split())) for p in quoted)


def is_several_word_name(term: str) -> bool:
    """Whether a term is a capitalised name of several words ('Tyck till-appen', 'Trygghet på karta').

    Such a name stands whole where it is meant: its first word alone is another word ('tycker').
    """
    return len(term.split()) > 1 and re.match(r"[A-ZÅÄÖ][a-zåäö]", term.strip()) is not None


def defines(sentences: Iterable[str], term: str) -> bool:
    """Whether a sentence explains the term: names it with 'är', 'innebär', 'betyder', a colon or a parenthesis."""
    words = [w for w in re.findall(r"[\wåäö]+", fold(term)) if len(w) > 2] or [fold(term)]
    # every word of a capitalised name of several, in order ('Tyck till-appen' is not 'Förvaltningen tycker att …');
    # the first word of anything else ('PDV utskrivet', 'att förebygga' as the question words them)
    name = len(words) > 1 and is_several_word_name(term)
    head = r"\w*[\s-]+(?:\w+[\s-]+)?".join(re.escape(w[: max(4, len(w) - 2)]) for w in (words if name else words[:1]))
    cue = r"((\w*\s+){0,4}(ar|innebar|betyder|handlar om|gar ut pa|syftar|avser|definieras|star for)\b|\w*\s*[,:(])"
    named = rf"(kallas|benamns|menas med|sa kallade?)\s+(\w+\s+){{0,2}}{head}"
    return any(
        # '(PDV, …)', '(s.k. situationell prevention)': a term in brackets after what it names
        re.search(rf"\b{head}\w*\s*{cue}", fold(s)) or re.search(rf"\(\s*(s\.\s?k\.\s*)?{head}|{named}", fold(s))
        for s in sentences
    )


def _lifted(candidates: list[Sentence], lift: Callable[[str], bool]) -> list[Sentence]:
    """The sentences `lift` picks scored as the best, then the rest as they were."""
    if not candidates:
        return candidates
    top = max(s.score for s in candidates)
    holds = [lift(s.text) for s in candidates]
    scored = [(replace(s, score=top), False) if h else (s, True) for s, h in zip(candidates, holds, strict=True)]
    return [s for s, _ in sorted(scored, key=lambda pair: (-pair[0].score, pair[1]))]


# The share of a joined question's own terms a sentence must hold to answer it.
PART_COVERAGE = 0.5


def _answers_part(
    candidates: list[Sentence],
    chosen: list[tuple[int, int, int]],
    hits: list[Hit],
    part: set[str],
    seen: set[str],
) -> Sentence | None:
    """The sentence that answers one part of a joined question, when none chosen does (None when none can)."""

    def share(text: str) -> float:
        held = term_set(text)
        return sum(any(term_matches(t, w) for w in held) for t in part) / len(part)

    if any(share(hits[rank].chunk.clean_text[a:b]) >= PART_COVERAGE for rank, a, b in chosen):
        return None
    usable = [
        s
        for s in candidates
        if not _LIST_ITEM.match(s.text)
        and not s.text.rstrip().endswith(":")
        and fold(" ".join(s.text.split())) not in seen
    ]
    best = max(usable, key=lambda s: (share(s.text), s.score), default=None)
    return best if best is not None and share(best.text) >= PART_COVERAGE else None


def compose(
    question: str,
    hits: list[Hit],
    sentences: dict[str, SentenceScores],
    max_sentences: int,
    mix: SentenceMix | None = None,
    next_chunk: Callable[[Chunk], Chunk | None] | None = None,
    attribute: bool = False,
    answer_type: str = "",
    overall: bool = True,
    given: Collection[int] = (),
    defined: str = "",
    parts: Sequence[Collection[str]] = (),
) -> tuple[str, list[Citation]]:
    """Answer text with markers, and the citations the markers refer to.

    The answer opens with the sentence that answers best and goes on in order of relevance;
    a list a chosen sentence introduces follows it. `next_chunk` gives the chunk that follows
    one in its document: a list introduced at the very end of a passage ('...fyra
    fokusområden:') is completed from it, and cited as such. With `attribute`, an answer drawn
    from one responder's document says whose it is. Unless the question is about the programme
    `overall`, a responder's verdict on the whole of it counts for half. A question asking what the
    term `defined` means opens on a sentence that defines it, where one is given. Each of the `parts` of
    a question that joins two (their own terms) is answered: by the sentence that holds most of a part's
    terms, if none chosen holds half.
    """
    hits = list(hits[:PASSAGES_CONSIDERED])
    if not hits:
        return "", []
    wants_list = is_list_question(question)
    limit = max_sentences + (2 if wants_list else 0)
    mix = mix or SentenceMix()
    candidates = sorted(_candidates(hits, sentences, mix, answer_type, overall, given), key=lambda s: -s.score)
    if quoted := quoted_phrases(question):  # a phrase quoted from the text is looked for as written
        candidates = _lifted(candidates, lambda text: holds_quoted(text, quoted))
    if defined:  # 'Vad menas med X?' opens on the sentence that says what X is
        candidates = _lifted(candidates, lambda text: defines([text], defined))
    if not wants_list:  # an item without its list's introduction ('- Stadsutveckling') says nothing alone,
        candidates = [  # nor an introduction without a colon or its list ('… under rubrikerna')
            s
            for s in candidates
            if not runs_into_list(hits[s.hit_rank], s)
            and (not _LIST_ITEM.match(s.text) or _introduction(hits, s.hit_rank, s.start, wants_list) is not None)
        ]
    best = candidates[0].score if candidates else 0.0
    room = 0  # characters under which a confident answer may take one sentence past its budget
    if best >= mix.confident and not wants_list:  # a list is as long as the list
        room = mix.confident_room if limit > mix.confident_budget else 0
        limit = min(limit, mix.confident_budget)

    chosen: list[tuple[int, int, int]] = []  # (hit rank, start, end) in answer order
    seen: set[str] = set()
    said: list[frozenset[str]] = []  # the terms of each sentence chosen
    count = 0
    for sentence in candidates:
        if sentence.score < mix.keep_ratio * best:
            break
        if count >= limit:
            length = sum(b - a for _, a, b in chosen) + len(sentence.text)
            if length > room:
                break
            limit, room = limit + 1, 0  # a short confident answer takes one more sentence, once
        if _LIST_ITEM.match(sentence.text) and (
            intro := _introduction(hits, sentence.hit_rank, sentence.start, wants_list)
        ):
            sentence = intro  # an item chosen on its own brings its list's introduction, which brings the list
        key = fold(" ".join(sentence.text.split()))
        if key in seen:
            continue  # overlapping chunks repeat sentences
        if restates(sentence.text, said):
            continue  # a summary and its body often say the same thing twice
        seen.add(key)
        said.append(term_set(sentence.text))
        chosen.append((sentence.hit_rank, sentence.start, sentence.end))
        count += 1
        if count == 1:
            # The best sentence's thought began in the one before when it leans back ('Av den anledningen
            # …'), and an answer never opens on such a sentence; else it goes on in the next one ("Detta
            # görs genom mätningar …"), or the one before holds what the question asks ("… anser att
            # det är en bra utveckling. Metoden går ut på …").
            hit, completes = hits[sentence.hit_rank], _completer(sentence.text, answer_type, given)
            leans_back = leaned_on(hit, sentence.start)
            after = None if leans_back else continuation(hit, sentence.end, completes)
            extra = leans_back or after or completed_before(hit, sentence.start, completes)
            if extra:
                seen.add(fold(" ".join(hit.chunk.clean_text[extra[0] : extra[1]].split())))
                chosen.insert(len(chosen) if after else len(chosen) - 1, (sentence.hit_rank, *extra))
                # What a sentence leans on is its context, and its consequence or example its sequel; not another claim.
                count += 0 if leans_back or (after and _is_sequel(hit, sentence.end, after)) else 1
        if not (sentence.text.rstrip().endswith(":") or wants_list):
            continue  # only a list question takes the list a sentence introduces without a colon
        rank, items = sentence.hit_rank, following_items(hits[sentence.hit_rank], sentence.end)
        if not items and next_chunk and not hits[rank].chunk.clean_text[sentence.end :].strip():
            following = next_chunk(hits[rank].chunk)
            if following is not None:
                hits.append(Hit(following, hits[rank].score))
                # Chunks overlap: the introduction may open the next chunk too; its list follows it there.
                again = following.clean_text.find(sentence.text)
                start = again + len(sentence.text) if again >= 0 else 0
                rank, items = len(hits) - 1, following_items(hits[-1], start)
        keyed = [(fold(" ".join(hits[rank].chunk.clean_text[a:b].split())), a, b) for a, b in items]
        new = [(key, a, b) for key, a, b in keyed if key not in seen]
        if not new and sentence.text.rstrip().endswith(":"):
            # An introduction whose list cannot be shown, or was shown already, would dangle.
            chosen.pop()
            count -= 1
            continue
        for item_key, a, b in new:
            seen.add(item_key)
            chosen.append((rank, a, b))

    for part in parts if chosen else ():
        if also := _answers_part(candidates, chosen, hits, set(part), seen):
            seen.add(fold(" ".join(also.text.split())))
            chosen.append((also.hit_rank, also.start, also.end))
    groups = _open_without_connective(_groups(chosen, hits), hits)
    if wants_list:
        groups = _best_passages_list_first(groups, hits, question)
    chosen = [item for group in groups for item in group]
    numbers: dict[int, int] = {}  # hit rank -> marker, in order of first use
    for rank, _, _ in chosen:
        numbers.setdefault(rank, len(numbers) + 1)
    citations = [
        Citation(n, hits[rank].chunk, tuple(Span(a, b) for r, a, b in sorted(set(chosen)) if r == rank))
        for rank, n in numbers.items()
    ]
    lines = marked_lines(
        f"{' '.join(hits[rank].chunk.clean_text[a:b].split())} [{numbers[rank]}]" for rank, a, b in chosen
    )
    if attribute and (whose := attribution([c.chunk for c in citations])):
        first = lines[0]
        lines[0] = f"{whose}: {first}" if _LIST_ITEM.match(first) is None else first
        if _LIST_ITEM.match(first):
            lines.insert(0, f"{whose}:")
    return "\n".join(lines), citations


def led_by_answer(passages: list[Hit], citations: Sequence[Citation]) -> list[Hit]:
    """The shown passages, with the answer's first source on top when the answer uses nothing of the top one.

    A reader opens the first passage to check the answer: it should hold what the answer says
    (measured in docs/rounds.md, fifteenth round).
    """
    cited = {c.chunk.id for c in citations}
    if not passages or not cited or passages[0].chunk.id in cited:
        return passages
    first = min(citations, key=lambda c: c.n).chunk.id
    return [h for h in passages if h.chunk.id == first] + [h for h in passages if h.chunk.id != first]
