"""Ingest throughput against the embedding engine's own speed, in one run.

    python bench/ingest_throughput.py [--rounds N]

Each round, on the bundled corpus, with one embedder shared by all runs:
1. one embedding pass over the chunk texts (what any ingest must at least do);
2. a first ingest into an empty home with the shipped vectors off
   (TRYGG_INGEST__SHIPPED_VECTORS=false), and its ratio to 1;
3. a first ingest into an empty home with the shipped vectors (the default);
4. a re-ingest of the unchanged corpus.
Prints a Markdown table of the median over rounds, chunks/s and tokens/s (tiktoken tokens
of the chunks' clean text).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from assistant.settings import load_settings
from ingest.chunking import token_counter
from ingest.pipeline import Ingestor, read_all_chunks
from vectorstore.embedders import get_embedder


def main(argv: Sequence[str] | None = None) -> int:
    """Time the engine pass and the ingests; print the table and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = load_settings(home=Path(tmp) / "probe")
        chunks = read_all_chunks([base.corpus], base)
        count = token_counter(base.chunking.encoding)
        tokens = sum(count(c.clean_text) for c in chunks)
        embedder = get_embedder(base.embedding)
        embedder.embed_documents(["uppvärmning"])  # load the model outside the timings
        for r in range(args.rounds):
            started = time.perf_counter()
            embedder.embed_documents([c.embed_text for c in chunks])
            times.setdefault("one embedding pass over the chunk texts", []).append(time.perf_counter() - started)
            for label, shipped in (
                ("first ingest, shipped vectors off", False),
                ("first ingest, shipped vectors on", True),
            ):
                settings = load_settings(home=Path(tmp) / f"{r}-{shipped}", ingest={"shipped_vectors": shipped})
                started = time.perf_counter()
                report = Ingestor(settings, embedder=embedder).run([settings.corpus])
                times.setdefault(label, []).append(time.perf_counter() - started)
                assert not report.failed, report.failed
            started = time.perf_counter()
            Ingestor(settings, embedder=embedder).run([settings.corpus])
            times.setdefault("re-ingest (unchanged)", []).append(time.perf_counter() - started)
    median = {label: statistics.median(values) for label, values in times.items()}
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
        f"{embedder.name}, threads {base.embedding.threads}; {len(chunks)} chunks, {tokens} tokens; "
        f"median of {args.rounds} round(s)"
    )
    print("| run | seconds | chunks/s | tokens/s |")
    print("|---|---|---|---|")
    for label, seconds in median.items():
        print(f"| {label} | {seconds:.2f} | {len(chunks) / seconds:.1f} | {tokens / seconds:.0f} |")
    ratio = median["first ingest, shipped vectors off"] / median["one embedding pass over the chunk texts"]
    print(f"first ingest (shipped vectors off) / one embedding pass: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
