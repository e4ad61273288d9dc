"""The documents page: what is in the store, and any one document to read in full."""

from __future__ import annotations

import streamlit as st

from assistant.prompts import STORE_EMPTY
from ingest.pipeline import document_text_path
from ui import resources
from ui.overview import show_overview


def render() -> None:
    """Draw a table of the documents and the chosen one as plain text."""
    settings = resources.settings()
    st.title("Dokument")
    docs = resources.catalog(settings)
    if not docs:
        st.info(STORE_EMPTY)
        return
    st.caption(f"{len(docs)} dokument, {sum(len(d.ids) for d in docs)} stycken i sökindexet.")
    st.dataframe(
        [
            {
                "Titel": d.meta.title,
                "Nämnd": d.meta.responder,
                "Programperiod": d.meta.period,
                "Datum": d.meta.date,
                "Diarienummer": d.meta.dnr,
                "Typ": d.meta.kind,
                "Stycken": len(d.ids),
                "Fil": d.source,
            }
            for d in docs
        ],
        hide_index=True,
        width="stretch",
    )
    labels = {d.source: f"{d.meta.title or d.source} – {d.meta.responder or 'okänd nämnd'} ({d.source})" for d in docs}
    source = st.selectbox(
        "Läs ett dokument",
        list(labels),
        format_func=lambda s: labels.get(s, s),
        index=None,
        placeholder="Välj ett dokument",
        key="documents_choice",
    )
    if source is None:
        return
    try:
        text = document_text_path(settings, source).read_text(encoding="utf-8")
    except OSError:
        st.warning("Dokumentets text finns inte sparad. Läs in dokumentet igen för att visa den.")
        return
    show_overview(settings, source)
    with st.container(border=True, key="documents_text"):
        st.text(text)


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.documents import render as _render  # so its classes are the same on every run

    _render()
