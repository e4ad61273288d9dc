"""Fit the second stage's weights and the abstention threshold on a question set.

Runs first-stage retrieval once per question, keeps each candidate's signal vector, then
searches weight settings offline and prints hit@1 / MRR@10 for fusion alone and for the
best weights, and the evidence scores of answerable vs out-of-scope questions.

    python bench/tune_second_stage.py [eval/questions.jsonl]   (uses TRYGG_HOME's store)
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np

from assistant.core import Assistant
from assistant.rerank import Weights
from assistant.settings import load_settings


def squeeze(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed text and the raw offset of each of its characters."""
    out, pos = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
        pos.append(i)
    return "".join(out), pos


def gold_spans(case: dict, corpus: Path) -> list[tuple[str, int, int]]:
    spans = []
    for quote in case["expected"]:
        files = [quote["source"]] if quote.get("source") else sorted(p.name for p in corpus.glob("*.txt"))
        q = " ".join(quote["quote"].split())
        for name in files:
            text, pos = squeeze((corpus / name).read_text(encoding="utf-8"))
            at = text.find(q)
            if at >= 0:
                spans.append((name, pos[at], pos[at + len(q) - 1] + 1))
    return spans


def relevant(hit_source: str, start: int, end: int, gold: list[tuple[str, int, int]]) -> bool:
    return any(s == hit_source and start < b and a < end for s, a, b in gold)


def metrics(rankings: list[list[bool]]) -> tuple[float, float, float]:
    hit1 = np.mean([r[0] if r else False for r in rankings])
    hit5 = np.mean([any(r[:5]) for r in rankings])
    mrr = np.mean([next((1 / (i + 1) for i, x in enumerate(r[:10]) if x), 0.0) for r in rankings])
    return float(hit1), float(hit5), float(mrr)


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/questions.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    settings = load_settings()
    assistant = Assistant(settings)
    scorer = assistant.scorer()
    data = []
    for case in cases:
        ranking = assistant.rank(case["question"], rerank=False)
        hits = ranking.hits
        feats = scorer.features(case["question"], hits, ranking.sentences)
        gold = gold_spans(case, settings.corpus)
        rel = [relevant(h.chunk.source, h.chunk.start, h.chunk.end, gold) for h in hits]
        data.append((case, feats, rel))

    answerable = [(c, f, r) for c, f, r in data if c["answerable"]]
    fusion = metrics([r for _, _, r in answerable])
    print(f"fusion only: hit@1 {fusion[0]:.3f} hit@5 {fusion[1]:.3f} MRR@10 {fusion[2]:.3f}")

    grid = {
        "dense": [2.0, 4.0, 6.0, 8.0],
        "sentence_dense": [0.0, 2.0, 4.0, 6.0],
        "coverage": [0.0, 0.5, 1.0],
        "proximity": [0.0, 0.5, 1.0],
        "responder": [0.0, 0.3, 0.6],
        "lexical": [0.0, 0.5],
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
