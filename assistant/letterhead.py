"""Metadata answers: a document's own fields (handläggare, dnr, date, attachments, signatories …).

A question such as "Vem är handläggare för trafiknämndens remissvar?" is answered with one
Swedish sentence that names the document and cites the exact span the value was read from
("Handläggare för trafiknämndens remissvar är Kristoffer Bengtsson. [1]"); a document that
does not state the field is said not to. The fields and their wording are in
assistant/letterhead_fields.py; which field a question asks for in assistant/field_questions.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from assistant import prompts
from assistant.compose import capital, responder_genitive
from assistant.field_questions import CONTACT_OF, ROLE_OF, WHEN, contact_subject
from assistant.letterhead_fields import FIELDS, PERSON, Field, and_list, signatory, title_stem
from assistant.question import SET_ASIDE, Question, body_in_swedish
from assistant.records import Citation, Hit, Span
from assistant.responder_names import group_asked, named_responders
from vectorstore.analyzer import fold
from vectorstore.lexical import LexicalIndex
from vectorstore.records import Chunk, Filters, period_label

DocumentChunks = Callable[[str, int, int], list[Chunk]]  # (source, first ordinal, count) -> chunks

MAX_CHUNKS = 200  # a document's fields are looked for in this many chunks at most
# A title the question names ("förvaltningschef", "ordförande"); bare "chef"/"direktör" names none.
_DIACRITICS = {"forande": "förande", "direktor": "direktör"}
_ASKED_TITLE = re.compile(r"\b([\wåäö]+(?:chef|direktör|direktor)|ordförande\w*|ordforande\w*)", re.I)
# The same titles in English, as a Swedish answer names their holders.
_ENGLISH_TITLES = (
    (re.compile(r"\bchair(?:person|man|woman)?\b", re.I), "ordföranden"),
    (re.compile(r"\b(?:director|head of (?:the )?(?:administration|office))\b", re.I), "förvaltningschefen"),
    (re.compile(r"\b(?:head of (?:the )?(?:department|unit|division)|manager)\b", re.I), "avdelningschefen"),
)


@dataclass(frozen=True)
class Read:
    """One document's field: the sentence that says it and the spans it was read from, per chunk."""

    sentence: str
    spans: tuple[tuple[Chunk, Span], ...]


def _whose(responder: str) -> str:
    return f"{responder_genitive(responder)} remissvar" if responder else "dokumentet"


def _fill(template: str, whose: str, values: list[str]) -> str:
    return capital(template.format(*values, whose=whose, Whose=capital(whose)))


def read_field(spec: Field, chunks: list[Chunk], whose: str) -> Read | None:
    """The first reading the document has, said; None when it has none."""
    for reading in spec.readings:
        for chunk in chunks:
            match = reading.pattern.search(chunk.clean_text)
            if match:
                values = [reading.clean(v) for v in match.groups()]
                span = Span(match.start(1), match.end(match.lastindex or 1))
                return Read(_fill(reading.said, whose, values), ((chunk, span),))
    return None


def read_signatories(
    spec: Field, chunks: list[Chunk], whose: str, asked: str, dated: bool = False, only: Iterable[str] = ()
) -> Read | None:
    """Every name with a title in the document, once each; only those with the asked title if any.

    With `dated` (the question asks when), a name's date in the approval list is said too; with
    `only`, only those people ('Vilken titel har Anna Hamlin?').
    """
    wanted = {fold(person) for person in only}
    people: dict[str, str] = {}
    spans: list[tuple[Chunk, Span]] = []
    dates: list[tuple[Chunk, Span]] = []  # where the approval list gives a date: cited first when one is asked
    for chunk in chunks:
        for reading in spec.readings:
            for match in reading.pattern.finditer(chunk.clean_text):
                name, title = " ".join(match.group(1).split()), match.group(2)
                approved = match.group(3) if dated and match.lastindex == 3 else ""
                if (name in people and not approved) or (asked and not _is_title(title, asked)):
                    continue
                if wanted and fold(name) not in wanted:
                    continue
                if name in people and people[name] == signatory(name, title, approved):
                    continue
                people[name] = signatory(name, title, approved)
                (dates if approved else spans).append((chunk, Span(match.start(1), match.end(match.lastindex or 2))))
    if not people:
        return None
    return Read(_fill(spec.readings[0].said, whose, [and_list(list(people.values()))]), (*dates, *spans))


# The head of an administration is its förvaltningschef, whatever the title ('Stadsdelsdirektör').
_HEAD_OF_ADMINISTRATION = "forvaltningschef"


def _is_title(title: str, asked: str) -> bool:
    """Whether a title in the document is the one asked for, misspelt by a letter too ('förvaltningchef')."""
    written = fold(title.lower())
    if asked == _HEAD_OF_ADMINISTRATION and written.endswith("direktor"):
        return True
    return written.startswith(asked) or (len(asked) >= 8 and OSA.distance(title_stem(written), asked) <= 1)


def _asked_title(text: str) -> tuple[str, str]:
    """The title a question names, spelt with å/ä/ö, and as titles start ('' when none).

    Several titles named ('förvaltningschef avdelningschef enhetschef - namnen') ask every signatory.
    """
    matches = list(_ASKED_TITLE.finditer(text))
    if not matches:  # 'Who is the chair … that signed off on this?' asks the ordförande among the signatories
        written = _indefinite(_english_holder(text))
        return written, title_stem(written)
    if len({fold(m.group(1).lower()) for m in matches}) != 1:
        return "", ""
    written = _spelled(matches[0].group(1).lower())
    return written, title_stem(written)


def _title_holder(text: str) -> str:
    """The holder of a title the question names, as asked ('utbildningsdirektörens' -> 'utbildningsdirektören')."""
    match = _ASKED_TITLE.search(text)
    if not match:  # 'the chairperson's phone number' -> ordföranden
        return _english_holder(text)
    word = _spelled(re.match(r"[\wåäö]*", text[match.start() :], re.I).group(0).lower())  # type: ignore[union-attr]
    return word.removesuffix("s") if word.endswith("ens") else word


def _english_holder(text: str) -> str:
    """The holder of a title named in English, as a Swedish answer names them ('the chair' -> ordföranden; '')."""
    return next((holder for pattern, holder in _ENGLISH_TITLES if pattern.search(text)), "")


def _spelled(title: str) -> str:
    """A title typed without å/ä/ö, spelt with them ('utbildningsdirektor' -> 'utbildningsdirektör')."""
    for folded, swedish in _DIACRITICS.items():
        title = title.replace(folded, swedish)
    return title


def _indefinite(title: str) -> str:
    """A title as asked, without its definite ending: 'ordföranden' -> 'ordförande', 'chefen' -> 'chef'."""
    if title.endswith(("anden", "aren", "ern")):
        return title[:-1]  # ordförande-n, handläggare-n, politiker-n
    return title.removesuffix("en")


# A person's own contact detail asked for ("Vilket telefonnummer har Lena Holmdahl?"): only the
# handläggare's is given, next to their name, so another person's is not in the documents.
_PERSONAL = {
    "telefon": "inget telefonnummer",
    "kontakt": "inga kontaktuppgifter",
    "handläggare": "inga kontaktuppgifter",  # 'Hur får jag tag på handläggaren Jenny Lindfors?'
    "e-post": "ingen e-postadress",
}


def persons_asked(text: str, responders: Iterable[str]) -> list[str]:
    """Every person a question names ('Vilka roller har Ulrika Falk och Tove Nilsson?'), not a responder's name.

    A person it sets aside ('Förutom Lena Holmdahl, vem mer …?') is not asked about.
    """
    asked = SET_ASIDE.sub("", text)  # 'Besides Lena Holmdahl, who is the second person?': someone else
    names = [" ".join(m.split()) for m in re.findall(PERSON, asked[1:])]  # not the capitalised first word
    return [n for n in dict.fromkeys(names) if not named_responders(n, responders)]


def person_field(q: Question, documents: Callable[[], list[list[Chunk]]], responders: Iterable[str]) -> str:
    """The field that tells who a person the question asks about is ('' when it names no one the documents do).

    A signatory's title ('Vilken titel har Anna Hamlin?'), or the contact details of a document's
    handläggare ('Vem är Kristoffer Bengtsson?', 'Hur når jag handläggaren Jenny Lindfors?').
    'Vilken roll har Polisregion Stockholm?' names no such person: it asks about the programme.
    `documents` are read only for a question that names someone and asks who they are or how to
    reach them: most questions do not.
    """
    role = bool(ROLE_OF.search(q.corrected))
    if not (role or CONTACT_OF.search(q.corrected)) or not (people := persons_asked(q.text, responders)):
        return ""
    read = documents()
    signing = [c for doc in read for c in doc] if role else []
    if signing and read_signatories(FIELDS["underskrifter"], signing, "svaret", "", only=people):
        return "underskrifter"
    wanted = {fold(person) for person in people}
    for document in read:
        handler = read_field(FIELDS["handläggare"], document, "svaret")
        if handler is not None and any(person in fold(handler.sentence) for person in wanted):
            return "kontakt"
    return ""


def _asked_person(q: Question, index: LexicalIndex) -> str:
    """The person a contact question names ('Lena Holmdahl'), '' when none (or a responder's name)."""
    people = persons_asked(q.text, index.responders) if q.metadata_field in _PERSONAL else []
    return people[0] if people else ""


def _person_contact(
    q: Question, person: str, sources: dict[str, str], chunks: DocumentChunks
) -> tuple[str, list[Citation]]:
    """The contact details of a named person: theirs when they are a document's handläggare, else said missing."""
    lines: list[str] = []
    citations: list[Citation] = []
    for source, responder in sorted(sources.items(), key=lambda item: item[1]):
        document = chunks(source, 0, MAX_CHUNKS)
        if not any(fold(person) in fold(" ".join(c.clean_text.split())) for c in document):
            continue
        whose = _whose(responder)
        # A telephone number stands under the handläggare's name; an e-mail address holds the name.
        field = "e-post" if q.metadata_field == "e-post" else "kontakt"
        read = read_field(FIELDS[field], document, whose)
        said = fold(read.sentence).replace(".", " ") if read is not None else ""
        if read is not None and all(part in said for part in fold(person).split()):
            (chunk, span), n = read.spans[0], len(citations) + 1
            citations.append(Citation(n, chunk, (span,)))
            lines.append(f"{read.sentence} [{n}]")
        else:
            lines.append(f"{capital(whose)} anger {_PERSONAL[q.metadata_field]} till {person}.")
    return "\n".join(lines) or f"Dokumenten nämner inte {person}.", citations


_SENDER = re.compile(r"^kommunstyrelse", re.I)
_DEADLINE = re.compile(r"\b(svarsfrist\w*|svarstid\w*|remisstid\w*|senast|deadline)\b", re.I)
# The councils and groups that dealt with a case, which its beredning names ('pensionärsråd, funktionshinderråd').
_COUNCIL = re.compile(r"(råd|rad|grupp)\w*$", re.I)


def letterhead_answer(
    q: Question, index: LexicalIndex, chunks: DocumentChunks, filters: Filters | None = None
) -> tuple[str, list[Citation]]:
    """One sentence per document asked about (within the filters), with citations of the spans read.

    No citations when no document states the field: the text then says why.
    """
    if q.metadata_field in ("kontakt", "handläggare") and (subject := contact_subject(q.text, index.responders)):
        return prompts.NO_CONTACT_FOR.format(subject=subject), []
    # The dnr of the remiss itself is in every response, whoever else is named; so is the deadline the
    # sender set ('kommunstyrelsens svarsfrist'), and so are the councils a case went to.
    bodies = [
        b
        for b in q.other_bodies
        if not (_SENDER.search(b) and _DEADLINE.search(q.text))
        and not (q.metadata_field == "beredning" and _COUNCIL.search(b))
    ]
    if bodies and not q.responders and q.metadata_field != "dnr":
        return prompts.NO_RESPONSE_FROM.format(body=body_in_swedish(bodies[0])), []
    # a group named asks its members ('the two district committees'), none every responder
    responders = q.responders or group_asked(q.text, index.responders) or tuple(sorted(index.responders))
    allowed = [(field, set(values)) for field, values in (filters or Filters()).by_field() if values]
    if q.periods and not q.responders:  # 'each of the 2024–2027 responses': the responses to that programme
        allowed.append(("period", {period_label(a, b) for a, b in q.periods}))
    sources: dict[str, str] = {}
    for document in index.documents:
        values = document._asdict()
        if document.responder in responders and all(values[field] in ok for field, ok in allowed):
            sources.setdefault(document.source, document.responder)
    if person := _asked_person(q, index):
        return _person_contact(q, person, sources, chunks)
    # a title holder's own number or address ('utbildningsdirektörens telefonnummer'): only the handläggare's is given
    if q.metadata_field in ("telefon", "e-post") and (holder := _title_holder(q.text)):
        return f"Dokumenten anger {_PERSONAL[q.metadata_field]} till {holder}, bara till handläggaren.", []
    citations: list[Citation] = []
    lines = [
        line
        for field in (q.metadata_field, *q.more_fields)
        for line in _field_lines(q, field, sources, chunks, citations)
    ]
    return "\n".join(lines), citations


def _field_lines(
    q: Question, field: str, sources: dict[str, str], chunks: DocumentChunks, citations: list[Citation]
) -> list[str]:
    """One sentence per document for one field, markers numbered on from the citations so far (extended here)."""
    spec = FIELDS[field]
    written, asked = _asked_title(q.corrected) if spec.collects else ("", "")
    dated = q.answer_type == "when" or bool(WHEN.search(q.corrected))  # '… och vilka datum?' too
    # The titles of named people: from the documents they sign, the others not mentioned.
    only = persons_asked(q.text, sources.values()) if spec.collects and ROLE_OF.search(q.corrected) else []
    lines: list[str] = []
    missing: set[str] = set()
    found = False
    for source, responder in sorted(sources.items(), key=lambda item: item[1]):
        whose = _whose(responder)
        document = chunks(source, 0, MAX_CHUNKS)
        if spec.collects:
            read = read_signatories(spec, document, whose, asked, dated, only)
        else:
            read = read_field(spec, document, whose)
        if read is None and only:
            continue
        if read is None:
            said = f"{{Whose}} namnger ingen {_indefinite(written)}." if asked else spec.missing
            missing.add(said.format(Whose=capital(whose)))
            lines.append(said.format(Whose=capital(whose)))
            continue
        found = True
        markers = []
        for chunk, span in read.spans:
            cited = next((c for c in citations if c.chunk.id == chunk.id), None)
            if cited is None:
                cited = Citation(len(citations) + 1, chunk, (span,))
                citations.append(cited)
            else:
                citations[cited.n - 1] = Citation(cited.n, chunk, (*cited.highlights, span))
            markers.append(f"[{cited.n}]")
        lines.append(f"{read.sentence} {' '.join(dict.fromkeys(markers))}")
    if asked and found and not q.responders:  # 'Vem är utbildningsdirektör?': whoever has one, not who has none
        lines = [line for line in lines if line not in missing]
    # the documents that state it first, then those that do not ('När är sista svarsdag?': the dates, not a refusal)
    return [line for line in lines if line not in missing] + [line for line in lines if line in missing]


def cited_first(passages: list[Hit], citations: list[Citation]) -> list[Hit]:
    """The passages of a metadata answer: the chunks it was read from first (unranked ones score 0), then the rest."""
    ranked = {h.chunk.id: h for h in passages}
    cited = [ranked.get(c.chunk.id, Hit(c.chunk, 0.0)) for c in citations]
    ids = {h.chunk.id for h in cited}
    rest = [h for h in passages if h.chunk.id not in ids]
    return cited + rest[: max(0, len(passages) - len(cited))]
