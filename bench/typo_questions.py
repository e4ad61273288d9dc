"""Write a misspelt copy of a question set: what users type, to measure spelling robustness.

Each answerable question gets, seeded and reproducible, one or two of its longer words damaged
(two letters swapped, one dropped, doubled or replaced) and/or all its å/ä/ö typed as a/a/o in
lower case; the gold quotes stay. Tags say which: typo_typo, typo_fold, typo_fold_typo.
With --ascii every Swedish question, out-of-scope ones too, is typed in lower case without
å/ä/ö and without its question mark, and nothing else (tag typo_ascii).

    python bench/typo_questions.py eval/questions.jsonl /tmp/typos.jsonl --seed 11
    python bench/typo_questions.py eval/questions.jsonl /tmp/ascii.jsonl --ascii
    trygg eval /tmp/typos.jsonl --out runs/typos
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

_ASCII = str.maketrans("åäöÅÄÖ", "aaoAAO")
_LONG_WORD = re.compile(r"[A-Za-zÅÄÖåäöé]{6,}")


def damage(word: str, rng: random.Random) -> str:
    """The word with one typing slip inside it (never its first letter)."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiounmrstl") + word[i + 1 :]


def misspell(question: str, rng: random.Random) -> tuple[str, str]:
    """The question as a user might type it, and the kind of damage."""
    mode = rng.choice(["typo", "typo", "fold", "fold_typo"])
    found = list(_LONG_WORD.finditer(question))
    if "typo" in mode:
        for match in sorted(rng.sample(found, min(len(found), rng.choice([1, 2]))), key=lambda m: -m.start()):
            question = question[: match.start()] + damage(match.group(0), rng) + question[match.end() :]
    if "fold" in mode:
        question = question.translate(_ASCII).lower()
    return question, f"typo_{mode}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--ascii", action="store_true", help="only lower case without å/ä/ö, every Swedish question")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = []
    for line in args.source.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if args.ascii:
            if "english" in case.get("tags", []):
                continue
            text, kind = case["question"].translate(_ASCII).lower().rstrip("?"), "typo_ascii"
        elif not case["answerable"] or not _LONG_WORD.search(case["question"]):
            continue
        else:
            text, kind = misspell(case["question"], rng)
        rows.append(json.dumps({**case, "question": text, "tags": [*case.get("tags", []), kind]}, ensure_ascii=False))
    args.target.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} questions -> {args.target}")


if __name__ == "__main__":
    main()
