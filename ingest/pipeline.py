"""Ingest files into the store: read, clean, chunk, embed, upsert, index. Idempotent and incremental.

The Chroma collection is the source of truth. Per source file it holds one version's chunks,
each tagged with the file's sha256 and the version's chunk count, so a run can tell an
unchanged file (skip it, no embedding), a changed one (upsert the new chunks, delete the
old), and one left half-written by an interrupted run (repair it). The lexical index is
rebuilt from the store whenever the store changed or the index no longer agrees with it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from ingest.chunking import chunk_document
from ingest.clean import clean
from ingest.config import ChunkingSettings, IngestSettings
from ingest.loaders import SUPPORTED_SUFFIXES, file_sha256, load_text
from ingest.metadata import apply_overrides, extract_meta, load_manifest
from ingest.vectors import chunk_sentence_texts, chunk_vectors, texts_to_embed
from vectorstore.chroma_store import ChromaStore, SourceState, StoreLocation
from vectorstore.config import EmbeddingSettings
from vectorstore.embed_cache import SHIPPED_VECTORS, EmbeddingCache, shipped_path
from vectorstore.embedders import get_embedder
from vectorstore.embedders.base import Embedder
from vectorstore.errors import IngestError
from vectorstore.lexical_sync import lexical_index_agrees, rebuild_lexical_index
from vectorstore.records import Chunk

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
Progress = Callable[[str, int, int], None]  # (stage, done, total)


class IngestConfig(StoreLocation, Protocol):
    """All an ingest reads of the settings object it is given (the top layer's Settings fits)."""

    @property
    def chunking(self) -> ChunkingSettings:
        """How text is split into chunks."""
        ...

    @property
    def ingest(self) -> IngestSettings:
        """Limits and which vectors to compute."""
        ...

    @property
    def embedding(self) -> EmbeddingSettings:
        """The embedder to load when none is given."""
        ...

    @property
    def texts_dir(self) -> Path:
        """Where each ingested document's text is kept."""
        ...

    @property
    def index_dir(self) -> Path:
        """Where the lexical index is saved."""
        ...

    @property
    def embedding_cache(self) -> Path:
        """The embedding cache's database."""
        ...


@dataclass(frozen=True)
class FileFailure:
    """A file that was not ingested, and why, in plain words."""

    file: str
    reason: str


@dataclass
class IngestReport:
    """What one run did."""

    files: int = 0
    chunks: int = 0
    embedded: int = 0
    unchanged: int = 0
    removed_sources: list[str] = field(default_factory=list)
    failed: list[FileFailure] = field(default_factory=list)
    seconds: float = 0.0
    # Sentences of the new chunks whose vectors this run left for later (ingest.vectors=chunks):
    # the UI embeds them in the background, a question embeds those it needs first.
    pending_sentences: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The object `trygg ingest --json` prints."""
        return {
            "files": self.files,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "failed": [{"file": f.file, "reason": f.reason} for f in self.failed],
            "seconds": round(self.seconds, 3),
        }


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[FileFailure]]:
    """Files to ingest: folders are searched for supported files, named files taken as given."""
    files: list[Path] = []
    missing: list[FileFailure] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            missing.append(FileFailure(str(path), "filen finns inte"))
    return files, missing


def read_chunks(path: Path, settings: IngestConfig, overrides: dict[str, dict[str, str]]) -> tuple[str, list[Chunk]]:
    """Read, clean and chunk one file: (file text, chunks). Raises IngestError."""
    raw = load_text(path, int(settings.ingest.max_file_mb * 1024 * 1024), settings.ingest.ocr_language)
    cleaned = clean(raw)
    meta = apply_overrides(extract_meta(raw), overrides.get(path.name, {}))
    chunks = chunk_document(
        path.name,
        raw,
        cleaned,
        meta,
        file_sha256(path),
        settings.chunking.encoding,
        settings.chunking.max_tokens,
        settings.chunking.overlap_tokens,
    )
    if not chunks:
        raise IngestError("ingen text att indexera efter rensning")
    return raw, chunks


def read_all_chunks(paths: Iterable[Path], settings: IngestConfig) -> list[Chunk]:
    """The chunks of every file under paths, read without a store; raises IngestError on a bad file."""
    files, missing = discover(paths)
    if missing:
        raise IngestError(f"{missing[0].file}: {missing[0].reason}")
    overrides = manifest_overrides(files)
    return [c for path in files for c in read_chunks(path, settings, overrides)[1]]


def manifest_overrides(files: Sequence[Path]) -> dict[str, dict[str, str]]:
    """Metadata from the manifest.json of each folder the files are in, by file name."""
    overrides: dict[str, dict[str, str]] = {}
    for folder in sorted({f.parent for f in files}):
        if (folder / MANIFEST).is_file():
            overrides.update(load_manifest(folder / MANIFEST))
    return overrides


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")  # per thread
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def document_text_path(settings: IngestConfig, source: str) -> Path:
    """Where the text of an ingested document is kept for reading citations in place."""
    return settings.texts_dir / f"{source}.txt"


class Ingestor:
    """Runs ingests against one store; the embedder is loaded only when something must be embedded."""

    def __init__(
        self, settings: IngestConfig, store: ChromaStore | None = None, embedder: Embedder | None = None
    ) -> None:
        self.settings = settings
        self.store = store or ChromaStore(settings)
        self._embedder = embedder
        self._seeded = False

    @property
    def embedder(self) -> Embedder:
        """The configured embedder, loaded on first use."""
        if self._embedder is None:
            self._embedder = get_embedder(self.settings.embedding)
        return self._embedder

    def run(self, paths: Sequence[Path], prune: bool = False, progress: Progress | None = None) -> IngestReport:
        """Ingest files and folders; with prune, drop sources not among them."""
        started = time.perf_counter()
        report = IngestReport()
        files, report.failed = discover(paths)
        overrides = manifest_overrides(files)
        inventory = self.store.inventory()
        changed = False
        for done, path in enumerate(files):
            if progress:
                progress("filer", done, len(files))
            try:
                changed |= self._ingest_file(path, overrides, inventory, report, progress)
            except IngestError as exc:
                report.failed.append(FileFailure(str(path), str(exc)))
            except OSError as exc:
                report.failed.append(FileFailure(str(path), f"kan inte läsas: {exc.strerror or exc}"))
        if progress:
            progress("filer", len(files), len(files))
        if prune:
            present = {p.name for p in files}
            for source, state in inventory.items():
                if source not in present:
                    self.store.delete(sorted(state.ids))
                    report.removed_sources.append(source)
                    changed = True
        inventory = self.store.inventory()
        all_ids = [i for state in inventory.values() for i in state.ids]
        if changed or not lexical_index_agrees(self.settings.index_dir, all_ids):
            rebuild_lexical_index(self.store, self.settings.index_dir)
        report.files = len(files)
        report.chunks = len(all_ids)
        report.seconds = time.perf_counter() - started
        return report

    def _ingest_file(
        self,
        path: Path,
        overrides: dict[str, dict[str, str]],
        inventory: dict[str, SourceState],
        report: IngestReport,
        progress: Progress | None,
    ) -> bool:
        """Bring one file's chunks up to date; True when the store changed."""
        state = inventory.get(path.name)
        sha = file_sha256(path)
        text_copy = document_text_path(self.settings, path.name)
        if state is not None and state.complete and state.file_sha == sha and text_copy.exists():
            report.unchanged += 1
            return False
        raw, chunks = read_chunks(path, self.settings, overrides)
        _write_atomic(text_copy, raw)
        # Every chunk is upserted, kept ones too, so all carry this version's sha and count;
        # the cache makes kept chunks cost no embedding.
        cache = self._open_cache()
        try:
            vectors, embedded = self._embed(cache, chunks, progress)
        finally:
            cache.close()
        self.store.upsert(chunks, vectors)
        report.embedded += embedded
        if self.settings.ingest.vectors == "chunks":
            report.pending_sentences.extend(t for c in chunks for t in chunk_sentence_texts(c))
        old_ids: frozenset[str] = state.ids if state is not None else frozenset()
        stale = old_ids - {c.id for c in chunks}
        if stale:
            self.store.delete(sorted(stale))
        return True

    def _open_cache(self) -> EmbeddingCache:
        """The embedding cache, seeded once per ingestor with the shipped vectors of its model."""
        cache = EmbeddingCache(self.settings.embedding_cache, self.embedder.name)
        if self.settings.ingest.shipped_vectors and not self._seeded:
            cache.seed(shipped_path(SHIPPED_VECTORS, self.embedder.name))
            self._seeded = True
        return cache

    def _embed(self, cache: EmbeddingCache, chunks: list[Chunk], progress: Progress | None) -> tuple[np.ndarray, int]:
        """Vectors of the chunks and how many needed new embeddings; sentence vectors land in the cache."""
        mode = self.settings.ingest.vectors
        texts = texts_to_embed(chunks, mode)
        step = 32
        vectors: dict[str, np.ndarray] = {}
        fresh: set[str] = set()
        for lo in range(0, len(texts), step):
            part = texts[lo : lo + step]
            rows, new = cache.embed_documents(self.embedder, part)
            vectors.update(zip(part, rows, strict=True))
            fresh.update(part[i] for i in new)
            if progress:
                progress("inbäddning", min(lo + step, len(texts)), len(texts))
        embedded = sum(1 for c in chunks if not fresh.isdisjoint(texts_to_embed([c], mode)))
        return chunk_vectors(chunks, vectors, mode, self.settings.ingest.header_weight), embedded
