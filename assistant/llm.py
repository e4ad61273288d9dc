"""The optional language-model answer: a LangChain chat model writes from numbered passages.

The extractive composer stays the default; this backend is used when
`answer.backend = "llm"`. The model sees the question and at most five passages, each
numbered and fenced in `<utdrag nr="n">...</utdrag>` inside the user message; the system
message holds only our own instructions, so nothing a document says can pose as one.
Whatever the model writes is checked before it is shown: markers that point at no passage
are removed and reported, the citations are exactly the passages still cited, and an
answer that cites nothing is not used at all (the caller falls back to the extractive one).
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from assistant import prompts
from assistant.records import Citation, Hit
from assistant.settings import AnswerSettings
from vectorstore.errors import BackendMissingError, ConfigError, TryggError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)

LLM_PASSAGES = 5  # passages the model is given, as many as the extractive composer considers
NOT_FOUND_NOTE = "språkmodellen fann inget svar i utdragen"
NO_MARKERS = "svaret hänvisade inte till något utdrag"
_RANGE_LIMIT = 20  # '[1-3]' is read as 1, 2, 3; a wider range only as its two ends

# One marker group: [3], [1, 2], [1;2], [1-3]; a cluster is groups side by side: [1][2], [1] [2].
_NUMBERS = r"\d{1,6}(?:\s*[-–]\s*\d{1,6})?(?:\s*[,;]\s*\d{1,6}(?:\s*[-–]\s*\d{1,6})?)*"
_GROUP = rf"\[\s*{_NUMBERS}\s*\]"
_CLUSTER = re.compile(rf"(?P<lead>[ \t]*)(?P<body>{_GROUP}(?:[ \t]*{_GROUP})*)")
_ITEM = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")
# A passage must not be able to close its own fence (or open a fake one).
_FENCE = re.compile(r"<\s*/?\s*utdrag\b[^>\n]*>?", re.I)


class MarkerCheck(NamedTuple):
    """An answer's text with only valid markers, renumbered, and what was kept and removed.

    `used` holds the original passage numbers in order of first use: passage `used[i]` is
    cited as [i + 1] in `text`. `removed` holds the numbers that named no passage.
    """

    text: str
    used: tuple[int, ...]
    removed: tuple[int, ...]


def _numbers(body: str) -> list[int]:
    out: list[int] = []
    for first, last in _ITEM.findall(body):
        a, b = int(first), int(last or first)
        out.extend(range(a, b + 1) if 0 <= b - a <= _RANGE_LIMIT else (a, b))
    return out


def check_markers(text: str, n_passages: int) -> MarkerCheck:
    """Keep the markers that refer to one of passages 1..n_passages, renumbered 1..m by first use.

    Every other marker is removed (with the spaces before it) and reported. A cluster such
    as '[1, 2]' or '[1][2]' becomes '[1][2]' in the new numbers, each passage once.
    """
    renumber: dict[int, int] = {}
    removed: dict[int, None] = {}

    def replace(match: re.Match[str]) -> str:
        new: list[int] = []
        for n in _numbers(match["body"]):
            if not 1 <= n <= n_passages:
                removed.setdefault(n)
                continue
            m = renumber.setdefault(n, len(renumber) + 1)
            if m not in new:
                new.append(m)
        if not new:
            return ""
        return match["lead"] + "".join(f"[{m}]" for m in new)

    checked = _CLUSTER.sub(replace, text)
    return MarkerCheck(checked.strip(), tuple(renumber), tuple(removed))


def says_not_found(text: str) -> bool:
    """The model gave the fixed 'not in the documents' answer (perhaps quoted, perhaps with more)."""
    phrase = prompts.NOT_IN_DOCUMENTS.rstrip(".").casefold()
    return phrase in " ".join(text.split()).casefold()


@dataclass(frozen=True)
class CheckedAnswer:
    """A model's answer as it may be shown: valid markers only, and the passages they cite."""

    text: str
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


def checked_answer(raw: str, passages: Sequence[Hit]) -> CheckedAnswer | None:
    """The model's answer made safe to show, or None when it cites no passage (do not show it)."""
    if says_not_found(raw):
        return CheckedAnswer(prompts.NOT_IN_DOCUMENTS, (), (NOT_FOUND_NOTE,))
    check = check_markers(raw, len(passages))
    if not check.used:
        return None
    citations = tuple(Citation(m, passages[n - 1].chunk) for m, n in enumerate(check.used, start=1))
    notes = tuple(prompts.MARKER_REMOVED.format(n=n) for n in check.removed)
    return CheckedAnswer(check.text, citations, notes)


def format_passages(passages: Sequence[Hit]) -> str:
    """The numbered passages, each fenced, with where it comes from on its first line."""
    blocks = []
    for n, hit in enumerate(passages, start=1):
        chunk = hit.chunk
        origin = " – ".join(p for p in (chunk.meta.responder or chunk.meta.title, chunk.section) if p)
        body = _FENCE.sub(" ", f"[{n}] {origin}\n{chunk.clean_text}".strip())
        blocks.append(f'<utdrag nr="{n}">\n{body}\n</utdrag>')
    return "\n\n".join(blocks)


def failure_reason(exc: BaseException, timeout_s: float) -> str:
    """Why the model gave no answer, in a few plain words for the answer's notes."""
    name = type(exc).__name__
    if isinstance(exc, TimeoutError) or "timeout" in name.lower():
        return f"inget svar inom {timeout_s:g} s"
    if isinstance(exc, TryggError):
        return str(exc)
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        return f"servern svarade med fel {status}"
    if "connect" in name.lower():
        return "servern gick inte att nå"
    return name


class _Failed(NamedTuple):
    error: BaseException


def within(start: Callable[[], Iterator[str]], seconds: float) -> Iterator[str]:
    """The pieces of `start()`, read in a worker thread; TimeoutError once `seconds` have passed.

    The deadline holds for the whole answer, however the transport behaves; a worker left
    waiting on the network stops at the client's own timeout and is discarded.
    """
    pieces: queue.Queue[str | _Failed | None] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        try:
            tokens = start()
            try:
                for token in tokens:
                    if stop.is_set():
                        return
                    pieces.put(token)
            finally:
                close = getattr(tokens, "close", None)
                if close is not None:
                    close()
        except BaseException as exc:  # handed to the reader, who decides
            pieces.put(_Failed(exc))
        else:
            pieces.put(None)

    threading.Thread(target=work, name="llm-stream", daemon=True).start()
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                item = pieces.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                raise TimeoutError(f"no answer within {seconds:g} s") from None
            if item is None:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        stop.set()


class LLMAnswerer:
    """A LangChain chat model, built on first use, that answers from numbered passages."""

    def __init__(self, settings: AnswerSettings) -> None:
        self.settings = settings
        self._model: BaseChatModel | None = None
        self._lock = threading.Lock()

    def chat_model(self) -> BaseChatModel:
        """The configured chat model, or say which package or setting is missing."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._build()
        return self._model

    def _build(self) -> BaseChatModel:
        s = self.settings
        if not s.llm_model:
            raise ConfigError("TRYGG_ANSWER__LLM_MODEL måste ange en chattmodell, t.ex. gpt-4o-mini eller llama3.1.")
        if s.llm_provider == "ollama":
            try:
                from langchain_ollama import ChatOllama
            except ImportError as exc:
                raise BackendMissingError("langchain-ollama saknas: pip install langchain-ollama") from exc
            return ChatOllama(
                model=s.llm_model, base_url=s.llm_base_url or None, client_kwargs={"timeout": s.llm_timeout_s}
            )
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise BackendMissingError("langchain-openai saknas: pip install langchain-openai") from exc
        try:
            return ChatOpenAI(
                model=s.llm_model,
                base_url=s.llm_base_url or None,
                api_key=s.llm_api_key or None,  # type: ignore[arg-type]  # None: OPENAI_API_KEY
                timeout=s.llm_timeout_s,
                max_retries=0,  # a failed call falls back to the extractive answer at once
                streaming=True,
            )
        except Exception as exc:  # the client refuses its configuration, e.g. no API key
            raise ConfigError(f"Språkmodellen kunde inte konfigureras: {exc}") from exc

    def messages(self, question: str, passages: Sequence[Hit]) -> list[BaseMessage]:
        """Our instructions as the system message; the passages, fenced, and the question as the user's."""
        from langchain_core.messages import HumanMessage, SystemMessage

        system = prompts.LLM_SYSTEM.format(not_found=prompts.NOT_IN_DOCUMENTS)
        user = prompts.LLM_USER.format(passages=format_passages(passages), question=question)
        return [SystemMessage(system), HumanMessage(user)]

    def stream(self, question: str, passages: Sequence[Hit]) -> Iterator[str]:
        """The model's answer in pieces as they arrive; TimeoutError after `llm_timeout_s` in all."""
        model = self.chat_model()  # loading the package does not count against the deadline
        messages = self.messages(question, passages)
        for token in within(lambda: (chunk.text for chunk in model.stream(messages)), self.settings.llm_timeout_s):
            if token:
                yield token
