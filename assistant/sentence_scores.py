"""Sentence-level signals of candidate passages: meaning (embedder) and wording (query terms).

Sentence vectors are embedded at ingest time and kept in the embedding cache, so a question
costs one look-up per sentence, not an embedding. A sentence missing from the cache (a
store filled by another machine) is embedded on the spot and cached.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.records import Hit
from ingest.furniture import sentence_kinds
from ingest.sentences import sentence_spans
from vectorstore.analyzer import term_set
from vectorstore.records import Chunk

VectorLookup = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class SentenceScores:
    """The sentences of one chunk's clean text, with their similarity to the question."""

    spans: tuple[tuple[int, int], ...]
    texts: tuple[str, ...]
    dense: np.ndarray  # cosine similarity of each sentence to the question
    coverage: np.ndarray  # share of the question's idf mass each sentence contains
    kinds: tuple[str, ...] = ()  # furniture kind of each sentence ('' for content), see ingest.furniture

    def is_content(self, i: int) -> bool:
        """Whether sentence i is about the programme rather than the paper (or furniture was asked for)."""
        return not self.kinds or not self.kinds[i]


# What a question's term counts for when a text holds it only inside a compound ('orsak' in 'orsaksanalys').
COMPOUND_SHARE = 0.5


# A text's term -> the question's terms it holds inside it, each with the text term's idf (see `compounds_of`).
Compounds = Mapping[str, tuple[tuple[str, float], ...]]


def compounds_of(related: Mapping[str, Mapping[str, float]]) -> dict[str, tuple[tuple[str, float], ...]]:
    """LexicalIndex.related turned round: for each known term, the question's terms inside it."""
    out: dict[str, list[tuple[str, float]]] = {}
    for asked, holders in related.items():
        for holder, idf in holders.items():
            out.setdefault(holder, []).append((asked, idf))
    return {holder: tuple(pairs) for holder, pairs in out.items()}


def coverage(weights: dict[str, float], terms: Set[str], compounds: Compounds | None = None) -> float:
    """Share of the question's idf mass found among terms.

    A term found only inside another (`compounds`) counts at COMPOUND_SHARE, and for no more than
    that term's own idf: 'trygg' inside the ubiquitous 'trygghetsprogram' says little, 'orsak'
    inside 'orsaksanalys' much.
    """
    total = sum(weights.values())
    if not total:
        return 0.0
    found = sum(w for t, w in weights.items() if t in terms)
    if compounds:
        inside: dict[str, float] = {}
        for holder in compounds.keys() & terms:
            for asked, idf in compounds[holder]:
                if asked not in terms and idf > inside.get(asked, 0.0):
                    inside[asked] = idf
        found += COMPOUND_SHARE * sum(min(weights[t], idf) for t, idf in inside.items() if t in weights)
    return found / total


def chunk_sentences(chunk: Chunk) -> list[tuple[int, int]]:
    """The sentence spans of a chunk's clean text, the unit embedded at ingest."""
    return list(_spans(chunk.clean_text))


# Candidate passages recur from question to question: their sentences and kinds are read once.
@lru_cache(maxsize=8192)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentence_spans(text))


@lru_cache(maxsize=8192)
def _kinds(texts: tuple[str, ...], section: str) -> tuple[str, ...]:
    return tuple(sentence_kinds(texts, section))


def score_sentences(
    hits: Sequence[Hit],
    query_vector: np.ndarray,
    weights: dict[str, float],
    lookup: VectorLookup,
    furniture: Collection[str] = (),
    compounds: Compounds | None = None,
) -> dict[str, SentenceScores]:
    """Sentence signals for every hit, keyed by chunk id.

    Furniture and procedure sentences (letterheads, signatures, "godkänner tjänsteutlåtandet
    som svar på remissen") get no signal, so they weigh nothing in ranking or answers, unless
    the question asks for exactly that (the kinds in `furniture`).
    """
    spans = {h.chunk.id: chunk_sentences(h.chunk) for h in hits}
    texts = {h.chunk.id: [h.chunk.clean_text[a:b] for a, b in spans[h.chunk.id]] for h in hits}
    unique = list(dict.fromkeys(t for ts in texts.values() for t in ts))
    vectors = lookup(unique) if unique else np.zeros((0, len(query_vector)), dtype=np.float32)
    similarity = dict(zip(unique, (vectors @ query_vector).tolist(), strict=True))
    out = {}
    for hit in hits:
        ts = texts[hit.chunk.id]
        kinds = tuple("" if k in furniture else k for k in _kinds(tuple(ts), hit.chunk.section))
        content = np.array([not k for k in kinds], dtype=np.float64)
        out[hit.chunk.id] = SentenceScores(
            spans=tuple(spans[hit.chunk.id]),
            texts=tuple(ts),
            dense=np.array([similarity[t] for t in ts], dtype=np.float64) * content,
            coverage=np.array([coverage(weights, term_set(t), compounds) for t in ts], dtype=np.float64) * content,
            kinds=kinds,
        )
    return out
