"""Ingest failure reasons in plain Swedish for end users.

The loaders write their reasons in English for logs and the command line, some with an
administrator's command in them. Users of the app see one of the messages below instead,
chosen by the kind of failure; anything unknown gets a general message (the log keeps the
original). Pure functions, no Streamlit.
"""

from __future__ import annotations

import re

# (pattern of the loader's reason, Swedish message); first match wins.
_KINDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"only whitespace|contains no text|no text found|ingen text att indexera"),
        "filen innehåller ingen text",
    ),
    (re.compile(r"the file is empty"), "filen är tom"),
    (re.compile(r"over the limit of"), "filen är för stor"),
    (re.compile(r"unsupported file type"), "filtypen stöds inte; välj PDF, Word (.docx), .txt eller .md"),
    (re.compile(r"binary file|cannot be decoded"), "filen ser inte ut att vara text (den går inte att läsa som text)"),
    (re.compile(r"password-protected|encrypted"), "PDF-filen är lösenordsskyddad eller krypterad och kan inte läsas"),
    (re.compile(r"PDF cannot be parsed|PDF has no pages"), "PDF-filen är skadad eller ingen riktig PDF"),
    (
        re.compile(r"needs OCR|for OCR|during OCR"),
        "PDF-filen är inskannad utan textlager och kan inte läsas här just nu",
    ),
    (re.compile(r"Word document"), "Word-filen är skadad, ingen riktig .docx-fil, eller saknar text"),
    (re.compile(r"file not found|filen finns inte"), "filen finns inte längre"),
    (re.compile(r"cannot be read|not a regular file|kan inte läsas"), "filen kan inte läsas"),
]
GENERAL = "filen kunde inte läsas in"
_LIMIT = re.compile(r"över gränsen|TRYGG_INGEST__")


def swedish_reason(reason: str) -> str:
    """A loader's reason as a short Swedish message for a user (never an admin command)."""
    if _LIMIT.search(reason) and "apt-get" not in reason:
        return reason.rstrip(".")  # a limit's refusal is Swedish already and names the limit and its setting
    for pattern, message in _KINDS:
        if pattern.search(reason):
            return message
    return GENERAL
