"""How the context decision changes the OCR repair of a damaged document, with a sample.

    python bench/ocr_real_words.py [FILE] [--sample 20] [--seed 13]

Cleans FILE (default: the bundled 004) without OCR repair, then counts the word tokens the
word-level repair alone changes and those the full repair (with real-word slips decided from
context) changes, and prints a Markdown table of every token the context decided plus a
random draw of the other real-word repairs, each with its context in the raw text.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Sequence
from pathlib import Path

from assistant.settings import BUNDLED_CORPUS
from ingest.clean import clean
from ingest.ocr_context import plan_repairs
from ingest.ocr_repair import _TOKEN, _WORD_CHARS, _token_repl, word_frequency


def main(argv: Sequence[str] | None = None) -> int:
    """Print the counts and the sample."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=next(BUNDLED_CORPUS.glob("004_*.txt")))
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    text = clean(args.file.read_text(encoding="utf-8"), ocr="off").text
    words = {m.start(): m for m in _TOKEN.finditer(text) if _WORD_CHARS.search(m.group(0))}
    word_level = {s: _token_repl(m) for s, m in words.items() if _token_repl(m) != m.group(0)}
    full = plan_repairs(text)

    def listed(start: int) -> bool:
        return word_frequency(words[start].group(0).lower()) > 0.0

    print(f"word tokens: {len(words)}")
    print(f"repaired, word level only: {len(word_level)} ({sum(map(listed, word_level))} listed words)")
    print(f"repaired, with context: {len(full)} ({sum(map(listed, full))} listed words)")
    real = [s for s in full if listed(s)]
    by_context = [s for s in real if full[s] != word_level.get(s, words[s].group(0))]
    others = [s for s in real if s not in by_context]
    draw = random.Random(args.seed).sample(others, max(0, min(len(others), args.sample - len(by_context))))
    print(f"decided by context: {len(by_context)}\n")
    print("| written → repaired | by | context |\n|---|---|---|")
    for start in sorted(by_context + draw):
        written = words[start].group(0)
        around = re.sub(r"\s+", " ", text[max(0, start - 40) : start + len(written) + 30])
        print(f"| {written} → {full[start]} | {'context' if start in by_context else 'word'} | …{around}… |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
