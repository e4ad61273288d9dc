"""The one API that the CLI, the UI and the evaluation all call: `Assistant.ask`."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass

import numpy as np

from assistant import prompts
from assistant.answer_stream import AnswerStream
from assistant.answerers import Answerer, ExtractiveAnswerer, ModelAnswerer, Written, words
from assistant.llm import LLMAnswerer
from assistant.records import Answer, Hit
from assistant.rerank import CrossEncoderScorer, FeatureScorer, Scorer, idf_weights
from assistant.retrieval import HybridRetriever, LexicalHandle
from assistant.scope import Evidence, abstain_reason
from assistant.sentence_scores import SentenceScores, score_sentences
from assistant.settings import Settings
from vectorstore.analyzer import analyze
from vectorstore.chroma_store import ChromaStore
from vectorstore.embed_cache import SHIPPED_VECTORS, EmbeddingCache, shipped_path
from vectorstore.embedders import get_embedder
from vectorstore.embedders.base import Embedder
from vectorstore.errors import QuestionError
from vectorstore.records import Chunk, Filters

log = logging.getLogger(__name__)

# Words that name a kind of committee rather than one committee.
_GENERIC_RESPONDER_TERMS = set(analyze("nämnd nämnden nämnds stadsdelsnämnd stadsdelsnämnden förvaltning"))
EVIDENCE_PASSAGES = 3  # abstention looks at the passages an answer would be built from
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FOLLOW_UP = re.compile(r"^\s*(och|men|samt|också|även|vad mer|hur då|varför det|and|what about)\b", re.I)
_PRONOUN = re.compile(r"\b(den|det|de|dem|dessa|detta|denna|deras|dess|it|they|them)\b", re.I)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation."""

    question: str


def normalise_question(question: str, limit: int) -> str:
    """Strip control characters and spaces; refuse empty or over-long questions."""
    text = " ".join(_CONTROL.sub(" ", question or "").split())
    if not text:
        raise QuestionError(prompts.EMPTY_QUESTION)
    if len(text) > limit:
        raise QuestionError(prompts.QUESTION_TOO_LONG.format(length=len(text), limit=limit))
    return text


def resolve_follow_up(question: str, history: Sequence[Turn]) -> str:
    """Make a follow-up ('Och vad tyckte trafiknämnden?') stand alone by adding the previous topic."""
    if not history:
        return question
    short = len(analyze(question)) <= 4
    if not (short or _FOLLOW_UP.search(question) or _PRONOUN.search(question)):
        return question
    previous = history[-1].question
    return f"{question} ({previous})"


@dataclass(frozen=True)
class Ranking:
    """Candidates for one query, best first, with the signals computed on the way."""

    hits: list[Hit]
    sentences: dict[str, SentenceScores]
    scorer: FeatureScorer
    retrieve_ms: float
    rerank_ms: float


class Assistant:
    """Retrieval, second stage, abstention and answer composition behind one call."""

    def __init__(self, settings: Settings, store: ChromaStore | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.store = store or ChromaStore(settings)
        self._embedder = embedder
        self._embedder_lock = threading.Lock()
        self.lexical = LexicalHandle(settings, self.store)
        self.retriever = HybridRetriever(settings, self.store, self.lexical)
        self._cache: EmbeddingCache | None = None
        self._cross: Scorer | None = (
            CrossEncoderScorer(settings.retrieval.cross_encoder) if settings.retrieval.cross_encoder else None
        )
        self.llm = LLMAnswerer(settings.answer)  # builds its model only when first asked
        self.extractive = ExtractiveAnswerer(
            settings.answer.max_sentences, self._next_chunk if settings.retrieval.expand_neighbours else None
        )
        self.answerer: Answerer = (
            ModelAnswerer(self.llm, self.extractive) if settings.answer.backend == "llm" else self.extractive
        )

    @property
    def embedder(self) -> Embedder:
        """The embedder, loaded once per process on first use."""
        if self._embedder is None:
            with self._embedder_lock:
                if self._embedder is None:
                    self._embedder = get_embedder(self.settings.embedding)
        return self._embedder

    def scorer(self) -> FeatureScorer:
        """The built-in scorer over the current lexical index."""
        index = self.lexical.get()
        terms = {r: set(analyze(r)) - _GENERIC_RESPONDER_TERMS for r in index.responders}
        return FeatureScorer(index, terms)

    def sentence_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of sentences, from the cache filled at ingest (embedded now if missing)."""
        return self._sentence_cache().embed_documents(self.embedder, texts)[0]

    def warm_sentence_vectors(self, texts: Sequence[str], batch: int = 64) -> threading.Thread:
        """Embed sentences missing from the cache in a background thread, a batch at a time.

        An ingest embeds chunks only (ingest.vectors=chunks); this fills in their sentences
        before questions need them. Questions interleave: the embedder is locked per batch.
        """
        unique = list(dict.fromkeys(texts))

        def work() -> None:
            for lo in range(0, len(unique), batch):
                self.sentence_vectors(unique[lo : lo + batch])

        thread = threading.Thread(target=work, name="warm-sentence-vectors", daemon=True)
        thread.start()
        return thread

    def _sentence_cache(self) -> EmbeddingCache:
        if self._cache is None:
            name = self.embedder.name  # loads the model, under the same lock: not inside it
            with self._embedder_lock:
                if self._cache is None:
                    cache = EmbeddingCache(self.settings.embedding_cache, name)
                    if self.settings.ingest.shipped_vectors:  # a store filled elsewhere: its sentences
                        cache.seed(shipped_path(SHIPPED_VECTORS, name))
                    self._cache = cache
        return self._cache

    def rank(self, query: str, filters: Filters | None = None, rerank: bool | None = None) -> Ranking:
        """First stage, sentence signals and (unless turned off) the second stage, for one query."""
        t = time.perf_counter()
        query_vector = self.embedder.embed_query(query)
        hits = self.retriever.retrieve(query, query_vector, filters)
        retrieve_ms = _ms(t)

        t = time.perf_counter()
        scorer = self.scorer()
        weights = idf_weights(scorer.index, scorer.index.query_terms(query))
        sentences = score_sentences(hits, query_vector, weights, self.sentence_vectors)
        if (self.settings.retrieval.rerank if rerank is None else rerank) and hits:
            hits = (self._cross or scorer).rescore(query, query_vector, hits, sentences)
        return Ranking(hits, sentences, scorer, retrieve_ms, _ms(t))

    def ask(self, question: str, history: Sequence[Turn] = (), filters: Filters | None = None) -> Answer:
        """Answer a question from the documents, with citations, or say the documents do not answer."""
        return self.stream(question, history, filters).answer()

    def stream(self, question: str, history: Sequence[Turn] = (), filters: Filters | None = None) -> AnswerStream:
        """The answer as it is written: iterate for its pieces, then `.answer()` (see AnswerStream).

        Nothing runs until the first piece (or the answer) is asked for; errors come from there.
        """
        return AnswerStream(self._answer(question, history, filters))

    def _answer(self, question: str, history: Sequence[Turn], filters: Filters | None) -> Generator[str, None, Answer]:
        """The answer's pieces as they are written, returning the Answer."""
        started = time.perf_counter()
        question = normalise_question(question, self.settings.answer.max_question_chars)
        query = resolve_follow_up(question, history)
        ranking = self.rank(query, filters)
        passages = ranking.hits[: self.settings.retrieval.top_k]

        t = time.perf_counter()
        answer_hits = self.answer_passages(question, ranking, query)
        reason = self.abstain_reason(question, answer_hits, ranking) if passages else "inga dokument"
        written: Written
        if reason:
            yield from words(prompts.NOT_IN_DOCUMENTS)
            written = prompts.NOT_IN_DOCUMENTS, [], (reason,)
        else:
            written = yield from self.answerer.write(query, answer_hits, ranking.sentences)
        text, citations, notes = written
        timings = {
            "retrieve": ranking.retrieve_ms,
            "rerank": ranking.rerank_ms,
            "answer": _ms(t),
            "total": _ms(started),
        }
        abstained = not citations
        return Answer(
            question, text or prompts.NOT_IN_DOCUMENTS, abstained, tuple(citations), tuple(passages), timings, notes
        )

    def _next_chunk(self, chunk: Chunk) -> Chunk | None:
        """The chunk after this one in its document (None at the end)."""
        chunk_id = self.lexical.get().chunk_at(chunk.source, chunk.ordinal + 1)
        return self.store.get([chunk_id]).get(chunk_id) if chunk_id else None

    def answer_passages(self, question: str, ranking: Ranking, query: str = "") -> list[Hit]:
        """The passages an answer is built from: the top ones, only the named responder's if one is named."""
        passages = ranking.hits[: self.settings.retrieval.top_k]
        scorer = ranking.scorer
        # A question about one responder is answered from that responder's document.
        named = scorer.named_responders(question) or (scorer.named_responders(query) if query else set())
        return [h for h in passages if h.chunk.meta.responder in named] or passages

    @staticmethod
    def evidence(answer_hits: Sequence[Hit], ranking: Ranking) -> Evidence:
        """How well the first passages an answer would use support the question."""
        used = [ranking.sentences[h.chunk.id] for h in answer_hits[:EVIDENCE_PASSAGES]]
        return Evidence(
            support=max((float(s.coverage.max(initial=0.0)) for s in used), default=0.0),
            top_dense=max((float(s.dense.max(initial=0.0)) for s in used), default=0.0),
            sentences=tuple(t for s in used for t in s.texts),
        )

    def abstain_reason(self, question: str, answer_hits: list[Hit], ranking: Ranking) -> str:
        """Why the documents do not answer ('' when they may), judged on the passages an answer would use."""
        index = ranking.scorer.index
        evidence = self.evidence(answer_hits, ranking)
        return abstain_reason(question, evidence, index, index.responders, self.settings.abstention)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
