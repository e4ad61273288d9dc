"""The evaluation page: run an evaluation, see past runs, compare two, and users' feedback."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.settings import PROJECT_ROOT, Settings
from ui import eval_jobs, resources
from ui.eval_jobs import LIVE, SEPARATE, RunInfo
from vectorstore.errors import TryggError

BUNDLED_QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"
METRIC_LABELS = {
    "hit@1": "Rätt stycke först (träff@1)",
    "hit@5": "Rätt stycke bland de fem första (träff@5)",
    "mrr@10": "Medelvärde av 1/rang (MRR@10)",
    "ndcg@10": "Rangordningens kvalitet (nDCG@10)",
    "fact_recall": "Andel väntade fakta i svaren",
    "citation_precision": "Källprecision",
    "citation_recall": "Källtäckning",
    "abstention_accuracy": "Rätt avstått eller svarat",
}
STORE_LABELS = {
    SEPARATE: "Eget lager med bara de medföljande dokumenten (rekommenderas)",
    LIVE: "Det levande lagret, med användarnas uppladdningar",
}
STATE_LABELS = {"körs": "pågår", "klar": "klar", "misslyckades": "misslyckades"}


def local_time(stamp: str) -> str:
    """An ISO timestamp (UTC or with offset) as local 'YYYY-MM-DD HH:MM'."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def overall(metrics: dict[str, Any] | None) -> dict[str, float]:
    """The headline numbers of a run: the overall metrics and the median latency."""
    if not metrics:
        return {}
    out = {k: float(v) for k, v in metrics.get("overall", {}).items() if k in METRIC_LABELS and v is not None}
    total = metrics.get("latency_ms", {}).get("total", {})
    if total.get("p50") is not None:
        out["p50"] = float(total["p50"])
    return out


def metric_rows(first: dict[str, float], second: dict[str, float] | None = None) -> list[dict[str, str]]:
    """Rows of a metrics table in Swedish; with a second run, its values and the change."""
    rows = []
    for key, label in [*METRIC_LABELS.items(), ("p50", "Svarstid, median (ms)")]:
        if key not in first and (second is None or key not in second):
            continue
        digits = 0 if key == "p50" else 3
        row = {"Mått": label, "Värde" if second is None else "Första": _fmt(first.get(key), digits)}
        if second is not None:
            row["Andra"] = _fmt(second.get(key), digits)
            a, b = first.get(key), second.get(key)
            row["Skillnad"] = "–" if a is None or b is None else f"{b - a:+.{digits}f}".replace(".", ",")
        rows.append(row)
    return rows


def _fmt(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


def start_form(settings: Settings) -> None:
    """Choose questions, store and a name; start the run."""
    st.header("Kör en utvärdering")
    job = eval_jobs.current(settings)
    running = job is not None and not job.finished.is_set()
    with st.form("eval_start", border=True):
        source = st.radio(
            "Frågor",
            ["bundled", "upload"],
            format_func=lambda v: (
                "Den medföljande frågesamlingen" if v == "bundled" else "En egen frågefil (JSONL, samma format)"
            ),
            horizontal=True,
        )
        uploaded = st.file_uploader("Egen frågefil", type=["jsonl"], key="eval_questions")
        store = st.radio("Lager", [SEPARATE, LIVE], format_func=STORE_LABELS.__getitem__)
        name = st.text_input("Namn på körningen", placeholder="t.ex. efter ändrade vikter", max_chars=80)
        go = st.form_submit_button(
            "Starta utvärderingen", type="primary", disabled=running, icon=":material/play_arrow:"
        )
    if not go:
        return
    if source == "upload" and uploaded is None:
        st.error("Välj en frågefil (JSONL) först, eller använd den medföljande frågesamlingen.")
        return
    questions = BUNDLED_QUESTIONS
    if source == "upload" and uploaded is not None:
        folder = settings.home / "eval" / "fragor"
        folder.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(uploaded.name).stem).strip("_") or "fragor"
        questions = folder / f"{datetime.now():%Y%m%d-%H%M%S}-{stem}.jsonl"
        questions.write_bytes(uploaded.getvalue())
    label = name.strip() or ("Medföljande frågor" if source == "bundled" else Path(uploaded.name).stem)  # type: ignore[union-attr]
    try:
        eval_jobs.start(settings, questions, label, store, resources.assistant(settings))
    except TryggError as exc:
        st.error(str(exc))


@st.fragment(run_every=1.0)
def progress(settings: Settings) -> None:
    """The running evaluation's progress; the page reruns when it is done."""
    job = eval_jobs.current(settings)
    if job is None:
        return
    if job.finished.is_set():
        if st.session_state.get("eval_seen") != job.info.folder:
            st.session_state["eval_seen"] = job.info.folder
            st.rerun()
        return
    fraction = job.done / job.total if job.total else 0.0
    st.progress(min(fraction, 1.0), text=f"”{job.info.name}”: {job.stage}, {job.done} av {job.total or '…'}")


def runs_section(settings: Settings) -> None:
    """The runs so far, the newest one's metrics and report, and a comparison of any two."""
    st.header("Körningar")
    runs = eval_jobs.list_runs(settings)
    if not runs:
        st.info("Ingen utvärdering har körts från sidan ännu.")
        return
    newest = runs[0]
    if newest.state == "misslyckades":
        st.error(f"Den senaste körningen, ”{newest.name}”, misslyckades: {newest.error}")
    metrics = {r.folder: overall(eval_jobs.read_metrics(r)) for r in runs}
    st.dataframe(
        [
            {
                "Namn": r.name,
                "Startad": local_time(r.started),
                "Frågor": f"{r.questions} ({r.n_questions})" if r.n_questions else r.questions,
                "Lager": "eget" if r.store == SEPARATE else "levande",
                "Status": STATE_LABELS.get(r.state, r.state),
                "Träff@1": _fmt(metrics[r.folder].get("hit@1"), 3),
                "Fakta i svaren": _fmt(metrics[r.folder].get("fact_recall"), 3),
            }
            for r in runs
        ],
        hide_index=True,
        width="stretch",
    )
    finished = [r for r in runs if metrics[r.folder]]
    if not finished:
        return
    labels = {r.folder: f"{r.name} ({local_time(r.started)})" for r in finished}
    left, right = st.columns(2)
    first = left.selectbox("Körning", list(labels), format_func=labels.__getitem__, key="eval_first")
    others = ["", *labels]
    second = right.selectbox(
        "Jämför med",
        others,
        format_func=lambda f: "ingen jämförelse" if not f else labels[f],
        key="eval_second",
    )
    chosen = next(r for r in finished if r.folder == first)
    if second:
        st.subheader("Jämförelse")
        st.caption(f"Första: {labels[first]} · Andra: {labels[second]} · Skillnad: andra minus första.")
        st.table(metric_rows(metrics[first], metrics[second]))
    else:
        st.table(metric_rows(metrics[first]))
    report(chosen)


def report(info: RunInfo) -> None:
    """Offer a run's HTML report and show it in the page."""
    path = eval_jobs.report_path(info)
    if not path.is_file():
        return
    html = path.read_text(encoding="utf-8", errors="replace")
    st.download_button(
        "Ladda ner rapporten (HTML)",
        data=html.encode("utf-8"),
        file_name=f"rapport-{info.path.name}.html",
        mime="text/html",
        icon=":material/download:",
        key=f"eval_download_{info.path.name}",
    )
    with st.expander("Visa rapporten"):
        st.html(f'<div class="trygg-report">{html}</div>')  # sanitised by Streamlit (DOMPurify): no scripts


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
                    "Tid": local_time(r.timestamp),
                    "Fråga": r.question,
                    "Betyg": "👍" if r.rating > 0 else "👎",
                    "Kommentar": r.comment,
                }
                for r in reversed(rows[-20:])
            ],
            hide_index=True,
            width="stretch",
        )


def render() -> None:
    """Draw the evaluation page."""
    settings = resources.settings()
    st.title("Utvärdering")
    start_form(settings)
    progress(settings)
    runs_section(settings)
    feedback_section(settings)


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.evaluation import render as _render  # so its classes are the same on every run

    _render()
