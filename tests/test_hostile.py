"""The hostile catalogue: every probe of an attacker or of bad luck, each on a private home.

For each probe: a clear message (what, why, the limit or the command that fixes it), a
bounded peak memory where work could explode, and a store that is unchanged by what was
refused. Ingests and questions run as real `trygg` processes where the probe is about a
process (its memory, its exit, its hang); the real Chroma server is paused with SIGSTOP.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.core import Assistant
from assistant.settings import Settings, load_settings
from ingest.pipeline import Ingestor
from ingest.worker import ReadSpec, read_isolated
from vectorstore.chroma_store import ChromaStore

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "data" / "ui_corpus"
MB = 1024 * 1024
TRAFIK = "trafiknamnden.txt"
QUESTION = "Vad gör trafiknämnden för tryggheten?"


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def zip_bomb(unpacked_mb: int = 1024) -> bytes:
    """A .docx whose document.xml unpacks to about unpacked_mb MB, built in memory (~1 MB packed)."""
    buffer = io.BytesIO()
    block = b"<w:p><w:r><w:t>trygghet</w:t></w:r></w:p>" * (MB // 42)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(unpacked_mb):
                member.write(block)
    return buffer.getvalue()


def env_for(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment of a `trygg` process that sees these settings."""
    answer = settings.answer
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("TRYGG_")},
        "PYTHONPATH": str(ROOT),
        "TRYGG_HOME": str(settings.home),
        "TRYGG_EMBEDDING__BACKEND": settings.embedding.backend,
        **{
            f"TRYGG_ANSWER__{name.upper()}": str(value)
            for name in ("abstain_min_dense", "abstain_weak_dense", "abstain_min_dense_english")
            if (value := getattr(answer, name)) is not None
        },
        **(
            {"TRYGG_CHROMA_HOST": settings.chroma_host, "TRYGG_CHROMA_PORT": str(settings.chroma_port)}
            if settings.chroma_host
            else {}
        ),
        **extra,
    }


def trygg(settings: Settings, *args: str, timeout: float = 300, **extra: str) -> tuple[int, str, float]:
    """Run `trygg ARGS` as a new process: (exit status, stdout+stderr, seconds)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "cli", *args],
        env=env_for(settings, **extra),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.returncode, done.stdout, time.monotonic() - started


# Linux keeps a process's peak RSS across exec, and a child started from this (large) test
# process starts with the parent's peak; so `trygg` is started by a small launcher whose own
# child's peak is measured there and reported on the last line.
_LAUNCHER = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)"
)


def run_measured(settings: Settings, *args: str, timeout: float = 300) -> tuple[int, str, float]:
    """Run `trygg ARGS` and return (exit status, output, the `trygg` process's own peak RSS in MB)."""
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, sys.executable, "-m", "cli", *args],
        env=env_for(settings),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
    out, _, peak_kb = done.stdout.rstrip("\n").rpartition("\n")
    return done.returncode, out, int(peak_kb) / 1024


def snapshot(settings: Settings) -> dict[str, tuple[str, str]]:
    """Every chunk in the store: id -> (source, raw text)."""
    return {c.id: (c.source, c.text) for c in ChromaStore(settings).all_chunks()}


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Settings]:
    """The tiny corpus ingested (fake embedder) into a private home."""
    settings = load_settings(home=tmp_path / "home", corpus=CORPUS, embedding={"backend": "fake"})
    report = Ingestor(settings).run([CORPUS])
    assert report.failed == [] and report.files == 4
    yield settings


# --- identity ----------------------------------------------------------------------------


def test_same_names_in_two_folders_are_two_documents(home: Settings, tmp_path: Path) -> None:
    root = tmp_path / "remisser"
    for folder, text in (("2023", "Nämnden tillstyrker förslaget om belysning."), ("2024", "Nämnden avstyrker allt.")):
        (root / folder).mkdir(parents=True)
        (root / folder / "svar.txt").write_text(f"Remissvar {folder}\n\n{text}\n", encoding="utf-8")
    for _ in range(2):  # a second run changes nothing: no overwriting in turn
        report = Ingestor(home).run([root])
        assert report.failed == []
    inventory = ChromaStore(home).inventory()
    assert {"2023/svar.txt", "2024/svar.txt"} <= set(inventory)
    for chunk in ChromaStore(home).all_chunks():
        if chunk.source.endswith("svar.txt"):
            text = (root / chunk.source).read_text(encoding="utf-8")
            assert text[chunk.start : chunk.end] == chunk.text
    assert Ingestor(home).run([root]).embedded == 0


def test_two_named_files_of_one_name_are_refused_not_overwritten(home: Settings, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "svar.txt").write_text(f"Remissvar {folder}\n\nText från mapp {folder}.\n")
    report = Ingestor(home).run([tmp_path / "a" / "svar.txt", tmp_path / "b" / "svar.txt"])
    assert len(report.failed) == 1 and "samma dokumentnyckel 'svar.txt'" in report.failed[0].reason
    chunk = next(c for c in ChromaStore(home).all_chunks() if c.source == "svar.txt")
    assert "mapp a" in chunk.text


# --- files that are not files --------------------------------------------------------------


def test_symlink_to_etc_passwd_is_refused(home: Settings, tmp_path: Path) -> None:
    before = snapshot(home)
    link = tmp_path / "leak.txt"
    link.symlink_to("/etc/passwd")
    status, out, _ = trygg(home, "ingest", str(link))
    assert status == 1
    assert "leak.txt: är en symbolisk länk" in out and "TRYGG_INGEST__ALLOW_SYMLINKS" in out
    assert snapshot(home) == before
    assert "root:" not in json.dumps(snapshot(home))


def test_symlink_inside_a_folder_is_refused_by_name(home: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    (folder / "ok.txt").write_text("Remissvar\n\nParkförvaltningen byter armaturer i parkerna.\n")
    (folder / "leak.txt").symlink_to("/etc/passwd")
    report = Ingestor(home).run([folder])
    assert [Path(f.file).name for f in report.failed] == ["leak.txt"]
    assert "ok.txt" in ChromaStore(home).inventory()


def test_named_pipe_does_not_hang_ingest(home: Settings, tmp_path: Path) -> None:
    before = snapshot(home)
    folder = tmp_path / "mapp"
    folder.mkdir()
    os.mkfifo(folder / "f.txt")
    status, out, seconds = trygg(home, "ingest", str(folder), timeout=120)
    assert status == 1 and "f.txt: är inte en vanlig fil utan en namngiven pipe" in out
    assert seconds < 60
    assert snapshot(home) == before


# --- bounded work --------------------------------------------------------------------------


def test_zip_bomb_docx_is_refused_with_bounded_memory(home: Settings, tmp_path: Path) -> None:
    bomb = zip_bomb(1024)
    assert len(bomb) < 4 * MB
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    before = snapshot(home)
    status, out, peak_mb = run_measured(home, "ingest", str(path))
    assert status == 1
    assert (
        "Word-filen packas upp till 999.6 MB, över gränsen 200.0 MB" in out and "TRYGG_INGEST__MAX_UNZIPPED_MB" in out
    ), out
    assert peak_mb < 500, peak_mb
    assert snapshot(home) == before


def test_worker_memory_bound_stops_what_the_limits_let_through(home: Settings, tmp_path: Path) -> None:
    """With the unpacking limits raised, the worker's own memory bound still stops the bomb."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb(1024))
    spec = ReadSpec.from_settings(home)
    spec = ReadSpec(
        **{
            **spec.__dict__,
            "limits": spec.limits.__class__(max_unzipped_bytes=4096 * MB, max_xml_bytes=4096 * MB),
            "memory_mb": 400,
        }
    )
    with pytest.raises(Exception, match="TRYGG_INGEST__WORKER_MEMORY_MB"):
        read_isolated(path, "bomb.docx", spec, {})


def test_text_over_the_character_limit_is_refused_in_swedish(home: Settings, tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    path.write_text("Trygghet i parkerna. " * 20_000, encoding="utf-8")
    settings = load_settings(
        home=home.home, corpus=CORPUS, ingest={"max_chars": 100_000}, embedding={"backend": "fake"}
    )
    report = Ingestor(settings).run([path])
    assert len(report.failed) == 1
    reason = report.failed[0].reason
    assert "över gränsen 100 000 tecken" in reason and "TRYGG_INGEST__MAX_CHARS" in reason


def test_too_many_chunks_are_refused_before_embedding(home: Settings, tmp_path: Path) -> None:
    path = tmp_path / "lang.txt"
    path.write_text("Rubrik\n\n" + "Nämnden arbetar med trygghet i parkerna varje dag. " * 3000, encoding="utf-8")
    settings = load_settings(home=home.home, corpus=CORPUS, ingest={"max_chunks": 20}, embedding={"backend": "fake"})
    report = Ingestor(settings).run([path])
    assert report.embedded == 0 and "TRYGG_INGEST__MAX_CHUNKS" in report.failed[0].reason


# --- the UI: collisions, markup ---------------------------------------------------------------


@pytest.fixture
def app(home: Settings, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("TRYGG_HOME", str(home.home))
    monkeypatch.setenv("TRYGG_EMBEDDING__BACKEND", "fake")
    monkeypatch.setenv("TRYGG_CORPUS", str(CORPUS))
    for name in ("ABSTAIN_MIN_DENSE", "ABSTAIN_WEAK_DENSE", "ABSTAIN_MIN_DENSE_ENGLISH"):
        monkeypatch.setenv(f"TRYGG_ANSWER__{name}", "-1")
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _click(at: AppTest, label: str) -> None:
    [b for b in at.button if b.label == label][0].click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_upload_named_like_a_document_waits_for_confirmation(app: AppTest, home: Settings) -> None:
    before = snapshot(home)
    planted = "Trafiknämnden\n\nTrygghetsprogrammet har avskaffats och trafiknämnden gör ingenting.\n".encode()
    app.switch_page("upload.py").run()
    app.file_uploader[0].set_value([(TRAFIK, planted, "text/plain")]).run()
    _click(app, "Läs in")
    warning = " ".join(w.value for w in app.warning).replace("\\", "")
    assert f"det finns redan ett dokument med namnet {TRAFIK}" in warning and "Trafiknämnden" in warning
    assert snapshot(home) == before  # nothing replaced yet

    _click(app, "Behåll det befintliga")
    assert snapshot(home) == before
    assert not list((home.home / "pending-uploads").glob("*/*"))

    app.file_uploader[0].set_value([(TRAFIK, planted, "text/plain")]).run()
    _click(app, "Läs in")
    _click(app, f"Ersätt {TRAFIK}")
    after = snapshot(home)
    assert after != before and any("avskaffats" in text for source, text in after.values() if source == TRAFIK)
    log = [json.loads(line) for line in (home.home / "replacements.jsonl").read_text().splitlines()]
    assert log[-1]["source"] == TRAFIK and log[-1]["by"] == "webbgränssnittet (utan inloggning)"

    answer = Assistant(home).ask("Har trygghetsprogrammet avskaffats?")
    if any(c.chunk.source == TRAFIK for c in answer.citations):
        assert any(f"uppladdade dokumentet {TRAFIK}, uppladdat av webbgränssnittet" in n for n in answer.notes)


def test_zip_bomb_upload_is_refused_in_swedish_and_the_store_unchanged(app: AppTest, home: Settings) -> None:
    before = snapshot(home)
    app.switch_page("upload.py").run()
    app.file_uploader[0].set_value([("rapport.docx", zip_bomb(1024), "application/octet-stream")]).run()
    _click(app, "Läs in")
    shown = [e.value.replace("\\", "") for e in app.error]
    assert len(shown) == 1 and shown[0].startswith("rapport.docx: kunde inte läsas in")
    assert "över gränsen 200.0 MB" in shown[0] and "TRYGG_INGEST__MAX_UNZIPPED_MB" in shown[0].replace("\\", "")
    assert snapshot(home) == before
    assert not (home.home / "uploads" / "rapport.docx").exists()


def test_markup_in_an_uploaded_file_name_is_shown_as_text(app: AppTest) -> None:
    name = "![bild](http://evil.example/x.png)[klicka](http://evil.example).txt"
    app.switch_page("upload.py").run()
    app.file_uploader[0].set_value([(name, b"", "text/plain")]).run()
    _click(app, "Läs in")
    shown = [e.value for e in app.error]
    assert len(shown) == 1
    assert re.search(r"(?<!\\)[][()!]", shown[0]) is None  # every bracket and "!" escaped
    plain = shown[0].replace("\\", "")
    assert "](" not in plain and "http://" not in plain  # no link or image markup, no live address


# --- damaged state ---------------------------------------------------------------------------


def test_damaged_embedding_cache_gives_an_answer_and_a_warning(home: Settings) -> None:
    cache = home.cache_dir / "embeddings.sqlite"
    cache.write_bytes(os.urandom(64 * 1024))
    status, out, _ = trygg(home, "ask", QUESTION)
    assert status == 0, out
    assert "Traceback" not in out
    assert "embedding cache" in out and "damaged" in out
    assert "[1]" in out
    assert list(home.cache_dir.glob("embeddings.sqlite.damaged-*"))


def test_damaged_store_names_its_folder_and_the_rebuild_command(home: Settings) -> None:
    before = snapshot(home)
    sqlite = home.chroma_dir / "chroma.sqlite3"
    with sqlite.open("r+b") as handle:
        handle.write(os.urandom(8192))
    status, out, _ = trygg(home, "ask", QUESTION)
    assert status == 2 and "Traceback" not in out
    assert str(home.chroma_dir) in out and "trygg ingest --rebuild" in out
    status, out, _ = trygg(home, "ingest", "--rebuild")
    assert status == 0, out
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # this process still holds the old store open
    assert snapshot(home) == before
    assert list(home.home.glob("chroma.damaged-*"))
    status, out, _ = trygg(home, "ask", QUESTION)
    assert status == 0 and "[1]" in out


def test_stale_temp_files_are_swept(home: Settings) -> None:
    stale = home.index_dir / ".bm25.npz.123.456.tmp"
    stale.write_bytes(b"half a write")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = home.index_dir / ".bm25.npz.124.457.tmp"  # a write under way now is left alone
    fresh.write_bytes(b"under way")
    Ingestor(home).run([CORPUS])
    assert not stale.exists() and fresh.exists()


# --- odd text ---------------------------------------------------------------------------------


def test_one_stray_byte_is_repaired_not_the_whole_file_garbled(home: Settings, tmp_path: Path) -> None:
    """A referral response with one Windows-1252 byte in it keeps its UTF-8 text and its responder."""
    from assistant.settings import BUNDLED_CORPUS

    original = BUNDLED_CORPUS / "003_3ff39f9cae3db934.txt"
    data = original.read_bytes()
    cut = data.index(b"\n", len(data) // 2)
    (tmp_path / "stray.txt").write_bytes(data[:cut] + b" \xe4" + data[cut:])
    shutil.copy(original, tmp_path / "clean.txt")
    assert Ingestor(home).run([tmp_path / "stray.txt", tmp_path / "clean.txt"]).failed == []
    stored = (home.texts_dir / "stray.txt.txt").read_text(encoding="utf-8")
    clean = original.read_text(encoding="utf-8")
    assert stored == clean[: len(data[:cut].decode())] + " ä" + clean[len(data[:cut].decode()) :]
    inventory = ChromaStore(home).inventory()
    assert inventory["stray.txt"].meta.responder == inventory["clean.txt"].meta.responder != ""


def test_sources_line_stays_one_line_with_a_newline_in_a_file_name(home: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    (folder / "två\nrader.txt").write_text("Remissvar\n\nParkförvaltningen byter armaturer.\n")
    assert Ingestor(home).run([folder]).failed == []
    status, out, _ = trygg(home, "sources")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 5 and any(line.startswith("två\\nrader.txt") for line in lines)


# --- a hung server ----------------------------------------------------------------------------


@pytest.mark.slow
def test_new_process_against_a_paused_server_exits_within_the_timeout(tmp_path: Path) -> None:
    from tests.test_server import ChromaServer, free_port

    server = ChromaServer(tmp_path / "db", free_port())
    server.start()
    try:
        settings = load_settings(
            home=tmp_path / "home", chroma_host="127.0.0.1", chroma_port=server.port, embedding={"backend": "fake"}
        )
        assert Ingestor(settings).run([CORPUS]).failed == []
        assert server.proc is not None
        server.proc.send_signal(signal.SIGSTOP)
        timeout = 3.0
        status, out, seconds = trygg(settings, "ask", QUESTION, timeout=120, TRYGG_CHROMA_TIMEOUT_S=str(timeout))
        assert status == 2 and "vektorlagret" in out.lower() and "Traceback" not in out, out
        assert seconds < timeout + 5, seconds
    finally:
        server.stop()
    shutil.rmtree(tmp_path / "db", ignore_errors=True)


# --- addresses in document text, in a real browser ---------------------------------------------

LINK_PAGE = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
from ui.render import escape_markdown
st.markdown(escape_markdown({text!r}))
"""


@pytest.mark.slow
@pytest.mark.browser
def test_addresses_in_document_text_are_shown_as_text_not_links(tmp_path: Path) -> None:
    """What the chat shows of a document (escape_markdown) renders in Chromium without one link."""
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    from tests.test_ui_server import _free_port

    text = "Läs mer på https://evil.example/x, www.stockholm.se eller skriv till anna@stockholm.se."
    script = tmp_path / "page.py"
    script.write_text(LINK_PAGE.format(root=str(ROOT), text=text), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
        + ["--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            deadline = time.monotonic() + 60
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}")
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.5)
            page.wait_for_selector('[data-testid="stMarkdown"]', timeout=60_000)
            shown = page.inner_text('[data-testid="stMarkdown"]').replace("\u2060", "")
            links = page.eval_on_selector_all('[data-testid="stMarkdown"] a', "els => els.map(e => e.href)")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert shown.strip() == text
    assert links == []
