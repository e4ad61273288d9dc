"""The extractive answer: the most relevant sentences of the top passages, each with its marker.

No language model is needed and nothing is invented: every sentence of the answer is a
sentence of a cited passage (in its cleaned form), followed by [n], where n numbers the
citations in the order they are first used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.records import Citation, Hit, Span
from assistant.sentence_scores import SentenceScores
from ingest.sentences import sentence_spans
from vectorstore.analyzer import fold
from vectorstore.records import Chunk

_LIST_QUESTION = re.compile(r"^\s*(vilka|vilket|vilken|nämn|lista|ange|what are|which)\b|\bvilka\b", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-•–]|\d+\.)\s")
PASSAGES_CONSIDERED = 5


@dataclass(frozen=True)
class SentenceMix:
    """How a sentence's relevance is weighed: its meaning, its wording, its passage's rank.

    Tuned with bench/tune_composer.py on eval/questions.jsonl (figures in the README).
    """

    meaning: float = 0.3
    wording: float = 0.3
    passage: float = 0.4
    keep_ratio: float = 0.5  # sentences scoring under this share of the best are left out


@dataclass(frozen=True)
class Sentence:
    """A candidate sentence: which hit it is in, where in its clean text, and how relevant."""

    hit_rank: int
    start: int
    end: int
    score: float
    text: str


def is_list_question(question: str) -> bool:
    """Questions that ask for several items gather them across passages."""
    return bool(_LIST_QUESTION.search(question))


def _candidates(hits: list[Hit], sentences: dict[str, SentenceScores], mix: SentenceMix) -> list[Sentence]:
    top, bottom = hits[0].score, hits[-1].score
    spread = (top - bottom) or 1.0
    all_dense = np.concatenate([sentences[h.chunk.id].dense for h in hits])
    lo, hi = (float(all_dense.min()), float(all_dense.max())) if len(all_dense) else (0.0, 1.0)
    out: list[Sentence] = []
    for rank, hit in enumerate(hits):
        scores = sentences[hit.chunk.id]
        passage_rel = (hit.score - bottom) / spread
        for (a, b), text, dense, cov in zip(scores.spans, scores.texts, scores.dense, scores.coverage, strict=True):
            if len(text.split()) < 2 or text.strip() == hit.chunk.section.strip():
                continue  # a heading or a stray word says nothing on its own
            meaning = (dense - lo) / ((hi - lo) or 1.0)
            score = mix.meaning * meaning + mix.wording * cov + mix.passage * passage_rel
            out.append(Sentence(rank, a, b, score, text))
    return out


def _following_items(hit: Hit, end: int) -> list[tuple[int, int]]:
    """List items right after an introducing sentence ('...följande fokusområden:')."""
    text = hit.chunk.clean_text
    items: list[tuple[int, int]] = []
    for a, b in sentence_spans(text, end):
        if not _LIST_ITEM.match(text[a:b]):
            break
        items.append((a, b))
    return items


def compose(
    question: str,
    hits: list[Hit],
    sentences: dict[str, SentenceScores],
    max_sentences: int,
    mix: SentenceMix | None = None,
    next_chunk: Callable[[Chunk], Chunk | None] | None = None,
) -> tuple[str, list[Citation]]:
    """Answer text with markers, and the citations the markers refer to.

    `next_chunk` gives the chunk that follows one in its document: a list introduced at the
    very end of a passage ('...fyra fokusområden:') is completed from it, and cited as such.
    """
    hits = list(hits[:PASSAGES_CONSIDERED])
    if not hits:
        return "", []
    wants_list = is_list_question(question)
    limit = max_sentences + (2 if wants_list else 0)
    mix = mix or SentenceMix()
    candidates = sorted(_candidates(hits, sentences, mix), key=lambda s: -s.score)
    best = candidates[0].score if candidates else 0.0

    chosen: dict[int, list[tuple[int, int]]] = {}
    seen: set[str] = set()
    count = 0
    for sentence in candidates:
        if count >= limit or sentence.score < mix.keep_ratio * best:
            break
        key = fold(" ".join(sentence.text.split()))
        if key in seen:
            continue  # overlapping chunks repeat sentences
        seen.add(key)
        chosen.setdefault(sentence.hit_rank, []).append((sentence.start, sentence.end))
        count += 1
        if not (sentence.text.rstrip().endswith(":") or wants_list):
            continue  # only a list question takes the list a sentence introduces without a colon
        rank, items = sentence.hit_rank, _following_items(hits[sentence.hit_rank], sentence.end)
        if not items and next_chunk and not hits[rank].chunk.clean_text[sentence.end :].strip():
            following = next_chunk(hits[rank].chunk)
            if following is not None:
                hits.append(Hit(following, hits[rank].score))
                rank, items = len(hits) - 1, _following_items(hits[-1], 0)
        for a, b in items:
            item_key = fold(" ".join(hits[rank].chunk.clean_text[a:b].split()))
            if item_key not in seen:
                seen.add(item_key)
                chosen.setdefault(rank, []).append((a, b))

    citations: list[Citation] = []
    lines: list[str] = []
    for n, rank in enumerate(sorted(chosen), start=1):
        hit = hits[rank]
        spans = sorted(set(chosen[rank]))
        citations.append(Citation(n, hit.chunk, tuple(Span(a, b) for a, b in spans)))
        for a, b in spans:
            text = " ".join(hit.chunk.clean_text[a:b].split())
            # Prose runs on in one paragraph; a list item, and whatever follows it, starts a line.
            if _LIST_ITEM.match(text) or (lines and _LIST_ITEM.match(lines[-1])):
                lines.append(f"{text} [{n}]")
            elif lines:
                lines[-1] += f" {text} [{n}]"
            else:
                lines.append(f"{text} [{n}]")
    return "\n".join(lines), citations
