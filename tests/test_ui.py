"""The Streamlit app, driven by AppTest on a tiny Swedish corpus with the fake embedder."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui import eval_jobs, resources, warmup
from ui.feedback import FeedbackError, FeedbackStore
from ui.render import escape_markdown, highlight_html, merge_spans
from ui.upload import safe_filename, upload_problem

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "data" / "ui_corpus"
SCRIPT = "<script>alert(1)</script>"
LINK = "[klicka](http://evil)"
SIGN_IN = {  # a complete OpenID Connect sign-in section of .streamlit/secrets.toml
    "redirect_uri": "http://localhost/oauth2callback",
    "cookie_secret": "s",
    "client_id": "trygg",
    "client_secret": "hemligt",
    "server_metadata_url": "https://login.example.se/.well-known/openid-configuration",
}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("TRYGG_HOME", str(home))
    monkeypatch.setenv("TRYGG_EMBEDDING__BACKEND", "fake")
    monkeypatch.setenv("TRYGG_CORPUS", str(CORPUS))
    return home


@pytest.fixture
def app(home: Path) -> AppTest:
    """The app once the tiny corpus, loaded in the background from its first run, is in."""
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert warmup.wait_all(120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("  \n", "\n")


def assistant_messages(at: AppTest) -> list:
    return [m for m in at.chat_message if m.name == "assistant"]


def ask(at: AppTest, question: str) -> object:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return assistant_messages(at)[-1]


def answer_text(message: object) -> str:
    """The answer's text as shown (its HTML without tags)."""
    shown = message.html[0].value  # type: ignore[attr-defined]
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


def card_responders(message: object) -> list[str]:
    found = []
    for element in message.html:  # type: ignore[attr-defined]
        match = re.search(r"Nämnd: ([^·<]+)", html.unescape(element.value))
        if match:
            found.append(match.group(1).strip())
    return found


def cards(message: object) -> list[str]:
    return [h.value for h in message.html if "trygg-passage" in h.value]  # type: ignore[attr-defined]


def button(at: AppTest, label: str, n: int = 0):
    return [b for b in at.button if b.label == label][n]


# --- the chat -------------------------------------------------------------------------------


def test_first_start_ingests_the_corpus_and_shows_the_chat(app: AppTest, home: Path) -> None:
    assert app.title[0].value == "Trygghetsassistenten"
    assert len(app.chat_input) == 1
    assert (home / "texts" / "trafiknamnden.txt.txt").exists()
    responders = app.sidebar.multiselect[0].options
    assert set(responders) >= {"Trafiknämnden", "Idrottsnämnden", "Kulturnämnden"}


def test_question_gives_an_answer_with_source_cards(app: AppTest) -> None:
    message = ask(app, "Vem ansvarar för stadens offentliga miljö?")
    assert "Trafiknämnden" in answer_text(message)
    assert "[1]" in answer_text(message)
    assert "Trafiknämnden" in card_responders(message)
    passages = cards(message)
    assert passages and "<mark" in passages[0]
    # [1] is a link to the first source card, whose heading has that id
    assert re.search(r'<a class="trygg-marker" href="#(trygg-[^"]+-c1)"', message.html[0].value)
    target = re.search(r'href="#(trygg-[^"]+-c1)"', message.html[0].value).group(1)  # type: ignore[union-attr]
    assert f'id="{target}"' in passages[0]
    assert any(b.label == "Visa i dokumentet" for b in message.button)
    # The user's question is shown too, as plain text.
    assert app.chat_message[0].name == "user"
    assert app.chat_message[0].text[0].value == "Vem ansvarar för stadens offentliga miljö?"


def test_a_mended_spelling_is_shown_under_the_answer(app: AppTest) -> None:
    message = ask(app, "Vem ansvarar för stadens offentliga miljö enligt trafiknämden?")
    shown = [unescape_md(c.value) for c in message.caption]  # type: ignore[attr-defined]
    assert any("trafiknämden → trafiknämnden" in c for c in shown), shown
    plain = ask(app, "Vem ansvarar för stadens offentliga miljö?")
    assert not any("stavningen" in c.value for c in plain.caption)  # type: ignore[attr-defined]


def test_cited_sentences_are_highlighted_in_the_card(app: AppTest) -> None:
    ask(app, "Vem ansvarar för stadens offentliga miljö?")
    answer = app.session_state["chat_history"][-1]["answer"]
    citation = answer.citations[0]
    cited = citation.chunk.clean_text[citation.highlights[0].start : citation.highlights[0].end]
    marks = re.findall(r"<mark[^>]*>(.*?)</mark>", cards(assistant_messages(app)[-1])[0], re.S)
    assert cited.strip() in [m.strip() for m in marks]


def test_visa_i_dokumentet_shows_the_whole_document_at_the_passage(app: AppTest) -> None:
    ask(app, "Vem ansvarar för stadens offentliga miljö?")
    button(app, "Visa i dokumentet").click().run()
    frames = [e for e in app.main if e.type == "iframe"]
    assert len(frames) == 1
    page = frames[0].proto.srcdoc
    assert 'id="citerat"' in page and "window.scrollTo" in page
    assert "Trafikkontoret sköter gator" in page  # the whole document is there
    assert any(b.label == "Dölj dokumentet" for b in app.button)


def test_follow_up_uses_the_history(app: AppTest) -> None:
    ask(app, "Vad vill Idrottsnämnden göra för unga?")
    ask(app, "Och Kulturnämnden?")
    assert len(assistant_messages(app)) == 2
    assert "Kulturnämnden" in card_responders(assistant_messages(app)[-1])


def test_filter_narrows_citations_to_one_responder(app: AppTest) -> None:
    message = ask(app, "Vad gör nämnden för unga?")
    assert set(card_responders(message)) - {"Idrottsnämnden"}  # unfiltered, others are cited too
    app.sidebar.multiselect[0].set_value(["Idrottsnämnden"]).run()
    message = ask(app, "Vad gör nämnden för unga?")
    responders = card_responders(message)
    assert responders and set(responders) == {"Idrottsnämnden"}
    answer = app.session_state["chat_history"][-1]["answer"]
    assert {c.chunk.meta.responder for c in answer.citations} == {"Idrottsnämnden"}
    notes = [unescape_md(c.value) for c in message.caption]
    assert "Avgränsat till nämnd: Idrottsnämnden" in notes


def test_nytt_samtal_clears_the_history(app: AppTest) -> None:
    ask(app, "Vad är trygghetsprogrammet?")
    assert len(app.chat_message) == 2
    button(app, "Nytt samtal").click().run()
    assert len(app.chat_message) == 0
    assert app.session_state["chat_history"] == []


def test_example_question_button_asks_it(app: AppTest) -> None:
    button(app, "Vilka fokusområden finns?").click().run()
    assert app.chat_message[0].text[0].value == "Vilka fokusområden finns?"
    assert "fokusområden" in answer_text(assistant_messages(app)[-1])


def test_error_is_shown_in_plain_words(app: AppTest) -> None:
    ask(app, "\x01\x02")  # only control characters: nothing to ask
    errors = [e.value for e in assistant_messages(app)[-1].error]
    assert errors and errors[0].startswith("Skriv en fråga")
    assert not app.exception


# --- feedback -------------------------------------------------------------------------------


def test_feedback_is_stored_and_exported_as_csv(app: AppTest, home: Path) -> None:
    ask(app, "Vem ansvarar för stadens offentliga miljö?")
    app.feedback[0].set_value(0).run()  # thumbs down
    text_inputs = [t for t in app.text_input if t.label == "Kommentar (valfritt)"]
    text_inputs[0].set_value("=Saknar stadsdelsnämnderna").run()
    button(app, "Skicka kommentar").click().run()
    assert any("Kommentaren är sparad" in c.value for c in app.caption)

    with sqlite3.connect(home / "feedback.sqlite") as db:
        rows = db.execute("SELECT question, answer, chunk_ids, rating, comment, timestamp FROM feedback").fetchall()
    assert len(rows) == 1
    question, answer, chunk_ids, rating, comment, stamp = rows[0]
    assert question == "Vem ansvarar för stadens offentliga miljö?"
    assert "Trafiknämnden" in answer
    assert rating == -1 and comment == "=Saknar stadsdelsnämnderna" and stamp
    assert len(json.loads(chunk_ids)) >= 1

    app.feedback[0].set_value(1).run()  # changed mind: thumbs up, same row
    buffer = io.StringIO()
    assert FeedbackStore(home / "feedback.sqlite").export_csv(buffer) == 1
    exported = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert exported[0]["rating"] == "1"
    assert exported[0]["comment"] == "'=Saknar stadsdelsnämnderna"  # no formula in a spreadsheet

    app.switch_page("evaluation.py").run()
    download = [d for d in app.download_button if d.label == "Ladda ner feedback som CSV"]
    assert download and not download[0].disabled
    assert any("Ingen utvärdering har körts från sidan ännu" in i.value for i in app.info)


def test_feedback_store_rejects_bad_ratings(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    with pytest.raises(FeedbackError):
        store.add("q", "a", [], 0)
    row = store.add("q", "a", ["c1"], 1, "bra")
    store.export_csv(tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[1].startswith(f"{row},")


def test_evaluation_runs_on_the_page_against_a_separate_store(app: AppTest, home: Path) -> None:
    app.switch_page("evaluation.py").run()
    assert not app.exception
    app.radio[0].set_value("upload")
    questions = (Path(__file__).parent / "data" / "ui_questions.jsonl").read_bytes()
    app.file_uploader[0].set_value([("ui_fragor.jsonl", questions, "application/jsonl")])
    app.text_input[0].set_value("första")
    app.button[0].click().run()  # the form's submit button
    assert not app.exception, [e.value for e in app.exception]
    job = eval_jobs.current(resources.settings())
    assert job is not None and job.finished.wait(120)
    assert job.info.state == "klar", job.info.error
    app.run()
    # the run used its own store of the corpus, not the live one
    assert (home / "utvardering" / "chroma").is_dir()
    assert job.info.store == "separat" and job.info.n_questions == 2
    assert (Path(job.info.folder) / "report.html").is_file()
    rows = app.dataframe[0].value
    assert list(rows["Namn"]) == ["första"] and list(rows["Status"]) == ["klar"]
    labels = {r["Mått"] for r in app.table[0].value.to_dict("records")}
    assert "Rätt stycke först (träff@1)" in labels and "hit@1" not in labels
    assert any(d.label == "Ladda ner rapporten (HTML)" for d in app.download_button)

    # a second run, on the live store, then the two side by side
    app.radio[1].set_value("live")
    app.text_input[0].set_value("andra")
    app.button[0].click().run()
    job = eval_jobs.current(resources.settings())
    assert job is not None and job.finished.wait(120) and job.info.state == "klar", job.info.error
    app.run()
    assert len(app.dataframe[0].value) == 2
    app.selectbox[1].select_index(1).run()
    table = app.table[0].value
    assert list(table.columns) == ["Mått", "Första", "Andra", "Skillnad"]


# --- uploads --------------------------------------------------------------------------------


def test_upload_good_and_empty_file(app: AppTest, home: Path) -> None:
    app.switch_page("upload.py").run()
    good = (
        "Miljö- och hälsoskyddsnämnden\n\nSvar på remiss om trygghetsprogrammet\n\n### Buller\n\n"
        "Miljöförvaltningen mäter buller och luftkvalitet i parkerna för att invånarna ska trivas."
    ).encode()
    app.file_uploader[0].set_value(
        [("../../etc/Min rapport!.txt", good, "text/plain"), ("tom.txt", b"", "text/plain")]
    ).run()
    button(app, "Läs in").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert len(app.success) == 1 and "1 dokument inlästa" in unescape_md(app.success[0].value)
    assert [unescape_md(e.value) for e in app.error] == ["tom.txt: filen är tom."]
    saved = sorted(p.name for p in (home / "uploads").iterdir() if p.is_file() and p.suffix == ".txt")
    assert saved == ["Min_rapport.txt"]
    assert "../" not in unescape_md(app.success[0].value) and "Min_rapport.txt" in unescape_md(app.success[0].value)

    app.switch_page("documents.py").run()
    sources = app.selectbox[0].options
    # titled and attributed from its own heading, not by its file name
    assert "Svar på remiss om trygghetsprogrammet – Miljö- och hälsoskyddsnämnden" in sources
    assert not any("Min_rapport" in s for s in sources)

    app.switch_page("chat.py").run()
    ask(app, "Vad mäter Miljöförvaltningen i parkerna?")
    answer = app.session_state["chat_history"][-1]["answer"]
    assert "Min_rapport.txt" in {c.chunk.source for c in answer.citations}


def test_upload_reports_a_file_the_ingest_cannot_read(app: AppTest, home: Path) -> None:
    app.switch_page("upload.py").run()
    app.file_uploader[0].set_value([("blank.md", b"   \n\n  ", "text/markdown")]).run()
    button(app, "Läs in").click().run()
    errors = [unescape_md(e.value) for e in app.error]
    assert len(errors) == 1 and errors[0].startswith("blank.md: kunde inte läsas in")
    assert not app.success
    assert not (home / "uploads" / "blank.md").exists()


def test_safe_filename_and_type_checks() -> None:
    assert safe_filename("../../etc/passwd.txt") == "passwd.txt"
    assert safe_filename("C:\\Users\\x\\Remiss svar (2).PDF") == "Remiss_svar_2.pdf"
    assert safe_filename("..hidden.md") == "hidden.md"
    assert safe_filename("Nämndens yttrande.docx") == "Nämndens_yttrande.docx"
    assert safe_filename("<script>.txt") == "script.txt"
    assert safe_filename("") == "dokument"
    assert upload_problem("a.exe", b"MZ", 100).startswith("filtypen .exe stöds inte")
    assert upload_problem("a.pdf", b"not a pdf", 100) == "filen är inte en riktig PDF-fil"
    assert upload_problem("a.txt", b"x" * 200, 100).startswith("filen är för stor")
    assert upload_problem("a.pdf", b"%PDF-1.7 ...", 100) == ""


# --- safety: document text is shown literally -----------------------------------------------


def test_document_with_markup_is_shown_literally_on_the_documents_page(app: AppTest) -> None:
    app.switch_page("documents.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert sum("trygg-documents" in h.value for h in app.html) == 1  # the table of documents
    choice = next(o for o in app.selectbox[0].options if "Kulturnämnden" in o)
    app.selectbox[0].select(choice).run()
    page = next(e for e in app.main if e.type == "iframe").proto.srcdoc
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and LINK in page
    assert page.count("<script>") == 1  # only the page's own scrolling script
    for element in list(app.markdown) + [h for h in app.html if "__tryggUi" not in h.value]:
        assert "<script>" not in element.value
        assert "](http://evil)" not in element.value or "\\]" in element.value


def test_document_with_markup_is_shown_literally_in_answer_and_card(app: AppTest) -> None:
    message = ask(app, "Vad visar bibliotekets webbplats om kvällsöppna bibliotek?")
    answer = app.session_state["chat_history"][-1]["answer"]
    assert any(SCRIPT in c.chunk.clean_text for c in answer.citations)
    cards = [h.value for h in message.html]
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in c for c in cards)
    assert all("<script>" not in c for c in cards)
    for md in message.markdown:
        assert "<script>" not in md.value and "](http" not in md.value
        assert not md.proto.allow_html
    assert SCRIPT in answer.text  # the answer quotes the passage with the markup
    assert SCRIPT in answer_text(message)  # shown literally, not dropped
    button(app, "Visa i dokumentet").click().run()
    page = next(e for e in app.main if e.type == "iframe").proto.srcdoc
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # only the page's own scrolling script


def test_escaping_helpers() -> None:
    shown = unescape_md(escape_markdown(LINK + " *x* $y$ :red[z]")).replace("\u2060", "")  # word joiners
    assert shown == LINK + " *x* $y$ :red[z]"
    assert "[" not in escape_markdown("[a](b)").replace("\\[", "")
    assert highlight_html("a<b>c", [(1, 4)]) == "a<mark>&lt;b&gt;</mark>c"
    assert merge_spans([(5, 9), (0, 3), (2, 4), (8, 50)], 10) == [(0, 4), (5, 10)]


# --- sign-in --------------------------------------------------------------------------------


def test_sign_in_is_required_only_when_configured(home: Path) -> None:
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120)
    at.secrets["auth"] = SIGN_IN
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert any(b.label == "Logga in" for b in at.button)
    assert len(at.chat_input) == 0


def test_a_broken_sign_in_configuration_stops_the_app(home: Path) -> None:
    """Fails closed: an [auth] with a misspelt key shows the mistake and nothing else."""
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120)
    at.secrets["auth"] = {"redirect_url": "http://localhost/oauth2callback", "cookie_secret": "s"}
    at.run()
    assert not at.exception
    assert "okänd nyckel 'redirect_url'" in at.error[0].value
    assert len(at.chat_input) == 0 and not any(b.label == "Logga in" for b in at.button)
