"""Read one document into chunks, here or in a worker process with its own memory and time bounds.

Reading is where a hostile file does harm (a zip bomb, a PDF of a million pages, text that
makes a million chunks). The limits in `Limits` are checked while reading; on top of them the
UI reads uploads in a worker (`python -m ingest.worker`) with an address-space limit and a
time limit, so one upload cannot take the server down whatever a parser does. The worker
answers in JSON (never pickle: its input is hostile), and the parent embeds and stores.
"""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from ingest.chunking import chunk_document
from ingest.clean import clean
from ingest.config import ChunkingSettings, IngestSettings
from ingest.files import Limits, over_limit
from ingest.loaders import file_sha256, load_text
from ingest.metadata import apply_overrides, extract_meta
from vectorstore.errors import IngestError
from vectorstore.records import Chunk, DocMeta

MB = 1024 * 1024
# Raise when cleaning, OCR repair, metadata or chunking change what a file turns into: a store
# whose chunks carry another recipe has its documents read again (see ReadSpec.recipe).
READER_VERSION = 8


class ReadSettings(Protocol):
    """The settings sections reading a document depends on."""

    @property
    def ingest(self) -> IngestSettings:
        """Limits on what is read."""
        ...

    @property
    def chunking(self) -> ChunkingSettings:
        """How text is split."""
        ...


@dataclass(frozen=True)
class ReadSpec:
    """Everything reading one document depends on, as plain values (so it crosses a process)."""

    max_bytes: int
    ocr_language: str
    encoding: str
    max_tokens: int
    overlap_tokens: int
    max_chunks: int
    limits: Limits = field(default_factory=Limits)
    memory_mb: int = 2048
    timeout_s: float = 600.0

    @property
    def recipe(self) -> str:
        """How chunks read with this spec are made: the reader's version and the chunking."""
        return f"reader {READER_VERSION}; {self.encoding} {self.max_tokens}/{self.overlap_tokens} tokens"

    @classmethod
    def from_settings(cls, settings: ReadSettings) -> ReadSpec:
        """The spec the settings describe."""
        ingest, chunking = settings.ingest, settings.chunking
        return cls(
            max_bytes=int(ingest.max_file_mb * MB),
            ocr_language=ingest.ocr_language,
            encoding=chunking.encoding,
            max_tokens=chunking.max_tokens,
            overlap_tokens=chunking.overlap_tokens,
            max_chunks=ingest.max_chunks,
            limits=Limits(
                max_unzipped_bytes=int(ingest.max_unzipped_mb * MB),
                max_xml_bytes=int(ingest.max_xml_mb * MB),
                max_zip_members=ingest.max_zip_members,
                max_pdf_pages=ingest.max_pdf_pages,
                max_chars=ingest.max_chars,
                allow_symlinks=ingest.allow_symlinks,
            ),
            memory_mb=ingest.worker_memory_mb,
            timeout_s=ingest.worker_timeout_s,
        )


def read_document(path: Path, source: str, spec: ReadSpec, overrides: dict[str, str]) -> tuple[str, list[Chunk]]:
    """Read, clean and chunk one file: (file text, chunks). Raises IngestError."""
    sha = file_sha256(path, spec.limits.allow_symlinks)
    raw = load_text(path, spec.max_bytes, spec.ocr_language, spec.limits)
    cleaned = clean(raw)
    meta = apply_overrides(extract_meta(raw), overrides)
    chunks = [
        replace(c, recipe=spec.recipe)
        for c in chunk_document(source, raw, cleaned, meta, sha, spec.encoding, spec.max_tokens, spec.overlap_tokens)
    ]
    if not chunks:
        raise IngestError("ingen text att indexera efter rensning")
    if len(chunks) > spec.max_chunks:
        raise over_limit(
            path.name,
            f"dokumentet blir {len(chunks)} stycken",
            f"{spec.max_chunks} stycken",
            "TRYGG_INGEST__MAX_CHUNKS",
        )
    return raw, chunks


def read_isolated(path: Path, source: str, spec: ReadSpec, overrides: dict[str, str]) -> tuple[str, list[Chunk]]:
    """`read_document` in a worker process bounded by spec.memory_mb and spec.timeout_s."""
    request = {"path": str(path), "source": source, "spec": asdict(spec), "overrides": overrides}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ingest.worker"],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=spec.timeout_s,
            check=False,
            cwd=str(Path(__file__).resolve().parent.parent),
        )
    except subprocess.TimeoutExpired as exc:
        raise over_limit(
            path.name,
            f"inläsningen tog mer än {spec.timeout_s:g} s och avbröts",
            f"{spec.timeout_s:g} s",
            "TRYGG_INGEST__WORKER_TIMEOUT_S",
        ) from exc
    reply: dict[str, Any] = {}
    if done.stdout.strip():
        try:
            reply = json.loads(done.stdout.strip().splitlines()[-1])
        except json.JSONDecodeError:
            reply = {}
    if "error" in reply:
        raise IngestError(str(reply["error"]))
    if done.returncode != 0 or "raw" not in reply:
        if done.returncode in (-signal.SIGKILL, -signal.SIGXCPU, -signal.SIGSEGV) or "MemoryError" in done.stderr:
            raise _out_of_memory(path.name, spec)
        detail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise IngestError(f"{path.name}: inläsningen misslyckades ({detail})")
    chunks = [Chunk(**{**c, "meta": DocMeta(**c["meta"])}) for c in reply["chunks"]]
    return str(reply["raw"]), chunks


def _out_of_memory(name: str, spec: ReadSpec) -> IngestError:
    return over_limit(
        name,
        "inläsningen behövde mer minne än tillåtet och avbröts",
        f"{spec.memory_mb} MB",
        "TRYGG_INGEST__WORKER_MEMORY_MB",
    )


def _serve() -> int:
    """The worker: one JSON request on stdin, one JSON reply on stdout."""
    request = json.loads(sys.stdin.read())
    raw_spec = dict(request["spec"])
    spec = ReadSpec(**{**raw_spec, "limits": Limits(**raw_spec["limits"])})
    memory = spec.memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(spec.timeout_s) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    path = Path(request["path"])
    try:
        raw, chunks = read_document(path, request["source"], spec, request["overrides"])
    except IngestError as exc:
        reply: dict[str, Any] = {"error": str(exc)}
    except MemoryError:
        reply = {"error": str(_out_of_memory(path.name, spec))}
    else:
        reply = {"raw": raw, "chunks": [asdict(c) for c in chunks]}
    sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(_serve())
