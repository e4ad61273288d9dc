"""Fit the second stage's weights (rerank.Weights) by grouped cross-validation on question sets.

First-stage retrieval runs once per answerable question; each candidate's feature row
(rerank.FeatureScorer.features) is labelled relevant when its span reaches a gold quote
(eval.gold, eval.metrics: the same matching `trygg eval` uses). A logistic regression is
fitted in folds that keep each question's candidates together; the figures printed are the
held-out folds' hit@1, hit@5 and MRR@10 (fusion alone, the current Weights, the fitted
model), per file and tag. The last line gives the weights fitted on all the questions.

    python bench/fit_second_stage.py eval/questions.jsonl eval/questions_fit.jsonl   (uses TRYGG_HOME)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant.core import Assistant
from assistant.rerank import FEATURES, Weights
from assistant.settings import load_settings
from eval.gold import Corpus, load_cases, locate_cases
from eval.metrics import reached

FOLDS = 5


def _ranks(scores: np.ndarray, relevant: np.ndarray) -> tuple[float, float, float]:
    order = np.argsort(-scores, kind="stable")
    hits = relevant[order]
    first = int(np.argmax(hits)) if hits.any() else None
    return (
        float(first == 0),
        float(first is not None and first < 5),
        1.0 / (first + 1) if first is not None and first < 10 else 0.0,
    )


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [Path("eval/questions.jsonl")]
    settings = load_settings()
    assistant = Assistant(settings)
    corpus = Corpus(settings.corpus)
    groups: list[tuple[str, tuple[str, ...], np.ndarray, np.ndarray, np.ndarray]] = []
    for path in paths:
        cases = [c for c in load_cases(path) if c.answerable and c.expected]
        gold = locate_cases(cases, corpus)
        for case in cases:
            q = assistant.understand(case.question)
            ranking = assistant.rank(q.query, rerank=False, allow_furniture=q.asks_procedure)
            hits = ranking.hits
            if not hits:
                continue
            rows = ranking.scorer.features(q.query, hits, ranking.sentences)
            relevant = np.array(
                [
                    bool(reached({"source": h.chunk.source, "start": h.chunk.start, "end": h.chunk.end}, gold[case.id]))
                    for h in hits
                ]
            )
            fused = np.array([h.score for h in hits])
            groups.append((path.stem, case.tags, rows, relevant, fused))
    x = np.vstack([g[2] for g in groups])
    y = np.concatenate([g[3] for g in groups])
    owner = np.concatenate([[i] * len(g[3]) for i, g in enumerate(groups)])
    print(f"{len(groups)} questions, {len(x)} candidates, {int(y.sum())} relevant")

    current = Weights()
    results: dict[str, dict[str, list[tuple[float, float, float]]]] = defaultdict(lambda: defaultdict(list))
    for train, test in GroupKFold(FOLDS).split(x, y, owner):
        model = LogisticRegression(C=1.0, max_iter=2000).fit(x[train], y[train])
        for i in sorted(set(owner[test])):
            name, tags, rows, relevant, fused = groups[i]
            for label, scores in (
                ("fusion", fused),
                ("current", current.score(rows)),
                ("fitted", rows @ model.coef_[0]),
            ):
                for key in (name, *(f"{name}:{t}" for t in tags)):
                    results[key][label].append(_ranks(scores, relevant))
    for key in sorted(results):
        line = f"{key:<32} n={len(results[key]['fusion']):<4}"
        for label in ("fusion", "current", "fitted"):
            h1, h5, mrr = np.mean(results[key][label], axis=0)
            line += f"  {label} {h1:.2f}/{h5:.2f}/{mrr:.2f}"
        print(line)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    scale = 6.0 / model.coef_[0][0] if model.coef_[0][0] > 0 else 1.0  # dense weight kept at 6 for readability
    print(
        "Weights("
        + ", ".join(f"{name}={w * scale:.2f}" for name, w in zip(FEATURES, model.coef_[0], strict=True))
        + ")"
    )


if __name__ == "__main__":
    main()
