"""`trygg ingest --rebuild`: set a damaged store aside and re-create it from the documents it knew.

The register (ingest/registry.py) says where every document was read from and who uploaded
it; each file still there is read again (the embedding cache makes that cheap), each one gone
is reported. The old embedded store is kept beside the new one as `chroma.damaged-TIME`.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from ingest.pipeline import FileFailure, IngestConfig, Ingestor, IngestReport, Progress, Target
from ingest.registry import Origin, Registry
from vectorstore.chroma_store import ChromaStore

log = logging.getLogger(__name__)


class RebuildConfig(IngestConfig, Protocol):
    """An ingest's settings and the corpus to read when nothing else is known."""

    @property
    def corpus(self) -> Path:
        """The bundled corpus folder."""
        ...


def set_store_aside(settings: IngestConfig) -> str:
    """Move the embedded store out of the way (or drop the server's collection); say where it went."""
    if settings.chroma_host:
        store = ChromaStore(settings)
        store.client.delete_collection(settings.collection)
        return f"samlingen {settings.collection} på servern togs bort"
    shutil.rmtree(settings.index_dir, ignore_errors=True)
    if not settings.chroma_dir.exists():
        return "inget vektorlager fanns"
    aside = settings.chroma_dir.with_name(f"chroma.damaged-{int(time.time())}")
    os.replace(settings.chroma_dir, aside)
    log.warning("the vector store %s was set aside as %s", settings.chroma_dir, aside)
    return f"det gamla vektorlagret ligger kvar som {aside}"


def rebuild_store(
    settings: RebuildConfig, paths: Sequence[Path] = (), progress: Progress | None = None
) -> IngestReport:
    """Re-create the store from the register's documents and the given paths (the corpus if neither)."""
    known = Registry(settings.home).load()
    set_store_aside(settings)
    ingestor = Ingestor(settings)
    report = IngestReport()
    started = time.perf_counter()
    present = []
    for origin in known.values():
        if Path(origin.path).exists() or Path(origin.path).is_symlink():
            present.append(origin)
        else:
            report.failed.append(
                FileFailure(origin.path, f"{origin.source} kan inte byggas om: filen finns inte längre")
            )
    runs = _read_again(ingestor, present, progress)
    if paths or not known:
        runs.append(ingestor.run(list(paths) or [settings.corpus], progress=progress))
    _add_up(runs, report)
    report.chunks = ingestor.store.count()
    report.seconds = time.perf_counter() - started
    return report


def refresh_stale(ingestor: Ingestor, progress: Progress | None = None) -> IngestReport:
    """Read again every document whose chunks were made by another recipe (an older reader, other chunking).

    An upgrade that changes cleaning or chunking would otherwise leave a store answering from
    text the new version would not produce; the register says where each document came from.
    """
    stale = {s for s, state in ingestor.store.inventory().items() if state.recipe != ingestor.spec.recipe}
    known = Registry(ingestor.settings.home).load()
    present = []
    for source in sorted(stale):
        origin = known.get(source)
        if origin is None or not Path(origin.path).exists():
            log.warning("%s was made by an older reader and cannot be read again: its file is gone", source)
        else:
            present.append(origin)
    return _add_up(_read_again(ingestor, present, progress), IngestReport())


def _read_again(ingestor: Ingestor, origins: Iterable[Origin], progress: Progress | None) -> list[IngestReport]:
    """Read documents from where the register says they came from: one run per uploader."""
    groups: dict[str, list[Target]] = defaultdict(list)
    for origin in origins:
        groups[origin.uploaded_by].append(Target(Path(origin.root), Path(origin.path)))
    return [ingestor.run([], progress=progress, uploaded_by=who, targets=t) for who, t in groups.items()]


def _add_up(runs: Iterable[IngestReport], report: IngestReport) -> IngestReport:
    """The runs' counts and failures added to `report`."""
    for part in runs:
        report.files += part.files
        report.embedded += part.embedded
        report.unchanged += part.unchanged
        report.failed.extend(part.failed)
    return report
