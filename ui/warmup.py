"""Load the model and ingest the bundled corpus in a background thread when the server starts.

`python -m ui.serve` (what `trygg ui` runs) starts it before Streamlit serves anything; the
app starts it too (a no-op when already running), so `streamlit run ui/app.py` works alike.
Pages never wait for it: they read `CorpusLoad` and say "Dokumenten läses in" until it is done.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.core import Assistant
from assistant.settings import Settings
from ingest.pipeline import FileFailure, Ingestor
from ingest.rebuild import refresh_stale
from ui import resources
from vectorstore.errors import TryggError

log = logging.getLogger(__name__)

Say = Callable[[str], None]  # where progress lines go (the terminal, for `trygg ui`)
STAGES = {"filer": "filer", "inbäddning": "vektorer"}


@dataclass
class CorpusLoad:
    """The state of the start-up load, read by every page of one server process."""

    state: str = "väntar"  # väntar, laddar modellen, läser in, klar, misslyckades
    stage: str = ""
    done: int = 0
    total: int = 0
    files: int = 0
    error: str = ""
    failures: list[FileFailure] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0
    finished: threading.Event = field(default_factory=threading.Event)

    @property
    def ready(self) -> bool:
        """True once the documents can be asked about (or loading has given up)."""
        return self.finished.is_set()

    file_done: int = 0
    file_total: int = 0

    def describe(self) -> str:
        """Where loading is, in Swedish, for the page."""
        if self.state == "läser in" and self.file_total:
            text = f"Dokumenten läses in: dokument {min(self.file_done + 1, self.file_total)} av {self.file_total}"
            if self.stage == "inbäddning" and self.total:
                text += f", vektorer {self.done} av {self.total}"
            return text + "."
        if self.state == "laddar modellen":
            return "Dokumenten läses in: språkmodellen laddas."
        return "Dokumenten läses in."


_LOADS: dict[str, CorpusLoad] = {}
_LOCK = threading.Lock()


def start(settings: Settings, say: Say | None = None) -> CorpusLoad:
    """Start loading for these settings unless already started; return its state at once."""
    key = settings.model_dump_json()
    with _LOCK:
        load = _LOADS.get(key)
        if load is not None:
            return load
        load = _LOADS[key] = CorpusLoad()
    thread = threading.Thread(target=_run, args=(settings, load, say or _log), name="trygg-warmup", daemon=True)
    thread.start()
    return load


def wait_all(timeout: float) -> bool:
    """Wait until every load started in this process has finished; False on timeout."""
    deadline = time.monotonic() + timeout
    with _LOCK:
        loads = list(_LOADS.values())
    return all(load.finished.wait(max(0.0, deadline - time.monotonic())) for load in loads)


def forget_all() -> None:
    """Forget every load (tests start each app afresh)."""
    with _LOCK:
        _LOADS.clear()


def _log(line: str) -> None:
    log.info("%s", line)


def _run(settings: Settings, load: CorpusLoad, say: Say) -> None:
    try:
        load.state = "laddar modellen"
        assistant = resources.assistant(settings)
        box = resources.shared(settings)
        with box.ingest_lock:
            if assistant.store.count() > 0:
                say(f"Trygghetsassistenten: {assistant.store.count()} stycken finns redan i lagret.")
                _refresh(settings, assistant, box, say)
            else:
                _ingest(settings, assistant, box, load, say)
        if assistant.store.count() > 0:
            assistant.warm()  # the first question must not wait for the model and the word list
    except TryggError as exc:
        load.error = str(exc)
        say(f"Trygghetsassistenten: dokumenten kunde inte läsas in: {exc}")
    except Exception as exc:  # a thread must not die silently: the page shows the error
        log.exception("start-up load failed")
        load.error = f"oväntat fel ({type(exc).__name__})"
    finally:
        load.seconds = time.monotonic() - load.started
        load.state = "misslyckades" if load.error else "klar"
        load.finished.set()


def _refresh(settings: Settings, assistant: Assistant, box: resources.Shared, say: Say) -> None:
    """Read again the documents an older version of the reader made (after an upgrade)."""
    ingestor = Ingestor(settings, store=assistant.store, embedder=assistant.embedder)
    report = refresh_stale(ingestor)
    if report.files or report.failed:
        box.generation += 1
        say(f"Trygghetsassistenten: {report.files} dokument lästes in igen med den nya versionen av inläsningen.")
    for failure in report.failed:
        say(f"  kunde inte läsas in: {failure.file}: {failure.reason}")


def _ingest(settings: Settings, assistant: Assistant, box: resources.Shared, load: CorpusLoad, say: Say) -> None:
    """Ingest the bundled corpus into an empty store, reporting progress on `load` and through `say`."""
    load.state = "läser in"
    say(f"Trygghetsassistenten: läser in dokumenten i {settings.corpus} …")
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        load.stage, load.done, load.total = stage, done, total
        if stage == "filer":
            load.file_done, load.file_total = done, total
        now = time.monotonic()
        if now - last[0] >= 2.0 or done >= total:
            last[0] = now
            say(f"  {STAGES.get(stage, stage)}: {done} av {total}")

    try:
        report = Ingestor(settings, store=assistant.store, embedder=assistant.embedder).run(
            [settings.corpus], progress=progress
        )
    finally:
        box.generation += 1
    load.files, load.failures = report.files, list(report.failed)
    say(f"Trygghetsassistenten: {report.files} dokument, {report.chunks} stycken ({report.seconds:.1f} s).")
    for failure in report.failed:
        say(f"  kunde inte läsas in: {failure.file}: {failure.reason}")
