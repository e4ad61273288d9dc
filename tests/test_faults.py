"""Faults: an ingest killed with SIGKILL, a damaged lexical index, broken settings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.settings import BUNDLED_CORPUS, Settings, load_settings
from cli import main
from ingest.pipeline import Ingestor
from vectorstore.chroma_store import ChromaStore
from vectorstore.lexical import INDEX_FILE, LexicalIndex, fingerprint
from vectorstore.lexical_sync import lexical_index_agrees

BIN = Path(sys.executable).parent
QUESTION = "Vilka nämnder ansvarar för stadens offentliga miljö?"


def assert_consistent(settings: Settings, expected_ids: set[str]) -> None:
    """The store holds exactly one complete version of every file, and the index agrees."""
    store = ChromaStore(settings)
    chunks = store.all_chunks()
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids)), "duplicate chunk ids"
    assert set(ids) == expected_ids and store.count() == len(expected_ids)
    texts = {p.name: p.read_text(encoding="utf-8") for p in BUNDLED_CORPUS.glob("*.txt")}
    for chunk in chunks:
        assert texts[chunk.source][chunk.start : chunk.end] == chunk.text
    assert all(state.complete for state in store.inventory().values())
    assert lexical_index_agrees(settings.index_dir, ids)
    assert LexicalIndex.load(settings.index_dir).fingerprint == fingerprint(ids)


@pytest.fixture(scope="module")
def clean_ids(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Chunk ids of a clean ingest (chunking does not depend on the embedder)."""
    home = tmp_path_factory.mktemp("clean") / "home"
    settings = load_settings(home=home, embedding={"backend": "fake"})
    report = Ingestor(settings).run([BUNDLED_CORPUS])
    assert report.failed == []
    return {c.id for c in ChromaStore(settings).all_chunks()}


@pytest.mark.slow
def test_ingest_killed_with_sigkill_is_repaired_by_the_next_run(tmp_path: Path, clean_ids: set[str]) -> None:
    settings = load_settings(home=tmp_path / "home")  # the real default embedder
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRYGG_")}
    env["TRYGG_HOME"] = str(settings.home)
    env["TRYGG_INGEST__SHIPPED_VECTORS"] = "false"  # embed for real: slow enough to be killed
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "ingest", "--json"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # A second document's text copy is written only after the first one's chunks were
    # upserted: then the store holds something, and the run is busy with the next file.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(settings.texts_dir.glob("*.txt"))) >= 2:
            break
        time.sleep(0.1)
    time.sleep(1.0)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    store = ChromaStore(settings)
    written = store.count()
    assert 0 < written < len(clean_ids), "the kill should leave a partial store"

    report = Ingestor(settings, store=store).run([BUNDLED_CORPUS])
    assert report.failed == []
    assert report.chunks == len(clean_ids)
    assert report.embedded < report.chunks  # what was embedded before the kill is reused
    assert_consistent(settings, clean_ids)
    assert Assistant(settings).ask(QUESTION).citations


def _damage(path: Path, how: str) -> None:
    blob = path.read_bytes()
    if how == "flipped byte":
        middle = len(blob) // 2
        path.write_bytes(blob[:middle] + bytes([blob[middle] ^ 0xFF]) + blob[middle + 1 :])
    elif how == "truncated":
        path.write_bytes(blob[: len(blob) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(os.urandom(4096))
    elif how == "deleted":
        path.unlink()
    elif how == "valid checksum, broken payload":
        import hashlib

        payload = b"PK\x03\x04 not a numpy archive"
        path.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


DAMAGES = ["flipped byte", "truncated", "empty", "garbage", "deleted", "valid checksum, broken payload"]


@pytest.fixture
def ingested(tmp_path: Path) -> Settings:
    settings = load_settings(home=tmp_path / "home", embedding={"backend": "fake"})
    assert Ingestor(settings).run([BUNDLED_CORPUS]).failed == []
    return settings


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_lexical_index_is_rebuilt_by_the_next_ingest(ingested: Settings, how: str, clean_ids: set[str]) -> None:
    _damage(ingested.index_dir / INDEX_FILE, how)
    assert not lexical_index_agrees(ingested.index_dir, clean_ids)
    report = Ingestor(ingested).run([BUNDLED_CORPUS])
    assert report.failed == [] and report.embedded == 0 and report.unchanged == 5
    assert_consistent(ingested, clean_ids)


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_lexical_index_is_rebuilt_at_ask_time(ingested: Settings, how: str, clean_ids: set[str]) -> None:
    assistant = Assistant(ingested)
    before = assistant.ask(QUESTION)
    assert before.citations
    time.sleep(0.01)  # a new modification time, as a real write later on would have
    _damage(ingested.index_dir / INDEX_FILE, how)
    after = assistant.ask(QUESTION)  # the running Assistant notices, rebuilds, answers
    assert after.text == before.text
    assert [h.chunk.id for h in after.passages] == [h.chunk.id for h in before.passages]
    assert_consistent(ingested, clean_ids)
    # A fresh process (a new Assistant) meeting a damaged index on disk does the same.
    _damage(ingested.index_dir / INDEX_FILE, how)
    assert Assistant(ingested).ask(QUESTION).text == before.text
    assert LexicalIndex.load(ingested.index_dir).fingerprint == fingerprint(clean_ids)


BROKEN_SETTINGS = [
    ("TRYGG_CHROMA_PORT", "abc"),
    ("TRYGG_CHROMA_PORT", "70000"),
    ("TRYGG_RETRIEVAL__MODE", "bogus"),
    ("TRYGG_RETRIEVAL__TOP_K", "0"),
    ("TRYGG_RETRIEVAL__TOPK", "5"),  # a typo: unknown keys are rejected, not ignored
    ("TRYGG_EMBEDDING__BACKEND", "word2vec"),
    ("TRYGG_RETRIEVAL", "{"),  # a whole section as malformed JSON
    ("TRYGG_ANSWER__MAX_QUESTION_CHARS", "många"),
]


@pytest.mark.parametrize(("key", "value"), BROKEN_SETTINGS)
def test_broken_setting_gives_a_clear_cli_message(
    key: str,
    value: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRYGG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(key, value)
    assert main(["ask", QUESTION]) == 2
    err = capsys.readouterr().err
    assert err.startswith("trygg: Ogiltig inställning") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    field = key.removeprefix("TRYGG_").split("__")[0].lower()
    assert field in err.lower()


@pytest.mark.parametrize("override", ["retrieval.mode=bogus", "chroma_port=abc", "retrieval", "=1"])
def test_broken_set_override_gives_a_clear_cli_message(
    override: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TRYGG_HOME", str(tmp_path / "home"))
    assert main(["--set", override, "ask", QUESTION]) == 2
    err = capsys.readouterr().err
    assert err.startswith("trygg: Ogiltig inställning") and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.parametrize(("key", "value"), [("TRYGG_CHROMA_PORT", "abc"), ("TRYGG_RETRIEVAL__MODE", "bogus")])
def test_broken_setting_exit_status_of_the_real_command(key: str, value: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRYGG_")}
    env.update({"TRYGG_HOME": str(tmp_path / "home"), key: value})
    command = [sys.executable, "-m", "cli", "ask", QUESTION]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("trygg: Ogiltig inställning") and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_chunks_fetched_with_their_vectors_are_those_stored(ingested: Settings) -> None:
    """Retrieval fetches lexical-only hits and their vectors in one call; a deleted chunk is simply absent."""
    store = ChromaStore(ingested)
    ids = sorted(c.id for c in store.all_chunks())[:5]
    chunks, vectors = store.get_with_vectors([*ids, "no-such-chunk"])
    assert chunks == store.get(ids)
    assert set(vectors) == set(ids)
    for chunk_id, vector in store.vectors(ids).items():
        assert vectors[chunk_id].tolist() == vector.tolist()
