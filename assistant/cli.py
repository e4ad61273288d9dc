"""The `trygg` command: ingest, sources, ask, eval, ui. Thin: all the work is in the packages."""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.errors import TryggError
from assistant.records import Answer, Filters
from assistant.settings import PROJECT_ROOT, Settings, load_settings, parse_overrides


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The object `trygg ask --json` prints (and eval writes a line of)."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": [
            {
                "n": c.n,
                "source": c.chunk.source,
                "title": c.chunk.meta.title,
                "responder": c.chunk.meta.responder,
                "section": c.chunk.section,
                "start": c.chunk.start,
                "end": c.chunk.end,
                "text": c.chunk.text,
                "clean_text": c.chunk.clean_text,
                "chunk_id": c.chunk.id,
                "highlights": [[s.start, s.end] for s in c.highlights],
            }
            for c in answer.citations
        ],
        "passages": [
            {
                "rank": rank,
                "source": h.chunk.source,
                "start": h.chunk.start,
                "end": h.chunk.end,
                "text": h.chunk.text,
                "clean_text": h.chunk.clean_text,
                "score": round(h.score, 6),
                "chunk_id": h.chunk.id,
            }
            for rank, h in enumerate(answer.passages, start=1)
        ],
        "timings_ms": answer.timings_ms,
        "notes": list(answer.notes),
    }


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _progress_bar() -> Any:
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="st", file=sys.stderr, leave=False)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()
            bars.pop(stage)

    return progress


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Ingest files and folders (default: the bundled corpus)."""
    from ingest.pipeline import Ingestor

    paths = [Path(p) for p in args.paths] or [settings.corpus]
    report = Ingestor(settings).run(paths, prune=args.prune, progress=None if args.json else _progress_bar())
    if args.json:
        _print_json(report.to_json())
    else:
        sys.stdout.write(
            f"{report.files} filer, {report.chunks} stycken i lagret, {report.embedded} nyinbäddade, "
            f"{report.unchanged} oförändrade, {len(report.failed)} misslyckade ({report.seconds:.1f} s)\n"
        )
        for source in report.removed_sources:
            sys.stdout.write(f"borttagen: {source}\n")
        for failure in report.failed:
            sys.stdout.write(f"MISSLYCKADES: {failure.file}: {failure.reason}\n")
    return 1 if report.failed else 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    """List the documents in the store."""
    from vectorstore.chroma_store import ChromaStore

    rows = [
        {
            "source": state.source,
            "title": state.meta.title,
            "responder": state.meta.responder,
            "period": state.meta.period,
            "date": state.meta.date,
            "dnr": state.meta.dnr,
            "kind": state.meta.kind,
            "chunks": len(state.ids),
        }
        for state in sorted(ChromaStore(settings).inventory().values(), key=lambda s: s.source)
    ]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            sys.stdout.write(
                f"{row['source']}  {row['responder']}  {row['period']}  {row['date']}  "
                f"{row['chunks']} stycken  {row['title']}\n"
            )
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question."""
    from assistant.core import Assistant

    filters = Filters(tuple(args.responder), tuple(args.period), tuple(args.source))
    answer = Assistant(settings).ask(args.question, filters=filters)
    if args.json:
        _print_json(answer_to_json(answer))
        return 0
    sys.stdout.write(answer.text + "\n")
    for c in answer.citations:
        sys.stdout.write(
            f"\n[{c.n}] {c.chunk.meta.responder} – {c.chunk.section or c.chunk.meta.title} "
            f"({c.chunk.source}, tecken {c.chunk.start}–{c.chunk.end})\n"
        )
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Run a question set and write results, metrics and a report."""
    from eval.run import run_eval

    return run_eval(settings, Path(args.file), Path(args.out), Path(args.compare) if args.compare else None)


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    """Start the Streamlit app."""
    command = [
        sys.executable,
        "-m",
        "ui.serve",  # `streamlit run`, with the documents loading while the server starts
        "run",
        str(PROJECT_ROOT / "ui" / "app.py"),
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",  # no developer options and no ⋮ menu (its items are English)
    ]
    if os.name == "posix":  # become the server, so a stop signal to `trygg ui` reaches it
        os.execve(sys.executable, command, os.environ.copy())
    return subprocess.call(command, env=os.environ.copy())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `trygg`."""
    parser = argparse.ArgumentParser(prog="trygg", description="Trygghetsassistenten")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a setting, e.g. --set retrieval.mode=dense",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="read documents into the store")
    p.add_argument("paths", nargs="*", help="files or folders (default: the bundled corpus)")
    p.add_argument("--prune", action="store_true", help="remove documents not among the paths")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("sources", help="list the documents in the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("ask", help="ask a question")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    p.add_argument("--responder", action="append", default=[], help="only this responder (repeatable)")
    p.add_argument("--period", action="append", default=[], help="only this programme period, e.g. 2024–2027")
    p.add_argument("--source", action="append", default=[], help="only this document (file name)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="run a question set")
    p.add_argument("file")
    p.add_argument("--out", required=True)
    p.add_argument("--compare", help="an earlier run's folder to compare with")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("ui", help="start the chat in the browser")
    p.add_argument("--port", type=int, default=8501)
    p.set_defaults(func=cmd_ui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `trygg`; returns the exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = load_settings(**parse_overrides(args.set))
        return int(args.func(args, settings))
    except TryggError as exc:
        sys.stderr.write(f"trygg: {exc}\n")
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
