"""A persisted BM25 index over the chunks, with the Swedish analyzer.

Built at ingest time from the store's chunks and written beside the store, so a question
never rebuilds it. The file carries a fingerprint of the chunk ids it was built from (to
check it agrees with Chroma) and a checksum (to detect a damaged file, which is rebuilt).
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import os
import re
import threading
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from vectorstore.analyzer import (
    FOLDED_STOPWORDS,
    HEAD_ENDINGS,
    STOPWORDS,
    analyze_words,
    fold,
    term,
    term_matches,
    words,
)
from vectorstore.errors import StoreError
from vectorstore.records import Document

INDEX_FILE = "bm25.npz"
FORMAT_VERSION = 5  # 5: the acronyms the texts spell out
_GENITIVE = re.compile(r"'s$", re.I)  # English writes a genitive with an apostrophe; Swedish does not
_VOWEL = re.compile(r"[aeiouy]")


def fingerprint(ids: Iterable[str]) -> str:
    """An order-free digest of a set of chunk ids."""
    digest = hashlib.sha256()
    for chunk_id in sorted(ids):
        digest.update(chunk_id.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class IndexedChunk:
    """What the lexical index keeps of a chunk: its id, filterable fields and text to analyze."""

    id: str
    text: str
    source: str
    responder: str
    period: str
    ordinal: int = -1


def starting(sorted_words: Sequence[str], prefix: str) -> Iterator[str]:
    """The words of a sorted list that start with prefix."""
    at = bisect.bisect_left(sorted_words, prefix)
    while at < len(sorted_words) and sorted_words[at].startswith(prefix):
        yield sorted_words[at]
        at += 1


def undefined(word: str) -> str:
    """A noun in -er without its definite ending, which keeps no stem in common with it: 'klottret' -> 'klotter'."""
    return word[:-3] + "er" if word.endswith("ret") else word


class LexicalIndex:
    """BM25 (Okapi, k1=1.2, b=0.75) over an inverted index held in numpy arrays."""

    k1 = 1.2
    b = 0.75

    def __init__(
        self,
        ids: list[str],
        columns: dict[str, list[str]],
        vocab: dict[str, int],
        postings_ptr: np.ndarray,
        postings_doc: np.ndarray,
        postings_tf: np.ndarray,
        doc_len: np.ndarray,
        spellings: dict[str, str] | None = None,
        acronyms: dict[str, str] | None = None,
    ) -> None:
        self.ids = ids
        # Each acronym the texts spell out, with its words as written ('MVP' -> 'Mentorer i våldsprevention'):
        # a question that uses one also searches the words a response may use instead.
        self.acronyms = acronyms or {}
        # Each word of the texts, lower-cased and folded, with the spelling the texts use most
        # ("tjansteutlatande" -> "tjänsteutlåtande"): what a misspelt or ASCII-typed question is matched to.
        self.spellings = spellings or {}
        self.folded_words = sorted(self.spellings)
        self.columns = columns
        self.vocab = vocab
        self.ptr = postings_ptr
        self.doc = postings_doc
        self.tf = postings_tf
        self.doc_len = doc_len
        self.fingerprint = fingerprint(ids)
        self.responders = frozenset(columns["responder"]) - {""}
        # Each document once, in the order indexed: what the catalogue, scopes and periods are read from.
        rows = zip(columns["source"], columns["responder"], columns["period"], strict=True)
        self.documents = tuple(dict.fromkeys(Document(*row) for row in rows))
        # (source, position) -> id, so a neighbouring chunk is fetched by id, not by a filter.
        self.positions = dict(zip(zip(columns["source"], columns["ordinal"], strict=True), ids, strict=True))
        n = len(ids)
        df = np.diff(self.ptr).astype(np.float64)
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5))
        self.avg_len = float(doc_len.mean()) if n else 0.0
        self.sorted_vocab = sorted(vocab)
        self.reversed_vocab = sorted(w[::-1] for w in vocab)  # for the terms that end with a given one

    @classmethod
    def build(cls, chunks: Sequence[IndexedChunk]) -> LexicalIndex:
        """Analyze every chunk and build the postings."""
        vocab: dict[str, int] = {}
        rows: list[tuple[int, int, int]] = []  # (term id, doc, tf)
        doc_len = np.zeros(len(chunks), dtype=np.float32)
        written: Counter[str] = Counter()
        acronyms: dict[str, str] = {}
        for doc, chunk in enumerate(chunks):
            for short, long in spelled_out(chunk.text):
                acronyms.setdefault(short, long)
            tokens = words(chunk.text)  # tokenised once: for the spellings and for the terms
            written.update(w for w in tokens if w.isalpha())
            terms = analyze_words(tokens)
            doc_len[doc] = len(terms)
            for word, count in Counter(terms).items():
                rows.append((vocab.setdefault(word, len(vocab)), doc, count))
        table = np.array(rows, dtype=np.int64).reshape(-1, 3)
        table = table[np.lexsort((table[:, 1], table[:, 0]))]
        ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.add.at(ptr, table[:, 0] + 1, 1)
        columns = {
            "source": [c.source for c in chunks],
            "responder": [c.responder for c in chunks],
            "period": [c.period for c in chunks],
            "ordinal": [str(c.ordinal) for c in chunks],
        }
        return cls(
            [c.id for c in chunks],
            columns,
            vocab,
            np.cumsum(ptr),
            table[:, 1].astype(np.int32),
            table[:, 2].astype(np.float32),
            doc_len,
            most_common_spellings(written),
            acronyms,
        )

    @cached_property
    def term_spellings(self) -> dict[str, str]:
        """Each term -> the shortest of the texts' words analysed to it: what a misspelt inflection is matched to."""
        out: dict[str, str] = {}
        for written in sorted(self.spellings.values(), key=lambda w: (len(w), w)):
            out.setdefault(term(written), written)
        return out

    def related(self, terms: Iterable[str]) -> dict[str, dict[str, float]]:
        """Each term -> the known terms that hold it in a compound or stem it another way, with their idf.

        Swedish joins words ('orsaksanalys' holds 'orsak' and 'analys'), so a question's words often
        meet a passage only inside a longer word (vectorstore.analyzer.term_matches). Two sorted
        searches per term (about 0.03 ms a question), so nothing is cached.
        """
        out = {}
        for t in terms:
            # Only terms that begin or end with t, or that t extends by a letter or two, can match.
            found = set(starting(self.sorted_vocab, t))
            for ending in HEAD_ENDINGS:  # a compound's head, with the ending the stemmer left on it
                found.update(w[::-1] for w in starting(self.reversed_vocab, (t + ending)[::-1]))
            found.update(t[:-n] for n in (1, 2) if t[:-n] in self.vocab)
            out[t] = {v: float(self.idf[self.vocab[v]]) for v in found if v != t and term_matches(t, v)}
        return out

    def __len__(self) -> int:
        """Number of chunks indexed."""
        return len(self.ids)

    def chunk_at(self, source: str, ordinal: int) -> str | None:
        """The id of the chunk at a position of a document, if indexed."""
        return self.positions.get((source, str(ordinal)))

    def allowed(self, field: str, values: Sequence[str]) -> np.ndarray:
        """Boolean mask of chunks whose field is one of values."""
        wanted = set(values)
        return np.fromiter((v in wanted for v in self.columns[field]), dtype=bool, count=len(self.ids))

    def postings(self, term: str) -> set[int]:
        """The positions of the chunks that hold the analysed term (none for a term the index lacks)."""
        tid = self.vocab.get(term)
        return set() if tid is None else {int(d) for d in self.doc[self.ptr[tid] : self.ptr[tid + 1]]}

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the analyzed query terms."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        norm = self.k1 * (1 - self.b + self.b * self.doc_len / max(self.avg_len, 1e-9))
        for word, qtf in Counter(terms).items():
            tid = self.vocab.get(word)
            if tid is None:
                continue
            lo, hi = self.ptr[tid], self.ptr[tid + 1]
            docs, tf = self.doc[lo:hi], self.tf[lo:hi]
            out[docs] += qtf * self.idf[tid] * tf * (self.k1 + 1) / (tf + norm[docs])
        return out

    def _extensions(self, stem: str) -> str:
        """The most common known term that is `stem` plus one or two letters ('' if none).

        Two added letters are an ending only with a vowel in them ('remissv' + 'ar'): 'sjalv' + 'kl' is another word.
        """
        if len(stem) < 5:
            return ""
        at = bisect.bisect_left(self.sorted_vocab, stem)
        best, best_df = "", 0
        while at < len(self.sorted_vocab) and self.sorted_vocab[at].startswith(stem):
            word = self.sorted_vocab[at]
            df = int(self.ptr[self.vocab[word] + 1] - self.ptr[self.vocab[word]])
            added = word[len(stem) :]
            if (len(added) == 1 or (len(added) == 2 and _VOWEL.search(added))) and df > best_df:
                best, best_df = word, df
            at += 1
        return best

    def begins_a_term(self, prefix: str) -> bool:
        """Whether a known term starts with `prefix` (five letters or more): 'rinkeby' begins 'rinkebymodell'."""
        if len(prefix) < 5:
            return False
        at = bisect.bisect_left(self.sorted_vocab, prefix)
        return at < len(self.sorted_vocab) and self.sorted_vocab[at].startswith(prefix)

    def query_terms(self, text: str) -> list[str]:
        """Index terms of a question; an unknown compound is split into two known parts.

        Swedish writes compounds as one word ("skolförvaltningen"), so a question's compound
        often differs from the text's ("förvaltningen", "skolan"). Only words the index does
        not know are split, at the point that keeps both parts longest.
        """
        out: list[str] = []
        for word in (_GENITIVE.sub("", w) for w in words(text)):  # "the committee's": an English genitive's word
            if word in STOPWORDS or fold(word) in FOLDED_STOPWORDS:
                continue
            whole = term(word)
            if whole in self.vocab:
                out.append(whole)
                continue
            if (base := term(undefined(word))) in self.vocab:
                out.append(base)
                continue
            # The stemmer cuts inflections unevenly ("remissvar" -> "remissv", "remissvaret"
            # -> "remissvar", "skötseln" -> "skotseln"): take a known term that extends this one
            # by a letter or two, or that it extends by one or two (a definite ending left on).
            near = self._extensions(whole) or next(
                (whole[:-n] for n in (1, 2) if len(whole) - n >= 5 and whole[:-n] in self.vocab), ""
            )
            if near or len(word) < 8:
                out.append(near or whole)
                continue
            splits = [(min(i, len(word) - i), term(word[:i]), term(word[i:])) for i in range(4, len(word) - 3)]
            known = [(n, a, b) for n, a, b in splits if a in self.vocab and b in self.vocab]
            out.extend(max(known)[1:] if known else [whole])
        return out

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k best (chunk id, score) pairs with a positive score, best first."""
        scores = self.scores(self.query_terms(query))
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, int((scores > 0).sum()))
        if k == 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top]

    def save(self, directory: Path) -> None:
        """Write atomically: readers see the old index or the new one, never half of one."""
        directory.mkdir(parents=True, exist_ok=True)
        header = {
            "version": FORMAT_VERSION,
            "ids": self.ids,
            "columns": self.columns,
            "vocab": list(self.vocab),
            "spellings": self.spellings,
            "acronyms": self.acronyms,
            "fingerprint": self.fingerprint,
        }
        buffer = io.BytesIO()
        np.savez(
            buffer,
            header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
            ptr=self.ptr,
            doc=self.doc,
            tf=self.tf,
            doc_len=self.doc_len,
        )
        payload = buffer.getvalue()
        # One file, checksum first, swapped in with one rename.
        # The temp name is per process and per thread: two threads saving at once (an upload
        # and a rebuild at ask time) must not write into, or rename away, each other's file.
        tmp = directory / f".{INDEX_FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(tmp, directory / INDEX_FILE)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """Read the index, or raise StoreError when it is missing or damaged."""
        path = directory / INDEX_FILE
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"lexical index missing: {path}") from exc
        expected, payload = blob[:64].decode(errors="replace"), blob[65:]
        if hashlib.sha256(payload).hexdigest() != expected:
            raise StoreError(f"lexical index damaged (checksum mismatch): {path}")
        try:
            with np.load(io.BytesIO(payload)) as data:
                header = json.loads(bytes(data["header"]).decode())
                if header.get("version") != FORMAT_VERSION:
                    raise StoreError(f"lexical index has an old format: {path}")
                return cls(
                    header["ids"],
                    header["columns"],
                    {w: i for i, w in enumerate(header["vocab"])},
                    data["ptr"],
                    data["doc"],
                    data["tf"],
                    data["doc_len"],
                    header["spellings"],
                    header["acronyms"],
                )
        except (ValueError, KeyError, OSError, TypeError, EOFError, zipfile.BadZipFile) as exc:
            # A payload whose checksum matches but is not an index (written by a bug, another
            # version...) must be rebuilt like any other damage, not crash the caller.
            raise StoreError(f"lexical index damaged: {path}: {exc}") from exc


_WORD_RUN = r"[^\W\d_][\w-]*"
ACRONYM_WORD = r"[A-ZÅÄÖ][A-Za-zÅÄÖ]{1,5}"  # 'MVP', 'SiS': how an acronym is written
# 'våldsbejakande extremism (VBE)', 'MVP (Mentorer i våldsprevention)', '(PDV, Pågående dödligt våld)'.
_LONG_THEN_SHORT = re.compile(rf"((?:{_WORD_RUN},? ){{0,5}}{_WORD_RUN}) \(({ACRONYM_WORD})[,)]")
_SHORT_THEN_LONG = re.compile(rf"\b({ACRONYM_WORD}) \(({_WORD_RUN}(?: {_WORD_RUN}){{0,5}})\)")
_SHORT_COMMA_LONG = re.compile(rf"\(({ACRONYM_WORD}), ({_WORD_RUN}(?: {_WORD_RUN}){{0,5}})\)")


def _stands_for(short: str, words_: str) -> bool:
    """Whether an acronym's letters begin the words and follow in them in order ('RVC' in 'Relationsvåldscentrum')."""
    letters, text = fold(short), fold(words_)
    if sum(c.isupper() for c in short) < 2 or not text.startswith(letters[0]):
        return False
    at = 0
    for letter in letters:
        at = text.find(letter, at) + 1
        if not at:
            return False
    return True


def spelled_out(text: str) -> list[tuple[str, str]]:
    """The acronyms a text spells out, each with the shortest run of words before or inside its brackets."""
    flat = " ".join(text.split())
    found = []
    for match in _LONG_THEN_SHORT.finditer(flat):
        long, short = match.groups()
        run = long.replace(",", "").split()
        starts = [" ".join(run[i:]) for i in range(len(run) - 1, -1, -1)]
        if best := next((words_ for words_ in starts if _stands_for(short, words_)), ""):
            found.append((short, best))
    for match in (*_SHORT_THEN_LONG.finditer(flat), *_SHORT_COMMA_LONG.finditer(flat)):
        short, long = match.groups()
        if _stands_for(short, long):
            found.append((short, long))
    return found


def most_common_spellings(written: Counter[str]) -> dict[str, str]:
    """Folded word -> its most frequent lower-case spelling in the texts."""
    best: dict[str, tuple[int, str]] = {}
    for word, count in written.items():
        key = fold(word)
        if count > best.get(key, (0, ""))[0]:
            best[key] = (count, word)
    return {key: word for key, (_, word) in best.items()}


def index_mtime(directory: Path) -> float:
    """When the index file last changed (0 when absent): readers reload when it moves."""
    try:
        return (directory / INDEX_FILE).stat().st_mtime
    except OSError:
        return 0.0
