"""Calibrate the answerability decision by cross-validation on question sets.

Each question runs the real pipeline up to the decision (Assistant.understand, rank, the
extractive answer, Assistant.evidence). Questions the named rules already decline (a body that
did not respond, an unknown name, a missing number or date, another period …) are counted as
such; on the others a logistic regression over a few named signals decides, fitted in folds
that never see the question they judge. Printed: per file, the held-out abstention accuracy
of the rules with today's thresholds and of the rules with the fitted model, and the model
fitted on every question (its weights over scope.SIGNALS).

    python bench/calibrate_abstention.py eval/questions.jsonl eval/questions_fit.jsonl   (uses TRYGG_HOME)

A file named FILE:odd or FILE:even takes only the questions whose id ends in an odd or even number.
With `--report FILE[:odd|:even]`, the model fitted on the other files also judges that file, which
no fold ever saw: the figures to report.

    python bench/calibrate_abstention.py eval/questions.jsonl eval/questions_fit.jsonl \
        eval/questions_tempting.jsonl:odd --report eval/questions_tempting.jsonl:even
"""

from __future__ import annotations

import re
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
from eval.gold import Case, load_cases

FOLDS = 5


def cases(spec: str) -> tuple[str, list[Case]]:
    """The questions of FILE, FILE:odd or FILE:even, and a name for them."""
    path, _, parity = spec.partition(":")
    found = load_cases(Path(path))
    if parity:
        want = 1 if parity == "odd" else 0
        found = [c for c in found if (m := re.search(r"(\d+)$", c.id)) and int(m.group(1)) % 2 == want]
    return Path(path).stem + (f":{parity}" if parity else ""), found


def judge(assistant: Assistant, case: Case) -> tuple[tuple[float, ...], bool, bool]:
    """The signals of one question, whether a named rule declines it, and whether today's decision does."""
    q = assistant.understand(case.question)
    ranking = assistant.rank(q.query, furniture=q.furniture_asked, names=q.unweighted_terms)
    hits = assistant.answer_passages(q, ranking)
    written = assistant.extractive.compose(q, hits, ranking.sentences)
    evidence = assistant.evidence(hits, ranking, written[1])
    index = ranking.scorer.index
    declined = bool(abstain_reason(q, evidence, index, assistant.settings.abstention))
    return signals(q, evidence), bool(rule_reason(q, evidence, index)), declined


def summary(name: str, label: str, declined: np.ndarray, answerable: np.ndarray) -> str:
    correct = declined != answerable
    return (
        f"{name:<26} {label:<22} abstention accuracy {correct.mean():.3f}  "
        f"out of scope declined {declined[~answerable].mean():.3f}  "
        f"answerable answered {(~declined[answerable]).mean():.3f}"
    )


def main() -> None:
    args = sys.argv[1:]
    report = args[args.index("--report") + 1] if "--report" in args else ""
    specs = [a for i, a in enumerate(args) if a != "--report" and (i == 0 or args[i - 1] != "--report")]
    settings = load_settings()
    assistant = Assistant(settings)
    rows, labels, files, by_rule, current = [], [], [], [], []
    for spec in specs or ["eval/questions.jsonl"]:
        name, found = cases(spec)
        for case in found:
            row, rule, declined = judge(assistant, case)
            rows.append(row)
            labels.append(case.answerable)
            files.append(name)
            by_rule.append(rule)
            current.append(declined)
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
            print(summary(name, label, declined[mine], y[mine]))
    keep = ~declined_by_rule
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)).fit(x[keep], y[keep])
    scaler, logistic = model[0], model[1]
    coef = logistic.coef_[0] / scaler.scale_  # back to the signals' own units
    bias = logistic.intercept_[0] - float((logistic.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    weights = ", ".join(f"{n}={w:.3f}" for n, w in zip(SIGNALS, coef, strict=True))
    print(f"fitted on all: bias={bias:.3f}, {weights}")
    if report:
        name, found = cases(report)
        judged = [judge(assistant, case) for case in found]
        answerable = np.array([c.answerable for c in found])
        today = np.array([d for _, _, d in judged])
        held = np.array([r for r, _, _ in judged]) if judged else np.zeros((0, len(SIGNALS)))
        by_model = np.array([rule for _, rule, _ in judged]) | (model.predict_proba(held)[:, 1] < 0.5)
        print(summary(f"{name} (held out)", "rules + thresholds", today, answerable))
        print(summary(f"{name} (held out)", "rules + fitted model", by_model, answerable))


if __name__ == "__main__":
    main()
