"""The document reader: the cleaned text answers quote, the raw text one click away, a passage marked.

Shared by the chat ("Visa i dokumentet") and the documents page. The cleaned text is made
from the stored raw text by the same `ingest.clean.clean` the ingest used, so it is exactly
what chunks quote, and a raw span maps onto it through the cleaning's character map.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from assistant.settings import Settings
from ingest.clean import clean
from ingest.pipeline import document_text_path
from ui.render import document_page


@st.cache_data(show_spinner=False, max_entries=32)
def _cleaned(raw: str) -> tuple[str, np.ndarray, np.ndarray]:
    mapped = clean(raw)
    return mapped.text, mapped.starts, mapped.ends


def clean_span(starts: np.ndarray, ends: np.ndarray, raw_start: int, raw_end: int) -> tuple[int, int]:
    """The stretch of cleaned text that came from raw[raw_start:raw_end] ((0, 0) if none)."""
    inside = np.nonzero((starts >= raw_start) & (ends <= raw_end))[0]
    if not len(inside):
        return 0, 0
    return int(inside[0]), int(inside[-1]) + 1


def read_raw(settings: Settings, source: str) -> str | None:
    """The stored raw text of an ingested document, or None when it is gone."""
    try:
        return document_text_path(settings, source).read_text(encoding="utf-8")
    except OSError:
        return None


def show_document(
    settings: Settings, source: str, key: str, raw_span: tuple[int, int] | None = None, expected: str = ""
) -> None:
    """Draw the document's cleaned text (or raw, by a toggle), the cited passage marked and in view."""
    raw = read_raw(settings, source)
    if raw is None:
        st.warning("Dokumentets text finns inte sparad längre. Läs in dokumentet igen för att visa den.")
        return
    if raw_span is not None and expected and raw[raw_span[0] : raw_span[1]] != expected:
        st.caption("Dokumentet har ändrats sedan svaret gavs; markeringen kan hamna fel.")
    show_raw = st.toggle(
        "Visa originaltexten",
        key=f"{key}_raw",
        help="Texten som den står i filen, före rensning (radbrytningar, sammanskrivna fält, OCR-fel).",
    )
    if show_raw:
        text, span = raw, raw_span or (0, 0)
    else:
        text, starts, ends = _cleaned(raw)
        span = clean_span(starts, ends, *raw_span) if raw_span else (0, 0)
    label = "Originaltext" if show_raw else "Rensad text, som svaren citerar"
    if span != (0, 0):
        label += f" · markerat: tecken {span[0]}–{span[1]}"
    st.caption(label)
    st.iframe(document_page(text, *span), height=460)
