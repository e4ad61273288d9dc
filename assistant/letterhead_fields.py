"""The fields of a document's letterhead and furniture: how each is read from a chunk's clean text and said.

A field has readings, tried in order over the whole document: the first reading the document
has is the one said (a contact is a handläggare with a telephone number if the letterhead gives
one, else the handläggare alone). Each reading's groups are its values, filled into its Swedish
sentence as {0}, {1} …; `{Whose}` is the document ("Trafiknämndens remissvar"). A field that
collects (the signatories) says every match of the document in one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vectorstore.analyzer import fold

_NAME = r"([A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+)+)"
PERSON = r"([A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?: [A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?)+)"
_ISO_DATE = r"(\d{4}-[01]\d-[0-3]\d)"
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_ANY_DATE = rf"(\d{{4}}-[01]\d-[0-3]\d|\d{{1,2}} (?:{_MONTHS}) \d{{4}})"
_PHONE = r"(08-[\d ]{5,12}\d)"
# Titles a signature gives under or after a name: "Förvaltningschef", "Stadsdelsdirektör".
SIGNATORY_TITLE = r"[A-ZÅÄÖ][a-zåäö]*(?:chef|direktör|direktor|ordförande)"


def one_line(text: str) -> str:
    """A value as one line: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


def comma_lines(text: str) -> str:
    """An address over several lines as one: 'Slakthusplan 8 A, Box 81, 12122 Johanneshov'."""
    return ", ".join(one_line(line) for line in text.splitlines() if line.strip())


def day_as_written(text: str) -> str:
    """A date in words as Swedish writes a day: 'den 21 februari 2021'; an ISO date as it stands."""
    text = one_line(text)
    return f"den {text}" if re.match(r"\d{1,2} [a-zåäö]", text) else text


def clause(text: str) -> str:
    """A sentence to follow a semicolon: an opening definite noun ('Ärendet', 'Förvaltningsgruppen') in lower case."""
    text = one_line(text)
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]+(en|et|na)", first) else text


def listed(text: str) -> str:
    """A list of lines ('1. Remissmissiv' …) as a Swedish enumeration, each numbered one with its number.

    'Remissmissiv (bilaga 1) och …': which attachment is which is asked too ('som vilken bilaga?').
    """
    items = []
    for line in text.splitlines():
        numbered = re.match(r"^\s*(\d+)[.)]\s*", line)
        item = one_line(re.sub(r"^\s*(?:\d+[.)]|[-•–])\s*", "", line).strip().rstrip("."))
        if item:
            items.append(f"{item} (bilaga {numbered.group(1)})" if numbered else item)
    return and_list(items)


def and_list(items: list[str]) -> str:
    """'a', 'a och b', 'a, b och c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


@dataclass(frozen=True)
class Reading:
    """One way a field is written in a document, and the sentence that says it."""

    pattern: re.Pattern[str]  # its groups are the values, in order
    said: str  # '{Whose}' and the values '{0}', '{1}' … are filled in
    clean: Callable[[str], str] = one_line  # how a value is tidied for the sentence


@dataclass(frozen=True)
class Field:
    """How one letterhead field is found and said."""

    readings: tuple[Reading, ...]
    missing: str  # '{Whose}' is filled in: said when the document has none of the readings
    collects: bool = False  # every match in the document (signatories), said in one sentence


FIELDS: dict[str, Field] = {
    "handläggare": Field(
        (Reading(re.compile(rf"Handläggare\s*:?\s*\n?\s*{_NAME}"), "Handläggare för {whose} är {0}."),),
        "{Whose} anger ingen handläggare.",
    ),
    "kontakt": Field(
        (
            Reading(
                re.compile(rf"Handläggare\s*:?\s*\n?\s*{_NAME}\s*\n\s*(?:Telefon\s*:?\s*)?{_PHONE}"),
                "Handläggare för {whose} är {0}, telefon {1}.",
            ),
            Reading(re.compile(rf"Handläggare\s*:?\s*\n?\s*{_NAME}"), "Handläggare för {whose} är {0}."),
        ),
        "{Whose} anger ingen handläggare att kontakta.",
    ),
    "dnr": Field(
        (
            # said with its label as the document writes it ('Dnr EAV 2020/514', 'dnr KS 2023/739')
            Reading(
                re.compile(r"\b((?:[Dd]nr:?\s*)?(?:KS|[A-ZÅÄÖ]{2,4}) ?\d{4}/\d+)"), "Diarienumret i {whose} är {0}."
            ),
        ),
        "{Whose} anger inget diarienummer.",
    ),
    "telefon": Field(
        (
            Reading(re.compile(rf"\bTelefon\s*:?\s*{_PHONE}"), "Telefonnumret i {whose} är {0}."),
            Reading(
                re.compile(rf"\bVäxel\s*:?\s*{_PHONE}"), "{Whose} anger inget direktnummer; växelns nummer är {0}."
            ),
            Reading(re.compile(rf"\b{_PHONE}"), "Telefonnumret i {whose} är {0}."),
        ),
        "{Whose} anger inget telefonnummer.",
    ),
    # The addressee under "Till" in the letterhead: the committee the office wrote the response for.
    "mottagare": Field(
        (
            Reading(
                re.compile(r"(?m)^Till[ \t]*:?[ \t]*\n[ \t]*([^\n]+?)[ \t]*$"),
                "Tjänsteutlåtandet bakom {whose} är ställt till {0}.",
            ),
        ),
        "{Whose} anger ingen mottagare.",
    ),
    "växel": Field(
        (Reading(re.compile(rf"\bVäxel\s*:?\s*{_PHONE}"), "Växelns nummer i {whose} är {0}."),),
        "{Whose} anger inget växelnummer.",
    ),
    "organisationsnummer": Field(
        (Reading(re.compile(r"\bOrg\.? ?nr\s*:?\s*(\d{6}-\d{4})"), "Organisationsnumret i {whose} är {0}."),),
        "{Whose} anger inget organisationsnummer.",
    ),
    "e-post": Field(
        (Reading(re.compile(r"([\w.-]+@[\w-]+(?:\.[\w-]+)+)"), "E-postadressen i {whose} är {0}."),),
        "{Whose} anger ingen e-postadress.",
    ),
    "adress": Field(
        (
            Reading(
                re.compile(
                    r"((?:[A-ZÅÄÖ][\wåäö]+(?:gatan|vägen|plan|torget) \d+\s*\w?\s*\n?\s*)?"
                    r"Box \d+(?:\s*\n?\s*\d{3} ?\d{2} [A-ZÅÄÖ]\w+)?)"
                ),
                "Adressen i {whose} är {0}.",
                comma_lines,
            ),
        ),
        "{Whose} anger ingen adress.",
    ),
    # The date in the letterhead, under the addressee ("Till / Trafiknämnden / 2023-10-19") or on a
    # "Datum" line; a document without one is dated by its digital approval.
    "datum": Field(
        (
            Reading(re.compile(rf"(?m)^Till[ \t]*\n[^\n]+\n[ \t]*{_ISO_DATE}[ \t]*$"), "{Whose} är daterat {0}."),
            Reading(re.compile(rf"(?m)^Datum[ \t]*:?[ \t]*{_ISO_DATE}"), "{Whose} är daterat {0}."),
            Reading(
                re.compile(rf"godkänts digitalt[^\n]*\n(?:[^\n]*\n)*?[^\n]*?{_ISO_DATE}"),
                "{Whose} anger inget datum i sidhuvudet; det godkändes digitalt {0}.",
            ),
        ),
        "{Whose} anger inget datum.",
    ),
    # The date the remiss asked for an answer by ('… yttrande över remiss … senast den 27 oktober 2023').
    "svarsfrist": Field(
        (
            Reading(
                re.compile(rf"(?:yttrande|remiss)[^.]{{0,160}}?\bsenast(?:\s+den)?\s+{_ANY_DATE}"),
                "Enligt {whose} skulle remissen besvaras senast {0}.",
                day_as_written,
            ),
            Reading(
                re.compile(rf"(?:Remisstiden|Svarstiden|Svarsfristen)[^.]{{0,40}}?{_ANY_DATE}"),
                "Enligt {whose} sträckte sig remisstiden till {0}.",
                day_as_written,
            ),
        ),
        "{Whose} anger ingen svarsfrist för remissen.",
    ),
    # When the committee itself met and decided: a tjänsteutlåtande is written before that.
    "beslutsdatum": Field(
        (
            Reading(
                re.compile(
                    rf"(?:nämnden|nämnd|styrelsen)\s+(?:beslutade|beslöt|har beslutat|fattade beslut|sammanträdde)"
                    rf"[^.\n]{{0,60}}?{_ANY_DATE}",
                    re.I,
                ),
                "{Whose} anger att nämnden beslutade {0}.",
            ),
            Reading(
                re.compile(rf"(?m)^(?:Beslutsdatum|Sammanträdesdatum|Protokoll)[ \t]*:?[ \t]*{_ANY_DATE}"),
                "{Whose} anger att nämnden beslutade {0}.",
            ),
        ),
        "{Whose} anger inte när nämnden fattade beslut.",
    ),
    # What the office proposes the committee decide: to approve its tjänsteutlåtande as the response.
    "beslutsförslag": Field(
        (
            # the numbered points under the heading ('1. … godkänner … 2. … justeras omedelbart.')
            Reading(
                re.compile(
                    r"(?mi)^(?:förvaltningens )?förslag till beslut[ \t]*\n[ \t]*\n?((?:[ \t]*\d+[.)][^\n]+\n?)+)"
                ),
                "I {whose} är förslaget till beslut: {0}",
            ),
            Reading(
                re.compile(r"föreslår (?:\w+ )?att ((?:\w+ ){0,2}?\w*nämnden godkänner [^.]*?)\s*\."),
                "Enligt {whose} föreslår förvaltningen att {0}.",
            ),
            Reading(
                re.compile(r"(?m)^Remissen besvaras med ([^\n.]+?)\s*\.?\s*$"),
                "Enligt {whose} föreslår förvaltningen att remissen besvaras med {0}.",
            ),
        ),
        "{Whose} anger inget förslag till beslut.",
    ),
    "bilagor": Field(
        (
            Reading(
                re.compile(r"(?m)^Bilag(?:a|or)[ \t]*\n[ \t]*\n?((?:[^\n]+\n?)+?)(?=\n[ \t]*\n|\Z)"),
                "Till {whose} bifogas {0}.",
                listed,
            ),
        ),
        "{Whose} anger inga bilagor.",
    ),
    "avsändare": Field(
        (
            Reading(
                re.compile(
                    r"(?m)^([A-ZÅÄÖ][\w-]*[ \t]+stadsdelsförvaltning|[A-ZÅÄÖ]\w*(?:förvaltningen|kontoret))[ \t]*\n"
                    r"[ \t]*Avdelning[ \t]+([^\n]+)$"
                ),
                "Avsändare av {whose} är {0}, avdelning {1}.",
            ),
            Reading(
                re.compile(
                    r"(?m)^([A-ZÅÄÖ]\w*(?:förvaltningen|kontoret))[ \t]*\n[ \t]*([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)*)"
                    r"[ \t]*\n(?=[^\n]*(?:gatan|vägen|plan|torget|Box) )"
                ),
                "Avsändare av {whose} är {0}, {1}.",
            ),
            Reading(
                re.compile(r"[Ää]rendet har beretts ((?:inom|av) [^.\n]+)"),
                "{Whose} anger ingen avsändande avdelning, men ärendet har beretts {0}.",
            ),
        ),
        "{Whose} anger ingen avsändande avdelning.",
    ),
    # Where the case was prepared, and who else dealt with it: the sentences after it that say so, in the same
    # section ('… kommer att behandlas av den fackliga samverkansgruppen …', '… har haft möjlighet att ta del av …').
    "beredning": Field(
        (
            Reading(
                re.compile(
                    r"[Ää]rendet har beretts ((?:inom|av) [^.\n]+)\.\s*"
                    r"([^.\n]*\bbehandla[^.\n]*(?:\.[ \t]*[^.\n]*\b(?:behandla|ta del|[Ss]ynpunkter)[^.\n]*)*)\."
                ),
                "Enligt {whose} har ärendet beretts {0}; {1}.",
                clause,
            ),
            Reading(
                re.compile(r"[Ää]rendet har beretts ((?:inom|av) [^.\n]+)"), "Enligt {whose} har ärendet beretts {0}."
            ),
        ),
        "{Whose} anger inte var ärendet har beretts.",
    ),
    # Whom the remiss went to ('Remissinstanser är …', 'Kommunstyrelsen har remitterat förslaget … för yttrande
    # till …'); a response that names only itself as the receiver says no more.
    "remissinstanser": Field(
        (
            Reading(re.compile(r"Remissinstanser\s+är\s+([^.]+)\."), "Enligt {whose} är remissinstanserna {0}."),
            Reading(
                re.compile(
                    r"Kommunstyrelsen\s+har\s+remitterat\s+förslaget\b[^.]*?\s+för\s+yttrande\s+till\s+([^.]+)\."
                ),
                "Enligt {whose} har kommunstyrelsen remitterat förslaget för yttrande till {0}.",
            ),
            Reading(
                re.compile(r"Kommunstyrelsen\s+har\s+remitterat\s+[^.]*?\s+till\s+(\w+)\s+för\s+yttrande"),
                "Enligt {whose} har kommunstyrelsen remitterat förslaget till {0} för yttrande; andra remissinstanser "
                "nämns inte.",
            ),
        ),
        "{Whose} anger inte vilka remissinstanserna är.",
    ),
    # The programme period the response is about: the first the document names, in its title or its opening.
    "programperiod": Field(
        (
            Reading(
                re.compile(r"[Tt]rygghetsprogram\w*\s+(?:för\s+)?(?:perioden\s+|tiden\s+)?(20\d\d\s*[-–]\s*20\d\d)"),
                "{Whose} gäller förslaget till trygghetsprogram för perioden {0}.",
                lambda value: "".join(value.split()),
            ),
        ),
        "{Whose} anger inte vilken programperiod det gäller.",
    ),
    # Names with their titles, under each other ("Gunilla Glantz / Förvaltningschef") or in an
    # approval list ("Lena Holmdahl, Utbildningsdirektör 2023-10-17").
    "underskrifter": Field(
        (
            Reading(
                # An approval list dates each name ("Lena Holmdahl, Utbildningsdirektör\t2023-10-17").
                re.compile(rf"(?m)^{PERSON},?[ \t]*\n?[ \t]*({SIGNATORY_TITLE})\b(?:[ \t]+(\d{{4}}-\d\d-\d\d))?"),
                "{Whose} är undertecknat av {0}.",
            ),
        ),
        "{Whose} anger inga underskrifter.",
        collects=True,
    ),
}


def title_stem(word: str) -> str:
    """A title as asked ('förvaltningschefen', 'direktörer') folded to the form titles start with."""
    return re.sub(r"(erna|er|en|n)$", "", fold(word.lower()))


def signatory(name: str, title: str, approved: str = "") -> str:
    """'Gunilla Glantz (förvaltningschef)', 'Lena Holmdahl (utbildningsdirektör, godkände 2023-10-17)'."""
    return f"{one_line(name)} ({title.lower()}{f', godkände {approved}' if approved else ''})"
