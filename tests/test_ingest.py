"""Ingest into a real Chroma store on disk: spans, idempotence, repair, bad input, CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import BUNDLED_CORPUS, Settings
from cli import main
from ingest.pipeline import Ingestor
from vectorstore.chroma_store import ChromaStore
from vectorstore.lexical import LexicalIndex
from vectorstore.lexical_sync import lexical_index_agrees
from vectorstore.records import Chunk

EXPECTED = {
    "000_f7bada911ecf502f.txt": ("Kungsholmens stadsdelsnämnd", "2024–2027"),
    "001_ad4719a34cf89191.txt": ("Utbildningsnämnden", "2024–2027"),
    "002_408878b7fb75fafa.txt": ("Socialnämnden", "2020–2023"),
    "003_3ff39f9cae3db934.txt": ("Trafiknämnden", "2024–2027"),
    "004_2da92ff9d07e789e.txt": ("Enskede-Årsta-Vantörs stadsdelsnämnd", "2020–2023"),
}


def _corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, folder)
    return folder


def _chunks(settings: Settings) -> list[Chunk]:
    return ChromaStore(settings).all_chunks()


def test_bundled_corpus_ingests_with_exact_spans(fake_settings: Settings) -> None:
    report = Ingestor(fake_settings).run([BUNDLED_CORPUS])
    assert report.failed == [] and report.files == 5
    assert report.embedded == report.chunks > 20
    chunks = _chunks(fake_settings)
    texts = {name: (BUNDLED_CORPUS / name).read_text(encoding="utf-8") for name in EXPECTED}
    for chunk in chunks:
        assert texts[chunk.source][chunk.start : chunk.end] == chunk.text
        assert chunk.clean_text.strip() and chunk.text.strip()
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids))
    inventory = ChromaStore(fake_settings).inventory()
    assert {s: (st.meta.responder, st.meta.period) for s, st in inventory.items()} == EXPECTED


def test_chunks_carry_sections_and_fit_the_token_budget(fake_settings: Settings) -> None:
    from ingest.chunking import token_counter

    Ingestor(fake_settings).run([BUNDLED_CORPUS])
    count = token_counter(fake_settings.chunking.encoding)
    chunks = _chunks(fake_settings)
    assert all(count(c.clean_text) <= fake_settings.chunking.max_tokens for c in chunks)
    sections = {c.section for c in chunks}
    assert {"Sammanfattning", "Bakgrund"} <= sections


def test_reingest_of_unchanged_corpus_embeds_nothing(fake_settings: Settings) -> None:
    first = Ingestor(fake_settings).run([BUNDLED_CORPUS])
    again = Ingestor(fake_settings).run([BUNDLED_CORPUS])
    assert again.embedded == 0 and again.chunks == first.chunks and again.unchanged == 5


def test_changed_file_replaces_its_chunks(fake_settings: Settings, tmp_path: Path) -> None:
    corpus = _corpus_copy(tmp_path)
    Ingestor(fake_settings).run([corpus])
    target = corpus / "000_f7bada911ecf502f.txt"
    target.write_text(
        target.read_text(encoding="utf-8") + "\n\nEtt nytt stycke om kanelbullar i parken.\n", encoding="utf-8"
    )
    report = Ingestor(fake_settings).run([corpus])
    assert 0 < report.embedded < report.chunks
    chunks = [c for c in _chunks(fake_settings) if c.source == target.name]
    text = target.read_text(encoding="utf-8")
    assert all(text[c.start : c.end] == c.text for c in chunks)
    assert any("kanelbullar" in c.clean_text for c in chunks)
    assert len({c.file_sha for c in chunks}) == 1


def test_prune_removes_documents_no_longer_present(fake_settings: Settings, tmp_path: Path) -> None:
    corpus = _corpus_copy(tmp_path)
    Ingestor(fake_settings).run([corpus])
    (corpus / "001_ad4719a34cf89191.txt").unlink()
    Ingestor(fake_settings).run([corpus])
    assert "001_ad4719a34cf89191.txt" in ChromaStore(fake_settings).inventory()  # kept without --prune
    report = Ingestor(fake_settings).run([corpus], prune=True)
    assert report.removed_sources == ["001_ad4719a34cf89191.txt"]
    assert "001_ad4719a34cf89191.txt" not in ChromaStore(fake_settings).inventory()
    assert "001_ad4719a34cf89191.txt" not in LexicalIndex.load(fake_settings.index_dir).columns["source"]


def test_interrupted_ingest_is_repaired(fake_settings: Settings) -> None:
    first = Ingestor(fake_settings).run([BUNDLED_CORPUS])
    store = ChromaStore(fake_settings)
    victim = sorted(store.inventory()["002_408878b7fb75fafa.txt"].ids)
    store.delete(victim[:3])  # as if the run died half way through a file
    stray = _chunks(fake_settings)[0]
    orphan = Chunk(**{**stray.__dict__, "id": "orphan", "file_sha": "old"})
    store.upsert([orphan], np.ones((1, 64), dtype=np.float32))
    report = Ingestor(fake_settings).run([BUNDLED_CORPUS])
    assert report.chunks == first.chunks
    assert report.embedded == 0  # the cache had the vectors
    ids = [c.id for c in _chunks(fake_settings)]
    assert "orphan" not in ids and len(ids) == len(set(ids)) == first.chunks
    assert lexical_index_agrees(fake_settings.index_dir, ids)


def test_bad_files_are_reported_and_the_rest_ingested(fake_settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(BUNDLED_CORPUS / "000_f7bada911ecf502f.txt", folder)
    (folder / "tom.txt").write_text("", encoding="utf-8")
    (folder / "binar.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    report = Ingestor(fake_settings).run([folder, tmp_path / "saknas.txt"])
    failed = {Path(f.file).name for f in report.failed}
    assert failed == {"tom.txt", "binar.txt", "trasig.pdf", "saknas.txt"}
    assert all(f.reason for f in report.failed)
    assert set(ChromaStore(fake_settings).inventory()) == {"000_f7bada911ecf502f.txt"}


def test_cli_ingest_and_sources_json(
    fake_settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRYGG_HOME", str(fake_settings.home))
    monkeypatch.setenv("TRYGG_EMBEDDING__BACKEND", "fake")
    assert main(["ingest", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["files"] == 5 and summary["failed"] == [] and summary["embedded"] == summary["chunks"]
    assert set(summary) == {"files", "chunks", "embedded", "failed", "seconds"}
    assert main(["sources", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["source"]: (r["responder"], r["period"]) for r in rows} == EXPECTED
    assert sum(r["chunks"] for r in rows) == summary["chunks"]


def test_cli_reports_failures_with_nonzero_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRYGG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TRYGG_EMBEDDING__BACKEND", "fake")
    (tmp_path / "tom.md").write_text("  \n", encoding="utf-8")
    assert main(["ingest", "--json", str(tmp_path / "tom.md")]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["failed"][0]["file"].endswith("tom.md")


def test_broken_setting_is_a_clear_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRYGG_RETRIEVAL__TOP_K", "många")
    assert main(["sources"]) == 2
    assert "Ogiltig inställning" in capsys.readouterr().err


def _age(settings: Settings, source: str) -> None:
    """Make one document's chunks look as an older reader left them: another recipe, other text."""
    store = ChromaStore(settings)
    old = [c for c in _chunks(settings) if c.source == source]
    aged = [Chunk(**{**c.__dict__, "recipe": "reader 1", "clean_text": "gammal rensning"}) for c in old]
    store.upsert(aged, np.ones((len(aged), 64), dtype=np.float32))


def test_documents_made_by_an_older_reader_are_read_again(fake_settings: Settings, tmp_path: Path) -> None:
    from ingest.rebuild import refresh_stale

    corpus = _corpus_copy(tmp_path)
    Ingestor(fake_settings).run([corpus])
    _age(fake_settings, "002_408878b7fb75fafa.txt")
    ingestor = Ingestor(fake_settings)
    report = refresh_stale(ingestor)
    assert report.failed == [] and report.embedded == 0  # same text as before the ageing: cached vectors
    chunks = _chunks(fake_settings)
    assert not [c for c in chunks if c.clean_text == "gammal rensning"]
    assert {c.recipe for c in chunks} == {ingestor.spec.recipe}
    assert refresh_stale(ingestor).files == 0  # nothing stale is left

    _age(fake_settings, "003_3ff39f9cae3db934.txt")
    again = Ingestor(fake_settings).run([corpus])  # `trygg ingest` reads a stale file again too
    assert again.unchanged == 4
    assert not [c for c in _chunks(fake_settings) if c.clean_text == "gammal rensning"]
