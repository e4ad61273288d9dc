"""Imports point one way, lowest first: vectorstore -> ingest -> assistant -> eval -> ui and the CLI.

Parses the source (no imports run), so it is fast and sees imports inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"vectorstore": 0, "ingest": 1, "assistant": 2, "eval": 3, "ui": 4, "cli": 4}


def module_name(path: Path) -> str:
    """'assistant/core.py' -> 'assistant.core'; a package's __init__ is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(tree: ast.AST) -> set[int]:
    """Ids of the import nodes inside `if TYPE_CHECKING:` blocks: annotations, not imports that run."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    return skip


def project_imports(path: Path) -> set[str]:
    """The project modules a file imports when it runs, anywhere in it."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return {m for m in found if m.split(".")[0] in LAYERS}


def sources() -> list[Path]:
    """Every module of the layered packages, and the CLI."""
    files = [ROOT / "cli.py"]
    for package in LAYERS:
        if (ROOT / package).is_dir():
            files.extend(sorted((ROOT / package).rglob("*.py")))
    return files


GRAPH = {module_name(p): project_imports(p) - {module_name(p)} for p in sources()}


def layer(module: str) -> tuple[int, str]:
    """The layer's rank and name of a module."""
    top = module.split(".")[0]
    return LAYERS[top], top


def upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a higher layer, or of a sibling top layer (ui and the CLI stay apart)."""
    bad = []
    for module, imports in graph.items():
        rank, top = layer(module)
        for imported in imports:
            other_rank, other_top = layer(imported)
            if other_rank > rank or (other_rank == rank and other_top != top):
                bad.append(f"{module} imports {imported}")
    return sorted(bad)


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles between modules (Tarjan's strongly connected components of two or more)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, set()):
            if nxt not in graph:  # a name imported from a package (vectorstore.embedders.base ...)
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_runs_up_a_layer() -> None:
    assert upward(GRAPH) == []


def test_no_import_circle() -> None:
    assert circles(GRAPH) == []


@pytest.mark.parametrize(
    ("graph", "upward_count", "circle_count"),
    [
        ({"vectorstore.a": {"assistant.b"}, "assistant.b": set()}, 1, 0),
        ({"assistant.cli": {"eval.run"}, "eval.run": {"assistant.cli"}}, 1, 1),
        ({"ui.app": {"cli"}, "cli": {"ingest.x"}, "ingest.x": set()}, 1, 0),
        ({"ingest.a": {"ingest.b"}, "ingest.b": {"ingest.a"}}, 0, 1),
        ({"eval.run": {"assistant.core", "vectorstore.records"}, "assistant.core": set()}, 0, 0),
    ],
)
def test_the_checks_catch_what_they_should(graph: dict[str, set[str]], upward_count: int, circle_count: int) -> None:
    assert (len(upward(graph)), len(circles(graph))) == (upward_count, circle_count)
