"""The real app in a real browser: `streamlit run ui/app.py`, the default embedder, Chromium.

The bundled corpus is ingested first with `trygg ingest` in a temp home; the server then
runs on a free port on 127.0.0.1 and Debian's Chromium drives it through Playwright.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUESTION = "Vilka nämnder ansvarar för stadens offentliga miljö?"
OTHER_QUESTION = "Vilka fokusområden finns?"
ASSISTANT = '[data-testid="stChatMessage"]:has([data-testid="stChatMessageAvatarAssistant"])'
USER = '[data-testid="stChatMessage"]:has([data-testid="stChatMessageAvatarUser"])'
LOAD_TIMEOUT_MS = 240_000
# Scroll an element's top to just below the app's fixed header.
SCROLL_TO_TOP = """el => {
  el.scrollIntoView({block: 'start'});
  let box = el.parentElement;
  const scrolls = (b) => b.scrollHeight > b.clientHeight
    && /auto|scroll/.test(getComputedStyle(b).overflowY);
  while (box && !scrolls(box)) { box = box.parentElement; }
  (box || document.scrollingElement).scrollBy(0, -70);
}"""
ANSWER_TIMEOUT_MS = 120_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRYGG_")}
    env.update(TRYGG_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return env


def _wait_healthy(url: str, server: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit did not start within {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on the bundled corpus, ingested with the real default embedder."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    home = tmp_path_factory.mktemp("browser") / "home"
    env = _environment(home)
    ingest = subprocess.run(
        [sys.executable, "-m", "cli", "ingest"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    port = _free_port()
    log = home / "streamlit.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "ui" / "app.py"),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, log, 120)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output = log.read_text(errors="replace")
    assert "Traceback" not in output, output[-3000:]


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser: object, url: str) -> object:
    context = browser.new_context(viewport={"width": 1400, "height": 1900}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.locator('[data-testid="stChatInputTextArea"]').wait_for(timeout=LOAD_TIMEOUT_MS)
    return page


def _submit(page: object, question: str) -> None:
    box = page.locator('[data-testid="stChatInputTextArea"]')  # type: ignore[attr-defined]
    box.fill(question)
    box.press("Enter")


def _wait_answer(page: object) -> object:
    """The last assistant message, once its source cards (or an error) are drawn."""
    message = page.locator(ASSISTANT).last  # type: ignore[attr-defined]
    message.locator('button:has-text("Visa i dokumentet"), [data-testid="stAlert"]').first.wait_for(
        timeout=ANSWER_TIMEOUT_MS
    )
    assert message.locator('[data-testid="stAlert"]').count() == 0, message.inner_text()
    message.locator(".trygg-passage").first.wait_for()  # st.html may draw just after the buttons
    return message


def _screenshot_dir() -> Path:
    configured = os.environ.get("TRYGG_SCREENSHOT_DIR")
    folder = Path(configured) if configured else Path(tempfile.gettempdir()) / "trygg-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_question_answer_sources_and_document(browser: object, app_url: str) -> None:
    page = _open(browser, app_url)
    _submit(page, QUESTION)
    message = _wait_answer(page)
    text = message.inner_text()  # type: ignore[attr-defined]
    assert "trafiknämnden" in text.lower(), text
    cards = message.locator(".trygg-passage")  # type: ignore[attr-defined]
    assert cards.count() >= 1
    assert cards.first.locator("mark").count() >= 1  # the cited sentences are highlighted

    message.get_by_role("button", name="Visa i dokumentet").first.click()  # type: ignore[attr-defined]
    frame = page.frame_locator("iframe").first  # type: ignore[attr-defined]
    cited = frame.locator("mark#citerat")
    cited.wait_for(timeout=60_000)
    assert cited.inner_text().strip()
    page.get_by_role("button", name="Dölj dokumentet").first.wait_for()  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # let the document frame scroll to the passage
    # Show the answer from its first line (below the app's header), then its source cards.
    message.evaluate(SCROLL_TO_TOP)  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    # The cited passage is scrolled into the document frame's view.
    assert frame.locator("body").evaluate(
        "() => { const r = document.getElementById('citerat').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    path = _screenshot_dir() / "chat-answer-with-sources.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    print(f"screenshot: {path}")  # noqa: T201
    page.context.close()  # type: ignore[attr-defined]


def test_two_sessions_ask_at_the_same_time(browser: object, app_url: str) -> None:
    first, second = _open(browser, app_url), _open(browser, app_url)
    _submit(first, QUESTION)
    _submit(second, OTHER_QUESTION)
    first_text = _wait_answer(first).inner_text()  # type: ignore[attr-defined]
    second_text = _wait_answer(second).inner_text()  # type: ignore[attr-defined]

    assert "trafiknämnden" in first_text.lower(), first_text
    assert "Riktade sociala insatser" in second_text, second_text
    # Each session has only its own conversation.
    for page, own, other in ((first, QUESTION, OTHER_QUESTION), (second, OTHER_QUESTION, QUESTION)):
        users = page.locator(USER)  # type: ignore[attr-defined]
        assert users.count() == 1
        assert own in users.first.inner_text()
        assert other not in page.locator('[data-testid="stMainBlockContainer"]').inner_text()  # type: ignore[attr-defined]
        assert page.locator(ASSISTANT).count() == 1  # type: ignore[attr-defined]
        page.context.close()  # type: ignore[attr-defined]
