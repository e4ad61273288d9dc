"""The documents page: what is in the store, any one document to read, and deleting one."""

from __future__ import annotations

import streamlit as st

from assistant.prompts import STORE_EMPTY
from assistant.settings import Settings
from ingest.delete import delete_document
from ingest.pipeline import document_text_path
from ui import resources
from ui.chat_filters import document_labels
from ui.overview import show_overview
from ui.reader import show_document
from ui.render import table_html
from ui.upload import uploader_and_permission
from vectorstore.chroma_store import SourceState
from vectorstore.errors import TryggError

CHOICE = "documents_choice"
CONFIRM = "documents_confirm_delete"
NOTICE = "documents_notice"


def remove(settings: Settings, source: str, label: str) -> None:
    """Delete a document everywhere (a button callback), one change to the store at a time."""
    box = resources.shared(settings)
    helper = resources.assistant(settings)
    try:
        with box.ingest_lock:
            try:
                done = delete_document(
                    helper.store,
                    source,
                    settings.index_dir,
                    document_text_path(settings, source),
                    settings.home / "uploads" / source,
                )
            finally:
                box.generation += 1
    except TryggError as exc:
        st.session_state[NOTICE] = ("error", f"Dokumentet kunde inte tas bort: {exc}")
    else:
        st.session_state[NOTICE] = (
            "success",
            f"”{label}” är borttaget: {done.chunks} stycken ur sökindexet och den sparade texten.",
        )
        st.session_state[CHOICE] = None
    st.session_state[CONFIRM] = False


def table(docs: list[SourceState]) -> None:
    """The documents, one row each, wrapped to fit the page (same titles: see committee, date)."""
    st.html(
        table_html(
            ["Titel", "Nämnd", "Period", "Datum", "Diarienr", "Stycken"],
            (
                [
                    d.meta.title or "Dokument utan titel",
                    d.meta.responder or "okänd",
                    d.meta.period,
                    d.meta.date,
                    d.meta.dnr,
                    len(d.ids),
                ]
                for d in docs
            ),
            "trygg-documents",
        )
    )


def delete_controls(settings: Settings, source: str, label: str) -> None:
    """'Ta bort dokumentet', then a confirmation that says what goes."""
    if not st.session_state.get(CONFIRM):
        st.button(
            "Ta bort dokumentet",
            icon=":material/delete:",
            key="documents_delete",
            on_click=lambda: st.session_state.update({CONFIRM: True}),
        )
        return
    st.warning(
        f"Ta bort ”{label}”? Dess stycken försvinner ur sökindexet, och dess sparade text och "
        "uppladdade fil raderas. Det går inte att ångra."
    )
    yes, no = st.columns([1, 1])
    yes.button(
        "Ja, ta bort",
        type="primary",
        key="documents_delete_yes",
        on_click=remove,
        args=(settings, source, label),
    )
    no.button("Avbryt", key="documents_delete_no", on_click=lambda: st.session_state.update({CONFIRM: False}))


def render() -> None:
    """Draw the table, the chosen document's text, and its delete button."""
    settings = resources.settings()
    st.title("Dokument")
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        (st.success if notice[0] == "success" else st.error)(notice[1])
    docs = resources.catalog(settings)
    if not docs:
        st.info(STORE_EMPTY)
        return
    labels = document_labels(docs)
    st.caption(f"{len(docs)} dokument, {sum(len(d.ids) for d in docs)} stycken i sökindexet.")
    table(docs)
    source = st.selectbox(
        "Läs ett dokument",
        list(labels),
        format_func=lambda s: labels.get(s, s),
        index=None,
        placeholder="Välj ett dokument",
        key=CHOICE,
    )
    if source is None:
        return
    doc = next(d for d in docs if d.source == source)
    st.caption(f"Fil: {doc.source}")
    if uploader_and_permission(settings)[1]:  # deleting, like adding, is for editors
        delete_controls(settings, source, labels[source])
    show_overview(settings, source)
    with st.container(border=True, key="documents_text"):
        show_document(settings, source, f"documents_{source}")


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.documents import render as _render  # so its classes are the same on every run

    _render()
