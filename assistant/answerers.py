"""Who writes an answer from the chosen passages: one interface, an extractive and an LLM writer.

`Answerer.write` is a generator: it yields the text in pieces as they are written and returns
the final text, citations and notes (the LLM writer's returned text is the checked one).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator, Sequence
from typing import Protocol

from assistant import prompts
from assistant.compose import compose
from assistant.llm import LLM_PASSAGES, NO_MARKERS, LLMAnswerer, checked_answer, failure_reason
from assistant.question import Question
from assistant.records import Citation, Hit
from assistant.sentence_scores import SentenceScores
from vectorstore.records import Chunk

log = logging.getLogger(__name__)

Written = tuple[str, list[Citation], tuple[str, ...]]  # text, citations, notes
Writing = Generator[str, None, Written]


def words(text: str) -> list[str]:
    """A finished text as stream pieces: each word with the space after it."""
    return re.findall(r"\S+\s*", text)


class Answerer(Protocol):
    """Writes the answer to a question from its passages (best first) and their sentence signals."""

    def write(self, q: Question, hits: Sequence[Hit], sentences: dict[str, SentenceScores]) -> Writing:
        """Yield the text in pieces; return (text, citations, notes)."""
        ...


class ExtractiveAnswerer:
    """The most relevant sentences of the passages, each followed by its marker (assistant.compose)."""

    def __init__(self, max_sentences: int, next_chunk: Callable[[Chunk], Chunk | None] | None = None) -> None:
        self.max_sentences = max_sentences
        self.next_chunk = next_chunk

    def compose(self, q: Question, hits: Sequence[Hit], sentences: dict[str, SentenceScores]) -> Written:
        """The answer at once: it opens with the best sentence, holds what the question asks for, says whose."""
        text, citations = compose(
            q.query,
            list(hits),
            sentences,
            self.max_sentences,
            next_chunk=self.next_chunk,
            attribute=True,
            answer_type=q.answer_type,
            overall=q.overall,
            given=q.years,
            defined=q.defined_term,
            parts=q.parts,
        )
        return text, citations, ()

    def write(self, q: Question, hits: Sequence[Hit], sentences: dict[str, SentenceScores]) -> Writing:
        """The composed answer, streamed word by word."""
        written = self.compose(q, hits, sentences)
        yield from words(written[0])
        return written


class ModelAnswerer:
    """A chat model writes from the passages; an unusable answer falls back to the extractive one."""

    def __init__(self, llm: LLMAnswerer, fallback: ExtractiveAnswerer) -> None:
        self.llm = llm
        self.fallback = fallback

    def write(self, q: Question, hits: Sequence[Hit], sentences: dict[str, SentenceScores]) -> Writing:
        """Stream the model's answer, then check it; the fallback is streamed only if the model sent nothing."""
        passages = list(hits[:LLM_PASSAGES])
        pieces: list[str] = []
        try:
            for token in self.llm.stream(q.query, passages):
                pieces.append(token)
                yield token
            checked = checked_answer("".join(pieces), passages)
            failure = "" if checked else NO_MARKERS
        except Exception as exc:  # any failure of the model or its server: answer without it
            log.warning("language model failed, answering extractively: %r", exc)
            checked, failure = None, failure_reason(exc, self.llm.settings.llm_timeout_s)
        if checked:
            return checked.text, list(checked.citations), checked.notes
        text, citations, _ = self.fallback.compose(q, hits, sentences)
        if not pieces:
            yield from words(text)
        return text, citations, (prompts.LLM_FALLBACK.format(reason=failure),)
