"""Calibrate abstention on a question set with answerable and out-of-scope questions.

Prints, per question, the evidence signals and which rule fires, then the thresholds of the
'no support' rule that abstain on the most out-of-scope questions while keeping every
answerable one (with a margin), for Swedish and English questions separately.

    python bench/calibrate_abstention.py [eval/questions.jsonl]   (uses TRYGG_HOME's store)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.core import Assistant
from assistant.scope import is_english
from assistant.settings import load_settings


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/questions.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    settings = load_settings()
    assistant = Assistant(settings)
    rows = []
    for case in cases:
        question = case["question"]
        ranking = assistant.rank(question)
        used = assistant.answer_passages(question, ranking)
        evidence = assistant.evidence(used, ranking)
        support, top_dense = evidence.support, evidence.top_dense
        reason = assistant.abstain_reason(question, used, ranking)
        rows.append((case["answerable"], is_english(question), support, top_dense, reason, question))
        wrong = bool(reason) == case["answerable"]
        print(
            f"{'ANS' if case['answerable'] else 'OOS'} {'WRONG' if wrong else 'ok   '} "
            f"support {support:.2f} dense {top_dense:.3f} {reason or '-':38} {question[:70]}"
        )

    for english in (False, True):
        answerable = [r for r in rows if r[0] and r[1] == english]
        if not answerable:
            continue
        label = "English" if english else "Swedish"
        print(
            f"{label}: lowest answerable dense {min(r[3] for r in answerable):.3f}, "
            f"lowest answerable support {min(r[2] for r in answerable):.3f}"
        )
        for r in sorted(answerable, key=lambda r: r[3])[:5]:
            print(f"   answerable with low dense: support {r[2]:.2f} dense {r[3]:.3f} {r[5][:70]}")
    correct = sum(bool(r[4]) != r[0] for r in rows)
    print(f"abstention accuracy {correct / len(rows):.3f} ({correct}/{len(rows)})")


if __name__ == "__main__":
    main()
