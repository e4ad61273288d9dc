"""What every browser session of one server process shares: settings, the assistant, feedback.

The model and the store load once per process. Resources are keyed by the settings, so a
process that sees other TRYGG_* variables (a test, say) gets its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from assistant.core import Assistant
from assistant.settings import Settings, load_settings
from ingest.pipeline import Ingestor, IngestReport, Progress
from ui.conversations import ConversationStore
from ui.feedback import FeedbackStore
from vectorstore.chroma_store import SourceState

STAGE_LABELS = {"filer": "Läser filer", "inbäddning": "Beräknar vektorer"}


@dataclass
class Shared:
    """Process-wide state beside the assistant: who is ingesting, and the store's generation."""

    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    generation: int = 0


@st.cache_resource(show_spinner=False)
def _settings(env: tuple[tuple[str, str], ...]) -> Settings:
    return load_settings()


def settings() -> Settings:
    """Return the settings for the TRYGG_* variables this process has now."""
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("TRYGG_")))
    return _settings(env)


def _key(s: Settings) -> str:
    return s.model_dump_json()


@st.cache_resource(show_spinner="Laddar språkmodellen och dokumentlagret …")
def _assistant(key: str, _settings: Settings) -> Assistant:
    assistant = Assistant(_settings)
    _ = assistant.embedder  # load the model now, not on the first question
    return assistant


def assistant(s: Settings) -> Assistant:
    """Return the one assistant of this process (thread-safe for questions)."""
    return _assistant(_key(s), s)


@st.cache_resource(show_spinner=False)
def _shared(key: str) -> Shared:
    return Shared()


def shared(s: Settings) -> Shared:
    """Return the ingest lock and store generation of this process."""
    return _shared(_key(s))


@st.cache_resource(show_spinner=False)
def _feedback(path: str) -> FeedbackStore:
    return FeedbackStore(Path(path))


def feedback_store(s: Settings) -> FeedbackStore:
    """Return the store of ratings of answers, at home/feedback.sqlite."""
    return _feedback(str(s.feedback_db))


@st.cache_resource(show_spinner=False)
def _conversations(path: str) -> ConversationStore:
    return ConversationStore(Path(path))


def conversation_store(s: Settings) -> ConversationStore:
    """Return the store of saved conversations, at home/conversations.sqlite."""
    return _conversations(str(s.home / "conversations.sqlite"))


@st.cache_data(show_spinner=False, ttl=600)
def _catalog(key: str, generation: int, _assistant: Assistant) -> list[SourceState]:
    states = _assistant.store.inventory().values()
    return sorted(states, key=lambda s: (s.meta.title or s.source, s.source))


def catalog(s: Settings) -> list[SourceState]:
    """Return the documents in the store, by title; cached until the next ingest."""
    return _catalog(_key(s), shared(s).generation, assistant(s))


def ingest(
    s: Settings, paths: list[Path], progress: Progress | None, uploaded_by: str = "", isolate: bool = False
) -> IngestReport:
    """Ingest files with the shared model and store, one ingest at a time per process.

    isolate reads each file in a worker process bounded in memory and time (uploads).
    """
    box = shared(s)
    helper = assistant(s)
    with box.ingest_lock:
        try:
            ingestor = Ingestor(s, store=helper.store, embedder=helper.embedder, isolate=isolate)
            report = ingestor.run(paths, progress=progress, uploaded_by=uploaded_by)
            helper.warm_sentence_vectors(report.pending_sentences)
            return report
        finally:
            box.generation += 1


def progress_bar(text: str) -> tuple[Progress, Callable[[], None]]:
    """Return a progress callback for Ingestor.run drawing a st.progress bar, and its remover."""
    bar = st.progress(0.0, text=text)
    files = [0.0]

    def update(stage: str, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if stage == "filer":
            files[0] = fraction
        label = STAGE_LABELS.get(stage, stage)
        bar.progress(min(files[0], 1.0), text=f"{text} {label}: {done} av {total}")

    def remove() -> None:
        bar.empty()

    return update, remove
