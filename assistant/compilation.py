"""A remissammanställning: for each topic, what each responder said, with exact citations.

`compile_topics` gives one `View` per responder in scope and topic (see assistant/compare.py);
`to_json` is the contract `trygg compile --json` prints. Exports are in assistant/export.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant import prompts
from assistant.compare import View, ordered, responders_in_scope, view_of
from assistant.core import normalise_question
from assistant.doctext import load_document
from assistant.responder_names import responders_in_order
from ingest.pipeline import document_text_path
from ingest.sections import KNOWN_HEADINGS, NOT_HEADINGS
from ingest.sections import fold as section_fold
from vectorstore.analyzer import fold
from vectorstore.errors import QuestionError
from vectorstore.records import Filters

if TYPE_CHECKING:
    from assistant.core import Assistant

MAX_TOPICS = 20


@dataclass(frozen=True)
class TopicViews:
    """One topic and every responder's view of it, in the stable responder order."""

    topic: str
    views: tuple[View, ...]


@dataclass(frozen=True)
class Compilation:
    """A whole remissammanställning."""

    topics: tuple[TopicViews, ...]
    filters: Filters


def _dash(text: str) -> str:
    return fold(text).replace("–", "-").replace("—", "-").replace(" ", "")


def resolve_filters(assistant: Assistant, responders: list[str], periods: list[str]) -> Filters:
    """Filters from names as users type them ('trafiknamnden', '2024-2027'); unknown names refused."""
    columns = assistant.lexical.get().columns
    known = ordered(r for r in columns["responder"] if r)
    chosen = []
    for name in responders:
        match = [r for r in known if fold(r) == fold(name.strip())] or responders_in_order(name, known)
        if len(match) != 1:
            raise QuestionError(prompts.UNKNOWN_RESPONDER.format(name=name, known=", ".join(known)))
        chosen.append(match[0])
    known_periods = sorted({p for p in columns["period"] if p})
    chosen_periods = []
    for period in periods:
        match = [p for p in known_periods if _dash(p) == _dash(period)]
        if not match:
            raise QuestionError(prompts.UNKNOWN_PERIOD.format(period=period, known=", ".join(known_periods)))
        chosen_periods.append(match[0])
    return Filters(tuple(dict.fromkeys(chosen)), tuple(dict.fromkeys(chosen_periods)))


def compile_topics(assistant: Assistant, topics: list[str], filters: Filters | None = None) -> Compilation:
    """Every responder's view of every topic."""
    filters = filters or Filters()
    limit = assistant.settings.answer.max_question_chars
    cleaned = [normalise_question(t, limit) for t in topics if t.strip()]
    cleaned = list(dict.fromkeys(cleaned))
    if not cleaned:
        raise QuestionError(prompts.NO_TOPICS)
    if len(cleaned) > MAX_TOPICS:
        raise QuestionError(prompts.TOO_MANY_TOPICS.format(count=len(cleaned), limit=MAX_TOPICS))
    scope = responders_in_scope(assistant, filters)
    return Compilation(
        # A responder takes a topic up when it names the topic's rare words, as for 'Vilka nämnder tar upp …?'.
        tuple(
            TopicViews(topic, tuple(view_of(assistant, topic, r, filters, which=True) for r in scope))
            for topic in cleaned
        ),
        filters,
    )


def to_json(compilation: Compilation) -> dict[str, Any]:
    """The object `trygg compile --json` prints; every span is `file_text[start:end]`."""
    return {
        "topics": [
            {
                "topic": item.topic,
                "responders": [
                    {
                        "responder": view.responder,
                        "source": view.source,
                        "addressed": view.addressed,
                        "position": view.position.label if view.addressed else None,
                        "cue": view.position.cue if view.addressed else None,
                        "sentences": [
                            {
                                "text": s.ref.text,
                                "clean_text": s.ref.clean_text,
                                "source": s.ref.source,
                                "start": s.ref.start,
                                "end": s.ref.end,
                            }
                            for s in view.statements
                        ],
                    }
                    for view in item.views
                ],
            }
            for item in compilation.topics
        ]
    }


_FOCUS_INTRO = re.compile(r"fokusomr[aå]d\w*\W*$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-•–]|\d+\.)\s+(.{3,60})$")
_NOT_TOPICS = re.compile(r"\d|trygghetsprogram|remiss|attester|bilag|handl[aä]ggare|beslut|synpunkter|fokusomr", re.I)


def topic_suggestions(assistant: Assistant) -> list[str]:
    """Topics to pick from: the programme's focus areas, then the documents' own section headings."""
    index = assistant.lexical.get()
    focus: dict[str, str] = {}
    headings: dict[str, str] = {}
    for source in dict.fromkeys(index.columns["source"]):
        doc = load_document(document_text_path(assistant.settings, source), source)
        if doc is None:
            continue
        lines = doc.text.splitlines()
        for i, line in enumerate(lines):
            if not _FOCUS_INTRO.search(line.rstrip(":").rstrip() + " ") or not line.rstrip().endswith(":"):
                continue
            for item in lines[i + 1 : i + 8]:
                match = _LIST_ITEM.match(item)
                if not item.strip():
                    continue
                if not match:
                    break
                focus.setdefault(section_fold(match.group(1)), match.group(1).strip())
        for section in doc.sections:
            heading = " ".join(section.heading.split()).strip(" :")
            key = section_fold(heading)
            if not heading or key in KNOWN_HEADINGS or key in NOT_HEADINGS or _NOT_TOPICS.search(heading):
                continue
            if len(heading.split()) > 6 or key in focus:
                continue
            headings.setdefault(key, heading)
    return list(focus.values()) + sorted(headings.values(), key=section_fold)
