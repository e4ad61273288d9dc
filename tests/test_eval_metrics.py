"""The evaluation metrics on hand-made cases, and an independent re-computation of a full run."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import BUNDLED_CORPUS, PROJECT_ROOT, load_settings
from eval.gold import (
    Case,
    Corpus,
    Expected,
    GoldError,
    GoldQuote,
    GoldSpan,
    find_spans,
    load_cases,
    locate_cases,
)
from eval.metrics import (
    abstention_correct,
    aggregate,
    citation_precision,
    citation_recall,
    fact_recall,
    fold,
    hit_at,
    mrr_at,
    ndcg_at,
    percentile,
    score_case,
    summarise,
)
from eval.run import run_eval
from tests.eval_helpers import ScriptedAsker, independent_retrieval_scores

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"


def quote(source: str, *spans: tuple[int, int]) -> GoldQuote:
    return GoldQuote("q", tuple(GoldSpan(source, a, b) for a, b in spans))


def passage(rank: int, source: str, start: int, end: int) -> dict[str, object]:
    return {"rank": rank, "source": source, "start": start, "end": end, "text": "", "score": 0.0}


# --- gold spans ---------------------------------------------------------------------------


def test_quote_is_found_whatever_its_whitespace() -> None:
    text = "Inledning.\n\nKommunstyrelsen har  begärt\nnämndens yttrande. Slut."
    spans = find_spans("Kommunstyrelsen har begärt nämndens\n yttrande.", text)
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == "Kommunstyrelsen har  begärt\nnämndens yttrande."


def test_quote_without_source_is_searched_in_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ingenting här.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Först.\nTrafiknämnden  tillstyrker\nförslaget.", encoding="utf-8")
    found = Corpus(tmp_path).locate(Expected("Trafiknämnden tillstyrker förslaget."))
    assert [s.source for s in found.spans] == ["b.txt"]
    span = found.spans[0]
    text = (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert text[span.start : span.end] == "Trafiknämnden  tillstyrker\nförslaget."


def test_missing_quote_raises_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Bara det här.", encoding="utf-8")
    case = Case("q9", "Fråga?", True, (Expected("Något helt annat", "a.txt"),))
    with pytest.raises(GoldError, match=r"q9.*a\.txt.*Något helt annat"):
        locate_cases([case], Corpus(tmp_path))
    with pytest.raises(GoldError, match="finns inte"):
        Corpus(tmp_path).locate(Expected("x", "saknas.txt"))


def test_malformed_question_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "x"}\n{"question": "saknar id"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="rad 2"):
        load_cases(path)


def test_every_gold_quote_of_the_question_set_is_in_the_corpus() -> None:
    cases = load_cases(QUESTIONS)
    gold = locate_cases(cases, Corpus(BUNDLED_CORPUS))
    assert len(cases) == 143
    texts = {p.name: p.read_text(encoding="utf-8") for p in BUNDLED_CORPUS.iterdir()}
    for case in cases:
        for expected, located in zip(case.expected, gold[case.id], strict=True):
            for span in located.spans:
                assert texts[span.source][span.start : span.end].split() == expected.quote.split()


# --- ranking metrics ----------------------------------------------------------------------


def test_hit_and_mrr() -> None:
    relevant = [False, False, True, False, True]
    assert hit_at(relevant, 1) == 0.0
    assert hit_at(relevant, 3) == 1.0
    assert hit_at(relevant, 5) == 1.0
    assert mrr_at(relevant, 10) == pytest.approx(1 / 3)
    assert mrr_at(relevant, 2) == 0.0
    assert mrr_at([False] * 12 + [True], 10) == 0.0
    assert mrr_at([], 10) == 0.0


def test_ndcg_counts_each_gold_quote_once() -> None:
    # One quote, found at rank 2: DCG = 1/log2(3), ideal = 1.
    assert ndcg_at([frozenset(), frozenset({0})], 1) == pytest.approx(1 / math.log2(3))
    # Two overlapping chunks both reach the only quote: still a perfect 1, not more.
    assert ndcg_at([frozenset({0}), frozenset({0})], 1) == pytest.approx(1.0)
    # Two quotes reached at ranks 1 and 3.
    expected = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert ndcg_at([frozenset({0}), frozenset(), frozenset({1})], 2) == pytest.approx(expected)
    # Beyond the cut-off nothing counts; no gold gives 0.
    assert ndcg_at([frozenset()] * 10 + [frozenset({0})], 1) == 0.0
    assert ndcg_at([frozenset({0})], 0) == 0.0


def test_passage_relevance_needs_same_file_and_overlap() -> None:
    gold = [quote("a.txt", (100, 200))]
    result = {
        "answer": "",
        "abstained": False,
        "citations": [],
        "passages": [
            passage(1, "b.txt", 100, 200),  # other file
            passage(2, "a.txt", 0, 100),  # touches, does not overlap: [0,100) vs [100,200)
            passage(3, "a.txt", 199, 400),  # overlaps by one character
        ],
    }
    case = Case("x", "?", True, (Expected("q", "a.txt"),), ("fakta",))
    score = score_case(case, gold, result)
    assert score.metrics["hit@1"] == 0.0
    assert score.metrics["hit@5"] == 1.0
    assert score.metrics["mrr@10"] == pytest.approx(1 / 3)
    assert score.first_relevant_rank == 3


def test_a_quote_found_twice_may_be_reached_at_either_place() -> None:
    gold = [quote("a.txt", (10, 20), (500, 520))]
    result = {
        "answer": "",
        "abstained": False,
        "citations": [],
        "passages": [passage(1, "a.txt", 505, 600)],
    }
    score = score_case(Case("x", "?", True, (Expected("q"),)), gold, result)
    assert score.metrics["hit@1"] == 1.0


# --- answer metrics -----------------------------------------------------------------------


def test_fold_removes_case_diacritics_and_spacing() -> None:
    assert fold("  Årsta  ÖVERENSKOMMELSE\nCafé ") == "arsta overenskommelse cafe"
    assert fold("2024–2027") == fold("2024-2027")


def test_fact_recall_with_alternatives_and_diacritics() -> None:
    answer = "Trafiknamnden svarade den 2023-10-27 att Polisregion  Stockholm deltar."
    facts = [
        "trafiknämnden|trafiknämnd",
        "27 oktober 2023|2023-10-27",
        "polisregion stockholm",
        "Idrottsnämnden",
    ]
    assert fact_recall(answer, facts) == pytest.approx(3 / 4)
    assert fact_recall(answer, []) is None
    assert fact_recall("", ["x"]) == 0.0


def test_citation_precision_and_recall() -> None:
    gold = [quote("a.txt", (0, 50)), quote("b.txt", (0, 50))]
    good = {"source": "a.txt", "start": 40, "end": 90}
    bad = {"source": "a.txt", "start": 60, "end": 90}
    assert citation_precision([good, bad], gold) == 0.5
    assert citation_recall([good, bad], gold) == 0.5
    assert citation_precision([], gold) is None
    assert citation_recall([], gold) == 0.0
    both = [good, {"source": "b.txt", "start": 0, "end": 10}]
    assert citation_recall(both, gold) == 1.0


def test_abstention_is_right_when_it_matches_answerability() -> None:
    assert abstention_correct(answerable=True, abstained=False)
    assert abstention_correct(answerable=False, abstained=True)
    assert not abstention_correct(answerable=True, abstained=True)
    assert not abstention_correct(answerable=False, abstained=False)


# --- aggregation --------------------------------------------------------------------------


def _scores() -> list:
    gold = [quote("a.txt", (0, 100))]
    answerable = Case("a1", "?", True, (Expected("q", "a.txt"),), ("Positiv",), ("fakta", "opinion"))
    missed = Case("a2", "?", True, (Expected("q", "a.txt"),), ("saknas",), ("fakta",))
    outside = Case("o1", "?", False, (), (), ("out_of_scope",))
    broken = Case("e1", "?", True, (Expected("q", "a.txt"),), ("x",), ("fakta",))
    return [
        score_case(
            answerable,
            gold,
            {
                "answer": "Förvaltningen är positiv.",
                "abstained": False,
                "citations": [{"source": "a.txt", "start": 0, "end": 80}],
                "passages": [passage(1, "a.txt", 0, 80)],
                "timings_ms": {"retrieve": 10, "rerank": 2, "answer": 1, "total": 13},
            },
        ),
        score_case(
            missed,
            gold,
            {
                "answer": "Något annat.",
                "abstained": False,
                "citations": [{"source": "a.txt", "start": 500, "end": 580}],
                "passages": [passage(r, "a.txt", 500 + r * 100, 590 + r * 100) for r in range(1, 6)]
                + [passage(6, "a.txt", 50, 120)],
                "timings_ms": {"retrieve": 20, "rerank": 2, "answer": 1, "total": 23},
            },
        ),
        score_case(
            outside,
            [],
            {"answer": "Jag hittar inget svar.", "abstained": False, "timings_ms": {"total": 5}},
        ),
        score_case(broken, gold, {"error": "Frågan är för lång", "abstained": False}),
    ]


def test_out_of_scope_counts_only_in_abstention_and_errors_score_zero() -> None:
    scores = _scores()
    overall = summarise(scores)
    assert overall["n"] == 4 and overall["n_answerable"] == 3 and overall["n_errors"] == 1
    # answerable: hit@5 = 1, 0, 0 (error); the out-of-scope case is not averaged in.
    assert overall["hit@5"] == pytest.approx(1 / 3)
    assert overall["mrr@10"] == pytest.approx((1 + 1 / 6 + 0) / 3)
    assert overall["fact_recall"] == pytest.approx(1 / 3)
    # precision: 1 and 0 where something was cited, and 0 for the error.
    assert overall["citation_precision"] == pytest.approx(1 / 3)
    # abstention: right, right, wrong (answered out of scope), wrong (error).
    assert overall["abstention_accuracy"] == pytest.approx(0.5)
    assert [s.failed for s in scores] == [False, True, True, True]


def test_aggregate_has_per_tag_groups_and_latency() -> None:
    metrics = aggregate(_scores())
    assert set(metrics["per_tag"]) == {"fakta", "opinion", "out_of_scope"}
    assert metrics["per_tag"]["opinion"]["hit@5"] == 1.0
    assert metrics["per_tag"]["out_of_scope"]["hit@5"] is None
    assert metrics["per_tag"]["out_of_scope"]["abstention_accuracy"] == 0.0
    assert metrics["latency_ms"]["total"]["p50"] == pytest.approx(13.0)
    assert metrics["latency_ms"]["retrieve"]["p95"] == pytest.approx(np.percentile([10, 20], 95))
    assert len(metrics["cases"]) == 4 and metrics["cases"][1]["failed"] is True
    json.dumps(metrics)  # metrics.json must be serialisable as it is


def test_percentile_matches_numpy() -> None:
    values = [3.0, 1.0, 10.0, 7.5, 2.2, 9.9, 4.0]
    for q in (0, 5, 50, 95, 100):
        assert percentile(values, q) == pytest.approx(np.percentile(values, q))
    assert percentile([], 50) is None


# --- independent re-computation -----------------------------------------------------------


def test_metrics_json_agrees_with_an_independent_scorer(tmp_path: Path) -> None:
    """A scripted assistant answers the real set; an independent scorer checks metrics.json."""
    cases = load_cases(QUESTIONS)
    gold = locate_cases(cases, Corpus(BUNDLED_CORPUS))
    sizes = {p.name: len(p.read_text(encoding="utf-8")) for p in BUNDLED_CORPUS.iterdir()}
    names = sorted(sizes)
    script = {}
    for i, case in enumerate(cases):
        # Twelve distractor windows spread over the corpus, and the gold span at rank i % 13 + 1;
        # only the first ten are returned, so ranks 11-13 mean "not retrieved".
        spans = [(names[(i + j) % 5], (i * 311 + j * 977) % 8000, (i * 311 + j * 977) % 8000 + 700) for j in range(12)]
        spans = [(s, min(a, sizes[s] - 700), min(b, sizes[s])) for s, a, b in spans]
        if gold[case.id]:
            g = gold[case.id][0].spans[0]
            spans.insert(i % 13, (g.source, max(0, g.start - 50), g.end - 10))
        script[case.question] = (
            spans[:10],
            [1, 2],
            " ".join(case.must_include[:1]),
            not case.answerable,
        )
    settings = load_settings(home=tmp_path / "home", embedding={"backend": "fake"})
    out = tmp_path / "run"
    assert run_eval(settings, QUESTIONS, out, asker=ScriptedAsker(script)) == 0
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    independent = independent_retrieval_scores(out / "results.jsonl", QUESTIONS, BUNDLED_CORPUS)
    assert metrics["overall"]["hit@5"] == pytest.approx(independent["hit@5"], abs=0.02)
    assert metrics["overall"]["mrr@10"] == pytest.approx(independent["mrr@10"], abs=0.02)
    assert 0.2 < independent["hit@5"] < 0.9  # the script makes a mix of hits and misses
    assert (tmp_path / "home" / "eval" / "latest" / "metrics.json").exists()
