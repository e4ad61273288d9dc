"""Ingest files into the store: read, clean, chunk, embed, upsert, index. Idempotent and incremental.

The Chroma collection is the source of truth. Per source file it holds one version's chunks,
each tagged with the file's sha256 and the version's chunk count, so a run can tell an
unchanged file (skip it, no embedding), a changed one (upsert the new chunks, delete the
old), and one left half-written by an interrupted run (repair it). The lexical index is
rebuilt from the store whenever the store changed or the index no longer agrees with it.

A document is keyed by its path relative to the folder it was ingested from (a file named
on its own: its name), so two files of one name in two folders are two documents. Only
regular files are read, every limit is checked while reading, and each replacement of a
document's chunks by another version is logged (ingest/registry.py).
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

from ingest.config import ChunkingSettings, IngestSettings
from ingest.files import check_regular
from ingest.loaders import SUPPORTED_SUFFIXES, file_sha256
from ingest.metadata import load_manifest
from ingest.registry import Origin, Registry, now, sweep_temp_files
from ingest.vectors import chunk_sentence_texts, chunk_vectors, texts_to_embed
from ingest.worker import ReadSpec, read_document, read_isolated
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

    @property
    def home(self) -> Path:
        """The root of all state: the register of documents lives there."""
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


@dataclass(frozen=True)
class Target:
    """A file to ingest and the folder its document key is relative to."""

    root: Path
    path: Path

    @property
    def source(self) -> str:
        """The document's key: its path relative to the root, with forward slashes."""
        return self.path.relative_to(self.root).as_posix()


def discover(paths: Iterable[Path]) -> tuple[list[Target], list[FileFailure]]:
    """Files to ingest: folders are searched for supported files, named files taken as given.

    Folders are walked without following links; links, pipes and the like found there are
    listed so that reading refuses them by name. Two targets of one key: the later is refused.
    """
    targets: list[Target] = []
    failed: list[FileFailure] = []
    for given in paths:
        path = Path(os.path.abspath(given))
        if path.is_dir() and not path.is_symlink():
            found: list[Path] = []
            for folder, dirs, names in os.walk(path):
                dirs.sort()
                found.extend(Path(folder) / n for n in names if Path(n).suffix.lower() in SUPPORTED_SUFFIXES)
            targets.extend(Target(path, p) for p in sorted(found))
        elif path.exists() or path.is_symlink():
            targets.append(Target(path.parent, path))
        else:
            failed.append(FileFailure(str(given), "filen finns inte"))
    unique: dict[str, Target] = {}
    for target in targets:
        first = unique.setdefault(target.source, target)
        if first is not target and first.path != target.path:
            failed.append(
                FileFailure(
                    str(target.path),
                    f"samma dokumentnyckel {target.source!r} som {first.path}; läs in mappen som håller båda "
                    "så att de skiljs åt av sina mappar",
                )
            )
    return list(unique.values()), failed


def read_chunks(path: Path, settings: IngestConfig, overrides: dict[str, dict[str, str]]) -> tuple[str, list[Chunk]]:
    """Read, clean and chunk one file keyed by its name: (file text, chunks). Raises IngestError."""
    return read_document(path, path.name, ReadSpec.from_settings(settings), overrides.get(path.name, {}))


def read_all_chunks(paths: Iterable[Path], settings: IngestConfig) -> list[Chunk]:
    """The chunks of every file under paths, read without a store; raises IngestError on a bad file."""
    targets, missing = discover(paths)
    if missing:
        raise IngestError(f"{missing[0].file}: {missing[0].reason}")
    overrides = manifest_overrides(targets)
    spec = ReadSpec.from_settings(settings)
    return [c for t in targets for c in read_document(t.path, t.source, spec, overrides.get(t.source, {}))[1]]


def manifest_overrides(targets: Sequence[Target]) -> dict[str, dict[str, str]]:
    """Manifest entries by document key: a manifest.json describes the files beside it."""
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    overrides: dict[str, dict[str, str]] = {}
    for target in targets:
        folder = target.path.parent
        if folder not in manifests:
            manifest = folder / MANIFEST
            manifests[folder] = load_manifest(manifest) if manifest.is_file() and not manifest.is_symlink() else {}
        entry = manifests[folder].get(target.path.name)
        if entry:
            overrides[target.source] = entry
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
        self,
        settings: IngestConfig,
        store: ChromaStore | None = None,
        embedder: Embedder | None = None,
        isolate: bool = False,
    ) -> None:
        self.settings = settings
        self.store = store or ChromaStore(settings)
        self._embedder = embedder
        self.spec = ReadSpec.from_settings(settings)
        self.isolate = isolate  # read each file in a bounded worker process (the UI's uploads)
        self.registry = Registry(settings.home)
        self._seeded = False

    @property
    def embedder(self) -> Embedder:
        """The configured embedder, loaded on first use."""
        if self._embedder is None:
            self._embedder = get_embedder(self.settings.embedding)
        return self._embedder

    def run(
        self,
        paths: Sequence[Path],
        prune: bool = False,
        progress: Progress | None = None,
        uploaded_by: str = "",
        targets: Sequence[Target] | None = None,
    ) -> IngestReport:
        """Ingest files and folders; with prune, drop sources not among them.

        uploaded_by names the user who uploaded the files (the UI); `targets` gives files
        with their roots directly (a rebuild from the register) instead of `paths`.
        """
        started = time.perf_counter()
        report = IngestReport()
        sweep_temp_files(self.settings.home)
        if targets is None:
            files, report.failed = discover(paths)
        else:
            files = list(targets)
        overrides = manifest_overrides(files)
        inventory = self.store.inventory()
        known = self.registry.load()
        origins: list[Origin] = []
        changed = False
        for done, target in enumerate(files):
            if progress:
                progress("filer", done, len(files))
            origin = Origin(target.source, str(target.path), str(target.root), uploaded_by, now())
            try:
                new_sha = self._ingest_file(target, overrides, inventory, report, progress)
                if new_sha:
                    changed = True
                    state = inventory.get(target.source)
                    if state is not None and state.file_sha and state.file_sha != new_sha:
                        self.registry.log_replacement(known.get(target.source), origin, state.file_sha, new_sha)
                    origins.append(origin)
                elif target.source not in known:
                    origins.append(origin)  # a store ingested before the register existed
            except IngestError as exc:
                report.failed.append(FileFailure(str(target.path), str(exc)))
            except OSError as exc:
                report.failed.append(FileFailure(str(target.path), f"kan inte läsas: {exc.strerror or exc}"))
        if progress:
            progress("filer", len(files), len(files))
        forget: list[str] = []
        if prune:
            present = {t.source for t in files}
            for source, state in inventory.items():
                if source not in present:
                    self.store.delete(sorted(state.ids))
                    report.removed_sources.append(source)
                    forget.append(source)
                    changed = True
        if origins or forget:
            self.registry.update(origins, forget)
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
        target: Target,
        overrides: dict[str, dict[str, str]],
        inventory: dict[str, SourceState],
        report: IngestReport,
        progress: Progress | None,
    ) -> str:
        """Bring one file's chunks up to date; the version's sha when the store changed, else ''."""
        source = target.source
        state = inventory.get(source)
        check_regular(target.path, self.spec.limits.allow_symlinks)  # before a byte is read
        sha = file_sha256(target.path, self.spec.limits.allow_symlinks)
        text_copy = document_text_path(self.settings, source)
        if (
            state is not None
            and state.complete
            and state.file_sha == sha
            and state.recipe == self.spec.recipe
            and text_copy.exists()
        ):
            report.unchanged += 1
            return ""
        read = read_isolated if self.isolate else read_document
        raw, chunks = read(target.path, source, self.spec, overrides.get(source, {}))
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
        return sha

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
