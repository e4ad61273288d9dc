"""Metadata of uploads, read from the document's own heading and editable before ingest. No Streamlit.

A file is first staged (saved under a safe name in `uploads/.granskas/`) and read, so its
title, committee and period can be suggested as the bundled corpus' are, then shown for the
user to correct. The fields the user confirms go into `uploads/manifest.json`, which the
ingest applies like the bundled corpus' manifest, so they also hold on every later re-ingest.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.loaders import load_text
from ingest.metadata import apply_overrides, extract_meta
from ui.messages import swedish_reason
from vectorstore.errors import IngestError
from vectorstore.records import DocMeta

MANIFEST = "manifest.json"
STAGING = ".granskas"
EDITABLE = ("title", "responder", "period")
# A committee named at the start of a heading line: "Arbetsmarknadsnämnden – svar på remiss …",
# "Miljö- och hälsoskyddsnämnden", "Kungsholmens stadsdelsnämnd".
_COMMITTEE_HEAD = re.compile(
    r"^\s*(?P<name>(?:[A-ZÅÄÖ][\wåäöé]*-? och [a-zåäö][\wåäöé-]*?|[A-ZÅÄÖ][\wåäöé-]*?)"
    r"(?:s stadsdelsnämnd|nämnden|nämnd))\b"
    r"(?P<rest>\s*(?:[–—:-]\s*)?(?P<title>.*))$"
)


@dataclass(frozen=True)
class Suggestion:
    """What was read from a staged file: its metadata, or why it cannot be ingested."""

    meta: DocMeta
    problem: str = ""


def _lines(text: str, n: int = 4) -> list[str]:
    return [line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()][:n]


def suggest_meta(text: str, file_stem: str) -> DocMeta:
    """Title, committee and period as the bundled corpus' are read, helped by the first heading."""
    meta = extract_meta(text)
    lines = _lines(text)
    for i, line in enumerate(lines[:2]):
        match = _COMMITTEE_HEAD.match(line)
        if not match:
            continue
        name, title = match["name"], match["title"].strip()
        if not meta.responder:
            meta = replace(meta, responder=name)
        if not title and i + 1 < len(lines):
            title = lines[i + 1]
        if title and (not meta.title or meta.title == line):
            meta = replace(meta, title=title[:1].upper() + title[1:])
        break
    if not meta.title:
        meta = replace(meta, title=re.sub(r"[_-]+", " ", file_stem).strip() or "Dokument")
    return meta


def stage(uploads: Path, name: str, data: bytes) -> Path:
    """Save an upload for review under its safe name; returns the staged path."""
    folder = uploads / STAGING
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def read_suggestion(path: Path, max_bytes: int, ocr_language: str) -> Suggestion:
    """Read a staged file and suggest its metadata, or say in Swedish why it cannot be read."""
    try:
        text = load_text(path, max_bytes, ocr_language)
    except IngestError as exc:
        return Suggestion(DocMeta(), swedish_reason(str(exc)))
    except OSError:
        return Suggestion(DocMeta(), "filen kan inte läsas")
    return Suggestion(suggest_meta(text, path.stem))


def check_fields(fields: dict[str, str]) -> str:
    """Say in Swedish what is wrong with edited fields ('' when they are fine)."""
    if not fields.get("title", "").strip():
        return "skriv en titel"
    try:
        apply_overrides(DocMeta(), {k: v.strip() for k, v in fields.items() if v.strip()})
    except IngestError:
        return "skriv programperioden som två årtal, till exempel 2024–2027"
    return ""


def write_overrides(uploads: Path, entries: dict[str, dict[str, str]]) -> None:
    """Merge the confirmed fields of these files into uploads/manifest.json (atomically)."""
    path = uploads / MANIFEST
    documents: dict[str, dict[str, str]] = {}
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            documents = {d["source"]: d for d in data.get("documents", []) if isinstance(d, dict) and "source" in d}
        except (OSError, ValueError):
            documents = {}
    for source, fields in entries.items():
        documents[source] = {
            "source": source,
            **{k: v.strip() for k, v in fields.items() if k in EDITABLE and v.strip()},
        }
    tmp = path.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"documents": list(documents.values())}, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
