"""Warm latency of `ask` per stage, and the cold start of `trygg ask` as a user runs it.

    python bench/latency.py [--rounds 5]   (uses TRYGG_HOME's store; ingest first)
Warm: one Assistant, every question of eval/questions.jsonl asked `rounds` times after one
warm-up pass. Cold: `trygg ask --json` in a fresh process, wall time, three times.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from assistant.core import Assistant
from assistant.settings import PROJECT_ROOT, load_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    questions = [
        json.loads(line)["question"]
        for line in (PROJECT_ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assistant = Assistant(load_settings())
    for q in questions:
        assistant.ask(q)
    timings = [assistant.ask(q).timings_ms for _ in range(args.rounds) for q in questions]
    print(f"warm, {len(timings)} questions asked of one Assistant:")
    print("| stage | p50 ms | p95 ms |")
    print("|---|---|---|")
    for stage in ("retrieve", "rerank", "answer", "total"):
        values = [t[stage] for t in timings]
        print(f"| {stage} | {np.percentile(values, 50):.1f} | {np.percentile(values, 95):.1f} |")

    trygg = Path(sys.executable).parent / "trygg"
    cold = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([str(trygg), "ask", "--json", questions[0]], check=True, capture_output=True)
        cold.append(time.perf_counter() - started)
    print(f"cold `trygg ask` (new process, wall): median {np.median(cold):.2f} s, runs {[round(c, 2) for c in cold]}")


if __name__ == "__main__":
    main()
