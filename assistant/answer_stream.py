"""A streamed answer as one object: iterate it for the text as it comes, then ask for the Answer.

After simonw/llm's `Response`: `for piece in stream: ...`, then `stream.answer()` (or
`stream.text()`). Asking for the answer first runs the rest of the stream without showing it.
The pieces are the language model's own as they arrive; the Answer's text is the checked one,
which can differ (markers fixed, or the extractive answer when the model's was unusable), so a
front end shows `answer().text` once it is there.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

from assistant.records import Answer


class AnswerStream:
    """The pieces of one answer, then the finished Answer; the pieces come once."""

    def __init__(self, pieces: Generator[str, None, Answer]) -> None:
        self._pieces = pieces
        self._answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        """The stream itself: the text pieces as they are written (the work starts at the first)."""
        return self

    def __next__(self) -> str:
        """The next piece; the end of the pieces keeps the Answer."""
        if self._answer is not None:
            raise StopIteration
        try:
            return next(self._pieces)
        except StopIteration as stop:
            self._answer = stop.value
            raise StopIteration from None

    def answer(self) -> Answer:
        """The finished Answer, running what is left of the stream."""
        for _ in self:
            pass
        assert self._answer is not None
        return self._answer

    def text(self) -> str:
        """The finished answer's text."""
        return self.answer().text
