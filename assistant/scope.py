"""Abstention: decide when the documents do not answer a question.

Dense similarity alone cannot tell (e5 scores every Swedish question about 0.8 against
every passage), so the decision checks what the question demands against what the answer
would be built from (see `assistant.question.Question`):
- a proper name the documents never mention ("Göteborgs", "Skarpnäcks");
- the view of a body that did not respond (any name and spelling: "polisen", "kulturnamnden");
- the answer type: a "how many/how much" needs a number in the sentences the answer would use,
  a "when" a date or year that the question did not bring itself; and the named checks of
  assistant/scope_checks.py: the number counts what is asked (not a sibling kind), money is in
  kronor, a date is about the question's subject (a decision, the future), an outcome is more
  than the goal, an organisation without "-nämnd" did not respond; and those of
  assistant/scope_topics.py: an off-topic question, a topic no document names, a responder asked
  whether it mentions what only others' passages name;
- what the question fixes must agree: a year asked about must be in those sentences;
- no real support: no sentence of the best passages is more similar to the question than
  unrelated text is, or none covers its terms and none is clearly similar (thresholds
  calibrated on out-of-scope questions with bench/calibrate_abstention.py; see the README).
Every reason is a Swedish sentence the user reads after "Jag hittar inget svar …".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wordfreq import zipf_frequency

from assistant import prompts
from assistant.compose import NUMBER_WORDS, defines, responder_genitive
from assistant.field_questions import NAME_ASKED, TITLE, asks_title_holder
from assistant.glossary import glossary_spans
from assistant.question import (
    Question,
    body_in_swedish,
    common_in_swedish,
    explained_by_use,
    is_specific,
    overlaps,
    periods_in,
)
from assistant.responder_names import named_responders
from assistant.scope_checks import (
    IDENTIFIER,
    MEASURES,
    after_every_period,
    asks_if_consulted,
    asks_money,
    asks_view_of,
    committee_decision_missing,
    counted_missing,
    decision_missing,
    finding_missing,
    frequency_missing,
    funding_missing,
    future_missing,
    instances_missing,
    minutes_asked,
    money_missing,
    most_missing,
    names_quoted,
    names_statute,
    organisation_whose_view,
    outcome_missing,
    person_missing,
    ranking_missing,
    ranks_places,
    service_asked,
    share_missing,
    sibling_missing,
    spoken_of,
    states_money,
    statute_missing,
    when_missing,
)
from assistant.scope_topics import ENGLISH_WORD_ZIPF, LIGHT_TERMS, mention_missing, off_topic, topical, unknown_topic
from assistant.settings import Thresholds
from assistant.topics import NAMED_YEAR
from vectorstore.analyzer import fold, same_term, term, term_set, words
from vectorstore.lexical import LexicalIndex
from vectorstore.records import period_label

# A role asked about ("Vem är ordförande …"): the documents that would answer must name it.
_ROLE = re.compile(
    r"\b\w*(direktör|direktor|chef|ordförande|ordforande|handläggare|handlaggare|politiker|kommunalråd|borgarråd"
    # a party, not a word that starts like one ('particularly', 'partikel', 'participation')
    r"|sekreterare|chair\w*|director|parti(?=(et|er|erna|ernas|ets|es|s)?\b)|party\b)\w*",
    re.I,
)
# A question that asks who: by its first word, or for a name ('Namn på ordföranden?', 'Name of the chair?').
_ASKS_WHO = re.compile(rf"\s*(vem|vilk\w*|who|which|what|{NAME_ASKED})\b", re.I)
# The Swedish word for a role asked in English, for the refusal ('Who chairs …' -> ordförande).
_ROLE_IN_SWEDISH = {"chair": "ordförande", "director": "direktör", "party": "parti"}
_LAST_YEAR = re.compile(r"\b(förra året|forra aret|i fjol|föregående år|foregaende ar|last year)\b", re.I)
_NEXT_YEAR = re.compile(r"\b(nästa år|nasta ar|kommande år|kommande ar|nästkommande år|next year)\b", re.I)
# An English question must be about something these documents are about.
_ENGLISH_DOMAIN = re.compile(
    r"\b(safe\w*|secur\w*|crime\w*|criminal\w*|program\w*|committee\w*|board\w*|municipal\w*|"
    r"police|(pre)?school\w*|social|traffic|district\w*|referral\w*|prevent\w*|violence|youth|focus areas?|"
    r"cooperation|collaborat\w*|responsib\w*|coordinat\w*|welfare|public|environment|deadline|administration|"
    r"drug\w*|assault\w*|violen\w*|parent\w*|guideline\w*|influence|graffiti|light\w*|survey\w*|gender|extrem\w*|"
    r"gang\w*|neighbo\w*|street\w*|square\w*|parks?|unsafe|insecur\w*|actors?|camera\w*|guards?|corrupt\w*|brib\w*|"
    r"officer|vulnerable|area\w*|office|focus|achiev\w*|objectives?|"
    r"laws?|legislation|legal|statut\w*|strateg\w*|children|child|young|elderly|disabilit\w*|measures?|consultation"
    r"|home[- ]visit\w*|rinkeby model|consult\w*)\b",
    re.I,
)
NOT_ENGLISH_ZIPF = 1.0  # a word English uses less than this is no English word ('platssamverkan'; 'startup' is)
_NAME = re.compile(r"(?<=[\w,;:] )([A-ZÅÄÖ][\wåäöéÅÄÖ-]{2,})")
# Who is asking, before what is asked ('Vi är en BVC-grupp i Tensta och undrar: …', 'I work in Husby, …'): a place
# there is the user's own, not a constraint on the answer.
_ASKER = re.compile(
    # (without 'jag' too, as chats are typed: 'Bor nära St Eriksplan – …')
    r"^\s*(?:(?:jag|vi) (?:är|ar|jobbar|arbetar|sitter|bor)|(?:jobbar|arbetar|bor)|(?:i|we) (?:am|are|work|live))\b"
    r"[^.?!:]*?(?=\s+och (?:undrar|vill veta|funderar)\b|\s*[:.]|,\s*(?:and|so)\b|\s+and (?:wonder|would like)\b"
    # ... or a dash or comma before the question itself ('Jag jobbar på BVC – vem erbjuds …')
    r"|\s+[–—-]\s|,\s*(?:vad|vem|vilk\w*|hur|när|nar|var|varför|varfor|what|who|which|how|when|where|why)\b)",
    re.I,
)
# ... or said in a sentence of its own, anywhere: '… vem driver den? Jobbar på BVC-sidan.', 'I'm at Stockholmshem.'
_ASKER_SENTENCE = re.compile(
    r"(?:(?:jag|vi) )?(?:är|ar|jobbar|arbetar|sitter|bor)\b|(?:i|we) (?:am|are|work|live)\b|i'm\b"
    r"|working (?:at|in|for)\b",
    re.I,
)
_NUMBER = re.compile(
    rf"\d|\b({NUMBER_WORDS}|halveras|ett par|några|flera)\b",
    re.I,
)
_YEAR = re.compile(NAMED_YEAR + r"\b(19|20)\d\d(\s*[-–]\s*(19|20)?\d\d)?\b")
_MONTH = r"(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
# A time said relative to the text's own ('först de två senaste åren', OCR 'senaste\naren') answers 'Sedan när' too.
_DATE = re.compile(
    rf"\b(\d{{4}}-\d\d-\d\d|\d{{1,2}} {_MONTH}|{_MONTH} \d{{4}}|(19|20)\d\d|i år|nästa år|förra året|forra aret"
    r"|senaste\s+(\w+\s+)?(åren|aren|året|aret))\b",
    re.I,
)
# A body's own view: "tycker polisen", "polisens synpunkter", "what did the police say".


# The view of the body named before, asked by a pronoun: '… got the draft as well – did they back it?'
_ITS_OWN_VIEW = re.compile(
    r"\b(did|do|does|have|has|had) (they|it) (back|support|endorse|oppose|welcome|criticis\w*|criticiz\w*|object"
    r"|agree|like|respond|reply|answer|comment|say|think|raise concerns)\b"
    r"|\b(tyckte|tycker|ansåg|ansag|anser|svarade|stödde|stodde|stöder|stoder|invände|invande) (de|dom)\b",
    re.I,
)
# Up to two words between a view verb and the body ("tyckte den fackliga samverkansgruppen"), but
# not "om" ("säger trafiknämnden om polisens roll" asks trafiknämnden), nor a responder in its own
# right ("anser socialnämnden att polisen …"), nor a clause ("tycker Kungsholmen att polisen …": the
# responder's view of what the police should do); a responder's genitive owns the body ("utbildningsnämndens råd").
_GAP = (
    r"((?!om\b)(?!att\b)(?!that\b)(?![\w-]*(?:nämnd|namnd|förvaltning|forvaltning|kontor)(?:en|et|erna|a)?\s)"
    r"[\w-]+\s+){0,2}"
)


@dataclass(frozen=True)
class Evidence:
    """How well the best passages support a question, and the sentences an answer would use."""

    support: float  # best idf-weighted coverage of the question by one sentence
    top_dense: float  # best cosine similarity of a sentence
    sentences: tuple[str, ...]  # every content sentence of the passages considered
    answer_sentences: tuple[str, ...] = ()  # the sentences the answer would be built from
    context: tuple[str, ...] = ()  # the cited passages, their documents' titles and programme periods
    periods: tuple[tuple[int, int], ...] = ()  # programme periods of the cited documents
    written: tuple[str, ...] = ()  # the cited passages' own text and answer sentences, no titles or period labels
    dates: tuple[str, ...] = ()  # the cited documents' dates ('2023-10-19'; '' where a document states none)


_PRESENT = re.compile(r"\b(i år|i ar|hittills i år|innevarande år|nu|idag|i dag)\b", re.I)


def dated(sentence: str, document_date: str) -> str:
    """A sentence about the present ('i år', 'nu') with its document's year in brackets: the year it means."""
    year = document_date[:4]
    return f"{sentence} [{year}]" if year.isdigit() and _PRESENT.search(sentence) else sentence


def unknown_names(q: Question, index: LexicalIndex) -> list[str]:
    """Capitalised words (not sentence-initial) that no document mentions, even as a compound part.

    In an English question only a word English does not use counts ('Stockholmshem', not 'July').
    """
    out = []
    translated = glossary_spans(q.text)  # in a comparison's topic too, read as Swedish
    about_asker = _about_asker(q.text)
    for match in _NAME.finditer(q.text):
        name = match.group(1)
        if any(a <= match.start(1) < b for a, b in about_asker):
            continue  # where the user works or lives ('Vi är en BVC-grupp i Tensta och undrar: …')
        word = name.lower().removesuffix("'s")
        if q.language == "en" and zipf_frequency(word, "en") >= ENGLISH_WORD_ZIPF:
            continue
        if any(a <= match.start(1) < b for a, b in translated):
            continue  # a word the glossary translates ('the City Executive Office' -> stadsledningskontoret)
        if word in q.corrections and term(q.corrections[word]) in index.vocab:
            continue  # a misspelling of a word the documents use
        if "-" in word and index.begins_a_term(fold(word.split("-")[0])):
            # a compound coined on the first part of one the documents use ('Rinkeby-grejen': Rinkebymodellen);
            # the part alone names something else ('Rinkeby', a district no document mentions)
            continue
        # a name the documents use, also in the genitive ('Brås rapporter': Brå); a word with no terms is unknown
        known = any(t in index.vocab for t in index.query_terms(word)) or (
            word.endswith("s") and any(t in index.vocab for t in index.query_terms(word[:-1]))
        )
        if not known:
            out.append(name)
    return out


def _about_asker(text: str) -> list[tuple[int, int]]:
    """The spans of a question that tell who the asker is.

    Its opening ('Jag är … och undrar:') and any statement sentence of that kind (not one ending in '?': 'Är
    Kungsholmen ensam om …?' asks).
    """
    spans = [(0, m.end())] if (m := _ASKER.match(text)) else []
    for sentence in re.finditer(r"[^.?!]+[.?!]*", text):
        said = sentence.group().strip()
        if not said.endswith("?") and _ASKER_SENTENCE.match(said):
            spans.append(sentence.span())
    return spans


def names_known(q: Question, index: LexicalIndex) -> list[str]:
    """Capitalised words (not sentence-initial) that the documents mention: places and bodies they are about.

    Not a name every document uses ("Stockholm"): it tells nothing of what the question is about.
    """
    return [n for n in _NAME.findall(q.text) if any(topical(t, index) for t in index.query_terms(n))]


def swedish_words_known(q: Question, index: LexicalIndex) -> list[str]:
    """Swedish words of an English question that the documents are about ('What is platssamverkan?')."""
    return [
        w
        for w in re.findall(r"[^\W\d_]{5,}", q.text.lower())
        if zipf_frequency(w, "en") < NOT_ENGLISH_ZIPF and any(topical(t, index) for t in index.query_terms(w))
    ]


def body_whose_view(q: Question) -> str:
    """A body that did not respond whose view the question asks for ('' if none).

    A body the question only speaks of ('samarbetet med polisen', 'via pensionärsrådet') is not asked.
    """
    asked = [body for body in q.other_bodies if not spoken_of(q, body)]
    if asked and (q.answer_type == "opinion" or _ITS_OWN_VIEW.search(q.text)) and not q.responders:
        return asked[0]
    return next((body for body in asked if asks_view_of(q, body, _GAP)), "")


def _without_years(text: str) -> str:
    """The text without years and dates, whose numbers count nothing."""
    return _YEAR.sub(" ", _DATE.sub(" ", text))


# A number of years, months, weeks or days ('de två senaste åren') is how long, not how many of what is asked.
_SPAN_OF_TIME = re.compile(
    rf"\b(\d+|{NUMBER_WORDS})\s+(?:\w+\s+)?(år|åren|månader|månaderna|veckor|veckorna|dagar|dagarna)\b", re.I
)
_ASKS_TIME = re.compile(
    r"\b(år|åren|ar|aren|månad\w*|manad\w*|veck\w*|dag\w*|länge|lange|years?|months?|weeks?|days?|long)\b", re.I
)


def has_quantity(sentences: Iterable[str], question: str) -> bool:
    """Whether a sentence states a number other than a year or one the question brought itself.

    A span of time counts only when the question asks of time ('Hur många år …').
    """
    own = set(re.findall(r"\d+", question))
    spans = not _ASKS_TIME.search(question)
    for sentence in sentences:
        stripped = IDENTIFIER.sub(" ", sentence)
        # spans first: 'de två senaste åren' is a time ('senaste åren') around a count of years
        stripped = _without_years(_SPAN_OF_TIME.sub(" ", stripped) if spans else stripped)
        numbers = set(re.findall(r"\d+", stripped)) - own
        if numbers or re.search(
            # A share said in words counts too: 'halverad', 'fördubblas' (OCR: 'fordubblas').
            rf"\b({NUMBER_WORDS}|halver\w*|fördubbl\w*|fordubbl\w*|procent)\b",
            stripped,
            re.I,
        ):
            return True
    return False


def has_date(sentences: Iterable[str], question: str) -> bool:
    """Whether a sentence states a date or year that the question did not bring itself."""
    own = {m.group(0).lower() for m in _DATE.finditer(question)}
    return any(m.group(0).lower() not in own for s in sentences for m in _DATE.finditer(s))


def mentions_year(sentences: Iterable[str], year: int) -> bool:
    """Whether the year is named, alone or inside a period ('2024–2027'), in one of the sentences."""
    for sentence in sentences:
        for match in _YEAR.finditer(sentence):
            first, last = int(match.group(0)[:4]), match.group(0)[-4:]
            end = int(last) if last.isdigit() and len(last) == 4 else int(str(first)[:2] + last[-2:])
            if first <= year <= max(first, end if match.group(2) else first):
                return True
    return False


# The signals bench/calibrate_abstention.py fits an answerability model on, in this order (see `signals`).
SIGNALS = ("top_dense", "support", "unknown_share", "english")


def signals(q: Question, evidence: Evidence) -> tuple[float, ...]:
    """The values of SIGNALS for one question and the evidence its answer would use."""
    unknown_share = len(set(q.unknown_terms)) / max(1, len(set(q.terms)))
    return (evidence.top_dense, evidence.support, unknown_share, float(q.language == "en"))


_CITY = re.compile(r"\b([\wåäöÅÄÖ-]+?)s? (stads?|kommuns?)\b", re.I)
# Sweden's largest municipalities besides Stockholm (and English names), folded: named alone, they are other cities.
_OTHER_CITIES = frozenset(
    "goteborg gothenburg malmo uppsala vasteras orebro linkoping helsingborg jonkoping norrkoping lund umea gavle "
    "boras sodertalje eskilstuna halmstad vaxjo karlstad sundsvall ostersund trollhattan lulea kalmar kristianstad "
    "skelleftea falun karlskrona copenhagen kopenhamn oslo helsinki helsingfors".split()
)


def other_city(q: Question, index: LexicalIndex) -> str:
    """Another city or municipality the question names ('malmo stad', 'Göteborgs stads'), '' when none.

    Its name is a word the documents never use, typed in any case: 'trygg stad' is the documents' own words.
    """
    for match in _CITY.finditer(q.query):
        terms = index.query_terms(match.group(1))  # none for a stop word: 'som stad', 'en kommun'
        if ranks_places(match.group(0)):
            continue  # 'Sveriges tryggaste stad' ranks a city, it names none
        if terms and fold(match.group(1)) != "stockholm" and not any(t in index.vocab for t in terms):
            return match.group(0)
    for word in re.findall(r"[^\W\d_]+", q.text):
        if fold(word.lower()).removesuffix("s") in _OTHER_CITIES and fold(word.lower()) not in index.vocab:
            return word  # 'Malmö crime prevention: …', 'Hur jobbar Göteborg?'
    return ""


# A responder's own response to an earlier programme than the one its document answers: 'Hur löd deras svar 2021 på
# det förra programmet?', 'vad tyckte de om 2020–2023-versionen när den remitterades 2021?', 'vilket dnr hade
# yttrandet över det förra programmet?' (not what its response says of it: 'svaret om det förra programmet').
_EARLIER_RESPONSE = re.compile(
    r"\b(svar|svaret|svarade|remissvar\w*|yttrande\w*|yttrade sig|tjansteutlatande\w*)\b[^?.]{0,40}?"
    r"\b(over|pa|on|to)\s+(det |den |the )?(forra|tidigare|gamla|foregaende|previous|earlier|old)\b"
    r"|\b(remitterades|svarade|svarat|yttrade sig|svar|svaret|answered|responded)\s+(ar\s+|in\s+)?"
    r"(?P<year>(19|20)\d\d)\b"
)


def earlier_response_asked(q: Question, index: LexicalIndex) -> str:
    """Why a named responder's response to an earlier programme cannot be given: the documents hold one, later.

    Only where each named responder has documents of one programme period, and a year asked lies before it.
    """
    found = _EARLIER_RESPONSE.search(fold(" ".join(q.text.lower().split())))
    if not q.responders or not found:
        return ""
    periods = {r: {d.period for d in index.documents if d.responder == r} for r in q.responders}
    if any(len(p) != 1 for p in periods.values()):
        return ""
    asked_year = int(found["year"]) if found["year"] else None
    for (period,) in periods.values():
        first = min((a for a, _ in periods_in(period)), default=None)
        if first is None or (asked_year is not None and asked_year >= first - 1):
            return ""
    said = " och ".join(f"{responder_genitive(r)} remissvar om programmet {p}" for r, (p,) in periods.items())
    return f"Dokumenten har bara {said}, inget svar om ett tidigare program."


def rule_reason(q: Question, evidence: Evidence, index: LexicalIndex) -> str:
    """The named rules: why the documents cannot answer, whatever the similarity ('' when none applies)."""
    if reason := service_asked(q):  # advice or a service asked for, whoever the question names
        return reason
    # Whether a body was consulted is read from the list of remissinstanser: no question of its view.
    consulted = asks_if_consulted(q.text)
    if not consulted and (body := body_whose_view(q)):
        return prompts.NO_RESPONSE_FROM.format(body=body_in_swedish(body))
    if reason := minutes_asked(q) or after_every_period(q, index) or earlier_response_asked(q, index):
        return reason
    if (
        q.language == "en"
        and not _ENGLISH_DOMAIN.search(q.text)
        and not q.responders
        and not names_known(q, index)
        and not swedish_words_known(q, index)
        and not names_quoted(q, evidence.sentences)
    ):
        return "Inget stycke i dokumenten handlar om det frågan gäller."
    if names := unknown_names(q, index):
        return f"Dokumenten nämner inte {', '.join(names)}."
    if city := other_city(q, index):  # also in lower case, which the names above need
        return f"Dokumenten gäller Stockholms stad, inte {city}."
    if not consulted and (body := organisation_whose_view(q, index.responders)):
        return prompts.NO_RESPONSE_FROM.format(body=body_in_swedish(body))
    used = evidence.answer_sentences or evidence.sentences
    if reason := answer_type_missing(q, used, index, evidence.context):
        return reason
    if not q.compares and (reason := _fixed_time_missing(q, evidence, used) or decision_missing(q, used)):
        return reason
    if reason := (
        outcome_missing(q, used)
        or committee_decision_missing(q, used)
        or future_missing(q, used)
        or finding_missing(q, used)
        or instances_missing(q, used)
        or person_missing(q, used)
        or frequency_missing(q, used)
        or ranking_missing(q, used)
        or most_missing(q, used)
        or funding_missing(q, used)
        or statute_missing(q, used, evidence.context)
    ):
        return reason
    # 'Vem är ordförande …', 'Vilket parti har ordförandeposten …' ask for a role; '… eller politiker' names one.
    role = _ROLE.search(q.text) if _ASKS_WHO.match(q.text) else None
    if role and TITLE.fullmatch(role.group(0)) and not asks_title_holder(q.text):
        role = None  # what chiefs do ('Vilken roll har cheferna …'), not who they are
    if role and not any(fold(role.group(1)) in fold(t) for t in evidence.context):
        asked = re.sub(r"^chair\w*", "chair", fold(role.group(1)).rstrip("s"))  # chairperson, chairman …
        named = _ROLE_IN_SWEDISH.get(asked, role.group(0).lower())
        plural = re.search(r"(chef|direkt[oö]r)er\w*$", named)
        article = "inget" if named.startswith("parti") else "inga" if plural else "ingen"
        return f"Dokumenten nämner {article} {named}."
    return unknown_topic(q, index) or mention_missing(q, index)


def abstain_reason(q: Question, evidence: Evidence, index: LexicalIndex, thresholds: Thresholds) -> str:
    """Why the documents do not answer the question, as a Swedish sentence ('' when they may)."""
    if reason := rule_reason(q, evidence, index):
        return reason
    if evidence.top_dense < thresholds.weak_dense and (reason := off_topic(q, index)):
        return reason  # no word of what it is about, and no sentence clearly similar
    if q.defined_term and (not explained_by_use(q.corrected) or defines(evidence.answer_sentences, q.defined_term)):
        return ""  # an explained term is support enough, however short the question
    if names_statute(q, evidence.answer_sentences) or names_quoted(q, evidence.sentences):
        return ""  # so is the law or name the question quotes ('lag (2023:196)', "the 'Trygghet på karta' tool")
    if q.language == "en":
        return (
            "Inget stycke i dokumenten handlar om det frågan gäller."
            if evidence.top_dense < thresholds.min_dense_english
            else ""
        )
    # A sentence holding most of what the question says is support enough a little under the similarity floor
    # ('När trädde den nya lagen i kraft enligt Kungsholmen?': the law's sentence, cosine 0.81).
    strong = evidence.support >= thresholds.strong_support and evidence.top_dense >= thresholds.strong_dense
    if evidence.top_dense < thresholds.min_dense and not strong:
        return "Inget stycke i dokumenten handlar om det frågan gäller."
    if evidence.support < thresholds.min_support and evidence.top_dense < thresholds.weak_dense:
        return "Inget stycke i dokumenten stöder ett svar."
    return ""


def specific_terms(q: Question, index: LexicalIndex) -> set[str]:
    """The question's terms that few passages use (what it is about, not 'staden' or 'många').

    Not a responder's name ('EAV:s'), which says whose answer, nor a stray letter ('s').
    """
    return {
        t
        for t in q.terms
        if len(t) > 1 and not t.isdigit() and t not in LIGHT_TERMS and t not in q.name_terms and is_specific(t, index)
    }


_MEASURE_TERMS = frozenset(term(w) for w in MEASURES)


def _worded_as_documents(unknown: str, index: LexicalIndex) -> bool:
    """An unknown term that is a unit, or a hyphenated compound on a term the documents use ('cosafe-appen')."""
    parts = unknown.split("-")
    return unknown in _MEASURE_TERMS or (len(parts) > 1 and term(parts[0]) in index.vocab)


# A time of day asked ('What time does … open?', 'Vilken tid öppnar …', 'öppettider') and one stated ('kl. 8', '08.30').
_CLOCK_ASKED = re.compile(
    r"^\s*(at )?what time (do|does|did|will|is|are|was)\b|\bvilken tid (öppnar|oppnar|stänger|stanger|börjar|borjar)\b"
    r"|\b(öppettider|oppettider|opening (hours|times))\b",
    re.I,
)
# A duration asked ('Hur länge har …', 'how long') and a span of time stated ('i fem år', 'sedan 2021', 'senaste åren').
_DURATION_ASKED = re.compile(r"\bhur (länge|lange|lång tid|lang tid)\b|\bhow (long|much time)\b", re.I)
_SPAN = re.compile(
    rf"\b(\d+|{NUMBER_WORDS}|flera|många|manga|några|nagra)\s+(år|ar|åren|aren|månader|manader|veckor|dagar|timmar"
    r"|decennier|years|months|weeks|days|hours)\b|\b(sedan|sen|since|senaste|under|i|for)\s+(\w+\s+)?(19|20)\d\d\b"
    r"|\bsenaste\s+(\w+\s+)?(åren|aren|året|aret)\b|\blänge\b|\blange\b"
    r"|\b(klockan|kl\.?)\s*\d",  # until a time: 'ska ha öppet till klockan 21'
    re.I,
)
_CLOCK = re.compile(r"\b(klockan|kl\.?)\s*\d|\b\d{1,2}[.:]\d{2}\b(?!\s*(miljon|mnkr|kr))", re.I)


def answer_type_missing(q: Question, used: tuple[str, ...], index: LexicalIndex, context: tuple[str, ...] = ()) -> str:
    """The answer would lack what the question asks for: a number, a date, an explanation."""
    if q.answer_type == "quantity" and (
        reason := counted_missing(q, used)
        or sibling_missing(q, used)
        or share_missing(q, used)
        or money_missing(q, used, index)
    ):
        return reason
    if q.answer_type == "quantity":
        # The number must stand in a sentence about what the question counts (when the question is
        # worded as the documents are; a paraphrase cannot be held to their words), in its year.
        # Not a paraphrase for a unit ('kronor', the documents write 'kr') or a compound of known words
        # ('Fridhemsplan-satsningen'): the counted thing is still named in the documents' words.
        worded = {t for t in q.unknown_terms if _worded_as_documents(t, index)}
        parts = {p for t in worded for p in t.split("-")}  # 'app' of 'cosafe-app'
        paraphrased = [t for t in q.unknown_terms if t not in worded and t not in parts]
        # A name is not paraphrased, whatever the rest is ('Finns det siffror på hur många skolor som infört
        # MVP-metoden?': a number of a sentence that names MVP).
        names = {
            t
            for m in _NAME.finditer(q.text)
            if not named_responders(m.group(1), index.responders)  # whose count, not what is counted
            for t in index.query_terms(m.group(1))
            if topical(t, index)
        }
        specific = specific_terms(q, index) if not paraphrased else names
        # The rarest of them name what is counted ('Mentorer i våldsprevention', not 'elever'); a word
        # that is common in Swedish ('gjort') names nothing, however rare in the documents.
        specific -= {term(w) for w in words(q.corrected) if common_in_swedish(w)}
        # A name the question uses says which count it asks ('Hur många elever använder Cosafe-appen?'), and
        # a name is not paraphrased: the number must stand in a sentence that names it.
        specific = names & specific or specific
        top = max((float(index.idf[index.vocab[t]]) for t in specific), default=0.0)
        rare = {t for t in specific if index.idf[index.vocab[t]] >= 0.8 * top}
        # ('fokusområden' and 'fokusområdena' stem apart: matched as one word stemmed two ways)
        about = [s for s in used if not rare or any(same_term(r, t) for r in rare for t in term_set(s))]
        # A programme period names the programme ("fokusområden i trygghetsprogrammet 2024–2027", "hur mycket
        # skulle otryggheten minska enligt programmet för 2020–2023"), so it is checked with the other fixed
        # times; an amount of money is for a time, so it must say it.
        in_period = q.periods and not asks_money(q)
        years = [y for y in q.years if not (in_period and any(a <= y <= b for a, b in q.periods))]
        with_year = [s for s in about if all(mentions_year([s], y) for y in years)]
        if years and asks_money(q):  # an amount for that year, not 'otryggheten halverad till år 2025'
            with_year = [s for s in with_year if states_money(s)]
        if not has_quantity(with_year, q.text):
            what = f" för {', '.join(map(str, years))}" if years else ""
            return f"Dokumenten anger inget sådant antal eller belopp{what}."
    if q.answer_type == "quantity" and _DURATION_ASKED.search(q.text) and not any(_SPAN.search(s) for s in used):
        return "Dokumenten anger ingen sådan tidsrymd."  # 'Hur länge har …' answered by an amount of money
    if _CLOCK_ASKED.search(q.text) and not any(_CLOCK.search(s) for s in used):
        return "Dokumenten anger inget klockslag."  # 'What time does the district office open?': no year will do
    if q.answer_type == "when" and not has_date(used, q.text):
        return "Dokumenten anger ingen sådan tidpunkt."
    if reason := when_missing(q, used, [has_date([s], q.text) for s in used], index, context):
        return reason
    if q.defined_term and not defines(used, q.defined_term) and not explained_by_use(q.corrected):
        return f"Dokumenten förklarar inte vad {q.defined_term} är."
    return ""


# What a response says of something, not the view its writer held of it.
_SAYS_OF = re.compile(r"\b(säger|sager|skriver|nämner|namner|beskriver|says|writes|mentions?|describes?)\b", re.I)


def _fixed_time_missing(q: Question, evidence: Evidence, used: tuple[str, ...]) -> str:
    """The answer would be about another time than the one the question fixes."""
    # A response's own period, not the programme's: unless the question is about the programme before, and then
    # still a named responder's view of it ('vad tyckte Kungsholmen om det gamla programmet 2020–2023?': its response
    # is to the next one).
    # ('Vad säger Kungsholmens svar om det gamla programmet 2020–2023?' asks what its response says of it.)
    view_then = bool(q.responders) and q.answer_type == "opinion" and not _SAYS_OF.search(q.text)
    about_views = (bool(q.responders) or q.answer_type == "opinion") and (not q.previous_programme or view_then)
    if (
        about_views
        and q.periods
        and evidence.periods
        and not any(overlaps(p, d) for p in q.periods for d in evidence.periods)
    ):
        asked = ", ".join(period_label(a, b) for a, b in q.periods)
        return f"De dokument som tar upp frågan gäller en annan programperiod än {asked}."
    written_in = [int(d[:4]) for d in evidence.dates if d[:4].isdigit()]
    for year in q.years:
        if not mentions_year(evidence.context or used, year):
            return f"Dokumenten säger inget om det för {year}."
        # A year after the responses were written is named by their text, not by the programme period alone
        # ('Vad gjorde kontoret mot klotter under 2025?', answered with 'I år …' written in 2023).
        later = written_in and year > max(written_in) and not any(a <= year <= b for a, b in q.periods)
        if later and not mentions_year(evidence.written, year):
            return f"Dokumenten säger inget om det för {year}."
    if _LAST_YEAR.search(q.text) and not any(_LAST_YEAR.search(s) for s in used):
        return "Dokumenten säger inget om det för förra året."
    if _NEXT_YEAR.search(q.text) and not any(_NEXT_YEAR.search(s) for s in used):
        return "Dokumenten säger inget om det för nästa år."
    return ""
