"""Evaluation metrics: pure functions of one answer (as `trygg ask --json` prints it) and its gold.

Definitions, per case:

* A passage or citation *reaches* a gold quote when it comes from the same file and its
  character span [start, end) overlaps one of the quote's spans (a quote found in several
  places may be reached at any of them). A passage is *relevant* when it reaches any quote.
* hit@k: 1 when a relevant passage is among the first k, else 0.
* MRR@10: 1 / rank of the first relevant passage within the first 10, else 0.
* nDCG@10: binary gain. Neighbouring chunks overlap, so one quote can make several passages
  relevant; to keep a perfect ranking at exactly 1, a passage gains 1 only when it reaches a
  quote that no higher-ranked passage reached. DCG = sum of gain_i / log2(i + 1) over ranks
  i = 1..10; the ideal DCG puts min(#gold quotes, 10) gains at ranks 1, 2, ...
* fact recall: share of `must_include` facts found in the answer text; a fact "a|b" is found
  when either alternative is. Both sides are folded first (see `fold`).
* citation precision: share of the answer's citations (their chunk spans) that reach a gold
  quote; undefined (None, left out of averages) when the answer cites nothing.
* citation recall: share of gold quotes reached by some citation.
* abstention correct: an answerable question was answered, an out-of-scope one was not.

Retrieval, answer and citation metrics are averaged over answerable cases only; out-of-scope
cases count only in abstention accuracy. A question that raised an error scores 0 on every
metric (and its abstention counts as wrong), so errors never flatter a run.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from eval.gold import Case, GoldQuote
from vectorstore.analyzer import fold as analyzer_fold

# The metric names, in the order reports show them.
RETRIEVAL_METRICS = ("hit@1", "hit@5", "mrr@10", "ndcg@10")
ANSWER_METRICS = ("fact_recall", "citation_precision", "citation_recall")
METRICS = (*RETRIEVAL_METRICS, *ANSWER_METRICS, "abstention_accuracy")
STAGES = ("retrieve", "rerank", "answer", "total")
CUTOFF = 10

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def fold(text: str) -> str:
    """The analyzer's fold (lower case, no diacritics), dashes unified, whitespace collapsed."""
    return " ".join(_DASHES.sub("-", analyzer_fold(unicodedata.normalize("NFKC", text))).split())


def overlaps(source: str, start: int, end: int, quote: GoldQuote) -> bool:
    """Tell whether [start, end) of `source` overlaps one of the quote's spans."""
    return any(s.source == source and start < s.end and s.start < end for s in quote.spans)


def reached(item: Mapping[str, Any], gold: Sequence[GoldQuote]) -> frozenset[int]:
    """Return the indices of the gold quotes a passage or citation (source/start/end) reaches."""
    source, start, end = str(item["source"]), int(item["start"]), int(item["end"])
    return frozenset(i for i, q in enumerate(gold) if overlaps(source, start, end, q))


def hit_at(relevant: Sequence[bool], k: int) -> float:
    """1.0 when any of the first k passages is relevant."""
    return 1.0 if any(relevant[:k]) else 0.0


def mrr_at(relevant: Sequence[bool], k: int = CUTOFF) -> float:
    """Reciprocal rank of the first relevant passage within the first k, else 0."""
    for rank, rel in enumerate(relevant[:k], start=1):
        if rel:
            return 1.0 / rank
    return 0.0


def ndcg_at(reaches: Sequence[frozenset[int]], n_gold: int, k: int = CUTOFF) -> float:
    """nDCG@k where a passage gains 1 for reaching a gold quote not reached higher up."""
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(n_gold, k) + 1))
    if ideal == 0:
        return 0.0
    seen: set[int] = set()
    dcg = 0.0
    for rank, quotes in enumerate(reaches[:k], start=1):
        if quotes - seen:
            dcg += 1.0 / math.log2(rank + 1)
            seen |= quotes
    return min(dcg / ideal, 1.0)


def fact_recall(answer: str, must_include: Sequence[str]) -> float | None:
    """Share of facts ("a|b" = either) found in the answer; None when there are none to find."""
    if not must_include:
        return None
    text = fold(answer)
    found = sum(1 for fact in must_include if any(fold(alt) in text for alt in fact.split("|") if alt.strip()))
    return found / len(must_include)


def citation_precision(citations: Sequence[Mapping[str, Any]], gold: Sequence[GoldQuote]) -> float | None:
    """Share of citations that reach a gold quote; None when nothing is cited."""
    if not citations:
        return None
    return sum(1 for c in citations if reached(c, gold)) / len(citations)


def citation_recall(citations: Sequence[Mapping[str, Any]], gold: Sequence[GoldQuote]) -> float | None:
    """Share of gold quotes reached by some citation; None when there is no gold."""
    if not gold:
        return None
    covered: set[int] = set()
    for c in citations:
        covered |= reached(c, gold)
    return len(covered) / len(gold)


def abstention_correct(answerable: bool, abstained: bool) -> bool:
    """Tell whether an answerable question was answered or an out-of-scope one declined."""
    return abstained != answerable


@dataclass(frozen=True)
class CaseScore:
    """The metrics of one case; retrieval/answer metrics are None for out-of-scope cases."""

    id: str
    tags: tuple[str, ...]
    answerable: bool
    abstained: bool
    abstention_correct: bool
    metrics: dict[str, float | None] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)
    first_relevant_rank: int | None = None
    error: str = ""

    @property
    def failed(self) -> bool:
        """Fail on an error, a wrong abstention, nothing relevant in the top 5 or a missed fact."""
        if self.error or not self.abstention_correct:
            return True
        if not self.answerable:
            return False
        recall = self.metrics.get("fact_recall")
        return self.metrics.get("hit@5") == 0.0 or (recall is not None and recall < 1.0)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict, with `failed` spelled out."""
        row = asdict(self)
        row["tags"] = list(self.tags)
        row["failed"] = self.failed
        return row


def score_case(case: Case, gold: Sequence[GoldQuote], result: Mapping[str, Any]) -> CaseScore:
    """Score one answer (a `trygg ask --json` object, or one with an "error") against its case."""
    error = str(result.get("error") or "")
    abstained = bool(result.get("abstained", False))
    timings = {str(k): float(v) for k, v in (result.get("timings_ms") or {}).items()}
    if error:
        metrics: dict[str, float | None] = {}
        if case.answerable:
            metrics = {name: 0.0 for name in (*RETRIEVAL_METRICS, *ANSWER_METRICS)}
            if not case.must_include:
                metrics["fact_recall"] = None
        return CaseScore(case.id, case.tags, case.answerable, abstained, False, metrics, timings, None, error)
    correct = abstention_correct(case.answerable, abstained)
    if not case.answerable:
        return CaseScore(case.id, case.tags, False, abstained, correct, {}, timings)
    passages = sorted(result.get("passages") or [], key=lambda p: int(p["rank"]))
    reaches = [reached(p, gold) for p in passages]
    relevant = [bool(r) for r in reaches]
    citations = result.get("citations") or []
    metrics = {
        "hit@1": hit_at(relevant, 1),
        "hit@5": hit_at(relevant, 5),
        "mrr@10": mrr_at(relevant, CUTOFF),
        "ndcg@10": ndcg_at(reaches, len(gold), CUTOFF),
        "fact_recall": fact_recall(str(result.get("answer") or ""), case.must_include),
        "citation_precision": citation_precision(citations, gold),
        "citation_recall": citation_recall(citations, gold),
    }
    first = next((rank for rank, rel in enumerate(relevant, start=1) if rel), None)
    return CaseScore(case.id, case.tags, True, abstained, correct, metrics, timings, first)


def mean(values: Iterable[float | None]) -> float | None:
    """Average the values that are not None; None when there are none."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def summarise(scores: Sequence[CaseScore]) -> dict[str, Any]:
    """Averages of every metric over a group of cases, with its counts."""
    answerable = [s for s in scores if s.answerable]
    out: dict[str, Any] = {
        name: mean(s.metrics.get(name) for s in answerable) for name in (*RETRIEVAL_METRICS, *ANSWER_METRICS)
    }
    out["abstention_accuracy"] = mean(1.0 if s.abstention_correct else 0.0 for s in scores)
    out["n"] = len(scores)
    out["n_answerable"] = len(answerable)
    out["n_failed"] = sum(1 for s in scores if s.failed)
    out["n_errors"] = sum(1 for s in scores if s.error)
    return out


def percentile(values: Sequence[float], q: float) -> float | None:
    """Return the q-th percentile (0..100), interpolated linearly (numpy's default)."""
    return float(np.percentile(values, q)) if len(values) else None


def latency(scores: Sequence[CaseScore]) -> dict[str, dict[str, float | None]]:
    """p50, p95 and mean in milliseconds of each stage and the total, over cases that ran."""
    out: dict[str, dict[str, float | None]] = {}
    for stage in STAGES:
        values = [s.timings_ms[stage] for s in scores if stage in s.timings_ms and not s.error]
        out[stage] = {
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "mean": mean(values),
        }
    return out


def aggregate(scores: Sequence[CaseScore]) -> dict[str, Any]:
    """Overall and per-tag averages, latency, and every case's scores: the body of metrics.json."""
    tags = sorted({t for s in scores for t in s.tags})
    return {
        "overall": summarise(scores),
        "per_tag": {tag: summarise([s for s in scores if tag in s.tags]) for tag in tags},
        "latency_ms": latency(scores),
        "cases": [s.to_json() for s in scores],
    }
