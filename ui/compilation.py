"""The Remissammanställning page: for each topic, what each responder said, with exports.

Topics are typed or picked from suggestions (the programme's focus areas and the documents'
own section headings); the table shows, per topic and responder, the position and the one or
two sentences that state it, each with a marker that opens the passage in its document.
Everything from the documents is shown escaped (see ui/render.py).
"""

from __future__ import annotations

import logging
import re

import streamlit as st

from assistant.compilation import Compilation, compile_topics, topic_suggestions
from assistant.doctext import SentenceRef
from assistant.export import position_text, to_csv, to_docx, to_xlsx
from assistant.prompts import STORE_EMPTY
from assistant.settings import Settings
from ingest.pipeline import document_text_path
from ui import resources
from ui.render import document_page, escape_markdown
from vectorstore.errors import TryggError
from vectorstore.records import Filters

log = logging.getLogger(__name__)

RESULT = "compilation_result"
OPEN = "compilation_open"  # (topic index, marker) of the passage shown in its document
UNEXPECTED = "Sammanställningen misslyckades. Försök igen med färre eller andra ämnen."
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def typed_topics(text: str) -> list[str]:
    """Topics typed one per line or separated by semicolons."""
    return [t.strip() for t in re.split(r"[\n;]", text or "") if t.strip()]


def open_passage(key: tuple[int, int] | None) -> None:
    """Show (or, with None, hide) one cited sentence in its document."""
    st.session_state[OPEN] = key


def show_in_document(settings: Settings, ref: SentenceRef) -> None:
    """The whole document, scrolled to the cited sentence, which is highlighted."""
    try:
        text = document_text_path(settings, ref.source).read_text(encoding="utf-8")
    except OSError:
        st.warning("Dokumentets text finns inte sparad längre. Läs in dokumentet igen.")
        return
    if text[ref.start : ref.end] != ref.text:
        st.caption("Dokumentet har ändrats sedan sammanställningen gjordes; markeringen kan hamna fel.")
    st.caption(escape_markdown(f"{ref.source}, avsnitt {ref.section or '–'}, tecken {ref.start}–{ref.end}"))
    st.iframe(document_page(text, ref.start, ref.end), height=380)


def topic_table(settings: Settings, compilation: Compilation, t: int) -> None:
    """One topic: a row per responder with its position, its sentences and their markers."""
    item = compilation.topics[t]
    st.subheader(item.topic)
    header = st.columns([2, 1.3, 5, 1.4])
    for column, label in zip(header, ("Remissinstans", "Ståndpunkt", "Vad som sägs", "Källa"), strict=True):
        column.markdown(f"**{label}**")
    n = 0
    opened = st.session_state.get(OPEN)
    shown = None
    for r, view in enumerate(item.views):
        with st.container(border=True, key=f"row_{t}_{r}"):
            name, position, said, links = st.columns([2, 1.3, 5, 1.4])
            name.markdown(escape_markdown(view.responder))
            position.markdown(escape_markdown(position_text(view)))
            parts = []
            for statement in view.statements:
                n += 1
                parts.append(f"{statement.ref.clean_text} [{n}]")
                links.button(
                    f"Visa [{n}]",
                    key=f"open_{t}_{n}",
                    on_click=open_passage,
                    args=((t, n),),
                    help=f"{statement.ref.source}, avsnitt {statement.ref.section or '–'}",
                )
                if opened == (t, n):
                    shown = statement.ref
            said.markdown(escape_markdown(" ".join(parts)) if parts else "–")
    if shown is not None:
        with st.container(border=True, key=f"document_{t}"):
            st.button("Dölj dokumentet", key=f"hide_{t}", on_click=open_passage, args=(None,), icon=":material/close:")
            show_in_document(settings, shown)


def exports(compilation: Compilation) -> None:
    """Download buttons for the compilation as DOCX, CSV and XLSX."""
    docx_col, csv_col, xlsx_col = st.columns(3)
    name = "remissammanstallning"
    docx_col.download_button("Ladda ner DOCX", to_docx(compilation), f"{name}.docx", MIME_DOCX, key="export_docx")
    csv_col.download_button("Ladda ner CSV", to_csv(compilation), f"{name}.csv", "text/csv", key="export_csv")
    xlsx_col.download_button("Ladda ner XLSX", to_xlsx(compilation), f"{name}.xlsx", MIME_XLSX, key="export_xlsx")


def render() -> None:
    """Draw the page: topics and filters, then the tables and the exports."""
    settings = resources.settings()
    st.title("Remissammanställning")
    st.caption("Vad varje remissinstans säger om de ämnen du väljer, med källor. Exportera som Word, CSV eller Excel.")
    docs = resources.catalog(settings)
    if not docs:
        st.info(STORE_EMPTY)
        return
    assistant = resources.assistant(settings)
    with st.form("compilation_form", border=True):
        picked = st.multiselect(
            "Ämnen",
            topic_suggestions(assistant),
            key="compilation_topics",
            placeholder="Välj bland förslagen eller skriv ett eget ämne",
            accept_new_options=True,
        )
        typed = st.text_area("Fler ämnen, ett per rad", key="compilation_typed", height=80)
        left, right = st.columns(2)
        responders = left.multiselect(
            "Remissinstanser",
            sorted({d.meta.responder for d in docs if d.meta.responder}),
            key="compilation_responders",
            placeholder="Alla remissinstanser",
        )
        periods = right.multiselect(
            "Programperiod",
            sorted({d.meta.period for d in docs if d.meta.period}),
            key="compilation_periods",
            placeholder="Alla perioder",
        )
        submitted = st.form_submit_button("Sammanställ", type="primary")
    if submitted:
        topics = list(dict.fromkeys([*picked, *typed_topics(typed)]))
        st.session_state[OPEN] = None
        try:
            with st.spinner("Sammanställer …"):
                st.session_state[RESULT] = compile_topics(assistant, topics, Filters(tuple(responders), tuple(periods)))
        except TryggError as exc:
            st.session_state[RESULT] = None
            st.warning(str(exc))
        except Exception:  # shown as a plain message; the details go to the log
            log.exception("compilation failed")
            st.session_state[RESULT] = None
            st.error(UNEXPECTED)
    compilation: Compilation | None = st.session_state.get(RESULT)
    if compilation is None:
        return
    exports(compilation)
    for t in range(len(compilation.topics)):
        topic_table(settings, compilation, t)


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.compilation import render as _render  # so its classes are the same on every run

    _render()
