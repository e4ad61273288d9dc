"""Helpers for the evaluation tests: a scripted assistant and an independent scorer."""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.records import Answer, Citation, Hit
from vectorstore.records import Chunk, DocMeta


def chunk(source: str, start: int, end: int, text: str = "") -> Chunk:
    """A chunk at a span; the text is only for show."""
    return Chunk(
        id=f"{source}:{start}-{end}",
        source=source,
        start=start,
        end=end,
        text=text,
        clean_text=text,
        section="",
        ordinal=0,
        meta=DocMeta(),
        file_sha="",
        doc_chunks=1,
    )


class ScriptedAsker:
    """Answers from a script: question -> (passage spans, cited ranks, text, abstained)."""

    def __init__(
        self,
        script: dict[str, tuple[list[tuple[str, int, int]], list[int], str, bool]],
        extra_ms: float = 0.0,
    ):
        self.script = script
        self.extra_ms = extra_ms

    def ask(self, question: str) -> Answer:
        spans, cited, text, abstained = self.script[question]
        hits = tuple(Hit(chunk(s, a, b, f"stycke {s} {a}-{b}"), 1.0 / (i + 1)) for i, (s, a, b) in enumerate(spans))
        citations = tuple(Citation(n, hits[rank - 1].chunk) for n, rank in enumerate(cited, 1))
        total = 6.5 + len(question) % 7 + self.extra_ms
        timings = {"retrieve": 5.0, "rerank": 1.0, "answer": 0.5, "total": total}
        return Answer(question, text, abstained, citations, hits, timings)


def independent_retrieval_scores(results_file: Path, questions_file: Path, corpus: Path) -> dict[str, float]:
    """hit@5 and MRR@10 over answerable questions, recomputed from results.jsonl without eval/.

    Written differently on purpose: gold quotes are found with a regular expression allowing
    any whitespace between their characters, and overlap is a set intersection of offsets.
    """
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus.iterdir() if p.is_file()}
    cases = {}
    for line in questions_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases[row["id"]] = row
    gold_offsets: dict[str, set[tuple[str, int]]] = {}
    for case_id, row in cases.items():
        offsets: set[tuple[str, int]] = set()
        for expected in row.get("expected", []):
            pattern = r"\s*".join(re.escape(ch) for ch in expected["quote"] if not ch.isspace())
            names = [expected["source"]] if expected.get("source") else list(texts)
            for name in names:
                for m in re.finditer(pattern, texts[name]):
                    offsets |= {(name, i) for i in range(m.start(), m.end())}
        gold_offsets[case_id] = offsets
    hits, reciprocal = [], []
    for line in results_file.read_text(encoding="utf-8").splitlines():
        result = json.loads(line)
        if not cases[result["id"]]["answerable"]:
            continue
        gold = gold_offsets[result["id"]]
        ranks = [
            p["rank"]
            for p in result.get("passages", [])
            if {(p["source"], i) for i in range(p["start"], p["end"])} & gold
        ]
        first = min(ranks) if ranks else None
        hits.append(1.0 if first is not None and first <= 5 else 0.0)
        reciprocal.append(1.0 / first if first is not None and first <= 10 else 0.0)
    return {"hit@5": sum(hits) / len(hits), "mrr@10": sum(reciprocal) / len(reciprocal)}
