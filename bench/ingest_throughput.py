"""Ingest throughput: a first ingest of the bundled corpus into an empty home, then a re-ingest.

    python bench/ingest_throughput.py            (real default embedder, temp home)
Prints chunks/s and tokens/s (tiktoken tokens of the chunks' clean text) for both runs.
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from pathlib import Path

from assistant.settings import load_settings
from ingest.chunking import token_counter
from ingest.pipeline import Ingestor
from vectorstore.chroma_store import ChromaStore


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(home=Path(tmp) / "home")
        rows = []
        for label in ("first ingest", "re-ingest (unchanged)"):
            started = time.perf_counter()
            report = Ingestor(settings).run([settings.corpus])
            seconds = time.perf_counter() - started
            count = token_counter(settings.chunking.encoding)
            tokens = sum(count(c.clean_text) for c in ChromaStore(settings).all_chunks())
            rows.append((label, report.chunks, report.embedded, seconds, tokens))
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores; embedder {settings.embedding.backend}")
        print("| run | chunks | embedded | seconds | chunks/s | tokens/s |")
        print("|---|---|---|---|---|---|")
        for label, chunks, embedded, seconds, tokens in rows:
            print(
                f"| {label} | {chunks} | {embedded} | {seconds:.2f} | {chunks / seconds:.1f} | {tokens / seconds:.0f} |"
            )
        print(f"re-ingest / first ingest time: {rows[1][3] / rows[0][3]:.4f}")


if __name__ == "__main__":
    main()
