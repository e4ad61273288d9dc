"""Rewrite `from X import name` statements after modules and names moved between layers.

    python scripts/replay_moves.py [PATH ...]      (default: every .py file under the project)

For merging branches written before the moves: run it on the branch, then `ruff check --fix`
(import order) and `ruff format`. MOVES lists each moved name (old module, name) -> new
module; a whole-module move maps the name "*". Only `from ... import ...` statements are
rewritten; `python -m assistant.cli` style strings must be fixed by hand (there was one).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MOVES: dict[tuple[str, str], str] = {
    ("assistant.errors", "*"): "vectorstore.errors",
    ("assistant.records", "DocMeta"): "vectorstore.records",
    ("assistant.records", "Chunk"): "vectorstore.records",
    ("assistant.records", "Filters"): "vectorstore.records",
    ("assistant.cli", "answer_to_json"): "assistant.serialize",
    ("assistant.cli", "*"): "cli",
    # Also changed signature: rebuild_lexical_index(store, index_dir), lexical_index_agrees(index_dir, ids).
    ("ingest.pipeline", "rebuild_lexical_index"): "vectorstore.lexical_sync",
    ("ingest.pipeline", "lexical_index_agrees"): "vectorstore.lexical_sync",
    ("assistant.settings", "Section"): "vectorstore.config",
    ("assistant.settings", "EmbeddingSettings"): "vectorstore.config",
    ("assistant.settings", "ChunkingSettings"): "ingest.config",
    ("assistant.settings", "IngestSettings"): "ingest.config",
}


def target(module: str, name: str) -> str:
    """Where `name`, once imported from `module`, lives now."""
    return MOVES.get((module, name)) or MOVES.get((module, "*")) or module


def rewrite(source: str) -> str:
    """The source with every moved import pointed at its new module."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level or node.module is None:
            continue
        groups: dict[str, list[str]] = {}
        for alias in node.names:
            text = alias.name + (f" as {alias.asname}" if alias.asname else "")
            groups.setdefault(target(node.module, alias.name), []).append(text)
        if list(groups) == [node.module]:
            continue
        indent = lines[node.lineno - 1][: node.col_offset]
        new = "".join(f"{indent}from {module} import {', '.join(names)}\n" for module, names in groups.items())
        edits.append((node.lineno - 1, node.end_lineno or node.lineno, new))
    for start, end, new in sorted(edits, reverse=True):
        tail = lines[end - 1]
        comment = tail[tail.index("#") :] if "#" in tail and ")" not in tail[tail.index("#") :] else ""
        if comment:
            new = new.rstrip("\n") + "  " + comment.rstrip("\n") + "\n"
        lines[start:end] = [new]
    return "".join(lines)


def main(argv: list[str]) -> int:
    """Rewrite the given files, or the whole project."""
    paths = [Path(p) for p in argv] or [p for p in ROOT.rglob("*.py") if ".venv" not in p.parts]
    for path in paths:
        source = path.read_text(encoding="utf-8")
        new = rewrite(source)
        if new != source:
            path.write_text(new, encoding="utf-8")
            sys.stderr.write(f"rewrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
