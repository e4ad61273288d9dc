"""The chat page: questions, streamed answers with their source cards, and ratings.

Everything from the documents or the user is shown as plain text: `st.text`, Markdown
escaped by `escape_markdown`, or HTML built by `ui.render` from escaped text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TypedDict

import streamlit as st

from assistant.core import Turn
from assistant.prompts import STORE_EMPTY
from assistant.records import Answer, Citation
from assistant.settings import Settings
from ingest.pipeline import document_text_path
from ui import resources
from ui.render import document_page, escape_markdown, passage_html
from vectorstore.chroma_store import SourceState
from vectorstore.errors import TryggError
from vectorstore.records import Chunk, Filters

log = logging.getLogger(__name__)

HISTORY = "chat_history"
CONVERSATION = "chat_conversation"  # bumped by "Ny konversation" so widget keys start afresh
PENDING = "chat_pending"
FILTER_KEYS = ("filter_responders", "filter_periods", "filter_sources")
EXAMPLES = (
    "Vad är trygghetsprogrammet?",
    "Vilka fokusområden finns?",
    "Vem ansvarar för stadens offentliga miljö?",
)
UNEXPECTED = "Något gick fel när frågan besvarades. Försök igen, eller formulera frågan på ett annat sätt."


class Exchange(TypedDict):
    """One question and what came of it, as kept in the browser session."""

    question: str
    answer: Answer | None
    error: str
    filters: Filters
    feedback_id: int | None
    notice: str


def new_conversation() -> None:
    """Forget the questions and answers of this browser session."""
    st.session_state[HISTORY] = []
    st.session_state[CONVERSATION] = st.session_state.get(CONVERSATION, 0) + 1
    st.session_state.pop(PENDING, None)


def ask_example(question: str) -> None:
    """Ask an example question on the next run."""
    st.session_state[PENDING] = question


def set_flag(key: str, value: bool) -> None:
    """Set a session flag (used by buttons that open and close things)."""
    st.session_state[key] = value


def sidebar(settings: Settings) -> Filters:
    """Draw the filters, 'Ny konversation' and example questions; return the filters chosen."""
    docs = resources.catalog(settings)
    responders = sorted({d.meta.responder for d in docs if d.meta.responder})
    periods = sorted({d.meta.period for d in docs if d.meta.period})
    labels = {d.source: document_label(d) for d in docs}
    with st.sidebar:
        st.button(
            "Ny konversation",
            on_click=new_conversation,
            icon=":material/add_comment:",
            width="stretch",
        )
        st.subheader("Avgränsa sökningen")
        chosen_responders = st.multiselect("Nämnd", responders, key=FILTER_KEYS[0], placeholder="Alla nämnder")
        chosen_periods = st.multiselect("Programperiod", periods, key=FILTER_KEYS[1], placeholder="Alla perioder")
        chosen_sources = st.multiselect(
            "Dokument",
            list(labels),
            key=FILTER_KEYS[2],
            placeholder="Alla dokument",
            format_func=lambda source: labels.get(source, source),
        )
        st.subheader("Exempelfrågor")
        for i, question in enumerate(EXAMPLES):
            st.button(
                question,
                key=f"example_{i}",
                on_click=ask_example,
                args=(question,),
                width="stretch",
            )
    return Filters(tuple(chosen_responders), tuple(chosen_periods), tuple(chosen_sources))


def document_label(doc: SourceState) -> str:
    """Name a document for a list: its title and, if known, its committee."""
    title = doc.meta.title or doc.source
    return f"{title} ({doc.meta.responder})" if doc.meta.responder else title


def describe_filters(filters: Filters) -> str:
    """Put the filters in words, for a caption under an answer."""
    parts = []
    if filters.responders:
        parts.append("nämnd: " + ", ".join(filters.responders))
    if filters.periods:
        parts.append("period: " + ", ".join(filters.periods))
    if filters.sources:
        parts.append("dokument: " + ", ".join(filters.sources))
    return "Avgränsat till " + "; ".join(parts) if parts else ""


def text_pieces(pieces: Iterable[str]) -> Iterator[str]:
    """Yield the escaped text pieces of an AnswerStream."""
    for piece in pieces:
        yield escape_markdown(piece)


def document_view(settings: Settings, chunk: Chunk) -> None:
    """Show the whole document, scrolled to the cited passage, which is highlighted."""
    try:
        text = document_text_path(settings, chunk.source).read_text(encoding="utf-8")
    except OSError:
        st.warning("Dokumentets text finns inte sparad längre. Läs in dokumentet igen.")
        return
    if text[chunk.start : chunk.end] != chunk.text:
        st.caption("Dokumentet har ändrats sedan svaret gavs; markeringen kan hamna fel.")
    st.caption(escape_markdown(f"{chunk.source}, tecken {chunk.start}–{chunk.end}"))
    st.iframe(document_page(text, chunk.start, chunk.end), height=420)


def source_card(settings: Settings, citation: Citation, key: str) -> None:
    """One citation: where it comes from, the passage with the cited sentences highlighted."""
    chunk, meta = citation.chunk, citation.chunk.meta
    details = [("Nämnd", meta.responder), ("Programperiod", meta.period), ("Avsnitt", chunk.section)]
    with st.container(border=True, key=f"{key}_card"):
        st.markdown(f"**\\[{citation.n}\\] {escape_markdown(meta.title or chunk.source)}**")
        line = " · ".join(f"{label}: {value}" for label, value in details if value)
        if line:
            st.caption(escape_markdown(line))
        st.html(passage_html(chunk.clean_text, [(h.start, h.end) for h in citation.highlights]))
        open_key = f"{key}_open"
        if st.session_state.get(open_key):
            st.button(
                "Dölj dokumentet",
                key=f"{key}_hide",
                on_click=set_flag,
                args=(open_key, False),
                icon=":material/close:",
            )
            document_view(settings, chunk)
        else:
            st.button(
                "Visa i dokumentet",
                key=f"{key}_show",
                on_click=set_flag,
                args=(open_key, True),
                icon=":material/article:",
            )


def rate(settings: Settings, exchange: Exchange, widget_key: str) -> None:
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
            exchange["feedback_id"] = store.add(answer.question, answer.text, chunk_ids, rating)
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


def feedback_widgets(settings: Settings, exchange: Exchange, key: str) -> None:
    """Thumbs up or down, then an optional comment."""
    rating_key = f"{key}_rating"
    st.feedback("thumbs", key=rating_key, on_change=rate, args=(settings, exchange, rating_key))
    if exchange["feedback_id"] is not None:
        comment_key = f"{key}_comment"
        st.text_input("Kommentar (valfritt)", key=comment_key, placeholder="Vad var bra eller fel i svaret?")
        st.button("Skicka kommentar", key=f"{key}_send", on_click=save_comment, args=(settings, exchange, comment_key))
    if exchange["notice"]:
        st.caption(exchange["notice"])


def show_answer(settings: Settings, exchange: Exchange, key: str, streamed: bool = False) -> None:
    """Show an answer's text (unless just streamed), its source cards and the rating widgets."""
    answer = exchange["answer"]
    if exchange["error"] or answer is None:
        st.error(exchange["error"] or UNEXPECTED)
        return
    if not streamed:
        st.markdown(escape_markdown(answer.text))
    note = describe_filters(exchange["filters"])
    if note:
        st.caption(escape_markdown(note))
    if not answer.abstained:
        st.caption("Källor")
        for citation in answer.citations:
            source_card(settings, citation, f"{key}_c{citation.n}")
    feedback_widgets(settings, exchange, key)


def answer_question(settings: Settings, question: str, history: list[Exchange], filters: Filters, key: str) -> None:
    """Ask the assistant, stream the answer, and add the exchange to the history."""
    with st.chat_message("user"):
        st.text(question)
    exchange: Exchange = {
        "question": question,
        "answer": None,
        "error": "",
        "filters": filters,
        "feedback_id": None,
        "notice": "",
    }
    turns = [Turn(e["question"]) for e in history if e["answer"] is not None]
    with st.chat_message("assistant"):
        finished: Answer | None = None
        try:
            stream = resources.assistant(settings).stream(question, turns, filters)
            pieces = iter(stream)
            with st.spinner("Söker i dokumenten …"):
                first = next(pieces, "")  # the search runs before the first piece comes
            placeholder = st.empty()
            with placeholder.container():
                streamed_text = st.write_stream(text_pieces(chain([first], pieces)))
            finished = stream.answer()
            if streamed_text != escape_markdown(finished.text):
                # A language model's stream is checked afterwards (bad markers removed, or
                # replaced by the extractive answer): show what was checked, not what streamed.
                placeholder.markdown(escape_markdown(finished.text))
        except TryggError as exc:
            exchange["error"] = str(exc)
        except Exception:  # never show a traceback; the log has it
            log.exception("answering %r failed", question)
            exchange["error"] = UNEXPECTED
        if finished is not None:
            exchange["answer"] = finished
        elif not exchange["error"]:
            exchange["error"] = UNEXPECTED
        history.append(exchange)
        show_answer(settings, exchange, key, streamed=True)


def render() -> None:
    """Draw the chat page."""
    settings = resources.settings()
    filters = sidebar(settings)
    st.title("Trygghetsassistenten")
    st.caption(
        "Frågor och svar om Stockholms stads trygghetsprogram och nämndernas remissvar. "
        "Svaren bygger bara på dokumenten, med källor."
    )
    if not resources.catalog(settings):
        st.info(STORE_EMPTY)
    history: list[Exchange] = st.session_state.setdefault(HISTORY, [])
    conversation = st.session_state.setdefault(CONVERSATION, 0)
    for i, exchange in enumerate(history):
        with st.chat_message("user"):
            st.text(exchange["question"])
        with st.chat_message("assistant"):
            show_answer(settings, exchange, f"k{conversation}_{i}")
    typed = st.chat_input("Ställ en fråga om trygghetsprogrammet …", max_chars=settings.answer.max_question_chars)
    pending = st.session_state.pop(PENDING, None)
    question = typed if isinstance(typed, str) and typed.strip() else pending
    if question:
        answer_question(settings, question, history, filters, f"k{conversation}_{len(history)}")


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.chat import render as _render  # so its classes are the same on every run

    _render()
