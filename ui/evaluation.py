"""The evaluation page: users' feedback as CSV, and the latest evaluation report."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.settings import Settings
from ui import resources
from vectorstore.errors import TryggError

MAX_METRICS = 12


def latest_eval_dir(settings: Settings) -> Path:
    """Return where `trygg eval` keeps its latest run."""
    return settings.eval_latest_dir


def numeric_metrics(metrics: Any, prefix: str = "") -> list[tuple[str, float]]:
    """List (name, value) for the numbers in a metrics object, nested names joined by dots."""
    out: list[tuple[str, float]] = []
    if isinstance(metrics, dict):
        for key, value in metrics.items():
            name = f"{prefix}{key}"
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                out.append((name, float(value)))
            elif isinstance(value, dict):
                out.extend(numeric_metrics(value, f"{name}."))
    return out


def feedback_section(settings: Settings) -> None:
    """Show counts of ratings and offer them as CSV."""
    st.header("Återkoppling från användare")
    try:
        store = resources.feedback_store(settings)
        rows = store.rows()
        buffer = io.StringIO()
        store.export_csv(buffer)
    except TryggError as exc:
        st.error(f"Återkopplingen kunde inte läsas: {exc}")
        return
    up = sum(1 for r in rows if r.rating > 0)
    left, middle, right = st.columns(3)
    left.metric("Omdömen", len(rows))
    middle.metric("Tummen upp", up)
    right.metric("Tummen ner", len(rows) - up)
    st.download_button(
        "Ladda ner feedback som CSV",
        data=buffer.getvalue().encode("utf-8"),
        file_name="feedback.csv",
        mime="text/csv",
        icon=":material/download:",
        disabled=not rows,
    )
    if rows:
        st.dataframe(
            [
                {
                    "Tid": r.timestamp,
                    "Fråga": r.question,
                    "Betyg": "👍" if r.rating > 0 else "👎",
                    "Kommentar": r.comment,
                }
                for r in reversed(rows[-20:])
            ],
            hide_index=True,
            width="stretch",
        )


def evaluation_section(settings: Settings) -> None:
    """Show the latest evaluation's metrics and report, if an evaluation has been run."""
    st.header("Senaste utvärdering")
    folder = latest_eval_dir(settings)
    metrics_path, report_path = folder / "metrics.json", folder / "report.html"
    if not metrics_path.is_file():
        st.info("Ingen utvärdering har körts ännu. Kör `trygg eval` för att skapa en rapport.")
        return
    try:
        metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        st.error(f"Utvärderingens resultat kunde inte läsas ({metrics_path.name}): {exc}")
        return
    stamp = datetime.fromtimestamp(metrics_path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    st.caption(f"Körd {stamp}")
    numbers = numeric_metrics(metrics)[:MAX_METRICS]
    for row in range(0, len(numbers), 4):
        for column, (name, value) in zip(st.columns(4), numbers[row : row + 4], strict=False):
            column.metric(name, f"{value:.3g}")
    with st.expander("Alla mätvärden (metrics.json)"):
        st.json(metrics)
    if report_path.is_file():
        report = report_path.read_text(encoding="utf-8", errors="replace")
        st.download_button(
            "Ladda ner rapporten (HTML)",
            data=report.encode("utf-8"),
            file_name="report.html",
            mime="text/html",
            icon=":material/download:",
        )
        with st.expander("Visa rapporten"):
            st.html(report)  # sanitised by Streamlit (DOMPurify): no scripts run


def render() -> None:
    """Draw the evaluation page."""
    settings = resources.settings()
    st.title("Utvärdering")
    feedback_section(settings)
    evaluation_section(settings)


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.evaluation import render as _render  # so its classes are the same on every run

    _render()
