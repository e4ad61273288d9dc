"""Read a file into its text: plain text exactly as shipped, PDF (with OCR when scanned), Word.

Citations point at character offsets of the text this module returns, so for .txt/.md it is
the file text as shipped: decoded, with universal newlines, and nothing else changed (no
Unicode normalisation, no trimming). Cleaning happens later, with an offset map.

Every refusal is an `IngestError` whose message starts with the file name and says why in
plain words; the CLI and the UI show it as it is.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ingest.files import CharBudget, Limits, check_zip, human, open_regular, over_limit
from vectorstore.errors import IngestError

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
TEXT_SUFFIXES = (".txt", ".md")

# A decoded text with more control characters than this is binary data, not text.
_MAX_CONTROL_SHARE = 0.05
# Latin-1 decodes any bytes, so its result is kept only when it is nearly free of controls.
_MAX_CONTROL_SHARE_LATIN1 = 0.01
# Tesseract reads a page image at this resolution; 300 dpi is what it is trained for.
_OCR_DPI = 300
_OCR_TIMEOUT_S = 300
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def load_text(path: Path, max_bytes: int, ocr_language: str = "swe", limits: Limits | None = None) -> str:
    """Return the text of a .txt, .md, .pdf or .docx file, or raise IngestError saying why not.

    For .txt/.md the result equals `path.read_text(encoding=...)` with the encoding that
    decodes the file, so character offsets in it are offsets in the file as shipped (a
    UTF-8 file with a few stray bytes keeps its UTF-8 and has only those bytes read as
    Windows-1252). Only regular files are read, and every limit is checked while reading.
    """
    path = Path(path)
    limits = limits or Limits()
    with open_regular(path, limits.allow_symlinks) as handle:
        _check_file(path, os.fstat(handle.fileno()).st_size, max_bytes, limits)
        budget = CharBudget(path.name, limits.max_chars)
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            text = budget.take(_decode(path.name, _read_bytes(path, handle)))
        elif suffix == ".pdf":
            text = _load_pdf(path, handle, ocr_language, limits, budget)
        else:
            text = _load_docx(path, handle, limits, budget)
    if not text.strip():
        raise IngestError(f"{path.name}: the file contains only whitespace, no text")
    return text


def file_sha256(path: Path, allow_symlinks: bool = False) -> str:
    """Return the SHA-256 of the file's bytes as hex: a document's version across re-ingests.

    Only a regular file is opened, so a named pipe is refused instead of blocking forever.
    """
    digest = hashlib.sha256()
    try:
        with open_regular(Path(path), allow_symlinks) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise IngestError(f"{Path(path).name}: cannot be read ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def _check_file(path: Path, size: int, max_bytes: int, limits: Limits) -> None:
    """Refuse a file of an unsupported type, empty, too large, or of more text than allowed."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        raise IngestError(
            f"{path.name}: unsupported file type {kind}; supported types are " + ", ".join(SUPPORTED_SUFFIXES)
        )
    if size == 0:
        raise IngestError(f"{path.name}: the file is empty")
    if size > max_bytes:
        raise over_limit(path.name, f"filen är {human(size)}", human(max_bytes), "TRYGG_INGEST__MAX_FILE_MB")
    if path.suffix.lower() in TEXT_SUFFIXES and size > 4 * limits.max_chars + 4:
        # No encoding read here spends more than 4 bytes on a character.
        raise over_limit(
            path.name,
            f"filen är {human(size)}, mer än {limits.max_chars:,} tecken".replace(",", " "),
            f"{limits.max_chars:,} tecken".replace(",", " "),
            "TRYGG_INGEST__MAX_CHARS",
        )


def _read_bytes(path: Path, handle: BinaryIO) -> bytes:
    """Return the file's bytes, or raise IngestError when the system refuses them."""
    try:
        return handle.read()
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc


def _decode(name: str, data: bytes) -> str:
    r"""Decode text bytes as shipped: UTF-8 (BOM stripped), then Windows-1252, then Latin-1.

    Newlines are made universal exactly as `Path.read_text` does (\r\n and \r become \n),
    so offsets agree with `read_text(encoding=...)`; nothing else is changed.
    """
    if data.startswith(_UTF16_BOMS):
        # Notepad's "Unicode": its NUL bytes are not binary content.
        text = _try_decode(data, "utf-16")
        if text is None:
            raise IngestError(f"{name}: cannot be decoded as UTF-16 text despite its BOM")
    else:
        if b"\x00" in data:
            raise IngestError(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
        text = _try_decode(data, "utf-8-sig")
        if text is None and _mostly_utf8(data):
            text = _repair_utf8(name, data)
        if text is None:
            text = _try_decode(data, "cp1252")
        if text is None:
            text = data.decode("latin-1")
            if _control_share(text) > _MAX_CONTROL_SHARE_LATIN1:
                raise IngestError(f"{name}: cannot be decoded as text (tried UTF-8, Windows-1252 and Latin-1)")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(f"{name}: looks like a binary file, not text (mostly control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a byte that is not UTF-8 is read as Windows-1252 (Latin-1 if undefined)."""
    if not isinstance(error, UnicodeDecodeError):  # pragma: no cover - registered for decoding only
        raise error
    bad = error.object[error.start : error.end]
    try:
        return bad.decode("cp1252"), error.end
    except UnicodeDecodeError:
        return bad.decode("latin-1"), error.end


codecs.register_error("trygg-cp1252-byte", _cp1252_byte)


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes hold real UTF-8 sequences of non-ASCII letters: a UTF-8 file with stray bytes."""
    return any(ord(ch) > 127 for ch in data.decode("utf-8", errors="ignore"))


def _repair_utf8(name: str, data: bytes) -> str:
    """Decode UTF-8, reading only the bytes that are not UTF-8 as Windows-1252, one by one."""
    text = data.decode("utf-8-sig", errors="trygg-cp1252-byte")
    stray = len(data) - len(data.decode("utf-8", errors="ignore").encode())
    log.warning("%s: %d byte(s) were not UTF-8 and were read as Windows-1252", name, stray)
    return text


def _try_decode(data: bytes, encoding: str) -> str | None:
    """Return the decoded text, or None when the bytes are not valid in that encoding."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    """Share of control characters other than ordinary whitespace: high for binary data."""
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    return controls / len(text)


def _load_pdf(path: Path, handle: BinaryIO, ocr_language: str, limits: Limits, budget: CharBudget) -> str:
    """Return the PDF's text layer, pages joined by a blank line; OCR pages without one."""
    from pypdf import PdfReader  # lazy: only PDF ingestion pays for the import
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(handle)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path.name}: the PDF is password-protected and cannot be read")
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise over_limit(
                path.name,
                f"PDF-filen har {count} sidor",
                f"{limits.max_pdf_pages} sidor",
                "TRYGG_INGEST__MAX_PDF_PAGES",
            )
        pages = [budget.take(page.extract_text() or "") for page in reader.pages]
    except IngestError:
        raise
    except DependencyError as exc:
        raise IngestError(f"{path.name}: the PDF is encrypted and needs {exc}") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        # pypdf reports broken files through many exception types; all mean "corrupt".
        raise IngestError(f"{path.name}: the PDF cannot be parsed (corrupt or not a PDF): {exc}") from exc
    if not pages:
        raise IngestError(f"{path.name}: the PDF has no pages")
    missing = [n for n, text in enumerate(pages, start=1) if not text.strip()]
    if len(missing) == len(pages):
        log.info("%s has no text layer; running OCR (%s)", path.name, ocr_language)
        ocr = _ocr_pdf(path, missing, ocr_language)
        pages = [budget.take(ocr.get(n, "")) for n in range(1, len(pages) + 1)]
        if not any(text.strip() for text in pages):
            raise IngestError(f"{path.name}: no text found in the PDF, not even by OCR")
    elif missing:
        # A mixed PDF (a scanned signature page, say): OCR what it can, keep the rest anyway.
        try:
            ocr = _ocr_pdf(path, missing, ocr_language)
        except IngestError as exc:
            log.warning("%s: pages %s without text layer skipped: %s", path.name, missing, exc)
        else:
            pages = [text if text.strip() else budget.take(ocr.get(n, "")) for n, text in enumerate(pages, 1)]
    return "\n\n".join(pages)


def _ocr_pdf(path: Path, page_numbers: list[int], language: str) -> dict[int, str]:
    """OCR the given 1-based pages with the Tesseract command; IngestError if it is missing."""
    tesseract = _require_tesseract(path.name, language)
    out: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="trygg-ocr-") as tmp:
        for number, images in _page_images(path, page_numbers, Path(tmp)):
            texts = [_run_tesseract(tesseract, image, language, path.name) for image in images]
            out[number] = "\n\n".join(t for t in texts if t)
    return out


def _require_tesseract(name: str, language: str) -> str:
    """Find the tesseract executable and check that every language model asked for is there."""
    parts = language.split("+")
    packages = " ".join(f"tesseract-ocr-{part.lower().replace('_', '-')}" for part in parts)
    install = f"apt-get install tesseract-ocr {packages}"
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        raise IngestError(
            f"{name}: the PDF has no text layer and needs OCR, but Tesseract is not installed "
            f"(install it with: {install})"
        )
    try:
        listing = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise IngestError(f"{name}: Tesseract cannot be run for OCR: {exc}") from exc
    # The first line is a header ("List of available languages in ..."), then one per line.
    installed = set((listing.stdout + listing.stderr).split()[1:])
    absent = [part for part in language.split("+") if part not in installed]
    if absent:
        raise IngestError(
            f"{name}: the PDF needs OCR, but Tesseract's language model "
            f"{', '.join(repr(a) for a in absent)} is not installed (install it with: {install})"
        )
    return tesseract


def _page_images(path: Path, page_numbers: Iterable[int], tmp: Path) -> Iterator[tuple[int, list[Path]]]:
    """Yield each page as image files: rendered by pdftoppm, else the page's embedded scans."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is not None:
        for number in page_numbers:
            stem = tmp / f"page-{number}"
            cmd = [pdftoppm, "-r", str(_OCR_DPI), "-f", str(number), "-l", str(number)]
            _run([*cmd, "-png", "-singlefile", str(path), str(stem)], path.name, "pdftoppm")
            yield number, [stem.with_suffix(".png")]
        return
    # Without poppler-utils: a scanned page is one embedded image, which pypdf can extract.
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            reader.decrypt("")
        for number in page_numbers:
            files = []
            for k, image in enumerate(reader.pages[number - 1].images):
                target = tmp / f"page-{number}-{k}.png"
                if image.image is None:
                    continue
                image.image.save(target)
                files.append(target)
            yield number, files
    except Exception as exc:  # noqa: BLE001 - any decoding failure means the same to the user
        raise IngestError(
            f"{path.name}: cannot extract the scanned page images for OCR ({exc}); "
            "install poppler-utils (apt-get install poppler-utils) so pages can be rendered"
        ) from exc


def _run_tesseract(tesseract: str, image: Path, language: str, name: str) -> str:
    """Return the text Tesseract reads from one image, without its page-separator form feed."""
    done = _run([tesseract, str(image), "stdout", "-l", language], name, "tesseract")
    return done.replace("\f", "").strip()


def _run(cmd: list[str], name: str, tool: str) -> str:
    """Run an external tool and return its standard output, or raise IngestError."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=_OCR_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise IngestError(f"{name}: {tool} failed during OCR: {exc}") from exc
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise IngestError(f"{name}: {tool} failed during OCR: {detail[0]}")
    return done.stdout


def _load_docx(path: Path, handle: BinaryIO, limits: Limits, budget: CharBudget) -> str:
    """Paragraphs and table cells of a Word document, in reading order, joined by blank lines."""
    import docx  # lazy: only Word ingestion pays for the import

    check_zip(path.name, handle, limits)  # before python-docx unpacks a byte
    try:
        document = docx.Document(handle)
    except MemoryError:
        raise  # the worker's memory bound: reported as such, not as a corrupt file
    except Exception as exc:  # noqa: BLE001 - zip, XML and package errors all mean "corrupt"
        raise IngestError(f"{path.name}: cannot be opened as a Word document (corrupt or not .docx): {exc}") from exc
    pieces = [budget.take(text) for text in _docx_blocks(document) if text.strip()]
    if not pieces:
        raise IngestError(f"{path.name}: the Word document contains no text")
    return "\n\n".join(pieces)


def _docx_blocks(container: Any) -> Iterator[str]:
    """Texts of a body or table cell: paragraphs, then each table's cells row by row."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen: set[Any] = set()
            for row in block.rows:
                for cell in row.cells:
                    # A merged cell is returned once per grid position it spans.
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from _docx_blocks(cell)
        else:
            yield block.text
