"""Calibrate the answerability decision by cross-validation on question sets.

Each question runs the real pipeline up to the decision (Assistant.understand, rank, the
extractive answer, Assistant.evidence). Questions the named rules already decline (a body that
did not respond, an unknown name, a missing number or date, another period …) are counted as
such; on the others a logistic regression over a few named signals decides, fitted in folds
that never see the question they judge. Printed: per file, the held-out abstention accuracy
of the rules with today's thresholds and of the rules with the fitted model, and the model
fitted on every question (its weights over scope.SIGNALS).

    python bench/calibrate_abstention.py eval/questions.jsonl eval/questions_fit.jsonl   (uses TRYGG_HOME)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from assistant.core import Assistant
from assistant.scope import SIGNALS, abstain_reason, rule_reason, signals
from assistant.settings import load_settings
from eval.gold import load_cases

FOLDS = 5


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [Path("eval/questions.jsonl")]
    settings = load_settings()
    assistant = Assistant(settings)
    thresholds = settings.abstention
    rows, labels, files, by_rule, current = [], [], [], [], []
    for path in paths:
        for case in load_cases(path):
            q = assistant.understand(case.question)
            ranking = assistant.rank(q.query, allow_furniture=q.asks_procedure)
            hits = assistant.answer_passages(q, ranking)
            written = assistant.extractive.compose(q, hits, ranking.sentences)
            evidence = assistant.evidence(hits, ranking, written[1])
            index = ranking.scorer.index
            rows.append(signals(q, evidence))
            labels.append(case.answerable)
            files.append(path.stem)
            by_rule.append(bool(rule_reason(q, evidence, index)))
            current.append(bool(abstain_reason(q, evidence, index, thresholds)))
    x, y = np.array(rows), np.array(labels)
    declined_by_rule = np.array(by_rule)
    fitted = np.zeros(len(y), dtype=bool)  # held-out decision: decline?
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(x, y):
        keep = train[~declined_by_rule[train]]
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)).fit(x[keep], y[keep])
        fitted[test] = declined_by_rule[test] | (model.predict_proba(x[test])[:, 1] < 0.5)
    for name in dict.fromkeys(files):
        mine = np.array([f == name for f in files])
        for label, declined in (("rules + thresholds", np.array(current)), ("rules + fitted model", fitted)):
            correct = declined[mine] != y[mine]
            oos = ~y[mine]
            print(
                f"{name:<22} {label:<22} abstention accuracy {correct.mean():.3f}  "
                f"out of scope declined {declined[mine][oos].mean():.3f}  "
                f"answerable answered {(~declined[mine][~oos]).mean():.3f}"
            )
    keep = ~declined_by_rule
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)).fit(x[keep], y[keep])
    scaler, logistic = model[0], model[1]
    coef = logistic.coef_[0] / scaler.scale_  # back to the signals' own units
    bias = logistic.intercept_[0] - float((logistic.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    weights = ", ".join(f"{n}={w:.3f}" for n, w in zip(SIGNALS, coef, strict=True))
    print(f"fitted on all: bias={bias:.3f}, {weights}")


if __name__ == "__main__":
    main()
