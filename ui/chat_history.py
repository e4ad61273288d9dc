"""Saved conversations in the chat: the sidebar list, opening, renaming, deleting, saving answers.

The open conversation's id is in the page address (`?samtal=…`) and the session, so a reload
or a restarted server shows it again; the conversations themselves are in SQLite.
"""

from __future__ import annotations

import logging

import streamlit as st

from assistant.settings import Settings
from ui import resources
from ui.answer_view import PENDING, Exchange
from vectorstore.errors import TryggError

log = logging.getLogger(__name__)

HISTORY = "chat_history"
CURRENT = "chat_current"
GENERATION = "chat_conversation"  # bumped on every switch so widget keys start afresh
CONFIRM_DELETE = "chat_confirm_delete"
NOTICE = "chat_history_notice"
PARAM = "samtal"
SHOWN = 12


def _switch(conversation: str | None, history: list[Exchange]) -> None:
    st.session_state[HISTORY] = history
    st.session_state[CURRENT] = conversation
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
    st.session_state.pop(PENDING, None)
    st.session_state.pop(CONFIRM_DELETE, None)
    if conversation:
        st.query_params[PARAM] = conversation
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def new_conversation() -> None:
    """Start an empty conversation (saved once its first question is asked)."""
    _switch(None, [])


def open_conversation(settings: Settings, owner: str, conversation: str) -> None:
    """Load one of the owner's conversations into the session."""
    try:
        stored = resources.conversation_store(settings).exchanges(owner, conversation)
    except TryggError as exc:
        st.session_state[NOTICE] = f"Samtalet kunde inte öppnas: {exc}"
        return
    history: list[Exchange] = [
        {
            "id": s.id,
            "question": s.question,
            "answer": s.answer,
            "error": s.error,
            "filters": s.filters,
            "feedback_id": s.feedback_id,
            "notice": "",
        }
        for s in stored
    ]
    _switch(conversation, history)


def restore(settings: Settings, owner: str) -> None:
    """On a session's first run, open the conversation the address names, if it is the owner's."""
    if CURRENT in st.session_state:
        current = st.session_state[CURRENT]
        if current and st.query_params.get(PARAM) != current:  # back from another page
            st.query_params[PARAM] = current
        return
    st.session_state[CURRENT] = None
    st.session_state.setdefault(HISTORY, [])
    wanted = st.query_params.get(PARAM)
    if not wanted:
        return
    try:
        found = resources.conversation_store(settings).get(owner, wanted)
    except TryggError as exc:
        st.session_state[NOTICE] = f"Samtalen kunde inte läsas: {exc}"
        return
    if found is None:
        st.session_state[NOTICE] = "Samtalet i adressen finns inte (längre)."
        del st.query_params[PARAM]
        return
    open_conversation(settings, owner, wanted)


def save(settings: Settings, owner: str, exchange: Exchange) -> None:
    """Save an answered exchange, starting the conversation with its first question."""
    store = resources.conversation_store(settings)
    try:
        conversation = st.session_state.get(CURRENT)
        if not conversation:
            conversation = store.create(owner, exchange["question"])
            st.session_state[CURRENT] = conversation
            st.query_params[PARAM] = conversation
        exchange["id"] = store.add(
            owner, conversation, exchange["question"], exchange["answer"], exchange["error"], exchange["filters"]
        )
    except TryggError as exc:
        log.warning("conversation not saved: %s", exc)
        exchange["notice"] = f"Samtalet kunde inte sparas: {exc}"


def _rename(settings: Settings, owner: str, conversation: str, widget: str) -> None:
    try:
        resources.conversation_store(settings).rename(owner, conversation, str(st.session_state.get(widget) or ""))
        st.session_state[NOTICE] = "Samtalet har fått nytt namn."
    except TryggError as exc:
        st.session_state[NOTICE] = str(exc)


def _delete(settings: Settings, owner: str, conversation: str) -> None:
    try:
        resources.conversation_store(settings).delete(owner, conversation)
        st.session_state[NOTICE] = "Samtalet är borttaget."
    except TryggError as exc:
        st.session_state[NOTICE] = f"Samtalet kunde inte tas bort: {exc}"
        return
    if st.session_state.get(CURRENT) == conversation:
        new_conversation()


def _confirm(value: bool) -> None:
    st.session_state[CONFIRM_DELETE] = value


def sidebar(settings: Settings, owner: str) -> None:
    """'Nytt samtal', the owner's saved conversations, and rename or delete the open one."""
    st.button("Nytt samtal", on_click=new_conversation, icon=":material/add_comment:", width="stretch", key="chat_new")
    try:
        conversations = resources.conversation_store(settings).for_owner(owner)
    except TryggError as exc:
        st.error(f"Samtalen kunde inte läsas: {exc}")
        return
    notice = st.session_state.pop(NOTICE, "")
    if notice:
        st.caption(notice)
    if not conversations:
        return
    st.subheader("Tidigare samtal")
    current = st.session_state.get(CURRENT)
    for conv in conversations[:SHOWN]:
        st.button(
            conv.title,
            key=f"chat_open_{conv.id}",
            on_click=open_conversation,
            args=(settings, owner, conv.id),
            type="primary" if conv.id == current else "secondary",
            width="stretch",
            icon=":material/chat_bubble:" if conv.id == current else ":material/chat_bubble_outline:",
        )
    if len(conversations) > SHOWN:
        st.caption(f"… och {len(conversations) - SHOWN} äldre samtal.")
    chosen = next((c for c in conversations if c.id == current), None)
    if chosen is None:
        return
    with st.popover("Byt namn eller ta bort", icon=":material/edit:", width="stretch"):
        widget = f"chat_rename_{chosen.id}"
        st.text_input("Samtalets namn", value=chosen.title, key=widget, max_chars=200)
        st.button("Spara namnet", key=f"{widget}_save", on_click=_rename, args=(settings, owner, chosen.id, widget))
        if st.session_state.get(CONFIRM_DELETE):
            st.warning("Vill du ta bort samtalet? Det går inte att ångra.")
            yes, no = st.columns(2)
            yes.button(
                "Ja, ta bort",
                key="chat_delete_yes",
                type="primary",
                on_click=_delete,
                args=(settings, owner, chosen.id),
            )
            no.button("Avbryt", key="chat_delete_no", on_click=_confirm, args=(False,))
        else:
            st.button("Ta bort samtalet", key="chat_delete", on_click=_confirm, args=(True,), icon=":material/delete:")
