"""Whether the documents speak of what a question is about (used by assistant/scope.py).

Each check returns a Swedish reason ('' when it does not apply):
- off topic: a question whose content words the documents never use, apart from ubiquitous ones;
- unknown topic: a view, or a meaning, asked of a topic no document names, in any form or synonym
  ('Vad tycker trafiknämnden om hundrastgårdar?', 'What does the traffic committee say about school meals?');
- mention: whether one responder mentions a topic its passages never name while another's do
  ('Nämner trafikkontoret något om utsatta områden?').
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from wordfreq import zipf_frequency

from assistant.compose import capital, responder_genitive
from assistant.glossary import documents_words
from assistant.question import Question, acronym_words, asked_term, common_in_swedish, explained_by_use, is_specific
from assistant.responder_names import named_responders
from assistant.topics import DEFAULT_TOPIC, is_general, topic_of
from vectorstore.analyzer import MIN_HEAD, compound_parts, term, term_set, words
from vectorstore.lexical import LexicalIndex, starting

_COMMON_IDF = math.log1p(1.0)  # a term in more than about half of the passages says nothing about the topic
# Words that ask for or frame the answer rather than say what it is about.
LIGHT_TERMS = frozenset(
    term(w)
    for w in (
        "många manga mycket stor stort storlek andel antal totalt sammanlagt ungefär ungefar kommer komma kom "
        "finns fanns finnas går gar gick blir blev bli får far fick gör gor gjorde göra gora nästa nasta idag "
        "imorgon just nu enligt beskrivning beskrivningen beskriver beskrivs beskrev "  # these frame a question
        "gäller galler gällde gallde"  # 'Vilka regler gäller för …' is about the regler
    ).split()
)


def topical(t: str, index: LexicalIndex) -> bool:
    """A known term that says what a question is about: not ubiquitous ('stockholm'), not a framing word."""
    return t in index.vocab and t not in LIGHT_TERMS and index.idf[index.vocab[t]] >= _COMMON_IDF


def off_topic(q: Question, index: LexicalIndex) -> str:
    """A Swedish question whose content words the documents never use, apart from ubiquitous ones.

    Two unknown words, or nothing else: one unknown word beside "staden" may be a paraphrase.
    """
    if q.language != "sv" or q.responders or q.other_bodies or q.follow_up:
        return ""
    content = [t for t in q.terms if t not in LIGHT_TERMS and not t.isdigit()]
    unknown = [t for t in content if t not in index.vocab]
    # One unknown word beside a ubiquitous one may be a paraphrase ("Vad gör staden åt knark?").
    enough = len(unknown) >= 2 or (bool(unknown) and len(unknown) == len(content))
    if enough and not any(topical(t, index) for t in content):
        return "Inget stycke i dokumenten handlar om det frågan gäller."
    return ""


# What a view is asked about: 'Vad tycker trafiknämnden om hundrastgårdar?', 'Hur ser de på …'. From the last 'om',
# a place after it part of it ('… om belysningen på gatorna?' asks of 'belysningen på gatorna'; '… om när fullmäktige
# röstar om det …, eller om det kan bli försenat?' of the last); with no 'om', from the last other preposition.
_VIEW_TOPIC = re.compile(
    r"(?:\bom\s+(?!.*\bom\s)|\b(?:på|pa|kring|angående|angaende|gällande|gallande)\s+(?!.*\b(?:om|på|pa)\s))(.+)$",
    re.I,
)

_EVERYDAY_ZIPF = 5.0  # 'förra', 'gången', 'skolan': said every day, no topic the documents could lack
# A word Swedish uses this often (Zipf) may be the asker's word for what a response says in its own ('samarbetet').
_OWN_WORD_ZIPF = 4.0
ENGLISH_WORD_ZIPF = 3.0  # a capitalised word English uses this often (wordfreq's Zipf scale) is no name


def unknown_topic(q: Question, index: LexicalIndex) -> str:
    """A view asked of a topic the documents never name ('Vad tycker trafiknämnden om hundrastgårdar?'), or its meaning.

    The topic is what the view is asked about ('om …', 'på …'); each of its terms is unknown, in the
    documents' words too (the synonyms), and holds no known word of five letters or more. A misspelling
    is corrected instead; a law's number or a body is for the rules on those.
    """
    if q.follow_up:
        return ""
    if q.language == "en":
        return _unknown_english_topic(q, index)
    if not (asked := _topic_asked(q)):
        return ""
    topic = topic_of(asked, index.responders)
    corrected = any(w.lower() in q.corrections for w in re.findall(r"\w+", topic))
    if topic == DEFAULT_TOPIC or corrected or re.search(r"\d", topic) or q.other_bodies:
        return ""
    searched = f"{topic} {documents_words(topic, False, lambda _: True)}"
    # A word every response uses ('trygghet' in 'trygghet i kollektivtrafiken') says nothing of the topic.
    terms = [
        t
        for t in index.query_terms(searched)
        if t not in LIGHT_TERMS and not (t in index.vocab and not is_specific(t, index))
    ]
    # ... nor does a word Swedish uses often ('förra gången' in 'om programmet förra gången'): a topic is rarer.
    everyday = {
        t
        for w in re.findall(r"[\w-]+", topic)
        if zipf_frequency(w.lower(), "sv") >= _EVERYDAY_ZIPF
        for t in index.query_terms(w)
    }
    if everyday & set(terms):
        return ""
    if not terms or any(t in index.vocab or index.related([t]).get(t) or _holds_known(t, index) for t in terms):
        return ""
    unknown = [w for w in re.findall(r"[\w-]+", topic) if set(index.query_terms(w)) & set(terms)]
    return f"Dokumenten nämner inte ”{' '.join(unknown) or topic}”."


# An English view of a topic ('What does the traffic committee say about school meals?').
_ENGLISH_VIEW_TOPIC = re.compile(
    r"\b(?:think|thinks|say|says|said|write|writes|wrote|view|views|position|opinion|mention|mentions)\b"
    # a few words between ('say anything about', 'position does it take on'), not a clause ('think Stockholm
    # faces challenges that differ from the rest of Sweden'); the topic ends its sentence ('writes no analysis
    # of its own. Whom does it expect …' names none)
    r"(?:\s+[\w'-]+){0,4}?\s+(?:about|on|of|regarding|concerning)\s+(?:the\s+)?([^.?!]+?)[.?!]?$"
    r"|\b(?:responsible for|in charge of)\s+(?:the\s+)?([^.?!]+?)[.?!]?$",  # 'Which committee is responsible for …?'
    re.I,
)


def _unknown_english_topic(q: Question, index: LexicalIndex) -> str:
    """An English view asked of a topic that neither the glossary nor the documents' own words (names) know.

    English words are never the documents' words, so a topic is known by its glossary entry or as a
    name the documents use ('Cosafe', 'ANDT').
    """
    if not (about := _ENGLISH_VIEW_TOPIC.search(q.text)):
        return ""
    group = 1 if about.group(1) else 2
    topic = about.group(group).strip()
    if documents_words(q.text[about.start(group) :], True, lambda _: True):
        return ""
    words_ = [w for w in re.findall(r"[\w-]+", topic) if zipf_frequency(w.lower(), "en") < _EVERYDAY_ZIPF]
    if not words_ or any(t in index.vocab for w in words_ for t in index.query_terms(w)):
        return ""
    return f"Dokumenten nämner inte ”{topic}”."


# 'Finns det något om trygghet i kollektivtrafiken?', 'Står det något om …': whether the documents speak of it.
_ANYTHING_ABOUT = re.compile(r"^\s*(finns|står|star|nämns|namns|sägs|sags|skrivs)\s+det\b", re.I)
# What is done against something ('Vad gör staden mot tiggeri?', 'Hur arbetar nämnderna mot tiggeri?'): its topic.
_DONE_AGAINST = re.compile(
    r"^\s*(?:vad gör|vad gor|hur arbetar|hur jobbar|vad görs|vad gors)\b[^?]{0,40}?\b(?:mot|åt|at)\s+([^?.]+)", re.I
)


def _topic_asked(q: Question) -> str:
    """What a view is asked of, or anything said of ('om …', 'på …'), or what a bare 'Vad är …?' names ('' if none).

    Anything said: 'Finns det något om …', 'Står det något om …'.
    """
    if (q.answer_type == "opinion" or _ANYTHING_ABOUT.match(q.text)) and (about := _VIEW_TOPIC.search(q.text)):
        return about.group(1)
    # ... where no synonym makes it a paraphrase ('Vad gör staden åt knark?': narkotika)
    if (against := _DONE_AGAINST.match(q.text)) and not documents_words(against.group(1), False, lambda _: True):
        return against.group(1)
    return asked_term(q.text) if explained_by_use(q.text) else ""


def _holds_known(t: str, index: LexicalIndex) -> bool:
    """Whether a term ends or begins with a word the documents use ('skolgardsbelysning' holds 'belysning').

    The word must be as long as a compound's head must be (MIN_HEAD letters).
    """
    return any(t[i:] in index.vocab or t[:-i] in index.vocab for i in range(1, len(t) - MIN_HEAD + 1))


# Whether a response mentions something at all ('Nämner trafikkontoret något om utsatta områden?',
# 'Does the traffic committee mention graffiti?'): asked of its words, so its words decide.
_MENTION = re.compile(
    r"\b(nämner|namner|nämns|namns|nämnt|namnt|tar (\w+ )?upp|tagit upp|skriver (\w+ )?(något|nagot|alls) om|lyfter|"
    r"mentions?|mentioned|brings? up|raises?|says? anything about)\b",
    re.I,
)
# ... asked as a question of whether it does.
_MENTION_ASKED = re.compile(r"\s*(nämner|namner|nämns|namns|tar|skriver|lyfter|har|does|did|has|is|are|was)\b", re.I)
# What frames such a question rather than names its topic.
_MENTION_FRAME = frozenset(
    term(w)
    for w in (
        "nämner nämns nämnt tar upp tagit skriver något alls om sitt sina yttrande yttrandet remissvar remissvaret "
        "svar svaret tjänsteutlåtande tjänsteutlåtandet begreppen begreppet begrepp ordet orden frågan frågor "
        "mention mentions mentioned bring brings raise raises say says anything about its response lyfter fram "
        # the body word of a responder's English name ('Does social services mention …?')
        "committee board office service services administration department"
    ).split()
)


# A name in a question: a capitalised word that does not open a sentence ('Cosafe', 'Mentorer i våldsprevention').
CAPITALISED = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÅÄÖ][\wåäöÅÄÖ-]+")
# (nor an acronym's compound, which names a kind: 'EU-medborgare', 'ANDT-arbetet')
NOT_A_NAME = re.compile(
    r"^(Stockholm\w*|Staden|Stadens|Förvaltning\w*|Forvaltning\w*|Kontoret|Nämnden|I|En|Ett|Det"
    r"|[A-ZÅÄÖ]{2,}-[a-zåäö]\w*)$"
)


def _phrase_around(text: str, rarest: str, topical: set[str], index: LexicalIndex) -> str:
    """The words as typed around the rarest term that are topical too ('utsatta områden', not 'utsatta')."""
    tokens = re.findall(r"[\w-]+", text)
    terms = [index.query_terms(w) for w in tokens]  # as the question's terms were read ('klottret' -> klotter)
    at = next((i for i, ts in enumerate(terms) if rarest in ts), None)
    if at is None:
        return rarest
    first, last = at, at
    while first > 0 and set(terms[first - 1]) & topical:
        first -= 1
    while last + 1 < len(tokens) and set(terms[last + 1]) & topical:
        last += 1
    return " ".join(tokens[first : last + 1])


def mention_missing(q: Question, index: LexicalIndex) -> str:
    """A named responder asked of what its documents never name, in any form, while another's do.

    Three ways of asking: whether it mentions a topic ('Nämner trafikkontoret något om utsatta områden?'),
    anything of a name ('Vill trafikkontoret att Mentorer i våldsprevention lyfts fram?': a name is not
    paraphrased), and its view of a topic in a few words ('Vad anser utbildningsnämnden om trygghetskameror?').
    A topic no document names is `unknown_topic`'s.
    """
    if len(q.responders) != 1 or q.compares or q.follow_up:
        return ""
    holds = _response_holds(q, index)
    if names := _names_asked(q, index):  # every word of a name the response lacks
        missing = [name for name, terms in names if not holds(terms, name)]
        return _not_named(q, missing[0]) if missing else ""
    if _MENTION_ASKED.match(q.corrected) and _MENTION.search(q.corrected):  # not '… som EÅV tar upp'
        if english := _english_view_topic(q):  # by the glossary's Swedish words ('CCTV' -> trygghetskameror)
            return _none_held(q, index, english, holds)
        return _rarest_missing(q, index, q.terms, holds, of_view=False)
    if view := _view_topic(q):
        return _rarest_missing(q, index, index.query_terms(view), holds, of_view=True)
    if view := _english_view_topic(q):
        return _none_held(q, index, view, holds)
    if asked := _measure_asked(q):
        return _unknown_in(q, index, asked) or _rarest_missing(q, index, index.query_terms(asked), holds, of_view=True)
    return ""


# Whether one responder wants a measure ('Vill Enskede-Årsta-Vantör att polisen inför visitationszoner …?', 'Anser
# utbildningsnämnden att skolorna ska ha passerkontroll …?'), or which measures it proposes for a topic ('Vilka
# åtgärder mot klotter föreslår Kungsholmen?'): what the measure or the topic is.
_WANTS_MEASURE = re.compile(
    r"^\s*(?:vill|ville|anser|ansåg|ansag|tycker|tyckte|menar|föreslår|foreslar|önskar|onskar|förespråkar|foresprakar"
    r"|stöder|stoder)\s+(?P<who>(?:[\w-]+\s+){1,5}?)att\s+(?P<what>(?:[\w-]+\s+){1,10}[\w-]+)\W*$"
    r"|^\s*vilka\s+(?:åtgärder|atgarder|insatser|förslag|forslag|satsningar)\s+(?:för|for|mot|kring|inom)\s+"
    r"(?P<topic>(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:föreslår|foreslar|lyfter|tar|nämner|namner|beskriver|efterfrågar"
    r"|efterfragar|vill|gör|gor|planerar)\b",
    re.I,
)

# A verdict on the programme or on what it says ('… att programmet säger tillräckligt om …', '… att det är bra att …')
# is asked of the response's words for it, not of a measure.
_VERDICT_CLAUSE = re.compile(
    r"(det|detta|den|man|programmet|trygghetsprogrammet|förslaget|forslaget|programförslaget|programforslaget)\b", re.I
)
_THING_ZIPF = 4.5  # a word rarer than this in Swedish (zipf) names a thing: "klotter", not "tillräckligt"


def _measure_asked(q: Question) -> str:
    """The measure one responder is asked whether it wants, or the topic it is asked measures for ('' if neither)."""
    found = _WANTS_MEASURE.match(q.corrected) if q.language == "sv" else None
    if not found:
        return ""
    if found["who"] is not None:  # the one asked is the responder named ('Vill EÅV att …'), not a body
        if not term_set(found["who"]) & set(q.name_terms) or _VERDICT_CLAUSE.match(found["what"]):
            return ""
        asked = found["what"]
    else:
        asked = found["topic"]
    # the things named, not everyday words ('tillräckligt', 'egen'): a paraphrase has those in other words
    return " ".join(w for w in re.findall(r"[\w-]+", asked) if zipf_frequency(w.lower(), "sv") < _THING_ZIPF)


# An unknown word this long is a thing named ('visitationszoner', 'passerkontroll'), not a paraphrase's word.
_NAMED_THING = 9


def _unknown_in(q: Question, index: LexicalIndex, asked: str) -> str:
    """The refusal when what is asked holds a long word no document uses in any form ('' when none)."""
    unknown = set(q.unknown_terms)
    for word in re.findall(r"[\w-]+", asked):
        terms = index.query_terms(word)
        if (
            len(word) >= _NAMED_THING
            and terms
            and all(t in unknown and not index.related([t]).get(t) and not _holds_known(t, index) for t in terms)
        ):
            return _not_named(q, word)
    return ""


def _names_asked(q: Question, index: LexicalIndex) -> list[tuple[str, list[str]]]:
    """The names a Swedish question asks about, each with its topical terms ('Cosafe', 'Mentorer i …').

    Not a body ('Vad anser socialnämnden att Polisregion Stockholm ska göra?'): the response speaks of it in
    its own words ('polisen'), and the rules on bodies that did not respond are for its view.
    """
    if q.language != "sv":
        return []
    bodies = {t for body in q.other_bodies for t in term_set(body)}
    return [
        (name, terms)
        for name in _name_phrases(q.corrected)
        if not term_set(name) & bodies
        and (terms := [t for t in term_set(name) if topical(t, index) and t not in {*q.name_terms, *_MENTION_FRAME}])
    ]


def _response_holds(q: Question, index: LexicalIndex) -> Callable[[list[str], str], bool]:
    """A test of whether the named responder's passages hold terms as written.

    In a compound or another form too, in the documents' own word for them, or in the words of an
    acronym ('mvp': Mentorer i våldsprevention).
    """
    responder = q.responders[0]
    responders = index.columns["responder"]

    def beginning(part: str) -> set[int]:  # a compound's part begins a word of the passage ('trygg-hetsskapande')
        return {d for t in starting(index.sorted_vocab, part) for d in index.postings(t)}

    def in_response(t: str) -> bool:
        return any(responders[d] == responder for d in index.postings(t))

    def together(parts: tuple[str, str]) -> bool:
        return any(responders[d] == responder for d in beginning(parts[0]) & beginning(parts[1]))

    def holds(terms: list[str], written: str) -> bool:
        holders = {h for held in index.related(terms).values() for h in held} | set(terms)
        own = documents_words(written, q.language == "en", lambda _: True)
        synonyms = index.query_terms(" ".join([own, *acronym_words(written, index.acronyms)]))
        # a compound by its parts in one passage ('trygghetsarbetet': 'trygghetsskapande arbete')
        split = [parts for t in terms if (parts := compound_parts(t, index.vocab))]
        return any(in_response(t) for t in (*holders, *synonyms)) or any(together(parts) for parts in split)

    return holds


def _rarest_missing(
    q: Question, index: LexicalIndex, asked: Iterable[str], holds: Callable[[list[str], str], bool], of_view: bool
) -> str:
    """The refusal when the rarest topical term asked is one the response never holds ('' when it does)."""
    # A thing no document names but the synonyms know ('kameraövervakning' -> trygghetskameror) is held by those;
    # not a word Swedish says every day ('samarbetet'), which a response may put in words of its own.
    for word in re.findall(r"[\w-]+", q.corrected):
        if zipf_frequency(word.lower(), "sv") >= _OWN_WORD_ZIPF:
            continue
        unknown = [
            t
            for t in index.query_terms(word)
            if t in asked and t not in index.vocab and not index.related([t]).get(t) and not _holds_known(t, index)
        ]
        if unknown and documents_words(word, False, lambda _: True) and not holds(unknown, word):
            return _not_named(q, word)
    common = {term(w) for w in words(q.corrected) if common_in_swedish(w)}  # 'ge', 'tar' name nothing
    topical_terms = [
        t
        for t in asked
        if t in index.vocab
        and t not in q.name_terms
        and t not in _MENTION_FRAME | LIGHT_TERMS | common
        and (not of_view or (topical(t, index) and not t.isdigit()))
    ]
    if not topical_terms:
        return ""
    rarest = max(topical_terms, key=lambda t: float(index.idf[index.vocab[t]]))
    written = _phrase_around(q.corrected, rarest, set(topical_terms), index)
    return "" if holds([rarest], written) else _not_named(q, written)


def _not_named(q: Question, written: str) -> str:
    return f"{capital(responder_genitive(q.responders[0]))} remissvar nämner inte ”{written}”."


# A view verb, its subject, then what it is of, in a few words: 'Vad anser utbildningsnämnden om trygghetskameror
# vid skolor?', not a paraphrase's clause ('… tycker socialförvaltningen borde sägas tydligare om …').
# Not 'vad säger det om …' ('what does it say about …'): its subject is no responder.
_VIEWED = re.compile(
    r"\b(?:tycker|tyckte|anser|ansåg|ansag|säger|sager|sade|ser|skriver|skrev|resonerar|resonerade|framför|framfor"
    r"|framförde|framforde)\s+(?!(?:det|detta|dessa|denna|man)\s)(?:[\w-]+\s+){1,3}?"
    r"(?:om|på|pa|kring|angående|angaende|gällande|gallande)\s+((?:[\w-]+\s+){0,3}[\w-]+)\W*$"
    # 'Hur ställer sig trafikkontoret till ordningsvakter?', 'Vad vill utbildningsförvaltningen göra åt klottret?'
    r"|\b(?:ställer|staller|ställde|stallde)\s+sig\s+(?:[\w-]+\s+){1,3}?till\s+((?:[\w-]+\s+){0,3}[\w-]+)\W*$"
    # 'Tar Kungsholmen ställning till klotter?'
    r"|\b(?:tar|tog|tagit)\s+(?:[\w-]+\s+){0,3}?(?:ställning|stallning)\s+till\s+((?:[\w-]+\s+){0,3}[\w-]+)\W*$"
    r"|\b(?:vill\s+(?:[\w-]+\s+){1,3}?(?:göra|gora)|gör|gor|gjort|gjorde)\s+(?:[\w-]+\s+){0,2}?(?:åt|at)\s+"
    r"((?:[\w-]+\s+){0,3}[\w-]+)\W*$"
    # 'Hur arbetar utbildningsförvaltningen med trygghetsinvesteringar?'
    r"|^\s*hur\s+(?:arbetar|jobbar)\s+(?:[\w-]+\s+){1,3}?med\s+((?:[\w-]+\s+){0,3}[\w-]+)\W*$"
    # 'Har socialnämnden några synpunkter på klotter?'
    r"|\b(?:synpunkter|synpunkt|åsikter|asikter|hållning|hallning|inställning|installning)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:på|pa|om|kring|till)\s+((?:[\w-]+\s+){0,3}[\w-]+)\W*$",
    re.I,
)


def _view_topic(q: Question) -> str:
    """What one responder's view is asked of ('Vad anser utbildningsnämnden om trygghetskameror vid skolor?').

    Not the programme, nor a clause ('om att programmet tar upp …'), nor where the responder is ('på Kungsholmen').
    """
    about = _VIEWED.search(q.corrected) if q.language == "sv" else None
    # a view verb asks a view whatever the answer type ('Vad vill förvaltningen göra åt klottret?' asks what)
    if not about or (q.answer_type != "opinion" and about.group(1)):
        return ""
    topic = next(g for g in about.groups() if g).strip(" ?.!")
    if re.match(r"(att|hur|vad|vilk\w*)\b", topic, re.I) or term_set(topic) & set(q.name_terms):
        return ""
    if any(_ACRONYM.match(w) for w in topic.split()):  # 'MVP' may be written out ('Mentorer i våldsprevention')
        return ""
    # The programme ('trygghetsprogrammet 2024–2027'), and everyday words ('förra gången'), name no topic.
    kept = [
        w
        for w in re.findall(r"[^\W\d_][\w-]*", topic)
        if not is_general(w) and zipf_frequency(w.lower(), "sv") < _EVERYDAY_ZIPF
    ]
    return " ".join(kept)


# The same in English: 'What does the social committee say about street lighting?'
_VIEWED_ENGLISH = re.compile(
    r"\b(?:think|thinks|thought|say|says|said|write|writes|wrote|feel|feels|view|views|position|stance)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:about|on|of|regarding|concerning)\s+((?:[\w-]+\s+){0,5}[\w-]+)\W*$"
    # 'Is the traffic committee in favour of more security guards?', 'Does it support …', 'How does it see …'
    r"|\b(?:in favou?r of|against|opposed to|supportive of|supports?|backs?|opposes?|wants?|asks? for|calls? for"
    r"|proposes?|suggests?|recommends?|advocates?|would like"
    # whether it mentions it at all ('Does the traffic committee mention CCTV?')
    r"|mentions?|raises?|discuss(?:es)?|brings? up|refers? to|talks? about|deals? with|addresses)"
    r"\s+((?:[\w-]+\s+){0,5}[\w-]+)\W*$"
    # 'Which measures against graffiti does Kungsholmen propose?'
    r"|^\s*which (?:measures|actions|steps|initiatives|efforts) (?:against|for|on|to tackle|to reduce)\s+"
    r"((?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:does|do|did)\b"
    r"|^\s*how (?:does|do|did)\s+(?:[\w'-]+\s+){1,6}?(?:see|view|regard|judge)\s+((?:[\w-]+\s+){0,5}[\w-]+)\W*$",
    re.I,
)


def _english_view_topic(q: Question) -> str:
    """What one responder's view is asked of in English, in the question's words ('street lighting').

    Not the programme ('… about the programme', 'on the draft') nor a clause ('about how …').
    """
    about = _VIEWED_ENGLISH.search(q.text) if q.language == "en" else None
    if not about or (q.answer_type != "opinion" and about.group(1)):  # 'in favour of …' asks a view as it is
        return ""
    topic = next(g for g in about.groups() if g)
    if re.search(r"\b(it|this|that|how|what|whether|programmes?|programs?|proposals?|drafts?|plan)\b", topic, re.I):
        return ""
    return topic


def _none_held(q: Question, index: LexicalIndex, topic: str, holds: Callable[[list[str], str], bool]) -> str:
    """The refusal when the response holds none of the documents' words for an English topic ('' when it does).

    By the glossary's Swedish words ('street lighting' -> belysning), not its words for a responder ('street' ->
    trafikkontoret); a topic it cannot translate is not judged.
    """
    swedish = documents_words(topic, True, lambda w: not named_responders(w, index.responders)).split()
    read = [(w, t) for w in swedish for t in index.query_terms(w)]
    if swedish and all(t not in index.vocab for _, t in read):
        return f"Dokumenten nämner inte ”{swedish[-1]}”."  # 'CCTV cameras': no document names kameror
    # not an everyday word of a phrase ('domestic violence' -> 'våld i nära relationer': 'nära samverkan' is no view)
    asked = [
        (w, t)
        for w, t in read
        if t in index.vocab and topical(t, index) and t not in LIGHT_TERMS and zipf_frequency(w, "sv") < _EVERYDAY_ZIPF
    ]
    if not asked or any(holds([t], w) for w, t in asked):
        return ""
    return _not_named(q, max(asked, key=lambda a: float(index.idf[index.vocab[a[1]]]))[0])


# A name goes on over capitalised words and a small word before the next ('Mentorer i våldsprevention').
_NAME_GOES_ON = re.compile(r"\s+(?:(?:i|för|mot|av|och)\s+[\wåäöÅÄÖ-]+|[A-ZÅÄÖ][\wåäöÅÄÖ-]*)")


_ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,}\b")


def _name_phrases(text: str) -> list[str]:
    """The names a question uses, as written ('Cosafe', 'Mentorer i våldsprevention', 'Levande Stockholm').

    Not an acronym ('MVP', 'ANDT-frågor'): the documents may write it out instead.
    """
    text = text.strip()
    out: list[tuple[int, int]] = []
    for match in CAPITALISED.finditer(text):
        if NOT_A_NAME.match(match.group(0)) or any(match.start() < end for _, end in out):
            continue
        if _ACRONYM.match(match.group(0)):  # 'MVP' is also written out ('Mentorer i våldsprevention')
            continue
        end = match.end()
        while more := _NAME_GOES_ON.match(text, end):
            end = more.end()
        out.append((match.start(), end))
    return [text[a:b].rstrip("?.!,") for a, b in out]
