"""Who said what: per-responder views of a topic, and questions that compare responders.

A question that names two or more responders, or asks how they differ ("skiljer sig",
"jämför", "respektive"), or asks about every responder ("varje nämnd", "vilka nämnder är
kritiska …"), is answered per responder: the topic is retrieved once per responder with the
responder filter, the answerability decision of single answers is made on that responder's
passages, and the answer has one short cited paragraph per responder in a stable order, or
"Tar inte upp frågan" where its best passages do not address the topic. "Vilka nämnder har
svarat på remissen?" and its kin are answered from the catalogue of documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant import prompts
from assistant.compare_choice import choose, holds_topic, names_rarest, names_rarest_in
from assistant.compose import best_sentences, continuation, following_items, leaned_on
from assistant.doctext import DocText, SentenceRef, load_document
from assistant.glossary import documents_words
from assistant.positions import NO_POSITION, Label, Position, is_procedural
from assistant.question import IN_WHICH_RESPONSES, RESPONDER_GROUP, Question, acronym_words, is_english
from assistant.records import Hit
from assistant.rerank import idf_weights
from assistant.sentence_scores import SentenceScores
from assistant.topics import is_general
from ingest.furniture import PROCEDURE
from ingest.pipeline import document_text_path
from vectorstore.analyzer import analyze, fold
from vectorstore.records import Chunk, Filters

if TYPE_CHECKING:
    from assistant.core import Assistant

LEAD_SENTENCES = 3  # the sentences a single answer to the question opens with lead a responder's view
PASSAGES_PER_RESPONDER = 3  # the passages a responder's view is read from (as abstention judges)
# A deeper passage of the responder is read too when one of its sentences holds every term of the topic.
DEEP_PASSAGES = 8
# A topic that is the programme itself ('vad tycker varje nämnd om programmet?') is answered
# with each responder's position sentences from more of its passages, whatever their wording.
GENERAL_PASSAGES = 20
# Which responders take a topic up: those naming a word within this share of its rarest one's idf (0.8, the
# paragraph's own share, until the thirty-fifth round; 0.6 set on the read which-comparisons: parts 0.818 -> 0.850).
WHICH_SHARE = 0.6
SHORT_TOPIC = 2  # known words of a topic judged by the words its passages name rather than by similarity
NOT_ADDRESSED = prompts.NOT_ADDRESSED


# Which responses are on which programme: 'Vilka remissvar gäller programmet 2020–2023?', '… det äldre programmet?'
_OF_PROGRAMME = (
    r"\b(vilka remissvar|which responses) (galler|avser|ror|handlar om|hor till|concern|are about"
    r"|relate to|belong to|deal with) (det |den |the )?(aldre |nya |gamla |tidigare |older |new |old |earlier )?"
    r"(programmet|program\w*|trygghetsprogram\w*|perioden|period|\d{4})"
    # who answered which one: 'Vilka två nämnder svarade på det äldre programmet?'
    r"|\b(vilka|which) ((\d|tva|tre|fyra|two|three|four) )?(namnder|remissinstanser|committees|responders|bodies) "
    r"(har |have )?(svarade|svarat|yttrade sig|yttrat sig|responded|replied) (pa|over|om|to|on) (det |den |the )?"
    r"(aldre |nya |gamla |tidigare |forra |older |new |old |earlier |previous )?"
    r"(programmet|program\w*|trygghetsprogram\w*)"
)
_OVERVIEW = re.compile(
    rf"\bvilka {RESPONDER_GROUP} (har |som har )?"
    r"(svarat|svarade|besvarat|besvarade|yttrat|yttrade|lamnat|lamnade|inkommit)\b"
    r"|\bvilka (har|som har) (svarat|besvarat|yttrat sig)\b|\bvilka remissvar (finns|ingar|har)\b"
    rf"|{_OF_PROGRAMME}"
    r"|\bhur manga (namnder|remissvar|remissinstanser)\w* (har )?(svarat|finns|besvarat)\b"
    r"|\bwhich (committees|bodies|responders) (have )?(responded|replied|answered)\b"
    r"|\bwho (has |have )?(responded|replied)\b"
    # what the assistant holds, asked as a whole question ('vilka svar finns det?', 'What documents do you have?')
    # (read folded: 'finns det här' is 'finns det har')
    r"|\bvilka (svar|remissvar|dokument|yttranden|texter) (finns( det)?( har)?|ingar|har (ni|du))\s*[?.!]?\s*$"
    r"|\b(which|what) (responses|documents|replies|texts) (are there|do you have|are (included|available))"
    r"\s*[?.!]?\s*$",
)


@dataclass(frozen=True)
class Statement:
    """A cited sentence of a responder: its chunk, its span in the chunk's clean_text, its place in the file."""

    chunk: Chunk
    start: int
    end: int
    ref: SentenceRef


@dataclass(frozen=True)
class View:
    """What one responder says on a topic, or that it does not take the topic up (addressed=False)."""

    responder: str
    source: str
    addressed: bool
    position: Position
    statements: tuple[Statement, ...] = ()
    reason: str = ""
    hits: tuple[Hit, ...] = ()


# "Vilka nämnder tar upp X?": the answer names only the responders whose passages speak of X.
# 'Vilken nämnd tar upp X?' asks the same; 'Vilken nämnd är mest kritisk?' asks every responder's view.
_WHICH = re.compile(
    rf"\bvilka (av )?(de )?{RESPONDER_GROUP}|\bvilk(en|et) (av )?(de )?{RESPONDER_GROUP} (?!(ar|var) (mest|minst)\b)"
    rf"|\bwhich (of the )?(committees?|bod(y|ies)|responders?)\b|{IN_WHICH_RESPONSES}"
)
# Whether anyone does ('Is anyone critical of …?', 'Finns det någon som …', 'Tar någon annan än X upp …?').
_SOMEONE = r"(nagon|nan|nagot|nat)"
_WHETHER_ANYONE = re.compile(
    r"\b(is|are|was|were) (there )?(anyone|anybody|someone)\b|\b(does|did) (anyone|anybody|someone)\b"
    # 'Finns det någon som …', 'finns det nån nämnd som …', 'Är det någon av nämnderna som …'
    rf"|\b(finns|ar) det {_SOMEONE} ((av )?(de |dom )?{RESPONDER_GROUP} )?som\b|\b(nagon|nan) annan an\b"
    # asked verb first: 'Ser någon risker med …?', 'Saknar någon …?', 'Tar något remissvar upp …?', 'Hänvisar
    # någon nämnd till forskning?'
    r"|^\s*(ser|sag|tar|tog|lyfter|namner|tycker|anser|vill|saknar|kritiserar|efterfragar|varnar|pekar|invander"
    r"|hanvisar|skriver|beskriver|diskuterar|kommenterar) "
    rf"((nagon|nan)\b(?! (av|annan|sorts?|slags)\b)|(nagot|nat) {RESPONDER_GROUP})"
)


def asks_which(question: str) -> bool:
    """Whether the question asks which responders take a topic up (not every responder's view)."""
    return bool(_WHICH.search(fold(" ".join(question.split()))))


def asks_anyone(question: str) -> bool:
    """Whether the question asks if anyone takes a topic up: which responders do, when it names none."""
    return bool(_WHETHER_ANYONE.search(fold(" ".join(question.split()))))


def asks_of_programme(question: str) -> bool:
    """Whether the question asks which responses are on a programme ('… avser det äldre programmet?')."""
    return bool(re.search(_OF_PROGRAMME, fold(" ".join(question.split()))))


def asks_overview(question: str) -> bool:
    """Whether the question asks who responded ('Vilka nämnder har svarat på remissen?'): the catalogue answers it."""
    return bool(_OVERVIEW.search(fold(" ".join(question.split()))))


def ordered(responders: Iterable[str]) -> list[str]:
    """Responders in the one stable order every answer and table uses (alphabetical, Swedish letters last)."""
    return sorted(set(responders), key=lambda r: (fold(r), r))


def responders_in_scope(assistant: Assistant, filters: Filters | None) -> list[str]:
    """The responders with a document in the store that the filters let through, in stable order."""
    filters = filters or Filters()
    return ordered(d.responder for d in assistant.lexical.get().documents if d.responder and filters.admits(d))


def _document(assistant: Assistant, source: str) -> DocText | None:
    return load_document(document_text_path(assistant.settings, source), source)


def _statement(doc: DocText | None, chunk: Chunk, start: int, end: int) -> Statement | None:
    """A sentence of a chunk with its span in the file; None when the document's text is not kept."""
    if doc is None:
        return None
    offset = doc.chunk_offset(chunk)
    if offset is None:
        return None
    return Statement(chunk, start, end, doc.sentence(offset + start, offset + end, chunk.section))


def view_of(
    assistant: Assistant,
    topic: str,
    responder: str,
    filters: Filters | None = None,
    prefer: Label | None = None,
    opinion: bool = True,
    procedure: bool = False,
    which: bool = False,
    lead: Sequence[tuple[Hit, tuple[int, int]]] = (),
    held_to: str = "",
) -> View:
    """One responder's view of a topic, or not addressed.

    With `opinion` (a question about views, and every compilation), sentences that state a
    position are preferred among the relevant ones; otherwise ('Vilket datum …') relevance alone decides.
    With `procedure` (a question about the referral's handling: 'beretts', 'förslag till beslut') the
    sentences about that handling count, as on the single-answer path. With `which` ('Vilka nämnder
    tar upp stöd till föräldrar?') a responder takes the topic up only when its passages name the
    topic's rarest word ('föräldrar'), not only a common one ('stöd'). The `lead` sentences (what a
    single answer to the question as asked would open with, `single_answer_leads`) come first: the
    topic alone loses what the question asks of it ('skiljer sig mycket från det gamla').
    """
    filters = filters or Filters()
    scope = Filters((responder,), filters.periods, filters.sources)
    # A topic is in the documents' words: an English question's topic has the glossary's Swedish words added.
    # The topic is asked of this responder: a body it names ('funktionshinderrådet') is what the response
    # says of it, not a body whose own response is missing.
    # Read as Swedish (its glossary words are in it already), an English topic is still held to the English
    # similarity floor: its words are less like any Swedish sentence than the documents' own would be.
    language = "en" if is_english(topic) else "sv"
    understood = replace(assistant.understand(topic, language="sv"), responders=(responder,), language=language)
    # A topic word the documents never use is searched by their word for it ('friskolor' -> 'fristående skolor'),
    # and so is the topic of a question held to its rare words ('fusk' -> 'välfärdsbrott').
    searched = understood.query if understood.unknown_terms or which else topic
    ranking = assistant.rank(searched, scope, furniture=(PROCEDURE,) if procedure else ())
    hits = [h for h in ranking.hits if h.chunk.meta.responder == responder][:PASSAGES_PER_RESPONDER]
    if not hits:
        return View(responder, "", False, NO_POSITION, reason="inga dokument")
    index = ranking.scorer.index
    if language == "sv":  # 'platsamverkan' is weighed and looked for as 'platssamverkan'
        topic = understood.corrected
    weights = idf_weights(index, index.query_terms(topic))
    reason = assistant.abstain_reason(understood, hits, ranking)
    if reason:
        # A topic of one or two words ('narkotika och droger') is less like any sentence than a question
        # is: where the responder's passages name its rarest word (in the documents' words: 'friskolor'
        # -> 'fristående skolor'), only the named rules can say it is not addressed.
        known = {t: w for t, w in idf_weights(index, index.query_terms(searched)).items() if t in index.vocab}
        if 0 < len(known) <= SHORT_TOPIC and names_rarest(
            [ranking.sentences[h.chunk.id] for h in hits], known, index.vocab
        ):
            reason = assistant.abstain_reason(understood, hits, ranking, rules_only=True)
    if which and not reason:  # only the passages that name the topic's rarest word, among more of them
        mine = [h for h in ranking.hits if h.chunk.meta.responder == responder][:DEEP_PASSAGES]
        # 'mer stöd eller tydligare vägledning': the rarest word of either alternative will do, and
        # so will the documents' own word for the topic ('fusk' -> 'välfärdsbrott').
        # An English topic is held to the words `held_to` names (see compare_rules.Comparison), an acronym
        # to its words too ('MVP': Mentorer i våldsprevention).
        alternatives = (
            [held_to, *acronym_words(held_to, index.acronyms)]
            if held_to
            else [*re.split(r"\s+(?:eller|or)\s+", topic), documents_words(topic, False, lambda _: True)]
        )
        options = [idf_weights(index, index.query_terms(o)) for o in alternatives if o]
        hits = [
            h
            for h in mine
            if any(names_rarest([ranking.sentences[h.chunk.id]], w, index.vocab, WHICH_SHARE) for w in options)
        ]
        if not hits:
            return View(responder, mine[0].chunk.source, False, NO_POSITION, reason=NOT_ADDRESSED, hits=tuple(mine))
        # and a single answer's opening leads only where it names the topic at all
        lead = [
            (hit, (a, b))
            for hit, (a, b) in lead
            if any(names_rarest_in(hit.chunk.clean_text[a:b], w, index.vocab, share=0.0) for w in options)
        ]
    if reason:
        return View(responder, hits[0].chunk.source, False, NO_POSITION, reason=reason, hits=tuple(hits))
    general = is_general(topic)
    if general or prefer:
        hits = [h for h in ranking.hits if h.chunk.meta.responder == responder][:GENERAL_PASSAGES]
    views = opinion or general or prefer is not None
    if not (general or prefer or which) and len(weights) >= 2:  # a deeper passage holding the whole topic
        deeper = [h for h in ranking.hits if h.chunk.meta.responder == responder][len(hits) : DEEP_PASSAGES]
        hits = hits + [h for h in deeper if holds_topic(ranking.sentences[h.chunk.id], weights)]
    retold = _retold(assistant, hits, ranking.sentences) if views else frozenset()
    topic_terms = frozenset(analyze(topic))
    chosen = choose(hits, ranking.sentences, prefer, general, views, procedure, topic_terms, weights, retold)
    if not procedure:  # how the referral was handled, or who it went to, is no one's view here either
        lead = [(hit, (a, b)) for hit, (a, b) in lead if not is_procedural(hit.chunk.clean_text[a:b])]
    chosen = _with_its_context(_led_by(lead, chosen))
    doc = _document(assistant, hits[0].chunk.source)
    statements = []
    for hit, (a, b) in chosen:
        if hit.chunk.source != (doc.source if doc else ""):
            doc = _document(assistant, hit.chunk.source)
        statement = _statement(doc, hit.chunk, a, b)
        if statement is not None:
            statements.append(statement)
    if not statements:
        return View(
            responder, hits[0].chunk.source, False, NO_POSITION, reason="dokumentets text saknas", hits=tuple(hits)
        )
    position = next((s.ref.position for s in statements if s.ref.position.stated), NO_POSITION)
    return View(responder, statements[0].chunk.source, True, position, tuple(statements), hits=tuple(hits))


def _retold(
    assistant: Assistant, hits: Sequence[Hit], sentences: Mapping[str, SentenceScores]
) -> frozenset[tuple[str, tuple[int, int]]]:
    """The sentences of the hits (chunk id, span) that retell the proposal rather than state the responder's view."""
    out: set[tuple[str, tuple[int, int]]] = set()
    for hit in hits:
        doc = _document(assistant, hit.chunk.source)
        offset = doc.chunk_offset(hit.chunk) if doc else None
        if doc is None or offset is None:
            continue
        out.update((hit.chunk.id, span) for span in sentences[hit.chunk.id].spans if doc.retells(offset + span[0]))
    return frozenset(out)


def single_answer_leads(
    assistant: Assistant, q: Question, responders: Sequence[str], filters: Filters | None = None
) -> dict[str, list[tuple[Hit, tuple[int, int]]]]:
    """Per responder, the sentences a single answer to the question from its document would open with.

    The question is ranked once over the responders' documents, and each answer composed from
    its own passages among them. Only a question about a part of the programme is led so (a view
    of the whole opens with the position sentences), so a verdict on the whole counts for half. A
    list question's lead may introduce a list ('… fyra fokusområden:'): its items follow it.
    """
    filters = filters or Filters()
    ranking = assistant.rank(
        q.query, Filters(tuple(responders), filters.periods, filters.sources), names=q.unweighted_terms
    )
    lists = q.answer_type == "list"
    out = {}
    for responder in responders:
        # its passages as a single answer reads them: a list asked for where a passage introduces one
        own = replace(ranking, hits=[h for h in ranking.hits if h.chunk.meta.responder == responder])
        hits = assistant.answer_passages(replace(q, responders=(responder,)), own)
        best = best_sentences(
            hits, ranking.sentences, q.answer_type, LEAD_SENTENCES, overall=False, given=q.years, introductions=lists
        )
        lead: list[tuple[Hit, tuple[int, int]]] = []
        listed: set[str] = set()
        for s in best:
            hit = hits[s.hit_rank]
            items = [(hit, span) for span in following_items(hit, s.end)] if s.text.rstrip().endswith(":") else []
            keys = {_said(item) for item in items}
            if keys and keys <= listed:
                continue  # the same list introduced again elsewhere in the response
            listed |= keys
            lead += [(hit, (s.start, s.end)), *items]
        out[responder] = lead
    return out


def _with_its_context(chosen: list[tuple[Hit, tuple[int, int]]]) -> list[tuple[Hit, tuple[int, int]]]:
    """The first sentence with the one it leans back on ('Här kan …') and the one that leans on it ('Detta görs …').

    A responder's thought often runs over two sentences: a view and how, or a finding and what follows.
    A later sentence brings the one it leans back on too.
    """
    if not chosen:
        return chosen
    hit, (start, end) = chosen[0]
    before, after = leaned_on(hit, start), continuation(hit, end)
    out = [(hit, span) for span in (before, (start, end), after) if span is not None]
    said = {_said(c) for c in out}
    for hit, (start, end) in chosen[1:]:  # a later sentence that leans back ('Därför bör …') brings its ground
        for span in (leaned_on(hit, start), (start, end)):
            if span is not None and _said((hit, span)) not in said:  # once, though chunks overlap
                said.add(_said((hit, span)))
                out.append((hit, span))
    return out


def _said(chosen: tuple[Hit, tuple[int, int]]) -> str:
    """A chosen sentence's text, as compared for repeats (overlapping chunks hold a sentence twice)."""
    hit, (a, b) = chosen
    return fold(" ".join(hit.chunk.clean_text[a:b].split()))


def _led_by(
    lead: Sequence[tuple[Hit, tuple[int, int]]], chosen: list[tuple[Hit, tuple[int, int]]]
) -> list[tuple[Hit, tuple[int, int]]]:
    """The lead sentences first, then the chosen ones they do not repeat (chunks overlap: compared by text)."""
    said = {_said(c) for c in lead}
    return [*lead, *(c for c in chosen if _said(c) not in said)]
