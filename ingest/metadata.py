"""What a document is, read from its own text: title, responder, programme period, date, dnr, kind.

Works on the raw text as shipped (Markdown marks, PDF line breaks, OCR damage and all).
Swedish letters are matched loosely because OCR loses or garbles them ("namnd", "fér",
"stadsdelsfoérvaltning", "&r"): in every pattern below an å, ä or ö stands for one or two
characters of any letter, '&', '@', '0' or '6'. Names are then given back in their
canonical spelling from the small gazetteers of Stockholm's committees and districts.

A JSON manifest documents the metadata of bundled files and lets a user override it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from vectorstore.errors import IngestError
from vectorstore.records import META_FIELDS, DocMeta, period_label

_MANIFEST_ENTRY_KEYS = frozenset({"source", "sha256", *META_FIELDS})

# Stockholm's district committees (stadsdelsnämnder), keyed by district, with the committee's
# official name. Hägersten-Liljeholmen and Älvsjö merged into Hägersten-Älvsjö in 2020.
_DISTRICT_COMMITTEES = {
    "Rinkeby-Kista": "Rinkeby-Kista stadsdelsnämnd",
    "Spånga-Tensta": "Spånga-Tensta stadsdelsnämnd",
    "Hässelby-Vällingby": "Hässelby-Vällingby stadsdelsnämnd",
    "Bromma": "Bromma stadsdelsnämnd",
    "Kungsholmen": "Kungsholmens stadsdelsnämnd",
    "Norrmalm": "Norrmalms stadsdelsnämnd",
    "Östermalm": "Östermalms stadsdelsnämnd",
    "Södermalm": "Södermalms stadsdelsnämnd",
    "Enskede-Årsta-Vantör": "Enskede-Årsta-Vantörs stadsdelsnämnd",
    "Skarpnäck": "Skarpnäcks stadsdelsnämnd",
    "Farsta": "Farsta stadsdelsnämnd",
    "Hägersten-Älvsjö": "Hägersten-Älvsjö stadsdelsnämnd",
    "Skärholmen": "Skärholmens stadsdelsnämnd",
    "Hägersten-Liljeholmen": "Hägersten-Liljeholmens stadsdelsnämnd",
    "Älvsjö": "Älvsjö stadsdelsnämnd",
}

# City-wide administrations (förvaltningar, kontor) and the committee each one serves.
_COMMITTEE_BY_ADMINISTRATION = {
    "arbetsmarknadsförvaltningen": "Arbetsmarknadsnämnden",
    "exploateringskontoret": "Exploateringsnämnden",
    "fastighetskontoret": "Fastighetsnämnden",
    "idrottsförvaltningen": "Idrottsnämnden",
    "kulturförvaltningen": "Kulturnämnden",
    "kyrkogårdsförvaltningen": "Kyrkogårdsnämnden",
    "miljöförvaltningen": "Miljö- och hälsoskyddsnämnden",
    "serviceförvaltningen": "Servicenämnden",
    "socialförvaltningen": "Socialnämnden",
    "stadsbyggnadskontoret": "Stadsbyggnadsnämnden",
    "stadsledningskontoret": "Kommunstyrelsen",
    "trafikkontoret": "Trafiknämnden",
    "utbildningsförvaltningen": "Utbildningsnämnden",
    "äldreförvaltningen": "Äldrenämnden",
    "överförmyndarförvaltningen": "Överförmyndarnämnden",
}
_COMMITTEES = sorted(set(_COMMITTEE_BY_ADMINISTRATION.values()))

# One Swedish å/ä/ö as it may survive OCR: dropped accent, a look-alike, or two characters.
_V = r"(?:[^\W\d_]|[&@06]){1,2}"


def _rx(pattern: str) -> str:
    """Make a regex written with Swedish letters tolerant of how OCR garbles å, ä and ö."""
    return re.sub("[åäöÅÄÖ]", lambda _: _V, pattern)


def _fz(literal: str) -> str:
    """Turn a literal name into an OCR-tolerant regex (spaces and hyphens may stretch or break)."""
    out = []
    for ch in literal:
        if ch in "åäöÅÄÖ":
            out.append(_V)
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"\s*-\s*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_I = re.IGNORECASE
_DISTRICT_RXS = [
    (re.compile(rf"(?<![\w-]){_fz(name)}s?\s+stadsdels{_rx('(?:förvaltning|nämnd)')}\w*", _I), cm)
    for name, cm in _DISTRICT_COMMITTEES.items()
]
_DISTRICT_AREA_RXS = [
    (re.compile(rf"(?<![\w-]){_fz(name)}s?\s+(?:stadsdels{_rx('område')}\w*|stadsdel)\b", _I), cm)
    for name, cm in _DISTRICT_COMMITTEES.items()
]
_ADMINISTRATION_RXS = [(re.compile(rf"{_fz(adm)}", _I), cm) for adm, cm in _COMMITTEE_BY_ADMINISTRATION.items()]


def _committee_rx(committee: str) -> re.Pattern[str]:
    """Match a committee's name, definite or not: 'Socialnämnd(en)', 'Kommunstyrelse(n)'."""
    stem, ending = (committee[:-1], "n") if committee.endswith("sen") else (committee[:-2], "en")
    return re.compile(rf"{_fz(stem)}(?:{ending})?", _I)


_COMMITTEE_RXS = [(_committee_rx(cm), cm) for cm in _COMMITTEES]
_GENERIC_COMMITTEE_RX = re.compile(
    # "Juridiknämnden" or "Tekniska nämnden": a compound, or a capitalised word before it.
    _rx(
        r"(?P<stem>[^\W\d_][\w-]*?|[A-Z\u00c5\u00c4\u00d6][\w-]*\s)"
        r"(?P<suffix>nämnden|nämnd|styrelsen|styrelse)"
    ),
)
_NOT_A_NAME = {"", "stadsdels", "fack", "distrikts", "bolags"}

_SECTION_RX = re.compile(
    _rx(
        r"(?:(?:förvaltningens|kontorets)\s+)?(?:förslag\s+till\s+beslut|sammanfattning"
        r"|bakgrund|ärendet|ärendets\s+beredning|remissen)"
    ),
    _I,
)
# The addressee field: "**Till**  \nX", "**Till**X" (glued), "Till: X".
_TILL_RX = re.compile(r"(?:^|\*\*)[ \t]*till\b(?:\*\*)?[ \t]*:?[ \t]*\n?[ \t]*(?P<v>[^\n*]+)", _I | re.M)
_DECISION_RX = re.compile(_rx(r"(?P<n>[\w-]+?(?:nämnden|styrelsen))\s+(?:godkänner|besvarar)\b"), _I)
_SUBJECT_RX = re.compile(
    _rx(
        r"(?P<a>\w+(?:förvaltningen|kontoret))\s+(?:föreslår|anser|är|ställer|tycker|ser"
        r"|välkomnar|bedömer|efterfrågar|vill)\b"
    ),
    _I,
)
_TITLE_CUE_RX = re.compile(_rx(r"trygghetsprogram|^(?:remiss|svar\s+på\s+remiss|yttrande|remissvar)\b"), _I)
_DNR_CORE = r"(?:[A-ZÅÄÖ]{1,6}\s?)?(?:\d+(?:\.\d+)*-)?\d{4}/\d+"
_DNR_LABELLED_RX = re.compile(rf"\b(?i:dnr)[.:]?\s*(?P<d>{_DNR_CORE})(?![\d/])")
_DNR_BARE_RX = re.compile(r"\b(?P<d>[A-ZÅÄÖ]{2,6} (?:\d+(?:\.\d+)*-)?\d{4}/\d+)(?![\d/])")
_TRAILING_DNR_RX = re.compile(rf"[,;]?\s*(?:(?i:dnr)[.:]?\s*)?{_DNR_CORE}\s*$")
_YEARS = r"(?P<a>(?:19|20)\d\d)\s*[-‐‑–—]\s*(?P<b>(?:19|20)\d\d)(?!\d)"
_PERIOD_RX = re.compile(rf"trygghetsprogram\w*(?:\s+[^\W\d_]+){{0,8}}?\s+{_YEARS}", _I)
_YEARS_RX = re.compile(_YEARS)
_ISO_DATE = r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"
_DATUM_RX = re.compile(rf"(?m)^\W*datum[:\s]*{_ISO_DATE}\W*$", _I)
_ISO_DATE_RX = re.compile(rf"(?<!\d){_ISO_DATE}(?!\d)")
_ATTESTED_RX = re.compile(_rx(r"attesterat\s+av|godkänts\s+digitalt"), _I)
_PROGRAMME_NAME_RX = re.compile(rf"(?P<o>[A-ZÅÄÖ][\w-]*)\s+(?P<g>stads|kommuns)\s+(?i:trygghetsprogram)\s+{_YEARS}")
_TJUT_RX = re.compile(
    _rx(
        r"(?m:^\W*tjänsteutlåtande\W*$)|tjänsteutlåtande\s+dnr\b|förslag\s+till\s+beslut"
        r"|(?:godkänner|besvaras\s+med)\s+(?:\w+\s+)?tjänsteutlåtande"
    ),
    _I,
)
_REMISSVAR_RX = re.compile(_rx(r"svar\s+på\s+remiss|remissvar|remissyttrande|yttrande\s+över|^remiss\b"), _I)
_PROGRAMME_TITLE_RX = re.compile(r"^(?:[\w-]+\s+){0,3}trygghetsprogram\b", _I)

_HEADER_MAX_LINES = 40


def extract_meta(text: str) -> DocMeta:
    """Read a document's metadata from its raw text; a field not found is the empty string."""
    header = _header_lines(text)
    heading = _title(header)
    period = _period(text, heading)
    title = heading or _fallback_title(text, period)
    return DocMeta(
        title=title,
        responder=_responder(text, "\n".join(header)),
        period=period,
        date=_date(text, header),
        dnr=_dnr(text),
        kind=_kind(text, heading),
    )


def _plain(line: str) -> str:
    """Strip Markdown/HTML emphasis, heading marks and surrounding space from a line."""
    line = re.sub(r"</?b>|\*\*|__", "", line.strip())
    return re.sub(r"^#+\s*", "", line).strip()


def _header_lines(text: str) -> list[str]:
    """Return the raw lines before the first section heading: title, addressee and date."""
    lines = text.split("\n")[:_HEADER_MAX_LINES]
    for i, line in enumerate(lines):
        if _SECTION_RX.fullmatch(_plain(line).rstrip(":")):
            return lines[:i]
    return lines


def _title(header: list[str]) -> str:
    """Find the first heading-like header line about the programme or the referral."""
    candidates = [ln for ln in header if ln.lstrip().startswith("#")] + header
    for line in candidates:
        plain = _plain(line)
        if 5 <= len(plain) <= 200 and _TITLE_CUE_RX.search(plain):
            return _TRAILING_DNR_RX.sub("", plain).rstrip(" ,.;:")
    return ""


def _fallback_title(text: str, period: str) -> str:
    """Name the programme the text is about, for a text without a title line."""
    match = _PROGRAMME_NAME_RX.search(text)
    if not match:
        return ""
    years = period or period_label(match["a"], match["b"])
    return f"{match['o']} {match['g']} trygghetsprogram {years}"


def _period(text: str, title: str) -> str:
    """Find the period 'YYYY–YYYY': the title's, else the one most said of the programme."""
    in_title = [m for m in _YEARS_RX.finditer(title) if _valid_period(m)]
    if in_title:
        return period_label(in_title[0]["a"], in_title[0]["b"])
    periods = [period_label(m["a"], m["b"]) for m in _PERIOD_RX.finditer(text) if _valid_period(m)]
    if not periods:
        return ""
    counts = Counter(periods)
    # Most mentioned wins; among equals, the first mentioned.
    return max(counts, key=lambda p: (counts[p], -periods.index(p)))


def _valid_period(match: re.Match[str]) -> bool:
    """Tell a period (forward, a few years) from any other pair of years."""
    return 0 < int(match["b"]) - int(match["a"]) <= 10


def _committee(name: str) -> str | None:
    """Return the canonical committee named by a mention of it or its administration, or None."""
    name = re.sub(r"\s+", " ", _plain(name)).strip(" .,;:")
    for rx, committee in _DISTRICT_RXS:
        if rx.fullmatch(name):
            return committee
    for rxs in (_COMMITTEE_RXS, _ADMINISTRATION_RXS):
        for rx, committee in rxs:
            if rx.fullmatch(name):
                return committee
    match = _GENERIC_COMMITTEE_RX.fullmatch(name)
    if match and match["stem"].strip().lower() not in _NOT_A_NAME:
        # An unknown committee: keep it as written, capitalised like a name.
        return name[0].upper() + name[1:]
    return None


def _responder(text: str, header: str) -> str:
    """Find the committee that answers, from the strongest kind of cue that the text has.

    In order: the addressee field ("Till"), a decision sentence ("Trafiknämnden godkänner"),
    the administration writing (a district's stadsdelsförvaltning in a letterhead or
    signature, or "Socialförvaltningen föreslår/anser ..."), and last a district's area.
    """
    tiers: list[Callable[[], list[tuple[int, str]]]] = [
        lambda: _votes(_TILL_RX, header, "v"),
        lambda: _votes(_DECISION_RX, text, "n"),
        lambda: _named(_DISTRICT_RXS, text) + _votes(_SUBJECT_RX, text, "a"),
        lambda: _named(_DISTRICT_AREA_RXS, text),
    ]
    for tier in tiers:
        votes = tier()
        if votes:
            counts = Counter(name for _, name in votes)
            first = {name: pos for pos, name in sorted(votes, reverse=True)}
            return max(counts, key=lambda n: (counts[n], -first[n]))
    return ""


def _votes(rx: re.Pattern[str], text: str, group: str) -> list[tuple[int, str]]:
    """(position, committee) for each match whose group names a committee."""
    out = []
    for match in rx.finditer(text):
        committee = _committee(match[group])
        if committee:
            out.append((match.start(), committee))
    return out


def _named(rxs: list[tuple[re.Pattern[str], str]], text: str) -> list[tuple[int, str]]:
    """(position, committee) for each gazetteer pattern's matches."""
    return [(m.start(), committee) for rx, committee in rxs for m in rx.finditer(text)]


def _date(text: str, header: list[str]) -> str:
    """Find the date (ISO): the first in the header, a 'Datum' line, else the last attestation."""
    for line in header:
        # Beside the addressee or on a line of its own ("Utbildningsnämnden\n2023-10-26").
        for match in _ISO_DATE_RX.finditer(line):
            if _valid_date(match):
                return match.group(0)
    for match in _DATUM_RX.finditer(text):
        if _valid_date(match):
            return f"{match['y']}-{match['m']}-{match['d']}"
    attested = _ATTESTED_RX.search(text)
    if attested:
        # Digital sign-off: the document is final on the day of its last approval.
        dates = [m.group(0) for m in _ISO_DATE_RX.finditer(text, attested.end()) if _valid_date(m)]
        if dates:
            return max(dates)
    return ""


def _valid_date(match: re.Match[str]) -> bool:
    """Tell whether the match is a real calendar date."""
    try:
        date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return False
    return True


def _dnr(text: str) -> str:
    """Find the dnr: the first labelled 'Dnr', else the first bare one like 'KS 2023/739'."""
    match = _DNR_LABELLED_RX.search(text) or _DNR_BARE_RX.search(text)
    return re.sub(r"\s+", " ", match["d"]) if match else ""


def _kind(text: str, heading: str) -> str:
    """Tell a tjänsteutlåtande (proposes a decision) from a remissvar and the programme itself.

    Only a real title line (`heading`) can make a text the programme: a text without one
    (a PDF or OCR extract) may merely be about it.
    """
    if _TJUT_RX.search(text):
        return "tjänsteutlåtande"
    if _REMISSVAR_RX.search(text) or _REMISSVAR_RX.search(heading):
        return "remissvar"
    if _PROGRAMME_TITLE_RX.search(heading):
        return "program"
    return ""


def load_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Read a manifest: {"documents": [{"source": ..., "sha256": ..., "title": ...}]}.

    Returns, per source file name, the metadata fields it sets (to pass to `apply_overrides`);
    `sha256` documents which file version the entry describes and is not an override.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IngestError(f"{path.name}: manifest not found ({path})") from exc
    except OSError as exc:
        raise IngestError(f"{path.name}: manifest cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(f"{path.name}: manifest is not valid UTF-8 JSON ({exc})") from exc
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list):
        raise IngestError(f'{path.name}: manifest must be an object with a "documents" list')
    manifest: dict[str, dict[str, str]] = {}
    for n, entry in enumerate(documents, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("source"), str):
            raise IngestError(f'{path.name}: document {n} needs a "source" file name')
        unknown = sorted(set(entry) - _MANIFEST_ENTRY_KEYS)
        if unknown:
            raise IngestError(
                f"{path.name}: document {n} has unknown keys {unknown}; allowed: {sorted(_MANIFEST_ENTRY_KEYS)}"
            )
        if not all(isinstance(value, str) for value in entry.values()):
            raise IngestError(f"{path.name}: document {n}: every value must be a string")
        source = entry["source"]
        if source in manifest:
            raise IngestError(f"{path.name}: {source} is listed twice")
        manifest[source] = {k: v for k, v in entry.items() if k in META_FIELDS}
    return manifest


def apply_overrides(meta: DocMeta, overrides: Mapping[str, str]) -> DocMeta:
    """Return meta with the given fields replaced; unknown fields or bad values: IngestError."""
    unknown = sorted(set(overrides) - set(META_FIELDS))
    if unknown:
        raise IngestError(f"unknown metadata fields {unknown}; allowed: {list(META_FIELDS)}")
    values = dict(overrides)
    for key, value in values.items():
        if not isinstance(value, str):
            kind = type(value).__name__
            raise IngestError(f"metadata field {key!r} must be a string, not {kind}")
    if values.get("period"):
        # Filters compare periods as strings, so a hand-typed hyphen becomes the en dash.
        match = _YEARS_RX.fullmatch(values["period"].strip())
        if not match:
            raise IngestError(f"period {values['period']!r} is not like '2024–2027'")
        values["period"] = period_label(match["a"], match["b"])
    if values.get("date"):
        match = _ISO_DATE_RX.fullmatch(values["date"].strip())
        if not match or not _valid_date(match):
            raise IngestError(f"date {values['date']!r} is not an ISO date like '2023-10-26'")
    return dataclasses.replace(meta, **values)
