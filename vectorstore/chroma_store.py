"""The Chroma vector store: chunks, their vectors and metadata; the source of truth for chunks.

Embedded (PersistentClient under TRYGG_HOME) by default, a Chroma server when a host is set.
Chroma's own embedding function is never used: it would download a model.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from vectorstore.errors import StoreError
from vectorstore.records import META_FIELDS, Chunk, DocMeta, Filters

log = logging.getLogger(__name__)

FINGERPRINT_KEY = "lexical_fingerprint"


@dataclass(frozen=True)
class SourceState:
    """What the store holds of one source file."""

    source: str
    file_sha: str
    ids: frozenset[str]
    doc_chunks: int
    meta: DocMeta
    recipe: str = ""  # the recipe all its chunks were made with ('' when none or mixed)

    @property
    def complete(self) -> bool:
        """All chunks of one version of the file are present, and nothing else."""
        return self.file_sha != "" and len(self.ids) == self.doc_chunks


def chunk_to_metadata(chunk: Chunk) -> dict[str, str | int]:
    """Flatten a chunk for Chroma's metadata (strings and ints only)."""
    meta: dict[str, str | int] = {
        "source": chunk.source,
        "start": chunk.start,
        "end": chunk.end,
        "raw": chunk.text,
        "section": chunk.section,
        "ordinal": chunk.ordinal,
        "file_sha": chunk.file_sha,
        "doc_chunks": chunk.doc_chunks,
        "recipe": chunk.recipe,
    }
    for name in META_FIELDS:
        meta[name] = getattr(chunk.meta, name)
    return meta


def chunk_from_record(chunk_id: str, document: str, meta: dict[str, Any]) -> Chunk:
    """Rebuild a chunk from what Chroma returns."""
    return Chunk(
        id=chunk_id,
        source=str(meta["source"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=str(meta["raw"]),
        clean_text=document,
        section=str(meta.get("section", "")),
        ordinal=int(meta.get("ordinal", 0)),
        meta=DocMeta(**{name: str(meta.get(name, "")) for name in META_FIELDS}),
        file_sha=str(meta.get("file_sha", "")),
        doc_chunks=int(meta.get("doc_chunks", 0)),
        recipe=str(meta.get("recipe", "")),
    )


def _chunks_of(got: Any) -> dict[str, Chunk]:
    """The chunks of a `collection.get` answer that includes documents and metadatas, by id."""
    return {
        chunk_id: chunk_from_record(chunk_id, doc, meta)
        for chunk_id, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    }


def _vectors_of(got: Any) -> dict[str, np.ndarray]:
    """The vectors of a `collection.get` answer that includes embeddings, by id."""
    return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"], strict=True)}


def filters_to_where(filters: Filters | None) -> dict[str, Any] | None:
    """Chroma's where clause for the filters, or None for no restriction."""
    if not filters:
        return None
    clauses: list[dict[str, Any]] = []
    for field, values in filters.by_field():
        if values:
            clauses.append({field: {"$in": list(values)}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class StoreLocation(Protocol):
    """Where the store is: all ChromaStore reads of the settings object it is given."""

    @property
    def chroma_host(self) -> str:
        """A Chroma server's host; empty for the embedded store in chroma_dir."""
        ...

    @property
    def chroma_port(self) -> int:
        """The server's port."""
        ...

    @property
    def chroma_timeout_s(self) -> float:
        """Seconds to wait for the server."""
        ...

    @property
    def chroma_dir(self) -> Path:
        """The embedded store's folder."""
        ...

    @property
    def collection(self) -> str:
        """The collection's name."""
        ...


class ChromaStore:
    """A thin, typed face over one Chroma collection."""

    def __init__(self, settings: StoreLocation) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if settings.chroma_host:
                # The client asks the server who it is while it is being made, before its
                # requests can be given a timeout, so the making itself runs under a deadline.
                self.client = _within(
                    settings.chroma_timeout_s,
                    lambda: chromadb.HttpClient(
                        host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
                    ),
                )
                self.location = f"http://{settings.chroma_host}:{settings.chroma_port}"
                _bound_requests(self.client, settings.chroma_timeout_s)
            else:
                settings.chroma_dir.mkdir(parents=True, exist_ok=True)
                self.client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
                self.location = str(settings.chroma_dir)
            self.collection = self.client.get_or_create_collection(
                settings.collection, metadata={"hnsw:space": "cosine"}, embedding_function=None
            )
            self.max_batch = int(self.client.get_max_batch_size())
        except Exception as exc:  # chromadb raises many kinds for an unreachable store
            if settings.chroma_host:
                raise StoreError(f"Kan inte nå vektorlagret ({_where(settings)}): {exc}") from exc
            raise StoreError(
                f"Vektorlagret i {settings.chroma_dir} kan inte öppnas ({exc}); det kan vara skadat. "
                "Bygg om det från dokumenten med: trygg ingest --rebuild"
            ) from exc

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            hint = "" if self.location.startswith("http") else "; om felet består: trygg ingest --rebuild"
            raise StoreError(f"Vektorlagret svarar inte ({self.location}) vid {what}: {exc}{hint}") from exc

    def published_fingerprint(self) -> str:
        """Fingerprint of the chunk ids the newest lexical index was built from, by any process."""
        collection = self._call("read metadata", self.client.get_collection, self.collection.name)
        return str((collection.metadata or {}).get(FINGERPRINT_KEY, ""))

    def publish_fingerprint(self, fingerprint: str) -> None:
        """Tell other processes (UI replicas with their own TRYGG_HOME) the lexical index changed."""
        self._call("write metadata", self.collection.modify, metadata={FINGERPRINT_KEY: fingerprint})

    def count(self) -> int:
        """Number of chunks stored."""
        return int(self._call("count", self.collection.count))

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Insert or replace chunks, in batches the client accepts."""
        for lo in range(0, len(chunks), self.max_batch):
            part = chunks[lo : lo + self.max_batch]
            self._call(
                "upsert",
                self.collection.upsert,
                ids=[c.id for c in part],
                embeddings=vectors[lo : lo + self.max_batch],
                documents=[c.clean_text for c in part],
                metadatas=[chunk_to_metadata(c) for c in part],
            )

    def delete(self, ids: Sequence[str]) -> None:
        """Remove chunks by id."""
        ids = list(ids)
        for lo in range(0, len(ids), self.max_batch):
            self._call("delete", self.collection.delete, ids=ids[lo : lo + self.max_batch])

    def _pages(self, include: list[str], page: int = 5000) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            got = self._call("get", self.collection.get, include=include, limit=page, offset=offset)
            if not got["ids"]:
                return
            yield got
            offset += len(got["ids"])

    def inventory(self) -> dict[str, SourceState]:
        """Per source file: which version and which chunk ids the store holds."""
        ids: dict[str, set[str]] = defaultdict(set)
        shas: dict[str, set[str]] = defaultdict(set)
        recipes: dict[str, set[str]] = defaultdict(set)
        sizes: dict[str, int] = {}
        metas: dict[str, DocMeta] = {}
        for page in self._pages(["metadatas"]):
            for chunk_id, meta in zip(page["ids"], page["metadatas"], strict=True):
                source = str(meta["source"])
                ids[source].add(chunk_id)
                shas[source].add(str(meta.get("file_sha", "")))
                recipes[source].add(str(meta.get("recipe", "")))
                sizes[source] = int(meta.get("doc_chunks", 0))
                metas[source] = DocMeta(**{n: str(meta.get(n, "")) for n in META_FIELDS})
        return {
            source: SourceState(
                source=source,
                # Two versions of a file mixed means an interrupted ingest: not complete.
                file_sha=next(iter(shas[source])) if len(shas[source]) == 1 else "",
                ids=frozenset(ids[source]),
                doc_chunks=sizes[source],
                meta=metas[source],
                recipe=next(iter(recipes[source])) if len(recipes[source]) == 1 else "",
            )
            for source in ids
        }

    def all_chunks(self) -> list[Chunk]:
        """Every chunk, for building the lexical index."""
        out: list[Chunk] = []
        for page in self._pages(["documents", "metadatas"]):
            for chunk_id, doc, meta in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
                out.append(chunk_from_record(chunk_id, doc, meta))
        return out

    def get(self, ids: Sequence[str]) -> dict[str, Chunk]:
        """The chunks with these ids that still exist."""
        if not ids:
            return {}
        got = self._call("get", self.collection.get, ids=list(ids), include=["documents", "metadatas"])
        return _chunks_of(got)

    def get_with_vectors(self, ids: Sequence[str]) -> tuple[dict[str, Chunk], dict[str, np.ndarray]]:
        """The chunks with these ids that still exist, and their stored vectors, in one call to the store."""
        if not ids:
            return {}, {}
        got = self._call("get", self.collection.get, ids=list(ids), include=["documents", "metadatas", "embeddings"])
        return _chunks_of(got), _vectors_of(got)

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors by chunk id."""
        if not ids:
            return {}
        got = self._call("get", self.collection.get, ids=list(ids), include=["embeddings"])
        return _vectors_of(got)

    def query(
        self, vector: np.ndarray, k: int, filters: Filters | None = None, ids: Sequence[str] | None = None
    ) -> list[tuple[Chunk, float]]:
        """The k nearest chunks (among `ids` when given) with their cosine similarity, best first."""
        if ids is not None and not ids:
            return []
        # No count() first to clamp k: Chroma 1.5 returns fewer hits (none for an empty
        # collection) on its own, and counting costs 11 ms a question at 100k chunks.
        got = self._call(
            "query",
            self.collection.query,
            query_embeddings=[vector],
            n_results=k,
            where=filters_to_where(filters),
            ids=list(ids) if ids is not None else None,
            include=["documents", "metadatas", "distances"],
        )
        return [
            (chunk_from_record(i, d, m), 1.0 - float(dist))
            for i, d, m, dist in zip(
                got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0], strict=True
            )
        ]


def _within(seconds: float, make: Any) -> Any:
    """Return make() if it finishes within the deadline, else raise TimeoutError (it runs on, detached)."""
    result: list[Any] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(make())
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="chroma-connect", daemon=True)
    worker.start()
    worker.join(seconds)
    if failure:
        raise failure[0]
    if not result:
        raise TimeoutError(f"ingen kontakt inom {seconds:g} s (TRYGG_CHROMA_TIMEOUT_S)")
    return result[0]


def _bound_requests(client: Any, seconds: float) -> None:
    """Give the HTTP client a timeout: Chroma's waits forever, so a hung server hung every question."""
    session = getattr(getattr(client, "_server", None), "_session", None)
    if session is None:  # a future chromadb may name it differently; then requests stay unbounded
        log.warning("cannot set a timeout on the Chroma client: a hung server will hang requests")
        return
    import httpx

    session.timeout = httpx.Timeout(seconds, connect=min(seconds, 5.0))


def _where(settings: StoreLocation) -> str:
    if settings.chroma_host:
        return f"server {settings.chroma_host}:{settings.chroma_port}"
    return str(settings.chroma_dir)
