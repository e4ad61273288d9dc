"""The question set and where its gold quotes are: each quote as character spans of a corpus file.

A gold quote is a verbatim passage of a corpus file, but its whitespace may differ from the
file's (line breaks, double spaces). It is located by comparing both with every whitespace
character removed, then mapping the match back to offsets in the file text as ingested
(`ingest.loaders.load_text`), so gold spans and chunk spans are in the same coordinates.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ingest.loaders import SUPPORTED_SUFFIXES, load_text
from vectorstore.errors import TryggError


class GoldError(TryggError):
    """The question set is malformed or one of its gold quotes is not in the corpus."""


@dataclass(frozen=True)
class Expected:
    """A gold quote as written in the question set; `source` is a file name or empty (any file)."""

    quote: str
    source: str = ""


@dataclass(frozen=True)
class Case:
    """One line of the question set."""

    id: str
    question: str
    answerable: bool
    expected: tuple[Expected, ...] = ()
    must_include: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldSpan:
    """Where a gold quote is: `file_text[start:end]` of the file named `source`."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote and every place it was found (one place when its source is given)."""

    quote: str
    spans: tuple[GoldSpan, ...]


def load_cases(path: Path) -> list[Case]:
    """Read a question set (one JSON object per line) or raise GoldError naming the bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"Frågefilen {path} kan inte läsas: {exc.strerror or exc}") from exc
    cases: list[Case] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            case = Case(
                id=str(row["id"]),
                question=str(row["question"]),
                answerable=bool(row.get("answerable", True)),
                expected=tuple(Expected(str(e["quote"]), str(e.get("source") or "")) for e in row.get("expected", [])),
                must_include=tuple(str(m) for m in row.get("must_include", [])),
                tags=tuple(str(t) for t in row.get("tags", [])),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{Path(path).name} rad {number}: felaktig fråga ({exc})") from exc
        cases.append(case)
    ids = [c.id for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GoldError(f"{Path(path).name}: id förekommer flera gånger: {', '.join(duplicates)}")
    return cases


@dataclass(frozen=True)
class _Squeezed:
    """A text with its whitespace removed, and for each kept character its offset in the text."""

    text: str
    offsets: tuple[int, ...]


def squeeze(text: str) -> _Squeezed:
    """Drop every whitespace character, remembering where each remaining one came from."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return _Squeezed("".join(ch for _, ch in kept), tuple(i for i, _ in kept))


def find_spans(quote: str, text: str) -> list[tuple[int, int]]:
    """Every [start, end) of `text` that equals `quote` up to whitespace, first to last."""
    return _find(squeeze(quote).text, squeeze(text))


def _find(needle: str, hay: _Squeezed) -> list[tuple[int, int]]:
    if not needle:
        return []
    found: list[tuple[int, int]] = []
    at = hay.text.find(needle)
    while at >= 0:
        found.append((hay.offsets[at], hay.offsets[at + len(needle) - 1] + 1))
        at = hay.text.find(needle, at + 1)
    return found


class Corpus:
    """The corpus folder's files, read once, for locating gold quotes."""

    def __init__(self, folder: Path, max_file_mb: float = 50.0) -> None:
        self.folder = Path(folder)
        self.max_bytes = int(max_file_mb * 1024 * 1024)
        self._squeezed: dict[str, _Squeezed] = {}

    @cached_property
    def sources(self) -> list[str]:
        """The file names of the corpus, sorted."""
        if not self.folder.is_dir():
            raise GoldError(f"Korpusmappen {self.folder} finns inte")
        return sorted(p.name for p in self.folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)

    def text(self, source: str) -> str:
        """Read one corpus file exactly as ingest reads it."""
        path = self.folder / source
        if not path.is_file():
            raise GoldError(f"Källfilen {source} finns inte i {self.folder}")
        return load_text(path, self.max_bytes)

    def _squeezed_text(self, source: str) -> _Squeezed:
        if source not in self._squeezed:
            self._squeezed[source] = squeeze(self.text(source))
        return self._squeezed[source]

    def locate(self, expected: Expected) -> GoldQuote:
        """Every span of the quote in its source file (or in any file), or raise GoldError."""
        needle = squeeze(expected.quote).text
        if not needle:
            raise GoldError("Ett guldcitat är tomt")
        sources: Sequence[str] = [expected.source] if expected.source else self.sources
        spans = tuple(
            GoldSpan(source, start, end)
            for source in sources
            for start, end in _find(needle, self._squeezed_text(source))
        )
        if not spans:
            where = expected.source or f"någon fil i {self.folder}"
            raise GoldError(f"Guldcitatet finns inte i {where}: {_abbreviate(expected.quote)!r}")
        return GoldQuote(expected.quote, spans)


def locate_cases(cases: Iterable[Case], corpus: Corpus) -> dict[str, tuple[GoldQuote, ...]]:
    """Locate the gold quotes of every case, by case id; a missing quote raises GoldError."""
    located: dict[str, tuple[GoldQuote, ...]] = {}
    for case in cases:
        try:
            located[case.id] = tuple(corpus.locate(e) for e in case.expected)
        except GoldError as exc:
            raise GoldError(f"Fråga {case.id}: {exc}") from exc
    return located


def _abbreviate(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
