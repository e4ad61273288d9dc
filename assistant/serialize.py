"""Answers as JSON: the object `trygg ask --json` prints and a line of an evaluation's results."""

from __future__ import annotations

from typing import Any

from assistant.records import Answer


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
        "understood": answer.understood,
    }
