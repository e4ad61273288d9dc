"""Second stage: re-score the fused candidates with signals the first stage cannot see.

No cross-encoder ships on these machines, so the default scorer combines what is here:
- the dense cosine of every candidate (lexical-only hits get theirs from the stored vector),
- BM25, normalised by the best candidate's score,
- idf-weighted coverage of the question's terms by the passage,
- proximity: the best coverage reached inside a single sentence,
- a responder prior: a question that names a committee prefers that committee's document.
A deployment with a sentence-transformers CrossEncoder can configure it instead.
"""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass, fields, replace
from typing import Protocol

import numpy as np

from assistant.records import Hit
from ingest.sentences import sentence_spans
from vectorstore.analyzer import analyze
from vectorstore.lexical import LexicalIndex


class Scorer(Protocol):
    """Re-scores hits for a question; returns them best first."""

    def rescore(self, question: str, query_vector: np.ndarray, hits: list[Hit], vectors: dict[str, np.ndarray]) -> list[Hit]:
        """Hits with new scores, best first."""
        ...


@dataclass(frozen=True)
class Weights:
    """Feature weights of the built-in scorer, tuned on eval/questions.jsonl (see README)."""

    dense: float = 4.0
    lexical: float = 1.0
    coverage: float = 1.0
    proximity: float = 1.0
    responder: float = 0.6
    fused: float = 0.33


def idf_weights(index: LexicalIndex, terms: list[str]) -> dict[str, float]:
    """Idf of each distinct query term known to the index (unknown terms weigh the maximum)."""
    top = float(index.idf.max()) if len(index.idf) else 1.0
    return {t: float(index.idf[index.vocab[t]]) if t in index.vocab else top for t in dict.fromkeys(terms)}


def coverage(weights: dict[str, float], terms: set[str]) -> float:
    """Share of the question's idf mass found among terms."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in terms) / total if total else 0.0


class FeatureScorer:
    """The built-in second stage: a weighted sum of cheap, interpretable signals."""

    def __init__(self, index: LexicalIndex, responder_terms: dict[str, set[str]], weights: Weights | None = None) -> None:
        self.index = index
        self.responder_terms = responder_terms
        self.weights = weights or Weights()

    def named_responders(self, question: str) -> set[str]:
        """Responders whose distinctive terms the question uses."""
        terms = set(analyze(question))
        return {r for r, keys in self.responder_terms.items() if keys and keys <= terms}

    def features(self, question: str, query_vector: np.ndarray, hits: list[Hit], vectors: dict[str, np.ndarray]) -> np.ndarray:
        """One row of signals per hit, in the order of `Weights`' fields."""
        weights = idf_weights(self.index, self.index.query_terms(question))
        named = self.named_responders(question)
        best_lexical = max((h.lexical or 0.0) for h in hits) or 1.0
        best_fused = max(h.score for h in hits)
        rows = []
        for hit in hits:
            chunk = hit.chunk
            vec = vectors.get(chunk.id)
            dense = hit.dense if hit.dense is not None else (float(vec @ query_vector) if vec is not None else 0.0)
            text = chunk.clean_text
            rows.append(
                (
                    dense,
                    (hit.lexical or 0.0) / best_lexical,
                    coverage(weights, set(analyze(chunk.embed_text))),
                    max((coverage(weights, set(analyze(text[a:b]))) for a, b in sentence_spans(text)), default=0.0),
                    1.0 if chunk.meta.responder in named else 0.0,
                    hit.score / best_fused,
                )
            )
        return np.array(rows, dtype=np.float64).reshape(len(hits), len(fields(Weights)))

    def rescore(self, question: str, query_vector: np.ndarray, hits: list[Hit], vectors: dict[str, np.ndarray]) -> list[Hit]:
        """Hits with new scores, best first."""
        if not hits:
            return []
        feats = self.features(question, query_vector, hits, vectors)
        scores = feats @ np.array(astuple(self.weights))
        out = [replace(h, score=float(s), dense=float(f[0])) for h, s, f in zip(hits, scores, feats, strict=True)]
        out.sort(key=lambda h: -h.score)
        return out


class CrossEncoderScorer:
    """A sentence-transformers CrossEncoder, for deployments that have one."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import CrossEncoder

        self.model = CrossEncoder(model, device="cpu")

    def rescore(self, question: str, query_vector: np.ndarray, hits: list[Hit], vectors: dict[str, np.ndarray]) -> list[Hit]:
        """Hits scored by the cross-encoder (squashed to 0..1), best first."""
        if not hits:
            return []
        raw = self.model.predict([(question, h.chunk.clean_text) for h in hits])
        scored = [replace(h, score=1 / (1 + math.exp(-float(s)))) for h, s in zip(hits, raw, strict=True)]
        return sorted(scored, key=lambda h: -h.score)
