"""Run a question set through the assistant and write results.jsonl, metrics.json and report.html.

`trygg eval eval/questions.jsonl --out runs/x [--compare runs/y]` calls `run_eval`. The same
files are copied to `<home>/eval/latest/`, where the UI shows the most recent run.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from tqdm import tqdm

from assistant import prompts
from assistant.records import Answer
from assistant.serialize import answer_to_json
from assistant.settings import Settings
from eval.gold import Case, Corpus, GoldError, GoldQuote, load_cases, locate_cases
from eval.metrics import METRICS, CaseScore, aggregate, score_case
from eval.report import build_report
from vectorstore.errors import ConfigError, StoreError, TryggError

log = logging.getLogger(__name__)

RESULTS = "results.jsonl"
METRICS_FILE = "metrics.json"
REPORT = "report.html"
OUTPUTS = (RESULTS, METRICS_FILE, REPORT)


class Asker(Protocol):
    """Anything that answers a question the way `Assistant.ask` does."""

    def ask(self, question: str) -> Answer:
        """Answer one question."""
        ...


@dataclass(frozen=True)
class EvalRun:
    """One pass over a question set: a result row and a score per case, and the aggregates."""

    cases: list[Case]
    gold: dict[str, tuple[GoldQuote, ...]]
    results: list[dict[str, Any]]
    scores: list[CaseScore]
    metrics: dict[str, Any]


def latest_dir(settings: Settings) -> Path:
    """Where the most recent run's files are kept for the UI."""
    return settings.eval_latest_dir


def prepare(settings: Settings, file: Path) -> tuple[list[Case], dict[str, tuple[GoldQuote, ...]]]:
    """Read the question set and locate every gold quote in the corpus (raises GoldError)."""
    cases = load_cases(file)
    if not cases:
        raise GoldError(f"Frågefilen {file} innehåller inga frågor")
    corpus = Corpus(settings.corpus, settings.ingest.max_file_mb)
    return cases, locate_cases(cases, corpus)


def default_assistant(settings: Settings) -> Asker:
    """Open the real assistant over the configured store; refuse an empty store up front."""
    from assistant.core import Assistant

    assistant = Assistant(settings)
    if assistant.store.count() == 0:
        raise StoreError(prompts.STORE_EMPTY)
    assistant.warm()  # so the first case's latency is like the rest
    return assistant


def answer_row(case: Case, asker: Asker) -> dict[str, Any]:
    """Ask one case: the `ask --json` object with its id, or the error (a results.jsonl line)."""
    try:
        answer = asker.ask(case.question)
    except TryggError as exc:
        log.warning("Fråga %s misslyckades: %s", case.id, exc)
        return {
            "id": case.id,
            "question": case.question,
            "answer": "",
            "abstained": False,
            "citations": [],
            "passages": [],
            "timings_ms": {},
            "notes": [],
            "error": str(exc),
        }
    return {"id": case.id, **answer_to_json(answer)}


def evaluate(
    settings: Settings,
    cases: Sequence[Case],
    gold: dict[str, tuple[GoldQuote, ...]],
    asker: Asker | None = None,
    progress: bool = True,
    on_case: Callable[[int, int], None] | None = None,
) -> EvalRun:
    """Ask every question (one assistant for all), score the answers and aggregate.

    `on_case(done, total)` is called after each question (the UI's progress bar).
    """
    asker = asker or default_assistant(settings)
    started = time.perf_counter()
    results = []
    for case in tqdm(cases, desc="frågor", unit="st", file=sys.stderr, disable=not progress, leave=False):
        results.append(answer_row(case, asker))
        if on_case:
            on_case(len(results), len(cases))
    scores = [score_case(case, gold[case.id], row) for case, row in zip(cases, results, strict=True)]
    metrics = aggregate(scores)
    metrics["run"] = {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 2),
        "n_cases": len(cases),
        "settings": settings_summary(settings),
    }
    return EvalRun(list(cases), gold, results, scores, metrics)


def settings_summary(settings: Settings) -> dict[str, Any]:
    """Return the settings that shape results, for the record (no secrets, no paths)."""
    data = settings.model_dump(mode="json")
    data["answer"].pop("llm_api_key", None)
    for key in ("home", "chroma_host", "chroma_port"):
        data.pop(key, None)
    return data


def read_metrics(folder: Path) -> dict[str, Any]:
    """Read an earlier run's metrics.json, or raise ConfigError saying what is wrong."""
    path = Path(folder) / METRICS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"Jämförelsekörningen saknar en läsbar {path}: {exc}") from exc
    if not isinstance(data, dict) or "overall" not in data:
        raise ConfigError(f"{path} är inte en utvärdering (saknar 'overall')")
    return data


def write_outputs(run: EvalRun, out_dir: Path, compare: dict[str, Any] | None = None) -> None:
    """Write results.jsonl, metrics.json and report.html into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / RESULTS).open("w", encoding="utf-8") as handle:
        for row in run.results:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out_dir / METRICS_FILE).write_text(json.dumps(run.metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    html = build_report(run.metrics, run.cases, run.results, compare, run.gold)
    (out_dir / REPORT).write_text(html, encoding="utf-8")


def copy_outputs(out_dir: Path, target: Path) -> None:
    """Copy a run's three files to target (skipped when it is the same folder)."""
    if target.resolve() == out_dir.resolve():
        return
    target.mkdir(parents=True, exist_ok=True)
    for name in OUTPUTS:
        shutil.copy2(out_dir / name, target / name)


def summary_table(metrics: dict[str, Any], compare: dict[str, Any] | None = None) -> str:
    """Format a short plain-text table of the overall metrics and latency."""
    overall, before = metrics["overall"], (compare or {}).get("overall", {})
    lines = [f"{'mått':<22}{'värde':>8}" + (f"{'förändring':>12}" if compare else "")]
    for name in METRICS:
        value = overall.get(name)
        line = f"{name:<22}{_fmt(value):>8}"
        if compare:
            old = before.get(name)
            line += f"{_delta(value, old):>12}"
        lines.append(line)
    total = metrics["latency_ms"]["total"]
    lines.append(f"{'latens p50 (ms)':<22}{_fmt(total['p50'], 0):>8}")
    lines.append(f"{'latens p95 (ms)':<22}{_fmt(total['p95'], 0):>8}")
    lines.append(
        f"{overall['n']} frågor ({overall['n_answerable']} besvarbara), "
        f"{overall['n_failed']} ej klarade, "
        f"{overall['n_errors']} fel, {metrics['run']['seconds']:.1f} s"
    )
    return "\n".join(lines) + "\n"


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _delta(value: float | None, old: float | None) -> str:
    return "–" if value is None or old is None else f"{value - old:+.3f}"


def run_eval(
    settings: Settings,
    file: Path,
    out_dir: Path,
    compare_dir: Path | None = None,
    asker: Asker | None = None,
) -> int:
    """Evaluate a question set; write the files to out_dir and `<home>/eval/latest`; return 0."""
    compare = read_metrics(compare_dir) if compare_dir is not None else None
    cases, gold = prepare(settings, file)
    run = evaluate(settings, cases, gold, asker)
    write_outputs(run, Path(out_dir), compare)
    copy_outputs(Path(out_dir), latest_dir(settings))
    sys.stdout.write(summary_table(run.metrics, compare))
    sys.stdout.write(f"Rapport: {Path(out_dir) / REPORT}\n")
    return 0
