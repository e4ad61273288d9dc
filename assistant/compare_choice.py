"""Which sentences of a responder's passages state its view of a comparison's topic.

Among the sentences of a responder's best passages, the relevant ones (meaning, the topic's
terms counted inside compounds, a heading naming the topic) are kept; for a question about
views those stating a position come first. The first sentence's neighbour is added, or replaces
the second, when it holds more of the topic the first lacks: a view is often stated in one
sentence and the fact asked for in the next.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence

import numpy as np

from assistant.compare_terms import added_coverage, adjacent_sentence, topic_coverage
from assistant.compose import carried_coverage, is_verdict, praises_whole
from assistant.positions import NO_POSITION, Label, Position, classify, is_procedural
from assistant.records import Hit
from assistant.sentence_scores import SentenceScores
from ingest.furniture import CONTENT, PROCEDURE
from vectorstore.analyzer import compound_parts, fold, term_matches, term_set

SENTENCES_PER_RESPONDER = 3
WHOLE_TOPIC = 0.99  # the share of the topic's idf mass a sentence holds to count as holding all of it
# A sentence must be at least this relevant, relative to the best (0.75 before the thirty-first round; 0.6 set on
# the read comparisons' parts: 0.7815 -> 0.7881, median answer 1404 -> 1438 characters; see the README).
RELEVANCE_FLOOR = 0.6
OPINION_FLOOR = 0.5  # the same for questions about views, where a sentence stating one comes first
POSITION_BONUS = {"kritisk": 0.2, "förslag": 0.2, "positiv": 0.2, "neutral": 0.15}
ASKED_BONUS = 0.15
HEADING_WEIGHT = 0.8  # how far a heading naming the topic counts for the sentences under it
LEAD_BONUS = 0.1
NEIGHBOUR_FLOOR = 0.5  # the sentence next to the one chosen is added when at least this relevant
NEAR_DUPLICATE = 0.6  # share of shared terms above which a second sentence only repeats the first
GENERAL_BONUS_SCALE = 3.0  # a topic that is the programme itself: the position sentences count for more
SUMMARY_BONUS = 1.0
VERDICT_BONUS = 1.5  # more, for its verdict on the programme ('ställer sig positiv till programförslaget')
_SUMMARY = re.compile(r"(sammanfattning|summary)\b")
_SHORT_ITEM = re.compile(r"^\s*(?:[-•–]|\d+\.)\s+(\S+\s*){1,4}$")


# score, relevance, passage rank, passage, sentence span, sentence text, position stated
_Candidate = tuple[float, float, int, Hit, tuple[int, int], str, Position]

RARE_SHARE = 0.8  # a topic's rare words: those within this share of its rarest word's idf


def names_rarest(
    scores: Sequence[SentenceScores], weights: Mapping[str, float], known: Container[str], share: float = RARE_SHARE
) -> bool:
    """Whether a sentence names one of the topic's rarest words that the documents know, in a compound too.

    'stöd till föräldrar' needs 'föräldrar', not only 'stöd'; 'bostadsområden stigmatiseras' either word.
    True when the topic has no word the documents know (nothing to hold it to).
    """
    return any(names_rarest_in(text, weights, known, share) for passage in scores for text in passage.texts)


def names_rarest_in(
    sentence: str, weights: Mapping[str, float], known: Container[str], share: float = RARE_SHARE
) -> bool:
    """Whether one sentence names one of the topic's rarest known words (True when it has none).

    The rarest: within `share` of the rarest word's idf; 0 for any word of the topic.
    """
    terms = [t for t in weights if t in known]
    if not terms:
        return True
    top = max(weights[t] for t in terms)
    said = term_set(sentence)

    def names(t: str) -> bool:
        return t in said or any(term_matches(t, s) for s in said)

    # a compound is named by its parts too ('jämställdhetsanalys': 'analys av … jämställdhet')
    return any(
        names(r) or ((parts := compound_parts(r, known)) is not None and all(names(p) for p in parts))
        for r in terms
        if weights[r] >= share * top
    )


def holds_topic(scores: SentenceScores, weights: Mapping[str, float]) -> bool:
    """Whether a passage has a sentence that holds every term of the topic, in compounds too."""
    return any(topic_coverage(weights, term_set(t)) >= WHOLE_TOPIC for t in scores.texts)


def choose(
    hits: list[Hit],
    sentences: dict[str, SentenceScores],
    prefer: Label | None,
    general: bool = False,
    opinion: bool = True,
    procedure: bool = False,
    topic_terms: frozenset[str] = frozenset(),
    weights: Mapping[str, float] | None = None,
    retold: Container[tuple[str, tuple[int, int]]] = frozenset(),
) -> list[tuple[Hit, tuple[int, int]]]:
    """Up to three relevant sentences, those that state a position preferred over background.

    A sentence where the response retells the proposal (`retold`: chunk id and span) states the
    programme's view, not the responder's ('Socialtjänsten ska motverka …'): it is read as stating none.

    A sentence under a heading that names the topic ('Förslag till beslut', 'Samverkan') counts as
    covering the topic as far as its heading does.
    """
    all_dense = np.concatenate([sentences[h.chunk.id].dense for h in hits])
    lo, hi = float(all_dense.min()), float(all_dense.max())
    candidates: list[_Candidate] = []
    on_topic: dict[tuple[str, tuple[int, int]], float] = {}  # relevance of the sentences holding a topic term
    for rank, hit in enumerate(hits):
        scores = sentences[hit.chunk.id]
        heading = len(topic_terms & term_set(hit.chunk.section)) / len(topic_terms) if topic_terms else 0.0
        lead = 1 if scores.texts and scores.texts[0].strip() == hit.chunk.section.strip() else -1
        for i, (span, text, dense, cov) in enumerate(
            zip(scores.spans, scores.texts, scores.dense, carried_coverage(hit.chunk.clean_text, scores), strict=True)
        ):
            if len(text.split()) < 4 or text.strip() == hit.chunk.section.strip() or text.rstrip().endswith(":"):
                continue  # headings, stray words, and sentences that only introduce a list
            if _SHORT_ITEM.match(text):
                continue  # a list item of a few words ('- Stadens offentliga miljö') says nothing alone
            if scores.kinds and scores.kinds[i] not in (CONTENT, PROCEDURE):
                continue  # letterheads, contact blocks, signatures: no one's view, whatever is asked
            is_retold = (hit.chunk.id, span) in retold
            position = NO_POSITION if is_retold else classify(text)
            handling = (scores.kinds and scores.kinds[i] == PROCEDURE) or is_procedural(text)
            if position is NO_POSITION and handling and not procedure:
                continue  # how the referral was handled ('Ärendet har beretts av Staben …') is no one's view
            compound = topic_coverage(weights, term_set(text)) if weights else 0.0  # 'polis' in 'Polisregion'
            covered = max(float(cov), compound, HEADING_WEIGHT * heading)
            relevance = 0.5 * (dense - lo) / ((hi - lo) or 1.0) + 0.5 * covered - 0.05 * rank
            relevance += LEAD_BONUS if i == lead else 0.0  # a section's first sentence states its subject
            bonus = POSITION_BONUS[position.label] if position.stated and opinion else 0.0
            if prefer and position.label == prefer and position.stated:
                bonus += ASKED_BONUS
            if general or prefer:
                bonus *= GENERAL_BONUS_SCALE
            if general and position.stated and _SUMMARY.match(fold(hit.chunk.section.strip().lower())):
                bonus += SUMMARY_BONUS  # a whole view is stated where the responder sums itself up
            if general and position.stated and (is_verdict(text) or praises_whole(text)):
                bonus += VERDICT_BONUS
            candidates.append((relevance + bonus, relevance, rank, hit, span, text, position))
            if covered > 0:
                on_topic[(hit.chunk.id, span)] = relevance
    if not candidates:
        return []
    best_relevance = max(c[1] for c in candidates)
    floor = -np.inf if general else (OPINION_FLOOR if opinion else RELEVANCE_FLOOR) * best_relevance
    eligible = sorted((c for c in candidates if c[1] >= floor), key=lambda c: -c[0])
    if opinion:  # among the relevant sentences, those stating a view come first
        eligible.sort(key=lambda c: (-_rank_of(c[6], prefer), -c[0]))

    if general and eligible:  # a whole view: its main position, then its main reservation or praise
        head, first = eligible[0], eligible[0][6].label

        def same_or_none(c: _Candidate) -> bool:
            return c[6].label == first or not _rank_of(c[6], None)

        eligible = [head, *sorted(eligible[1:], key=same_or_none)]
    out: list[tuple[Hit, tuple[int, int]]] = []
    seen: list[frozenset[str]] = []
    for _, _, _, hit, span, text, _ in eligible:
        words = term_set(text)
        if any(len(words & other) > NEAR_DUPLICATE * min(len(words), len(other)) for other in seen):
            continue  # overlapping chunks repeat sentences, and summaries repeat the conclusions
        seen.append(words)
        out.append((hit, span))
        if len(out) >= SENTENCES_PER_RESPONDER:
            break
    if out and not general:  # the fact asked for often stands next to the sentence chosen
        hit, span = out[0]
        relevance = {s: r for (cid, s), r in on_topic.items() if cid == hit.chunk.id}
        extra = adjacent_sentence(span, sentences[hit.chunk.id].spans, relevance, NEIGHBOUR_FLOOR * best_relevance)
        # it takes the second sentence's place when it holds more of the topic the first lacks (it may be
        # chosen already, further down)
        if extra is not None and (
            len(out) == 1 or (out[1] != (hit, extra) and _adds_more(sentences, weights, out, extra))
        ):
            rest = [o for o in out[2:] if o != (hit, extra)]
            out = [*sorted([out[0], (hit, extra)], key=lambda o: o[1]), *rest]  # the two in the order written
    return out


def _adds_more(
    sentences: dict[str, SentenceScores],
    weights: Mapping[str, float] | None,
    out: list[tuple[Hit, tuple[int, int]]],
    neighbour: tuple[int, int],
) -> bool:
    """Whether the first sentence's neighbour holds more of the topic the first lacks than the second sentence does."""
    if not weights:
        return False
    first = term_set(_text(sentences, out[0]))
    near = term_set(_text(sentences, (out[0][0], neighbour)))
    return added_coverage(weights, first, near) > added_coverage(weights, first, term_set(_text(sentences, out[1])))


def _text(sentences: dict[str, SentenceScores], chosen: tuple[Hit, tuple[int, int]]) -> str:
    hit, span = chosen
    scores = sentences[hit.chunk.id]
    return scores.texts[scores.spans.index(span)]


def _rank_of(position: Position, prefer: Label | None) -> int:
    """3 for the kind of view asked about, 2 for another coloured view, 1 for 'anser' and the like, 0 for background."""
    if not position.stated:
        return 0
    if position.label == "neutral":
        return 1
    return 3 if position.label == prefer else 2
