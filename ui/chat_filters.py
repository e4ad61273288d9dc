"""The chat's filters, and filters that explain themselves.

A filter that quietly changes an answer is worse than none: when the question names a
committee the filter leaves out, or the filters together leave no document, the chat says
so and offers to clear them. Documents are named by title (and committee, date), never by file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from vectorstore.chroma_store import SourceState
from vectorstore.records import Filters

FILTER_KEYS = ("filter_responders", "filter_periods", "filter_sources")
_COMMITTEE = re.compile(r"n[äa]mnd", re.I)  # of the other bodies a question names, the committees


def document_label(doc: SourceState) -> str:
    """A document's title, with its committee and date to tell same-titled ones apart."""
    title = doc.meta.title or "Dokument utan titel"
    extra = ", ".join(p for p in (doc.meta.responder, doc.meta.date) if p)
    return f"{title} – {extra}" if extra else title


def document_labels(docs: Sequence[SourceState]) -> dict[str, str]:
    """Each document's label, unique: a label shared by two documents gets a number."""
    labels = {d.source: document_label(d) for d in docs}
    counts = Counter(labels.values())
    seen: Counter[str] = Counter()
    for d in docs:
        label = labels[d.source]
        if counts[label] > 1:
            seen[label] += 1
            labels[d.source] = f"{label} ({seen[label]})"
    return labels


def clear_filters() -> None:
    """Empty every filter (a button callback, so it runs before the widgets are drawn)."""
    for key in FILTER_KEYS:
        st.session_state[key] = []


def matching(docs: Sequence[SourceState], filters: Filters) -> list[SourceState]:
    """The documents every filter lets through."""
    return [
        d
        for d in docs
        if (not filters.responders or d.meta.responder in filters.responders)
        and (not filters.periods or d.meta.period in filters.periods)
        and (not filters.sources or d.source in filters.sources)
    ]


def conflict(docs: Sequence[SourceState], filters: Filters, labels: dict[str, str]) -> str:
    """Say why the filters leave no document ('' when some document is left)."""
    if not filters or matching(docs, filters):
        return ""
    parts = []
    if filters.responders:
        parts.append("nämnd " + " eller ".join(filters.responders))
    if filters.periods:
        parts.append("programperiod " + " eller ".join(filters.periods))
    if filters.sources:
        parts.append("dokumentet " + " eller ".join(f"”{labels.get(s, s)}”" for s in filters.sources))
    return (
        "Avgränsningarna utesluter varandra: inget dokument har både "
        + " och ".join(parts)
        + ". Ta bort någon av dem för att få svar."
    )


def named_outside(understood: Mapping[str, Any], filters: Filters) -> list[str]:
    """Committees the question names (as the assistant read it) that the responder filter leaves out."""
    if not filters.responders:
        return []
    responders = [r for r in understood.get("responders", ()) if r not in filters.responders]
    others = [b for b in understood.get("other_bodies", ()) if _COMMITTEE.search(b)]
    return responders + others


def describe(filters: Filters, labels: dict[str, str]) -> str:
    """The filters in words, for a caption under an answer."""
    parts = []
    if filters.responders:
        parts.append("nämnd: " + ", ".join(filters.responders))
    if filters.periods:
        parts.append("period: " + ", ".join(filters.periods))
    if filters.sources:
        parts.append("dokument: " + ", ".join(labels.get(s, "ett borttaget dokument") for s in filters.sources))
    return "Avgränsat till " + "; ".join(parts) if parts else ""


def sidebar_filters(docs: Sequence[SourceState], labels: dict[str, str]) -> Filters:
    """Draw the filters in the sidebar, with a warning and a clear button when they conflict."""
    responders = sorted({d.meta.responder for d in docs if d.meta.responder})
    periods = sorted({d.meta.period for d in docs if d.meta.period})
    for key, options in zip(FILTER_KEYS, (responders, periods, list(labels)), strict=True):
        chosen = st.session_state.get(key)
        if isinstance(chosen, list) and any(c not in options for c in chosen):  # a deleted document
            st.session_state[key] = [c for c in chosen if c in options]
    st.subheader("Avgränsa sökningen")
    chosen_responders = st.multiselect(
        "Nämnd", responders, key=FILTER_KEYS[0], placeholder="Alla nämnder", select_all=False
    )
    chosen_periods = st.multiselect(
        "Programperiod", periods, key=FILTER_KEYS[1], placeholder="Alla perioder", select_all=False
    )
    chosen_sources = st.multiselect(
        "Dokument",
        list(labels),
        key=FILTER_KEYS[2],
        placeholder="Alla dokument",
        format_func=lambda source: labels.get(source, source),
        select_all=False,
    )
    filters = Filters(tuple(chosen_responders), tuple(chosen_periods), tuple(chosen_sources))
    problem = conflict(docs, filters, labels)
    if problem:
        st.warning(problem)
    if filters:
        st.button(
            "Rensa avgränsningarna", on_click=clear_filters, icon=":material/filter_alt_off:", key="filters_clear"
        )
    return filters
