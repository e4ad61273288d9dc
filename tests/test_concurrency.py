"""One Assistant shared by many threads, with and without an ingest running beside it."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.records import Answer
from assistant.settings import BUNDLED_CORPUS, Settings, load_settings
from ingest.pipeline import Ingestor, read_chunks
from vectorstore.chroma_store import ChromaStore
from vectorstore.lexical_sync import lexical_index_agrees, rebuild_lexical_index
from vectorstore.records import Chunk

QUESTIONS = [
    "Vilka nämnder ansvarar för stadens offentliga miljö?",
    "Vad tycker Kungsholmens stadsdelsförvaltning om förslaget till nytt trygghetsprogram?",
    "Vad tycker trafiknämnden om trygghetsprogrammet?",
    "Vilka fokusområden har trygghetsprogrammet?",
    "Hur arbetar socialnämnden med brottsförebyggande arbete?",
    "Vad säger utbildningsnämnden om skolans roll?",
    "Vilket område på Kungsholmen beskrivs som en öppen drogscen?",
    "Vad är ett barnrättsperspektiv?",
]
KUNGSHOLMEN = "000_f7bada911ecf502f.txt"
TRAFIK = "003_3ff39f9cae3db934.txt"


def fingerprint_of(answer: Answer) -> tuple[object, ...]:
    """What a user sees of an answer: its text, what it cites, and the passages in order."""
    return (
        answer.text,
        answer.abstained,
        tuple((c.n, c.chunk.id, tuple((s.start, s.end) for s in c.highlights)) for c in answer.citations),
        tuple(h.chunk.id for h in answer.passages),
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, folder)
    return folder


@pytest.fixture
def ingested(tmp_path: Path, corpus: Path) -> Settings:
    settings = load_settings(home=tmp_path / "home", embedding={"backend": "fake"})
    assert Ingestor(settings).run([corpus]).failed == []
    return settings


def test_eight_threads_get_the_answers_they_would_get_one_by_one(ingested: Settings) -> None:
    assistant = Assistant(ingested)
    alone = {q: fingerprint_of(assistant.ask(q)) for q in QUESTIONS}
    assert sum(not a[1] for a in alone.values()) >= 6  # mostly real answers, not abstentions

    fresh = Assistant(ingested)  # cold: the first questions race to load the lexical index
    start = threading.Barrier(len(QUESTIONS))

    def ask(question: str) -> list[tuple[object, ...]]:
        start.wait()
        return [fingerprint_of(fresh.ask(question)) for _ in range(3)]

    with ThreadPoolExecutor(max_workers=len(QUESTIONS)) as pool:
        together = dict(zip(QUESTIONS, pool.map(ask, QUESTIONS), strict=True))
    for question in QUESTIONS:
        assert together[question] == [alone[question]] * 3, question


def _versions(original: str, rounds: int, source: str) -> list[str]:
    """Versions of a file that move, add and remove chunks."""
    paragraphs = original.split("\n\n")
    out = []
    for r in range(rounds):
        if source == KUNGSHOLMEN:
            # Insert a paragraph near the start on odd rounds: every later span shifts.
            extra = [f"Tillägg {r}: Förvaltningen ökar tryggheten vid Fridhemsplan."]
            body = paragraphs[:3] + extra + paragraphs[3:] if r % 2 else paragraphs
        else:
            # Drop a different paragraph each round and append a new one at the end.
            body = [p for i, p in enumerate(paragraphs) if i != 2 + r]
            body += [f"Trafiknämnden tillägger i omgång {r} att belysningen ses över."]
        out.append("\n\n".join(body))
    return out


def _chunk_key(chunk: Chunk) -> tuple[str, str, int, int, str]:
    return (chunk.id, chunk.source, chunk.start, chunk.end, chunk.text)


def test_ingest_beside_questions_never_breaks_an_answer(ingested: Settings, corpus: Path, tmp_path: Path) -> None:
    rounds = 6
    originals = {p.name: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    versions = {name: [text] for name, text in originals.items()}
    for name in (KUNGSHOLMEN, TRAFIK):
        versions[name] += _versions(originals[name], rounds, name)

    # Every chunk any version of any file can have: what a passage may legitimately be.
    legitimate: set[tuple[str, str, int, int, str]] = set()
    scratch = tmp_path / "versions"
    for name, texts in versions.items():
        for i, text in enumerate(texts):
            path = scratch / str(i) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            legitimate.update(_chunk_key(c) for c in read_chunks(path, ingested, {})[1])

    assistant = Assistant(ingested)
    stop = threading.Event()
    errors: list[BaseException] = []
    answers: list[Answer] = []
    lock = threading.Lock()

    def ingest_repeatedly() -> None:
        ingestor = Ingestor(ingested)  # its own store handle, as a separate ingest job would have
        try:
            for r in range(rounds):
                for name in (KUNGSHOLMEN, TRAFIK):
                    (corpus / name).write_text(versions[name][r + 1], encoding="utf-8")
                report = ingestor.run([corpus])
                assert report.failed == [] and report.embedded > 0
                time.sleep(0.05)
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread
            errors.append(exc)
        finally:
            stop.set()

    def ask_until_stopped(offset: int) -> None:
        i = offset
        while not stop.is_set():
            try:
                answer = assistant.ask(QUESTIONS[i % len(QUESTIONS)])
            except BaseException as exc:  # noqa: BLE001 - reported to the main thread
                errors.append(exc)
                return
            with lock:
                answers.append(answer)
            i += 1

    askers = [threading.Thread(target=ask_until_stopped, args=(n,)) for n in range(4)]
    writer = threading.Thread(target=ingest_repeatedly)
    for t in [*askers, writer]:
        t.start()
    for t in [writer, *askers]:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in [writer, *askers])

    assert errors == []
    assert len(answers) >= 2 * len(QUESTIONS), "too few questions overlapped the ingest"
    for answer in answers:
        for chunk in [h.chunk for h in answer.passages] + [c.chunk for c in answer.citations]:
            # The chunk was written by the ingest of some version, and its text is exactly
            # that version's file_text[start:end]: never a mix of two versions.
            assert _chunk_key(chunk) in legitimate, (chunk.source, chunk.start, chunk.end)
            assert chunk.text in (v[chunk.start : chunk.end] for v in versions[chunk.source])

    # Once the ingest is over, answers cite only what the store now holds.
    live = {c.id for c in ChromaStore(ingested).all_chunks()}
    for question in QUESTIONS:
        answer = assistant.ask(question)
        assert {h.chunk.id for h in answer.passages} <= live
    final = {name: versions[name][-1] for name in (KUNGSHOLMEN, TRAFIK)}
    for chunk in ChromaStore(ingested).all_chunks():
        if chunk.source in final:
            assert final[chunk.source][chunk.start : chunk.end] == chunk.text


def test_simultaneous_ingests_and_index_rebuilds_in_one_process_never_fail(ingested: Settings, corpus: Path) -> None:
    """Two uploads at once in the UI, and an Assistant rebuilding a damaged index meanwhile."""
    target = corpus / TRAFIK
    target.write_text(target.read_text(encoding="utf-8") + "\n\nEtt nytt stycke om cykelbanor.\n", encoding="utf-8")
    store = ChromaStore(ingested)
    errors: list[BaseException] = []

    def guarded(fn: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - reported to the main thread
                errors.append(exc)

        return run

    jobs = [guarded(lambda: Ingestor(ingested).run([corpus])) for _ in range(2)]
    jobs += [guarded(lambda: [rebuild_lexical_index(store, ingested.index_dir) for _ in range(5)]) for _ in range(3)]
    threads = [threading.Thread(target=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == []
    assert Ingestor(ingested).run([corpus]).embedded == 0
    ids = [c.id for c in store.all_chunks()]
    assert len(ids) == len(set(ids)) and lexical_index_agrees(ingested.index_dir, ids)
    text = target.read_text(encoding="utf-8")
    assert all(text[c.start : c.end] == c.text for c in store.all_chunks() if c.source == TRAFIK)
