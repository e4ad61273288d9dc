"""The chat's newer features, in AppTest on the tiny corpus with the fake embedder, and their parts."""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.core import Assistant
from assistant.settings import BUNDLED_CORPUS, Settings, load_settings
from cli import main as trygg
from ingest.delete import delete_document
from ingest.pipeline import Ingestor, document_text_path
from tests.test_ui import SIGN_IN, app, ask, home, unescape_md  # noqa: F401 (fixtures)
from ui import warmup
from ui.conversations import ConversationStore
from ui.messages import swedish_reason
from ui.reader import clean_span
from ui.upload_meta import suggest_meta
from vectorstore.chroma_store import ChromaStore
from vectorstore.errors import IngestError
from vectorstore.lexical_sync import lexical_index_agrees
from vectorstore.records import Filters

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "data" / "ui_corpus"


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def texts(element: object) -> str:
    parts = [e.value for kind in ("warning", "info", "error", "caption") for e in getattr(element, kind)]
    return unescape_md("\n".join(str(p) for p in parts))


# --- start-up load ----------------------------------------------------------------------------


def test_start_up_load_runs_in_the_background(tmp_path: Path) -> None:
    settings = load_settings(home=tmp_path / "h", corpus=CORPUS, embedding={"backend": "fake"})
    started = time.monotonic()
    load = warmup.start(settings)
    assert time.monotonic() - started < 0.5  # the caller (a page) never waits
    assert warmup.start(settings) is load  # one load per server process
    assert load.finished.wait(120) and load.state == "klar", load.error
    assert ChromaStore(settings).count() > 0
    loading = warmup.CorpusLoad(state="läser in", stage="inbäddning", done=32, total=83, file_done=1, file_total=5)
    assert loading.describe() == "Dokumenten läses in: dokument 2 av 5, vektorer 32 av 83."


# --- conversations ----------------------------------------------------------------------------


def test_conversation_store_keeps_answers_filters_and_citations(app: AppTest, home: Path) -> None:
    ask(app, "Vem ansvarar för stadens offentliga miljö?")
    store = ConversationStore(home / "conversations.sqlite")
    owner = next(iter({r for r in _owners(home)}))
    [conv] = store.for_owner(owner)
    assert conv.title == "Vem ansvarar för stadens offentliga miljö?"
    assert app.query_params["samtal"] == [conv.id] or app.query_params["samtal"] == conv.id
    [saved] = store.exchanges(owner, conv.id)
    live = app.session_state["chat_history"][-1]["answer"]
    assert saved.answer is not None and saved.answer.text == live.text
    assert [c.chunk for c in saved.answer.citations] == [c.chunk for c in live.citations]
    assert [c.highlights for c in saved.answer.citations] == [c.highlights for c in live.citations]
    assert store.get("browser:someone-else", conv.id) is None  # never another owner's
    assert store.exchanges("browser:someone-else", conv.id) == []
    # the sidebar lists it; renaming and deleting work on the owner's own only
    assert any(b.label == conv.title for b in app.sidebar.button)
    store.rename("browser:someone-else", conv.id, "kapat")
    assert store.get(owner, conv.id).title == conv.title  # type: ignore[union-attr]
    store.rename(owner, conv.id, "Offentlig miljö")
    app.run()
    assert any(b.label == "Offentlig miljö" for b in app.sidebar.button)
    store.delete(owner, conv.id)
    assert store.for_owner(owner) == []


def _owners(home: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(home / "conversations.sqlite") as db:
        return [r[0] for r in db.execute("SELECT owner FROM conversations")]


def test_saved_conversation_reopens_with_its_filters(app: AppTest, home: Path) -> None:
    app.sidebar.multiselect[0].set_value(["Idrottsnämnden"]).run()
    ask(app, "Vad gör nämnden för unga?")
    button(app, "Nytt samtal").click().run()
    assert len(app.chat_message) == 0
    title = "Vad gör nämnden för unga?"
    button(app, title).click().run()
    assert len(app.chat_message) == 2
    exchange = app.session_state["chat_history"][0]
    assert exchange["filters"] == Filters(responders=("Idrottsnämnden",))
    assert {c.chunk.meta.responder for c in exchange["answer"].citations} == {"Idrottsnämnden"}
    assert "Avgränsat till nämnd: Idrottsnämnden" in texts(app.chat_message[1])


def test_fraga_igen_asks_the_same_question_again(app: AppTest) -> None:
    ask(app, "Vilka fokusområden finns?")
    button(app, "Fråga igen").click().run()
    users = [m for m in app.chat_message if m.name == "user"]
    assert [u.text[0].value for u in users] == ["Vilka fokusområden finns?"] * 2


# --- filters that explain themselves ----------------------------------------------------------


def test_question_about_a_committee_outside_the_filter_is_flagged(app: AppTest) -> None:
    app.sidebar.multiselect[0].set_value(["Idrottsnämnden"]).run()
    message = ask(app, "Vad tycker Trafiknämnden om belysning?")
    assert "Frågan nämner Trafiknämnden, men sökningen är avgränsad till Idrottsnämnden" in texts(message)
    button(app, "Ta bort avgränsningen och fråga igen").click().run()
    assert app.sidebar.multiselect[0].value == []
    answer = app.session_state["chat_history"][-1]["answer"]
    assert "Trafiknämnden" in {c.chunk.meta.responder for c in answer.citations}


def test_filters_that_exclude_each_other_say_so(app: AppTest) -> None:
    app.sidebar.multiselect[1].set_value(["2020–2023"]).run()
    trafik = next(o for o in app.sidebar.multiselect[2].options if "Trafiknämnden" in o)
    app.sidebar.multiselect[2].select(trafik).run()
    assert any("utesluter varandra" in w.value for w in app.sidebar.warning)
    message = ask(app, "Vem ansvarar för stadens offentliga miljö?")
    assert any("Avgränsningarna utesluter varandra" in e.value for e in message.error)  # type: ignore[attr-defined]
    assert "Remissvar om trygghetsprogrammet – Trafiknämnden" in texts(message)  # a title, not a file name
    assert "trafiknamnden.txt" not in texts(message)
    button(app, "Rensa avgränsningarna").click().run()
    assert app.sidebar.multiselect[1].value == [] and not app.sidebar.warning


def test_over_long_question_is_refused_with_the_text_kept(app: AppTest) -> None:
    question = "Vad gäller för belysning? " + "x" * 5000
    message = ask(app, question)
    assert any(e.value.startswith("Frågan är för lång") for e in message.error)  # type: ignore[attr-defined]
    user = [m for m in app.chat_message if m.name == "user"][-1]
    assert user.text[0].value == question  # shown in full, nothing dropped


# --- documents --------------------------------------------------------------------------------


def test_delete_document_on_the_page(app: AppTest, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app.switch_page("documents.py").run()
    choice = next(o for o in app.selectbox[0].options if "Trafiknämnden" in o)
    app.selectbox[0].select(choice).run()
    button(app, "Ta bort dokumentet").click().run()
    assert any("går inte att ångra" in w.value for w in app.warning)
    button(app, "Ja, ta bort").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("är borttaget" in s.value for s in app.success)
    assert not any("Trafiknämnden" in o for o in app.selectbox[0].options)
    assert not (home / "texts" / "trafiknamnden.txt.txt").exists()
    assert trygg(["sources", "--json"]) == 0
    sources = {row["source"] for row in json.loads(capsys.readouterr().out)}
    assert "trafiknamnden.txt" not in sources and "kulturnamnden.txt" in sources
    app.switch_page("chat.py").run()
    ask(app, "Vem ansvarar för stadens offentliga miljö?")
    answer = app.session_state["chat_history"][-1]["answer"]
    assert all(c.chunk.source != "trafiknamnden.txt" for c in answer.citations)


def test_delete_document_keeps_the_store_consistent(fake_settings: Settings) -> None:
    Ingestor(fake_settings).run([BUNDLED_CORPUS])
    store = ChromaStore(fake_settings)
    source = "003_3ff39f9cae3db934.txt"
    done = delete_document(store, source, fake_settings.index_dir, document_text_path(fake_settings, source), None)
    assert done.chunks > 0
    inventory = store.inventory()
    assert source not in inventory and len(inventory) == 4
    assert lexical_index_agrees(fake_settings.index_dir, [i for s in inventory.values() for i in s.ids])
    answer = Assistant(fake_settings).ask("Vad tycker trafiknämnden?")
    assert all(c.chunk.source != source for c in answer.citations)
    with pytest.raises(IngestError):
        delete_document(store, source, fake_settings.index_dir, document_text_path(fake_settings, source))


def test_reader_shows_cleaned_text_with_raw_one_click_away(app: AppTest) -> None:
    app.switch_page("documents.py").run()
    choice = next(o for o in app.selectbox[0].options if "Trafiknämnden" in o)
    app.selectbox[0].select(choice).run()
    page = next(e for e in app.main if e.type == "iframe").proto.srcdoc
    assert "### Sammanfattning" not in html.unescape(page) and "Sammanfattning" in page  # cleaned
    app.toggle[0].set_value(True).run()
    page = next(e for e in app.main if e.type == "iframe").proto.srcdoc
    assert "### Sammanfattning" in html.unescape(page)  # the raw text


def test_clean_span_maps_a_raw_span_onto_the_cleaned_text() -> None:
    from ingest.clean import clean

    raw = "Rubrik\n\n### Sammanfattning\n\nHandläggareKristoffer Ek\n"
    mapped = clean(raw)
    start = raw.index("Sammanfattning")
    a, b = clean_span(mapped.starts, mapped.ends, start, start + len("Sammanfattning"))
    assert mapped.text[a:b] == "Sammanfattning"


# --- uploads ----------------------------------------------------------------------------------


def test_upload_reads_metadata_from_the_heading_and_lets_it_be_edited(app: AppTest, home: Path) -> None:
    app.switch_page("upload.py").run()
    text = (
        "Arbetsmarknadsnämnden – svar på remiss om Stockholms stads trygghetsprogram 2024–2027\n\n"
        "Arbetsmarknadsförvaltningen ordnar feriejobb för unga i ytterstaden varje sommar.\n"
    ).encode()
    app.file_uploader[0].set_value(
        [("../../evil.txt", text, "text/plain"), ("bild.txt", b"\x00\x01" * 50, "text/plain")]
    ).run()
    assert not app.exception, [e.value for e in app.exception]
    fields = {t.label: t.value for t in app.text_input}
    assert fields["Nämnd"] == "Arbetsmarknadsnämnden"
    assert fields["Titel"] == "Svar på remiss om Stockholms stads trygghetsprogram 2024–2027"
    assert fields["Programperiod"] == "2024–2027"
    assert "Sparas som evil.txt" in texts(app)
    assert any("Kan inte läsas in: filen ser inte ut att vara text" in e.value for e in app.error)  # inline
    next(t for t in app.text_input if t.label == "Titel").set_value("Feriejobb för unga").run()
    button(app, "Läs in").click().run()
    assert not app.exception, [e.value for e in app.exception]
    shown = unescape_md(app.success[0].value)
    assert "evil.txt" in shown and "../" not in shown
    first_batch = [unescape_md(e.value) for e in app.error]
    assert first_batch and all("bild.txt" in e for e in first_batch)
    app.switch_page("chat.py").run()
    assert "Arbetsmarknadsnämnden" in app.sidebar.multiselect[0].options
    app.switch_page("documents.py").run()
    assert "Feriejobb för unga – Arbetsmarknadsnämnden" in app.selectbox[0].options
    # a new batch's messages replace the last batch's
    app.switch_page("upload.py").run()
    app.file_uploader[0].set_value([("tom.md", b"", "text/markdown")]).run()
    assert not app.success and not any("bild.txt" in e.value for e in app.error)


def test_loader_reasons_are_swedish_without_admin_commands() -> None:
    reasons = [
        "x.pdf: the PDF has no text layer and needs OCR, but Tesseract is not installed "
        "(install it with: apt-get install tesseract-ocr tesseract-ocr-swe)",
        "x.txt: looks like a binary file, not text (it contains NUL bytes)",
        "x.md: the file contains only whitespace, no text",
        "x.docx: cannot be opened as a Word document (corrupt or not .docx): bad zip",
        "x.pdf: the PDF is password-protected and cannot be read",
        "something nobody foresaw",
    ]
    for reason in reasons:
        message = swedish_reason(reason)
        assert "apt-get" not in message and not re.search(r"\b(the|file|not|install)\b", message), message


def test_heading_suggests_committee_and_title() -> None:
    meta = suggest_meta("Miljö- och hälsoskyddsnämnden\n\nSvar på remiss om trygghetsprogrammet\n\nText.", "x")
    assert meta.responder == "Miljö- och hälsoskyddsnämnden"
    assert meta.title == "Svar på remiss om trygghetsprogrammet"
    assert suggest_meta("bara text utan rubrik.", "Mitt_dokument").title == "Mitt dokument"


def test_signed_in_users_conversations_are_theirs(home: Path) -> None:
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120)
    at.secrets["auth"] = SIGN_IN
    at.user = {"is_logged_in": True, "email": "handlaggare@stockholm.se"}
    at.run()
    assert warmup.wait_all(120)
    at.run()
    ask(at, "Vilka fokusområden finns?")
    assert _owners(home) == ["user:handlaggare@stockholm.se"]


def test_open_conversation_stays_in_the_address_across_pages(app: AppTest) -> None:
    ask(app, "Vilka fokusområden finns?")
    conversation = app.session_state["chat_current"]
    app.switch_page("documents.py").run()
    app.switch_page("chat.py").run()
    assert len(app.chat_message) == 2
    assert app.query_params["samtal"] in (conversation, [conversation])
