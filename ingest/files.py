"""What may be read, and how much: regular files only, and bounds checked while reading.

A symbolic link, a named pipe, a device or a socket is refused before a byte is read (a pipe
would block the reader forever; a link can point at /etc/passwd). Zip-based formats are
measured from their central directory before anything is unpacked: Python's zipfile never
inflates a member beyond the size its header declares, so the declared sizes bound the work.
Every refusal names the limit and the setting that raises it, in Swedish.
"""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vectorstore.errors import IngestError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one document may cause (defaults equal the settings' defaults)."""

    max_unzipped_bytes: int = 200 * MB
    max_xml_bytes: int = 25 * MB
    max_zip_members: int = 2000
    max_pdf_pages: int = 1000
    max_chars: int = 2_000_000
    allow_symlinks: bool = False


def human(n_bytes: float) -> str:
    """Format a byte count in the unit a person reads at a glance."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n_bytes < 1024 or unit == "GB":
            return f"{n_bytes:.0f} {unit}" if unit == "bytes" else f"{n_bytes:.1f} {unit}"
        n_bytes /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def over_limit(name: str, what: str, limit: str, setting: str) -> IngestError:
    """The refusal of a document over a limit: what it is, the limit, and the setting to raise."""
    return IngestError(f"{name}: {what}, över gränsen {limit} (höj den med inställningen {setting})")


def _not_regular(path: Path, mode: int) -> IngestError:
    kind = "något annat"
    if stat.S_ISDIR(mode):
        kind = "en mapp"
    elif stat.S_ISFIFO(mode):
        kind = "en namngiven pipe"
    elif stat.S_ISSOCK(mode):
        kind = "en socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "en enhetsfil"
    return IngestError(f"{path.name}: är inte en vanlig fil utan {kind} ({path}); bara vanliga filer läses in")


def check_regular(path: Path, allow_symlinks: bool = False) -> os.stat_result:
    """Refuse anything but a regular file (and a symlink unless allowed) without opening it."""
    try:
        info = path.lstat()
    except FileNotFoundError as exc:
        raise IngestError(f"{path.name}: file not found ({path})") from exc
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISLNK(info.st_mode):
        if not allow_symlinks:
            raise IngestError(
                f"{path.name}: är en symbolisk länk och läses inte in "
                "(inställningen TRYGG_INGEST__ALLOW_SYMLINKS=true tillåter länkar)"
            )
        try:
            info = path.stat()
        except OSError as exc:
            raise IngestError(f"{path.name}: länken pekar inte på någon fil ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    return info


def open_regular(path: Path, allow_symlinks: bool = False) -> BinaryIO:
    """Open a regular file for reading; what is opened is checked again, so a swap is caught too.

    O_NONBLOCK keeps a pipe put in the file's place from blocking the open; O_NOFOLLOW refuses a
    link put there.
    """
    check_regular(path, allow_symlinks)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not allow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _not_regular(path, info.st_mode)
    return os.fdopen(fd, "rb")


def check_zip(name: str, handle: BinaryIO, limits: Limits, label: str = "Word-filen") -> None:
    """Refuse a zip whose members are too many or unpack to too much, before unpacking any."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(f"{name}: cannot be opened as a Word document (corrupt or not .docx): {exc}") from exc
    finally:
        handle.seek(0)
    if len(members) > limits.max_zip_members:
        raise over_limit(
            name,
            f"{label} har {len(members)} delar",
            f"{limits.max_zip_members} delar",
            "TRYGG_INGEST__MAX_ZIP_MEMBERS",
        )
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise over_limit(
            name,
            f"{label} packas upp till {human(total)}",
            human(limits.max_unzipped_bytes),
            "TRYGG_INGEST__MAX_UNZIPPED_MB",
        )
    for member in members:
        if member.filename.lower().endswith((".xml", ".rels")) and member.file_size > limits.max_xml_bytes:
            raise over_limit(
                name,
                f"{label}s del {member.filename} packas upp till {human(member.file_size)}",
                human(limits.max_xml_bytes),
                "TRYGG_INGEST__MAX_XML_MB",
            )


class CharBudget:
    """Counts characters as text is extracted and refuses the document once it is over the limit."""

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self.used = 0

    def take(self, text: str) -> str:
        """Count text against the budget; raise IngestError when the document is over it."""
        self.used += len(text)
        if self.used > self.limit:
            raise over_limit(
                self.name,
                f"texten är över {self.limit:,} tecken lång".replace(",", " "),
                f"{self.limit:,} tecken".replace(",", " "),
                "TRYGG_INGEST__MAX_CHARS",
            )
        return text
