"""The extractive answer: the most relevant sentences of the top passages, each with its marker.

No language model is needed and nothing is invented: every sentence of the answer is a
sentence of a cited passage (in its cleaned form), followed by [n], where n numbers the
citations in the order they are first used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.records import Citation, Hit, Span
from assistant.rerank import coverage
from ingest.sentences import sentence_spans
from vectorstore.analyzer import analyze, fold

_LIST_QUESTION = re.compile(r"^\s*(vilka|vilket|vilken|nämn|lista|ange|what are|which)\b|\bvilka\b", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-•–]|\d+\.)\s")
PASSAGES_CONSIDERED = 5


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


def _candidates(question_weights: dict[str, float], hits: list[Hit]) -> list[Sentence]:
    top, bottom = hits[0].score, hits[-1].score
    spread = (top - bottom) or 1.0
    out: list[Sentence] = []
    for rank, hit in enumerate(hits):
        text = hit.chunk.clean_text
        passage_rel = (hit.score - bottom) / spread
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            if len(sentence.split()) < 2:
                continue  # a heading or a stray word says nothing on its own
            cov = coverage(question_weights, set(analyze(sentence)))
            out.append(Sentence(rank, a, b, 0.65 * cov + 0.35 * passage_rel, sentence))
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


def compose(question: str, question_weights: dict[str, float], hits: list[Hit], max_sentences: int) -> tuple[str, list[Citation]]:
    """Answer text with markers, and the citations the markers refer to."""
    hits = hits[:PASSAGES_CONSIDERED]
    if not hits:
        return "", []
    wants_list = is_list_question(question)
    limit = max_sentences + (2 if wants_list else 0)
    candidates = sorted(_candidates(question_weights, hits), key=lambda s: -s.score)
    best = candidates[0].score if candidates else 0.0

    chosen: dict[int, list[tuple[int, int]]] = {}
    seen: set[str] = set()
    count = 0
    for sentence in candidates:
        if count >= limit or sentence.score < 0.6 * best:
            break
        key = fold(" ".join(sentence.text.split()))
        if key in seen:
            continue  # overlapping chunks repeat sentences
        seen.add(key)
        spans = [(sentence.start, sentence.end)]
        if sentence.text.rstrip().endswith(":"):
            spans += _following_items(hits[sentence.hit_rank], sentence.end)
        for a, b in spans[1:]:
            seen.add(fold(" ".join(hits[sentence.hit_rank].chunk.clean_text[a:b].split())))
        chosen.setdefault(sentence.hit_rank, []).extend(spans)
        count += 1

    citations: list[Citation] = []
    parts: list[str] = []
    for n, rank in enumerate(sorted(chosen), start=1):
        hit = hits[rank]
        spans = sorted(set(chosen[rank]))
        citations.append(Citation(n, hit.chunk, tuple(Span(a, b) for a, b in spans)))
        for a, b in spans:
            text = " ".join(hit.chunk.clean_text[a:b].split())
            parts.append(f"\n{text} [{n}]" if _LIST_ITEM.match(text) else f" {text} [{n}]")
    return "".join(parts).strip(), citations
