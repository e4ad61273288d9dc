"""Tune the extractive composer's sentence mix on a question set.

Retrieval and the second stage run once per answerable question; then each mix of
(meaning, wording, passage rank, keep ratio, sentence budget) composes an answer and is
scored by fact recall and citation precision, as `trygg eval` scores them.

    python bench/tune_composer.py [eval/questions.jsonl]   (uses TRYGG_HOME's store)
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

from assistant.compose import SentenceMix, compose
from assistant.core import Assistant
from assistant.settings import load_settings
from eval.gold import Corpus, load_cases, locate_cases
from eval.metrics import citation_precision, fact_recall


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/questions.jsonl")
    settings = load_settings()
    cases = [c for c in load_cases(path) if c.answerable]
    gold = locate_cases(cases, Corpus(settings.corpus))
    assistant = Assistant(settings)
    prepared = []
    for case in cases:
        ranking = assistant.rank(case.question)
        used = assistant.answer_passages(case.question, ranking)
        prepared.append((case, used, ranking.sentences))

    results = []
    for meaning, wording, passage, keep, budget in itertools.product(
        [0.0, 0.3, 0.5, 0.7], [0.0, 0.3, 0.5], [0.0, 0.2, 0.4], [0.5, 0.6, 0.7], [3, 4, 5]
    ):
        if meaning + wording + passage == 0:
            continue
        mix = SentenceMix(meaning, wording, passage, keep)
        recalls, precisions = [], []
        for case, used, sentences in prepared:
            text, citations = compose(case.question, used, sentences, budget, mix)
            recalls.append(fact_recall(text, case.must_include) or 0.0)
            cited = [{"source": c.chunk.source, "start": c.chunk.start, "end": c.chunk.end} for c in citations]
            precisions.append(citation_precision(cited, gold[case.id]) or 0.0)
        results.append((float(np.mean(recalls)), float(np.mean(precisions)), mix, budget))
    results.sort(key=lambda r: -(r[0] + 0.25 * r[1]))
    for recall, precision, mix, budget in results[:10]:
        print(f"fact recall {recall:.3f} citation precision {precision:.3f} {mix} max_sentences={budget}")
    default = next(r for r in results if r[2] == SentenceMix() and r[3] == settings.answer.max_sentences)
    print(f"current: fact recall {default[0]:.3f} citation precision {default[1]:.3f}")


if __name__ == "__main__":
    main()
