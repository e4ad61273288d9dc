"""Fit the composer's sentence model (compose.SentenceMix) by cross-validation, and choose its budget.

A sentence is labelled relevant when it contains one of its question's must_include facts.
Retrieval and the second stage run once per answerable question; a logistic regression over
compose.FEATURES is fitted in grouped folds (all sentences of a question in one fold), and
each held-out question is composed with the fold's weights, so the figures printed are
held-out figures: fact recall and answer length per (keep ratio, sentence budget). The last
lines give the weights fitted on all the questions, to put in SentenceMix.

    python bench/fit_composer.py eval/questions.jsonl eval/questions_fit.jsonl   (uses TRYGG_HOME)
    python bench/fit_composer.py --pool read   (the README's read pool: eval/pools.py)
"""

from __future__ import annotations

import sys
from dataclasses import fields, replace

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant.compose import FEATURES, PASSAGES_CONSIDERED, SentenceMix, compose, sentence_features
from assistant.core import Assistant
from assistant.settings import load_settings
from eval.metrics import fact_recall
from eval.pools import question_files

FOLDS = 5
KEEP_RATIOS = (0.3, 0.5)
BUDGETS = (3, 4, 5)
CONFIDENT = (1.0, 0.6, 0.5, 0.4)  # 1.0: never cut short


def _mix(model: LogisticRegression, keep_ratio: float, confident: float = 1.0) -> SentenceMix:
    weights = dict(zip(FEATURES, model.coef_[0].round(3).tolist(), strict=True))
    bias = round(float(model.intercept_[0]), 3)
    return SentenceMix(bias=bias, keep_ratio=keep_ratio, confident=confident, **weights)


def main() -> None:
    files = question_files(sys.argv[1:])
    settings = load_settings()
    assistant = Assistant(settings)
    prepared = []  # (case, question record, answer hits, sentence scores)
    rows, labels, groups = [], [], []
    for _, cases in files:
        for case in cases:
            if not case.answerable or not case.must_include:
                continue
            q = assistant.understand(case.question)
            ranking = assistant.rank(q.query, furniture=q.furniture_asked, names=q.unweighted_terms)
            hits = ranking.hits[: settings.retrieval.top_k]
            hits = [h for h in hits if h.chunk.meta.responder in q.responders] or hits
            found, features = sentence_features(hits[:PASSAGES_CONSIDERED], ranking.sentences, q.answer_type, q.years)
            for sentence, row in zip(found, features, strict=True):
                rows.append(row)
                labels.append(bool(fact_recall(sentence.text, case.must_include)))
                groups.append(len(prepared))
            prepared.append((case, q, hits, ranking.sentences))
    x, y, g = np.array(rows), np.array(labels), np.array(groups)
    print(f"{len(prepared)} questions, {len(x)} candidate sentences, {int(y.sum())} with a fact")

    grid = [(k, b, c) for k in KEEP_RATIOS for b in BUDGETS for c in CONFIDENT]
    held_out: dict[tuple[float, int, float], list[tuple[float, int]]] = {g: [] for g in grid}
    baseline: list[tuple[float, int]] = []
    for train, test in GroupKFold(FOLDS).split(x, y, g):
        model = LogisticRegression(C=1.0, max_iter=1000).fit(x[train], y[train])
        for index in sorted(set(g[test])):
            case, q, hits, sentences = prepared[index]
            for keep, budget, confident in grid:
                mix = _mix(model, keep, confident)
                text, _ = compose(q.query, hits, sentences, budget, mix, answer_type=q.answer_type, attribute=True)
                held_out[keep, budget, confident].append((fact_recall(text, case.must_include) or 0.0, len(text)))
            text, _ = compose(
                q.query, hits, sentences, settings.answer.max_sentences, answer_type=q.answer_type, attribute=True
            )
            baseline.append((fact_recall(text, case.must_include) or 0.0, len(text)))

    def line(name: str, results: list[tuple[float, int]]) -> str:
        recall = np.mean([r for r, _ in results])
        return f"{name:<48} fact recall {recall:.3f}  median answer {int(np.median([n for _, n in results]))} chars"

    print(line(f"current SentenceMix, {settings.answer.max_sentences}", baseline))
    for (keep, budget, confident), results in held_out.items():
        print(line(f"held-out keep {keep} budget {budget} confident {confident}", results))
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    mix = _mix(model, SentenceMix().keep_ratio)
    print("fitted on all:", ", ".join(f"{f.name}={getattr(mix, f.name)}" for f in fields(mix)))
    print(replace(mix))


if __name__ == "__main__":
    main()
