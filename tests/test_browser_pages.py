"""Documents, uploads and evaluation as users meet them, in Debian's Chromium.

The bundled corpus is ingested first with `trygg ingest` (real embedder); then `trygg ui`
serves it. The tests run in file order; screenshots go to TRYGG_SCREENSHOT_DIR.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_browser_chat import Server, browsing, english_on, serving, shot, submit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DELETED = "004_2da92ff9d07e789e.txt"
DELETED_RESPONDER = "Enskede-Årsta-Vantörs stadsdelsnämnd"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from serving(tmp_path_factory.mktemp("pages") / "home", ingest_first=True)


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[Any]:
    yield from browsing(server)


def go(page: Any, server: Server, path: str, heading: str) -> None:
    page.goto(f"{server.url}/{path}", wait_until="domcontentloaded")
    page.get_by_role("heading", name=heading).first.wait_for(timeout=120_000)
    page.wait_for_timeout(500)


def pick(page: Any, label: str, option: str) -> None:
    for _ in range(3):  # a rerun of the page can close the list just opened
        page.locator('[data-testid="stSelectbox"]').filter(has_text=label).click()
        choice = page.get_by_role("option", name=option).first
        try:
            choice.wait_for(timeout=5_000)
        except Exception:  # noqa: BLE001 - Playwright's timeout: open the list again
            page.keyboard.press("Escape")
            continue
        choice.click()
        return
    raise AssertionError(f"no option {option!r} in {label!r}")


def test_documents_table_fits_and_tells_same_titles_apart(server: Server, page: Any) -> None:
    go(page, server, "dokument", "Dokument")
    table = page.locator("table.trygg-documents")
    main = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    box = table.bounding_box()
    assert box is not None and main is not None and box["x"] + box["width"] <= main["x"] + main["width"] + 1
    last = table.locator("thead th").last.bounding_box()  # the right-hand column is on the page
    assert last is not None and last["x"] + last["width"] <= main["x"] + main["width"] + 1
    assert table.locator("tbody tr").count() == 5
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Läs ett dokument").click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    same = [o for o in options if o.startswith("Stockholms stads trygghetsprogram 2020–2023")]
    assert len(same) == 2 and len(set(same)) == 2, options  # told apart by committee
    assert not any(o.endswith(".txt") for o in options)
    assert english_on(page) == []
    shot(page, "dokument")


def test_reader_shows_cleaned_text_and_raw_one_click_away(server: Server, page: Any) -> None:
    go(page, server, "dokument", "Dokument")
    pick(page, "Läs ett dokument", "Stockholms stads trygghetsprogram 2024-2027. Svar på remiss från kommunstyrelsen")
    frame = page.frame_locator("iframe").first
    body = frame.locator("main")
    body.wait_for(timeout=30_000)
    cleaned = body.inner_text()
    assert "Handläggare Kristoffer" in cleaned or "HandläggareKristoffer" not in cleaned
    page.get_by_text("Visa originaltexten").click()
    page.wait_for_timeout(1500)
    raw = page.frame_locator("iframe").first.locator("main").inner_text()
    assert raw != cleaned
    assert "HandläggareKristoffer" in raw or len(raw) >= len(cleaned)
    shot(page, "dokument-lasare")


def test_cited_passage_is_marked_in_the_cleaned_document(server: Server, page: Any) -> None:
    page.goto(server.url, wait_until="domcontentloaded")
    message = submit(page, "Vilka nämnder ansvarar för stadens offentliga miljö?")
    message.get_by_role("button", name="Visa i dokumentet").first.click()
    frame = page.frame_locator("iframe").first
    cited = frame.locator("mark#citerat")
    cited.wait_for(timeout=60_000)
    page.wait_for_timeout(800)
    assert cited.inner_text().strip()
    assert frame.locator("body").evaluate(
        "() => { const r = document.getElementById('citerat').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )


def test_delete_document_with_confirmation(server: Server, page: Any) -> None:
    go(page, server, "dokument", "Dokument")
    pick(page, "Läs ett dokument", f"Stockholms stads trygghetsprogram 2020–2023 – {DELETED_RESPONDER}")
    page.get_by_role("button", name="Ta bort dokumentet").click()
    page.get_by_text("Det går inte att ångra").wait_for()
    shot(page, "dokument-ta-bort")
    page.get_by_role("button", name="Ja, ta bort").click()
    page.get_by_text("är borttaget").wait_for(timeout=60_000)
    sources = {row["source"] for row in json.loads(server.trygg("sources", "--json"))}
    assert DELETED not in sources and len(sources) == 4
    page.goto(server.url, wait_until="domcontentloaded")
    message = submit(page, "Vad tycker Enskede-Årsta-Vantörs stadsdelsnämnd om trygghetsprogrammet?")
    assert DELETED_RESPONDER not in " ".join(message.locator(".trygg-card-title, .trygg-card-meta").all_inner_texts())


def _docx(heading: str, body: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(heading, level=1)
    document.add_paragraph(body)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_upload_metadata_from_heading_editable_and_messages_replaced(server: Server, page: Any, tmp_path: Path) -> None:
    go(page, server, "lagg-till-dokument", "Lägg till dokument")
    assert english_on(page) == []
    good = tmp_path / "arbetsmarknad.docx"
    good.write_bytes(
        _docx(
            "Arbetsmarknadsnämnden – svar på remiss om Stockholms stads trygghetsprogram 2024–2027",
            "Arbetsmarknadsförvaltningen ordnar feriejobb för unga i ytterstaden varje sommar.",
        )
    )
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"inte en pdf")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(good), str(bad)])
    responder = page.get_by_label("Nämnd").first
    responder.wait_for(timeout=60_000)
    assert responder.input_value() == "Arbetsmarknadsnämnden"
    assert page.get_by_label("Programperiod").first.input_value() == "2024–2027"
    page.get_by_text("Kan inte läsas in: filen är inte en riktig PDF-fil").wait_for()  # inline, not a tooltip
    title = page.get_by_label("Titel").first
    title.fill("Feriejobb för unga")
    title.press("Enter")
    assert english_on(page) == []
    shot(page, "lagg-till-granska")
    page.get_by_role("button", name="Läs in").click()
    page.get_by_text("1 dokument inlästa").wait_for(timeout=180_000)
    assert page.get_by_text("trasig.pdf").count() >= 1
    shot(page, "lagg-till-klart")
    sources = json.loads(server.trygg("sources", "--json"))
    row = next(r for r in sources if r["source"] == "arbetsmarknad.docx")
    assert row["title"] == "Feriejobb för unga" and row["responder"] == "Arbetsmarknadsnämnden"
    # the next batch's messages replace these
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(empty)])
    page.get_by_text("Kan inte läsas in: filen är tom").wait_for(timeout=30_000)
    assert page.get_by_text("1 dokument inlästa").count() == 0


def finished_runs(server: Server) -> list[dict[str, Any]]:
    runs = [json.loads(p.read_text()) for p in sorted((server.home / "eval" / "runs").glob("*/run.json"))]
    return [r for r in runs if r["finished"]]


def test_evaluation_runs_on_the_page_and_two_runs_compare(server: Server, page: Any) -> None:
    go(page, server, "utvardering", "Utvärdering")
    assert english_on(page) == []
    page.get_by_role("button", name="Starta utvärderingen").click()
    page.get_by_text("Rätt stycke först (träff@1)").first.wait_for(timeout=600_000)
    page.get_by_role("button", name="Ladda ner rapporten (HTML)").wait_for()
    assert page.get_by_text("Den senaste körningen").count() == 0  # it did not fail
    page.get_by_label("Namn på körningen").fill("andra")
    page.get_by_text("Det levande lagret").click()
    page.get_by_role("button", name="Starta utvärderingen").click()
    deadline = time.monotonic() + 600
    while len(finished_runs(server)) < 2 and time.monotonic() < deadline:
        time.sleep(1)
    assert len(finished_runs(server)) == 2
    go(page, server, "utvardering", "Utvärdering")
    pick(page, "Jämför med", "Medföljande frågor")
    page.get_by_text("Skillnad").first.wait_for(timeout=30_000)
    assert english_on(page) == []
    shot(page, "utvardering")
    # the first run asked the separate store of the bundled corpus, the second the live one
    runs = finished_runs(server)
    assert [(r["store"], r["state"]) for r in runs] == [("separat", "klar"), ("live", "klar")]
    assert (server.home / "utvardering" / "chroma").is_dir()
    assert all((Path(r["folder"]) / "report.html").is_file() for r in runs)
