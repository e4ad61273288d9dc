"""Page furniture and procedure: the parts of a remissvar that are about the paper, not the programme.

A municipal tjänsteutlåtande carries a letterhead (the office, its address, "Växel", "Fax",
e-mail, org nr), a handläggare block, page headers and footers ("Tjänsteutlåtande", "Dnr …",
"Sida 8 (9)"), signature blocks (names with titles), attachment lists, and sentences about
the remiss procedure itself ("… föreslår att trafiknämnden godkänner kontorets
tjänsteutlåtande som svar på remissen", "Kommunstyrelsen har begärt nämndens yttrande …
senast …"). None of it answers a question about the programme; all of it answers a question
about exactly that (who handles it, by when, what was decided), so it is labelled, not
removed: `sentence_kind` names the kind of a sentence, '' for content. The raw text and
every span stay untouched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

CONTENT = ""
CONTACT = "contact"  # handläggare, telephone, e-mail, address, org nr
LETTERHEAD = "letterhead"  # the sender's and recipient's name blocks, the document kind and date
PAGE = "page"  # running headers and footers, page numbers, attachment lists
SIGNATURE = "signature"  # names with titles, signing dates
PROCEDURE = "procedure"  # how the remiss was sent, prepared and is to be decided

FURNITURE_KINDS = (CONTACT, LETTERHEAD, PAGE, SIGNATURE, PROCEDURE)

_TITLE = r"(?:förvaltnings|forvaltnings|stadsdels|utbildnings|avdelnings|social|trafik)?(?:chef|direktör|direktor)\b"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        CONTACT,
        re.compile(
            r"\b(handläggare|handlaggare|telefon|tel\.|växel|vaxel|véxel|fax|org\.? ?nr|box \d+"
            r"|besöksadress|postadress)\b"
            r"|\S+@\S+\.\w+|\bstockholm\.se\b|\bstart\.stockholm\b|\b\d{3} ?\d{2} [A-ZÅÄÖ][a-zåäö]+\b|\b08-\d",
            re.I,
        ),
    ),
    (SIGNATURE, re.compile(rf"^[A-ZÅÄÖ][\w-]+ [A-ZÅÄÖ][\w-]+,? ?\n?\s*[\w-]*{_TITLE}", re.I)),
    (SIGNATURE, re.compile(rf"(^|\n)\s*[\w-]*{_TITLE}\s*(\n|$)", re.I)),
    (SIGNATURE, re.compile(r"har godk[aä]nts (digitalt )?av f[oö]ljande person", re.I)),  # the approval block
    (
        PAGE,
        re.compile(
            r"^(sida \d+ \(\d+\)|slut|bilag(?:a|or)|bilaga \d+|\d+\.|namn datum|remissmissiv|följebrev.*|foljebrev.*"
            r"|tjänsteutlåtande|tjansteutlatande|(ks|dnr)[\s\w]* \d{4}/\d+.*|\w+ \d{4}/\d+ tjänsteutlåtande)$"
            r"|(^|\n)\s*(sida \d+ \(\d+\)|dnr [\w ]+ \d{4}/\d+)\s*(\n|$)",
            re.I,
        ),
    ),
    (LETTERHEAD, re.compile(r"^(till\s*\n|w stockholms$|svar på remiss|svar pa remiss)", re.I)),
    # The title alone: 'Stockholms stads trygghetsprogram 2024-2027.' heads a response, it says nothing.
    (
        LETTERHEAD,
        re.compile(r"^(förslag till |forslag till )?stockholms stads [\w-]*program \d{4}\s*[-–]\s*\d{4}\.?$", re.I),
    ),
    # The reference line under the title: 'Remiss från kommunstyrelsen, dnr KS 2023/739'.
    (LETTERHEAD, re.compile(r"^remiss (från|fran) [\w ]+,?\s*(dnr|ks)\b[\s\w]*\d{4}/\d+\s*$", re.I)),
    (
        PROCEDURE,
        re.compile(
            r"godkänner (förvaltningens |kontorets |stadsdelsförvaltningens )?(tjänsteutlåtande|tjänsteutlåtandet)"
            r"|som svar på remissen|justerar (ärendet|paragrafen) omedelbart|remissen besvaras med"
            r"|har begärt (nämndens|förvaltningens) yttrande|för yttrande senast|yttrande senast|remisstiden"
            r"|[äa]rendet har beretts|har behandlat ärendet|möjlighet att behandla ärendet|förslag till beslut"
            # 'Ärendet har behandlats i förvaltningsgruppen', '… kommer att behandlas av den fackliga samverkansgruppen'
            r"|[äa]rendet (har behandlats|behandlas|kommer att behandlas)"
            r"|har remitterat|på remiss från|remitterats? (till|för)|förvaltningens förslag till beslut",
            re.I,
        ),
    ),
)
# A block of short lines with no sentence in it (a name block, an address) is letterhead.
_SHORT_LINE_WORDS = 5


@lru_cache(maxsize=100_000)
def sentence_kind(text: str) -> str:
    """The furniture kind of one sentence or line block of cleaned text ('' for content)."""
    stripped = text.strip()
    for kind, pattern in _PATTERNS:
        if pattern.search(stripped):
            return kind
    lines = [line for line in stripped.splitlines() if line.strip()]
    if re.match(r"[-•–]|\d+\.\s", stripped):
        return CONTENT  # a list item runs over several short lines too
    if (
        len(lines) >= 2
        and all(len(line.split()) <= _SHORT_LINE_WORDS for line in lines)
        and not re.search(r"[.!?]$", stripped)
    ):
        return LETTERHEAD
    return CONTENT


_ATTACHMENTS = re.compile(r"^(bilag(?:a|or)|bilaga \d+|följebrev|foljebrev)\b", re.I)


def sentence_kinds(texts: Sequence[str], section: str = "") -> tuple[str, ...]:
    """The kind of each sentence of a passage; everything under an attachments heading is page furniture.

    The heading may open the passage's section or stand inside the passage ("Bilaga" near a document's end).
    """
    listed = bool(_ATTACHMENTS.match(section.strip()))
    kinds: list[str] = []
    for text in texts:
        listed = listed or bool(_ATTACHMENTS.match(text.strip()) and len(text.split()) <= 3)
        kinds.append(PAGE if listed else sentence_kind(text))
    return tuple(kinds)
