"""The rules that decide answers, table by table, on tiny hand-made inputs: fast, no model, no store.

Each row is what a user would notice: whether a question is answered or refused and why, which
passage ranks first, how a follow-up is read. The slow floor test (tests/test_eval_floor.py)
checks the same rules end to end on the question set.
"""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pytest

from assistant.answer_stream import AnswerStream
from assistant.core import Turn, resolve_follow_up
from assistant.records import Answer, Hit
from assistant.rerank import FeatureScorer, Weights
from assistant.retrieval import reciprocal_rank_fusion
from assistant.scope import Evidence, abstain_reason
from assistant.sentence_scores import SentenceScores
from assistant.settings import Thresholds
from vectorstore.lexical import IndexedChunk, LexicalIndex
from vectorstore.records import Chunk, DocMeta

TEXTS = {
    "trafik": ("Trafiknämnden", "Trafiknämnden ansvarar för gator, torg och belysning i Stockholm."),
    "skola": ("Utbildningsnämnden", "Utbildningsnämnden vill att skolgårdarna blir tryggare med fler vuxna."),
    "social": ("Socialnämnden", "Socialnämnden arbetar med 120 fältassistenter i stadens ytterområden."),
}
INDEX = LexicalIndex.build([IndexedChunk(i, t, f"{i}.txt", r, "2024–2027", 0) for i, (r, t) in TEXTS.items()])
RESPONDERS = [r for r, _ in TEXTS.values()]
THRESHOLDS = Thresholds(min_dense=0.8, min_support=0.1, weak_dense=0.85, min_dense_english=0.79)


def chunk(key: str) -> Chunk:
    responder, text = TEXTS[key]
    meta = DocMeta(title="Remissvar", responder=responder, period="2024–2027")
    return Chunk(key, f"{key}.txt", 0, len(text), text, text, "Sammanfattning", 0, meta, "sha", 1)


# --- abstention --------------------------------------------------------------------------------

SUPPORTED = Evidence(support=0.6, top_dense=0.9, sentences=(TEXTS["trafik"][1],))


@pytest.mark.parametrize(
    ("question", "evidence", "reason"),
    [
        ("Vem ansvarar för belysning på gator och torg?", SUPPORTED, ""),
        ("Vad tycker Göteborgs stad om belysning?", SUPPORTED, "okänt namn: Göteborgs"),
        ("Vad svarade kulturnämnden om belysning?", SUPPORTED, "inget remissvar från kulturnämnden"),
        ("Vad svarade trafiknämnden om belysning?", SUPPORTED, ""),
        ("Hur många lampor ska sättas upp?", SUPPORTED, "inget antal i de bästa styckena"),
        (
            "Hur många fältassistenter finns det?",
            Evidence(0.6, 0.9, (TEXTS["social"][1],)),
            "",
        ),
        ("Vem ansvarar för belysning?", Evidence(0.6, 0.79, SUPPORTED.sentences), "inget stycke liknar frågan"),
        ("Vem ansvarar för belysning?", Evidence(0.05, 0.82, SUPPORTED.sentences), "inget stycke stöder frågan"),
        ("Vem ansvarar för belysning?", Evidence(0.05, 0.86, SUPPORTED.sentences), ""),
        ("Who is responsible for the lighting?", Evidence(0.0, 0.78, ()), "inget stycke liknar frågan"),
        ("Who is responsible for the lighting?", Evidence(0.0, 0.8, ()), ""),
    ],
)
def test_abstention(question: str, evidence: Evidence, reason: str) -> None:
    assert abstain_reason(question, evidence, INDEX, RESPONDERS, THRESHOLDS) == reason


# --- second stage --------------------------------------------------------------------------------


def sentence_scores(dense: float, coverage: float) -> SentenceScores:
    return SentenceScores(((0, 1),), ("x",), np.array([dense]), np.array([coverage]))


SCORER = FeatureScorer(INDEX, {"Trafiknämnden": {"trafiknamnd"}, "Utbildningsnämnden": {"utbildningsnamnd"}})


@pytest.mark.parametrize(
    ("question", "dense", "first"),
    [
        ("Vem ansvarar för belysning?", {"trafik": 0.80, "skola": 0.82}, "trafik"),  # wording outweighs 0.02 cosine
        ("Hur blir skolgårdarna tryggare?", {"trafik": 0.85, "skola": 0.80}, "skola"),
        ("Vad vill utbildningsnämnden?", {"trafik": 0.85, "skola": 0.84}, "skola"),  # the named responder
        ("Vad gäller i staden?", {"trafik": 0.80, "skola": 0.86}, "skola"),  # no wording: meaning decides
    ],
)
def test_feature_scorer_ranks_first(question: str, dense: dict[str, float], first: str) -> None:
    hits = [Hit(chunk(k), 0.0, dense=d, lexical=1.0) for k, d in dense.items()]
    sentences = {k: sentence_scores(d, 0.0) for k, d in dense.items()}
    assert SCORER.rescore(question, np.zeros(3), hits, sentences)[0].chunk.id == first


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Vad vill utbildningsnämnden?", {"Utbildningsnämnden"}),
        ("Vad säger trafiknämnden och utbildningsnämnden?", {"Trafiknämnden", "Utbildningsnämnden"}),
        ("Vad vill nämnderna?", set()),
    ],
)
def test_named_responders(question: str, named: set[str]) -> None:
    assert SCORER.named_responders(question) == named


def test_every_weight_is_used() -> None:
    """A feature computed for every question carries weight, or it is not computed."""
    assert all(w != 0 for w in vars(Weights()).values())


# --- fusion --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rankings", "order"),
    [
        ([["a", "b"], ["b", "a"]], {"a", "b"}),  # a tie: each is first once
        ([["a", "b", "c"], ["c"]], {"c"}),  # found by both beats first in one
        ([["a", "b"], []], {"a"}),  # one retriever found nothing
        ([[], []], set()),
    ],
)
def test_reciprocal_rank_fusion_puts_first(rankings: list[list[str]], order: set[str]) -> None:
    fused = reciprocal_rank_fusion(rankings, k=60)
    best = max(fused.values(), default=None)
    assert {i for i, s in fused.items() if s == best} == order


def test_fusion_score_is_the_sum_of_reciprocal_ranks() -> None:
    assert reciprocal_rank_fusion([["a"], ["b", "a"]], k=60) == pytest.approx({"a": 1 / 61 + 1 / 62, "b": 1 / 61})


# --- follow-ups ------------------------------------------------------------------------------------

HISTORY = [Turn("Vad tycker socialnämnden om trygghetsprogrammet?")]


@pytest.mark.parametrize(
    ("question", "history", "resolved"),
    [
        ("Och vad tyckte trafiknämnden?", HISTORY, f"Och vad tyckte trafiknämnden? ({HISTORY[0].question})"),
        ("Varför det?", HISTORY, f"Varför det? ({HISTORY[0].question})"),
        ("Vad innebär det för skolorna?", HISTORY, f"Vad innebär det för skolorna? ({HISTORY[0].question})"),
        (
            "Vilka åtgärder föreslår utbildningsnämnden för tryggare skolgårdar i staden?",
            HISTORY,
            "Vilka åtgärder föreslår utbildningsnämnden för tryggare skolgårdar i staden?",
        ),
        ("Och vad tyckte trafiknämnden?", [], "Och vad tyckte trafiknämnden?"),
    ],
)
def test_resolve_follow_up(question: str, history: list[Turn], resolved: str) -> None:
    assert resolve_follow_up(question, history) == resolved


# --- the streamed answer ----------------------------------------------------------------------------

ANSWER = Answer("Fråga?", "Ett svar [1].", False, (), ())


def writing() -> Generator[str, None, Answer]:
    yield "Ett "
    yield "svar [1]."
    return ANSWER


def test_a_stream_gives_its_pieces_then_the_answer() -> None:
    stream = AnswerStream(writing())
    assert list(stream) == ["Ett ", "svar [1]."]
    assert stream.answer() is ANSWER and stream.text() == "Ett svar [1]."


def test_asking_for_the_answer_first_runs_the_stream() -> None:
    assert AnswerStream(writing()).answer() is ANSWER


def test_a_stream_left_half_way_still_finishes() -> None:
    stream = AnswerStream(writing())
    assert next(iter(stream)) == "Ett "
    assert stream.answer() is ANSWER


def test_a_finished_stream_gives_no_more_pieces() -> None:
    stream = AnswerStream(writing())
    list(stream)
    assert list(stream) == [] and stream.answer() is ANSWER
