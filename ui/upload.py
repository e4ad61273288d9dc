"""The upload page: add PDF, Word or text files to the store.

An upload named like a document already in the store never replaces it silently: the file
waits under home/pending-uploads until the user confirms, on a prompt that names the
document it would replace; every replacement is logged (ingest/registry.py). Uploads are
read in a worker process with its own memory and time bounds. With sign-in configured, only
the editors of the setting ui.editors may upload; on a server open beyond this machine
without sign-in nobody may.
"""

from __future__ import annotations

import logging
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from assistant.settings import Settings
from ingest.loaders import SUPPORTED_SUFFIXES
from ui import resources, upload_meta
from ui.auth import check_auth_config, is_loopback, may_edit
from ui.messages import swedish_reason
from ui.render import escape_markdown
from vectorstore.errors import ConfigError, TryggError

log = logging.getLogger(__name__)

ALLOWED_SUFFIXES = SUPPORTED_SUFFIXES  # what the loaders read, one list
# The first bytes every file of a binary type starts with.
_MAGIC = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04"}
_UNSAFE = re.compile(r"[^A-Za-z0-9ÅÄÖåäöÉéÜü_-]+")
RESULT = "upload_result"
PENDING = "upload_pending"
UPLOADER = "upload_widget"  # bumped after an ingest so the uploader empties
SUGGESTIONS = "upload_suggestions"


@dataclass(frozen=True)
class Pending:
    """An upload waiting for the user to confirm that it replaces an existing document."""

    name: str  # the document key it would take (its safe file name)
    original: str  # the name as uploaded
    staged: Path  # where the file waits
    replaces: str  # the existing document, described for the prompt


@dataclass
class UploadResult:
    """What the last upload did, shown after the page reruns."""

    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    pending: list[Pending] = field(default_factory=list)


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


def _describe(settings: Settings, name: str) -> str | None:
    """The document stored under this key, described for a prompt; None when there is none."""
    for doc in resources.assistant(settings).store.inventory().values():
        if doc.source == name:
            parts = [doc.meta.title, doc.meta.responder, f"{len(doc.ids)} stycken"]
            return f"{name} ({', '.join(p for p in parts if p)})"
    return None


def save_and_ingest(
    settings: Settings,
    files: list[tuple[str, bytes]],
    fields: dict[str, dict[str, str]] | None = None,
    uploaded_by: str = "",
) -> UploadResult:
    """Check and save the files under home/uploads, then ingest the good ones.

    `fields` holds, per original name, the title, committee and period the user confirmed.
    A file named like a document in the store is not saved over anything: it waits under
    home/pending-uploads and is returned in `pending` for the user to confirm or cancel.
    """
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
            result.errors.append(f"{name}: {problem}.")
            continue
        path = _unique(folder, name, taken)
        existing = _describe(settings, path.name)
        if existing is not None:
            staged = settings.home / "pending-uploads" / uuid.uuid4().hex / path.name
            staged.parent.mkdir(parents=True)
            staged.write_bytes(data)
            result.pending.append(Pending(path.name, original, staged, existing))
            continue
        path.write_bytes(data)
        saved[path] = path.name  # users see the safe name, never a path they typed
        confirmed = (fields or {}).get(original)
        if confirmed:
            upload_meta.write_overrides(folder, {path.name: confirmed})
    if saved:
        _ingest_saved(settings, saved, uploaded_by, result)
    return result


def confirm_replacement(settings: Settings, pending: Pending, uploaded_by: str) -> UploadResult:
    """The user confirmed: put the waiting file in place of the document and ingest it."""
    result = UploadResult()
    if not pending.staged.is_file():
        result.errors.append(f"{pending.original}: filen som väntade finns inte längre; ladda upp den igen.")
        return result
    path = settings.home / "uploads" / pending.name
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp") if path.exists() else None
    if backup is not None:
        path.replace(backup)
    shutil.move(str(pending.staged), path)
    shutil.rmtree(pending.staged.parent, ignore_errors=True)
    log.warning("upload %s confirmed to replace %s by %s", pending.original, pending.replaces, uploaded_by or "?")
    _ingest_saved(settings, {path: pending.original}, uploaded_by, result)
    if backup is not None:
        if result.errors:
            backup.replace(path)  # the new file failed: the old file is back, its chunks untouched
        else:
            backup.unlink(missing_ok=True)
    return result


def cancel_replacement(pending: Pending) -> None:
    """The user kept the existing document: drop the waiting file."""
    shutil.rmtree(pending.staged.parent, ignore_errors=True)


def _ingest_saved(settings: Settings, saved: dict[Path, str], uploaded_by: str, result: UploadResult) -> None:
    """Ingest saved uploads in the bounded worker; record what was added and what failed."""
    update, done = resources.progress_bar("Läser in dokumenten.")
    try:
        report = resources.ingest(settings, list(saved), update, uploaded_by=uploaded_by, isolate=True)
    finally:
        done()
    failed = {Path(f.file).name: f.reason for f in report.failed}
    for path, original in saved.items():
        if path.name in failed:
            reason = swedish_reason(_reason(path.name, failed[path.name]))
            result.errors.append(f"{original}: kunde inte läsas in – {reason}.")
            path.unlink(missing_ok=True)
        else:
            result.added.append(original)
    result.chunks, result.embedded = report.chunks, report.embedded


def show_result(result: UploadResult) -> None:
    """Show a success message with counts, and one error per file that failed (names escaped)."""
    if result.added:
        st.success(
            escape_markdown(
                f"{len(result.added)} dokument inlästa: {', '.join(result.added)}. "
                f"{result.embedded} nya stycken; sökindexet har nu {result.chunks} stycken."
            )
        )
    for error in result.errors:
        st.error(escape_markdown(error))


def _auth_enabled() -> bool:
    try:
        return check_auth_config(Path(f) for f in st.get_option("secrets.files")).enabled
    except ConfigError:
        return True  # app.py has stopped the page already; never treat a broken config as "off"


def uploader_and_permission(settings: Settings) -> tuple[str, bool]:
    """Who is uploading, and whether they may: editors with sign-in, anyone on a local server."""
    auth = _auth_enabled()
    if auth:
        user = st.user
        email = str(user.get("email") or "") if user.is_logged_in else ""
        return email or str(user.get("name") or ""), may_edit(bool(user.is_logged_in), email, settings.ui.editors, True)
    address = str(st.get_option("server.address") or "127.0.0.1")
    local = is_loopback(address)
    return "webbgränssnittet (utan inloggning)", local


def show_pending(settings: Settings, uploaded_by: str) -> None:
    """Ask, per waiting upload, whether it replaces the document of its name."""
    waiting: list[Pending] = st.session_state.get(PENDING, [])
    for n, pending in enumerate(list(waiting)):
        with st.container(border=True):
            st.warning(
                escape_markdown(
                    f"{pending.original}: det finns redan ett dokument med namnet {pending.replaces}. "
                    "Det är oförändrat tills du väljer att ersätta det."
                )
            )
            left, right = st.columns(2)
            if left.button(f"Ersätt {pending.name}", key=f"replace_{n}_{pending.staged.parent.name}", type="primary"):
                st.session_state[RESULT] = confirm_replacement(settings, pending, uploaded_by)
                waiting.remove(pending)
                st.rerun()
            if right.button("Behåll det befintliga", key=f"keep_{n}_{pending.staged.parent.name}"):
                cancel_replacement(pending)
                waiting.remove(pending)
                st.rerun()


def _suggestion(settings: Settings, name: str, data: bytes) -> upload_meta.Suggestion:
    """Stage a file and read its metadata, once per file content (kept in the session)."""
    cache: dict[tuple[str, int, int], upload_meta.Suggestion] = st.session_state.setdefault(SUGGESTIONS, {})
    key = (name, len(data), hash(data))
    if key not in cache:
        max_bytes = int(settings.ingest.max_file_mb * 1024 * 1024)
        path = upload_meta.stage(settings.home / "uploads", name, data)
        try:
            cache[key] = upload_meta.read_suggestion(path, max_bytes, settings.ingest.ocr_language)
        finally:
            path.unlink(missing_ok=True)
    return cache[key]


def review(
    settings: Settings, files: list[tuple[str, bytes]], generation: int
) -> tuple[dict[str, dict[str, str]], bool]:
    """Per file: its safe name, why it cannot be taken, or its metadata to check and edit.

    Returns the edited fields per original name, and whether every file that can be taken
    has valid fields.
    """
    st.subheader("Granska innan inläsning")
    st.caption("Titel, nämnd och programperiod är lästa ur dokumentets rubrik. Ändra dem om de är fel.")
    max_bytes = int(settings.ingest.max_file_mb * 1024 * 1024)
    fields: dict[str, dict[str, str]] = {}
    valid = True
    for i, (original, data) in enumerate(files):
        name = safe_filename(original)
        with st.container(border=True, key=f"upload_review_{generation}_{i}"):
            st.markdown(f"**{escape_markdown(name)}**")
            if name != original:
                st.caption(escape_markdown(f"Sparas som {name} (filnamnet är förenklat)."))
            problem = upload_problem(name, data, max_bytes) or _suggestion(settings, name, data).problem
            if problem:
                st.error(f"Kan inte läsas in: {problem}.")
                continue
            meta = _suggestion(settings, name, data).meta
            left, middle, right = st.columns([3, 2, 1])
            edited = {
                "title": left.text_input("Titel", value=meta.title, key=f"meta_{generation}_{i}_title"),
                "responder": middle.text_input(
                    "Nämnd", value=meta.responder, key=f"meta_{generation}_{i}_responder", placeholder="okänd"
                ),
                "period": right.text_input(
                    "Programperiod", value=meta.period, key=f"meta_{generation}_{i}_period", placeholder="2024–2027"
                ),
            }
            wrong = upload_meta.check_fields(edited)
            if wrong:
                st.error(f"Rätta uppgifterna: {wrong}.")
                valid = False
            elif not edited["responder"].strip():
                st.caption(
                    "Ingen nämnd hittades i rubriken; skriv den om du vet den, så går dokumentet att välja i filtret."
                )
            fields[original] = edited
    return fields, valid


def render() -> None:
    """Draw the upload page: choose files, check their metadata, ingest."""
    settings = resources.settings()
    st.title("Lägg till dokument")
    limit = settings.ingest.max_file_mb
    st.write(
        f"Ladda upp remissvar eller andra dokument som PDF, Word (.docx), .txt eller .md, "
        f"högst {limit:g} MB per fil. De blir sökbara i chatten direkt."
    )
    uploaded_by, allowed = uploader_and_permission(settings)
    if not allowed:
        st.info("Du har inte behörighet att lägga till dokument. Be en administratör lägga till dig.")
        return
    show_pending(settings, uploaded_by)
    generation = st.session_state.setdefault(UPLOADER, 0)
    uploaded = st.file_uploader(
        "Välj filer",
        type=[s[1:] for s in ALLOWED_SUFFIXES],
        accept_multiple_files=True,
        max_upload_size=max(1, int(limit)),
        key=f"uploader_{generation}",
    )
    result = st.session_state.get(RESULT)
    if not uploaded:
        if isinstance(result, UploadResult):  # the last batch's messages, until a new batch comes
            show_result(result)
        return
    st.session_state.pop(RESULT, None)
    files = [(f.name, f.getvalue()) for f in uploaded]
    fields, valid = review(settings, files, generation)
    if st.button("Läs in", type="primary", disabled=not valid, icon=":material/upload:"):
        try:
            outcome = save_and_ingest(settings, files, fields, uploaded_by)
            st.session_state[RESULT] = outcome
            st.session_state.setdefault(PENDING, []).extend(outcome.pending)
        except TryggError as exc:
            st.session_state[RESULT] = UploadResult(errors=[f"Inläsningen misslyckades: {exc}"])
        st.session_state[UPLOADER] = generation + 1
        st.session_state.pop(SUGGESTIONS, None)
        st.rerun()


if __name__ == "__main__":  # run by ui/app.py as a page script: use the imported module,
    from ui.upload import render as _render  # so its classes are the same on every run

    _render()
