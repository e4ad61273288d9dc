"""The Remissammanställning page in real Chromium: topics in, a table per topic, a passage opened, DOCX downloaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.test_browser import LOAD_TIMEOUT_MS, _screenshot_dir, app_url, browser  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_compile_topics_open_a_passage_and_download_docx(browser: object, app_url: str, tmp_path: Path) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1900}, locale="sv-SE", accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{app_url}/remissammanstallning", wait_until="domcontentloaded")
    topics = page.get_by_label("Fler ämnen, ett per rad")
    topics.wait_for(timeout=LOAD_TIMEOUT_MS)
    topics.fill("skolans roll\nplatssamverkan")
    page.get_by_role("button", name="Sammanställ").click()

    download_button = page.get_by_role("button", name="Ladda ner DOCX")
    download_button.wait_for(timeout=120_000)
    page.get_by_role("heading", name="platssamverkan").wait_for(timeout=60_000)
    page.get_by_role("button", name="Visa [1]").nth(1).wait_for(timeout=60_000)  # the second topic's table too
    page.get_by_text("Skolans roll betonas", exact=False).first.wait_for()
    text = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert "skolans roll" in text and "platssamverkan" in text
    assert "Skolans roll betonas" in text  # Utbildningsnämnden's sentence
    assert "Tar inte upp ämnet" in text
    for responder in ("Utbildningsnämnden", "Trafiknämnden", "Socialnämnden", "Kungsholmens stadsdelsnämnd"):
        assert responder in text

    page.get_by_role("button", name="Visa [1]").first.click()
    cited = page.frame_locator("iframe").first.locator("mark#citerat")
    cited.wait_for(timeout=60_000)
    assert cited.inner_text().strip()
    page.wait_for_timeout(500)
    page.screenshot(path=str(_screenshot_dir() / "remissammanstallning.png"))

    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ner DOCX").click()
    path = tmp_path / "sammanstallning.docx"
    info.value.save_as(str(path))
    document = Document(str(path))
    assert len(document.tables) == 2
    assert "Utbildningsnämnden" in [row.cells[0].text for row in document.tables[0].rows]
    context.close()
