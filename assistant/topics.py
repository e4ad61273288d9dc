"""What a question is about once the responders' names and the words that frame it are left out.

A comparison retrieves its topic once per responder; a topic that is the programme itself ("Vad
tycker varje nämnd om programmet?") is answered from each responder's position sentences, and a
single answer weighs a responder's verdict on the whole programme as an answer only to such a question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wordfreq import zipf_frequency

from assistant.glossary import documents_words
from assistant.responder_names import ends_english_name, is_name_of, responders_in_order
from vectorstore.analyzer import analyze, fold

# A year that is part of a name ('Agenda 2030', 'Vision 2040') fixes no time.
NAMED_YEAR = r"(?<!(?i:agenda) )(?<!(?i:vision) )"
# Periods are answered by whom, not searched for; but a year that is part of a name stays.
_YEARS = re.compile(NAMED_YEAR + r"\b(19|20)\d\d(\s*[-–]\s*((19|20)?\d\d)\b)?")
_PROGRAMME_TERMS = frozenset(
    analyze(
        "program programmet trygghetsprogram trygghetsprogrammet förslag förslaget förslagen nya nytt remiss "
        "programförslag programförslaget programförslagets "
        "remissen stadens stockholms stad helhet övergripande överlag allmänhet stort programmets "
        "programme proposal proposed safety city's whole overall trygghet säkerhet föreslår föreslagna "
        "stadsledningskontorets kommunstyrelsens"  # whose proposal the programme is ('… förslag till trygghetsprogram')
        " grunden huvudsak princip generellt general basically"  # 'i grunden positiva till programmet
        " ändå nej ja"  # 'säger någon nej till programmet, eller är alla för ändå?'
        " support supports stöder stödjer endorse endorses"  # 'Do all responders support the programme?'
        " rakt igenom genomgående odelat utmaningar"  # 'vilka är rakt igenom positiva, vilka lyfter utmaningar med det'
        " mottagande mottagandet mottogs received reception"  # 'Hur mottogs programmet?'
        " draft actually really board nämnd nämnder"  # 'is any committee actually against the draft …, or on board?'
    )
)
DEFAULT_TOPIC = "synpunkter på trygghetsprogrammet"

# Words that frame a comparison rather than say what it is about.
_FRAME = frozenset(
    fold(w)
    for w in (
        "hur skiljer sig skiljer de skillnad skillnaden skillnaderna mellan jämför jämföra jämfört respektive varje "
        "vs kontra "
        "alla samtliga olika vilka vilken vad hur är var och samt med om på i till kring gällande angående "
        "nämnd nämnden nämnder nämnderna nämndernas nämnds remissinstans remissinstanser remissinstanserna "
        "remissvar remissvaren remissvarens stadsdelsnämnd stadsdelsnämnderna förvaltning förvaltningen "
        "förvaltningarna synpunkter synpunkterna syn tycker tyckte anser ansåg sammanfatta beskriv har de deras "
        "sin sina sitt kritisk kritiska kritiskt positiv positiva positivt negativ negativa negativt "
        "säger sade sa menar ser tar upp skriver beskriver beskrivs berättar enligt hos från fått kort hade samma "
        "stadsdelsförvaltning stadsdelsförvaltningen stadsdelsnämnden stadsdelsnämnds förvaltningens kontoret "
        "mest minst mer saknar saknas efterfrågar föreslår önskar vill lyfter betonar kritik invändningar "
        "compare comparison differ difference each all which what how do does the and of on about committee "
        "committees views view responses district districts council in their they to according criticism critique "
        "opinion opinions think say says said much has one from briefly summarise summarize "
        "nämner nämnt nämns berör diskuterar kommenterar talar skrev tagit lyft mention mentions mentioned discuss "
        "discusses address addresses raise raises comment comments write writes wrote it them describe describes "
        "oroar oroas sig varnar ifrågasätter talk talks deal deals cover covers highlight highlights "
        "pekar brister luckor svagheter fram dem when comes come regarding concerning weaknesses shortcomings gaps "
        "see sees councils boards synen kritiserar kritiserat criticise criticises criticize criticizes most least "
        "critical positive negative propose proposes suggest suggests ställer ställde "
        "nämder nämderna svar svaren hänvisar refererar tänker refer refers"
        " en av emot against favour favor are is was were for or by"
        " någon annan anyone anybody kom kommit inkom inkommit"  # 'Är någon kritisk …', 'Vilka synpunkter kom in'
        " vem dyker förekommer sägs flera"  # 'Vem är mest kritisk?', 'dyker upp i flera svar'
        " jag vi mig oss ha"  # 'Jag skriver en analys och vill ha en mening från var och en'
        " grunden överlag generellt egentligen sticker ut materialet texterna"  # 'i grunden positiva, sticker någon ut'
        " sågar sågade sågat såga finns"  # 'finns någon som sågar det?'
        " response contrast contrasting"  # "Contrast what the X response says with what …"
        " bakom"  # 'Står alla fem bakom programförslaget i stort, eller är någon negativ?'
        " english engelska"  # 'Välfärdsbrott in English: which responders …': the language asked in
        " responder responders explicitly include includes"  # 'Which responders explicitly include …'
        " grundhållning helhetsomdöme helhetsbedömning"  # 'vilken grundhållning har var och en av …'
        " sett"  # 'i stort sett för', 'sett från Kungsholmen, trafikkontoret och EAV'
        # what they share or where they part: 'Vilka likheter finns mellan remissvaren?', 'Ser nämnderna likadant
        # på …?', 'Är trafiknämnden ensam om …?', 'Is Kungsholmen the only one …', 'Where do the responses disagree?'
        # (not words a topic is made of: 'gemensamt trygghetsprogram', 'skillnader mellan könen', 'stöd' folded)
        " likheter likhet likadant eniga ense oense överens oeniga ensam ensamma enda"
        " common similarities similarity differences agree agrees disagree disagrees only alone besides"
        " others compared there anything did have react reacted receive received consulted svarade svarat"
        " resonerar värderar bedömer uppfattar mottogs mottog instanser instanserna"
        # asked for an overview or a compilation: 'Ge en översikt över vad remissvaren skriver om …'
        " ge översikt överblick overview overall sammanställ sammanställning efterlyser efterlysa efterlyste"
        " åt behandlar"  # 'Skiljer sig X och Y åt i hur de behandlar jämställdhetsfrågan?'
        " facknämnderna fler än ta tog where that any"
        " administration administrations bodies body nån nåt står sdf with"
        " why"  # 'Why?' after a view: the reasons for it, not a topic of its own
        " punkt punkter punkterna aspekt aspekter aspekterna viktigaste"  # 'de viktigaste kritiska punkterna'
        # 'var och en av nämnderna', 'för eller emot'
    ).split()
)


# A responder named by its staff ('Kungsholmens tjänstepersoner'): the name's word, not the topic's (which
# the staff may well be: 'otillåten påverkan på tjänstepersoner').
_STAFF = frozenset(
    fold(w) for w in "tjänstepersoner tjänstepersonerna tjänstemän tjänstemännen officials staff".split()
)

_COUNTS = frozenset(fold(w) for w in "två tre fyra fem two three four five 2 3 4 5".split())  # 'de fem nämnderna'

# Words that ask for a verdict ('Stöder X programmet?', 'Är X nöjd med programmet?') or a summary of a
# response ('Ge en sammanfattning av Kungsholmens yttrande'), not name a part of the programme.
_WHOLE_WORDS = frozenset(
    fold(w)
    for w in (
        "stöder stödjer support supports bra nöjd nöjda missnöjd missnöjda sammanfattning sammanfatta summera ge "
        "en av yttrande yttrandet tjänsteutlåtande tjänsteutlåtandet svar svaret handlar korthet summary summarise "
        "summarize response s"
        " landar landade ja nej"  # 'är de kritiska till något i programmet, eller landar de i ett ja?'
        " håller instämmer agree agrees"  # 'Håller socialnämnden med om förslaget?'
        " förslag ändringar ändringsförslag lämnar lämnade"  # 'Vilka förslag på ändringar lämnar socialnämnden?'
        " stämmer sant true correct positiv negativ kritisk"  # 'Stämmer det att socialnämnden är negativ till …?'
    ).split()
)


def about_whole_programme(question: str, responders: Iterable[str]) -> bool:
    """Whether a question is about the programme, or a response, as a whole: a verdict or a summary asked for."""
    topic = topic_of(question, responders)
    kept = [w for w in topic.split() if fold(w) not in _WHOLE_WORDS]
    return topic == DEFAULT_TOPIC or not kept or is_general(" ".join(kept))


COMMON_ZIPF = 5.5  # a word at least this frequent in Swedish ('gjort', 'tar') names nothing asked about


def common_in_swedish(word: str) -> bool:
    """Whether a word is so frequent in Swedish ('tar', 'nya', 'gjort') that it names nothing a question asks about."""
    return zipf_frequency(word.lower(), "sv") >= COMMON_ZIPF


# A sentence that only sets the scene before the question ('Inför en dragning vill jag visa ett kort per
# remissinstans. Är alla fem positiva till programförslaget?'), and a word in the question pointing back at it.
# 'Till ledningsgruppen: är alla positiva …?'; '… för politikerna imorgon – vilka är de kritiska punkterna?'
_SENTENCES = re.compile(
    r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])|(?<=:)\s+"
    r"|\s+[–—]\s+(?=(?i:vad|vilk\w*|hur|vem|när|nar|varför|varfor|what|which|how|who|why)\b)"
)
_SENTENCE_OPENING = re.compile(r"(?<=[.!?] )[A-ZÅÄÖ][a-zåäöé]+\b")
_POINTS_BACK = re.compile(
    r"\b(det|detta|dessa|denna|den här|det här|sådana|sådan|sådant|it|this|these|that|such)\b", re.I
)
_NAMED_TOPIC = re.compile(
    r"\b(?:skriver|säger|sager|tycker|anser|menar|tar upp|write|writes|say|says|think)\b[^.?!]*?\b(?:om|about)\s+"
    r"([^.?!]+)",
    re.I,
)
_NAMES_PROGRAMME = re.compile(r"program|förslag|forslag|proposal", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(det|den|the)\s+(\w+\s+)?(\w*)$", re.I)  # 'i det nya trygghets|programmet'

# What the user needs the answer for, told before the question ('Inför mötet:', 'Till min PM.').
_ERRAND = re.compile(
    r"\b(inför|infor|till|för|for|before|förbereder|forbereder|preparing) "
    r"(en |ett |min |mitt |vår |vårt |the |my |our |a )?"
    r"(dragning\w*|möte\w*|mote\w*|presentation\w*|genomgång\w*|genomgang\w*|ledningsgrupp\w*|pm|briefing|meeting)"
    r"|\b(presentera\w*|present|presenting|sammanställ\w*|sammanstall\w*) (remissvaren|svaren|responses)\b"
    r"|\b(snabb|kort|quick|short) (lägesbild|lagesbild|översikt|oversikt|sammanfattning|overview|summary)\b",
    re.I,
)
# (English 'I' in capitals only: Swedish 'i' is 'in')
_FIRST_PERSON = re.compile(r"\b(?i:jag|vi|mig|oss|min|mitt|mina|vår|vårt|våra|i'm|we|my|our|me)\b|\bI\b")


def topic_of(question: str, responders: Iterable[str]) -> str:
    """The question without the responders' names and the words that frame the comparison.

    A last sentence that asks about the programme as a whole by name, pointing back at nothing, after sentences
    that tell the user's errand ('Inför en dragning vill jag …'), is the whole topic.
    """
    *before, last = _SENTENCES.split(question.strip())
    told = " ".join(before)
    # 'Snabb lägesbild inför dragningen: är alla fem …?': the errand names no topic
    errand = before and _ERRAND.search(told) and not responders_in_order(told, responders)
    whole = (
        before
        and (errand or _FIRST_PERSON.search(told))  # the user's errand, not a topic ('Klotter: …')
        and (programme := _NAMES_PROGRAMME.search(last))
        # 'för programmet, eller sågar någon det?': it; not the article of 'det nya programmet'
        and not _POINTS_BACK.search(_ARTICLE_BEFORE.sub("", last[: programme.start()]))
    )
    if whole and is_general(" ".join(w for w in _topic_of(last, responders).split() if not common_in_swedish(w))):
        return DEFAULT_TOPIC
    if errand:
        return _topic_of(last, responders)
    # A last sentence that names what it asks about ('Trafikkontoret anger kronor, EÅV efterlyser resurser. Jämför
    # vad de två skriver om pengar och resurser.'): the sentences before say whom, and what they say of them is
    # no topic. Not when they say what about ('Ger programmet konkreta exempel? Vad säger svaren om exemplen?'),
    # nor after a label ('Klotter i parker: vad säger X om programmet?').
    whom = before and responders_in_order(told, responders) and not before[-1].rstrip().endswith(":")
    named = _NAMED_TOPIC.search(last) if whom else None
    # ('… – vilken lag är det och vad säger de om den?': 'den' names nothing, the question before the dash does)
    if (
        named
        and not _POINTS_BACK.search(named.group(1))
        and (topic := _topic_of(named.group(1), responders))
        and not is_general(topic)
    ):
        return topic
    return _topic_of(question, responders)


# How the proposal was received is a verdict on it, not a topic ('… eller fick förslaget ett gott mottagande?').
_RECEPTION = re.compile(
    r"\b(fick|fått|fatt|got|received)\b(\s+\w+){0,3}?\s+(ett\s+|a\s+)?(gott|bra|positivt|negativt|dåligt|daligt|blandat"
    r"|good|positive|warm|mixed|negative)\s+(mottagande|reception)\b",
    re.I,
)


# 'när det gäller samverkan' says what about, and asks no time.
_REGARDING = re.compile(r"\b(när|nar) det (gäller|galler|kommer till)\b|\bwhen it comes to\b", re.I)


def _topic_of(question: str, responders: Iterable[str]) -> str:
    question = _REGARDING.sub(" ", _RECEPTION.sub(" ", question))
    named = responders_in_order(question, responders)
    # A later sentence's first word in lower case: run into one topic it would look like a name ('… goals Quote me').
    opened = _SENTENCE_OPENING.sub(lambda m: m.group(0).lower(), _YEARS.sub(" ", question))
    words = re.findall(r"[^\W_][\w-]*", opened)
    kept = [
        word
        for i, word in enumerate(words)
        if fold(word) not in _FRAME
        and not is_name_of(words, i, named)
        and not (fold(word) in _STAFF and i > 0 and is_name_of(words, i - 1, named))
        and not _bare_body_word(words, i, named)
        and not _counts_responders(words, i)
    ]
    topic = " ".join(kept)
    return topic if analyze(topic) else DEFAULT_TOPIC  # only small words left ('eller'): the programme as a whole


def _bare_body_word(words: list[str], i: int, named: Iterable[str]) -> bool:
    """The body word of an English name that the glossary cannot give in the documents' words ('Social Services').

    One it can ('the traffic office' -> kontoret, förvaltningen) stays: it is how a response names itself
    when it states a view ('Kontoret efterfrågar …').
    """
    return ends_english_name(words, i, named) and not documents_words(words[i], True, lambda _: True)


_COUNTING_ENDS = frozenset(("som", "who", "that"))


def _counts_responders(words: list[str], i: int) -> bool:
    """Whether the word at i counts the responders ('de fem nämnderna', 'all five committees'), not the topic."""
    # ... or ends what counts them ('någon av de fem som säger nej', 'var och en av de fem?'), not 'de fem stegen'
    after = fold(words[i + 1]) if i + 1 < len(words) else ""
    return fold(words[i]) in _COUNTS and (not after or after in _FRAME or after in _COUNTING_ENDS)


def is_general(topic: str) -> bool:
    """True when the topic is the programme as a whole rather than a part of it."""
    return topic == DEFAULT_TOPIC or not set(analyze(topic)) - _PROGRAMME_TERMS
