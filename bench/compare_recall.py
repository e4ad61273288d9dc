"""Fact recall of comparison questions, each responder's part counted on its own.

    python bench/compare_recall.py [--file F] [--baseline]   (uses TRYGG_HOME's store; ingest first)

bench/compare_questions.jsonl (the default) was used while building; bench/compare_heldout.jsonl
was written afterwards and not tuned on.

Each question of bench/compare_questions.jsonl lists facts per responder. A part's recall is
the share of its facts ("a|b" = either) found in that responder's paragraph of the answer
(the paragraph that opens with its name); a missing paragraph scores 0. An answer without such
paragraphs counts whole for each responder whose document it cites. With --baseline the
comparison path is switched off and a part's facts are looked for in the whole answer, and
count only when the answer cites that responder's document (the single-answer path has no
per-responder paragraphs).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from unittest import mock

from assistant.core import Assistant
from assistant.settings import load_settings
from eval.metrics import fact_recall

QUESTIONS = Path(__file__).with_name("compare_questions.jsonl")


def part_text(answer_text: str, responder: str, cited: set[str]) -> str:
    """The paragraph of the answer that opens with the responder's name ('' if none).

    An answer with no such paragraphs (one answer naming each responder in its sentences, as a
    metadata question gets) counts as a whole for each responder whose document it cites.
    """
    paragraphs = answer_text.split("\n\n")
    if not any(_opens_with(p, r) for p in paragraphs for r in cited):
        return answer_text if responder in cited else ""
    return next((p for p in paragraphs if _opens_with(p, responder)), "")


def _opens_with(paragraph: str, responder: str) -> bool:
    """'Trafiknämnden (kritisk): …' opens a part; 'Trafiknämndens remissvar är daterat …' does not."""
    return bool(re.match(rf"{re.escape(responder)}(?: \([^)]*\))?:", paragraph))


def _split(case_id: str) -> str:
    """'odd' or 'even' by the number in a question's id ('c007' -> odd): odd ids are fitted on, even ones not."""
    digits = re.findall(r"\d+", case_id)
    return "odd" if digits and int(digits[-1]) % 2 else "even"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=QUESTIONS, help="a question set with per-responder facts")
    parser.add_argument("--baseline", action="store_true", help="switch the comparison path off")
    args = parser.parse_args()
    assistant = Assistant(load_settings())
    cases = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores: list[float] = []
    by_split: dict[str, list[float]] = {"odd": [], "even": []}
    patch = mock.patch("assistant.core.comparison_answer", return_value=None) if args.baseline else mock.MagicMock()
    with patch:
        for case in cases:
            answer = assistant.ask(case["question"])
            cited = {c.chunk.meta.responder for c in answer.citations}
            row = []
            for responder, facts in case["parts"].items():
                if args.baseline:
                    text = answer.text if responder in cited or facts == ["Tar inte upp"] else ""
                else:
                    text = part_text(answer.text, responder, cited)
                score = fact_recall(text, facts) or 0.0
                scores.append(score)
                by_split[_split(case["id"])].append(score)
                row.append(f"{responder.split()[0]}={score:.2f}")
            print(f"{case['id']}: {' '.join(row)}")  # noqa: T201
    print(f"parts: {len(scores)}, mean fact recall per responder part: {sum(scores) / len(scores):.3f}")  # noqa: T201
    for name, part in by_split.items():
        if part:
            print(f"{name} ids: {len(part)} parts, mean {sum(part) / len(part):.3f}")  # noqa: T201


if __name__ == "__main__":
    main()
