"""The one API that the CLI, the UI and the evaluation all call: `Assistant.ask`."""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable, Collection, Generator, Sequence
from dataclasses import dataclass, replace

import numpy as np
from wordfreq import zipf_frequency

from assistant import prompts
from assistant.answer_stream import AnswerStream
from assistant.answerers import Answerer, ExtractiveAnswerer, ModelAnswerer, Written, words
from assistant.compare_answer import comparison_answer
from assistant.compose import (
    answering,
    capital,
    defines,
    holds_quoted,
    is_several_word_name,
    is_verdict,
    led_by_answer,
    lists,
    quoted_phrases,
    responder_genitive,
)
from assistant.letterhead import MAX_CHUNKS, cited_first, letterhead_answer, person_field
from assistant.llm import LLMAnswerer
from assistant.provenance import upload_notes
from assistant.question import Question, common_in_swedish, overlaps, periods_in, read_question
from assistant.records import Answer, Citation, Hit
from assistant.rerank import CrossEncoderScorer, FeatureScorer, QueryTerms, Scorer
from assistant.retrieval import HybridRetriever, LexicalHandle
from assistant.scope import Evidence, abstain_reason, dated, rule_reason
from assistant.scope_checks import counted_noun, counts
from assistant.sentence_scores import SentenceScores, score_sentences
from assistant.settings import Settings
from assistant.spelling import swedish_words
from vectorstore.analyzer import fold, term, term_matches, term_set
from vectorstore.analyzer import words as word_tokens
from vectorstore.chroma_store import ChromaStore
from vectorstore.embed_cache import SHIPPED_VECTORS, EmbeddingCache, shipped_path
from vectorstore.embedders import get_embedder
from vectorstore.embedders.base import Embedder
from vectorstore.errors import QuestionError
from vectorstore.lexical import LexicalIndex
from vectorstore.records import Chunk, Filters, period_label

log = logging.getLogger(__name__)

EVIDENCE_PASSAGES = 3  # abstention looks at the passages an answer would be built from
# The passages shown first are re-ordered by how well they answer: the top ones, by the second stage's
# score plus this share of their best sentence's probability (0.3, 0.5, 0.75 and 1.0 tried on the tuned
# and read sets; docs/rounds.md).
SHOWN_REORDERED = 8
SHOWN_BLEND = 0.75
MOVED_STEP = 1e-3  # passages an answer is to be read from (a definition, a verdict) score just above the top

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CONTEXT_TURNS = 3  # how many earlier questions a chain of follow-ups may lean back over


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation."""

    question: str


def _cleaned(text: str) -> str:
    """The text without control characters, its spaces collapsed."""
    return " ".join(_CONTROL.sub(" ", text or "").split())


def normalise_question(question: str, limit: int) -> str:
    """Strip control characters and spaces; refuse empty or over-long questions."""
    text = _cleaned(question)
    if not text:
        raise QuestionError(prompts.EMPTY_QUESTION)
    if len(text) > limit:
        raise QuestionError(prompts.QUESTION_TOO_LONG.format(length=len(text), limit=limit))
    return text


@dataclass(frozen=True)
class Ranking:
    """Candidates for one query, best first, with the signals computed on the way."""

    hits: list[Hit]
    sentences: dict[str, SentenceScores]
    scorer: FeatureScorer
    terms: QueryTerms
    retrieve_ms: float
    rerank_ms: float


WARM_UP_QUESTION = "Vad är trygghetsprogrammet?"
_EVERYDAY_ZIPF = 5.0  # a word this frequent in Swedish ('egna', 'berättar') says nothing of what a list is of


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

    def warm(self) -> None:
        """Load what the first question would otherwise wait for: the model, the index, the word list.

        Asking one question touches every part (model, lexical index, sentence cache) and a
        misspelt word loads the Swedish word list, so the first user's question is as fast as the rest.
        """
        self.ask(WARM_UP_QUESTION)
        swedish_words()

    def scorer(self) -> FeatureScorer:
        """The built-in scorer over the current lexical index."""
        index = self.lexical.get()
        return FeatureScorer(index)

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

    def rank(
        self,
        query: str,
        filters: Filters | None = None,
        rerank: bool | None = None,
        furniture: Collection[str] = (),
        names: Collection[str] = (),
    ) -> Ranking:
        """First stage, sentence signals and (unless turned off) the second stage, for one query.

        Letterheads, signatures and procedure sentences weigh nothing unless their kind is in `furniture`.
        The terms in `names` weigh nothing in the wording signals (Question.unweighted_terms): the names of
        whom the question asks, which the responder prior stands for (a sentence that names the responder,
        '… inom Enskede-Årsta-Vantörs stadsdelsområde', is not taken for one that answers), and the English
        words whose Swedish the glossary added.
        """
        t = time.perf_counter()
        query_vector = self.embedder.embed_query(query)
        hits = self.retriever.retrieve(query, query_vector, filters)
        retrieve_ms = _ms(t)

        t = time.perf_counter()
        scorer = self.scorer()
        terms = QueryTerms.of(scorer.index, query, names)
        sentences = score_sentences(
            hits, query_vector, terms.weights, self.sentence_vectors, furniture, terms.compounds
        )
        if (self.settings.retrieval.rerank if rerank is None else rerank) and hits:
            hits = (self._cross or scorer).rescore(query, query_vector, hits, sentences, terms)
            if quoted := quoted_phrases(query):  # a phrase quoted from the text: its passages first
                hits = sorted(hits, key=lambda h: not holds_quoted(h.chunk.clean_text, quoted))
        return Ranking(hits, sentences, scorer, terms, retrieve_ms, _ms(t))

    def ask(self, question: str, history: Sequence[Turn] = (), filters: Filters | None = None) -> Answer:
        """Answer a question from the documents, with citations, or say the documents do not answer."""
        return self.stream(question, history, filters).answer()

    def understand(self, question: str, history: Sequence[Turn] = (), language: str = "") -> Question:
        """The question read once: the record every later stage uses (`language` when the caller knows it)."""
        text = normalise_question(question, self.settings.answer.max_question_chars)
        q = read_question(text, self.lexical.get(), self._previous(history), language)
        if not q.metadata_field and (field := self._person_field(q)):
            return replace(q, metadata_field=field)  # 'Vilken titel har Anna Hamlin?', 'Vem är Kristoffer Bengtsson?'
        return q

    def _previous(self, history: Sequence[Turn]) -> str:
        """The last question as it stood: with what it leaned on, if it was a follow-up too.

        'Och på skadedjur?' after 'Hur mycket pengar lägger de på det?' after trafiknämnden's view of klotter is
        still trafiknämnden's: each follow-up carries the one before it, over the last few turns.
        """
        index = self.lexical.get()
        previous = ""
        for turn in history[-CONTEXT_TURNS:]:
            text = _cleaned(turn.question)
            q = read_question(text, index, previous) if text else None
            previous = q.query if q and q.follow_up else text
        return previous

    def _person_field(self, q: Question) -> str:
        """The field that tells who a person the question names is, read from the documents ('' for none)."""
        index = self.lexical.get()
        sources = dict.fromkeys(index.columns["source"])
        return person_field(
            q, lambda: [self._document_chunks(source, 0, MAX_CHUNKS) for source in sources], index.responders
        )

    def stream(self, question: str, history: Sequence[Turn] = (), filters: Filters | None = None) -> AnswerStream:
        """The answer as it is written: iterate for its pieces, then `.answer()` (see AnswerStream).

        Nothing runs until the first piece (or the answer) is asked for; errors come from there.
        """
        return AnswerStream(self._answer(question, history, filters))

    def _answer(self, question: str, history: Sequence[Turn], filters: Filters | None) -> Generator[str, None, Answer]:
        """The answer's pieces as they are written, returning the Answer."""
        started = time.perf_counter()
        q = self.understand(question, history)
        if not q.metadata_field and (per_responder := comparison_answer(self, q, filters)) is not None:
            yield from words(per_responder.text)  # who said what: answered per responder (assistant/compare.py)
            return replace(per_responder, understood=q.to_json())
        period_filters = self._period_filters(q, filters)
        ranking = self.rank(q.query, period_filters or filters, furniture=q.furniture_asked, names=q.unweighted_terms)
        passages = self.shown_passages(q, ranking)

        t = time.perf_counter()
        answer_hits = self.answer_passages(q, ranking)
        reason, written = self._decide(q, passages, answer_hits, ranking, bool(period_filters), filters)
        if reason:
            text = f"{prompts.NOT_IN_DOCUMENTS} {reason}"
            yield from words(text)
            written = text, [], (reason,)
        elif written is None:  # a language model writes; its pieces stream as they come
            written = yield from self.answerer.write(q, answer_hits, ranking.sentences)
        else:
            yield from words(written[0])
        text, citations, notes = written
        if q.metadata_field and citations:  # read from the document's fields: those passages come first
            passages = cited_first(passages, citations)
        else:
            passages = led_by_answer(passages, citations)
        timings = {
            "retrieve": ranking.retrieve_ms,
            "rerank": ranking.rerank_ms,
            "answer": _ms(t),
            "total": _ms(started),
        }
        abstained = not citations
        notes += upload_notes(self.settings.home, citations)
        return Answer(
            q.text,
            text or prompts.NOT_IN_DOCUMENTS,
            abstained,
            tuple(citations),
            tuple(passages),
            timings,
            notes,
            q.to_json(),
        )

    def _decide(
        self,
        q: Question,
        passages: list[Hit],
        answer_hits: list[Hit],
        ranking: Ranking,
        period_filtered: bool,
        filters: Filters | None = None,
    ) -> tuple[str, Written | None]:
        """Why not to answer ('' to answer), and the answer when it is written at once (None: a model writes it).

        The extractive answer is composed first, so that abstention judges the very sentences
        the answer would show.
        """
        if not passages:
            return prompts.NO_PASSAGES, None
        if period_filtered and q.responders and not any(h.chunk.meta.responder in q.responders for h in passages):
            asked = ", ".join(period_label(a, b) for a, b in q.periods)
            return prompts.OTHER_PERIOD.format(responders=" och ".join(q.responders), period=asked), None
        if q.metadata_field:
            text, citations = letterhead_answer(q, self.lexical.get(), self._document_chunks, filters)
            return ("", (text, citations, ())) if citations else (text, None)
        if self.answerer is not self.extractive:
            return self.abstain_reason(q, answer_hits, ranking), None
        written = self.extractive.compose(q, answer_hits, ranking.sentences)
        return self.abstain_reason(q, answer_hits, ranking, written[1]), written

    def _period_filters(self, q: Question, filters: Filters | None) -> Filters | None:
        """A question about a view in a programme period searches that period's responses (None: no change).

        Only views: a fact about the 2020–2023 programme may well be told by a 2024–2027 response.
        """
        if not q.periods or q.compares or (filters and filters.periods) or q.previous_programme:
            return None  # 'det förra programmet för 2020–2023': a response to the new one tells of it
        if q.metadata_field == "programperiod":
            return None  # 'Gällde EÅV:s yttrande 2024–2027 eller en tidigare omgång?': the period is what is asked
        if not (q.responders or q.answer_type == "opinion"):
            return None
        known = set(self.lexical.get().columns["period"]) - {""}
        matching = tuple(sorted(p for p in known if any(overlaps(a, d) for a in q.periods for d in periods_in(p))))
        if not matching or len(matching) == len(known):
            return None
        base = filters or Filters()
        return Filters(base.responders, matching, base.sources)

    def _document_chunks(self, source: str, first: int, count: int) -> list[Chunk]:
        """Chunks `first`.. `first+count-1` of a document, those that exist, in order."""
        index = self.lexical.get()
        ids = [i for n in range(first, first + count) if (i := index.chunk_at(source, n))]
        found = self.store.get(ids)
        return [found[i] for i in ids if i in found]

    def _next_chunk(self, chunk: Chunk) -> Chunk | None:
        """The chunk after this one in its document (None at the end)."""
        chunk_id = self.lexical.get().chunk_at(chunk.source, chunk.ordinal + 1)
        return self.store.get([chunk_id]).get(chunk_id) if chunk_id else None

    def shown_passages(self, q: Question, ranking: Ranking) -> list[Hit]:
        """The passages shown with an answer, best first.

        The second stage's order, with the top ones re-ordered by how well their best sentence
        answers (the composer's model) as well: a passage holding the sentence that answers belongs
        first even when its whole reads less like the question (figures in the README). Procedure
        and letterhead questions keep the ranking: their answers are read from fields, not composed.
        """
        hits = ranking.hits
        if q.asks_procedure or not hits:
            return hits[: self.settings.retrieval.top_k]
        top = hits[:SHOWN_REORDERED]
        answers = answering(top, ranking.sentences, q.answer_type, q.overall, q.years)
        order = sorted(range(len(top)), key=lambda i: -(top[i].score + SHOWN_BLEND * answers[i]))
        return ([top[i] for i in order] + hits[SHOWN_REORDERED:])[: self.settings.retrieval.top_k]

    def answer_passages(self, q: Question, ranking: Ranking) -> list[Hit]:
        """The passages an answer is built from: the top ones, only the named responders' if any is named.

        A definition is read where a passage defines the term ("(PDV, Pågående dödligt våld)"), a
        responder's view of the programme where it states its verdict ("ställer sig positiv till
        programförslaget"), and a list asked for where a passage introduces one by the question's
        rarest word ("… fyra fokusområden:"): such passages among all candidates come first,
        however the rest of the question ranked them.
        """
        candidates = ranking.hits
        first: set[str] = set()
        if q.defined_term:
            # a capitalised name of several words is defined or explained only where a passage uses it whole ('Tyck
            # till-appen', not 'Förvaltningen tycker …'); where none defines it, such a passage explains it by use
            named = " ".join(fold(q.defined_term.lower()).split())
            name = is_several_word_name(q.defined_term)
            whole = [h for h in candidates if not name or named in " ".join(fold(h.chunk.clean_text.lower()).split())]
            first = {h.chunk.id for h in whole if defines(ranking.sentences[h.chunk.id].texts, q.defined_term)}
            first = first or ({h.chunk.id for h in whole} if name else set())
        elif q.answer_type == "opinion" and q.overall and q.responders:
            # What a responder thinks of the programme is read where it states its verdict on it.
            first = {h.chunk.id for h in candidates if any(map(is_verdict, ranking.sentences[h.chunk.id].texts))}
        elif q.answer_type == "list" and (asked := self._rarest_term(q, ranking)):
            # 'Vilka är fokusområdena …?' is read where a passage lists them ('… fyra fokusområden:').
            first = {h.chunk.id for h in candidates if lists(ranking.sentences[h.chunk.id].texts, asked)}
        elif q.answer_type == "quantity" and (noun := counted_noun(q)):
            # 'Hur många fokusområden …?' is read where a passage counts them ('… fyra fokusområden') and
            # names what the question is about ('Hur många elever använder Cosafe?' is not '26 300 elever').
            about = self._rarest_besides(q, ranking, term(noun.lower()))
            first = {
                h.chunk.id
                for h in candidates
                if (not about or any(term_matches(about, t) for t in term_set(h.chunk.clean_text)))
                and any(counts(t, fold(noun)) for t in ranking.sentences[h.chunk.id].texts)
            }
        if first and candidates:  # moved up in rank order and scored as the best, the rest as the least
            moved = [h for h in candidates if h.chunk.id in first]
            top, bottom = candidates[0].score, min(h.score for h in candidates)
            candidates = [
                *(replace(h, score=top + MOVED_STEP * (len(moved) - i)) for i, h in enumerate(moved)),
                *(replace(h, score=bottom) for h in candidates if h.chunk.id not in first),
            ]
        passages = candidates[: self.settings.retrieval.top_k]
        return [h for h in passages if h.chunk.meta.responder in q.responders] or passages

    @staticmethod
    def _rarest_term(q: Question, ranking: Ranking, text: str = "") -> str:
        """The question's rarest word the documents know ('' when none): what a list asked for is of.

        Not a number, a responder's name, nor an everyday word ('Vilka egna åtgärder …': 'egna'). Of its
        query (the glossary's and acronyms' words added), or of `text` ('ANDT', not the 'alkohol' it stands for).
        """
        return _rarest_known(
            ranking.scorer.index,
            text or q.query,
            lambda w: (
                not w.isdigit()
                and term(w) not in q.unweighted_terms
                and zipf_frequency(w.lower(), "sv") < _EVERYDAY_ZIPF
            ),
        )

    @staticmethod
    def _rarest_besides(q: Question, ranking: Ranking, counted: str) -> str:
        """The question's rarest word the documents know besides what it counts; no common Swedish word ('nya')."""
        return _rarest_known(
            ranking.scorer.index, q.corrected, lambda w: term(w) != counted and not common_in_swedish(w)
        )

    @staticmethod
    def evidence(answer_hits: Sequence[Hit], ranking: Ranking, citations: Sequence[Citation] = ()) -> Evidence:
        """How well the passages an answer would use support the question, and what the answer would say.

        Support counts what the question asks, not the responder it names: a ranking made with the
        question's name terms (`rank(names=…)`) weighs them nothing, so 'Vad tycker Kungsholmen om
        belysning?' is not supported by any sentence that says 'Kungsholmens stadsdelsförvaltning'.
        """
        used = [(h.chunk.meta.date, ranking.sentences[h.chunk.id]) for h in answer_hits[:EVIDENCE_PASSAGES]]
        content = [(date, s, i) for date, s in used for i in range(len(s.texts)) if s.is_content(i)]
        covered = [float(s.coverage[i]) for _, s, i in content]
        # A sentence about the present ('i år', 'nu') is about its document's year, and says so here.
        answer_sentences = tuple(
            dated(c.chunk.clean_text[span.start : span.end], c.chunk.meta.date)
            for c in citations
            for span in c.highlights
        )
        written = tuple(c.chunk.clean_text for c in citations) + answer_sentences
        return Evidence(
            support=max(covered, default=0.0),
            top_dense=max((float(s.dense[i]) for _, s, i in content), default=0.0),
            sentences=tuple(dated(s.texts[i], date) for date, s, i in content),
            answer_sentences=answer_sentences,
            context=written + tuple(t for c in citations for t in (c.chunk.meta.title, c.chunk.meta.period)),
            periods=tuple(p for c in citations for p in periods_in(c.chunk.meta.period)),
            written=written,
            dates=tuple(c.chunk.meta.date for c in citations),
        )

    def abstain_reason(
        self,
        q: Question,
        answer_hits: list[Hit],
        ranking: Ranking,
        citations: Sequence[Citation] = (),
        rules_only: bool = False,
    ) -> str:
        """Why the documents do not answer ('' when they may), judged on what an answer would use.

        With `rules_only`, only the named rules judge (a body that did not respond, a year not
        given …), not how similar the passages are.
        """
        evidence = self.evidence(answer_hits, ranking, citations)
        # A responder's view of the whole programme is answered wherever it states its verdict on it,
        # however the question is worded ('Är EÅV nöjd med programmet?').
        verdict = q.answer_type == "opinion" and q.overall and bool(q.responders)
        if rules_only or (verdict and any(map(is_verdict, evidence.answer_sentences))):
            return rule_reason(q, evidence, ranking.scorer.index)
        thresholds = self.settings.abstention
        return abstain_reason(q, evidence, ranking.scorer.index, thresholds) or _taken_up_elsewhere(
            q, ranking, thresholds.elsewhere_margin, lambda: self._rarest_term(q, ranking, q.corrected)
        )


def _taken_up_elsewhere(q: Question, ranking: Ranking, margin: float, rarest: Callable[[], str] = lambda: "") -> str:
    """Why one named responder cannot answer: another's passage outscores its best by `margin` ('' if none does).

    Scored by the second stage with the named responder's prior left out: a question asked of a
    topic only another response takes up ('Vad säger trafiknämnden om skolans larmapp?') ranks that
    other response's passage far above any of the named one's. Set on the read questions (README):
    no answerable one differs by as much. A named response whose passages use the question's rarest word
    ('Vad säger socialnämnden om ANDT?': its 'ANDT-arbete') takes the topic up, however another outscores it
    (`rarest` gives that word, looked up only when the margin would decline).
    """
    if math.isinf(margin) or len(q.responders) != 1 or q.compares or q.metadata_field or q.follow_up:
        return ""
    named = q.responders[0]
    # only the built-in second stage adds a prior for the responder named; a cross-encoder has none
    prior = ranking.scorer.weights.responder if isinstance(ranking.scorer, FeatureScorer) else 0.0
    own = [h.score - prior for h in ranking.hits if h.chunk.meta.responder == named]
    others = [h for h in ranking.hits if h.chunk.meta.responder and h.chunk.meta.responder != named]
    best = max(others, key=lambda h: h.score, default=None)
    if not own or best is None or best.score - max(own) <= margin:
        return ""
    word = rarest()
    if word and any(
        term_matches(word, t)
        for h in ranking.hits
        if h.chunk.meta.responder == named
        for t in term_set(h.chunk.clean_text)
    ):
        return ""
    other = f"{responder_genitive(best.chunk.meta.responder)} remissvar"
    return prompts.ELSEWHERE.format(whose=capital(responder_genitive(named)), other=other)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


def _rarest_known(index: LexicalIndex, text: str, keep: Callable[[str], bool]) -> str:
    """The term of the text's rarest word the documents know among those `keep` takes ('' when none).

    Of equally rare words the first in the text: in text order, not a set's, so every run answers alike.
    """
    known = dict.fromkeys(term(w) for w in word_tokens(text) if term(w) in index.vocab and keep(w))
    return max(known, key=lambda t: index.idf[index.vocab[t]], default="")
