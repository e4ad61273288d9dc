"""Read a question once: one small record that every later stage reads instead of re-analysing the text.

`read_question` normalises the text, corrects words the corpus does not know to close words it
does (diacritics folded, so "socialnamden" meets "socialnämnden"), finds the responders and the
other bodies it names, the years it fixes, what kind of answer it wants, its language, whether it
leans on the previous question, whether it compares responders, and whether it asks for the
documents' own furniture (handläggare, dnr, dates, the remiss procedure).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from assistant.field_questions import (
    PREVIOUS_PROGRAMME,
    SECOND_QUESTION,
    asked_field,
    asks_title_holder,
    further_fields,
)
from assistant.glossary import documents_words, glossary_spans, swedish_term
from assistant.responder_names import (
    abbreviations_in,
    group_asked,
    is_name_of,
    mentions,
    named_responders,
    without_english_names,
)
from assistant.spelling import correct_english, correct_words
from assistant.topics import DEFAULT_TOPIC, NAMED_YEAR, about_whole_programme, common_in_swedish, topic_of
from ingest.furniture import FURNITURE_KINDS, PAGE, PROCEDURE, SIGNATURE
from vectorstore.analyzer import FOLDED_STOPWORDS, MIN_HEAD, fold, term, words
from vectorstore.lexical import ACRONYM_WORD, LexicalIndex

_ENGLISH = frozenset(
    "the a an of in on to is are was were what which who whom how does do did for by with and or "
    "according from that this these their its be should when where why about think say said".split()
)
# English words of no content (articles, pronouns, auxiliaries, prepositions, conjunctions): no document
# uses them, and left among the query terms each would weigh the highest idf.
_ENGLISH_FUNCTION = _ENGLISH | frozenset(
    "also am as at been being but can could done has have having it it's itself i me my we our us you your "
    "he she him her his they them there than then so such not no nor any all some each every both either "
    "into onto out up down over off only just very too more most much many other others own same will would "
    "shall may might must whose whether while if because since until doing get got "
    "between among within without against through during before after above below again further here once "
    "together outside inside across along towards toward upon via per".split()
)
# A word counts for a language when it is common in it (zipf) and far more common than in the other.
_LANGUAGE_ZIPF = 3.0
_LANGUAGE_MARGIN = 1.0
# Swedish small words, folded: what tells Swedish typed without å/ä/ö from English.
_SWEDISH = frozenset(
    "vad vilka vilken vilket hur nar var vem varfor ar och som att det den de en ett om pa med kan ska har "
    "inte finns nagot nagon till av sig mot under eller enligt tycker sager gor blir vara".split()
)
# A thing just spoken of, named by its kind ('Vad betyder förkortningen?', 'What does the term mean?').
_NAMED_AGAIN = (
    r"\b(förkortningen|forkortningen|begreppet|termen|ordet|uttrycket|the (acronym|abbreviation|term|word|phrase))\b"
)
_ENGLISH_CONTINUATION = r"and|what about|how about"
_ENGLISH_FOLLOW_UP = re.compile(rf"^\s*({_ENGLISH_CONTINUATION}|why)\b", re.I)
_FOLLOW_UP_START = re.compile(
    rf"^\s*(och|men|samt|också|även|vad mer|hur då|varför det|{_ENGLISH_CONTINUATION})\b", re.I
)
_PRONOUN = re.compile(
    r"\b(den|det|de|dem|dessa|detta|denna|deras|dess|där|it|they|them|their|there"
    r"|hen|han|hon|hens|hans|hennes|dennes|he|she|his|her|him)\b"  # the person just named ('Vad har hen för nummer?')
    rf"|{_NAMED_AGAIN}",
    re.I,
)
# The same thing asked again ('Vad tycker Kungsholmen om samma sak?'): a follow-up, whatever else it says.
_SAME = re.compile(r"\b(detsamma|samma (sak|fråga|fraga|ämne|amne)|(the )?same (thing|question|topic|issue))\b", re.I)
# A pronoun that points back at a thing asked about, not at whom ('det', 'detta'; 'de' are the responders), or
# the same thing named so.
_THING = re.compile(rf"\b(det|den|detta|denna|dessa|dess|it|this|that)\b|{_SAME.pattern}|{_NAMED_AGAIN}", re.I)
# A pronoun only makes a follow-up when the question has no subject of its own ("Vad tycker de?").
_OWN_SUBJECT_TERMS = 2
# Not a law's number ('lag (2023:196)') nor a case number ('KS 2023/739').
_YEAR = re.compile(NAMED_YEAR + r"\b((?:19|20)\d\d)(?![:/]\d)(?:\s*[-–]\s*((?:19|20)?\d\d))?\b")
# An acronym on its own ('MVP'; in a compound, 'ANDT-arbetet', it meets the documents' compounds already).
_ACRONYM = re.compile(rf"(?<!-)\b{ACRONYM_WORD}\b(?!-)")
_TYPED_LOWER = re.compile(r"(?<!-)\b[a-zåäö]{3,6}\b(?!-)")  # 'mvp', as users type it too


def acronym_words(text: str, acronyms: Mapping[str, str]) -> list[str]:
    """The words of each acronym the text uses that the documents spell out ('MVP', 'mvp' -> Mentorer i …)."""
    typed = [*_ACRONYM.findall(text), *(w.upper() for w in _TYPED_LOWER.findall(text))]
    return [acronyms[a] for a in dict.fromkeys(typed) if a in acronyms]


# Who a comparison asks about, in folded text ('nämnderna', 'remissinstanser', 'committees').
RESPONDER_GROUP = (
    r"(namn?d\w*|remissinstans\w*|instans\w*|forvaltning\w*|stadsdel\w*|remissvar\w*|committees?|bodies|responders?)"
)
# 'I vilka remissvar förekommer platssamverkan?': which of the responses take a topic up.
# 'i vilka svar …', and a topic that 'dyker upp i flera svar': each response that holds it
IN_WHICH_RESPONSES = (
    rf"\bi (vilka|flera|olika) ({RESPONDER_GROUP}|svar|svaren|remissvar|remissvaren|yttranden|dokument)\b"
    # 'dyker den upp i något av remissvaren?': whoever holds it
    r"|\bi (nagot|nagon|nagra|nat|nan|vilket|vilken) av (de |dom )?"
    r"(remissvaren|svaren|yttrandena|dokumenten|texterna)\b"
    # 'vilka av svaren tar upp det?'
    r"|\b(vilka|vilket|vilken) av (de |dom )?(remissvaren|svaren|yttrandena|texterna)\b"
)
# Whoever answered the referral, not named: 'de som svarade', 'enligt dem som yttrat sig', 'those who responded'.
THOSE_WHO_ANSWERED = (
    r"(de|dom|dem) som (har )?(svarade|svarat|yttrade sig|yttrat sig)|(those|the ones) who (responded|answered|replied)"
)
# The responders together, in the definite plural: 'Vad tycker nämnderna …', 'What do the committees think …'.
ALL_OF_THEM = (
    r"(de olika |alla |samtliga |de (fem|fyra|tre|\d) |alla (fem|\d) )?"
    r"(namnderna|remissinstanserna|instanserna|forvaltningarna|stadsdelsnamnderna"
    r"|stadsdelsforvaltningarna|facknamnderna|remissvaren)s?"  # 'var och en av de fem nämndernas svar'
    r"|(the )?((five|\d) )?(consulted )?(committees|responders|responses|administrations|bodies consulted|bodies"
    r"|districts|district (committees|councils|administrations)|specialist committees)"
    # whoever answered the referral: 'Vad tycker de som svarade …', 'those who responded'
    rf"|{THOSE_WHO_ANSWERED}"
)
_REMARKS = r"(synpunkter|asikter|invandningar|kommentarer|reaktioner|synsatt)\b"
_VIEW_VERB = (
    r"(tycker|tyckte|anser|ansag|sager|sade|menar|skriver|skrev|ser|sag|reagerar|reagerade|think|thought|say|said"
    r"|resonerar|resonerade|varderar|varderade|bedomer|bedomde|uppfattar|uppfattade|forhaller sig|staller sig"
    r"|vill|ville|foreslar|foreslog|efterfragar|efterlyser|saknar|lyfter|betonar|onskar|kritiserar|valkomnar"
    r"|beskriver|beskrev|namner|koper"  # 'köper förvaltningarna den …?': accept it
    r"|write|wrote|view|see|feel|felt|propose|want|react|reacted|make of|assess|judge|regard"
    r"|receive[ds]? (the |this )?(programme|proposal|draft|it)"  # not 'receive for their coordination role'
    r"|proposes|wants|wanted|(asks?|asked|calls?|called) for|mentions?|mentioned|describes?|described|suggests?"
    r"|suggested|raises?|raised|writes|worry|worried|are (worried|concerned))"
)
# 'Vilka nämnder är kritiska …' asks for views; 'Vilka nämnder är ansvariga för …' for the programme's content.
_STANCE = (
    r"(ar|var) (\w+ )?(kritisk\w*|positiv\w*|negativ\w*|overens|emot|for det|oroad\w*|tveksam\w*|nojd\w*|missnojd\w*)"
)
_STANCE_EN = (
    r"(are|were) (\w+ )?(critical|positive|negative|supportive|against|in favou?r|concerned|sceptical|skeptical"
    r"|(dis)?satisfied|happy|unhappy)"
)
# A stance asked of whoever holds it, ended by what it is held about or by the question's end.
_STANCE_WORD = (
    r"(mest |minst |mer |mindre )?(kritisk|kritiska|positiv|positiva|negativ|negativa|emot|tveksam|tveksamma"
    r"|nojd|nojda|missnojd|missnojda)(?=\s+(till|mot|over|med)\b|\s*[?.!]?\s*$)"
)
_COMPARE = re.compile(
    # 'i mer än ett svar – i vilka?', 'why do they answer differently?': more than one response, set side by side
    r"\b(i|in) (mer an|fler an|more than) (ett|en|one) (svar|remissvar|yttrande|dokument|response|reply|document)\b"
    r"|\b(svarar|resonerar|tanker|tycker|ser|bedomer) de olika\b|\b(answer|see|judge|think) (it |this )?differently\b"
    r"|\brespektive\b|\bskiljer (sig|de)\b|\bjamfor\w*|\bolika (namnder|remissinstanser|remissvar|svaren|yttranden)\w*"
    rf"|\b(varje|de olika) {RESPONDER_GROUP}|\b(alla|samtliga) remissvar\w*"
    rf"|\bvar och en av ({ALL_OF_THEM})\b|\beach of ({ALL_OF_THEM})\b"  # 'var och en av nämnderna'
    rf"|\b(alla|samtliga) {RESPONDER_GROUP}.*\b(tycker|tyckte|anser|ansag|syn|synpunkter\w*|sager|sade|staller sig)\b"
    # 'Är samtliga fem nämnder positiva till programmet?', 'Are all the committees positive …?'
    rf"|\b(alla|samtliga|all) ((the )?(fem|fyra|tre|five|four|three|\d) )?(the )?{RESPONDER_GROUP}\b.*"
    r"\b(positiv\w*|kritisk\w*|negativ\w*|nojd\w*|missnojd\w*|eniga|overens|positive|critical|negative|agree)\b"
    rf"|\b(tycker|tyckte|anser|ansag|sager|sade|syn|ser)\b.*\b(alla|samtliga) {RESPONDER_GROUP}"
    # 'Är alla fem i grunden positiva?', 'ett kort per remissinstans' (not 'alla fem stegen')
    r"|\b(alla|samtliga) fem(?=\s*[?,.]|\s+(i|ar|var|har|hade|tycker|tyckte|anser|ansag|sager|sade|eniga|overens"
    r"|positiv\w*|kritisk\w*)\b)"
    r"|\ball five(?=\s*[?,.]|\s+(of them|are|were|agree|say|said|think|thought|positive|critical|negative)\b)"
    # 'Vad vill var och en av de fem …?', 'vem av de fem tar upp det?' (not 'vilket av de fyra fokusområdena')
    r"|\b(var och en|vem|vilka|vilken|nagon|ingen|each|which|who|any|none) (av|of) (de|dom|the) (fem|five)"
    r"(?=\s*[?,.:–-]|\s+(som|tar|tog|har|hade|ar|var|vill|ville|namner|tycker|tyckte|sager|sade|skriver|skrev|lyfter"
    r"|saknar|ser|anser|inte|och|ha|gora|tycka|saga|skriva|take|took|has|had|is|are|want|wants|mention|mentions|say"
    r"|says|think|thinks|do|does"
    r"|did|not|and)\b)"
    r"|\bper (remissinstans|namnd|responder|committee)\b"
    # 'Vilka av de fem remissvaren stödjer sig på forskning?': the group named after the count
    rf"|\b(var och en|vem|vilka|vilken|vilket|nagon|ingen|each|which|who|any|none) (av|of) (de|dom|the) "
    rf"(fem|fyra|tre|tva|five|four|three|two) ({RESPONDER_GROUP}|svaren|texterna|dokumenten|texts|documents|replies)"
    # 'är de fem remissinstanserna för eller emot förslaget?'
    rf"|\bde (fem|fyra|tre|tva|\d) {RESPONDER_GROUP}\b.*"
    r"\b(for eller emot|positiv\w*|kritisk\w*|negativ\w*|eniga|overens)\b"
    rf"|\b{_VIEW_VERB} ({ALL_OF_THEM})\b|\b({ALL_OF_THEM}) (\w+ )?{_VIEW_VERB}\b"
    # the stance of the responses, in either order ('Jag ska presentera remissvaren – vilka är de kritiska punkterna?')
    r"|\b(remissvaren|remissinstanserna)\b.*\b(kritisk\w*|kritik\w*|invandning\w*|positiv\w*|negativ\w*)"
    r"|\b(kritisk\w*|kritik\w*|invandning\w*|positiv\w*|negativ\w*)\b.*\b(remissvaren|remissinstanserna)\b"
    # 'är det nån nämnd som vill …?', 'finns det någon förvaltning som …?': whichever of them does
    rf"|\b(finns|ar) det (nagon|nan|nagot|nat) (av )?(de |dom )?{RESPONDER_GROUP} som\b"
    # 'Vad har nämnderna för synpunkter på …?', 'Vilka invändningar har förvaltningarna …?'
    rf"|\b(har|hade) ({ALL_OF_THEM}) (for|nagra|nagon) {_REMARKS}"
    rf"|{_REMARKS} (har|hade|lamnar|lamnade|framfor|framforde) ({ALL_OF_THEM})\b"
    # 'Är stadsdelsnämnderna överens om …?': each one's response, side by side
    rf"|\b({ALL_OF_THEM}) (\w+ ){{0,2}}(overens|eniga|ense|oense|oeniga|agree\w*|disagree\w*)\b"
    # 'vilka perspektiv … enligt nämnderna': what each of them says ('enligt remissvaren' is 'in the documents')
    r"|\b(enligt|according to) (de olika |alla |samtliga |the )?(namnderna|remissinstanserna|forvaltningarna"
    rf"|stadsdelsnamnderna|facknamnderna|committees|responders|administrations|{THOSE_WHO_ANSWERED})\b"
    # asked with the verb first: 'Tar någon av förvaltningarna upp …?', 'Nämner någon av nämnderna …?'
    rf"|\b(tar|tog|lyfter|lyfte|namner|namnde|tycker|tyckte|anser|ansag|sager|sade|vill|ville|saknar|foreslar"
    rf"|foreslog|kritiserar|kritiserade) (nagon|nagra|ingen|nan) (av (de |dom )?)?({ALL_OF_THEM}|{RESPONDER_GROUP})\b"
    # anyone's view, asked of all: 'Is anyone critical of …?', 'Does anyone think …?', 'Finns det någon som anser …?'
    r"|\b(is|are|was|were) (there )?(anyone|anybody|someone|any of them)\b (\w+ ){0,2}(critical|positive|negative"
    r"|against|worried|concerned|sceptical|skeptical|unhappy|happy)\b"
    r"|\b(does|did) (anyone|anybody|someone|any of them) (\w+ )?(think|say|mention|raise|criticis\w*|criticiz\w*|want"
    r"|object|argue|ask|suggest|propose|feel|find|take up|bring up|point out|worry|disagree|agree|question)\b"
    r"|\b(ar|var) (det )?(nagon|nan) (\w+ ){0,2}(kritisk|positiv|negativ|emot|orolig|skeptisk)\w*"
    r"|^\s*(ser|sag|lyfter|namner|tycker|anser|saknar|kritiserar|efterfragar|varnar|invander) (nagon|nan)\b"
    r"(?! (av|annan|sorts?|slags)\b)"
    r"|\bfinns det (nagon|nan) (som )?(\w+ )?(ar kritisk|ar positiv|ar negativ|tycker|tyckte|anser|ansag|tar upp"
    r"|tog upp|namner|namnde|lyfter|lyfte|saknar|vill|ville|kritiserar|efterfragar|foreslar|invander)\b"
    # 'i de olika remissvaren', 'Har alla med sig … i sina svar?' (not 'i deras svar': one body's)
    r"|\b(i|in) ((de olika |alla |samtliga )?(remissvaren|svaren|yttrandena|the responses)"
    r"|(sina|their) (svar|remissvar|yttranden|responses|replies))\b"
    # 'förekommer den hos någon nämnd?', 'Is the police mentioned by the responders?': whoever holds it
    rf"|\b(hos|bland) (nagon|nagra|flera|alla|samtliga) {RESPONDER_GROUP}"
    r"|\b(by|among) (any|all|several|the) (of the )?(committees|responders|responses|bodies)\b"
    # 'Besides EÅV, does any responder raise …?', 'Two responses use the phrase …'
    r"|\b(does|did|do) any (other )?(responders?|committees?|responses?|bodies|body)\b"
    r"|\b(two|three|four|both) (of the )?(responses|replies)\b|\b(tva|tre|fyra|bada|bagge) (remissvar|svar|yttranden)"
    r"(en|a)?\b"
    # 'Hur tar nämnderna upp narkotika?', 'Hur tog nämnderna emot programmet?', 'Vad lyfter remissvaren fram om …?',
    # 'I vilka remissvar förekommer platssamverkan?'
    rf"|\b(tar|tog|lyfter|lyfte) ({ALL_OF_THEM}) (upp|emot|fram)\b|{IN_WHICH_RESPONSES}"
    rf"|\b(mottogs|togs emot|bemottes|received)\b.*\b(av|by) ({ALL_OF_THEM})\b"
    # what they share or where they part ('Vilka likheter finns mellan remissvaren?', 'Vad är gemensamt för svaren
    # från stadsdelsnämnderna?', 'What do the responses have in common?'): each response, side by side
    rf"|\b(skillnad\w*|likhet\w*|gemensamt|konflikt\w*|motsattning\w*|differences?|similarit\w*|conflicts?"
    r"|in common)\b.*"
    rf"\b({ALL_OF_THEM}|svaren|remissvaren|yttrandena|{RESPONDER_GROUP}s svar)\b"
    rf"|\b({ALL_OF_THEM}|svaren|remissvaren|yttrandena)\b.*\b(gemensamt|in common|likadant)\b"
    # 'Trygghetsvandringar, nämns de av stadsdelsnämnderna?': said by them
    r"|\b(namns|namnds|tas upp|togs upp|lyfts|lyftes|beskrivs|beskrevs|berors|kommenteras|behandlas|hanteras"
    r"|bemots|varderas|uppfattas)\b"
    rf".*\b(av|hos) ({ALL_OF_THEM})\b"
    # the group doing something to the topic, asked how or what ('hur kopplar förvaltningarna ihop de två?', 'Hur
    # hanterar nämnderna …'), not what it must or may do ('Vad ska nämnderna göra …', 'Vilket ansvar har nämnderna')
    rf"|\b(hur|vad|varfor|how|what|why) (?!(ska|skall|bor|borde|maste|kan|far|har|hade|ar|var|blir|ges|gors|is|are"
    r"|was|were|will|should|must|can|may|have|has|had|ansvarar|ansvarade|gor|gjorde|behover|ingar|samordnar|leder"
    rf"|do|does|did)\b)\w+ ({ALL_OF_THEM})\b"
    # 'Är förvaltningarna nöjda med programmet?': a stance asked of them together
    rf"|\b(ar|var) ({ALL_OF_THEM}) (\w+ )?(nojd\w*|missnojd\w*|positiv\w*|negativ\w*|kritisk\w*|tveksam\w*)"
    # 'Hur många av nämnderna tar upp klotter?': counted among them
    rf"|\bhur manga (av )?(de |dom )?({ALL_OF_THEM}|remissvar|svar|yttranden|remissinstanser|namnder)\b"
    # 'Vad tycker alla om programmet?': all of them, the responders
    r"|\b(tycker|tyckte|anser|ansag|sager|sade|menar|think|say)\s+(alla|samtliga)(?=\s+(om|till|kring|angaende)\b"
    r"|\s*[?,.]?\s*$)"
    # 'Är det någon som är emot programmet?', 'Finns det någon nämnd som inte håller med om …?'
    r"|\b(nagon|nagra|ingen|nan) som (ar|var|inte ar) (emot|kritisk\w*|negativ\w*|tveksam\w*|missnojd\w*)\b"
    # 'Hur har svaren från förvaltningarna sett ut?': a group's responses
    rf"|\b(svaren|remissvaren|yttrandena|synpunkterna) (fran|av) (de olika |alla |samtliga )?{RESPONDER_GROUP}"
    # whoever of them holds a view ('Har någon av nämnderna synpunkter på …?', 'Har någon remissinstans invändningar
    # …?', 'Did any of the responders criticise …?', 'Is any committee negative …?'; not 'Har någon nämnd ansvar …')
    rf"|\b(nagon|nagra|ingen|nan) (av (de |dom )?)?({ALL_OF_THEM}|{RESPONDER_GROUP})\b.*\b(tycker|tyckte|anser|ansag"
    r"|synpunkt\w*|invandning\w*|kritik\w*|kritiser\w*|emot|positiv\w*|negativ\w*|tveksam\w*|ifragasatt\w*"
    r"|foreslar|foreslog|efterfragar|saknar|namner|tar upp|lyfter|skriver|sager|pekar pa|varnar|oroa\w*"
    r"|haller med|haller inte med)\b"
    r"|\b(any|none|either|neither) of the (committees|responders|responses|bodies|administrations|districts)\b"
    r"|\b(is|are|was|were|did|does|do|has|have)( there)? (any|some) (committee|responder|body|administration"
    r"|district)s?\b"
    rf"|\bvilken (av )?(de )?{RESPONDER_GROUP} (ar|var) (mest|minst) "  # 'Vilken nämnd är mest kritisk …'
    r"|\bwhich (committee|body|responder|response|reply|district|administration) (is|was) (the )?(most|least) "
    # 'Vilka svar tar upp riktade insatser?', 'vilka två remissvar begär det?': a response's text is asked, whatever
    # the verb (what the programme gives a committee is asked of 'nämnder': 'Vilka nämnder ansvarar för …?')
    r"|\bvilk(a|en|et) (av )?(de |dom )?((\d|tva|tre|fyra|fem) )?(svar|svaren|remissvar|remissvaren|yttranden"
    r"|yttrandena|remissyttranden|remissyttrandena)\b(?! (pa|till|om|fran|for|i)\b)"
    rf"|\bvilk(a|en|et) (av )?{RESPONDER_GROUP} (som )?(har )?"  # 'Vilken nämnd tar upp klotter?' asks the same
    rf"({_STANCE}|tycker|tyckte|anser|ansag|foreslar|efterfragar|saknar|lyfter|tar upp|namner|vill|ville|"
    r"aterger|atergav|begar|begarde|anger|angav|citerar|har latit|lat|svarar|svarade|"
    r"betonar|valkomnar|instammer|staller sig|ser|har synpunkter|pekar|onskar|kritiserar|"
    r"skriver|skrev|beror|diskuterar|kommenterar|talar|beskriv\w*|namnt|tagit upp|lyft|sager|sagt|sade|sa|"
    r"oroar|oroas|varnar|ifragasatter|stoder|stodjer|invander|menar|papekar|understryker|framhaller|"
    r"hanvisar|refererar|tanker pa|efterlyser)\b"
    # 'Vilka är kritiska till programmet?', 'Vem är mest positiv?', 'Är någon nämnd negativ till förslaget?':
    # a stance asked of whoever holds it (not 'Vilka delar är kritiska för …', a part critical for something)
    rf"|\b(vilka|vem|vilken|vilket)( \w+)? (ar|var) {_STANCE_WORD}|\b(ar|var) (nagon|nagra)( \w+){{0,3}} {_STANCE_WORD}"
    r"|\b(who|anyone|anybody)( of them)? (is|are|was|were) (most |least |more |the most )?(critical|positive|negative"
    r"|supportive|sceptical|skeptical)\b"
    # 'Vem tycker vad om programmet?', 'Vilka synpunkter kom in?', 'Sammanfatta remissvaren': every response
    r"|\bvem (tycker|tyckte|sager|sade|anser|ansag|skriver|skrev) vad\b|\bwho (thinks|thought|says|said) what\b"
    # 'vem nämner lagen, vem säger att den saknas?': one who against another
    r"|\bvem (namner|tar upp|lyfter|sager|skriver|anser|tycker|menar|vill|saknar)\b.*[,;–-]\s*(och |eller )?vem\b"
    r"|\bwho (mentions|raises|says|writes|thinks|wants|lacks)\b.*[,;–-]\s*(and |or )?who\b"
    r"|\bvilka synpunkter (kom in|har kommit in|inkom|har inkommit|fick (programmet|forslaget))\b"
    r"|\b(sammanfatta\w*|summera\w*|sammanfattning|oversikt|summari[sz]e|summary|overview)\b.*"
    r"\b(remissvaren|svaren|yttrandena|synpunkterna|remissinstansernas|namndernas|responses|replies)\b"
    r"|\bcompar\w*|\bdiffer\w*|\beach (committee|responder|body|response|reply|statement)\b"
    r"|(?<!\bin )\beach district\b"  # not a place ('… crime prevention in each district?')
    r"|\ball (the )?(responses|committees|responders)\b|\bacross (all )?(the )?(responses|replies|committees)\b"
    # 'Which committees mention …', and the singular, which asks the same: 'Which committee talks about …?'
    rf"|\bwhich (of the )?(committees?|bodies|body|responders?|responses?) (\w+ly )?({_STANCE_EN}|thinks?|thought|"
    r"says?|said|propose\w*|wants?|criticis\w*|supports?|"
    r"mention\w*|discuss\w*|address\w*|raise\w*|brings? up|brought up|takes? up|took up|comment\w*|writes?|wrote|"
    r"refer\w*|bring\w*|brought|us(e|es|ed)|describ\w*|express\w*|suggest\w*|recommend\w*|argu\w*|point\w*|"
    r"focus\w*|note\w*|consider\w*|see|sees|saw|view\w*|touch\w*|"
    r"talk\w* about|speak\w* about|deal\w* with|cover\w*|highlight\w*|"
    r"tie\w*|tied|link\w*|connect\w*|rel(y|ies|ied) on|base\w*|build\w* on|cite\w*|leave\w* out|left out|omit\w*"
    r"|include\w*|emphasi[sz]e\w*|stress\w*|welcome\w*|lack\w*|call\w* for|ask\w* for)\b",
)


def asks_comparison(question: str) -> bool:
    """Whether the wording asks about the responders side by side ('skiljer sig', 'varje nämnd', 'compare').

    'Vad tycker nämnderna …' asks too. The question record and the comparison path share this one reading.
    """
    return bool(_COMPARE.search(fold(" ".join(question.split()))))


# A degree of change, not a number: 'hur mycket har programmet förändrats', 'how much has the programme changed'.
_CHANGED = r"[\w' -]{0,60}?\b(förändr\w*|forandr\w*|ändra\w*|andra[ds]\w*|skiljer|skilj\w*|chang\w*|differ\w*)"
# ... nor the weight something is given: 'hur stor vikt lägger X vid …', 'how much emphasis does X put on …',
# 'how much does X stress …'
_WEIGHT = (
    r" (vikt|betydelse|fokus|uppmärksamhet|uppmarksamhet|tyngd|utrymme|prioritet|roll|ansvar|inflytande|emphasis"
    r"|weight|attention|importance|focus|priority|stress|significance|responsibility|influence)\b"
    # how great a problem, a need or a risk is ('Hur stort är problemet med …', 'hur stor är risken att …')
    r"| (är|ar|var|blir) (problemet|problemen|utmaningen|utmaningarna|behovet|risken|oron|otryggheten)\b"
    r"| (does|do|did) ([\w'-]+ ){1,4}(stress|emphasi[sz]e|focus|care|value|prioriti[sz]e|rely|worry)\b"
)
# 'Which focus areas …', 'Which of …' ask for several; a singular noun does not ('Which law took effect …?').
# (Also after a dash or colon that ends the context: 'EÅV wants a clearer framework – which theories do they list?')
WHICH_MANY = (
    r"(?:^|\s[–—:-]\s)\s*which\s+"
    r"(of\b|((?!(is|was|has|does|says)\b)\w+\s+){0,3}?(?!(is|was|has|does|says)\b)\w*[^siu\W]s\b)"
)
# Answer types, checked in order: the first that matches decides.
_ANSWER_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "quantity",
        re.compile(
            # not a degree: 'Hur mycket vet verksamheterna om …?', 'hur mycket betonas …'
            r"\b(hur (många|manga|mycket(?! (vet|visste|känner|kanner|förstår|forstar|påverkar|paverkar|betyder|bryr"
            rf"|samarbetar|samverkar|fokuserar|betonas|lyfts|nämns|namns)\b)(?!{_CHANGED})"
            rf"|stor\w*(?!{_WEIGHT})|dyr\w*|lång tid|lang tid|länge(?! (hade|har|fick|får) \w+ på sig)|lange)"
            r"|how long"
            r"|vilk(en|et|a) (lön|lon|summa|summor|budget|kostnad|kostnader|belopp|beloppen|anslag)"
            r"|vad (kostar|kostade|betalar|betalade|betalas)"
            r"|vad (\w+ ){1,3}(kostar|kostade|kostat)"  # 'Finns det uppgifter om vad Cosafe kostar?'
            # 'Vad får skolförvaltningen betala för tjänsten?', 'vad lade X på klotter', '… finns det någon siffra?'
            r"|vad (\w+ ){1,3}(betala|betalar|betalat|betalade)\b"
            r"|\bvad (lade|lägger|lagger|satsade|satsar|spenderade|spenderar) (\w+ ){1,3}(på|pa)\b"
            r"|(finns det|is there) (nån|någon|nagon|any) (siffra|summa|belopp|figure|amount)\b"
            r"|budget\w*"
            rf"|how many|how much(?!{_CHANGED})(?!{_WEIGHT})|cost\w*|(what|which) (percentage|proportion|share)"
            # a share or the figures asked for ('… kvinnor jamfort med man procent', 'vilka siffror?')
            r"|procent\w*|percent\w*|(vilka|vilken|what|which) (siffr\w*|figures?|numbers?)"
            r"|siffr\w* (på|pa)"  # 'Siffra på planerade ordningsvakter …' (not 'siffror om …': figures about it)
            # a figure looked for ('finns det nåt konkret antal eller belopp …?', 'the 2021 figure'), a sum paid
            # ('What does the city pay')
            r"|(något|nåt|nagot|nat|någon|nagon|konkret\w*|exakt\w*|any|a|the) (\d{4} )?"
            r"(antal|belopp|summa|siffr\w*|sum|amount|figure)"
            r"|what (does|do|did) (\w+ ){1,3}(pay|spend))\b"
            # a count asked in keywords: no question word, no question mark, no verb first ('Har antalet … minskat?')
            r"|^(?!\s*(har|hade|är|ar|finns|fanns|ska|skall|kan|kommer|blir|blev|bör|bor|måste|maste|gäller|galler"
            r"|do|does|did|is|are|was|has|have|will|can)\b)(?![^?]*\?)"
            r"(?!.*\b(vad|vilk\w*|hur|vem|när|nar|var|varför|varfor|what|which|how|who|when|where|why)\b)"
            r".*\b(antal|antalet)\b"
            # ... or opening with it, question mark and all ('Antal trygghetskameror i stan idag?')
            r"|^\s*(antal|antalet)\b(?!\s+\w+\s+(har|hade|är|ar|blir|blev|ökar|okar|minskar|ökade|okade|minskade)\b)",
            re.I,
        ),
    ),
    (
        "when",
        re.compile(
            # Not "… när det gäller kön" (as to), nor "När i planeringen …" (a stage, not a time).
            # Nor 'När stadsdelarna rustar upp platser, ska de samverka …?': a clause that sets the scene, then
            # the question itself, verb or question word first.
            r"(^\s*(när|nar)\b(?! i )(?![^?]*[,–—]\s*(ska|skall|är|ar|har|kan|bör|bor|måste|maste|finns|gäller"
            r"|galler|behöver|behover|får|far|brukar|borde|blir|vill|vad|hur|vilka|vilken|vilket|vem|varför|varfor)\b)"
            r"|\b(fram till|ända till|anda till|från|fran|sedan|senast) (när|nar)\b"
            r"(?! det (gäller|galler|kommer))"
            r"|\bvilket (datum|år|ar)\b|\b(datum|tidpunkt) (för|for) (när|nar)\b|\b(sista (dag|datum)|svarsdag\w*)\b"
            r"|\bvilken (dag|månad|manad|tidpunkt)\b|\bsenast\b|\b(until|by|since|from) when\b"
            # a date asked whether there is one: 'Is there a date for when the guidance will be ready?'
            r"|\b(is there|are there|finns det) (a|an|any|ett|något|nagot|nåt|nat) (date|datum|tidpunkt|deadline)\b"
            r"|\bvilken tid (på|pa) (dygnet|dagen)\b|\b(what|which) time of (the )?day\b"  # a time of day
            r"|^\s*(at )?what time (do|does|did|will|is|are|was)\b"
            # 'When does …', not 'When the office plans investments, does it …' (a clause that sets the scene)
            r"|^\s*when\s+(do|does|did|will|would|is|are|was|were|should|shall|can|could|has|have|had|must)\b"
            # a question after a dash or colon that sets the scene: '… out for consultation – when will …?'
            r"|[–—:]\s*when\s+(do|does|did|will|would|is|are|was|were|should|shall|can|could)\b"
            r"|[–—:]\s*(när|nar)\s+(ska|skall|kommer|blir|fattas|beslutas|börjar|borjar)\b"
            r"|\bhur länge (hade|har|fick|får) \w+ på sig\b"  # until when; 'hur länge har X haft …' is a duration
            # a date asked in a word after the question: 'Är det bestämt vilket möte …? Datum?'
            r"|[?.]\s*(datum(et)?|när|nar|when|(the )?date)\s*\??\s*$"
            r"|\b(what|which) dates?\b"
            r"|\b(öppettider|oppettider|opening (hours|times))\b"  # a time of day is asked for too
            r"|\bdeadline\b)",
            re.I,
        ),
    ),
    # not a stance asked of whoever holds it ('Vem är mest kritisk?', 'Vem tycker vad?'): that is a view
    (
        "who",
        re.compile(
            r"(^\s*(vem|vilka personer|who)\b|\bvem\b)"
            r"(?!\s+(är|ar|var|is|are|was|were)\s+(mest |minst |the most )?(kritisk|positiv|negativ|critical|positive"
            r"|negative|supportive))(?!\s+(tycker|tyckte|anser|säger|sager|thinks?|says?)\s+(vad|what)\b)",
            re.I,
        ),
    ),
    ("where", re.compile(r"^\s*(var|vart|where)\b", re.I)),
    (
        "definition",
        re.compile(
            r"\b(vad (står|star) (\w+ ){1,3}(för|for)|vad (betyder|innebär|innebar|menas)|vad går .+ ut på"
            r"|vad gar .+ ut pa|hur fungerar|what does (\w+ ){1,3}(stand for|mean)|what is meant"
            r"|definitionen|definieras|definierar|how is .+ defined|definition of)\b",
            re.I,
        ),
    ),
    # 'Vilket exempel ger … på en målkonflikt?': an instance ('Hugga ner buskar kan exempelvis …').
    (
        "example",
        re.compile(
            r"\b(vilket|vilka|något|några|nagot|nagra|ge\w*|ger) (\w+ )?exempel\b"
            r"|\bwhat examples?\b|\bgive an example\b",
            re.I,
        ),
    ),
    (
        "opinion",
        re.compile(
            r"\b(tyck\w*|tänk\w*|anser|ansåg|ansag|synpunkt\w*|åsikt\w*|asikt\w*|inställning\w*|installning\w*|"
            # a stance asked of the whole ('vilken grundhållning har …', 'förvaltningens helhetsomdöme om förslaget')
            r"grundhållning\w*|grundhallning\w*|helhetsomdöme\w*|helhetsomdome\w*|helhetsbedömning\w*|"
            r"ställning|stallning|ställer sig|staller sig|kritisk\w*|positiv\w*|negativ\w*|svara\w*|yttra\w*|"
            r"remissvar\w*|think|view\w*|opinion\w*|position|say|said|"
            # support for a proposal is a view of it ('Stödjer utbildningsnämnden programmet?')
            r"stödjer|stöder|stodjer|stoder|för eller emot|for eller emot|supports?|in favou?r|"
            # agreement is a view too ('Håller socialnämnden med om förslaget?', 'Does EÅV agree with it?')
            r"håller (\w+ ){0,2}med|haller (\w+ ){0,2}med|instämmer|instammer|agree[sd]?|endorse[sd]?)\b",
            re.I,
        ),
    ),
    (
        "list",
        re.compile(
            rf"^\s*(vilka|nämn|namn|lista|ange|what are)\b|\bvilka\b|{WHICH_MANY}"
            # what a response enumerates ('Kungsholmen och trafiken räknar upp fokusområdena – skiljer sig
            # uppräkningarna?')
            r"|\b(räkna\w*|rakna\w*)\b[^?.]{0,60}\bupp\b|\b(uppräkn\w*|upprakn\w*|enumerat\w*|listorna|listan)\b",
            re.I,
        ),
    ),
    (
        "yesno",
        re.compile(
            r"^\s*(är|ar|har|finns|ska|skall|kan|bör|bor|gäller|galler|stöder|stoder|is|are|does|do|did|has|will"
            # whether a claim holds ('Stämmer det att socialnämnden är negativ …?', 'Is it true that …')
            r"|stämmer det|stammer det|är det sant|ar det sant|is it true|is it correct)\b",
            re.I,
        ),
    ),
)
# A question that opens by asking a view of a clause asks the view, whatever the clause holds.
_VIEW_OF_CLAUSE = re.compile(
    r"^\s*(hur ser [^?]{1,80}? (på|pa)|vad (tycker|tyckte|anser|ansåg|ansag) [^?]{1,80}? om) att\b", re.I
)
# What a question counts asked by name as well ('… hur många är de och vad heter de?').
_NAMES_THEM = re.compile(
    r"\b(vad heter (de|dom|dessa)|vilka (är|ar) (de|dom|dessa)|vad kallas (de|dom|dessa)"
    r"|what are they( called)?|what are their names|name them)\b",
    re.I,
)
# An acronym asked for, not named ('Vilken förkortning används för …?').
_WHICH_ACRONYM = re.compile(
    r"\b(vilken|vilka|which|what) (förkortning\w*|forkortning\w*|akronym\w*|abbreviations?|acronyms?)\b", re.I
)
# The term a definition question asks about: "Vad betyder otillåten påverkan?" -> "otillåten påverkan".
_DEFINED = re.compile(
    r"(?:vad (?:betyder|innebär|innebar|menas med)|vad (?:står|star)|vad (?:går|gar)|hur fungerar"
    r"|what does|what is meant by)\s+(?:begreppet |förkortningen |forkortningen |metoden |teorin |the )?"
    r"(.+?)(?:\s+(?:stand for|för|for|ut på|ut pa|mean))?\s*\??$",
    re.I,
)
# 'Hur definieras brottsförebyggande arbete?', 'programmet definierar X, hur lyder definitionen',
# 'the definition of crime prevention': the term is what follows, up to two words.
_DEFINITION_OF = re.compile(
    r"\b(?:definitionen av|definition of|hur definieras|definierar|definieras|defines|how (?:is|are))\s+"
    # 'Hur definierar trafikkontoret begreppet otillåten påverkan?': who defines it comes before the term
    r"(?:[\w-]+\s+(?=(?:begreppet|termen|ordet|the term)\s))?"
    r"(?:begreppet |termen |ordet |the term |the )?([\w-]+(?:\s+[\w-]+)?)",
    re.I,
)
# A term that points back to one named before ('en sådan analys', 'denna modell', 'this method').
_BACK_REFERENCE = re.compile(
    r"^(?:en sådan|en sadan|ett sådant|ett sadant|sådana|sadana|denna|detta|dessa|den här|den har|det här|det har"
    r"|this|that|such an?)\s+([\w-]+)$",
    re.I,
)
_WHOSE = {"programmet", "förslaget", "forslaget", "staden", "remissvaret", "förvaltningen", "forvaltningen", "kontoret"}
_NOT_DEFINED = {"för", "for", "i", "in", "enligt", "according", "och", "and", "hur", "how", "defined", "som", "as"}
# 'Vad är rinkebymodellen?', 'What are welfare crimes?': a bare term of up to three words asks what it is
# (an acronym alone, 'Vad är PDV?', what it stands for) ...
_TERM_ASKED = re.compile(
    r"^\s*(?:vad (?:är|ar)|what is|what are|what's)\s+(?:en |ett |an? )?([\w-]+(?: [\w-]+){0,2})\s*\??\s*$", re.I
)
# ... not a thing's property ('Vad är programmets syfte?'), nor what the words frame ('What are the focus areas?').
_NOT_A_TERM = re.compile(
    r"^(the|this|that|these|those|det|den|de|detta|denna|dessa|syfte\w*|mål\w*|mal\w*|skillnad\w*)$|"
    r"^(med|för|for|i|av|om|mellan|enligt|på|pa|till|of|in|with|about|according|between|to)$",
    re.I,
)
# Words that ask about the remiss procedure or a document's furniture: such sentences may answer.
# Not "tjänsteutlåtande": users call the response itself so ("vad skriver X:s tjänsteutlåtande om …").
_PROCEDURE = re.compile(
    r"\b(remissinstans\w*|remisstid\w*|tidsgräns\w*|tidsgrans\w*|remitter\w*|på remiss|för yttrande|for yttrande|"
    r"beslut\w*|bered\w*|berett\w*|behandla\w*|"
    r"ärendet|arendet|bilag\w*|följebrev|foljebrev|underteckn\w*|"
    r"signer\w*|attest\w*|datum|daterad\w*|senast|deadline|"
    r"justera\w*|godkän\w*|godkan\w*|referral(?! respons| repl)|signed|"
    r"decisions?|decided|approv\w*|"  # the English of 'beslut' and 'godkänn'
    # the groups and councils a response was shown to ('Ärendet har behandlats i pensionärsrådet')
    r"pensionärsråd\w*|pensionarsrad\w*|funktionshinderråd\w*|funktionshinderrad\w*|"
    r"råd\w* för funktionshinderfr\w*|rad\w* for funktionshinderfr\w*|"
    r"förvaltningsgrupp\w*|forvaltningsgrupp\w*|samverkansgrupp\w*|"
    r"svarsdag\w*|svarstid\w*|sista dag\w*|sista datum\w*"
    # where the remiss came from ('Från vilken instans kom remissen …?')
    r"|remissen (kom|kommer|kommit|skickades|skickats|sändes|sandes|gick)"
    # where the response goes once approved ('Vart tar tjänsteutlåtandet vägen när nämnden har sagt ja?')
    r"|överlämna\w*|overlamna\w*|skickas vidare"
    r"|tar (tjänsteutlåtande\w*|tjansteutlatande\w*|yttrande\w*|svar\w*|remissvar\w*) (vägen|vagen)"
    # what the office proposes its committee decides ('Vad föreslår förvaltningen att nämnden gör …?')
    r"|(föreslår|foreslar|föreslog|foreslog) (\w+ ){0,6}att (nämnden|namnden|the committee)"
    r"|(propos\w*|recommend\w*) (\w+ ){0,3}to (the|its) (\w+ )?committee"  # 'proposing to the traffic committee'
    r"|(kom|kommer|skickade|skickades|skickat|sände|sande|sändes|sandes) remissen|"
    r"svara (på|pa) remissen|(lämna|lamna)\w* (in )?(sitt |sina )?(svar|yttrande|synpunkter)"
    r"|submit\w*|submission|consultation period|last day to (?:reply|respond|answer)"
    r"|drafted|drafting|prepared (?:the|its) (?:response|reply|statement)"  # not 'in the draft': the programme
    # the groups an English question names ('the union consultation group … scheduled to deal with the case')
    r"|union consultation|consultation group|disability council|pensioners'? council|management group"
    r"|scheduled to (?:deal with|handle|discuss)|facket|fackliga|facklig"
    # where the proposal itself is ('Var ligger själva programförslaget?': in an appendix, bilaga 1)
    r"|(var|where) (ligger|finns|hittar \w+|is|can \w+ find) (själva |sjalva |the )?(full |whole |complete )?"
    r"(program|draft )?(förslag|forslag|proposal|draft|programme)\w*"
    r"|hittar inte (själva |sjalva )?(program)?(förslag|forslag)\w*)\b"
    # Who asked for the response: 'Kommunstyrelsen har begärt nämndens yttrande', 'vem har bett X om svar'.
    r"|\b(bett|bad|begärt|begärde|begart|begarde)\b.*\b(yttrande\w*|svar|synpunkter)\b",
    re.I,
)
# Stockholm's districts that did not respond, by name (a proper name, however typed).
_DISTRICTS = (
    r"(?:rinkeby-kista|sp[aå]nga-tensta|h[aä]sselby-v[aä]llingby|bromma|norrmalm|[oö]stermalm|s[oö]dermalm"
    r"|skarpn[aä]ck|farsta|h[aä]gersten-[aä]lvsj[oö]|h[aä]gersten-liljeholmen|sk[aä]rholmen)s?(?![\w-])"
)
# Bodies that are not among the responders but that users ask about.
_BODY = re.compile(
    # A district by its name, with or without the genitive s ('farsta stadsdelsnämnd' typed in lower case).
    r"\b((?!(?:en|ett|varje|vilken|vilka|samtliga|alla|andra|de|den|denna|som|och|eller|från|fran|för|for|till|om|"
    r"i|på|pa|per|hela|egen|egna|sin|sina|din|er|min|vår|var|respektive|berörda|berorda|"
    r"två|tva|tre|fyra|fem|båda|bada|bägge|bagge|dessa|övriga|ovriga|olika|flera|"
    r"vad|hur|har|hade|är|ar|vill|kan|ska|gör|gor|skulle|kunde|borde|bör|bor|måste|maste|får|far|fick|kommer|"
    # nor a question's verb: 'Vad tycker stadsdelsnämnden i …', 'Vilka synpunkter skulle stadsdelsnämnden lämna'
    r"tycker|tyckte|anser|ansåg|ansag|säger|sager|sa|sade|ser|svarade|skrev|föreslår|foreslar)\s)"
    r"[\wåäöÅÄÖ-]+s? stadsdels(?:nämnd|namnd|förvaltning|forvaltning)\w*"
    r"|stadsdels(?:nämnd|namnd|förvaltning|forvaltning)\w* i [\wåäöÅÄÖ-]+"
    r"|[\wåäöÅÄÖ-]*(?:nämnd|namnd|förvaltning|forvaltning|kontor|styrelse)(?:en|ens|s|ernas|erna|et|ets)?"
    r"|[\wåäöÅÄÖ-]*(?:pensionärsråd|pensionarsrad|funktionshinderråd|funktionshinderrad)\w*"
    # 'Rådet för Agenda 2030 var remissinstans – …': up to the question's verb or a dash
    r"|(?:råd|rad)(?:et)? (?:för|for) [\w ]+?(?=\?|$| om\b| (?:var|är|ar|har|hade|fick|svarade|tyckte)\b|\s*[–—,:])"
    r"|[\wåäöÅÄÖ-]*(?<!om)(?:grupp|gruppen|rådet)\b"
    # an owner by a capitalised genitive ('Stockholms polis'), not an English verb ('What does Länsstyrelsen …')
    r"|(?:(?-i:[A-ZÅÄÖ])[\w-]+s )?(?:polisregion \w+|polis\w*|brandförsvar\w*|brandforsvar\w*|räddningstjänst\w*"
    r"|raddningstjanst\w*|länsstyrelse\w*|lansstyrelse\w*)|"
    # 'Region Stockholm', 'Stockholm Business Region' (not 'Region om', 'Region svarat')
    r"region (?!(?:om|och|i|på|pa|har|hade|svara\w*|tyck\w*|ans\w*|sa|sade|skr\w*|respond\w*|repl\w*)\b)\w+"
    r"|(?:[\w-]+ ){1,2}region(?= (?:om|har|hade|svara\w*|tyck\w*|ans\w*|sa|sade|skr\w*|respond\w*|repl\w*|say|said)\b)"
    r"|stadshus\w*|police|fire (?:service|brigade)|fire and rescue services?|rescue services?"
    # national agencies named '-verket' (not 'ramverket', 'nätverket', 'regelverket')
    r"|(?:trafik|skol|bo|migrations|naturvårds|naturvards|skatte|tull|arbetsmiljö|arbetsmiljo)verket\w*"
    r"|(?:pensioners'?|disability) councils?"
    # the city's companies, on remiss lists but among no responders ('Familjebostäder är stora i söderort')
    r"|familjebost[aä]der|svenska bost[aä]der|stockholmshem|micasa(?: fastigheter)?|sisab|skolfastigheter|stokab"
    r"|stockholm vatten(?: och avfall)?|stockholms hamnar?|stockholm parkering|bostadsf[oö]rmedlingen"
    # the city's other districts by name, typed in lower case too ('fick sodermalm ocksa remissen och vad svarade de')
    rf"|{_DISTRICTS}"
    # 'the … committee', not 'companies and administrations', 'for other departments'
    r"|(?!(?:the|a|an|each|every|all|which|what|this|that|these|those|its|their|other|both|any|some|no|two|three|four|five|several|many"
    r"|and|or|of|for|to|with|in|on|at|by|from|own|city|city's)\s)"
    r"[\w-]+ (?:committee|board|administration|department|office|agency)s?\b)",
    re.I,
)
SPECIFIC_IDF = math.log1p(4.0)  # a term in at most about a fifth of the passages
# Names the question sets aside as known ('Vilka andra insatser utöver Mini Maria och Barnahus …?', 'Besides
# Lena Holmdahl, who …'): what it asks goes beyond them.
SET_ASIDE = re.compile(
    r"\b(?i:besides|apart from|other than|except|förutom|forutom|utöver|utover|utom|bortsett från|bortsett fran)\s+"
    r"([A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:(?:\s*,\s*|\s+(?:(?i:och|and|eller|or)\s+)?)[A-ZÅÄÖ][\wåäöÅÄÖ-]*)*)"
)


@dataclass(frozen=True)
class Question:
    """How a question was understood; shown by `trygg ask --json`."""

    text: str  # the question as asked, control characters and extra spaces removed
    query: str  # what retrieval searches for: corrected, and completed by the previous question if a follow-up
    terms: tuple[str, ...]  # analysed index terms of the query
    corrections: dict[str, str] = field(default_factory=dict)  # word as typed -> the documents' spelling
    unknown_terms: tuple[str, ...] = ()  # terms of the question no document uses, even after correction
    translated_terms: tuple[str, ...] = ()  # English terms the glossary's Swedish words in the query stand for
    function_terms: tuple[str, ...] = ()  # English words of no content ('that', 'should'): no document has them
    responders: tuple[str, ...] = ()  # responders the question names, in the store's spelling
    name_terms: tuple[str, ...] = ()  # the terms that name them ('kungsholm'): a passage of theirs holds them anyway
    set_aside_terms: tuple[str, ...] = ()  # the terms of names it sets aside ('utöver Barnahus'): known already
    other_bodies: tuple[str, ...] = ()  # bodies named that are not responders ("polisen", "kulturnämnden")
    years: tuple[int, ...] = ()  # years the question fixes (a period gives its first and last)
    periods: tuple[tuple[int, int], ...] = ()  # programme periods it names ("2020–2023")
    defines: str = ""  # the term a definition question asks about
    answer_type: str = "other"  # quantity, when, who, where, definition, opinion, list, yesno, other
    language: str = "sv"
    follow_up: bool = False
    compares: bool = False
    metadata_field: str = ""  # a document field asked for (assistant/field_questions.py): answered from it
    more_fields: tuple[str, ...] = ()  # fields a second question joined to the first asks for ('… och vilken adress')
    asks_procedure: bool = False  # the remiss's handling or a document field is asked for
    previous_programme: bool = False  # it asks about the programme before ('det förra programmet för 2020–2023')
    overall: bool = False  # about the programme as a whole ('Vad tycker X om programmet?'), not a part of it
    parts: tuple[tuple[str, ...], ...] = ()  # each joined question's own terms ('…, och vad visade enkäten …?')

    @property
    def corrected(self) -> str:
        """The question as asked with its spelling corrections ('socialnämden' -> 'socialnämnden'), no follow-up."""
        return spell(self.text, self.corrections)

    @property
    def defined_term(self) -> str:
        """The term a definition question asks to be defined ('' for any other question)."""
        return self.defines if self.answer_type == "definition" else ""

    @property
    def unweighted_terms(self) -> tuple[str, ...]:
        """Terms that weigh nothing in the wording signals.

        The names of whom it asks (a passage of theirs holds them anyway) and the English words the
        glossary's Swedish words stand for: no document uses them, and left in they would dilute every
        sentence's coverage alike and shut the wording gate; nor do English words of no content. English
        content words it does not translate stay. Nor do the names it sets aside: the sentence that
        holds them is what the user knows already.
        """
        return self.name_terms + self.translated_terms + self.function_terms + self.set_aside_terms

    @property
    def furniture_asked(self) -> tuple[str, ...]:
        """The furniture kinds that may answer.

        Every kind for a document field; for the remiss's handling its procedure and approval sentences and
        the approval table's rows ('Namn Datum'), not the letterhead ('Avdelning Social omsorg Vuxen').
        """
        if self.metadata_field:
            return FURNITURE_KINDS
        return (PROCEDURE, SIGNATURE, PAGE) if self.asks_procedure else ()

    def to_json(self) -> dict[str, object]:
        """The record as plain JSON values."""
        return {
            "text": self.text,
            "query": self.query,
            "terms": list(self.terms),
            "corrections": dict(self.corrections),
            "unknown_terms": list(self.unknown_terms),
            "translated_terms": list(self.translated_terms),
            "function_terms": list(self.function_terms),
            "responders": list(self.responders),
            "name_terms": list(self.name_terms),
            "set_aside_terms": list(self.set_aside_terms),
            "other_bodies": list(self.other_bodies),
            "years": list(self.years),
            "periods": [list(p) for p in self.periods],
            "defines": self.defines,
            "answer_type": self.answer_type,
            "language": self.language,
            "follow_up": self.follow_up,
            "compares": self.compares,
            "metadata_field": self.metadata_field,
            "more_fields": list(self.more_fields),
            "previous_programme": self.previous_programme,
            "asks_procedure": self.asks_procedure,
            "overall": self.overall,
            "parts": [list(p) for p in self.parts],
        }


def is_english(text: str) -> bool:
    """English questions get no lexical support from Swedish text; several stages treat them apart.

    A question is English when more of its words are English than Swedish: the small words of
    each language, and words far more common in one language than in the other (wordfreq), so
    that "Which committees bring up platssamverkan (place-based cooperation around squares)?"
    is English. Swedish typed without å/ä/ö shares small words with English ('for' is 'för'):
    'vad ar programmet for nagot' has more Swedish small words and is Swedish.
    """
    languages = [_language_of(word) for word in re.findall(r"[a-zåäö']+", text.lower())]
    return languages.count("en") > languages.count("sv")


def is_english_word(word: str) -> bool:
    """Whether a word (lower case) is English: a small English word, or far more common in English than in Swedish."""
    return _language_of(word) == "en"


def _language_of(word: str) -> str:
    """'en' or 'sv' for a word (lower case) that tells the language, '' for one that does not."""
    in_english, in_swedish = zipf_frequency(word, "en"), zipf_frequency(word, "sv")
    if word in _ENGLISH or (in_english >= _LANGUAGE_ZIPF and in_english > in_swedish + _LANGUAGE_MARGIN):
        return "en"
    if fold(word) in _SWEDISH or (in_swedish >= _LANGUAGE_ZIPF and in_swedish > in_english + _LANGUAGE_MARGIN):
        return "sv"
    return ""


# What a named responder says or writes about something is its view ("Vad säger trafiknämnden om …").
_SAYS = re.compile(
    r"\b(vad|hur)( [\w-]+){0,6}? (säger|sager|skriver|menar|framför|framfor|tar upp)\b"
    # not what the programme says, as a responder tells it ('eav vad säger programmet om uppföljning')
    r"(?!\s+(?:programmet|trygghetsprogrammet|förslaget|forslaget|programförslaget|programforslaget)\b)"
    r"|\bhur ser (?:(?!ut\b)[\w-]+ ){1,6}?(?:på|pa)\b",  # 'Hur ser Kungsholmen på …' asks its view; '… ut på' does not
    re.I,
)
# ... and so is a terse question that names it, then what about ('soc om extremism?').
_TERSE = re.compile(r"^\s*([\w'’:-]+(?:\s+[\w-]+)?)\s*[:–-]?\s+(?:om|about)\s", re.I)


def _asked_of(kind: str, text: str, responders: Sequence[str], overall: bool) -> str:
    """The answer type, with 'what does a responder say about …' read as asking for its view.

    So is 'Stöder socialnämnden programmet?': yes or no is its verdict on the whole.
    """
    if responders and ((kind == "other" and _SAYS.search(text)) or (kind == "yesno" and overall)):
        return "opinion"
    terse = _TERSE.match(text)  # 'soc om extremism?': the responder named, then its topic
    if responders and kind == "other" and terse and named_responders(terse.group(1), responders):
        return "opinion"
    return kind


def asked_acronym(text: str) -> str:
    """The acronym a bare 'Vad är PDV?' / 'What is VBE?' asks to have spelt out ('' for other questions)."""
    match = _TERM_ASKED.match(text)
    word = match.group(1) if match else ""
    return word if re.fullmatch(r"[\wÅÄÖ]{2,6}", word) and word.isupper() else ""


def asked_term(text: str) -> str:
    """The term a bare 'Vad är rinkebymodellen?' asks to have explained ('' for other questions).

    A genitive before another word asks for a property ('Vad är trafikkontorets faxnummer?').
    """
    if acronym := asked_acronym(text):
        return acronym
    if not (match := _TERM_ASKED.match(text)):
        return ""
    words = match.group(1).split()
    if any(_NOT_A_TERM.match(w) for w in words) or any(w.lower().endswith("s") for w in words[:-1]):
        return ""
    return match.group(1)


def explained_by_use(text: str) -> bool:
    """Whether a question asks what a term is only by naming it ('Vad är rinkebymodellen?').

    What the documents say of the term answers it, a definition or not; 'Vad betyder …' and an
    acronym ask for the explanation itself.
    """
    return bool(asked_term(text)) and not asked_acronym(text)


def answer_type(text: str) -> str:
    """The kind of answer a question asks for."""
    if asked_term(text):
        return "definition"
    if _VIEW_OF_CLAUSE.search(text):  # 'Hur ser X på att programmet visar hur mycket …': its view, not a number
        return "opinion"
    if _NAMES_THEM.search(text):  # 'hur många är de och vad heter de': the list gives the count too
        return "list"
    for name, pattern in _ANSWER_TYPES:
        if pattern.search(text):
            return name
    return "other"


def years_in(text: str) -> tuple[int, ...]:
    """Years a text names; a period '2024–2027' gives both ends."""
    out: list[int] = []
    for first, last in _YEAR.findall(text):
        out.append(int(first))
        if last:
            out.append(int(last) if len(last) == 4 else int(first[:2] + last))
    return tuple(dict.fromkeys(out))


def periods_in(text: str) -> tuple[tuple[int, int], ...]:
    """Periods a text names ('2024–2027', '2020-23')."""
    out = []
    for first, last in _YEAR.findall(text):
        if last:
            out.append((int(first), int(last) if len(last) == 4 else int(first[:2] + last)))
    return tuple(out)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two periods (first year, last year) share a year."""
    return a[0] <= b[1] and b[0] <= a[1]


def without_genitive(body: str) -> str:
    """A body as a sentence names it: 'Kriminalvårdens' -> 'Kriminalvården', 'polisens' -> 'polisen'."""
    return body[:-1] if re.search(r"(en|et|ns)s$", body) else body


def body_in_swedish(body: str) -> str:
    """A body as a Swedish sentence names it: 'the police' -> polisen, 'Kriminalvårdens' -> Kriminalvården."""
    # a name written in Swedish stays as written ('Brå', not the glossary's 'brottsförebyggande')
    return (swedish_term(body, whole=True) if body.isascii() else "") or without_genitive(body)


def other_bodies(text: str, responders: Collection[str]) -> tuple[str, ...]:
    """Bodies the question names that are not responders ('polisen', 'kulturnamnden')."""
    out = []
    for match in _BODY.finditer(text):
        name = match.group(0)
        generic = fold(name.lower()).split()[-1]
        one_word = len(re.findall(r"[^\W_]+", name)) == 1
        if one_word and re.fullmatch(r"(stadsdels)?((namnd|forvaltning|kontor|styrelse)\w*|rad(et|en)?)", generic):
            continue  # 'nämnderna', 'förvaltningen', 'rådet' in general are not one body ('räddningstjänsten' is)
        if mentions(name, responders) or group_asked(name, responders):
            continue  # a responder, or a group of them ('the district committees')
        # the end of a responder's longer English name: 'social services committee' holds 'services committee'
        before = " ".join(re.findall(r"[\w-]+", text[: match.start()])[-2:])
        if mentions(f"{before} {name}", responders) and not mentions(before, responders):
            continue
        # a district's own body after its name: 'the EAV district administration', 'Kungsholmen's district office'
        if fold(name.lower()).startswith("district ") and mentions(before, responders):
            continue
        district = re.fullmatch(_DISTRICTS, name, re.I)
        out.append("-".join(part[:1].upper() + part[1:] for part in name.split("-")) if district else name)
    return tuple(dict.fromkeys(out))


_QUESTION_WORD = re.compile(
    r"\b(vad|vilk\w*|hur|vem|när|nar|var|varför|varfor|what|which|how|who|when|where|why|does|did|do|is|are)\b", re.I
)


def compound_head(t: str, index: LexicalIndex) -> str:
    """The longest word the documents use that ends a term they do not ('gatubelysning' -> 'belysning'), or ''.

    Swedish puts a compound's head last: a gatubelysning is a belysning. The head must be MIN_HEAD letters
    and leave a first part of three; it must be specific (not 'programmet' of '2020–2023-programmet') and a
    term of its own (analysed again, it stays itself).
    """
    for i in range(3, len(t) - MIN_HEAD + 1):
        head = t[i:]
        if head in index.vocab and is_specific(head, index) and index.query_terms(head) == [head]:
            return head
    return ""


def question_parts(
    text: str, english: bool, index: LexicalIndex, responders: Sequence[str] = ()
) -> tuple[tuple[str, ...], ...]:
    """The own terms of each of two or more questions joined in one ('Vad saknar …, och vad visar enkäten …?').

    Each part's specific words that the other parts do not use, and that name none of the `responders`: the
    answer must hold a sentence with them. In English, the glossary's Swedish words for them (a responder's
    too: 'socialtjänsten'). None when the first part asks nothing ('Kungsholmen: vad …').
    """
    clauses = SECOND_QUESTION.split(text)
    if len(clauses) < 2 or not _QUESTION_WORD.search(clauses[0]):
        return ()
    terms = [
        [
            t
            for t in index.query_terms(documents_words(c, True, lambda _: True) if english else c)
            if is_specific(t, index) and not named_responders(t, responders)
        ]
        for c in clauses
    ]
    parts = []
    for i, own in enumerate(terms):
        others = {t for j, ts in enumerate(terms) if j != i for t in ts}
        parts.append(tuple(dict.fromkeys(t for t in own if t not in others)))
    asked = tuple(p for p in parts if p)
    return asked if len(asked) >= 2 else ()  # one part with words of its own is the whole question


def is_follow_up(text: str, own_terms: Sequence[str], has_history: bool) -> bool:
    """A question that leans on the previous one: starts like a continuation, or is a bare pronoun question."""
    if not has_history:
        return False
    if _FOLLOW_UP_START.search(text) or _SAME.search(text):
        return True
    # "Vad tycker de om det?" has no subject of its own; "Hur många fokusområden har programmet?" does.
    return len(own_terms) < _OWN_SUBJECT_TERMS or (bool(_PRONOUN.search(text)) and len(own_terms) <= _OWN_SUBJECT_TERMS)


def without_pronouns(text: str) -> str:
    """The words of a text that point back at nothing ('det platssamverkan' -> 'platssamverkan')."""
    return " ".join(w for w in text.split() if not _PRONOUN.fullmatch(w.strip("?!.,:;()")))


def leans_wholly(text: str, index: LexicalIndex) -> bool:
    """Whether a follow-up takes all of the previous question.

    It has no topic of its own ('Och socialnämnden?', 'Varför då?') or points back at a thing ('Vad innebär det
    för skolorna?', 'Vad tycker Kungsholmen om samma sak?').
    """
    topic = topic_of(text, index.responders)
    # an amount or a count of 'them' is of the things asked about before ('Vad kostade de?' after the investments)
    counted = answer_type(text) == "quantity" and bool(_PRONOUN.search(text))
    return topic == DEFAULT_TOPIC or not index.query_terms(topic) or bool(_THING.search(text)) or counted


def leaned_on(text: str, previous: str, index: LexicalIndex, wholly: bool) -> str:
    """What a follow-up takes from the previous question.

    All of it when it leans wholly on it (`wholly`: `leans_wholly`), but not whom it asked about when the follow-up
    names others ('Och socialnämnden?' after trafiknämnden's view: its passages, not ones naming trafiknämnden);
    only whom it asked about when it brings a topic and points back at them ('Vad tycker de om samverkan?'
    after a question about orsaksanalys).
    """
    if wholly:
        if not named_responders(text, index.responders):
            return previous
        before = named_responders(previous, index.responders)
        kept = without_english_names(previous, before).split()
        return " ".join(w for w in kept if not named_responders(w.strip("?!.,:;"), index.responders))
    return " ".join(named_responders(previous, index.responders)) or previous


def is_specific(term: str, index: LexicalIndex) -> bool:
    """Whether the documents use the term, in few passages (what a question is about, not 'staden')."""
    return term in index.vocab and index.idf[index.vocab[term]] >= SPECIFIC_IDF


def defined_term(text: str, index: LexicalIndex) -> str:
    """The term a definition question asks about; for "… vad betyder det?" the rarest word before it.

    A word that names a responder ("trafikkontoret") says where, not what.
    """
    if term_asked := asked_term(text):
        return term_asked
    if not (match := _DEFINED.search(text)):
        if named := _DEFINITION_OF.search(text):
            kept = itertools.takewhile(lambda w: w.lower() not in _NOT_DEFINED, named.group(1).split())
            # 'Hur definierar trafikkontoret välfärdsbrott?': who defines it is not what
            return " ".join(w for w in kept if not named_responders(w, index.responders) and w.lower() not in _WHOSE)
        return ""
    defined = re.split(r"\s+(?:stand for|mean|för|for|i|enligt|in|according)\b", match.group(1))[0]
    defined = re.sub(r"\s+ut p[åa]$", "", defined, flags=re.I)  # 'vad går den ut på enligt dem'
    if back := _BACK_REFERENCE.match(defined):
        # 'Kungsholmen gillar orsaksanalys – vad går en sådan analys ut på?': the compound named before
        head = fold(back.group(1))
        earlier = [w for w in words(text[: match.start()]) if len(w) > len(head) and fold(w).endswith(head)]
        if earlier:
            return earlier[-1]
    elif fold(defined) not in FOLDED_STOPWORDS | {"it", "that", "this"}:
        return defined
    if _WHICH_ACRONYM.search(text):
        return ""  # 'Vilken förkortning används för polisenheten, och vad står den för?': the acronym is what is asked
    return _rarest_named(text[: match.start()], index)


def _rarest_named(text: str, index: LexicalIndex) -> str:
    """The word of a text the documents use most rarely: what 'det' points back at ('MVP' in 'Programmet tar upp MVP').

    Not a common word ('tar' may be rare in the documents), nor a responder's name.
    """
    known = [
        w
        for w in words(text)
        if w.isalpha()
        and fold(w) not in FOLDED_STOPWORDS
        and term(w) in index.vocab
        and not common_in_swedish(w)
        and not named_responders(w, index.responders)
    ]
    return max(known, key=lambda w: index.idf[index.vocab[term(w)]], default="")


def _translated_terms(text: str, index: LexicalIndex) -> tuple[str, ...]:
    """The terms of the English words the glossary translates ('reducing crime'), that no document uses."""
    spans = [index.query_terms(text[start:end]) for start, end in sorted(glossary_spans(text))]
    return tuple(dict.fromkeys(t for terms in spans for t in terms if t not in index.vocab))


def _function_terms(text: str, index: LexicalIndex) -> tuple[str, ...]:
    """The terms of an English question's words of no content ('that', 'should', 'with'), that no document uses."""
    small = [w for w in re.findall(r"[a-z']+", text.lower()) if w in _ENGLISH_FUNCTION]
    return tuple(dict.fromkeys(t for w in small for t in index.query_terms(w) if t not in index.vocab))


def _in_documents_words(defined: str, english: bool) -> str:
    """An English term asked to be defined as the documents write it ('crime prevention' -> brottsförebyggande)."""
    return (swedish_term(defined) if english and defined else "") or defined


def _spelled_as(known: str) -> Callable[[re.Match[str]], str]:
    """A replacement that keeps the typed word's capital."""
    return lambda m: known.capitalize() if m.group(0)[0].isupper() else known


def spell(text: str, corrections: dict[str, str]) -> str:
    """The text with each word as typed replaced by its correction, capitals kept."""
    for word, known in corrections.items():
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", _spelled_as(known), text, flags=re.I)
    return text


def _name_terms(text: str, responders: Sequence[str], index: LexicalIndex) -> tuple[str, ...]:
    """The index terms of the words that name the responders ('Enskede-Årsta-Vantör', 'trafikkontoret')."""
    tokens = re.findall(r"[^\W_][\w-]*", text)
    named = [t for i, t in enumerate(tokens) if is_name_of(tokens, i, responders)]
    return tuple(dict.fromkeys(t for word in named for t in index.query_terms(word)))


# The glossary's words for a committee in general ('committee' -> nämnd), which every response's title holds.
_BODIES = frozenset({"nämnd", "nämnder"})


def _asks_procedure(text: str, kind: str) -> bool:
    """Whether a question asks about the remiss's handling.

    'Vilka remissinstanser fanns?' asks whom the remiss went to; 'Vad tyckte remissinstanserna?' their views.
    """
    found = [m.group(0).lower() for m in _PROCEDURE.finditer(text)]
    return any(not (f.startswith("remissinstans") and kind == "opinion") for f in found)


def read_question(text: str, index: LexicalIndex, previous: str = "", language: str = "") -> Question:
    """The record of a normalised question; `previous` is the last question of the conversation, if any.

    `language` ('sv', 'en') is the question's language when the caller knows it; else it is read from the text.
    """
    # a bare follow-up in English ('And Kungsholmen?') is too short to tell by its words
    english = language == "en" if language else is_english(text) or bool(previous and _ENGLISH_FOLLOW_UP.match(text))
    corrections = correct_english(text) if english else correct_words(text, index)
    corrections = {**abbreviations_in(text, english), **corrections}  # 'TK' -> trafikkontoret
    corrected = spell(text, corrections)
    own_terms = index.query_terms(corrected)
    follow_up = is_follow_up(text, own_terms, bool(previous))
    wholly = follow_up and leans_wholly(corrected, index)
    query = f"{corrected} ({leaned_on(corrected, previous, index, wholly)})" if follow_up else corrected
    asked_terms = tuple(index.query_terms(query))  # what the question itself says: the rules judge it
    # English takes any word the documents use (it has none of theirs); Swedish only specific ones.
    usable = (lambda t: t in index.vocab) if english else (lambda t: is_specific(t, index))
    responders = named_responders(corrected, index.responders)
    # An English responder's name ('the education committee') says whose document, not what it is about.
    asked_of = without_english_names(corrected, responders) if english else corrected
    added = documents_words(asked_of, english, lambda w: all(usable(t) for t in index.query_terms(w)))
    if responders and english:  # 'the traffic committee' is named: 'trafiknämnden', 'nämnd' would search its letterhead
        added = " ".join(w for w in added.split() if not named_responders(w, index.responders) and w not in _BODIES)
    # An acronym a response spells out: the others may write only its words ('MVP' -> Mentorer i våldsprevention).
    asked = {w.lower() for w in words(corrected)}
    spelled = acronym_words(corrected, index.acronyms)
    added = " ".join([added, *(w for w in " ".join(spelled).split() if w.lower() not in asked)]).strip()
    if not english:  # a compound the documents lack is searched by its head too ('gatubelysningen' -> belysning)
        heads = (compound_head(t, index) for t in own_terms if t not in index.vocab and t not in corrections)
        added = " ".join([added, *dict.fromkeys(h for h in heads if h)]).strip()
    if added:
        query = f"{query} ({added})"  # the documents' own words for what it asks (assistant/glossary.py)
    inherited = not responders and follow_up
    if inherited:
        responders = named_responders(previous, index.responders)
    field_name = asked_field(corrected, bool(responders))
    compares = asks_comparison(text) or asks_comparison(corrected) or len(responders) >= 2
    if field_name == "beslutsförslag" and (compares or len(SECOND_QUESTION.split(corrected)) > 1):
        field_name = ""  # proposals set side by side, or asked with more: the comparison or text answers the rest
    overall = any(about_whole_programme(t, responders) for t in (text, corrected))  # 'stadsdelsnämd' mended
    kind = _asked_of(answer_type(corrected), corrected, responders, overall)
    if wholly:
        # 'Och socialnämnden?' or '… om samma sak?' after 'Vad tycker trafiknämnden om programmet?' asks the same of
        # another: of the whole, as the previous question asked it, and of its kind when it says none of its own
        overall = overall or about_whole_programme(previous, index.responders)
        previous_kind = answer_type(previous) if kind == "other" else kind
        kind = _asked_of(previous_kind, previous, responders or named_responders(previous, index.responders), overall)
    if inherited and kind == "definition":
        responders = ()  # what a word means is read wherever a document spells it out, not only where it was met
    defined = defined_term(corrected, index)
    if follow_up and re.fullmatch(_NAMED_AGAIN, defined, re.I):  # 'Vad betyder förkortningen?': the one just named
        # an acronym the documents spell out ('ANDT'), not any capitalised word ('Vad'); else what the question
        # before defined, or its rarest word
        named = [m.group(0) for m in _ACRONYM.finditer(previous) if m.group(0) in index.acronyms]
        defined = (named[-1] if named else defined_term(previous, index) or _rarest_named(previous, index)) or defined
    defined = _in_documents_words(defined, english)
    if kind == "definition" and defined and "definier" not in fold(query):
        query = f"{query} (definieras)"  # how the documents introduce a definition ('Vidare definieras att …')
    return Question(
        text=text,
        query=query,
        terms=asked_terms,
        unknown_terms=tuple(t for t in own_terms if t not in index.vocab),
        translated_terms=_translated_terms(asked_of, index) if english else (),
        function_terms=_function_terms(asked_of, index) if english else (),
        corrections=corrections,
        responders=responders,
        name_terms=_name_terms(corrected, responders, index),
        set_aside_terms=tuple(dict.fromkeys(t for m in SET_ASIDE.findall(corrected) for t in index.query_terms(m))),
        other_bodies=other_bodies(corrected, index.responders),
        years=years_in(text),
        periods=periods_in(text),
        defines=defined,
        answer_type=kind,
        language="en" if english else "sv",
        follow_up=follow_up,
        compares=compares,
        metadata_field=field_name,
        more_fields=further_fields(corrected, bool(responders), field_name) if field_name else (),
        asks_procedure=bool(field_name) or _asks_procedure(corrected, kind) or asks_title_holder(corrected),
        previous_programme=bool(PREVIOUS_PROGRAMME.search(corrected)),
        overall=overall,
        parts=() if field_name else question_parts(corrected, english, index, responders),
    )
