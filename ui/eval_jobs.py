"""Evaluations started from the browser: run in a background thread, kept as folders. No Streamlit here.

By default a run asks a separate store that holds only the bundled corpus (its own folder
`TRYGG_HOME/utvardering`, its own collection), so users' uploads cannot change the scores;
the user may pick the live store instead. Each run is a folder under `TRYGG_HOME/eval/runs`
with `run.json` (what, when, how it went) and the files `trygg eval` writes.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.core import Assistant
from assistant.settings import Settings
from eval.run import METRICS_FILE, REPORT, copy_outputs, evaluate, latest_dir, prepare, write_outputs
from ingest.pipeline import Ingestor
from vectorstore.errors import TryggError

log = logging.getLogger(__name__)

RUN_META = "run.json"
SEPARATE = "separat"
LIVE = "live"


@dataclass
class RunInfo:
    """One run as listed on the page (the contents of run.json)."""

    folder: str
    name: str
    questions: str
    store: str
    started: str
    finished: str = ""
    state: str = "körs"  # körs, klar, misslyckades
    error: str = ""
    n_questions: int = 0

    @property
    def path(self) -> Path:
        """The run's folder."""
        return Path(self.folder)


@dataclass
class EvalJob:
    """A run in progress, read by the page to draw its progress bar."""

    info: RunInfo
    stage: str = "förbereder"
    done: int = 0
    total: int = 0
    finished: threading.Event = field(default_factory=threading.Event)


def runs_dir(settings: Settings) -> Path:
    """Where runs started from the browser are kept."""
    return settings.home / "eval" / "runs"


def separate_settings(settings: Settings) -> Settings:
    """Settings for the evaluation's own store of the bundled corpus."""
    return settings.model_copy(
        update={"home": settings.home / "utvardering", "collection": f"{settings.collection}_utvardering"}
    )


def _save(info: RunInfo) -> None:
    info.path.mkdir(parents=True, exist_ok=True)
    (info.path / RUN_META).write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2), encoding="utf-8")


def list_runs(settings: Settings) -> list[RunInfo]:
    """Every run with a readable run.json, newest first."""
    out = []
    folder = runs_dir(settings)
    for meta in sorted(folder.glob(f"*/{RUN_META}"), reverse=True) if folder.is_dir() else []:
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            data["folder"] = str(meta.parent)
            out.append(RunInfo(**data))
        except (OSError, ValueError, TypeError) as exc:
            log.warning("skipping unreadable run %s: %s", meta, exc)
    return out


def read_metrics(info: RunInfo) -> dict[str, Any] | None:
    """A finished run's metrics.json, or None."""
    try:
        data = json.loads((info.path / METRICS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def report_path(info: RunInfo) -> Path:
    """A run's HTML report."""
    return info.path / REPORT


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:40] or "korning"


_JOBS: dict[str, EvalJob] = {}
_LOCK = threading.Lock()


def current(settings: Settings) -> EvalJob | None:
    """The run started last in this process for these settings (running or finished)."""
    with _LOCK:
        return _JOBS.get(settings.model_dump_json())


def start(settings: Settings, questions: Path, name: str, store: str, live: Assistant) -> EvalJob:
    """Start a run in a background thread; refuses while another is running."""
    key = settings.model_dump_json()
    with _LOCK:
        running = _JOBS.get(key)
        if running is not None and not running.finished.is_set():
            raise TryggError("En utvärdering körs redan. Vänta tills den är klar.")
        stamp = datetime.now().astimezone()
        folder = runs_dir(settings) / f"{stamp:%Y%m%d-%H%M%S}-{_slug(name)}"
        info = RunInfo(str(folder), name, questions.name, store, stamp.isoformat(timespec="seconds"))
        job = _JOBS[key] = EvalJob(info)
    _save(info)
    threading.Thread(target=_run, args=(settings, questions, job, live), name="trygg-eval", daemon=True).start()
    return job


def _separate_store(settings: Settings, live: Assistant, job: EvalJob) -> Assistant:
    """Bring the evaluation's own store up to date with the bundled corpus, and open it."""
    own = separate_settings(settings)
    cache = own.embedding_cache
    source = settings.embedding_cache
    if not cache.exists() and source.exists():  # vectors by content hash: the live ones serve
        cache.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, cache)
    job.stage = "läser in dokumenten"

    def progress(stage: str, done: int, total: int) -> None:
        job.done, job.total = done, total

    report = Ingestor(own, embedder=live.embedder).run([settings.corpus], prune=True, progress=progress)
    if report.failed:
        raise TryggError("Utvärderingens dokument kunde inte läsas in: " + "; ".join(f.reason for f in report.failed))
    return Assistant(own, embedder=live.embedder)


def _run(settings: Settings, questions: Path, job: EvalJob, live: Assistant) -> None:
    info = job.info
    try:
        cases, gold = prepare(settings, questions)
        info.n_questions = len(cases)
        asker = live if info.store == LIVE else _separate_store(settings, live, job)
        target = settings if info.store == LIVE else separate_settings(settings)
        job.stage, job.done, job.total = "frågar", 0, len(cases)

        def on_case(done: int, total: int) -> None:
            job.done, job.total = done, total

        run = evaluate(target, cases, gold, asker, progress=False, on_case=on_case)
        job.stage = "skriver rapporten"
        write_outputs(run, info.path)
        copy_outputs(info.path, latest_dir(settings))
        info.state = "klar"
    except TryggError as exc:
        info.state, info.error = "misslyckades", str(exc)
    except Exception as exc:  # the thread must report, not vanish
        log.exception("evaluation failed")
        info.state, info.error = "misslyckades", f"oväntat fel ({type(exc).__name__})"
    finally:
        info.finished = datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            _save(info)
        except OSError as exc:
            log.warning("run.json not saved: %s", exc)
        job.finished.set()
