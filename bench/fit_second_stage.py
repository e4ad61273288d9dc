"""Fit the second stage's weights (rerank.Weights) by grouped cross-validation on question sets.

First-stage retrieval runs once per answerable question; each candidate's feature row
(rerank.FeatureScorer.features) is labelled relevant when its span reaches a gold quote
(eval.gold, eval.metrics: the same matching `trygg eval` uses). A logistic regression is
fitted in folds that keep each question's candidates together; the figures printed are the
held-out folds' hit@1, hit@5 and MRR@10 (fusion alone, the current Weights, the fitted
model), per file and tag. The last line gives the weights fitted on all the questions.

    python bench/fit_second_stage.py eval/questions.jsonl eval/questions_fit.jsonl   (uses TRYGG_HOME)
    python bench/fit_second_stage.py --pool read   (the README's read pool: eval/pools.py)
"""

from __future__ import annotations

import sys
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant.core import Assistant
from assistant.rerank import FEATURES, Weights
from assistant.settings import load_settings
from eval.candidates import first_stage, rank_figures
from eval.pools import question_files

FOLDS = 5


def main() -> None:
    files = question_files(sys.argv[1:])
    assistant = Assistant(load_settings())
    groups: list[tuple[str, tuple[str, ...], np.ndarray, np.ndarray, np.ndarray]] = []
    for found in first_stage(assistant, files):
        hits = found.ranking.hits
        rows = found.ranking.scorer.features(found.question.query, hits, found.ranking.sentences, found.ranking.terms)
        fused = np.array([h.score for h in hits])
        groups.append((found.file, found.case.tags, rows, found.relevant, fused))
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
                    results[key][label].append(rank_figures(scores, relevant))
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
