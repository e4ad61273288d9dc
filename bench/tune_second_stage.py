"""Fit the second stage's weights and the abstention threshold on a question set.

Runs first-stage retrieval once per question (gold spans and metrics from eval/, exactly what
`trygg eval` reports), keeps each candidate's signal vector, then
searches weight settings offline and prints hit@1 / MRR@10 for fusion alone and for the
best weights, and the evidence scores of answerable vs out-of-scope questions.

    python bench/tune_second_stage.py [eval/questions.jsonl]   (uses TRYGG_HOME's store)
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np

from assistant.core import Assistant
from assistant.rerank import Weights
from assistant.settings import load_settings
from eval.metrics import CUTOFF, hit_at, mrr_at, reached
from eval.run import prepare


def metrics(rankings: list[list[bool]]) -> tuple[float, float, float]:
    """hit@1, hit@5 and MRR@10 as `trygg eval` computes them (eval.metrics)."""
    return (
        float(np.mean([hit_at(r, 1) for r in rankings])),
        float(np.mean([hit_at(r, 5) for r in rankings])),
        float(np.mean([mrr_at(r, CUTOFF) for r in rankings])),
    )


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/questions.jsonl")
    settings = load_settings()
    cases, gold = prepare(settings, path)  # the gold spans `trygg eval` scores against
    assistant = Assistant(settings)
    scorer = assistant.scorer()
    data = []
    for case in cases:
        ranking = assistant.rank(case.question, rerank=False)
        hits = ranking.hits
        feats = scorer.features(case.question, hits, ranking.sentences)
        rel = [bool(reached(asdict(h.chunk), gold[case.id])) for h in hits]
        data.append((case, feats, rel))

    answerable = [(c, f, r) for c, f, r in data if c.answerable]
    fusion = metrics([r for _, _, r in answerable])
    print(f"fusion only: hit@1 {fusion[0]:.3f} hit@5 {fusion[1]:.3f} MRR@10 {fusion[2]:.3f}")

    grid = {
        "dense": [2.0, 4.0, 6.0, 8.0],
        "coverage": [0.0, 0.5, 1.0],
        "proximity": [0.0, 0.5, 1.0],
        "responder": [0.0, 0.3, 0.6],
    }
    best = None
    for combo in itertools.product(*grid.values()):
        w = np.array(combo)
        ranks = []
        for _, feats, rel in answerable:
            order = np.argsort(-(feats @ w), kind="stable")
            ranks.append([rel[i] for i in order])
        score = metrics(ranks)
        key = (score[2] + score[0], score)
        if best is None or key[0] > best[0][0]:
            best = (key, combo)
    assert best is not None
    (_, (h1, h5, mrr)), combo = best
    print(f"best weights {dict(zip(grid, combo, strict=True))}: hit@1 {h1:.3f} hit@5 {h5:.3f} MRR@10 {mrr:.3f}")
    current = np.array([getattr(Weights(), k) for k in grid])
    ranks = [[rel[i] for i in np.argsort(-(f @ current), kind="stable")] for _, f, rel in answerable]
    print("current weights: hit@1 {:.3f} hit@5 {:.3f} MRR@10 {:.3f}".format(*metrics(ranks)))


if __name__ == "__main__":
    main()
