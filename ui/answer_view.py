"""One answer in the chat: its text with clickable [n] markers, source cards, actions and rating.

Everything from the documents or the user is shown as escaped HTML built by `ui.render`,
as `st.text`, or as Markdown escaped by `escape_markdown`.
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from assistant.records import Answer, Citation
from assistant.settings import Settings
from ui import chat_filters, resources
from ui.reader import show_document
from ui.render import answer_html, card_html, copy_button_html, escape_markdown
from vectorstore.errors import TryggError
from vectorstore.records import Filters

PENDING = "chat_pending"
UNEXPECTED = "Något gick fel när frågan besvarades. Försök igen, eller formulera frågan på ett annat sätt."


class Exchange(TypedDict):
    """One question and what came of it, as kept in the browser session (and saved)."""

    id: int | None
    question: str
    answer: Answer | None
    error: str
    filters: Filters
    feedback_id: int | None
    notice: str


def new_exchange(question: str, filters: Filters) -> Exchange:
    """An exchange not answered yet."""
    return {
        "id": None,
        "question": question,
        "answer": None,
        "error": "",
        "filters": filters,
        "feedback_id": None,
        "notice": "",
    }


def ask_again(question: str, clear: bool = False) -> None:
    """Ask a question again on the next run (a button callback), optionally without filters."""
    if clear:
        chat_filters.clear_filters()
    st.session_state[PENDING] = question


def set_flag(key: str, value: bool) -> None:
    """Set a session flag (buttons that open and close things)."""
    st.session_state[key] = value


def source_card(settings: Settings, citation: Citation, key: str) -> None:
    """One citation: the document's title and details, the passage with the cited sentences marked."""
    chunk, meta = citation.chunk, citation.chunk.meta
    details = [("Nämnd", meta.responder), ("Programperiod", meta.period), ("Datum", meta.date)]
    details.append(("Avsnitt", chunk.section))
    line = " · ".join(f"{label}: {value}" for label, value in details if value)
    with st.container(border=True, key=f"{key}_c{citation.n}_card"):
        st.html(
            card_html(
                key,
                citation.n,
                meta.title or "Dokument utan titel",
                line,
                chunk.clean_text,
                [(h.start, h.end) for h in citation.highlights],
            )
        )
        open_key = f"{key}_c{citation.n}_open"
        if st.session_state.get(open_key):
            st.button(
                "Dölj dokumentet",
                key=f"{key}_c{citation.n}_hide",
                on_click=set_flag,
                args=(open_key, False),
                icon=":material/close:",
            )
            show_document(settings, chunk.source, f"{key}_c{citation.n}_doc", (chunk.start, chunk.end), chunk.text)
        else:
            st.button(
                "Visa i dokumentet",
                key=f"{key}_c{citation.n}_show",
                on_click=set_flag,
                args=(open_key, True),
                icon=":material/article:",
            )


def rate(settings: Settings, exchange: Exchange, widget_key: str, owner: str) -> None:
    """Save a thumbs up or down (st.feedback: 1 up, 0 down) for an answer."""
    value = st.session_state.get(widget_key)
    answer = exchange["answer"]
    if value is None or answer is None:
        return
    rating = 1 if value == 1 else -1
    store = resources.feedback_store(settings)
    try:
        if exchange["feedback_id"] is None:
            chunk_ids = [c.chunk.id for c in answer.citations]
            feedback_id = store.add(answer.question, answer.text, chunk_ids, rating)
            exchange["feedback_id"] = feedback_id
            if exchange["id"] is not None:
                resources.conversation_store(settings).set_feedback(owner, exchange["id"], feedback_id)
        else:
            store.update(exchange["feedback_id"], rating=rating)
        exchange["notice"] = "Tack för ditt omdöme!"
    except TryggError as exc:
        exchange["notice"] = f"Omdömet kunde inte sparas: {exc}"


def save_comment(settings: Settings, exchange: Exchange, widget_key: str) -> None:
    """Save the comment typed for an answer already rated."""
    comment = str(st.session_state.get(widget_key) or "").strip()
    if exchange["feedback_id"] is None or not comment:
        return
    try:
        resources.feedback_store(settings).update(exchange["feedback_id"], comment=comment)
        exchange["notice"] = "Tack! Kommentaren är sparad."
    except TryggError as exc:
        exchange["notice"] = f"Kommentaren kunde inte sparas: {exc}"


def actions(settings: Settings, exchange: Exchange, key: str, owner: str) -> None:
    """Copy, ask again, thumbs up or down, then an optional comment."""
    answer = exchange["answer"]
    copy, again, rating = st.columns([1, 1, 3], vertical_alignment="center")
    if answer is not None:
        with copy:
            st.html(copy_button_html(answer.text))
    with again:
        st.button(
            "Fråga igen",
            key=f"{key}_again",
            on_click=ask_again,
            args=(exchange["question"],),
            icon=":material/refresh:",
        )
    if answer is None:
        return
    with rating:
        rating_key = f"{key}_rating"
        st.feedback("thumbs", key=rating_key, on_change=rate, args=(settings, exchange, rating_key, owner))
    if exchange["feedback_id"] is not None:
        comment_key = f"{key}_comment"
        st.text_input("Kommentar (valfritt)", key=comment_key, placeholder="Vad var bra eller fel i svaret?")
        st.button("Skicka kommentar", key=f"{key}_send", on_click=save_comment, args=(settings, exchange, comment_key))
    if exchange["notice"]:
        st.caption(exchange["notice"])


def filter_notes(settings: Settings, exchange: Exchange, key: str, labels: dict[str, str]) -> None:
    """Under an answer: which filters applied, and a warning when they left out what was asked about."""
    filters = exchange["filters"]
    if not filters:
        return
    st.caption(escape_markdown(chat_filters.describe(filters, labels)))
    answer = exchange["answer"]
    understood = answer.understood if answer is not None else {}
    if not understood:  # no answer (an error), or one saved before answers kept it
        try:
            understood = resources.assistant(settings).understand(exchange["question"]).to_json()
        except TryggError:
            understood = {}
    outside = chat_filters.named_outside(understood, filters)
    if outside:
        st.warning(
            f"Frågan nämner {', '.join(outside)}, men sökningen är avgränsad till "
            f"{', '.join(filters.responders)}. Svaret bygger bara på de dokument avgränsningen släpper igenom."
        )
    elif answer is not None and answer.abstained:
        st.info("Svaret söktes bara i de dokument avgränsningen släpper igenom.")
    else:
        return
    st.button(
        "Ta bort avgränsningen och fråga igen",
        key=f"{key}_unfilter",
        on_click=ask_again,
        args=(exchange["question"], True),
        icon=":material/filter_alt_off:",
    )


def show_answer(
    settings: Settings, exchange: Exchange, key: str, owner: str, labels: dict[str, str], drawn: bool = False
) -> None:
    """Show an answer's text (unless `drawn` already), filter notes, source cards and actions."""
    answer = exchange["answer"]
    if exchange["error"] or answer is None:
        st.error(exchange["error"] or UNEXPECTED)
        if exchange["filters"]:
            st.button(
                "Ta bort avgränsningen och fråga igen",
                key=f"{key}_unfilter",
                on_click=ask_again,
                args=(exchange["question"], True),
                icon=":material/filter_alt_off:",
            )
        actions(settings, exchange, key, owner)
        return
    if not drawn:
        st.html(answer_html(answer.text, key, [c.n for c in answer.citations]))
    corrections = answer.understood.get("corrections")
    if isinstance(corrections, dict) and corrections:  # as a search engine's "showing results for"
        read_as = ", ".join(f"{typed} → {known}" for typed, known in corrections.items())
        st.caption(escape_markdown(f"Läste frågan med stavningen: {read_as}"))
    filter_notes(settings, exchange, key, labels)
    if not answer.abstained and answer.citations:
        st.caption("Källor")
        for citation in answer.citations:
            source_card(settings, citation, key)
    actions(settings, exchange, key, owner)
