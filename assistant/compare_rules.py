"""Which responders a comparison question asks about, and about what: rules read off the question.

A question is answered per responder when it names two or more of them ("trafikkontoret och
skolförvaltningen", also misspelt or in English), names a group of them and asks their view
("Vad tycker stadsdelsnämnderna …?"), sets programme periods against each other ("målet i
programmet 2020–2023 jämfört med 2024–2027 enligt Kungsholmen": the named responder and every
responder of the other period), or asks how they differ without naming any ("skiljer sig",
"varje nämnd"). The topic is the question without names, years and framing words; for an
English question the glossary's Swedish words are added to it (assistant/glossary.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.compare import (
    View,
    asks_anyone,
    asks_which,
    ordered,
    responders_in_scope,
    single_answer_leads,
    view_of,
)
from assistant.glossary import documents_words
from assistant.positions import NO_POSITION, Label, asked_label, asks_opinion
from assistant.question import (
    ALL_OF_THEM,
    RESPONDER_GROUP,
    Question,
    is_english_word,
    periods_in,
    without_pronouns,
)
from assistant.responder_names import group_asked, responders_in_order
from assistant.scope import answer_type_missing
from assistant.scope_checks import after_every_period, asks_money
from assistant.topics import about_whole_programme, is_general, topic_of
from vectorstore.analyzer import fold
from vectorstore.records import Filters

if TYPE_CHECKING:
    from assistant.core import Assistant

# The group's members each asked ('hos båda stadsdelsnämnderna', 'both districts'): each member's response.
_EACH_MEMBER = re.compile(
    r"\b(bada|bagge|de tva|both|each of the|var och en av|hos)\s+(\w+\s+)?(stadsdel|district|fack)"
    # or each asked after the group is named ('two district committees … Which period was each of them …?')
    r"|\b(each of them|each one|var och en|vardera|bada två|both of them)\b"
)
# What a group says or writes is what each of its members says ('Vad säger stadsdelsnämnderna om …').
_SAYS = re.compile(r"\b(sager|sagt|skriver|skrev|skrivit|tar upp|lyfter|says?|said|write|writes|wrote)\b")
# ... and, where no responder is named, what it lacks, wants or asks for, and what 'they' say ('stadsdelarna +
# droger, vad tar de upp?', 'Vad saknar facknämnderna, alltså vad vill de se mer av?'; with one named, 'de' is
# that one: 'Varför är stadsdelsförvaltningen i söderort tveksam …, och vad vill de ha klarhet i?').
_THEY_ASK = re.compile(
    r"\b(saknar|efterfragar|efterlyser|onskar|foreslar|betonar|kritiserar|valkomnar|reagerar|reagerade|lack|miss"
    r"|ask for|call for)\b|\b(tar|tog|lyfter) (de|dom) upp\b|\bvad (sager|skriver|tycker|anser|vill|menar|saknar)"
    r" (de|dom)\b"
)
# The responders named, then asked of as 'de' or 'they' ('Remissinstanserna om skolan: vad vill de?', 'Nämnderna och
# polisen – hur ser samarbetet ut enligt dem?', 'The police and the committees – how do they describe …?'), opening
# the question ('X fanns bland remissinstanserna. Vad skrev de …' asks X).
_GROUP_THEN_THEY = re.compile(
    rf"^(\w+ ){{0,3}}({ALL_OF_THEM})\b.*\b((vad|hur|varfor) (\w+ ){{1,2}}(de|dom)\b"
    r"(?! (olika|fem|fyra|tre|andra|ovriga)\b)"
    r"|(enligt|hos) (dem|dom)\b|(what|how|why) (do|did|would|will) they\b|according to them\b)"
)
# Asked what each wants changed: 'Vad vill nämnderna ändra i programmet?' (read as typed: 'ändra' folds to
# 'andra', other, and is no document word a correction keeps) ...
# Typed without å/ä/ö, 'andra' after 'vill' is the verb where it ends the question or a preposition follows
# ('vad vill nämnderna andra i programmet'), not 'other' ('vill andra nämnder …').
_WANTS_CHANGE = re.compile(
    r"\bvill\b.*\b(ändra|ändras|ändringar)\b|\bvill\b(\s+[\w-]+){0,3}\s+andra(\s+(i|på|pa|med)\b|\W*$)|"
    r"\b(want|would like)\b.*\bchanges?\b",
    re.I,
)
# ... and the words that ask it, not what it is about ('vill ändra något i programmet').
_CHANGE_WORDS = re.compile(
    r"\b(vill|ändra|andra|ändras|ändringar|förändra|förändras|förändringar|justeringar|något|några|want|wants|would"
    r"|like|to|see|changes?)\b",
    re.I,
)
_PREPARED = re.compile(
    r"\b(avdelning\w*|(tagit|tog|tagits) fram (svaret|yttrandet|remissvaret)|skrev(it)? (svaret|yttrandet|remissvaret)|"
    r"bered(de|des|ts)?|berett\w*|prepared)\b"
)
# A question about one responder's criticism or proposals, or a summary of its response: spread over the
# response, not said in one passage. Proposals asked by the verb ('Vad föreslår …'): 'X:s förslag till
# trygghetsprogram' is the programme.
# What one wishes for or asks of the programme is its proposals ('Vad efterlyser socialnämnden?').
_WISHED = r"efterfragar|efterfragade|efterlyser|efterlyste|onskar|onskade"
_WISHES = re.compile(rf"\b({_WISHED})\b")
_PROPOSALS_ASKED = re.compile(
    rf"\b(foreslar|foreslog|foreslagit|vilka forslag|andringsforslag\w*|propose[sd]?|suggest\w*|{_WISHED})\b"
)
# How the programme differs from the one before, in the documents' words ('inga större förändringar mot tidigare').
_CHANGE_ASKED = re.compile(r"\b(skillnad\w*|skiljer|skilde|forandr\w*|andrat\w*|andrats|differ\w*|chang\w*)\b")
CHANGES_TOPIC = "förändringar mot tidigare trygghetsprogram"
_SUMMARY_ASKED = re.compile(r"\b(sammanfatta\w*|sammanfattning\w*|summera\w*|summar\w*|i korthet|vad handlar)\b")
# Questions about the referral's own dates, asked in words the single path does not read as procedure.
_DEADLINE = re.compile(
    r"\b(svarsdag\w*|sista (dag|dagen|dagarna|datum|datumet)|svara senast|svarstid\w*|svarsfrist\w*|due date|answer by"
    r"|deadlines?|consultation (window|period))\b"
)


_FACT_TYPES = ("who", "when", "where", "quantity")


# Words of English comparison topics that the glossary does not cover.
@dataclass(frozen=True)
class Comparison:
    """What a comparison question asks: whom (in stable order), about what, and in which way."""

    responders: tuple[str, ...]
    topic: str
    prefer: Label | None = None
    opinion: bool = False
    procedure: bool = False
    which: bool = False  # which responders take the topic up: held to the topic's rarest word
    # of an English topic, among the Swedish words its asker wrote ('otillåten påverkan'), else the glossary's
    held_to: str = ""


def _touched(years: Sequence[int], period: str) -> bool:
    return any(first <= year <= last for first, last in periods_in(period) for year in years)


def period_responders(years: Sequence[int], named: Sequence[str], periods: Mapping[str, str]) -> list[str]:
    """Whom a question that sets two programme periods against each other asks.

    The named responders and every responder of a period none of them answered for ([] when the
    question names fewer than two of the responders' periods).
    """
    touched = {p for p in periods.values() if p and _touched(years, p)}
    if len(touched) < 2:
        return []
    covered = {periods.get(r, "") for r in named}
    return [r for r, p in periods.items() if r in named or (p in touched and p not in covered)]


# One responder set against the rest: 'jämfört med de övriga fyra', 'compared with the others'.
_THE_OTHERS = re.compile(
    r"\b(jamfort med|jamfor med|jamfora med|an|mot|compared (to|with)|than|against|versus|vs)\s+"
    r"(de|dom|the)\s+(ovriga|andra|other|others|rest)\b"
    # ... or the others asked as the subject ('eller är de andra nöjda', 'tycker Kungsholmen som de andra',
    # 'how the other committees see theirs'), the one named standing out among them ('sticker ut bland
    # remissinstanserna', 'ensamma om att …'; not 'Stockholm sticker ut jämfört med resten av landet'); not the
    # others as partners ('samverkan med de andra nämnderna')
    r"|\b(ar|var|tycker|tyckte|anser|ansag|som|hur|gor|gjorde|sager|sade|skriver|skrev|vill|menar) (de|dom)"
    r" (andra|ovriga)\b"
    r"|\b(how|do|did|are|were|as) the other (committees|responders|bodies|administrations|districts)\b"
    r"|\bbland (de andra|de ovriga|remissinstanserna|namnderna|instanserna|forvaltningarna|remissvaren|svaren)\b"
    r"|\bensamm?a? om\b|\balone in\b|\b(stands?|stood) out (among|from) the\b"
    # 'Is Kungsholmen the only one that …', 'Är trafiknämnden den enda som …' (not 'den enda åtgärden som …')
    r"|\bthe only (one|committee|responder|body|response|district|administration|office)\b"
    r"|\bden enda (som|namnden|remissinstansen|forvaltningen|stadsdelen|stadsdelsnamnden)\b"
)

_BESIDES = re.compile(
    r"\b(besides|apart from|aside from|other than|except|forutom|utover|utom|fler an|andra an|annan an|others than"
    r"|more than)\b"
)
# Someone else asked for: 'Does anyone besides the traffic committee …', 'Tar fler än socialnämnden upp …'.
_ANYONE = re.compile(r"\b(anyone|anybody|any|someone|another|others?|nagon|nagra|nan|fler|andra|ovriga)\b")

# A date asked for ('… before Christmas 2023? Give the council meeting date.'); not 'när det gäller' ('regarding').
_DATE_ASKED = re.compile(r"\b(när|nar|when|dates?|datum\w*|vilken dag)\b(?!\s+det\s+(gäller|galler))", re.I)


def read_comparison(q: Question, scope: Sequence[str], periods: Mapping[str, str]) -> Comparison | None:
    """The comparison a question asks for, or None for a question about one responder or none in particular."""
    text = q.corrected
    wants_change = bool(_WANTS_CHANGE.search(q.text))  # as typed: 'ändra' is no document word to correct to
    named = responders_in_order(text, scope)
    group = group_asked(text, scope)
    lowered = fold(text.lower())
    # One responder named sets periods against each other only when compared ('Kungsholmen svarade på 2024–2027. Hur
    # löd deras svar 2021?' asks Kungsholmen alone)
    # A date asked ('Will the 2024–2027 programme be voted on before Christmas 2023?') sets no periods against each
    # other: the single answer's rules on decisions and dates decide it.
    by_period = (
        period_responders(q.years, named, periods)
        if not _DATE_ASKED.search(text) and (not named or (len(named) == 1 and q.compares))
        else []
    )
    # 'Besides EÅV, does any responder raise …?': the one named right after it and the rest alike (not '… nämns
    # upprustningar utöver trygghetssatsningarna')
    set_apart = _BESIDES.search(lowered)
    besides = (
        (q.compares or bool(_ANYONE.search(lowered)))
        and set_apart is not None
        and bool(responders_in_order(lowered[set_apart.end() :][:40], scope))
    )
    against_rest = len(named) == 1 and (bool(_THE_OTHERS.search(lowered)) or besides)
    they_asked = bool(_GROUP_THEN_THEY.search(lowered))  # of the group named first, with no responder named
    if len(named) >= 2:
        responders = named
    elif (
        len(group) >= 2
        and not _group_spoken_of(text, scope)
        and (
            asks_opinion(text)
            or q.compares
            or wants_change
            or _SAYS.search(lowered)
            or _EACH_MEMBER.search(lowered)
            or (not named and (_THEY_ASK.search(lowered) or they_asked))
        )
    ):
        responders = group
    elif len(by_period) >= 2:
        responders = by_period
    elif against_rest or (len(named) == 1 and q.compares and not responders_in_order(_which_clause(text), scope)):
        # 'var hamnar EÅV jämfört med de övriga fyra?': one set against the rest; 'Vilka av förvaltningarna föreslår
        # omedelbar justering, och hur låter Kungsholmens förslag?': every responder, the one named among them
        responders = list(scope)
    elif not named and (q.compares or they_asked or (wants_change and re.search(rf"\b{RESPONDER_GROUP}", lowered))):
        responders = list(scope)  # every responder: 'Vad vill nämnderna ändra …' asks each
    elif (
        len(named) == 1
        # of its own programme: another period's is for the single answer's rules to decline ('What did EÅV (2020–2023)
        # think of the proposed 2024–2027 programme?')
        and (not q.years or _touched(q.years, periods.get(named[0], "")))
        and (
            (_whole_view_asked(text) and about_whole_programme(q.text, scope) and not _STANCE_CHECKED.match(fold(text)))
            or (wants_change and about_whole_programme(_CHANGE_WORDS.sub(" ", q.text), scope))
        )
    ):
        # 'Vilka brister ser socialnämnden i programmet?', 'Sammanfatta socialnämndens yttrande': its position
        # sentences on the whole, labelled
        responders = named
    else:
        return None
    topic = topic_of(q.text, scope)  # as typed: a correction may miss a compound ('svarsdag')
    if q.follow_up and is_general(topic):  # 'Vilka nämnder tar upp det?' after 'Vad är platssamverkan?'
        leaned = without_pronouns(topic_of(q.query, scope))
        topic = leaned if leaned and not is_general(leaned) else topic
    # ... ranked from most positive to most critical: where it stands is its verdict on the whole
    verdict_against_rest = against_rest and re.search(r"\b(mest|minst|most|least) (positiv|kritisk|critical)", lowered)
    # 'Vilka nämnder föreslår förändringar?' asks what each proposes for the programme, as 'vill ändra' does
    asked_kind = asked_label(text)
    proposes = wants_change or asked_kind == "förslag"
    if len(responders) == 1 or verdict_against_rest or (proposes and is_general(_CHANGE_WORDS.sub(" ", topic))):
        # one responder's view of the whole, or what each wants changed in it: read from the position sentences
        topic = "trygghetsprogrammet"
    elif is_general(topic) and _CHANGE_ASKED.search(fold(q.text)) and (len(q.periods) >= 2 or q.previous_programme):
        topic = CHANGES_TOPIC  # 'Vad är skillnaden mellan programmet 2020–2023 och 2024–2027?': what changed
    translated = held_to = ""
    if q.language == "en" and not is_general(topic):  # the documents' own words added to an English topic
        # A word the glossary translates is no name, whatever its capital ('July').
        words = [w.lower() if documents_words(w, True, lambda _: True) else w for w in topic.split()]
        # not its words for a responder ('street' -> trafikkontoret): each responder is asked anyway
        translated = " ".join(_documents_words_of(topic, scope))
        topic = " ".join([*words, translated]).strip()
        # Not its English words that a document happens to hold too ('team', 'a'), nor the glossary's frame
        # words ('concrete' -> 'konkret') where the asker named the topic in Swedish.
        held_to = " ".join(w for w in words if len(w) > 2 and not is_english_word(w.lower())) or translated
    folded = fold(q.text.lower())
    if _PREPARED.search(folded):  # who prepared each answer: the documents say 'har beretts inom …'
        topic = f"{topic} beretts beredning avdelningen"
    if _DEADLINE.search(folded):  # its deadline: 'har mottagit remissen för yttrande …', 'remisstiden sträcker sig …'
        topic = "yttrande senast remisstiden mottagit"  # the referral's deadline, whatever else the words say
    # 'förslag till beslut', 'beretts', 'sista svarsdag': the handling of the referral, not a view
    if q.asks_procedure or _DEADLINE.search(folded) or _PREPARED.search(folded):
        return Comparison(tuple(ordered(responders)), topic, procedure=True)
    # Which responders take an English topic up is judged by its Swedish words, so only where the glossary has them.
    # Not of the programme as a whole ('Vilka remissvar är positiva …?'): every responder has a verdict on it.
    # So does one whether anyone does, when it names none and asks no one's view besides ('var och en …').
    anyone = asks_anyone(text) and not named and not _EACH_MEMBER.search(lowered)
    which = (asks_which(text) or anyone) and (q.language == "sv" or bool(translated)) and not is_general(topic)
    wished: Label | None = "förslag" if _WISHES.search(folded) else None  # 'Vad önskar EÅV?'
    label = "förslag" if wants_change else asked_kind or wished
    return Comparison(tuple(ordered(responders)), topic, label, asks_opinion(text), which=which, held_to=held_to)


# Where a clause ends: ', och …', ' – ', ';', '?'.
_CLAUSE_END = re.compile(r",\s*(?:och|and|men|but)\b|\s[–-]\s|[;?]")


def _documents_words_of(english: str, scope: Sequence[str]) -> list[str]:
    """The glossary's Swedish words for an English text, not its words for a responder ('street' -> trafikkontoret)."""
    return [w for w in documents_words(english, True, lambda _: True).split() if not responders_in_order(w, scope)]


def _which_clause(text: str) -> str:
    """The clause that asks which responders ('Vilka av förvaltningarna föreslår …'), up to its end (all, if none).

    A responder it names is what it asks of ('vilka nämnder pekar socialförvaltningen ut …'); one named in
    another clause ('…, och hur låter Kungsholmens förslag?') is one of those asked.
    """
    if not asks_which(text):
        return text
    folded = fold(text)
    starts = [m.start() for m in re.finditer(r"\b\w", folded)]
    start = next((i for i in reversed(starts) if asks_which(folded[i:])), 0)  # the last word it still holds
    end = _CLAUSE_END.search(text, start)
    return text[start : end.start() if end else len(text)]


# What one responder thinks of a group it belongs to ('Varför tycker EÅV att stadsdelsnämnderna får för stort
# ansvar?'): the group is what its view is of, not responders set side by side (folded).
_VIEW_VERB = re.compile(r"\b(tycker|tyckte|anser|ansag|menar|think|thinks|thought|believes?|argues?|feels?)\b")
_GROUP_WORD = re.compile(
    r"\b(stadsdels(namnd|forvaltning)\w*|district (committees|councils|administrations)|facknamnd\w*)"
)


def _group_spoken_of(text: str, scope: Sequence[str]) -> bool:
    """Whether a group is named after one responder and its verb of view, as what that view is of.

    Not joined to the responder ('Vad tycker Kungsholmen och de andra stadsdelsnämnderna …?' sets them side by side).
    """
    lowered = fold(text.lower())
    group = _GROUP_WORD.search(lowered)
    verb = _VIEW_VERB.search(lowered[: group.start()]) if group else None
    if group is None or verb is None or len(responders_in_order(text[: group.start()], scope)) != 1:
        return False
    return not re.search(r"\b(och|and|samt|eller|or)\b|,", lowered[verb.end() : group.start()])


# Whether it holds a stance, asked yes or no ('Stämmer det att socialnämnden är negativ till programmet?', 'Är EÅV
# kritisk till programmet?'): its verdict answers, as a single answer opens with it, not its criticism (folded).
_STANCE_CHECKED = re.compile(r"^\s*(ar|stammer det|ar det sant|is it true|is|are)\b")


def _whole_view_asked(text: str) -> bool:
    """Whether a question asks for a responder's criticism, proposals or a summary of its response."""
    folded = fold(text)
    return asked_label(text) == "kritisk" or bool(_PROPOSALS_ASKED.search(folded) or _SUMMARY_ASKED.search(folded))


def responder_periods(assistant: Assistant) -> dict[str, str]:
    """Each responder's programme period, as the store records it."""
    return {d.responder: d.period for d in assistant.lexical.get().documents if d.responder}


def compare_views(
    assistant: Assistant, q: Question, filters: Filters | None = None
) -> tuple[Comparison, list[View]] | None:
    """What a comparison question asks and each responder's view of it; None when it is not one."""
    scope = responders_in_scope(assistant, filters)
    periods = {r: p for r, p in responder_periods(assistant).items() if r in scope}
    comparison = read_comparison(q, scope, periods)
    if comparison is None:
        return None
    c = comparison
    if after := after_every_period(q, assistant.lexical.get()):  # 'a 2028 programme': no response is that late
        return c, [View(r, "", False, NO_POSITION, reason=after) for r in c.responders]
    # The handling of the referral is read from its own sentences, and a view of the whole programme
    # from each responder's position sentences; any other question leads with what a single answer
    # to it would say, per responder.
    # A fact asked of the programme ('Vem har tagit fram förslaget …') is no view of it: what a single answer says.
    overall = c.procedure or (is_general(c.topic) and q.answer_type not in _FACT_TYPES)
    leads = {} if overall else single_answer_leads(assistant, q, c.responders, filters)
    views = [
        view_of(assistant, c.topic, r, filters, c.prefer, c.opinion, c.procedure, c.which, leads.get(r, ()), c.held_to)
        for r in c.responders
    ]
    # An amount of money asked of each: a paragraph without one does not answer it.
    if q.answer_type == "quantity" and asks_money(q):
        views = [_holding_amount(assistant, q, v) for v in views]
    return c, views


def _holding_amount(assistant: Assistant, q: Question, view: View) -> View:
    """The view, or 'does not take it up' with the single answer's reason when its sentences state no such amount."""
    if not view.addressed:
        return view
    said = tuple(s.ref.clean_text for s in view.statements)
    if reason := answer_type_missing(replace(q, responders=(view.responder,)), said, assistant.lexical.get()):
        return View(view.responder, view.source, False, NO_POSITION, reason=reason, hits=view.hits)
    return view
