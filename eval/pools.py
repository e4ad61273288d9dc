"""The README's two pools of questions: the read pool (fitted on, its misses read) and the report-only pool.

Read: the tuned sets whole (questions, dev, dev2, fit, tempting) and the odd ids of every later
set (dev3 … devN, tempting2, letterhead, detail). Report only: holdout, heldout2 and those later
sets' even ids. The comparison set (questions_compare) is counted per part by bench/compare_recall.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from eval.gold import Case, load_cases

EVAL_DIR = Path(__file__).resolve().parent
TUNED = ("questions", "questions_dev", "questions_dev2", "questions_fit", "questions_tempting")
REPORT_ONLY = ("questions_holdout", "questions_heldout2")
NOT_POOLED = ("questions_compare",)


def parity(case_id: str) -> str:
    """'odd' or 'even' by the last number in a question's id ('d33_007' -> odd)."""
    digits = re.findall(r"\d+", case_id)
    return "odd" if digits and int(digits[-1]) % 2 else "even"


def question_files(args: Sequence[str]) -> list[tuple[Path, list[Case]]]:
    """The files a bench script is given, each with its cases: `--pool NAME`, or paths (the first set by default)."""
    if args[:1] == ["--pool"]:
        return pool(args[1])
    return [(Path(a), load_cases(Path(a))) for a in args or ["eval/questions.jsonl"]]


def pool(name: str) -> list[tuple[Path, list[Case]]]:
    """The question files of the 'read' or 'report' pool, each with the cases of it the pool holds."""
    if name not in ("read", "report"):
        raise ValueError(f"no pool {name!r}: read or report")
    out = []
    for path in sorted(EVAL_DIR.glob("questions*.jsonl")):
        stem = path.stem
        if stem in NOT_POOLED:
            continue
        if stem in TUNED or stem in REPORT_ONLY:
            if (stem in TUNED) == (name == "read"):
                out.append((path, load_cases(path)))
            continue
        half = "odd" if name == "read" else "even"
        out.append((path, [c for c in load_cases(path) if parity(c.id) == half]))
    return out
