"""Answers to comparison and overview questions, grouped by responder, every claim cited.

`Assistant.ask` hands a question here first; `comparison_answer` returns None for an ordinary
question, which then takes the single-answer path.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from itertools import zip_longest
from typing import TYPE_CHECKING

from assistant import prompts
from assistant.compare import NOT_ADDRESSED, View, asks_of_programme, asks_overview, ordered
from assistant.compare_rules import Comparison, compare_views
from assistant.compose import led_by_answer, marked_lines
from assistant.doctext import load_document
from assistant.positions import LABELS
from assistant.question import Question
from assistant.records import Answer, Citation, Hit, Span
from assistant.responder_names import responders_in_order
from assistant.scope_checks import service_asked
from assistant.topics import is_general
from ingest.pipeline import document_text_path
from ingest.sentences import sentence_spans
from vectorstore.analyzer import fold
from vectorstore.records import Chunk, Filters

if TYPE_CHECKING:
    from assistant.core import Assistant

COMPARISON_NOTE = "Jämförelse per nämnd"
_NUMBERS = "noll ett två tre fyra fem sex sju åtta nio tio elva tolv".split()
_YEAR = re.compile(r"\b(19|20)\d\d\b")
# Asked which responses are on 'det äldre programmet': the earliest programme period; 'det nya': the latest.
_OLDER = re.compile(r"\b(aldre|gamla|tidigare|forra|older|old|earlier|previous)\b")
_NEWER = re.compile(r"\b(nya|nuvarande|senaste|new|current|latest)\b")


def comparison_answer(assistant: Assistant, q: Question, filters: Filters | None = None) -> Answer | None:
    """The answer to a comparison or overview question (as read once); None when the question is neither."""
    started = time.perf_counter()
    question = q.text
    if service_asked(q):
        return None  # advice asked of the assistant, whoever it names: the single answer declines it
    if asks_overview(question):
        return overview_answer(assistant, question, filters, started)
    compared = compare_views(assistant, q, filters)
    if compared is None:
        return None
    comparison, views = compared
    topic = comparison.topic
    retrieved = _ms(started)
    passages = _interleave(views)
    if not any(v.addressed for v in views):
        reasons = tuple(f"{v.responder}: {v.reason}" for v in views if v.reason)
        # Why, as a single answer says it, once: the reason most responders share (all, when there is one).
        counted = Counter(v.reason for v in views if v.reason).most_common()
        why = [counted[0][0]] if counted and (len(counted) == 1 or counted[0][1] > 1) else []
        said = " ".join([prompts.NOT_IN_DOCUMENTS, *why])
        return Answer(question, said, True, (), passages, _timings(retrieved, started), reasons)
    text, citations = render_views(views)
    lead = in_short(comparison, views)
    text = f"{lead}\n\n{text}" if lead else text
    notes = (f"{COMPARISON_NOTE}, ämne: {topic}",)
    passages = tuple(led_by_answer(list(passages), citations))
    return Answer(question, text, False, tuple(citations), passages, _timings(retrieved, started), notes)


def render_views(views: list[View]) -> tuple[str, list[Citation]]:
    """One paragraph per responder: 'Trafiknämnden (positiv): … [1]' or 'Tar inte upp frågan …'."""
    numbers: dict[str, int] = {}
    highlights: dict[str, list[Span]] = {}
    chunks: dict[str, Chunk] = {}
    paragraphs = []
    for view in views:
        if not view.addressed:
            paragraphs.append(f"{view.responder}: {NOT_ADDRESSED}")
            continue
        label = f" ({view.position.label})" if view.position.stated else ""
        marked = []
        for statement in view.statements:
            chunk = statement.chunk
            n = numbers.setdefault(chunk.id, len(numbers) + 1)
            chunks[chunk.id] = chunk
            highlights.setdefault(chunk.id, []).append(Span(statement.start, statement.end))
            marked.append(f"{statement.ref.clean_text} [{n}]")
        said = "\n".join(marked_lines(marked))
        paragraphs.append(f"{view.responder}{label}: {said}")
    citations = [
        Citation(n, chunks[cid], tuple(sorted(set(highlights[cid]), key=lambda s: s.start)))
        for cid, n in numbers.items()
    ]
    return "\n\n".join(paragraphs), citations


# A stance asked of all ('Vilka är kritiska …'), which of them take a topic up, or each one's view of the whole.
_LEAD_AT_LEAST = 3  # responders: two paragraphs are read at a glance


def in_short(comparison: Comparison, views: list[View]) -> str:
    """The line that says who stands where before the paragraphs say why ('' where it would add nothing).

    'I korthet – kritisk: Socialnämnden och Trafiknämnden; positiv: …; tar inte upp frågan: …': each
    responder under the label its own paragraph carries, so the line claims nothing the paragraphs do not cite.
    """
    c = comparison
    stance = c.prefer in ("kritisk", "positiv") or is_general(c.topic)
    if c.procedure or len(views) < _LEAD_AT_LEAST or not (stance or c.which):
        return ""
    groups: dict[str, list[str]] = {}
    for view in views:
        if not view.addressed:
            kind = prompts.DOES_NOT_TAKE_UP
        elif stance and view.position.stated:
            kind = view.position.label
        else:
            kind = prompts.TAKES_UP
        groups.setdefault(kind, []).append(view.responder)
    order = [*LABELS, prompts.TAKES_UP, prompts.DOES_NOT_TAKE_UP]
    said = [f"{kind}: {_listed(groups[kind])}" for kind in order if kind in groups]
    return prompts.IN_SHORT.format(groups="; ".join(said))


def _listed(names: list[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


_FRAME = re.compile(r"^[^\n:\[\]]+?(?: \((?:positiv|kritisk|förslag|neutral)\))?: ", re.M)


def without_frames(text: str) -> str:
    """A per-responder answer without its frame: the lead line, the responders' names, 'Tar inte upp' paragraphs.

    What remains is only the quoted sentences with their markers.
    """

    def quotes(paragraph: str) -> bool:
        return not paragraph.endswith(f": {NOT_ADDRESSED}") and not paragraph.startswith(prompts.IN_SHORT_OPENS)

    paragraphs = [p for p in text.split("\n\n") if quotes(p)]
    return "\n\n".join(_FRAME.sub("", p, count=1) for p in paragraphs)


def _interleave(views: list[View]) -> tuple[Hit, ...]:
    """Each responder's best passage first, then each one's second, and so on."""
    out: list[Hit] = []
    for row in zip_longest(*(v.hits for v in views)):
        out.extend(h for h in row if h is not None)
    return tuple(out)


def _in_period(question: str, period: str) -> bool:
    return any(year.group(0) in period for year in _YEAR.finditer(question))


def overview_answer(
    assistant: Assistant, question: str, filters: Filters | None, started: float | None = None
) -> Answer:
    """'Vilka nämnder har svarat?': every responder in the catalogue, each cited from its own document."""
    started = time.perf_counter() if started is None else started
    index = assistant.lexical.get()
    filters = filters or Filters()
    documents: dict[str, list[tuple[str, str]]] = {}  # responder -> [(source, period)]
    for document in index.documents:
        source, responder, period = document
        if not responder or not filters.admits(document):
            continue
        if _YEAR.search(question) and not _in_period(question, period):
            continue  # 'Vilka nämnder svarade på programmet 2020–2023?'
        documents.setdefault(responder, []).append((source, period))
    periods = sorted({p for docs in documents.values() for _, p in docs if p})
    folded = fold(question)
    older, newer = _OLDER.search(folded), _NEWER.search(folded)
    if asks_of_programme(question) and not _YEAR.search(question) and len(periods) > 1 and (older or newer):
        wanted = periods[0] if older else periods[-1]
        documents = {r: kept for r, docs in documents.items() if (kept := [d for d in docs if d[1] == wanted])}
    named = responders_in_order(question, documents)
    responders = ordered(named or documents)
    lines: list[str] = []
    citations: list[Citation] = []
    passages: list[Hit] = []
    for responder in responders:
        source, period = sorted(documents[responder])[0]
        cited = name_citation(assistant, source, responder, len(citations) + 1)
        details = f" (programperiod {period})" if period else ""
        if cited is None:
            lines.append(f"{responder}{details}")
            continue
        citations.append(cited)
        passages.append(Hit(cited.chunk, 1.0))
        lines.append(f"{responder}{details} [{cited.n}]")
    if not lines:
        return Answer(question, prompts.NOT_IN_DOCUMENTS, True, (), (), _timings(_ms(started), started), ())
    count = len(lines)
    lead = f"Remissvar finns från {_NUMBERS[count] if count < len(_NUMBERS) else count} nämnder i dokumenten:"
    if count == 1:
        lead = "Remissvar finns från en nämnd i dokumenten:"
    text = lead + "\n" + "\n".join(f"- {line}" for line in lines)
    return Answer(question, text, not citations, tuple(citations), tuple(passages), _timings(_ms(started), started))


def name_citation(assistant: Assistant, source: str, responder: str, n: int) -> Citation | None:
    """A citation of the sentence of a document where the responder's name (or heading) stands."""
    doc = load_document(document_text_path(assistant.settings, source), source)
    index = assistant.lexical.get()
    ids = [cid for cid, s in zip(index.ids, index.columns["source"], strict=True) if s == source]
    chunks = sorted(assistant.store.get(ids).values(), key=lambda c: c.ordinal)
    if not chunks:
        return None
    at = _name_offset(doc.text, responder) if doc is not None else None
    if doc is not None and at is not None:
        for chunk in chunks:
            offset = doc.chunk_offset(chunk)
            if offset is not None and offset <= at < offset + len(chunk.clean_text):
                return Citation(n, chunk, (_sentence_at(chunk.clean_text, at - offset),))
    first = chunks[0]  # the name is not in the text: cite the document's opening
    return Citation(n, first, (_sentence_at(first.clean_text, 0),))


def _name_offset(text: str, responder: str) -> int | None:
    """Where the responder's name, or its most distinctive word, first stands in the text."""
    folded = fold(text)  # same length as text: fold maps å/ä/ö and é one to one
    if len(folded) != len(text):
        return None
    at = folded.find(fold(responder))
    if at >= 0:
        return at
    for word in sorted(re.findall(r"[^\W_]+", responder), key=len, reverse=True):
        stem = fold(word).removesuffix("s").removesuffix("en")
        if stem.startswith("stadsdel"):
            continue  # 'stadsdelsnämnd' names no one in particular
        if len(stem) >= 4 and (at := folded.find(stem)) >= 0:
            return at
    return None


def _sentence_at(text: str, offset: int) -> Span:
    for a, b in sentence_spans(text):
        if a <= offset < b:
            return Span(a, b)
    return Span(0, min(len(text), 200))


def _timings(retrieve_ms: float, started: float) -> dict[str, float]:
    total = _ms(started)
    return {"retrieve": retrieve_ms, "rerank": 0.0, "answer": round(total - retrieve_ms, 2), "total": total}


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
