"""Ablations: the question set under several retrieval and chunking configurations.

    python bench/ablation.py [--questions FILE] [--out runs/ablation] [--limit N] [--set K=V]

Every configuration is a list of `--set` overrides. Each distinct chunking gets its own
temporary TRYGG_HOME, into which the corpus is ingested once; the configurations that share
a chunking share that store. One embedder is loaded and shared by all. Prints a Markdown
table; with --out, each configuration's results.jsonl, metrics.json and report.html are
written to a sub-folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from assistant.core import Assistant
from assistant.settings import PROJECT_ROOT, Settings, load_settings, parse_overrides
from eval.run import EvalRun, evaluate, prepare, write_outputs
from ingest.pipeline import Ingestor
from vectorstore.embedders import get_embedder
from vectorstore.embedders.base import Embedder

CONFIGS: list[tuple[str, list[str]]] = [
    ("dense only", ["retrieval.mode=dense", "retrieval.rerank=false"]),
    ("lexical only", ["retrieval.mode=lexical", "retrieval.rerank=false"]),
    ("hybrid, no second stage", ["retrieval.rerank=false"]),
    ("hybrid + second stage (default)", []),
    ("pooled chunk vectors, dense only", ["ingest.vectors=pooled", "retrieval.mode=dense", "retrieval.rerank=false"]),
    ("pooled chunk vectors", ["ingest.vectors=pooled"]),
    ("chunks 120 tokens", ["chunking.max_tokens=120"]),
    ("chunks 200 tokens", ["chunking.max_tokens=200"]),
    ("chunks 300 tokens", ["chunking.max_tokens=300"]),
]
COLUMNS = [
    ("hit@1", "hit@1"),
    ("hit@5", "hit@5"),
    ("MRR@10", "mrr@10"),
    ("fact recall", "fact_recall"),
    ("abstention acc.", "abstention_accuracy"),
]


def merge(base: dict[str, object], extra: dict[str, object]) -> dict[str, object]:
    """Deep-merge two nested override dicts (extra wins)."""
    out = dict(base)
    for key, value in extra.items():
        current = out.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            out[key] = merge(current, value)
        else:
            out[key] = value
    return out


def settings_for(home: Path, sets: Sequence[str], common: Sequence[str]) -> Settings:
    """Build the settings of one configuration, with its store under `home`."""
    overrides = merge(parse_overrides(list(common)), parse_overrides(list(sets)))
    overrides["home"] = str(home)
    return load_settings(**overrides)


def run_config(name: str, settings: Settings, questions: Path, embedder: Embedder, limit: int | None) -> EvalRun:
    """Ingest into the configuration's home when empty, then evaluate it."""
    if not (settings.home / "chroma").exists():
        started = time.perf_counter()
        report = Ingestor(settings, embedder=embedder).run([settings.corpus])
        if report.failed:
            raise SystemExit(f"{name}: ingest failed: {report.failed}")
        took = time.perf_counter() - started
        print(f"[{name}] ingested {report.chunks} chunks in {took:.1f} s", file=sys.stderr)
    cases, gold = prepare(settings, questions)
    if limit:
        cases = cases[:limit]
    assistant = Assistant(settings, embedder=embedder)
    assistant.ask("Vad är trygghetsprogrammet?")  # warm up: index load, first inference
    return evaluate(settings, cases, gold, assistant)


def folder_name(name: str) -> str:
    """Turn 'hybrid, no second stage' into 'hybrid_no_second_stage'."""
    return "_".join(name.split(" (")[0].replace(",", "").split())


def markdown_table(rows: Sequence[tuple[str, dict[str, object]]]) -> str:
    """Render one row per configuration: quality metrics and median latency."""
    head = ["configuration", *(label for label, _ in COLUMNS), "p50 ms"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, metrics in rows:
        overall = metrics["overall"]
        latency = metrics["latency_ms"]
        assert isinstance(overall, dict) and isinstance(latency, dict)
        cells = [name]
        for _, key in COLUMNS:
            value = overall.get(key)
            cells.append("–" if value is None else f"{value:.3f}")
        cells.append(f"{latency['total']['p50']:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every configuration and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_questions = PROJECT_ROOT / "eval" / "questions.jsonl"
    parser.add_argument("--questions", type=Path, default=default_questions)
    parser.add_argument("--out", type=Path, help="write each configuration's files here")
    parser.add_argument("--limit", type=int, help="only the first N questions (a quick look)")
    parser.add_argument("--set", action="append", default=[], help="override for all")
    parser.add_argument("--only", action="append", default=[], help="only this configuration")
    args = parser.parse_args(argv)

    configs = [c for c in CONFIGS if not args.only or c[0] in args.only]
    rows: list[tuple[str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory(prefix="trygg-ablation-") as tmp:
        homes: dict[str, Path] = {}
        embedder: Embedder | None = None
        for name, sets in configs:
            probe = settings_for(Path(tmp) / "probe", sets, args.set)
            # One store per chunking, embedding and ingest settings: what ingest depends on.
            key = json.dumps([probe.chunking.model_dump(), probe.embedding.model_dump(), probe.ingest.model_dump()])
            home = homes.setdefault(key, Path(tmp) / f"home{len(homes)}")
            settings = settings_for(home, sets, args.set)
            embedder = embedder or get_embedder(settings.embedding)
            started = time.perf_counter()
            run = run_config(name, settings, args.questions, embedder, args.limit)
            print(f"[{name}] {time.perf_counter() - started:.1f} s", file=sys.stderr)
            if args.out:
                write_outputs(run, args.out / folder_name(name))
            rows.append((name, run.metrics))
    print(markdown_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
