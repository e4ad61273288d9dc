"""The `trygg` command: ingest, sources, ask, compile, eval, ui. Thin: all the work is in the packages."""

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

from assistant import prompts
from assistant.serialize import answer_to_json
from assistant.settings import Settings, load_settings, parse_overrides
from vectorstore.errors import TryggError
from vectorstore.records import Filters


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


def plain(text: str) -> str:
    """A file name or other stored string made safe for one line of plain output."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Ingest files and folders (default: the bundled corpus); or rebuild the store."""
    from ingest.pipeline import Ingestor

    progress = None if args.json else _progress_bar()
    if args.rebuild:
        from ingest.rebuild import rebuild_store

        report = rebuild_store(settings, [Path(p) for p in args.paths], progress)
    else:
        paths = [Path(p) for p in args.paths] or [settings.corpus]
        report = Ingestor(settings).run(paths, prune=args.prune, progress=progress)
    if args.json:
        _print_json(report.to_json())
    else:
        sys.stdout.write(
            f"{report.files} filer, {report.chunks} stycken i lagret, {report.embedded} nyinbäddade, "
            f"{report.unchanged} oförändrade, {len(report.failed)} misslyckade ({report.seconds:.1f} s)\n"
        )
        for source in report.removed_sources:
            sys.stdout.write(f"borttagen: {plain(source)}\n")
        for failure in report.failed:
            sys.stdout.write(f"MISSLYCKADES: {plain(failure.file)}: {plain(failure.reason)}\n")
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
                plain(
                    f"{row['source']}  {row['responder']}  {row['period']}  {row['date']}  "
                    f"{row['chunks']} stycken  {row['title']}"
                )
                + "\n"
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
            "\n"
            + plain(
                f"[{c.n}] {c.chunk.meta.responder} – {c.chunk.section or c.chunk.meta.title} "
                f"({c.chunk.source}, tecken {c.chunk.start}–{c.chunk.end})"
            )
            + "\n"
        )
    if answer.abstained and answer.passages:
        # Passages, not citations: the closest the documents come, for the user to judge.
        sys.stdout.write(f"\n{prompts.NEARBY_PASSAGES}:\n")
        for h in answer.passages[: prompts.NEARBY_COUNT]:
            sys.stdout.write(
                plain(
                    f"- {h.chunk.meta.responder} – {h.chunk.section or h.chunk.meta.title} "
                    f"({h.chunk.source}, tecken {h.chunk.start}–{h.chunk.end})"
                )
                + "\n"
            )
    for note in answer.notes:
        if note not in answer.text:  # a refusal's reason is already in its text
            sys.stdout.write(f"\n{plain(note)}\n")
    return 0


def cmd_compile(args: argparse.Namespace, settings: Settings) -> int:
    """Compile what each responder says on each topic (a remissammanställning)."""
    from assistant.compilation import compile_topics, resolve_filters, to_json
    from assistant.core import Assistant
    from assistant.export import position_text, to_csv, to_docx, to_xlsx

    assistant = Assistant(settings)
    compilation = compile_topics(assistant, args.topics, resolve_filters(assistant, args.responder, args.period))
    for path, write in ((args.docx, to_docx), (args.csv, to_csv), (args.xlsx, to_xlsx)):
        if path:
            Path(path).write_bytes(write(compilation))
    if args.json:
        _print_json(to_json(compilation))
        return 0
    for item in compilation.topics:
        sys.stdout.write(f"\n## {item.topic}\n")
        for view in item.views:
            said = " ".join(
                f"{s.ref.clean_text} ({s.ref.source}, tecken {s.ref.start}–{s.ref.end})" for s in view.statements
            )
            sys.stdout.write(
                f"\n{view.responder} – {position_text(view)}\n{said}\n"
                if said
                else f"\n{view.responder} – {position_text(view)}\n"
            )
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Run a question set and write results, metrics and a report."""
    from eval.run import run_eval

    return run_eval(settings, Path(args.file), Path(args.out), Path(args.compare) if args.compare else None)


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    """Start the Streamlit app through ui.serve, which checks the address and sign-in first."""
    command = [sys.executable, "-m", "ui.serve", "--host", args.host, "--port", str(args.port)]
    if args.without_sign_in:
        command.append("--without-sign-in")
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
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="set the store aside and re-create it from the documents it knew (and the paths given)",
    )
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

    p = sub.add_parser("compile", help="what each responder says on each topic (remissammanställning)")
    p.add_argument("topics", nargs="+", metavar="TOPIC")
    p.add_argument("--responder", action="append", default=[], help="only this responder (repeatable)")
    p.add_argument("--period", action="append", default=[], help="only this programme period, e.g. 2024–2027")
    p.add_argument("--json", action="store_true", help="print the compilation as JSON")
    p.add_argument("--docx", metavar="FILE", help="write a Word document: a heading and a table per topic")
    p.add_argument("--csv", metavar="FILE", help="write one row per cited sentence as CSV")
    p.add_argument("--xlsx", metavar="FILE", help="write the same rows as an Excel workbook")
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser("eval", help="run a question set")
    p.add_argument("file")
    p.add_argument("--out", required=True)
    p.add_argument("--compare", help="an earlier run's folder to compare with")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("ui", help="start the chat in the browser")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    p.add_argument(
        "--without-sign-in",
        action="store_true",
        help="allow listening beyond this machine without sign-in (prints a warning)",
    )
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
