"""Named checks of what a question asks against what the answer would say (used by assistant/scope.py).

Each check returns a Swedish reason ('' when it does not apply or is met):
- counted thing: "hur många lärare …" needs a number that counts lärare, not elever;
- money: "hur mycket satsade …", "vad kostar …" needs an amount of money, not any number;
- when: a date in a sentence about the question's subject; "när beslutade …" a dated decision;
  "när ska/kommer …" a date in a sentence that speaks of the future (ska, kommer att, senast …),
  not the date of an earlier decision;
- outcome: "har otryggheten halverats?" needs a sentence that states a result, not only the goal;
- organisations without "-nämnd" in their name ("Stockholms Stadshus AB", "Trafikverket",
  "kommunfullmäktige") whose view is asked: they did not respond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from wordfreq import zipf_frequency

from assistant.glossary import documents_words
from assistant.letterhead_fields import PERSON
from assistant.question import Question, is_specific, periods_in
from assistant.responder_names import named_responders
from assistant.scope_topics import CAPITALISED, ENGLISH_WORD_ZIPF, LIGHT_TERMS, NOT_A_NAME, topical
from vectorstore.analyzer import FOLDED_STOPWORDS, fold, same_term, term, term_set, words
from vectorstore.lexical import LexicalIndex
from vectorstore.records import period_label

# Numbers that identify rather than count: dnr "2023/739", a law "(2023:196)", phone numbers, pages.
IDENTIFIER = re.compile(
    r"\b\d+\s*[/:]\s*\d+\b|\b0\d{1,3}\s*-\s*\d[\d ]{4,}\d|\bsida \d+ \(\d+\)|§\s*\d+|\b\d+ kap\b|\bartikel \d+", re.I
)
# Kinds of one thing: a figure for one is not a figure for another (folded prefixes).
SIBLINGS: tuple[tuple[str, ...], ...] = (
    ("kommunal", "fristaend", "privat", "enskild", "statlig"),
    ("forskol", "grundskol", "gymnasie", "hogskol", "universitet"),
    ("flick", "pojk", "kvinn"),
)
_ENGLISH_REACH = 5  # words from a number to what an English question counts, in the glossary's Swedish words
# What 'how many …' counts: one or two words, not the verb after them ('how many crimes were reported').
_HOW_MANY_EN = re.compile(
    r"\bhow many\s+([a-z-]+(?:\s+(?!(?:are|is|was|were|will|would|did|do|does|have|has|had|can|could|should)\b)"
    r"[a-z-]+)?)",
    re.I,
)
# ('antal ärenden om klotter': a count asked in keywords)
_HOW_MANY = re.compile(
    r"\b(?:hur (?:många|manga)|antal(?:et)?(?: av)?|siffr\w* (?:på|pa))"
    r"\s+([\wåäöÅÄÖ-]+)(?:\s+([\wåäöÅÄÖ-]+))?",
    re.I,
)
# A verb right after 'hur många' counts people, whoever they are ('Hur många känner sig otrygga?').
_VERBS = frozenset(
    fold(w)
    for w in "känner tycker anser upplever är var har hade går bor arbetar jobbar vill kan brukar brukade finns fanns "
    "blir blev ska skall får fick kommer ingår deltar behövs rör gäller handlar".split()
)  # 'hur många brukar det vara', 'hur många rör det sig om': a verb counts no thing
_MORE = frozenset(("fler", "farre", "nya", "extra", "ytterligare"))  # how many more of what follows
# How close the count is, not what it counts: 'hur många minst, och …', 'hur många ungefär'.
_APPROXIMATELY = frozenset(fold(w) for w in "minst högst ungefär cirka ca totalt sammanlagt exakt egentligen".split())
# A word that counts whatever the sentence counts ("hur många organisationer" ~ "tre aktörer").
# The young, by whatever name an English count asks them ('kids', 'children', 'pupils'): the documents count elever.
_YOUNG = frozenset("barn elever unga ungdomar".split())
_GENERIC_COUNTED = frozenset(
    "organisationer aktorer aktörer personer manniskor människor stycken ganger gånger delar saker exempel "
    "olika st moment steg punkter led faser projekt spar huvudspar".split()
)  # 'hur många moment' may be counted as 'fem steg', 'projekt' as 'trygghetsinvesteringar', 'huvudspår' as
# 'fyra viktiga områden': they go by many names
# Units rather than things: "hur många procent", "hur många kronor" (the money rule checks those).
MEASURES = frozenset("procent kronor kr miljoner miljarder tusen tkr mnkr".split())
_NUMBER_WORDS = frozenset(
    "en ett två tva tre fyra fem sex sju åtta atta nio tio elva tolv tjugo trettio fyrtio femtio hundra tusen "
    "fjorton femton sexton sjutton arton nitton tretton".split()
)
_MONEY_QUESTION = re.compile(
    r"\b(pengar|kronor|kr|miljon\w*|miljard\w*|budget\w*|kost\w*|satsa\w*|avsatt\w*|avsätt\w*|anslag\w*|lägger|"
    r"lagger|lade|lagt|betal\w*|spend\w*|spent|cost\w*|money|lön|lon|investera\w*|invest|invested|investing)\b",
    re.I,
)
# What money is for: "avsatt för bättre belysning", "satsar på klotter" (up to a time or the end).
# The words after a preposition or verb that say what money is for, up to a time ('i år', 'per år') or a number.
_FOR_WHAT = r"((?:(?!i år|i ar\b|under|per|\d)[\wåäöÅÄÖ-]+\s*){{1,{most}}})"
_PURPOSE = re.compile(
    rf"\b(?:för|for|till|på|pa|on|(?:went|go|goes|gone|allocated|given) to|(?:investera\w*|invest\w*) (?:i|in))\s+"
    rf"{_FOR_WHAT.format(most=6)}",
    re.I,
)
# What costs the money: 'Vad kostar avhopparverksamheten per år?'
_COSTS = re.compile(rf"\b(?:kostar|kostade|costs?)\s+{_FOR_WHAT.format(most=4)}", re.I)
# What cost the money, asked in English: 'How much did the Tyck till app cost to develop?'
_COST_OF = re.compile(rf"\b(?:did|does|do|will|would)\s+(?:the\s+)?{_FOR_WHAT.format(most=4)}\s+cost\b", re.I)
_MONEY = re.compile(r"\b(kr|kronor|tkr|mnkr|mkr|miljon\w*|miljard\w*|sek)\b|\d\s*:-", re.I)
_FUTURE_QUESTION = re.compile(
    r"\b(ska|skall|kommer|planer\w*|nästa|nasta|framöver|framover|will|next|going to|efter (19|20)\d\d)\b", re.I
)


def decision_missing(q: Question, used: Sequence[str]) -> str:
    """A decision asked about for one programme period, answered only by decisions about another.

    "Vilket beslut fattade kommunfullmäktige om programmet 2024–2027?" is not answered by "Programmet
    2020–2023 antogs av Kommunfullmäktige 2021": a decision sentence that names a period must name one asked.
    """
    if not _DECISION.search(fold(q.text)):
        return ""
    decisions = [s for s in used if _DECISION.search(fold(s))]
    if not decisions and (_DECISION_AHEAD.search(q.text) or _DECIDED_ASKED.search(q.text)):
        # when it will be adopted, answered by the proposal alone ('är det bestämt vilket fullmäktigesammanträde
        # som ska anta det?'), for a period named or not
        return "Dokumenten anger inget sådant beslut."
    if not (q.periods or q.years):
        return ""
    if q.periods:
        if decisions and not any(_same_period(q.periods, s) for s in decisions):
            asked = ", ".join(period_label(a, b) for a, b in q.periods)
            return f"Dokumenten anger inget sådant beslut om programmet {asked}."
        return ""
    # '… det nya programmet som ska gälla från 2024': a decision about a period that holds the year.
    if decisions and not any(_holds_year(q.years, s) for s in decisions):
        return f"Dokumenten anger inget sådant beslut om programmet från {', '.join(map(str, q.years))}."
    return ""


def _holds_year(years: Sequence[int], sentence: str) -> bool:
    """Whether a sentence naming a programme period names one that holds a year asked about (or names none)."""
    named = periods_in(sentence)
    return not named or any(first <= year <= last for first, last in named for year in years)


# A target year ('otryggheten är halverad till år 2025') speaks of the future too.
_FUTURE_SENTENCE = re.compile(
    r"\b(ska|skall|kommer|planerar|planeras|planerad\w*|planer|beräkn\w*|berakn\w*|senast|föreslås|foreslas|will"
    r"|till (år )?(19|20)\d\d)\b",
    re.I,
)
# A decision asked as taken ('What did the city decide about camera surveillance in 2025?', 'Vad beslutade …').
_DECIDED_ASKED = re.compile(r"\b(decided|decide|beslutade|beslöt|beslot|bestämde|bestamde)\b", re.I)
# When a decision is or will be taken ('blir programmet klubbat … eller när?', 'When will it be adopted?').
_DECISION_AHEAD = re.compile(r"\b(när|nar|when|blir|kommer|will|ska|skall)\b", re.I)
# A decision asked in the present tense, which a 'när' question puts ahead ('När beslutar kommunfullmäktige om
# programmet?', 'When does the council adopt it?'): not answered by an earlier programme's adoption.
_DECIDES_NOW = re.compile(
    r"\b(beslutar|beslutas|antar|antas|godkänner|godkanner|godkänns|godkanns|klubbar|klubbas|fattar|fattas"
    r"|behandlar|behandlas|tar (\w+ )?ställning|tar (\w+ )?stallning|decides?|adopts?|approves?"
    r"|(is|are) (it |the \w+ )?(adopted|approved|decided)|votes? on)\b",
    re.I,
)
# A decision and the words for taking one (folded).
_DECISION = re.compile(
    r"\b(beslut\w*|beslot|fattade|fattat|sammantrad\w*|juster\w*|antog\w*|antag\w*|anta|antas|godkan\w*|klubba\w*|"
    r"(ta|tar|tog) stallning|"
    r"adopt\w*|decid\w*|decision\w*)\b"
)
_OUTCOME_QUESTION = re.compile(
    r"\b(lyckats|lyckades|lyckas|halverats|halverades|halverat|minskat|minskade|ökat|okat|ökade|okade|blivit|blev|"
    r"nått|natt|nådde|nadde|uppnått|uppnatt|uppnådde|uppnadde|förbättrats|forbattrats|försämrats|forsamrats|"
    r"sjunkit|fortfarande|resultat\w*|effekt\w*|succeed\w*|achiev\w*|reduced|halved|decreased|increased|still|"
    r"gått (ner|ned|upp)|gatt (ner|ned|upp)|stigit|försvunnit|forsvunnit|gone|disappeared|"
    r"manage[ds]?|halve|reach(?:ed)?|"
    r"lett till|ledde till|bidragit till|fått \w+ att|fatt \w+ att|färre|farre|tryggare|säkrare|sakrare|"
    r"worked|helped|led to|fewer|safer|go(?:ne)? down|went down|go(?:ne)? up|went up|fallen|fell|dropped|declined|"
    r"risen|rose|improved|better|worse|results?|outcomes?|brings? (\w+ ){0,3}down|brought (\w+ ){0,3}down)\b"
    # a change asked of the past: 'Did the number of reported crimes drop …?'
    r"|\bdid (\S+ ){1,6}(drop|fall|decrease|reduce|lower|cut|go down|go up|increase|rise|improve"
    r"|get (better|worse|safer))\b",
    re.I,
)
# The programme as finally decided, which referral responses written before the decision cannot tell (folded).
_FINAL = re.compile(
    r"\b(slutliga|slutgiltiga|i slutandan|final version|did\b.{0,60}\beventually"  # 'What did it eventually propose?'
    r"|(beslutade|beslot|antog|antogs|blev|decided|adopted) .{0,40}(till slut|finally|in the end)"
    r"|gick\b.{0,50}\bigenom\b.{0,40}(till slut|slutligen)"  # 'Gick programmet igenom i fullmäktige till slut?'
    # what was done after the responses: 'Har staden efter skolans förslag börjat använda Cosafe …?'
    # ... or what was changed after them: 'Ändrade kommunstyrelsen programmet efter EÅV:s kritik?'
    r"|(^|[:.?!–—]\s*)(har|hade|has|have|did|andrade|andrades|justerade|justerades|changed|amended)\b.{0,80}"
    r"\b(efter|after) (\S+ ){0,2}(forslag\w*|synpunkt\w*|remissvar\w*|yttrande\w*|kritik\w*|responses?|feedback"
    r"|suggestions?|criticism)\b"
    r"|\bkom\b.{0,60}\bmed\b.{0,60}(till slut|slutligen|\bantagna\b)"  # 'kom MVP med i det antagna programmet?'
    # what became of the proposal the responses were on ('Blev förslaget … sen klubbat i fullmäktige?')
    r"|\b(blev|har|hade|was|has|did)\b.{0,40}\b(forslag\w*|programforslag\w*|proposal)\b.{0,80}"
    r"\b(klubba\w*|antag\w*|antogs|godkan\w*|adopted|approved|passed)\b)"
)
# Words that state an outcome (folded): "har minskat", "har lyckats", "visar att".
_OUTCOME_WORDS = (
    r"lyckats|lyckades|halverats|halverades|minskat|minskade|okat|okade|natt|nadde|uppnatt|uppnadde"
    r"|forbattrats|forsamrats|sjunkit|sjonk|visar|resultat\w*"
)
# A sentence that states a result (folded): "har minskat", "visar att", "sjunker".
_RESULT = re.compile(rf"\b({_OUTCOME_WORDS}|minskar|okar|blivit|blev|sjunker|effekt\w*|utvardering\w*)\b")
# A change a question asks about, by its stem (folded): "har otryggheten ökat?" needs a sentence saying "ök…".
_CHANGE = re.compile(r"\b(halver|minsk|ok(?=at|ade|ar|ning)|forbattr|forsamr|sjunk|sjonk|farre|tryggare|sakrare)\w*")
# The same changes asked in English or in phrases (folded), by the Swedish stems a sentence would state them with.
_CHANGE_PHRASES = (
    (
        re.compile(
            r"\b(drop\w*|fall(en|s)?|fell|decreas\w*|reduc\w*|lower\w*|fewer"
            r"|(go|gone|went|brought|bring)( \w+)? down)\b"
        ),
        "minsk",
    ),
    (re.compile(r"\b(increas\w*|ris(e|en|es)|rose|(go|gone|went) up)\b"), "ok"),
    (re.compile(r"\b(improv\w*|better)\b"), "forbattr"),
    (re.compile(r"\bworse\w*\b"), "forsamr"),
    (re.compile(r"\bsafer\b"), "tryggare|sakrare"),
    (re.compile(r"\bhalv\w*\b"), "halver"),
    # ... and Swedish phrases _CHANGE has no stem for: 'Har antalet skjutningar gått ner?'
    (re.compile(r"\bgatt (ner|ned)\b"), "minsk|sjunk|sjonk|farre"),
    (re.compile(r"\b(gatt upp|stigit)\b"), "ok|stig"),
)
# Whether something worked: 'Fungerade platsaktiveringen?', 'Did place activation at Fridhemsplan work?'
_WORKED = re.compile(
    r"\b(fungerade|fungerat|funkade|funkat|gav (\w+ )?resultat|gav effekt)\b|^\s*(fungerar|funkar)\b[^?]*\?\s*$"
    # the effect asked of something ('Vilken effekt har Cosafe haft …?', 'What impact has it had?')
    r"|\b(vilken|vilka|vad for|what|which) (effekt\w*|resultat\w*|effects?|results?|impacts?)"
    r" (har|hade|gav|did|has|have|had)\b"
    # whether it led to something, asked yes or no ('Ledde appen till snabbare åtgärder?'; not 'Vad ledde till …')
    r"|^\s*(ledde|leder|har (\w+ ){1,4}lett|did (\w+ ){1,4}lead|has (\w+ ){1,4}led)\b.{0,80}\b(till|to)\b"
    r"|\b(did|has|have|does) (\S+ ){1,6}(work|worked|pay off|paid off)\s*[?,.]"
    r"|\bany (results?|outcomes?|effects?|evidence)\b"  # 'Any results yet?', 'Any evidence yet that …'
    # 'finns det resultat som visar att …', 'finns det belägg för att …'
    r"|\bfinns det (\w+ )?(resultat|belagg|bevis|evidens|siffror|matningar) (som visar|pa att|for att)\b"
)
# A purpose is no outcome: '… åtgärder för att minska antalet brott'.
_PURPOSE_CLAUSE = re.compile(r"\bfor att [^,.;]*")
_TARGET = re.compile(r"\b(mal|malet|malen|malsattning\w*|syfte\w*|syftar|ambition\w*|vision\w*)\b")
_GOAL = re.compile(r"\b(mal|malet|malen|malsattning\w*|ska|skall|bor|syfte\w*|syftar|ambition\w*|vision\w*)\b")
# Organisations with no "-nämnd" in their name, whose view users ask for.
_ORGANISATION = re.compile(
    # in either case where a name may open the question ('Kriminalvårdens syn på …'); not 'SL', 'Brå', 'AB'
    r"\b((?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+){1,3}(?:AB|Region)|Brå|BRÅ|SL|(?i:[\wåäö-]+verket|kommunfullmäktige|kommunfullmaktige|"
    r"[\wåäö-]*myndighet\w*|[\wåäö-]*inspektion\w*|kriminalvård\w*|kriminalvard\w*|"
    r"[\wåäö-]+bolag(?:et|en)?|civilsamhället|civilsamhallet|näringslivet|naringslivet|stadsmission\w*|"
    r"[\wåäö-]+missionen|"
    r"regionen|region \w+|landsting\w*|polisregion \w+|polis(?:en|myndigheten)|storstockholms brandförsvar\w*|"
    r"[\wåäö-]+rådet|[\wåäö-]+radet))\b"  # a council: 'pensionärsrådet', 'funktionshinderrådet'
)
VIEW_BEFORE = (
    r"(tycker|tyckte|anser|ansåg|ansag|säger|sager|sa|sade|svarade|svarar|tänker|tanker|ställ\w* sig|stall\w* sig|ser"
    r"|såg|skrev|skriver|föreslog|foreslog|föreslår|foreslar|framförde|framforde|think|thinks|thought|say|says|said|wrote"
    r"|write|proposed?)"
)
VIEW_AFTER = (
    r"(synpunkt\w*|åsikt\w*|asikt\w*|syn|inställning\w*|installning\w*|remissvar\w*|svar|yttrande\w*|"
    r"ståndpunkt\w*|ställningstag\w*|stallningstag\w*|view\w*|opinion\w*|position|response|tycker|tyckte|anser"
    r"|ansåg|svarade|assessment\w*|kommenter\w*|comment\w*|rekommendation\w*|recommendation\w*|respond\w*"
    r"|repl(?:y|ied|ies)|answer(?:s|ed)?|invändning\w*|invandning\w*|objection\w*)"
)


def _folded_words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[\wåäöÅÄÖéÉ]+", text)]


def _same_word(asked: str, written: str) -> bool:
    """One word of the question and one of a sentence name the same thing, compounds included."""
    if asked == written or term(asked) == term(written):
        return True
    a, w = term(asked), term(written)
    # a compound, or a form the stemmer cut otherwise ('fokusomraden' / 'fokusomradena' once folded)
    return (len(a) >= 4 and w.endswith(a)) or (len(w) >= 4 and a.endswith(w)) or same_term(a, w)


def _is_number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS - {"en", "ett"}


def counts(sentence: str, noun: str, reach: int = 3) -> bool:
    """Whether the sentence puts a number (not a year or an identifier) up to `reach` words before the noun."""
    toks = _folded_words(IDENTIFIER.sub(" ", sentence))
    for i, tok in enumerate(toks):
        if not _is_number(tok) or (tok.isdigit() and len(tok) == 4 and tok[:2] in ("19", "20")):
            continue
        after = toks[i + 1 : i + 1 + reach]
        joined = ["".join(after[j : j + 2]) for j in range(len(after) - 1)]
        if any(_same_word(noun, w) for w in after + joined):
            return True
    return False


def counted_noun(q: Question) -> str:
    """What a 'hur många …' question counts: the word after, or after its adjective ('anmälda brott').

    In English, the glossary's first Swedish word for it ('How many focus areas …' -> fokusområden; '' if none).
    """
    if q.language == "en":
        counted = _HOW_MANY_EN.search(q.text)
        swedish = documents_words(counted.group(1), True, lambda _: True).split() if counted else []
        return swedish[0] if swedish and fold(swedish[0]) not in MEASURES else ""  # not 'How many million kronor'
    match = _HOW_MANY.search(q.query.split(" (")[0])
    if not match:
        return ""
    first, second = match.group(1).lower(), (match.group(2) or "").lower()
    if fold(first) in _MORE and second:  # 'hur många fler poliser' counts poliser
        first, second = second, ""
    if fold(first) in _APPROXIMATELY:  # 'hur många minst' counts what the question named before, if anything
        first, second = second, ""
    if not first or fold(first) in FOLDED_STOPWORDS or fold(first) in MEASURES or fold(first) in _VERBS:
        return ""  # "hur många och hur mycket": nothing named; "hur många procent/kronor": a measure; a verb: anyone
    adjective = re.search(r"(a|ande|ende|ade)$", first) and len(second) > 3  # kommunala, fristående, planerade
    return second if adjective else first


def counted_missing(q: Question, used: Sequence[str]) -> str:
    """'Hur många lärare' answered by a number of elever: the number must count what is asked.

    In English, the glossary's Swedish words for what is counted ("how many police officers" ->
    polisen); a noun the glossary does not know cannot be checked.
    """
    if q.language == "en":
        match = _HOW_MANY_EN.search(q.text)
        swedish = documents_words(match.group(1), True, lambda _: True).split() if match else []
        if _YOUNG.intersection(swedish):  # 'how many kids' is counted in pupils too ('26 300 stockholms elever')
            swedish += sorted(_YOUNG)
        # The glossary's words are looser than a Swedish question's own ('åtta reinvesteringar … på små platser')
        if not swedish or any(counts(s, fold(w), _ENGLISH_REACH) for s in used for w in swedish):
            return ""
        asked = match.group(1) if match else ""
        return f"Dokumenten anger inget sådant antal eller belopp. De anger inte antalet ”{asked}”."
    noun = counted_noun(q)
    # The documents may count it in their own word ('upprustningar' -> 'reinvesteringar').
    named = [noun, *documents_words(noun, False, lambda _: True).split()] if noun else []
    if not noun or fold(noun) in _GENERIC_COUNTED or any(counts(s, fold(w)) for s in used for w in named):
        return ""
    return f"Dokumenten anger inget sådant antal eller belopp. De anger inte antalet {noun}."


def _members(text: str, group: tuple[str, ...]) -> set[str]:
    """The members of a group of siblings that a text names (folded prefixes, compounds included)."""
    return {m for m in group for w in _folded_words(text) if w.startswith(m) or (len(m) > 5 and m in w)}


# A share asked for ("hur många procent", "hur stor andel", "what percentage") and one stated.
# ('what share of', not 'actors share responsibility')
_SHARE_ASKED = re.compile(
    r"\b(procent\w*|andel(en)?|percent\w*|proportion|(what|which|the|a|large|larger|big|bigger) share|share of)\b", re.I
)
_SHARE_STATED = re.compile(
    r"\d\s*%|\d+\s*procent|\bprocent\w*\b|\bhälften\b|\bhalften\b|\b(en|ett) (tredjedel|fjärdedel|femtedel)\b"
    r"|\bvar (tredje|fjärde|femte|tionde)\b|\bmajoritet\w*",
    re.I,
)


def _asked_not_stated(asked: re.Pattern[str], stated: re.Pattern[str], text: str, used: Sequence[str]) -> bool:
    """Whether the question asks for a kind of answer (a share, a frequency) that none of the sentences states."""
    return bool(asked.search(text)) and not any(stated.search(s) for s in used)


def share_missing(q: Question, used: Sequence[str]) -> str:
    """'Hur många procent …' answered with a count or a goal ('halverats'): a share must be stated."""
    return (
        "Dokumenten anger ingen sådan andel."
        if _asked_not_stated(_SHARE_ASKED, _SHARE_STATED, q.corrected, used)
        else ""
    )


def sibling_missing(q: Question, used: Sequence[str]) -> str:
    """A number about a sibling of what is asked: 'kommunala' asked, only 'fristående' counted."""
    numbered = [s for s in used if re.search(r"\d", _without_identifiers(s))]
    if q.answer_type != "quantity" or not numbered:
        return ""
    for group in SIBLINGS:
        asked = _members(q.text, group)
        if asked and all(not (asked & _members(s, group)) and _members(s, group) for s in numbered):
            named = [w for w in re.findall(r"[\wåäöÅÄÖ]+", q.text) if _members(w, tuple(asked))]
            return f"Dokumenten anger inget sådant antal eller belopp. Deras tal gäller inte {' '.join(named)}."
    return ""


def _without_identifiers(text: str) -> str:
    return re.sub(r"\b(19|20)\d\d\b", " ", IDENTIFIER.sub(" ", text))


def asks_money(q: Question) -> bool:
    """Whether the question asks for an amount of money ('hur mycket har kontoret satsat …', 'budget')."""
    return bool(_MONEY_QUESTION.search(q.text))


def states_money(sentence: str) -> bool:
    """Whether a sentence states an amount of money ('… till ett värde av 35,4 miljoner kr')."""
    return bool(_MONEY.search(sentence))


# More money or resources asked for someone ('Ska skolorna få mer pengar för trygghetsarbete?', 'Will the districts
# get more funding?') and money or resources spoken of (folded).
_MORE_FUNDING = re.compile(
    r"\b(mer|mera|okade?|utokade?|extra|more|additional|increased)\s+(pengar|resurser|medel|budget|anslag"
    r"|finansiering|money|funding|resources)\b"
    # ... or who pays for it ('Vem betalar för trygghetskamerorna?', 'Who funds the cameras?')
    r"|\b(vem|vilka|who) (betalar|finansierar|bekostar|star for kostnad\w*|pays?|funds?|finances?)\b"
)
_FUNDING_SAID = re.compile(
    r"\b(pengar|resurs\w*|medel|budget\w*|anslag\w*|finansier\w*|kr|kronor|miljon\w*|kostnad\w*|avsatt\w*)\b"
)


def funding_missing(q: Question, used: Sequence[str]) -> str:
    """More money or resources asked of someone needs a sentence about money or resources at all.

    'Ska skolorna få mer pengar för trygghetsarbete?' is not answered by what the schools' alarm app does.
    """
    if not _MORE_FUNDING.search(fold(q.text)) or any(_FUNDING_SAID.search(fold(s)) for s in used):
        return ""
    return "Dokumenten säger inget om pengar eller resurser till det."


_INFLECTED_AT_LEAST = 10  # letters: a purpose word this long is matched by its stem, whatever its form


def money_missing(q: Question, used: Sequence[str], index: LexicalIndex) -> str:
    """A question about money needs an amount of money, not a count or a year, and for what it asks.

    "Hur mycket har kontoret avsatt för belysning?" is not answered by "… avsatt 6 miljoner kr för
    att bekämpa skadedjur": an amount must stand in a sentence that names the purpose, when the
    documents know the purpose's words (a word they never use cannot be checked).
    """
    if q.answer_type != "quantity" or counted_noun(q) or not asks_money(q):
        return ""
    amounts = [s for s in used if states_money(s)]
    if not amounts:
        return "Dokumenten anger inget sådant antal eller belopp. De anger inget belopp i kronor."
    # as corrected; 'did the app cost' first, as 'till' in 'Tyck till app' is no purpose's preposition
    purpose = _COST_OF.search(q.query) or _PURPOSE.search(q.query) or _COSTS.search(q.query)
    # Only words the documents write as typed: a folded stem can collide ("råttor", "rätt").
    # The documents' own word for a purpose counts too ('graffiti' -> 'klotter').
    english = q.language == "en"  # an English purpose by the glossary's Swedish words ('street lights' -> belysning)

    # not its words for a responder ('street' -> trafikkontoret), which say whose money, not for what
    def purpose_word(word: str) -> bool:
        return not named_responders(word, index.responders)

    def as_written(text: str) -> list[str]:
        return [w for w in words(text) if index.spellings.get(fold(w)) == w]

    theirs = documents_words(purpose.group(1), english, purpose_word) if purpose else ""
    typed = as_written(f"{purpose.group(1)} {theirs}") if purpose else []
    # a long word in another form than the documents' ('trygghetskamerorna': their 'trygghetskameror') by its stem;
    # a short one's stem can collide with another word's
    inflected = [w for w in words(purpose.group(1)) if len(w) >= _INFLECTED_AT_LEAST] if purpose else []
    wanted = {t for w in [*typed, *inflected] if is_specific(t := term(w), index)}
    if purpose and wanted and not any(wanted & term_set(s) for s in amounts):
        what = purpose.group(0).strip() if purpose.re is _PURPOSE else f"för {purpose.group(1).strip()}"
        if english:  # said in the documents' words, as the rest of the answer is, else quoted as asked
            swedish = " ".join(as_written(theirs))
            what = f"för {swedish}" if swedish else f"för ”{purpose.group(1).strip()}”"
        return f"Dokumenten anger inget sådant antal eller belopp. De anger inget belopp {what}."
    return ""


def _before(sentence: str, context: Sequence[str], chars: int = 200) -> str:
    """The text just before a sentence in the passages it comes from (a table's heading, say)."""
    for text in context:
        if (at := text.find(sentence)) > 0:
            return text[max(0, at - chars) : at]
    return ""


def when_missing(
    q: Question, used: Sequence[str], dates: Iterable[bool], index: LexicalIndex, context: Sequence[str] = ()
) -> str:
    """A 'när' question needs a dated sentence about its subject, not only the responder it names.

    'När beslutade …' needs one about a decision (in it or just before it: "godkänts digitalt av följande
    personer:" over a table of dates); 'när ska …' one speaking of the future (ska, kommer, senast …).

    "Kommunfullmäktige antog 2021 …" or "Programtiden löper ut 2023 …" does not say when the next
    programme will be adopted; "… för yttrande senast 2023-10-27" says when something is to happen,
    not when a decision was taken. The documents' present tense states how things are, not the future.
    """
    if q.answer_type != "when":
        return ""
    now = bool(_DECIDES_NOW.search(q.text))
    future = now or bool(_FUTURE_QUESTION.search(q.text))
    decided = bool(_DECISION.search(fold(q.text)))
    # Whose document, as the responders are called and as the question calls them ('skolförvaltningen'),
    # and the decision asked about: neither is what happened.
    naming = [w for w in words(q.corrected) if named_responders(w, index.responders)]
    whose = {t for name in [*q.responders, *naming] for t in index.query_terms(name)}
    subject = {
        t for t in q.terms if topical(t, index) and not t.isdigit() and t not in whose and not _DECISION.fullmatch(t)
    }
    # The documents' words added to the query ('facket' -> 'fackliga') say what the subject is called there.
    subject |= {t for t in index.query_terms(q.query) if t not in q.terms and t not in whose} if subject else set()
    # A place or thing the documents name ('När ska Fridhemsplan rustas upp?') is what the date must be of (not an
    # English word that happens to be capitalised: 'which new Swedish law').
    named = (
        {
            term(m.group(0).lower())
            for m in CAPITALISED.finditer(q.text.strip())
            if not named_responders(m.group(0), index.responders)
            and not NOT_A_NAME.match(m.group(0))
            and not m.group(0).isupper()  # an acronym may be written out ('KF': Kommunfullmäktige)
            and zipf_frequency(m.group(0).lower(), "en") < ENGLISH_WORD_ZIPF  # 'Social Welfare Committee' names none
        }
        & set(q.terms)
        & set(index.vocab)
    )
    for sentence, dated in zip(used, dates, strict=True):
        # a date set in the present tense answers one asked so ('Ärendet behandlas … den 16 oktober 2023')
        if not dated or (future and not (_FUTURE_SENTENCE.search(sentence) or (now and _DECIDES_NOW.search(sentence)))):
            continue
        terms = term_set(sentence)
        about = (not subject or _speaks_of(subject, terms, index)) and all(_speaks_of({n}, terms, index) for n in named)
        if about and (not decided or _DECISION.search(fold(sentence + " " + _before(sentence, context)))):
            if not _same_period(q.periods, sentence):
                continue  # 'antog 2021 … programmet 2020–2023' does not date the programme 2018–2021
            return ""
    return "Dokumenten säger inget om när det ska ske." if future else "Dokumenten anger ingen sådan tidpunkt."


# A definite ending the stemmer leaves on ('programmet'): the bare word is what compounds hold ('trygghetsprogram').
_DEFINITE = re.compile(r"(\w{4,}?)(\w)\2?(?:et|en)")


def _speaks_of(subject: set[str], terms: frozenset[str], index: LexicalIndex) -> bool:
    """Whether a sentence holds a subject term, whole or inside a compound ('fullmäktige' in 'Kommunfullmäktige')."""
    forms = subject | {m.group(1) + m.group(2) for t in subject if (m := _DEFINITE.fullmatch(t))}
    return bool(forms & terms) or any(not terms.isdisjoint(related) for related in index.related(forms).values())


def _same_period(asked: Sequence[tuple[int, int]], sentence: str) -> bool:
    """Whether a sentence naming a programme period names one the question asks about (or names none)."""
    named = set(periods_in(sentence))
    return not asked or not named or bool(named & set(asked))


# 'Kommer stadsledningskontoret att flytta avsnitten?': whether something will happen.
_WILL = re.compile(r"^\s*(kommer\b.*\batt|will)\b", re.I)
# 'Vad visade utvärderingen av Rinkebymodellen?': what an evaluation or a measurement found.
_FOUND = re.compile(
    r"\b(vad|what) (visade|visar|visat|gav|did|does|showed?)\b.*\b\w*(utvärdering\w*|utvardering\w*|uppföljning\w*"
    r"|uppfoljning\w*|mätning\w*|matning\w*|evaluation\w*|follow-up|survey)"
    r"|\b(vilka|vilket|vad blev|what were the|what was the) (resultat\w*|results?|outcomes?)\b"
    # 'Vad föreslog regeringens utredning?': what an inquiry concluded, which a document may only announce.
    r"|\b(vad|what) (föreslog|foreslog|kom\b.*\bfram till|konstaterade|proposed|concluded)\b.*\b(utredning\w*|inquiry)"
    r"|\b(utredning\w*|inquiry)\b.*\b(föreslog|foreslog|kom fram till|konstaterade|proposed|concluded)\b"
    # a figure by the latest survey: 'How many feel unsafe … according to the latest survey?'
    r"|\b(enligt|according to) (den |the )?(senaste|latest|most recent|last)\s+\w*(mätning\w*|matning\w*|enkät\w*"
    r"|enkat\w*|undersökning\w*|undersokning\w*|survey|poll|measurement)",
    re.I,
)


# A finding is a result stated of something measured: 'Trygghetsmätningen visar …', not 'Forskningen visar …'.
_SHOWN = re.compile(rf"\b({_OUTCOME_WORDS}|visade|visat|foreslar|foreslog|kom fram till|konstaterar|konstaterade)\b")
_MEASURED = re.compile(
    r"\b(utvardering\w*|uppfoljning\w*|\w*matning\w*|\w*enkat\w*|undersokning\w*|resultat\w*|statistik\w*"
    r"|utredning\w*)\b"
)


def future_missing(q: Question, used: Sequence[str]) -> str:
    """'Kommer X att …?' answered by what a responder proposes: a proposal does not say it will happen.

    The answer needs a sentence about the future (ska, kommer, planeras …); the documents' 'bör flyttas'
    states a wish.
    """
    if _WILL.search(q.text) and not any(_FUTURE_SENTENCE.search(s) for s in used):
        return "Dokumenten säger inget om vad som kommer att ske."
    return ""


def finding_missing(q: Question, used: Sequence[str]) -> str:
    """'Vad visade utvärderingen av …?' answered by a description: the answer must state a result."""
    if _FOUND.search(q.text) and not any(_SHOWN.search(f) and _MEASURED.search(f) for f in map(fold, used)):
        return "Dokumenten anger inget resultat av det."
    return ""


_DECIDED = r"(godkande|godkant|rostade|rostat|beslutade|beslutat|beslot|antog|antagit|bifoll|bifallit|klubbade|klubbat)"
# Whether a committee itself approved its response: 'Röstade socialnämnden igenom förvaltningens förslag?'
_COMMITTEE_DECIDED = re.compile(
    rf"^\s*(har |hade )?{_DECIDED} (\S+ )?\S*namnd\w*\b|^\s*(har |hade )?\S*namnd\w* (\S+ )?{_DECIDED}\b"
    r"|^\s*(did|has|have) (the )?[\w\s-]*(committee|board)s? (\w+ )?(approve|adopt|vote|decide|accept|pass)\w*\b"
    # who dissented from the decision: 'vilka ledamöter reserverade sig mot remissvaret?'
    r"|\breserver(ade|at|ar|a) sig\b|\breservation\w*|\bdissent\w*|\bvoted against\b"
)
# A sentence of a protocol that records the committee's decision (read folded: ö as o).
_RECORDED = re.compile(r"(namnden|styrelsen) (beslutade|beslot|har beslutat|bifoll)\b")


def committee_decision_missing(q: Question, used: Sequence[str]) -> str:
    """Whether a committee approved its response, asked of a tjänsteutlåtande: the office's proposal to it.

    'Förvaltningen föreslår att nämnden godkänner …' says what was proposed, not what the committee decided.
    """
    if not _COMMITTEE_DECIDED.search(fold(" ".join(q.text.split()))):
        return ""
    if any(_RECORDED.search(fold(s)) for s in used):
        return ""
    return "Remissvaren är förvaltningarnas förslag till nämnderna och säger inte hur nämnden beslutade."


# A place ranked among others: 'Is Stockholm the safest city in Sweden?', 'Är Stockholm Sveriges tryggaste stad?'
# ('måste', typed 'maste', is no superlative: 'vad maste en kommun gora').
_RANKED_PLACE = re.compile(
    r"\b((?!m[åa]ste\b)\w+aste?|högst|flest|mest \w+|minst \w+|safest|most \w+|least \w+|highest|lowest)\s+(\w+\s+)?"
    r"((stad(en)?|städer(na)?|stader(na)?|city|cities|kommun(en|er)?|municipality|town)\b"
    r"|(\w+\s+)?(i sverige|in sweden|i landet|in the country|i europa|in europe|i norden))",
    re.I,
)
# A sentence that ranks or compares places: 'högst i landet', 'jämfört med andra kommuner'.
_RANKS = re.compile(
    r"\b(jämfört med|jamfort med|compared|andra (städer|stader|kommuner)|övriga (städer|kommuner)|"
    r"(högst|lägst|flest|störst|minst|\w+aste?)\b[^.]*\b(i landet|i sverige|i riket|bland \w+))",
    re.I,
)


def ranks_places(text: str) -> bool:
    """Whether the text ranks a place among others ('Sveriges tryggaste stad', 'högst brottslighet i landet')."""
    return bool(_RANKED_PLACE.search(text))


def ranking_missing(q: Question, used: Sequence[str]) -> str:
    """A city ranked among others needs a sentence that compares places, not one about Stockholm alone.

    'Stockholm har i vissa fall unika utmaningar för Sverige' does not say Stockholm is the safest city.
    """
    if not ranks_places(q.text) or any(_RANKS.search(s) for s in used):
        return ""
    return "Dokumenten jämför inte Stockholm med andra städer."


# Which of several has the most of something, or grows most: 'Vilka brott ökar mest?', 'Vilka stadsdelar har
# flest anmälda brott?', 'Which crimes are the most common?' (folded).
_MOST_ASKED = re.compile(
    r"^\s*(vilka|vilken|vilket|var|which|what|where)\b.*\b(flest|vanligast\w*|most common|most frequent"
    # the safest or most dangerous of places ('Vilken stadsdel är tryggast?')
    r"|o?tryggast\w*|farligast\w*|sakrast\w*|safest|(most|least) (safe|dangerous|unsafe)"
    r"|(okar|okat|okade|minskar|minskat|minskade|vaxer|vuxit|increas\w*|decreas\w*|ris\w*|grow\w*|fall\w*"
    r"|reduc\w*)\s+(\w+\s+){0,3}(mest|snabbast|(the )?most|fastest)"
    r"|(mest|snabbast) (okande|vaxande)|fastest[- ]growing|the most (\w+ )?(crimes?|incidents?|reports?))\b",
)
# A sentence that ranks or counts what it speaks of: a superlative ('starkast', 'flest'), a share or a change
# ('majoriteten av våldsbrotten', '24 %', 'har ökat'); 'endast', 'senast' end so but rank nothing (folded).
_RANKING_SAID = re.compile(
    r"\b((?!endast|senast|fast|last|kontrast)\w{3,}aste?|flest|mest|storst\w*|hogst\w*|majoritet\w*|merparten"
    r"|okat|okning\w*|okar|minskat|minskning\w*|procent)\b|\d\s*%"
)


def most_missing(q: Question, used: Sequence[str]) -> str:
    """Which has the most, or grows most, needs a sentence that ranks or counts: the documents hold no statistics.

    'Vilka brott ökar mest i Stockholm?' is not answered by sentences that only mention crime.
    """
    if not _MOST_ASKED.search(fold(q.text)) or any(_RANKING_SAID.search(fold(s)) for s in used):
        return ""
    return "Dokumenten anger ingen sådan rangordning eller statistik."


# How something went asks its outcome: 'Hur gick det med målet att halvera otryggheten?'
_HOW_IT_WENT = re.compile(
    r"^\s*(hur (gick|har det gått|har det gatt|blev det|blev) (det )?(med|för|for)\b"
    r"|how (did|has|have)\b.{0,80}\b(go|gone|turn(ed)? out|work(ed)? out)\b"
    # how it has changed since a time: 'Hur har tryggheten utvecklats i Enskede sedan 2020?'
    r"|hur har\b.{0,80}\b(utvecklats|förändrats|forandrats|ändrats|andrats)\b.{0,40}\bsedan\b"
    r"|how (has|have)\b.{0,80}\b(changed|developed|evolved)\b.{0,40}\bsince\b)",
    re.I,
)
# A question opening with its verb asks yes or no ('Visade enkäten att …?', 'Ledde appen till …?', 'Fungerar MVP?'),
# folded; not a question word ('Vad', 'Hur' …).
_VERB_FIRST = re.compile(
    r"^\s*(?!(vad|vilk\w*|hur|vem|var|nar|varfor|vart)\b)(\w+(ade|dde|de|te)|blev|gick|fick|gav|kom|fungerar|funkar"
    r"|hjalper|leder|minskar|okar)\b"
)


def outcome_missing(q: Question, used: Sequence[str]) -> str:
    """'Har otryggheten halverats?' answered by the goal alone: a goal does not say it was reached.

    Nor can a response tell what the programme finally became ('… i den slutliga versionen?').

    Applies when the answer would state a goal (mål, syfte …) and no sentence states a result, or when
    the change asked about ("ökat", "minskat", "halverats") is in no sentence at all.
    """
    if _FINAL.search(fold(q.text)) and not any(_FINAL.search(fold(s)) for s in used):
        return "Remissvaren skrevs innan det avgjordes och säger inget om hur det till slut blev."
    # (asked with its question mark: a comparison's topic, 'fungerar samordningen', asks nothing)
    verb_first = _VERB_FIRST.match(fold(q.text)) and q.text.rstrip().endswith("?")
    yes_no = q.answer_type == "yesno" or _RESULT.match(fold(q.text).lstrip()) or verb_first
    # 'ta bort buskage för att göra en plats tryggare' states a purpose, not an outcome asked about.
    asked = re.sub(r"\bför att [^,?]*", " ", q.text)
    worked = _WORKED.search(fold(q.text)) or _HOW_IT_WENT.search(q.text)
    if not (yes_no and _OUTCOME_QUESTION.search(asked)) and not worked:
        return ""
    folded = [_PURPOSE_CLAUSE.sub(" ", fold(s)) for s in used]
    stated = any(_RESULT.search(s) and not _GOAL.search(s) for s in folded)
    if any(_TARGET.search(s) for s in folded) and not stated:
        return "Dokumenten anger målet men inte om det har nåtts."
    change = _CHANGE.search(fold(q.text))
    stems = change.group(1) if change else ""
    if not stems:
        stems = next((stem for pattern, stem in _CHANGE_PHRASES if pattern.search(fold(q.text))), "")
    if stems and not any(re.search(rf"\b({stems})\w*", s) for s in folded):
        return "Dokumenten anger ingen sådan förändring."
    if worked and not stated and not stems:  # the change asked, stated, is a result ('har gett färre klotter')
        return "Dokumenten anger inget resultat av det."
    return ""


# A service asked for, for oneself ('Hur felanmäler jag en gatlykta?', 'How do I apply for a job …?'):
# the documents are referral responses on a programme, not the city's service pages.
# Where the asker's own question starts: at the start, or after what befell them ('My bike was stolen … – how …').
_ASKED_AT = r"(?:^|[–—:;.?!]\s)\s*"
_HOW_DO_I = re.compile(
    rf"{_ASKED_AT}(hur|var) (gör jag (för att|en|när)|gor jag (for att|en|nar)|söker jag|soker jag"
    r"|ansöker jag|ansoker jag|anmäler jag|anmaler jag|felanmäler jag|felanmaler jag|bokar jag|betalar jag"
    r"|registrerar jag|får jag tag"
    r"|far jag tag|kan jag (söka|soka|ansöka|ansoka|anmäla|anmala|felanmäla|felanmala|boka|betala))\b"
    # 'Hur ansöker man om förskoleplats?': the same service asked impersonally
    rf"|{_ASKED_AT}(hur|var) (söker|soker|ansöker|ansoker|anmäler|anmaler|felanmäler|felanmaler|bokar"
    r"|betalar|registrerar) (man|vi|ni|en \w+|ett \w+)\b"  # 'Hur söker en förening pengar …'
    rf"|{_ASKED_AT}(how|where) (do|does|can|should) (i|you|one) (apply|report|book|pay|register|get|obtain"
    r"|sign up|file)\b"
    rf"|{_ASKED_AT}(how|where) to (apply|book|pay|register|sign up)\b"
    # a job to apply for
    r"|\blediga (jobb|tjänster|tjanster)\b|\bplatsannons\w*|\b(job (openings|vacancies)|vacancies)\b"
    # a place to apply for ('Vilka gymnasieskolor har lediga platser till hösten?')
    r"|\blediga (platser|skolplatser|förskoleplatser|forskoleplatser)\b|\b(available|free) (places|spots)\b",
    re.I,
)


# A recommendation asked for ('Can you recommend a good restaurant near Fridhemsplan?').
_RECOMMEND = re.compile(
    r"\b(can|could|would|do) you (recommend|suggest|advise)\b|\b(kan|skulle) du (rekommendera|tipsa|råda|rada)\b"
    r"|\b(rekommenderar|tipsar) du\b"
    # the assistant's own view asked for: 'Vilken synpunkt tycker du att kommunstyrelsen borde prioritera?'
    r"|\b(tycker|anser) du\b|\bin your (own )?(opinion|view)\b|\bwhat do you (think|reckon)\b"
    # advice on the asker's own choice: 'Should our school sign up for Cosafe?', '… – borde jag satsa på X eller Y?'
    rf"|{_ASKED_AT}(should (i|we|my [\w-]+|our [\w-]+)|(borde|bör|bor) (jag|vi))\b"
    # a tip for the asker's own choice: 'vilken nattbusslinje är tryggast att ta hem', 'which route is safest to walk'
    r"|^\s*(vilken|vilket|vilka|which) [\w-]+ (är|ar|is|are) "
    r"(tryggast|säkrast|sakrast|bäst|bast|safest|best) (att|to)\b",
    re.I,
)


def service_asked(q: Question) -> str:
    """Why a question asking how the asker gets a service, or for a tip, is not answered here ('' for others).

    A person's contact details asked for ('Hur får jag tag på Kristoffer Bengtsson?') are a document field.
    """
    if _RECOMMEND.search(q.corrected):
        return "Dokumenten är remissvar om trygghetsprogrammet och ger inga rekommendationer utöver det."
    if not _HOW_DO_I.search(q.corrected) or q.metadata_field:
        return ""
    return "Dokumenten är remissvar om trygghetsprogrammet och beskriver inte hur man ansöker om eller anmäler något."


# What the minutes of a meeting, or a council's separate letter, say: the responses only point to them
# ('Synpunkter framgår av protokollen', '… framgår av separat skrivelse') and the documents hold neither.
# Not why or whether minutes are checked at once ('Varför ska protokollet justeras omedelbart?'), nor where
# the comments are ('Var framgår synpunkterna?').
_MINUTES = re.compile(r"\b(protokoll\w*|minutes|skrivelse\w*)\b", re.I)
_MINUTES_CONTENT = re.compile(
    r"\b(vad|vilka|vilken|vilket|what|which)\b.*\b(synpunkt\w*|invändning\w*|invandning\w*|kommentar\w*|stod|står"
    r"|star|sades|framförde\w*|framforde\w*|protokollfördes|protokollfordes|skrev|skrivit|comments?|objections?"
    r"|views?|said|say|says|wrote|written)\b",
    re.I,
)


def minutes_asked(q: Question) -> str:
    """Why a question for what minutes or a separate letter say is not answered ('' for others)."""
    if not (_MINUTES.search(q.corrected) and _MINUTES_CONTENT.search(q.corrected)):
        return ""
    return (
        "Dokumenten återger inte protokollen eller separata skrivelser; "
        "remissvaren säger bara att synpunkterna framgår av dem."
    )


# A time after every period the documents are about ('nästa trygghetsprogram efter 2027').
_AFTER_YEAR = re.compile(r"\b(?:efter|after|från och med|fran och med|from)\s+(?:år\s+|ar\s+)?((?:19|20)\d\d)\b", re.I)


def after_every_period(q: Question, index: LexicalIndex) -> str:
    """Why a question about the time after the latest programme period is not answered ('' otherwise).

    After a year the last period ends ('efter 2027'), or in a year after it that no document names ('a 2028
    programme').
    """
    match = _AFTER_YEAR.search(q.corrected)
    if not match and not q.years:  # read the store's periods only for a question that names a year
        return ""
    ends = [last for period in set(index.columns["period"]) for _, last in periods_in(period)]
    later = ends and any(year > max(ends) and str(year) not in index.vocab for year in q.years)
    if not ends or not (later or (match and int(match.group(1)) >= max(ends))):
        return ""
    return f"Dokumenten gäller programperioder till och med {max(ends)} och säger inget om tiden efter."


# Whether a body was consulted ('Står polisen bland dem som ombetts lämna synpunkter?') is no question
# about its view: the documents list who the remiss went to.
_CONSULTED = re.compile(
    r"\b(ombetts|ombads|ombe[dt]+[ad]?|tillfråga\w*|tillfraga\w*|remissinstans\w*|remisslista\w*|remitter\w*"
    r"|(fått|fatt|fick|haft möjlighet att) (remissen|ta del av|se|läsa|lasa|behandla)|bland (dem|de) som"
    # 'Fick något funktionshinderråd tycka till om remissvaret?'
    r"|(fått|fatt|fick|får|far)\s+(\w+\s+){0,2}(tycka till|yttra sig|lämna synpunkter|lamna synpunkter)"
    r"|consulted|asked (to|for))\b",
    re.I,
)


# Its view asked after all ('Arbetsmarknadsnämnden var remissinstans – vilka synpunkter lämnade den?').
_ITS_VIEW = re.compile(
    # ('… vilket yttrande lämnade rådet?': the body again, as a definite noun)
    r"\b(synpunkter|yttrande|svar)\w* (lämnade|lamnade|gav|hade|skickade|skrev|framförde|framforde) "
    r"(den|de|det|hen|[\wåäö-]+(et|en|na))\b"
    r"|\bvad (tyckte|tycker|ansåg|ansag|anser|sa|sade|säger|sager|svarade|skrev|skriver) (den|de|det|hen)\b"
    # ('Kulturnämnden var ju remissinstans – hur löd deras yttrande?', '… what was their response?')
    r"|\b(deras|dess|hens|their|its) (egna |own )?(synpunkt\w*|yttrande\w*|svar|remissvar\w*|åsikt\w*|asikt\w*"
    r"|inställning\w*|installning\w*|ståndpunkt\w*|standpunkt\w*|views?|opinions?|responses?|comments?|position)\b"
    # ('… was on the list of consulted bodies – how did the police answer?')
    r"|\bhow (did )?(the |they\b|it\b)[\w\s-]{0,30}\b(answer|answered|respond|responded|reply|replied)\b"
    r"|\bwhat (did )?(they|it|the [\w-]+) (say|said|answer\w*|respond\w*|repl\w*|think|thought)\b",
    re.I,
)


def asks_if_consulted(text: str) -> bool:
    """Whether the question asks who the remiss went to rather than what a body thinks."""
    return bool(_CONSULTED.search(text)) and not _ITS_VIEW.search(text)


_SENT = r"(send|sent|submit\w*|give|gave|lämna\w*|lamna\w*|skicka\w*|gett|gav)"
_MODAL = r"(should|must|would|could|ought|ska|skall|bör|bor|borde|måste|maste|skulle)\b"


def asks_view_of(q: Question, name: str, gap: str) -> bool:
    """Whether the question asks for the body's own view: 'tycker {gap}polisen', 'polisens synpunkter'.

    Or 'synpunkter hade polisen', or the body first in a terse question: 'polisen om kameror'. Read in the
    question as typed and as corrected: a body may be named in either ('pensionarsrad').
    """
    b, head = re.escape(name), re.escape(name.split()[0])
    if re.search(r"r[åa]d(et)?$", name, re.I):
        head = rf"{head}|rådet|radet"  # 'Kungsholmens funktionshinderråd … Vilka synpunkter skrev rådet?'
    return any(
        # not what the body should do ('What does the education committee say the police should do?')
        re.search(rf"\b{VIEW_BEFORE}\s+{gap}{b}(?!\w*\s+{_MODAL})", text, re.I)
        or re.search(rf"{b}\w*(?:['’:]s)?\s+(\w+\s+){{0,1}}{VIEW_AFTER}\b", text, re.I)  # "Brå's own view"
        # 'Did Stockholms Stadshus AB raise any objections …'
        or re.search(
            rf"{b}\w*(\s+ab)?\s+(raise[ds]?|make|made|voice[ds]?|express\w*|submit\w*|lodge[ds]?|have|had|has)\s+"
            rf"(any\s+|some\s+)?{VIEW_AFTER}\b",
            text,
            re.I,
        )
        # 'synpunkter hade polisen', 'what position did the fire service take', 'vilket yttrande lämnade rådet'
        # (the body again by its first word)
        or re.search(
            rf"\b{VIEW_AFTER}\s+(hade|har|gav|lämnade|lamnade|skrev|framförde|framforde|did|does|has|had)\s+(the\s+)?"
            rf"({b}|{head})\b",
            text,
            re.I,
        )
        # 'What did Kungsholmen's pensioners' council say …?'
        or re.search(rf"\b(did|does|do)\s+(\S+\s+){{0,2}}{b}\s+(say|think|write|propose|comment|want)\b", text, re.I)
        # 'skarpnäcks stadsdelsnämnd, hade de samma invändningar som …'
        or re.search(rf"^\s*{b}\w*\s*[,:–-]?\s+(hade|har|had|has)\s+(\w+\s+){{0,2}}{VIEW_AFTER}", text, re.I)
        or re.search(rf"^\s*{b}\w*(?:['’:]s)?\s*[:–-]?\s*(om|about)\b", text, re.I)  # 'polisen om kameror', terse
        # terse, the body as a label: 'Kulturnämnden: any recommendations of theirs on …?'
        or re.search(rf"^\s*{b}\w*\s*[:–-]\s*(\w+\s+){{0,2}}{VIEW_AFTER}\b", text, re.I)
        # the body named, and asked in the next sentence: 'Brandförsvaret fanns med … Vad skrev de om bränder?'
        # (unless a responder is named, whom 'de' may mean)
        or (
            not q.responders
            and re.search(rf"{b}[^.?!]*[.?!]\s+[^.?!]*\b{VIEW_BEFORE}\s+(de|dom|den|they|it)\b", text, re.I)
        )
        # 'Räddningstjänsten i Storstockholm – vilket ställningstagande gjorde de i sitt eget svar?'
        or (
            not q.responders
            and re.search(
                rf"{b}[^.?!]*([.?!]|\s[–—-])\s+[^.?!]*\b{VIEW_AFTER}\s+(hade|har|gav|gjorde|lämnade|lamnade|skrev|did|had"
                r"|gave|took)\s+(de|dom|den|they|it)\b",
                text,
                re.I,
            )
        )
        # '… kulturnämnden stod på remisslistan – vad svarade den själv?': itself, not the responder named
        or re.search(
            rf"{b}[^.?!]*([.?!]|\s[–—-])\s+[^.?!]*\b{VIEW_BEFORE}\s+(de|dom|den|they|it)\s+"
            r"(själv|själva|sjalv|sjalva|itself|themselves)\b",
            text,
            re.I,
        )
        # 'Kungsholmens pensionärsråd behandlade ärendet – vad stod det i deras yttrande?', 'Familjebostäder är
        # stora i söderort – vad har de svarat?', '… vad har bolaget lovat?': the body opens the question (a
        # responder's name may own it, or a place name one) and its own statement is asked after
        or re.search(
            rf"^\s*(\w+s\s+)?{b}\w*\s[^.?!]*([.?!]|\s[–—-])\s+[^.?!]*\b((deras|dess|their|its)\s+(egna?\s+|eget\s+|own\s+)?"
            rf"{VIEW_AFTER}|(har|hade|did|have)\s+(de|dom|they|bolaget|the company)\s+"
            rf"({VIEW_BEFORE}|svarat|tyckt|sagt|skrivit|lovat|promised?))\b",
            text,
            re.I,
        )
        # 'Did the fire and rescue service in greater Stockholm send its own comments …', '… send in comments'
        or re.search(
            rf"{b}\w*(\s+[\w-]+){{0,4}}\s+{_SENT}\s+(in\s+)?((its|their|sina|sitt|egna|eget|own)\s+)*{VIEW_AFTER}",
            text,
            re.I,
        )
        for text in (q.text, q.query)
    )


# Not after a verb of asking, where 'om' is 'whether' (one fixed-width lookbehind per verb).
_NOT_WHETHER = "".join(
    f"(?<!{verb} )"
    for verb in ("undrar", "undrade", "frågar", "fragar", "frågade", "fragade", "vet", "kolla", "kollar")
)


def spoken_of(q: Question, name: str) -> bool:
    """Whether the question speaks of the body, not to it.

    After a preposition ('samarbetet med polisen', 'via pensionärsrådet'), or its meeting or handling asked
    about ('funktionshinderrådets möten om yttrandet'). 'om' after a verb of asking is 'whether', no
    preposition: 'Min chef undrar om polisen själva har tyckt till'.
    """
    b = re.escape(name)
    return bool(
        re.search(rf"{_NOT_WHETHER}\b(om|kring|till|med|för|for|via|genom|about|through)\s+(\w+\s+)?{b}", q.text, re.I)
        or re.search(rf"{b}\w*\s+(möte|mote|sammanträde|sammantrade|behandling)\w*", q.text, re.I)
        # what a response took from it: 'definitioner är lånade från polisen'
        or re.search(
            rf"\b(lånad\w*|lånat|lanad\w*|lanat|hämtad\w*|hämtat|hamtad\w*|hamtat|borrowed|taken)\s+(från|fran|from)\s+"
            rf"(\w+\s+)?{b}",
            q.text,
            re.I,
        )
    )


def organisation_whose_view(q: Question, responders: Iterable[str]) -> str:
    """An organisation without '-nämnd' in its name whose own view is asked ('' if none)."""
    keys = {fold(w) for r in responders for w in words(r)}
    for match in _ORGANISATION.finditer(q.text):
        name = match.group(0).strip()
        if fold(name) in keys:
            continue
        # Up to two words between the verb and the name ("tyckte den regionala polisen"), none when a
        # responder is named: "anser socialnämnden att polisen …" asks socialnämnden.
        gap = (
            "" if q.responders else r"((?!om\b)(?![\w-]*(?:nämnd|namnd|förvaltning|forvaltning|kontor))[\w-]+\s+){0,2}"
        )
        if asks_view_of(q, name, gap) and not spoken_of(q, name):
            return name
    # A name right after the view verb that is no responder ("Vad ansåg Sveriges kommuner och regioner …").
    # Its full name may follow in brackets ("Vad säger SiS (Statens institutionsstyrelse) om …").
    named = re.search(
        rf"\b{VIEW_BEFORE}\s+([A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+(?!om\b)[a-zåäö]+){{0,3}}?)(?:\s*\([^)]*\))?\s+om\b", q.text
    )
    if named and not q.responders and _names_no_one(named.group(2), keys):
        return named.group(2)
    return ""


def _names_no_one(name: str, keys: set[str]) -> bool:
    """Whether a capitalised name is not one of the responders' nor the city's ('Stockholms stad')."""
    first = fold(name.split()[0]).removesuffix("s")
    generic = re.fullmatch(
        r"(stadsdels)?(namnd|forvaltning|kontor|styrelse)\w*|stad\w*|kommun\w*|[\w-]*(program|strategi|modell)\w*",
        first,
    )  # a document or a way of working is no body ('ANDT-strategin', 'Rinkebymodellen')
    head = name.split()[0]  # 'SiS', 'MSB': short, still a name ('ANDT-strategin' is a document)
    acronym = bool(re.fullmatch(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,4}", head)) and sum(c.isupper() for c in head) >= 2
    return (
        (len(first) > 3 or acronym)
        and first != "stockholm"
        and not generic
        and not any(k.startswith(first) for k in keys)
    )


# A question for named instances of something ('Vilka skolor …', 'Vilket företag …', 'Vilka är de
# fjorton platser …'): the documents answer it only by naming some, or by saying all of them.
_INSTANCES = re.compile(
    # asked or told: 'Vilka skolor …', 'Namnge skolor som …', 'List the schools …'
    r"(?:\b(?:vilka|vilket|vilken|which)|^\s*(?:namnge|nämn|namn|lista|list|name))\s+(?:är|ar|are|were|var)?\s*"
    r"(?:de\s+|the\s+)?"
    r"(?:(?:andra|other|fler|more|\w+ton|\d+|två|tva|tre|fyra|fem|sex|sju|åtta|atta|nio|tio|elva|tolv)\s+)?"
    r"(?:[a-zåäö]+[ae]\s+)?"  # a kind of them: 'Vilka fristående skolor …', 'Vilka kommunala bolag …'
    r"(skolor|skolorna|företag|foretag|företaget|bolag|bolagen|leverantör\w*|leverantor\w*|utförare|utforare|"
    r"restauranger|gator|gatorna|platser|platserna|parker|butiker|studier|rapporter|forskning|föreningar|foreningar|"
    r"föreningarna|foreningarna|associations|schools|compan(?:y|ies)|"
    r"suppliers?|providers?|places|streets|parks|shops|studies|reports|research)\b",
    re.I,
)
# Places asked for by name anywhere in the question ('… Jag vill ha platsnamnen.').
_PLACE_NAMES = re.compile(r"\b(platsnamn\w*|place names)\b", re.I)
# The areas the police classify, by name ('Vilka områden i stadsdelen är klassade som utsatta?'); not
# 'Vilka områden kan belysas tydligare?' (subjects).
_CLASSIFIED_AREAS = re.compile(
    r"\b(?:vilka|which)\s+(?:\w+\s+)?(områden\w*|omraden\w*|areas)\b(?=.*\b(?:klassa\w*|utsatt\w*|vulnerable|classified)\b)",
    re.I,
)
# 'Vem är trafiknämndens utsedda tjänsteperson …': a person, named.
_PERSON_ASKED = re.compile(
    r"^\s*(vem|vilken person)\s+(är|ar|var)\b.*\b(tjänsteperson\w*|tjansteperson\w*|kontaktperson\w*|samordnare\w*|"
    r"ansvarig\w*|chef\w*|direktör\w*|direktor\w*)\b"  # a chair: the role rule (scope._ROLE) says it
    # someone inside an office ('Vem på trafikkontoret ansvarar för …'); 'Vem inom staden …' asks a body
    r"|^\s*(vem|vilken person|who)\s+(på|pa|hos|vid|at|in)\s+(the\s+)?[\wåäö-]*(kontor|förvaltning|forvaltning|office"
    r"|administration)\w*\b"
    # ... named after what they did: 'Who actually drafted the programme at the city executive office?'
    r"|^\s*(vem|who)\b.{0,60}\b(drafted|wrote|authored|drew up|skrev|formulerade|utarbetade)\b.*\b(på|pa|hos|vid|at|in)"
    r"\s+(the\s+)?([\wåäö-]+\s+){0,2}[\wåäö-]*(kontor|förvaltning|forvaltning|office|administration)\w*\b"
    # a person's name asked for ('Vad heter rektorn som …', 'What is the name of the principal …')
    r"|^\s*(vad heter|what is the name of|what's the name of)\s+(the\s+)?([\w-]+\s+){0,2}[\wåäö]*?(rektor\w*|chef\w*"
    r"|person\w*|principal|head|manager|official|investigator|coordinator|samordnar\w*|utredare\w*"
    r"|tjänsteperson\w*)\b"
    # 'What is that person's name at the traffic office?', 'Vad är personens namn?'
    r"|\b(person's|official's|coordinator's|manager's) name\b|\bpersonens namn\b|\bnamnet på (personen|den)\b"
    # 'which named investigator …', 'vilken namngiven utredare …' (not 'Does every committee need a named official?')
    r"|\b(which|vilken|vilka)\s+(named|namngivna?|namngiven)\s+(person\w*|official|investigator|coordinator|officer|chair\w*|utredare"
    r"|tjänsteperson\w*|samordnare)\b"
    # 'Who is the safety coordinator at …', 'Vilken forskare står bakom …', 'Vad heter kommunpolisen …'
    r"|^\s*who\s+(is|was)\s+(the\s+)?([\w-]+\s+){0,2}(coordinator|officer|official|manager|contact person"
    r"|person responsible)\b"
    r"|\b(vilken|vilka|which)\s+(forskare|researchers?|politiker|politicians?)\b"
    r"|^\s*vad heter\s+([\w-]+\s+){0,2}?(kommunpolis|närpolis|narpolis|polis)(en)?\b",
    re.I,
)


# Kinds whose instances a sentence names by the kind ('Rinkebyskolan', 'skolor som …'): another name in it is
# no instance ('MVP (Mentorer i våldsprevention)', 'Agera tillsammans' are programmes, not schools).
_NAMED_BY_KIND = ("skol", "scho")
# Kinds of school listed ('Den öppna förskolan, förskolan och grundskolan är betydelsefulla aktörer') answer
# which schools: school forms joined as a list (folded; 'skolor' alone names none).
_SCHOOL = r"\w+skol(a|an|or|orna)\b"
_SCHOOL_FORMS = re.compile(rf"\b{_SCHOOL}((, [\w-]+( [\w-]+)?)* (och|eller) ([\w-]+ ){{0,3}}{_SCHOOL})")
# The kinds an English question asks for, as the refusal names them in Swedish.
_KIND_IN_SWEDISH = {
    "areas": "områden",
    "associations": "föreningar",
    "schools": "skolor",
    "company": "företag",
    "companies": "företag",
    "supplier": "leverantörer",
    "suppliers": "leverantörer",
    "provider": "utförare",
    "providers": "utförare",
    "places": "platser",
    "streets": "gator",
    "parks": "parker",
    "shops": "butiker",
    "studies": "studier",
    "reports": "rapporter",
    "research": "forskning",
}


def instances_missing(q: Question, used: Sequence[str]) -> str:
    """'Vilka skolor …' answered by a sentence that names no school: no instance is in the documents.

    A name is a capitalised word inside a sentence (not its first word, nor one of the question's
    own, nor the city's); an aside in brackets is no name ('(PDV, Pågående dödligt våld)'). The
    sentence must be about what the question asks (share one of its other terms): a list of
    names on another subject answers nothing.
    """
    match = _INSTANCES.search(q.query) or _PLACE_NAMES.search(q.query) or _CLASSIFIED_AREAS.search(q.query)
    if not match:
        return ""
    asked = {fold(w) for w in words(q.query)}
    noun = fold(match.group(1)).rstrip("na")[:5]
    named = {term(m.group(0).lower()) for m in CAPITALISED.finditer(q.text.strip())}
    # An English question's subject is in the documents' words its glossary entries added to the query.
    asked_terms = set(term_set(q.query)) if q.language == "en" else set(q.terms)
    about = asked_terms - LIGHT_TERMS - named - {term(match.group(1).lower())}  # 'skolsociala team', not 'Stockholm'
    for sentence in used:
        if about and not about & term_set(sentence):
            continue
        plain = re.sub(r"\([^)]*\)", " ", sentence).strip()
        if re.search(rf"\b(alla|samtliga|all)\s+(\w+\s+)?{noun}", fold(plain)):
            return ""
        names = [m for m in CAPITALISED.finditer(plain) if fold(m.group(0).lower()) not in asked]
        if noun[:4] in _NAMED_BY_KIND and _SCHOOL_FORMS.search(fold(plain.lower())):
            return ""
        if noun[:4] in _NAMED_BY_KIND:  # a school by its name ('Rinkebyskolan') or after the word ('skolor som …')
            names = [m for m in names if noun[:4] in fold(plain[: m.end()].lower())]
        if any(not NOT_A_NAME.match(m.group(0)) for m in names):
            return ""
    kind = "platser" if _PLACE_NAMES.fullmatch(match.group(1)) else match.group(1).lower()
    kind = _KIND_IN_SWEDISH.get(kind, kind)
    return f"Dokumenten namnger inga sådana {kind}."


# How often something happens, asked and stated ('Hur ofta träffas gruppen?': 'varje vecka', 'två gånger per år').
_HOW_OFTEN = re.compile(r"\b(hur ofta|how often|how frequently|med vilken frekvens|hur många gånger per)\b", re.I)
_FREQUENCY = re.compile(
    r"\b(varje|var (\w+ )?(dag|vecka|månad|manad|år|ar)|gång(er)? (per|i|om)|gang(er)? (per|i|om)|dagligen|veckovis"
    r"|månadsvis|manadsvis|årligen|arligen|kvartal\w*|regelbundet|kontinuerligt|löpande|lopande|årlig\w*|arlig\w*"
    r"|årsvis|arsvis|vartannat|ofta|sällan|sallan)\b",
    re.I,
)


def frequency_missing(q: Question, used: Sequence[str]) -> str:
    """'Hur ofta träffas förvaltningsgruppen?' answered by a sentence that names the group but no frequency."""
    return "Dokumenten säger inte hur ofta." if _asked_not_stated(_HOW_OFTEN, _FREQUENCY, q.text, used) else ""


def person_missing(q: Question, used: Sequence[str]) -> str:
    """'Vem är … tjänsteperson/samordnare …?' needs a person named in the answer (first and last name).

    'Vem leder …?' needs a person, or a sentence that says who leads ('Stadsdelsnämnderna ska leda …').
    """
    if _LEADER_ASKED.search(q.corrected):
        if any(_names_person(s) or _LEADS.search(fold(s)) for s in used):
            return ""
        return "Dokumenten säger inte vem som leder det."
    if not _PERSON_ASKED.search(q.corrected) or any(_names_person(s) for s in used):
        return ""
    return "Dokumenten namnger ingen sådan person."


# Capitalised words that make a place, a body or a programme of two names, not a person ('Region Stockholm').
_NO_PERSON_WORDS = frozenset("stockholm stockholms region polisregion sverige sveriges levande broken windows".split())


def _names_person(sentence: str) -> bool:
    """Whether a sentence names a person by first and last name (not 'Region Stockholm', 'Levande Stockholm')."""
    return any(not set(m.group(0).lower().split()) & _NO_PERSON_WORDS for m in re.finditer(PERSON, sentence))


# 'Vem leder …?' ('Vem är ordförande …?' is the role rule's, in assistant/scope.py).
_LEADER_ASKED = re.compile(
    r"^\s*(vem|vilka|vilken( \w+){1,2}|who|which( \w+){1,2})\s+(leder|ledde|leds|leads|led|headed|heads)\b"
    r"|\b(which|vilken)( \w+){1,2} (led|leads|headed|heads|ledde|leder)\b",
    re.I,
)
_LEADS = re.compile(r"\b(led(a|er|s|de|des|ning\w*|are\w*)|ordforande\w*|chair\w*|leads?)\b")
# A law's number ('lag (2023:196)') quoted by a question: only a sentence that names that law answers about it.
_STATUTE = re.compile(r"\b(?:19|20)\d\d:\d{1,4}\b")


def names_statute(q: Question, sentences: Sequence[str]) -> bool:
    """Whether the question quotes a law's number ('lag (2023:196)') that one of the sentences names."""
    return any(n in s for n in _STATUTE.findall(q.text) for s in sentences)


# A name the question quotes ("the 'Trygghet på karta' tool"): two or more words between quotation marks.
_QUOTED = re.compile(r"(?<!\w)['‘’\"“”«»]([^'‘’\"“”«»?]+?\s[^'‘’\"“”«»?]+?)['‘’\"“”«»](?!\w)")


def names_quoted(q: Question, sentences: Sequence[str]) -> bool:
    """Whether one of the sentences holds a name of several words that the question quotes, as it is written."""
    return any(fold(n.lower()) in fold(s.lower()) for n in _QUOTED.findall(q.text) for s in sentences)


def statute_missing(q: Question, used: Sequence[str], context: Sequence[str] = ()) -> str:
    """'Vad sade socialnämnden om lagen (2023:196)?' answered from a response that never names that law."""
    numbers = set(_STATUTE.findall(q.text))
    if not numbers or names_statute(q, (*used, *context)):
        return ""
    return f"De stycken som skulle besvara frågan nämner inte lag ({', '.join(sorted(numbers))})."
