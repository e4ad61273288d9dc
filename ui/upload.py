"""The upload page: add PDF, Word or text files to the store."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from assistant.settings import Settings
from ingest.loaders import SUPPORTED_SUFFIXES
from ui import resources
from vectorstore.errors import TryggError

ALLOWED_SUFFIXES = SUPPORTED_SUFFIXES  # what the loaders read, one list
# The first bytes every file of a binary type starts with.
_MAGIC = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04"}
_UNSAFE = re.compile(r"[^A-Za-z0-9ÅÄÖåäöÉéÜü_-]+")
RESULT = "upload_result"
UPLOADER = "upload_widget"  # bumped after an ingest so the uploader empties


@dataclass
class UploadResult:
    """What the last upload did, shown after the page reruns."""

    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0


def safe_filename(name: str) -> str:
    """Return the file name without folders, with only safe characters, keeping its extension."""
    base = unicodedata.normalize("NFC", re.split(r"[\\/]", name)[-1]).strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = _UNSAFE.sub("_", stem).strip("._-")[:80] or "dokument"
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())[:10]
    return f"{stem}.{suffix}" if suffix else stem


def upload_problem(name: str, data: bytes, max_bytes: int) -> str:
    """Say why an uploaded file cannot be taken, in plain Swedish; empty when it is fine."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return f"filtypen {suffix or '(ingen)'} stöds inte; välj PDF, Word (.docx), .txt eller .md"
    if not data:
        return "filen är tom"
    if len(data) > max_bytes:
        return f"filen är för stor ({len(data) / 1e6:.1f} MB, högst {max_bytes / 1e6:.0f} MB)"
    magic = _MAGIC.get(suffix)
    if magic and not data.startswith(magic):
        return f"filen är inte en riktig {suffix[1:].upper()}-fil"
    return ""


def _unique(folder: Path, name: str, taken: set[str]) -> Path:
    """Return a path in folder for name, numbered if this upload already used the name."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}_{n}{suffix}"
    taken.add(candidate)
    return folder / candidate


def _reason(file_name: str, reason: str) -> str:
    """Drop the file name an ingest failure reason may start with."""
    prefix = f"{file_name}: "
    return reason[len(prefix) :] if reason.startswith(prefix) else reason


def save_and_ingest(settings: Settings, files: list[tuple[str, bytes]]) -> UploadResult:
    """Check and save the files under home/uploads, then ingest the good ones."""
    result = UploadResult()
    folder = settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    max_bytes = int(settings.ingest.max_file_mb * 1024 * 1024)
    saved: dict[Path, str] = {}
    taken: set[str] = set()
    for original, data in files:
        name = safe_filename(original)
        problem = upload_problem(name, data, max_bytes)
        if problem:
            result.errors.append(f"{original}: {problem}.")
            continue
        path = _unique(folder, name, taken)
        path.write_bytes(data)
        saved[path] = original
    if not saved:
        return result
    update, done = resources.progress_bar("Läser in dokumenten.")
    try:
        report = resources.ingest(settings, list(saved), update)
    finally:
        done()
    failed = {Path(f.file).name: f.reason for f in report.failed}
    for path, original in saved.items():
        if path.name in failed:
            reason = _reason(path.name, failed[path.name])
            result.errors.append(f"{original}: kunde inte läsas in – {reason}")
            path.unlink(missing_ok=True)
        else:
            result.added.append(original)
    result.chunks, result.embedded = report.chunks, report.embedded
    return result


def show_result(result: UploadResult) -> None:
    """Show a success message with counts, and one error per file that failed."""
    if result.added:
        st.success(
            f"{len(result.added)} dokument inlästa: {', '.join(result.added)}. "
            f"{result.embedded} nya stycken; sökindexet har nu {result.chunks} stycken."
        )
    for error in result.errors:
        st.error(error)


def render() -> None:
    """Draw the upload page."""
    settings = resources.settings()
    st.title("Lägg till dokument")
    limit = settings.ingest.max_file_mb
    st.write(
        f"Ladda upp remissvar eller andra dokument som PDF, Word (.docx), .txt eller .md, "
        f"högst {limit:g} MB per fil. De blir sökbara i chatten direkt."
    )
    result = st.session_state.pop(RESULT, None)
    if isinstance(result, UploadResult):
        show_result(result)
    generation = st.session_state.setdefault(UPLOADER, 0)
    uploaded = st.file_uploader(
        "Välj filer",
        type=[s[1:] for s in ALLOWED_SUFFIXES],
        accept_multiple_files=True,
        max_upload_size=max(1, int(limit)),
        key=f"uploader_{generation}",
    )
    if st.button("Läs in", type="primary", disabled=not uploaded, icon=":material/upload:"):
        files = [(f.name, f.getvalue()) for f in uploaded or []]
        try:
            st.session_state[RESULT] = save_and_ingest(settings, files)
        except TryggError as exc:
            st.session_state[RESULT] = UploadResult(errors=[f"Inläsningen misslyckades: {exc}"])
        st.session_state[UPLOADER] = generation + 1
        st.rerun()


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.upload import render as _render  # so its classes are the same on every run

    _render()
