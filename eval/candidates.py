"""First-stage candidates of a question set, each marked relevant or not, for the second-stage benches.

Each answerable question runs the real first stage (Assistant.rank without the second stage) on
the question as the record reads it; a candidate is relevant when its span reaches a gold quote,
the same matching `trygg eval` uses. bench/fit_second_stage.py and bench/paraphrase_options.py
re-score these rows offline.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.core import Assistant, Ranking
from assistant.question import Question
from eval.gold import Case, Corpus, locate_cases
from eval.metrics import CUTOFF, reached


@dataclass(frozen=True)
class Candidates:
    """One question's first-stage candidates and which of them reach its gold quotes."""

    file: str  # the question set's file stem
    case: Case
    question: Question
    ranking: Ranking
    relevant: np.ndarray  # bool per candidate, in ranking order


def first_stage(assistant: Assistant, files: Sequence[tuple[Path, Sequence[Case]]]) -> Iterator[Candidates]:
    """The candidates of every answerable question with gold quotes among each file's cases (eval.pools)."""
    corpus = Corpus(assistant.settings.corpus)
    for path, chosen in files:
        cases = [c for c in chosen if c.answerable and c.expected]
        gold = locate_cases(cases, corpus)
        for case in cases:
            q = assistant.understand(case.question)
            ranking = assistant.rank(q.query, rerank=False, furniture=q.furniture_asked, names=q.unweighted_terms)
            if not ranking.hits:
                continue
            relevant = np.array(
                [
                    bool(reached({"source": h.chunk.source, "start": h.chunk.start, "end": h.chunk.end}, gold[case.id]))
                    for h in ranking.hits
                ]
            )
            yield Candidates(path.stem, case, q, ranking, relevant)


def rank_figures(scores: np.ndarray, relevant: np.ndarray) -> tuple[float, float, float]:
    """hit@1, hit@5 and MRR@10 of the candidates ordered by score (ties keep ranking order)."""
    hits = relevant[np.argsort(-scores, kind="stable")]
    first = int(np.argmax(hits)) if hits.any() else None
    return (
        float(first == 0),
        float(first is not None and first < 5),
        1.0 / (first + 1) if first is not None and first < CUTOFF else 0.0,
    )
