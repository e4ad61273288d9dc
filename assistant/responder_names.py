"""How a question names a responder, read one way for every stage that asks.

By its name with a committee's form ("trafiknämndens", "socialförvaltningen", misspelt
"socialnämden"), by another name of its office ("skolförvaltningen", "gatukontoret", "soc"), by
the initials of a three-part name ("EÅV"), a district by its place alone ("Kungsholmen"), and in
English by a name word before a body word ("the traffic committee", "the education
administration", "the traffic and social committees"). The question record takes the set of
names, a comparison the order they come in and which of the question's words are names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from vectorstore.analyzer import fold, term

# What follows a committee's stem in its name; "namd" takes the common misspelling ("socialnämden").
_FORMS = ("namnd", "namd", "forvaltning", "kontor", "styrelse")
# The part of a responder's name that users write on its own ("trafik" in trafiknämnden, trafikkontoret).
_BODY_SUFFIXES = ("stadsdelsnamnd", "stadsdelsforvaltning", "namnd", "forvaltning", "kontor")
# Other names users give a responder's office, as folded stems: the name its keys know.
_SWEDISH_ALIASES = {
    "skolforvaltning": "utbildningsforvaltning",
    "skolnamnd": "utbildningsnamnd",
    "gatukontor": "trafikkontor",  # the traffic office's name until 2007, still in use
}
# The city's own abbreviations of its bodies, as officials write them ('Vad tycker TK om klotter?', 'SDF Kungsholmen'):
# read as the names they stand for, only in these capitals ('son' and 'tn' are other words).
CITY_ABBREVIATIONS = {
    "SDF": "stadsdelsförvaltningen",
    "SDN": "stadsdelsnämnden",
    "SoN": "socialnämnden",
    "SON": "socialnämnden",
    "SoF": "socialförvaltningen",
    "SOF": "socialförvaltningen",
    "UN": "utbildningsnämnden",
    "UtN": "utbildningsnämnden",
    "UTN": "utbildningsnämnden",
    "UtF": "utbildningsförvaltningen",
    "UTF": "utbildningsförvaltningen",
    "TN": "trafiknämnden",
    "TK": "trafikkontoret",
    "SLK": "stadsledningskontoret",
    "KF": "kommunfullmäktige",
}
_CITY_ABBREVIATION = re.compile(rf"(?<![\w-])({'|'.join(CITY_ABBREVIATIONS)})(?:s|:s)?(?![\w-])")


_ENGLISH_ABBREVIATIONS = frozenset({"UN"})  # 'the UN children's rights treaty' in an English question


def abbreviations_in(text: str, english: bool = False) -> dict[str, str]:
    """The city's abbreviations a text uses (lower-cased, as corrections are) -> the names they stand for."""
    found = (m.group(1) for m in _CITY_ABBREVIATION.finditer(text))
    return {a.lower(): CITY_ABBREVIATIONS[a] for a in found if not (english and a in _ENGLISH_ABBREVIATIONS)}


# Short names written as a word of their own ("soc" for socialförvaltningen).
# ('skolsidan', 'socialsidan', 'trafiksidan': 'the school side' as officials call an administration)
_SHORT_NAMES = {
    "soc": "socialforvaltning",
    "skolsidan": "utbildningsforvaltning",
    "socialsidan": "socialforvaltning",
    "trafiksidan": "trafikkontor",
}
# Names of a service that are a responder's office only where they speak ('Vad tycker socialtjänsten?',
# 'enligt socialtjänsten', 'Kungsholmen och socialtjänsten', 'soc och skolan'); elsewhere the service is a
# topic ('samarbetet med socialtjänsten', 'socialtjänstens roll', 'trygghet i skolan').
_SPEAKER_NAMES = {"socialtjanst": "socialforvaltning", "skolan": "utbildningsforvaltning"}
# A name's first part alone, which names the responder only in a list of them ('soc, trafik och EÅV') or where
# it speaks ('säger trafiken').
_LISTED_NAMES = {
    "trafik": "trafikkontor",
    "utbildning": "utbildningsforvaltning",
    "social": "socialforvaltning",  # 'utbildning, social och trafik' (in a list only: 'säger sociala insatsgrupper')
    "traffic": "trafikkontor",  # in English too: 'Traffic vs EÅV on …'
    "education": "utbildningsforvaltning",
}
_LISTED_ONLY = frozenset({"social"})  # an adjective too: a name only among other names, never as a speaker
_SPEECH = frozenset(
    fold(term(w)) for w in "tycker tyckte säger sa sade anser ansåg skriver skrev menar ser såg enligt vill".split()
)
# After a name: 'Trafiken skriver …', 'Trafiken säger …' ('såg' folds as 'säger' does, and stays).
_SPEECH_AFTER_NAME = _SPEECH - {fold(term(w)) for w in "ser enligt vill".split()}
_WANTS = fold(term("vill"))  # a service opening the question wants as its office does ('Skolan vill inte …')
_RESPONSE = ("remissv", "yttr", "svar", "synpunkt", "tjansteutlat")  # stems
# Words that join names in a list, as the tokens they are compared with are stemmed ('respektiv', 'ell');
# some set the names against each other ('skolan respektive trafiken').
_COMPARING = frozenset(fold(term(w)) for w in "respektive vs versus kontra".split())
_JOINS = _COMPARING | {fold(term(w)) for w in "och o samt eller and or".split()}  # 'skolan o soc'
_PLACE_PREPOSITIONS = frozenset(fold(term(w)) for w in "i på inom kring om för".split())
# Before two short names joined, words that make them places or parties, not responders ('samverkan mellan skolan
# och socialtjänsten', 'i skolan och trafiken').
_NOT_BEFORE_NAMES = _PLACE_PREPOSITIONS | {fold(term(w)) for w in "mellan med av till från".split()}
# English words for the stems of committees' Swedish names ('the traffic committee').
ENGLISH_NAMES = {
    "trafik": ("traffic", "transport", "street", "streets"),  # 'the streets office' is gatukontoret
    "social": ("social", "welfare", "affairs"),  # 'the social affairs committee'
    "utbildning": ("education", "school", "schools"),
    "kultur": ("culture", "cultural"),
    "idrott": ("sport", "sports"),
    "miljo": ("environment", "environmental"),
    "arbetsmarknad": ("labour", "employment"),
    "stadsbyggnad": ("planning",),
}
ENGLISH_NAME_WORDS = frozenset(name for names in ENGLISH_NAMES.values() for name in names)
# A name word names a committee only before one of these ('schools' alone is a topic).
_ENGLISH_BODY = frozenset(
    "committee committees board boards department departments office offices service services "
    # whose document: 'the Kungsholmen, education and traffic statements'
    "administration administrations statement statements response responses reply replies".split()
)
# The body word of an English name, as stemmed ('social services', 'the traffic committee'): it ends a listed name.
_ENGLISH_BODY_TERMS = frozenset(fold(term(w)) for w in _ENGLISH_BODY)
_ENGLISH_OFFICES = {**_LISTED_NAMES, "social": "socialforvaltning", "welfare": "socialforvaltning"}
_ENGLISH_JOINS = frozenset(("and", "or", "the", "nor", "both"))


@lru_cache(maxsize=64)
def responder_keys(responder: str) -> frozenset[str]:
    """Folded name parts that identify a responder: 'trafik', 'kungsholm', 'enskede', 'arsta'."""
    keys: set[str] = set()
    for word in re.findall(r"[^\W_]+", responder):
        stem = fold(term(word.lower()))
        for suffix in _BODY_SUFFIXES:
            stem = stem.removesuffix(suffix)
        stem = stem.removesuffix("s")
        if len(stem) >= 3:
            keys.add(stem)
    return frozenset(keys)


@lru_cache(maxsize=64)
def name_initials(responder: str) -> str:
    """The folded initials users write for a name of three or more parts ('EÅV', 'eav'); '' for others."""
    parts = [p for p in re.split(r"-", responder.split()[0]) if p] if responder.split() else []
    return fold("".join(p[0] for p in parts).lower()) if len(parts) >= 3 else ""


_FUZZY_AT_LEAST = 6  # letters: a longer name part may be misspelt by one edit ('skolförvaltnigen')
_CUT_AT_MOST = 3  # letters the stemmer cuts off a misspelt name ('skolforvaltn'); 'social' is no 'socialtjanst'


def _starts_as(token: str, part: str) -> int:
    """How many letters of the token spell the name part, one edit allowed in a long part (0: it does not).

    A long part cut short by the stemmer of a misspelt word counts too ('socialförvaltnigen' -> 'socialforvaltn').
    """
    if token.startswith(part):
        return len(part)
    if len(token) >= max(_FUZZY_AT_LEAST, len(part) - _CUT_AT_MOST) and part.startswith(token):
        return len(token)
    if len(part) >= _FUZZY_AT_LEAST:
        for length in (len(part) - 1, len(part) + 1):
            if OSA.distance(token[:length], part) <= 1:
                return length
    return 0


def is_short_name(word: str) -> bool:
    """Whether a word is a responder's short name ('soc', 'socs'): no misspelling of another word."""
    return fold(term(word.lower())) in _SHORT_NAMES


def office_name(token: str) -> str:
    """A folded, stemmed word with another name of a responder's office replaced by the one its keys know."""
    if token in _SHORT_NAMES:
        return _SHORT_NAMES[token]
    for alias, name in _SWEDISH_ALIASES.items():
        if length := _starts_as(token, alias):
            return name + token[length:]
    return token


@lru_cache(maxsize=64)
def _by_place(responder: str) -> bool:
    """Whether a responder is named by its place (a district), not by a committee's form."""
    return "stadsdels" in fold(responder)


# Parts of the city that users name a district's committee by ('stadsdelen i söderort', 'söderortsförvaltningen'),
# with the folded name parts of the districts that lie in them.
_CITY_PARTS = {
    "soderort": frozenset("enskede arsta vantor farsta skarpnack hagersten liljeholm alvsjo skarholm".split()),
    "vasterort": frozenset("bromma hasselby vallingby spanga tensta rinkeby kista".split()),
}


def names(token: str, responder: str) -> bool:
    """Whether one folded, stemmed word names the responder: a district by its place, a committee with its form.

    A part of the city names the districts in it ('söderort': Enskede-Årsta-Vantör, if it responded).
    """
    token = office_name(token)
    if token and token == name_initials(responder):
        return True
    by_place = _by_place(responder)
    if by_place and any(token.startswith(part) and responder_keys(responder) & d for part, d in _CITY_PARTS.items()):
        return True
    for key in responder_keys(responder):
        if token.startswith(key) and (by_place or any(_is_form(token[len(key) :].lstrip("s"), f) for f in _FORMS)):
            return True
    return False


_FORM_CUT_AT_LEAST = 4  # letters of a form the stemmer cut short: 'trafikkontor' stems to 'trafikkont'


def _is_form(rest: str, form: str) -> bool:
    """Whether what follows a name's key is the committee's form, if cut short by the stemmer ('kont')."""
    return bool(_starts_as(rest, form)) or (len(rest) >= _FORM_CUT_AT_LEAST and form.startswith(rest))


@lru_cache(maxsize=64)
def _english_words(responder: str) -> frozenset[str]:
    return frozenset(w for key in responder_keys(responder) for w in ENGLISH_NAMES.get(key, ()))


def _before_body(words: Sequence[str], i: int) -> bool:
    """Whether the English name word at i stands before a body word, across the other names of a list."""
    j = i + 1
    while j < len(words) and (words[j].lower() in _ENGLISH_JOINS or words[j].lower() in ENGLISH_NAME_WORDS):
        j += 1  # the other names of a list that shares the body word
    return j < len(words) and words[j].lower() in _ENGLISH_BODY


def english_name_at(lowered: Sequence[str], responder: str) -> int | None:
    """Where an English name of the responder starts among lower-cased words (None where there is none).

    Names listed before one body word count each ('the traffic and social committees').
    """
    own = _english_words(responder)
    return next((i for i, word in enumerate(lowered) if word in own and _names_body(lowered, i)), None)


def without_english_names(text: str, responders: Iterable[str]) -> str:
    """The text without responders' English names ('the education office did …' -> 'the office did …').

    A name says whose document is asked, not what about: 'education' is no topic of it. The body word stays
    where the body acts, as the documents speak of themselves ('office' -> 'förvaltningen anser'), not where
    it only says whose document ("the traffic office's response").
    """
    words = text.split()
    own = {w for r in responders for w in _english_words(r)}
    bare = [re.sub(r"['’]s$", "", w.lower().strip(".,:;!?")) for w in words]  # "committee's" -> 'committee'
    drop = set()
    for i, word in enumerate(bare):
        if word in own and _before_body(bare, i):
            drop.add(i)
            body = next(j for j in range(i + 1, len(bare)) if bare[j] in _ENGLISH_BODY)
            if re.search(r"['’]s\W*$", words[body]):
                drop.add(body)
        elif word in own and _after_body(bare, i):
            drop.add(i)
    return " ".join(w for i, w in enumerate(words) if i not in drop)


def _as_speaker(tokens: Sequence[str], responders: Iterable[str], labelled: bool = False) -> list[str]:
    """The folded, stemmed words with a service that speaks in the text renamed as its office (`_SPEAKER_NAMES`).

    `labelled`: the text opens with its first word as a label ('Trafiken: vilken sorts stad …'), whose view it asks.
    """
    responders = tuple(responders)

    def listed(j: int) -> bool:  # 'social services' ends a name as 'socialnämnden' does
        if 0 < j < len(out) and out[j] in _ENGLISH_BODY_TERMS:
            office = _ENGLISH_OFFICES.get(out[j - 1], out[j - 1])
            return any(names(office, r) for r in responders)
        return 0 <= j < len(out) and any(names(out[j], r) for r in responders)

    def alias(j: int) -> bool:
        return 0 <= j < len(tokens) and (tokens[j] in _LISTED_NAMES or tokens[j].startswith(tuple(_SPEAKER_NAMES)))

    def paired(i: int, j: int, blocked: frozenset[str]) -> bool:
        """Two short names side by side, unless a word before them makes them places or parties."""
        return alias(j) and (min(i, j) == 0 or tokens[min(i, j) - 1] not in blocked)

    out = list(tokens)
    renamed = True
    while renamed:  # a name read in a list may make the one before it listed ('Kungsholmens, skolans, trafikens')
        renamed = False
        for i, token in enumerate(tokens):
            office = next((name for alias, name in _SPEAKER_NAMES.items() if token.startswith(alias)), "")
            if out[i] != token or (not office and not (office := _LISTED_NAMES.get(token, ""))):
                continue
            before, after = tokens[i - 1] if i else "", tokens[i + 1] if i + 1 < len(tokens) else ""
            # 'säger trafiken', 'Trafiken skriver att …', 'socialtjänstens yttrande'
            speaks = before in _SPEECH or after in _SPEECH_AFTER_NAME or after.startswith(_RESPONSE) or after == "syn"
            # 'Trafiken:' labels whose view; 'Skolan vill inte …' opening the question speaks ('vill' too)
            speaks = speaks or (i == 0 and (labelled or after == _WANTS))
            # in a list of responders: 'soc och skolan', 'Kungsholmen, skolan, trafikkontoret och EÅV'
            # (not 'skolförvaltningen skolans roll')
            joined = (
                (before in _JOINS and listed(i - 2))
                or (after in _JOINS and listed(i + 2))
                # two short names compared: 'skolan respektive trafiken', 'skolan vs trafiken'
                # ('skolan respektive trafiken', not 'trygghet i skolan respektive trafiken'; 'hos både skolan och
                # trafiken', not 'mellan skolan och socialtjänsten')
                or (before in _COMPARING and paired(i, i - 2, _PLACE_PREPOSITIONS))
                or (after in _COMPARING and paired(i, i + 2, _PLACE_PREPOSITIONS))
                or (before in _JOINS and paired(i, i - 2, _NOT_BEFORE_NAMES))
                or (after in _JOINS and paired(i, i + 2, _NOT_BEFORE_NAMES))
                or (listed(i - 1) and (listed(i + 1) or after in _JOINS or listed(i - 2)))  # '… soc, trafik' ends one
                or (listed(i + 1) and (listed(i + 2) or (i + 2 < len(tokens) and tokens[i + 2] in _JOINS)))
            )
            if (speaks and token not in _LISTED_ONLY) or joined:
                out[i] = office
                renamed = True
    return out


def mentions(text: str, responders: Iterable[str]) -> dict[str, int]:
    """The responders a text names, each with the index of the first word that names it."""
    # an English possessive is the name itself ("the traffic's and the schools' responses")
    lowered = re.findall(r"[^\W_]+", re.sub(r"(?<=\w)['’]s\b", "", text.lower()))
    labelled = bool(re.match(r"\s*[^\W\d_]+(en|an)\s*:", text))  # 'Trafiken:' speaks; 'Trafik:' is a topic
    tokens = _as_speaker([fold(term(w)) for w in lowered], responders, labelled)
    found: dict[str, int] = {}
    for responder in responders:
        first = next((i for i, t in enumerate(tokens) if names(t, responder)), None)
        at = [i for i in (first, english_name_at(lowered, responder)) if i is not None]
        if at:
            found[responder] = min(at)
    return found


def named_responders(text: str, responders: Iterable[str]) -> tuple[str, ...]:
    """The responders a text names, in alphabetical order."""
    return tuple(sorted(mentions(text, responders)))


def responders_in_order(text: str, responders: Iterable[str]) -> list[str]:
    """The responders a text names, in the order it names them."""
    found = mentions(text, responders)
    return sorted(found, key=lambda r: found[r])


def ends_english_name(words: Sequence[str], i: int, responders: Iterable[str]) -> bool:
    """Whether the word at i is the body word of an English name ('Services' in 'Social Services')."""
    return i > 0 and words[i].lower() in _ENGLISH_BODY and is_name_of(words, i - 1, responders)


def is_name_of(words: Sequence[str], i: int, responders: Iterable[str]) -> bool:
    """Whether the word at i of a question's words names one of the responders ('Enskede-Årsta-Vantörs' too).

    An English name word names a committee only before a body word: 'the education committee',
    not 'independent schools'.
    """
    lowered = words[i].lower()
    stem = fold(term(lowered)).split("-")[0]
    if any(fold(term(lowered)).startswith(alias) for alias in _SPEAKER_NAMES) or stem in _LISTED_NAMES:
        stem = _as_speaker([fold(term(w.lower())).split("-")[0] for w in words], responders)[i]
    return any(names(stem, r) or (lowered in _english_words(r) and _names_body(words, i)) for r in responders)


def _names_body(words: Sequence[str], i: int) -> bool:
    """Whether the English name word at i names a body: before its body word, or after it ('Board of Education').

    Not a national one: 'the Swedish Transport Administration' is Trafikverket, no committee of the city's.
    """
    if _before_body(words, i):
        return not _national(words, i - 1)
    return _after_body(words, i) and not _national(words, i - 3)


_NATIONAL = frozenset(("swedish", "national", "sweden's", "state"))


def _national(words: Sequence[str], i: int) -> bool:
    """Whether the word at i makes a body national ('the Swedish …', 'the National …')."""
    return i >= 0 and words[i].lower() in _NATIONAL


def _after_body(words: Sequence[str], i: int) -> bool:
    """Whether the English name word at i follows a body word and 'of' or 'for' ('the Department of Education')."""
    return i >= 2 and words[i - 1].lower() in ("of", "for") and words[i - 2].lower() in _ENGLISH_BODY


_DISTRICTS = re.compile(
    # 'stadsdelarnas svar', not their role ('oklart med stadsdelarnas samordnande roll')
    r"\b(stadsdelsnamnd(erna|er)|stadsdelarna|stadsdelsforvaltning(arna|ar))(s (svar|remissvar|yttrande|synpunkter))?"
    r"\b|\b(district (committees|councils|boards)|the districts)\b"
)
_SPECIALISTS = re.compile(
    r"\b(facknamnd(erna|er)|fackforvaltning(arna|ar))(s (svar|remissvar|yttrande|synpunkter))?\b"
    r"|\bspecialist committees\b"
)
_DISTRICT_NAME = "stadsdelsnamnd"


def group_asked(text: str, scope: Iterable[str]) -> list[str]:
    """The responders of a group the question names: 'stadsdelsnämnderna', 'facknämnderna' ([] for none)."""
    folded = fold(" ".join(text.split()).lower())
    if _DISTRICTS.search(folded):
        return [r for r in scope if _DISTRICT_NAME in fold(r.lower())]
    if _SPECIALISTS.search(folded):
        return [r for r in scope if _DISTRICT_NAME not in fold(r.lower())]
    return []
