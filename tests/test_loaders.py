"""load_text: what a user gets from each kind of file, and the reason when a file is refused."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from ingest.loaders import SUPPORTED_SUFFIXES, file_sha256, load_text
from vectorstore.errors import IngestError

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
MB = 1 << 20


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one line of Helvetica text per page (WinAnsi, so å/ä/ö work)."""
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, text in enumerate(pages):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = b"BT /F1 12 Tf 72 720 Td (" + escaped.encode("cp1252") + b") Tj ET"
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def make_scanned_pdf(path: Path, text: str) -> None:
    """A PDF whose only page is an image of text: no text layer, as from a scanner."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 400), 255)
    ImageDraw.Draw(image).text((60, 140), text, fill=0, font=ImageFont.load_default(size=72))
    image.save(path, "PDF", resolution=200.0)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, max_bytes: int = MB, **kwargs: str) -> str:
    with pytest.raises(IngestError) as info:
        load_text(path, max_bytes, **kwargs)
    return str(info.value)


# --- refusals ---------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in refused(tmp_path / "borta.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "mapp.txt").mkdir()
    assert "inte en vanlig fil utan en mapp" in refused(tmp_path / "mapp.txt")


def test_empty_file(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "tom.txt", b""))
    assert message.startswith("tom.txt:") and "empty" in message


def test_bom_only_file_is_empty(tmp_path: Path) -> None:
    assert "whitespace" in refused(write(tmp_path, "bom.txt", b"\xef\xbb\xbf"))


def test_whitespace_only(tmp_path: Path) -> None:
    assert "whitespace" in refused(write(tmp_path, "blank.md", b" \n\t\r\n  \n"))


def test_binary_txt_with_nul_bytes(tmp_path: Path) -> None:
    assert "binary" in refused(write(tmp_path, "bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_binary_txt_mostly_control_characters(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 20 + b"lite text"
    assert "binary" in refused(write(tmp_path, "data.txt", data))


def test_unsupported_extension_lists_supported(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "setup.exe", b"MZ\x90\x00"))
    assert "unsupported" in message and "'.exe'" in message
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)


def test_no_extension(tmp_path: Path) -> None:
    assert "without an extension" in refused(write(tmp_path, "README", b"text"))


def test_oversize_says_size_and_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "stor.txt", b"trygghet " * 300_000)
    message = refused(path, max_bytes=MB)
    assert "2.6 MB" in message and "gränsen 1.0 MB" in message and "TRYGG_INGEST__MAX_FILE_MB" in message


def test_undecodable_text(tmp_path: Path) -> None:
    # Bytes 0x81/0x8d are undefined in Windows-1252 and mere controls in Latin-1.
    path = write(tmp_path, "konstig.txt", b"ab\x81\x8d\x81\x8d\x81\x8d cd" * 20)
    assert "cannot be decoded" in refused(path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "hemlig.txt", b"text")

    import ingest.files

    def deny(name: object, *args: object) -> int:
        raise PermissionError(13, "Permission denied", str(name))

    # Root reads any file whatever its mode, so the refusal is simulated.
    monkeypatch.setattr(ingest.files.os, "open", deny)
    message = refused(path)
    assert "cannot be read" in message and "Permission denied" in message


# --- text files: the file text as shipped ------------------------------------------------


def test_cp1252_swedish_text(tmp_path: Path) -> None:
    path = write(tmp_path, "ansi.txt", "Trygghet för alla i Årsta – även äldre.".encode("cp1252"))
    text = load_text(path, MB)
    assert text == "Trygghet för alla i Årsta – även äldre."
    assert text == path.read_text(encoding="cp1252")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.md", "\ufeff# Rubrik\nför".encode())
    assert load_text(path, MB) == "# Rubrik\nför" == path.read_text(encoding="utf-8-sig")


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "unicode.txt", "Förslag till beslut\r\nGodkänn".encode("utf-16"))
    assert load_text(path, MB) == "Förslag till beslut\nGodkänn"


def test_latin1_fallback_when_text_looks_like_text(tmp_path: Path) -> None:
    data = "Nämnden föreslår åtgärder. ".encode("latin-1") * 20 + b"\x81"
    text = load_text(write(tmp_path, "latin.txt", data), MB)
    assert text.startswith("Nämnden föreslår åtgärder.")


def test_crlf_offsets_equal_read_text(tmp_path: Path) -> None:
    raw = "Rubrik\r\n\r\nFörsta stycket om trygghet.\r\nAndra raden\rgammal Mac-rad.\r\n"
    path = write(tmp_path, "crlf.txt", raw.encode())
    text = load_text(path, MB)
    shipped = path.read_text(encoding="utf-8")
    assert text == shipped
    assert "\r" not in text
    start = text.index("trygghet")
    assert shipped[start : start + len("trygghet")] == "trygghet"


def test_nothing_is_normalised(tmp_path: Path) -> None:
    # Decomposed "ö" (o + combining diaeresis) and trailing spaces stay: offsets depend on it.
    raw = "fo\u0308r  \n  indrag\n"
    path = write(tmp_path, "nfd.txt", raw.encode())
    assert load_text(path, MB) == raw


def test_bundled_corpus_loads_as_shipped() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        assert load_text(path, 50 * MB) == path.read_text(encoding="utf-8")


# --- Word --------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_cells(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Trygghetsprogram", level=1)
    document.add_paragraph("Förvaltningen föreslår att nämnden godkänner svaret.")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Fokusområde"
    table.cell(0, 1).text = "Ansvar"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Stadens offentliga miljö"
    document.add_paragraph("Slut.")
    path = tmp_path / "svar.docx"
    document.save(str(path))
    assert load_text(path, MB) == "\n\n".join(
        [
            "Trygghetsprogram",
            "Förvaltningen föreslår att nämnden godkänner svaret.",
            "Fokusområde",
            "Ansvar",
            "Stadens offentliga miljö",
            "Slut.",
        ]
    )


def test_docx_without_text(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "tom.docx"
    docx.Document().save(str(path))
    assert "no text" in refused(path)


def test_corrupt_docx(tmp_path: Path) -> None:
    path = write(tmp_path, "trasig.docx", b"PK\x03\x04trasig")
    assert "cannot be opened as a Word document" in refused(path)


# --- PDF ---------------------------------------------------------------------------------


def test_pdf_text_layer_pages_joined(tmp_path: Path) -> None:
    path = write(tmp_path, "program.pdf", make_pdf(["Trygghet för alla", "Sida två (2)"]))
    text = load_text(path, MB)
    assert text == "Trygghet för alla\n\nSida två (2)"


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "trasig.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pa")
    assert "PDF cannot be parsed" in refused(path)


def test_not_a_pdf(tmp_path: Path) -> None:
    assert "PDF cannot be parsed" in refused(write(tmp_path, "falsk.pdf", b"Hej, jag ar text"))


def test_password_protected_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = write(tmp_path, "plain.pdf", make_pdf(["Hemligt"]))
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="hemligt", algorithm="RC4-128")
    locked = tmp_path / "låst.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    assert "password-protected" in refused(locked)


def test_scanned_pdf_without_tesseract_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "skannad.pdf"
    make_scanned_pdf(path, "Trygghet")
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    message = refused(path)
    assert "Tesseract is not installed" in message
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in message


def _tesseract_has(language: str) -> bool:
    if shutil.which("tesseract") is None:
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    return language in langs.split()


needs_swedish_ocr = pytest.mark.skipif(
    not _tesseract_has("swe"), reason="tesseract with the Swedish model is not installed"
)


@needs_swedish_ocr
def test_scanned_pdf_missing_language_model(tmp_path: Path) -> None:
    path = tmp_path / "skannad.pdf"
    make_scanned_pdf(path, "Trygghet")
    message = refused(path, ocr_language="zzz")
    assert "language model 'zzz' is not installed" in message and "tesseract-ocr-zzz" in message


@needs_swedish_ocr
@pytest.mark.parametrize("renderer", ["pdftoppm", "embedded images"])
def test_scanned_pdf_is_ocrd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renderer: str) -> None:
    if renderer == "pdftoppm" and shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    if renderer == "embedded images":
        real_which = shutil.which
        # No poppler-utils: the page's embedded scan is extracted with pypdf instead.
        monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "pdftoppm" else real_which(name))
    path = tmp_path / "skannad.pdf"
    make_scanned_pdf(path, "Trygghet i Stockholm")
    text = load_text(path, 10 * MB)
    assert "Trygghet" in text and "Stockholm" in text


def make_mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 has a text layer, page 2 is a scan."""
    from pypdf import PdfReader, PdfWriter

    text_pdf = write(tmp_path, "text.pdf", make_pdf(["Sida ett med text"]))
    scan_pdf = tmp_path / "scan.pdf"
    make_scanned_pdf(scan_pdf, "Trygghet i Stockholm")
    writer = PdfWriter()
    for source in (text_pdf, scan_pdf):
        writer.add_page(PdfReader(source).pages[0])
    mixed = tmp_path / "blandad.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)
    return mixed


def test_mixed_pdf_without_tesseract_keeps_text_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_mixed_pdf(tmp_path)
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    assert load_text(path, MB).startswith("Sida ett med text")


@needs_swedish_ocr
def test_mixed_pdf_ocrs_the_scanned_page(tmp_path: Path) -> None:
    text = load_text(make_mixed_pdf(tmp_path), 10 * MB)
    first, second = text.split("\n\n", 1)
    assert first == "Sida ett med text" and "Stockholm" in second


# --- sha ---------------------------------------------------------------------------------


def test_file_sha256(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"trygghet\n")
    assert file_sha256(path) == hashlib.sha256(b"trygghet\n").hexdigest()
    with pytest.raises(IngestError, match="not found"):
        file_sha256(tmp_path / "borta.txt")
