"""Text that remembers where each of its characters came from in the raw file.

Cleaning rewrites text (re-flow, de-hyphenation, OCR repair), yet a citation must point at
the raw file. A `MappedText` carries, for every character of the cleaned text, the raw span
it stands for. A replacement of equal length maps character by character; any other
replacement maps each new character to the whole raw stretch it replaced, so a span of the
cleaned text always maps to raw text that covers it, never to less.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class MappedText:
    """Cleaned text plus, per character, the raw [starts[i], ends[i]) it came from."""

    text: str
    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def identity(cls, raw: str) -> MappedText:
        """Map the raw text onto itself."""
        starts = np.arange(len(raw), dtype=np.int64)
        return cls(raw, starts, starts + 1)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span behind cleaned text[start:end] (end exclusive, non-empty span)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad span {start}:{end} of {len(self.text)}")
        return int(self.starts[start:end].min()), int(self.ends[start:end].max())

    def sub(self, pattern: str | re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> MappedText:
        """Replace every match of pattern by repl(match), keeping the map."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        pieces: list[str] = []
        starts: list[np.ndarray] = []
        ends: list[np.ndarray] = []
        pos = 0
        changed = False
        for match in regex.finditer(self.text):
            new = repl(match)
            a, b = match.span()
            if new == match.group(0):
                continue
            changed = True
            pieces.append(self.text[pos:a])
            starts.append(self.starts[pos:a])
            ends.append(self.ends[pos:a])
            if len(new) == b - a:
                new_starts, new_ends = self.starts[a:b], self.ends[a:b]
            elif b > a:
                lo, hi = self.starts[a:b].min(), self.ends[a:b].max()
                new_starts = np.full(len(new), lo, dtype=np.int64)
                new_ends = np.full(len(new), hi, dtype=np.int64)
            else:
                # An insertion at a point: anchor it to the character that follows (or precedes).
                anchor = self.starts[a] if a < len(self.text) else (self.ends[a - 1] if a else 0)
                new_starts = np.full(len(new), anchor, dtype=np.int64)
                new_ends = new_starts.copy()
            pieces.append(new)
            starts.append(new_starts)
            ends.append(new_ends)
            pos = b
        if not changed:
            return self
        pieces.append(self.text[pos:])
        starts.append(self.starts[pos:])
        ends.append(self.ends[pos:])
        return MappedText("".join(pieces), np.concatenate(starts), np.concatenate(ends))
