"""Second stage: re-score the fused candidates with signals the first stage cannot see.

No cross-encoder ships on these machines, so the default scorer combines what is here:
- the dense cosine of every candidate (lexical-only hits get theirs from the stored vector),
- idf-weighted coverage of the question's terms by the passage,
- proximity: the best coverage reached inside a single sentence,
- a responder prior: a question that names a committee prefers that committee's document.
The best sentence's cosine and normalised BM25 were tried as well and tuned to weight 0
(a grid search; bench/paraphrase_options.py shows the best sentence again), so they are not computed.
A deployment with a sentence-transformers CrossEncoder can configure it instead.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from assistant.records import Hit
from assistant.responder_names import named_responders
from assistant.sentence_scores import Compounds, SentenceScores, compounds_of, coverage
from vectorstore.analyzer import term_set
from vectorstore.lexical import LexicalIndex


@dataclass(frozen=True)
class QueryTerms:
    """A query's terms as every lexical signal weighs them: their idf, and the compounds that hold them."""

    weights: dict[str, float]
    compounds: Compounds

    @classmethod
    def of(cls, index: LexicalIndex, query: str, names: Collection[str] = ()) -> QueryTerms:
        """Read once a query, for the sentence signals and the second stage alike.

        Terms in `names` are left out, unless nothing else would be left.
        """
        terms = index.query_terms(query)
        terms = [t for t in terms if t not in names] or terms
        weights = idf_weights(index, terms)
        return cls(weights, compounds_of(index.related(weights)))


class Scorer(Protocol):
    """Re-scores hits for a question; returns them best first."""

    def rescore(
        self,
        question: str,
        query_vector: np.ndarray,
        hits: list[Hit],
        sentences: dict[str, SentenceScores],
        terms: QueryTerms,
    ) -> list[Hit]:
        """Hits with new scores, best first."""
        ...


@dataclass(frozen=True)
class Weights:
    """Feature weights of the built-in scorer (bench/fit_second_stage.py, bench/paraphrase_options.py)."""

    dense: float = 8.0
    coverage: float = 0.5
    proximity: float = 0.5
    responder: float = 0.3
    # Wording signals count in full only for a question worded as the documents are: they are
    # scaled by min(1, best proximity / lexical_gate). A paraphrase, whose best sentence covers
    # little of it, is ranked mostly by meaning (0.25 set on the README's read pool, in two halves).
    lexical_gate: float = 0.25

    def gate(self, rows: np.ndarray) -> float:
        """How far the wording signals count for a question's candidates: 1 when worded as the documents are."""
        return min(1.0, float(rows[:, 2].max(initial=0.0)) / self.lexical_gate) if self.lexical_gate > 0 else 1.0

    def score(self, rows: np.ndarray) -> np.ndarray:
        """The score of each candidate from its row of FEATURES."""
        gate = self.gate(rows)
        wording = self.coverage * rows[:, 1] + self.proximity * rows[:, 2]
        return self.dense * rows[:, 0] + gate * wording + self.responder * rows[:, 3]


# The signals of a candidate, in the order `FeatureScorer.features` gives them.
FEATURES = ("dense", "coverage", "proximity", "responder")


def idf_weights(index: LexicalIndex, terms: list[str]) -> dict[str, float]:
    """Idf of each distinct query term known to the index (unknown terms weigh the maximum)."""
    top = float(index.idf.max()) if len(index.idf) else 1.0
    return {t: float(index.idf[index.vocab[t]]) if t in index.vocab else top for t in dict.fromkeys(terms)}


class FeatureScorer:
    """The built-in second stage: a weighted sum of cheap, interpretable signals."""

    def __init__(self, index: LexicalIndex, weights: Weights | None = None) -> None:
        self.index = index
        self.weights = weights or Weights()

    def named_responders(self, question: str) -> set[str]:
        """Responders the question names, read as the question record reads them (by office, misspelt …)."""
        return set(named_responders(question, self.index.responders))

    def features(
        self, question: str, hits: list[Hit], sentences: dict[str, SentenceScores], terms: QueryTerms
    ) -> np.ndarray:
        """One row of signals per hit, in the order of FEATURES."""
        weights, compounds = terms.weights, terms.compounds
        named = self.named_responders(question)
        rows = []
        for hit in hits:
            scores = sentences[hit.chunk.id]
            rows.append(
                (
                    hit.dense or 0.0,
                    coverage(weights, term_set(hit.chunk.embed_text), compounds),
                    float(scores.coverage.max(initial=0.0)),
                    1.0 if hit.chunk.meta.responder in named else 0.0,
                )
            )
        return np.array(rows, dtype=np.float64).reshape(len(hits), len(FEATURES))

    def rescore(
        self,
        question: str,
        query_vector: np.ndarray,
        hits: list[Hit],
        sentences: dict[str, SentenceScores],
        terms: QueryTerms,
    ) -> list[Hit]:
        """Hits with new scores, best first."""
        if not hits:
            return []
        scores = self.weights.score(self.features(question, hits, sentences, terms))
        return sorted((replace(h, score=float(s)) for h, s in zip(hits, scores, strict=True)), key=lambda h: -h.score)


class CrossEncoderScorer:
    """A sentence-transformers CrossEncoder, for deployments that have one."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import CrossEncoder

        self.model = CrossEncoder(model, device="cpu")

    def rescore(
        self,
        question: str,
        query_vector: np.ndarray,
        hits: list[Hit],
        sentences: dict[str, SentenceScores],
        terms: QueryTerms,
    ) -> list[Hit]:
        """Hits scored by the cross-encoder (squashed to 0..1), best first."""
        if not hits:
            return []
        raw = self.model.predict([(question, h.chunk.clean_text) for h in hits])
        scored = [replace(h, score=1 / (1 + math.exp(-float(s)))) for h, s in zip(hits, raw, strict=True)]
        return sorted(scored, key=lambda h: -h.score)
