"""Which texts an ingest embeds, and how chunk vectors come from their vectors.

Retrieval needs one vector per chunk; the second stage needs one per sentence of a candidate.
Embedding both at ingest runs the model over the corpus twice (the sentences hold about 85 %
of the chunks' tokens), so by default (`chunks`) an ingest embeds the chunks only and a
sentence is embedded, and cached, the first time a question's candidates include it; the
bundled corpus ships every vector (data/vectors), so it pays neither. `both` is the old
two-pass ingest. `pooled` embeds only the sentences and each chunk's short header
(responder | title | section, shared by a section's chunks) and pools a chunk's vector from
them: the length-weighted mean of its sentences' vectors plus `header_weight` times its
header's, normalised. One pass again, but retrieval is weaker (README, "Measured").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from ingest.sentences import sentence_spans
from vectorstore.records import Chunk

VectorMode = Literal["chunks", "pooled", "both"]


def chunk_sentence_texts(chunk: Chunk) -> list[str]:
    """The sentences of a chunk's clean text, the unit the second stage scores."""
    return [chunk.clean_text[a:b] for a, b in sentence_spans(chunk.clean_text)]


def texts_to_embed(chunks: Sequence[Chunk], mode: VectorMode) -> list[str]:
    """Every distinct text whose vector an ingest of these chunks needs, in first-seen order."""
    texts: list[str] = []
    for chunk in chunks:
        if mode != "pooled":
            texts.append(chunk.embed_text)
        elif chunk.header:
            texts.append(chunk.header)
        if mode != "chunks":
            texts.extend(chunk_sentence_texts(chunk))
    return list(dict.fromkeys(texts))


def pool(chunk: Chunk, vectors: dict[str, np.ndarray], header_weight: float) -> np.ndarray:
    """A chunk's vector from its sentences' (weighted by length) and its header's vectors."""
    sentences = chunk_sentence_texts(chunk) or [chunk.clean_text]
    weights = np.array([len(s) for s in sentences], dtype=np.float64)
    mean = (weights / weights.sum()) @ np.vstack([vectors[s] for s in sentences]).astype(np.float64)
    if chunk.header and header_weight:
        mean = mean + header_weight * vectors[chunk.header]
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)


def chunk_vectors(
    chunks: Sequence[Chunk], vectors: dict[str, np.ndarray], mode: VectorMode, header_weight: float = 0.5
) -> np.ndarray:
    """One vector per chunk, from the vectors of `texts_to_embed(chunks, mode)`."""
    if mode == "pooled":
        return np.vstack([pool(c, vectors, header_weight) for c in chunks])
    return np.vstack([vectors[c.embed_text] for c in chunks]).astype(np.float32)
