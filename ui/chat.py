"""The chat page: questions, streamed answers with clickable sources, saved conversations.

Everything from the documents or the user is shown as plain text: `st.text`, Markdown
escaped by `escape_markdown`, or HTML built by `ui.render` from escaped text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import chain

import streamlit as st

from assistant.core import Turn
from assistant.prompts import STORE_EMPTY
from assistant.records import Answer
from assistant.settings import Settings
from ui import chat_filters, chat_history, identity, resources, warmup
from ui.answer_view import PENDING, UNEXPECTED, Exchange, new_exchange, show_answer
from ui.chat_history import GENERATION, HISTORY
from ui.render import answer_html, escape_markdown
from vectorstore.errors import TryggError
from vectorstore.records import Filters

log = logging.getLogger(__name__)

EXAMPLES = (
    "Vad är trygghetsprogrammet?",
    "Vilka fokusområden finns?",
    "Vem ansvarar för stadens offentliga miljö?",
)
PLACEHOLDER = "Ställ en fråga om trygghetsprogrammet …"


def ask_example(question: str) -> None:
    """Ask an example question on the next run."""
    st.session_state[PENDING] = question


def text_pieces(pieces: Iterable[str]) -> Iterator[str]:
    """Yield the escaped text pieces of an AnswerStream."""
    for piece in pieces:
        yield escape_markdown(piece)


@st.fragment(run_every=1.0)
def loading_notice(settings: Settings) -> None:
    """While the documents load at start-up: say how far it has come; rerun the page when done."""
    load = warmup.start(settings)
    if load.ready:
        st.rerun()
    within = load.done / load.total if load.stage == "inbäddning" and load.total else 0.0
    fraction = (load.file_done + within) / max(load.file_total, 1)
    st.progress(min(fraction, 1.0), text=load.describe() + " Du kan ställa frågor så snart det är klart.")


def answer_question(
    settings: Settings, question: str, filters: Filters, key: str, owner: str, labels: dict[str, str]
) -> None:
    """Ask the assistant, stream the answer, save the exchange and show it."""
    history: list[Exchange] = st.session_state[HISTORY]
    with st.chat_message("user"):
        st.text(question)
    exchange = new_exchange(question, filters)
    turns = [Turn(e["question"]) for e in history if e["answer"] is not None]
    with st.chat_message("assistant"):
        finished: Answer | None = None
        placeholder = st.empty()
        problem = chat_filters.conflict(resources.catalog(settings), filters, labels)
        try:
            if problem:
                raise TryggError(problem)
            stream = resources.assistant(settings).stream(question, turns, filters)
            pieces = iter(stream)
            with st.spinner("Söker i dokumenten …"):
                first = next(pieces, "")  # the search runs before the first piece comes
            with placeholder.container():
                st.write_stream(text_pieces(chain([first], pieces)))
            finished = stream.answer()
        except TryggError as exc:
            exchange["error"] = str(exc)
        except Exception:  # never show a traceback; the log has it
            log.exception("answering %r failed", question)
            exchange["error"] = UNEXPECTED
        if finished is not None:
            exchange["answer"] = finished
            # Show the finished text (with its clickable markers), which for a language model
            # may differ from what streamed (bad markers removed, or the extractive answer).
            numbers = [c.n for c in finished.citations]
            placeholder.html(answer_html(finished.text, key, numbers))
        elif not exchange["error"]:
            exchange["error"] = UNEXPECTED
        else:
            placeholder.empty()
        history.append(exchange)
        starts_conversation = not st.session_state.get(chat_history.CURRENT)
        chat_history.save(settings, owner, exchange)
        if starts_conversation and st.session_state.get(chat_history.CURRENT):
            st.rerun()  # a new conversation: draw it again, now listed in the sidebar
        show_answer(settings, exchange, key, owner, labels, drawn=exchange["answer"] is not None)


def render() -> None:
    """Draw the chat page."""
    settings = resources.settings()
    owner = identity.owner()
    chat_history.restore(settings, owner)
    load = warmup.start(settings)
    docs = resources.catalog(settings)
    labels = chat_filters.document_labels(docs)
    with st.sidebar:
        chat_history.sidebar(settings, owner)
        filters = chat_filters.sidebar_filters(docs, labels)
        st.subheader("Exempelfrågor")
        for i, example in enumerate(EXAMPLES):
            st.button(example, key=f"example_{i}", on_click=ask_example, args=(example,), width="stretch")
    identity.remember_browser()
    st.title("Trygghetsassistenten")
    st.caption(
        "Frågor och svar om Stockholms stads trygghetsprogram och nämndernas remissvar. "
        "Svaren bygger bara på dokumenten, med källor."
    )
    if not load.ready:
        loading_notice(settings)
    elif load.error:
        st.error(f"Dokumenten kunde inte läsas in: {load.error}")
    elif not docs:
        st.info(STORE_EMPTY)
    history: list[Exchange] = st.session_state.setdefault(HISTORY, [])
    generation = st.session_state.setdefault(GENERATION, 0)
    for i, exchange in enumerate(history):
        with st.chat_message("user"):
            st.text(exchange["question"])
        with st.chat_message("assistant"):
            show_answer(settings, exchange, f"k{generation}_{i}", owner, labels)
    typed = st.chat_input(
        PLACEHOLDER if load.ready else "Dokumenten läses in – vänta en stund …", disabled=not load.ready
    )
    pending = st.session_state.pop(PENDING, None) if load.ready else None
    question = typed if isinstance(typed, str) and typed.strip() else pending
    if question:
        answer_question(settings, question, filters, f"k{generation}_{len(history)}", owner, labels)


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.chat import render as _render  # so its classes are the same on every run

    _render()
