"""A document's short overview: its summary section, else the sentences that state its positions.

Called by the Dokument page (`show_overview(settings, source)`); the logic is in assistant/doctext.py.
"""

from __future__ import annotations

import streamlit as st

from assistant.doctext import SUMMARY_HEADING, load_document, overview
from assistant.settings import Settings
from ingest.pipeline import document_text_path
from ingest.sections import fold
from ui.render import escape_markdown


def show_overview(settings: Settings, source: str) -> None:
    """Draw the overview of one ingested document (nothing when its text is not kept)."""
    doc = load_document(document_text_path(settings, source), source)
    sentences = overview(doc) if doc is not None else []
    if not sentences:
        return
    from_summary = fold(sentences[0].section).strip(" :") == SUMMARY_HEADING
    with st.container(border=True, key="document_overview"):
        st.markdown(
            "**Översikt**" + (" (ur dokumentets sammanfattning)" if from_summary else " (dokumentets ståndpunkter)")
        )
        for ref in sentences:
            label = f" *({ref.position.label}: {escape_markdown(ref.position.cue)})*" if ref.position.stated else ""
            st.markdown(escape_markdown(ref.clean_text) + label)
