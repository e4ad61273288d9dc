"""Which of a document's own fields a question asks for: answered from the letterhead, not from passages.

Users rarely name the field: "Vem kan jag ringa på trafikkontoret?" asks for the handläggare
and a telephone number, "Vad skickades med?" for the attachments, "Vilka chefer står med?" for
the signatories. A date question asks for the document's date only when it asks when the
document itself is dated, not when something happened (a decision, a meeting, a deadline);
a committee's decision or meeting date is a field of its own, which these documents, written
before the decision, do not state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.responder_names import named_responders

_WORDS = re.I
# the handläggare by name or as the one who handled the case ('den som handlagt', which spelling may make 'handlat')
_HANDLER = (
    r"handl[aä]g{1,2}are\w*|case officer|(den|personen) som (handlagt|handlat|handlade|handlägger|handlagger)"
    # 'Who handled the traffic committee's response?'
    r"|who (handled|handles|is handling|was handling|dealt with) ([\w']+ ){0,4}(response|reply|case|matter|statement"
    r"|referral)"
)
_PHONE = r"telefon\w*|phone\w*|(nummer|numret) till|direktnummer\w*|direktnr|mobilnummer\w*"
_RESPONSE = r"(remissvar|yttrande|tjänsteutlåtande|tjansteutlatande|svar)\w*"
# The words the field patterns know, so that a misspelt one is read as meant ('orgnuummer').
FIELD_WORDS = (
    "handläggare kontaktperson telefonnummer telefon växelnummer växel organisationsnummer orgnummer "
    "diarienummer ärendenummer adress besöksadress postadress bilagor bilaga mottagare avsändare "
    "underskrifter undertecknat undertecknade datum daterat tjänsteutlåtande yttrande remissvar e-postadress "
    "svarsfrist svarsdatum remisstid beslutsförslag"
).split()
# Checked in order: the first field whose words a question uses is the one it asks for. A contact
# channel asked for (e-mail, address) wins over the handläggare it belongs to; a handläggare and
# a telephone number together, or someone to call, are a contact.
METADATA_FIELDS: dict[str, re.Pattern[str]] = {
    "kontakt": re.compile(
        r"\b(ringa|ring|ringer|kontaktperson\w*|kontaktuppgift\w*|contact person|contact details)\b"
        r"|\bvem\b.*\b(kan|ska|skall|bör|bor|kan man)\s+(jag|man|vi)\s+"
        r"(kontakta|fråga|fraga|vända|vanda|höra av|hora av|prata med)\b"
        r"|\bwho (can|should|do|would|could) (i|we|one) (call|contact|ask|talk to|speak to|turn to)\b"
        r"|\b(i|we) (need|want|have|would like|must) (to )?(call|phone|ring|contact|reach)\b"
        r"|\b(vart|till vem) (ska|kan|skall) (jag|man|vi) (skicka|vända|vanda)\b(?! (brev|post|saker|handlingar))"
        r"|\bskicka (frågor|fragor|synpunkter) (om|till|på|pa)\b"
        r"|\bvem (vänder|vander) (jag|man|vi) (mig|sig|oss) till\b"
        r"|\bvem\b.*\bhur (når|nar) (jag|man|vi)\b"
        # whose a telephone number is: '08-50833898 – vems nummer är det?'
        r"|\b0\d{1,3}-\d{5,8}\b.*\b(vems|vem|whose|who)\b|\b(vems|vem|whose|who)\b.*\b0\d{1,3}-\d{5,8}\b"
        rf"|\b({_HANDLER})\b.*\b({_PHONE})\b|\b({_PHONE})\b.*\b({_HANDLER})\b",
        _WORDS,
    ),
    "e-post": re.compile(r"\b(e-post\w*|epost\w*|mejl\w*|mail\w*|e-mail|email\w*)\b", _WORDS),
    # the date the remiss was to be answered by ('Vilket var sista svarsdatum?', 'När skulle yttrandet senast in?')
    "svarsfrist": re.compile(
        # (not the date a state inquiry reports by: 'Utredningen ska lämna sitt förslag senast …', nor with what
        # the deadline did or another event asked too: '… och hur påverkade den beslutet?', '… dag för behandlingen')
        r"^(?!.*\b(utredning\w*|utredare\w*|investigat\w*|commission\w*|inquiry|regeringen|government"
        r"|påverka\w*|paverka\w*|behandl\w*|beslut\w*|sammanträd\w*|sammantrad\w*|justera\w*|affect\w*|decision\w*"
        # nor a goal's ('an insecurity goal with a deadline in the mid-2020s')
        r"|mål|målet|malet|målen|goals?|targets?)\b)"
        r"(?:.*?)"
        r"(\b(svarsdatum\w*|svarsdag\w*|sista (svars|remiss)?(dag|datum|dagen|datumet)|svarstid\w*|svarsfrist\w*"
        r"|remisstid\w*|remissfrist\w*|deadline\w*|due date|due by|cut-?off\w*|closing date)\b"
        # ('Socialnämndens yttrande: vilket slutdatum gällde för remissen?')
        r"|\bslutdatum\w*\b[^?]*\bremiss\w*|\bremiss\w*\b[^?]*\bslutdatum\w*"
        r"|\b(när|nar|vilket datum|vilken dag)\b[^?]*\bsenast\b"
        # 'När ska remissen vara besvarad?', 'When did the committees have to reply by?'
        r"|\b(när|nar|vilket datum|vilken dag)\b[^?]*\bremiss\w*\b[^?]*\b(besvara[ds]?|besvarats|vara inne)\b"
        r"|\bwhen\b[^?]*\b(reply|respond|answer)\b[^?]*\bby\b"
        # 'by which date Kungsholmen had to reply to the referral'
        r"|\bby (which|what) (date|day)\b[^?]*\b(reply|respond|answer|submit|send)\w*)",
        _WORDS,
    ),
    "adress": re.compile(
        r"\b(\w*adress\w*|address|postnummer\w*|postnr|box)\b"
        # a street asked for, the footer that holds it, or post to send ('vilken gata står i sidfoten?')
        r"|\b(vilken|vilket|which|what) (gata|gatan|street)\b|\bsidfot\w*|\bfooter\b|\bskicka (post|brev)\b"
        r"|\b(vart|var|vilken adress) (\w+ ){0,3}(posta|skicka) (\w+ ){0,2}"
        r"(post|brev|saker|handlingar|till (dem|dom|er|den))\b"
        r"|\bvar (ligger|finns|sitter) (\w+ ){0,2}?\w*(kontoret|förvaltningen|forvaltningen)\b",
        _WORDS,
    ),
    "handläggare": re.compile(
        rf"\b({_HANDLER})\b|\bvem handl[aä]g{{1,2}}er\b"
        # 'Vem handlade ärendet …', 'Vilken tjänsteperson handlade socialförvaltningens yttrande?'
        r"|\b(vem|vilken (tjänsteperson|tjansteperson|tjänsteman|tjansteman|person|medarbetare))\b.*\bhandlade\s+"
        rf"(\S+\s+){{0,6}}?(ärende\w*|arende\w*|remiss\w*|frågan|fragan|{_RESPONSE})"
        r"|\bvem\b.*\b(skrev|skrivit|författade|forfattade|tog fram|tagit fram|ta fram)\s+"
        rf"(\S+\s+){{0,3}}?{_RESPONSE}"
        rf"|\bwho (wrote|drafted)\s+(\S+\s+){{0,4}}?(response|statement)",
        _WORDS,
    ),
    "organisationsnummer": re.compile(
        r"\b(organisationsnummer\w*|orgnummer\w*|org\.? ?nr|orgnr|organi[sz]ation(al)? number)\b", _WORDS
    ),
    "mottagare": re.compile(
        r"\b(mottagare\w*|adresserad\w*|addressed to|recipient)\b|\bto (which|whom|what)\b.*\baddressed\b"
        r"|\b(ställt|stallt|ställd|stalld|riktat|riktad|skrivet|skrivit) till (vilken|vem|vilka)\b"
        r"|\btill (vilken nämnd|vem) (är|ar|var) \w* ?(yttrande|svar|tjänsteutlåtande|tjansteutlatande|remissvar)\w*",
        _WORDS,
    ),
    # Whom the remiss went to: 'Vilka remissinstanser fanns?', 'vilka andra organ fick förslaget för yttrande?'
    # (not who responded, nor what they say or do: 'Vilka remissinstanser har svarat?', 'Vilka remissinstanser
    # kommenterar mängden exempel?', '… tyckte remissinstanserna')
    "remissinstanser": re.compile(
        r"^(?!.*\b(svara\w*|yttrat|yttrade|tyck\w*|ans[aåe]g?\w*|synpunkt\w*|komment\w*|tar upp|tog upp|nämner|namner"
        r"|skriver|skrev|lyfter|lyfte|kritis\w*|föreslår|foreslar|föreslog|foreslog|vill|menar|ser|såg|sag|beskriver"
        r"|betonar|säger|sager|sade|efterfråga\w*|efterfraga\w*|saknar|önskar|onskar|positiv\w*|negativ\w*|kritisk\w*"
        r"|överens|overens|responded|replied|think|thought|said|say|says|comment\w*|mention\w*|rais\w*|support\w*"
        r"|criticis\w*|want\w*|propos(e|es|ed|ing)|invändning\w*|invandning\w*|invänder|invander|objection\w*|object(s|ed))\b)"
        r".*(\b(vilka|vilken|vem|which|who)\b.*\b(remissinstans\w*|fick (\w+ ){0,2}(remissen|förslaget|forslaget"
        r"|programförslaget|programforslaget)|för yttrande|for yttrande|referral bodies|consultation bodies"
        r"|(sent|referred) (\w+ ){0,3}(for|to) (consultation|comment))"
        # the list it was sent to, named before or after the question word ('Remisslistor: vilka instanser …?')
        r"|\b(remisslist\w*|sändlist\w*|sandlist\w*|referral lists?|mailing lists?)\b.*\b(vilka|vilken|which|who)\b"
        # the remiss named first, then who got it: '… remissen gick inte bara till nämnderna. Vilka … fick den?'
        r"|\bremiss\w*\b.*\b(vilka|vilken|vem)\b.*\bfick (den|det)\b"
        r"|\b(vilka|vilken|which|who)\b.*\b(remisslist\w*|sändlist\w*|sandlist\w*|referral lists?|mailing lists?))"
        # whom it was sent to, whatever the responses are said to do ('Which responses say who the referral was sent
        # to?')
        r"|\b(who|whom|vilka|vem)\b[^?]*\b(referral|remissen|remiss|proposal|draft|förslaget|forslaget)\b[^?]{0,20}"
        r"\b(was sent|were sent|went|skickades|skickats|gick) (to|till)\b",
        _WORDS,
    ),
    "växel": re.compile(r"\b(växel\w*|vaxel\w*|switchboard)\b", _WORDS),
    "dnr": re.compile(
        r"\b(dnr|diarienum\w*|diarienr|ärendenummer|arendenummer"
        r"|(registration|case|reference|file|diary|record|ks) (numbers?|no\.?)"
        r"|registration( /|,| or) case number)(?!\w)",
        _WORDS,
    ),
    "telefon": re.compile(
        rf"\b({_PHONE}|telefonnummer|(på|pa|on) (vilka|vilket|which|what) (nummer|numbers?))\b", _WORDS
    ),
    # What the office proposes the committee decide ('Vilket beslut föreslås trafiknämnden fatta?', 'förslag till
    # beslut', 'What decision is the committee asked to take?'); not whether or when a decision was taken
    "beslutsförslag": re.compile(
        r"\b(förslag\w* till beslut|forslag\w* till beslut|beslutsförslag\w*|beslutsforslag\w*)\b"
        r"|\b(vilket|vad för|vad for|vad för ett) beslut\b[^?]*\b(föreslå\w*|foresla\w*)"
        r"|\b(föreslå\w*|foresla\w*)\b[^?]*\b(besluta|beslutar|beslutas)\b"
        r"|\bwhat (decision|resolution)\b[^?]*\b(propos\w*|recommend\w*|asked to (take|make))"
        r"|\b(propos\w*|recommend\w*)\b[^?]*\b(decides?|resolves?)\b",
        _WORDS,
    ),
    "bilagor": re.compile(r"\b(bilag\w*|bifoga\w*|skickades med|skickats med|attachment\w*|enclosure\w*)\b", _WORDS),
    "beredning": re.compile(
        r"\b(berett\w*|bered\w*"
        # who wrote it: 'Vilken del av organisationen skrev underlaget?'
        r"|(skrev|skrivit|tagit fram|tog fram) underlaget|vilken del av (organisationen|förvaltningen|forvaltningen)"
        r"|(skrev|skrivit) (svaret|yttrandet|remissvaret|tjänsteutlåtandet|tjansteutlatandet)"
        # the unit that wrote it: '… är det den avdelningen som skrev socs yttrande?'
        r"|(avdelning|enhet)\w* som (skrev|skrivit|tog fram|tagit fram)"
        r"|(tagit|tog|tar|arbetat|arbetade|jobbat|jobbade|jobbar) fram (underlaget (till |för |for )?)?"
        r"(svar|yttrande|remiss?var|tjänsteutlåtande|tjansteutlatande)(et|t)?"  # also as the spelling mends it
        r"|(ärendet|arendet|svaret|yttrandet|remissvaret|tjänsteutlåtandet|tjansteutlatandet)\b"
        r".*\b(tagits|arbetats) fram"
        r"|prepared|prepare (the )?(matter|case|response|reply|statement)"
        r"|(departments|units|divisions) (were )?involved(?=\s*[?.]?\s*$)"
        r"|(which|what) (unit|department|section|division)\b.*\b(drafted|drew up|wrote|prepared)"
        # which councils and groups dealt with it before the committee ('Vilka råd fick tycka till?', 'which internal
        # groups or councils got to look at it?'); one council named is asked of in the passages
        r"|(vilka|vilket|which|what) ([\w-]+ ){0,2}(råd|rad|råden|raden|grupper|councils?|groups?|bodies)\b[^?]{0,60}"
        r"\b(behandla\w*|tycka till|tyckt till|ta del av (det|ärendet|arendet|tjänsteutlåtandet|tjansteutlatandet)"
        r"|(look(ed)? at|review(ed)?|consulted on|handled|went through|see|saw)"
        r" (it|the (matter|case|response|draft))))\b",
        _WORDS,
    ),
    # Which programme period a response concerns ('Vilken programperiod gällde förslaget EÅV yttrade sig över?',
    # '… 2024–2027, eller en tidigare omgång?'); a period in which something happens is asked with 'under'.
    "programperiod": re.compile(
        r"(?<!under )\b(vilken|vilket|which|what)\s+(\w+\s+)?(programperiod\w*|tidsperiod\w*|period\w*)\b"
        r"(?=.*\b(program\w*|förslag\w*|forslag\w*|yttra\w*|remiss\w*|svar\w*|synpunkter|proposal|response))"
        r"|\beller (en|ett|det) (tidigare|förra|forra|äldre|aldre) (omgång|omgang|program\w*)\b"
        r"|\b(vilken|which|what)\s+(programme|program) period\b"  # the programme named in it
        # how long it runs: 'Hur länge gäller det nya programmet?', 'How long will the new programme run?'
        r"|\bhur (länge|lange|lång tid|lang tid)\b[^?]*\b(gäller|galler|löper|loper)\b[^?]*\bprogram"
        r"|\bhur (länge|lange)\b[^?]*\bprogram\w*\b[^?]*\b(gälla|galla|gäller|galler|löpa|lopa|löper|loper)\b"
        r"|\bhow long\b[^?]*\b(programme|program)\b[^?]*\b(run|last|apply|cover|be in force)\b"
        # the responses sorted by it: 'Sort the five replies by programme period'
        r"|\b(sort\w*|group\w*|grupper\w*|ordna\w*|dela\w* upp)\b.*\b(by|per|efter)\s+(programme |program )?"
        r"(programperiod|period)\b",
        _WORDS,
    ),
    "avsändare": re.compile(
        r"\b(avsändar\w*|avsandar\w*|avsändande|avsandande|sender|vem skickade|vem har skickat"
        r"|från vilken (avdelning|förvaltning|enhet)|fran vilken (avdelning|forvaltning|enhet)"
        r"|vilken (avdelning|enhet) (står|star|har skrivit|skrev|skickade)"  # 'Vilken avdelning står i sidhuvudet?'
        # 'Vilken avdelning kommer svaret från?', 'which department is the statement from'
        r"|vilken (avdelning|enhet)\b[^?]{0,40}\b(från|fran)|(which|what) (department|unit|division)\b[^?]{0,40}\bfrom"
        r"|from (which|what) (department|unit|division)"
        # the unit the letterhead names: 'Vilken avdelning på kontoret står på svaret?', 'which unit is listed on it'
        r"|vilken (avdelning|enhet)\b[^?]{0,40}\b(står|star) (på|pa|i)"
        r"|(which|what) (department|unit|division|section)\b[^?]{0,40}\b(is |are )?(listed|named|given|shown|stated)"
        # the unit in the letterhead: 'Which department … appears in the letterhead of the response?'
        r"|(vilken|vilket|which|what) (avdelning|enhet|department|unit|division|section)\b[^?]{0,60}"
        r"\b(sidhuvud\w*|brevhuvud\w*|letterhead|header)"
        r")\b",
        _WORDS,
    ),
}
# A date or a day asked for.
_DATE_ASKED = re.compile(
    r"\b(datum(en|et|s)?|dater\w*|dagtecknad\w*|vilken dag|när (skrevs|skrev)|nar (skrevs|skrev)"
    # 'On which dates were the responses written?' (not 'on what dates did the council deal with it': an event)
    r"|what date|(what|which) dates (was|were|is|are)|the date|dated|when (was|were) (\S+ ){0,6}?(written|dated))\b",
    _WORDS,
)
# ... of the document itself.
_DOCUMENT = re.compile(
    # (not the time given to answer: 'svarstiden', 'svarsfristen')
    r"\b((tjänste)?utlåtande\w*|(tjanste)?utlatande\w*|yttrande\w*|remissvar\w*|svar(?!stid|sfrist)\w*|dokument\w*|skrivelse\w*"
    # the head of its first page, where the date stands ('Vilket datum står i sidhuvudet?')
    r"|sidhuvud\w*|brevhuvud\w*|responses?|documents?|statements?|headers?|letterheads?)\b",
    _WORDS,
)
# Something that happened on a date, which is not the document's own date.
_EVENT = re.compile(
    r"\b(beslut\w*|fattade|fattat|sammanträd\w*|sammantrad\w*|möte\w*|mote\w*|antog\w*|antag\w*|behandla\w*"
    r"|justera\w*|senast|deadline|lämna\w*|lamna\w*|godkän\w*|godkan\w*|attest\w*|skulle|ska|skall|mottog|remitter\w*"
    r"|trädde|tradde|gäller|galler|gällde|gallde|började|borjade|löper|loper|decid\w*|meet\w*|approv\w*|adopt\w*"
    r"|sista|svarsdag\w*|remisstid\w*|löpte|lopte)\b",
    _WORDS,
)
# A committee's own decision or meeting.
_DECISION = re.compile(
    r"\b((fattade|fattat|tog|togs) (\w+ ){0,2}beslut|beslutade|beslöt|beslot|sammanträdde|sammantradde|decided)\b"
    # the date itself named: 'Socialnämndens sammanträdesdatum för beslutet'
    r"|\b(sammanträdesdatum|sammantradesdatum|sammanträdesdag|sammantradesdag|beslutsdatum|beslutsdag)\w*",
    _WORDS,
)
WHEN = re.compile(r"\b(när|nar|vilket datum|vilka datum|vilken dag|\w*datum\w*|when|what date|which dates?)\b", _WORDS)
# Bodies above the committees, whose decisions the documents do tell ("Kommunfullmäktige antog 2021 …").
_CITY_BODIES = re.compile(r"\b(kommunfullmäktige|kommunfullmaktige|fullmäktige|fullmaktige|kommunstyrelsen)\b", _WORDS)
# People on the document: signatories named by title, or asked for as signing.
_NAMES_OR_TITLES = r"(namn\w*|titl\w*|person\w*|names?|titles?|who)"
_FOOT_OF_PAGE = r"(längst ne[rd]|langst ne[rd]|nederst|at the (bottom|end))"
_SIGNING = re.compile(
    r"\b(underteckn\w*|signer\w*|skrivit under|skrev under|underskrift\w*|signed|signator\w*|signatures?|attester\w*)\b"
    r"|\bsign(s|ed|ing)? (it |the [\w-]+ )?off\b|\bsign-off\b"  # 'On what date did the director sign off the response?'
    r"|^\s*(vem|vilka|who) (har )?(godkände|godkänt|godkande|godkant|approved)\b"
    # the digital approvals at a response's foot ('Detta dokument har godkänts digitalt av följande personer')
    r"|\b(digital(ly)? approv\w*|approvals?|approved digitally|godkänts digitalt|godkants digitalt"
    r"|digitalt godkän\w*)\b"
    # the names at the foot of a response ('Namn och titlar längst ner i … – vilka personer är det?')
    rf"|\b{_NAMES_OR_TITLES}\b.{{0,60}}\b{_FOOT_OF_PAGE}\b|\b{_FOOT_OF_PAGE}\b.{{0,80}}\b{_NAMES_OR_TITLES}\b"
    # the head of the office that wrote the response signs it ('Vem leder trafikkontoret?')
    # ('Who is the head of the social services administration?')
    r"|\b(vem|who)\s+(leder|ledde|styr|heads?|leads?|runs?|(is|was) (the )?(head|chief|director) (of|at))"
    r"\s+(the\s+)?([\w-]+\s+){0,2}[\w-]*(förvaltning|forvaltning|kontor|office|administration)\w*\b"
    # the managers named on a response ('Which three managers are named on the traffic committee's response?')
    r"|\b(managers?|chefer|cheferna)\b.{0,40}\b(named|listed|står|star|nämns|namns)\b.{0,40}"
    r"\b(response|statement|remissvar\w*|svar\w*|yttrande\w*|tjänsteutlåtande\w*|tjansteutlatande\w*)",
    _WORDS,
)
# A named person's title or role asked for ('What is Anna Hamlin's job title?', 'Vilka roller har Ulrika Falk och
# Tove Nilsson?'): the signatories' titles, when the person signs a document (checked against the documents).
ROLE_OF = re.compile(
    r"\b(titel|titlar|titeln|title|befattning\w*|roll|rollen|roller|role|roles|position|tjänst|tjanst|job)\b"
    r"|^\s*(vem|who)\s+(är|ar|var|is|was)\s+[A-ZÅÄÖ]",  # 'Vem är Anna Hamlin?'
    _WORDS,
)
# How to reach a named person ('Hur når jag Kristoffer Bengtsson?', 'få tag på handläggaren Jenny Lindfors').
CONTACT_OF = re.compile(
    r"\b(når|nå|nås|nas|kontakta\w*|ringa|ringer|ring|mejla|maila|(få|får (jag|man|vi)) tag på"
    r"|(fa|far (jag|man|vi)) tag pa|reach|contact|get hold of|call|e-?mail)\b",
    _WORDS,
)
TITLE = re.compile(r"\b(\w*chef\w*|\w*direktör\w*|\w*direktor\w*|ordförande\w*|ordforande\w*)\b", _WORDS)
# A name asked for in so many words ('Namn på ordföranden?', 'Name of the chair?').
NAME_ASKED = r"(namn|namnet) på|(the )?names? of"
_PERSON_ASKED = re.compile(
    rf"^\s*(vem|vilka|vilken|vad heter|who|which|{NAME_ASKED})\b|\bvem\b"
    r"|\bvad heter (hon|han|hen|den|personen)\b"
    # the names asked in keywords ('trafikkontoret förvaltningschef avdelningschef - namnen')
    r"|\b(namn|namnen|names?)\s*[?.]?\s*$"
    # 'När godkände utbildningsdirektören …': the approval list
    r"|\b(godkände|godkande|godkänt|godkant|attesterade|attesterat|approved)\b",
    _WORDS,
)
_WHO = re.compile(r"\b(vem|who)\b|\bvad heter\b", _WORDS)
# A title in a question about duties ("Vilket ansvar har chefer?") asks about the programme.
_DUTIES = re.compile(
    r"\b(ansvar\w*|roll\w*|ska|skall|bör|bor|uppgift\w*|uppdrag\w*|arbeta\w*|gör|gor|göra|gora|förväntas|forvantas"
    r"|duties|role|responsib\w*)\b",
    _WORDS,
)


# The programme before the one a response answers ('det förra programmet för 2020–2023').
PREVIOUS_PROGRAMME = re.compile(r"\b(förra|forra|gamla|tidigare|föregående|foregaende)\s+(trygghets)?program", _WORDS)


# A contact asked for a subject, not for the response ('kontaktperson för Cosafe', 'contact person for Cosafe'):
# only the response's own handläggare is given.
_CONTACT_FOR = re.compile(
    r"\b(kontaktperson\w*|contact person|handläggare|handlaggare|person responsible)\s+(för|for|om|about|on)\s+"
    r"((?:[\w-]+\s+){0,3}?[\w-]+)(?=\s+(på|pa|at|in|hos|inom|vid)\b|\s*[?.,]|\s*$)",
    _WORDS,
)
_OF_RESPONSE = re.compile(
    rf"\b({_RESPONSE}|remiss\w*|ärende\w*|arende\w*|response|reply|statement|referral|consultation|"
    r"\w*nämnd\w*|\w*namnd\w*|\w*förvaltning\w*|\w*forvaltning\w*|\w*kontor\w*|committee|office|administration|"
    r"dem|den|det|them|it|this|that)\b",
    _WORDS,
)


def contact_subject(text: str, responders: Iterable[str]) -> str:
    """The subject a contact is asked for when it is not a response ('Cosafe'), '' when none is."""
    match = _CONTACT_FOR.search(text)
    if not match or _OF_RESPONSE.search(match.group(3)) or named_responders(match.group(3), responders):
        return ""
    return match.group(3)


def asks_title_holder(text: str) -> bool:
    """Whether the question asks who holds a title ('Vem är förvaltningschef …'), not what its holders do.

    'Vem är ordförande … som ska fatta beslut' asks the person, whatever it adds; 'Vilken roll har cheferna' does not.
    """
    if not TITLE.search(text) or not _PERSON_ASKED.search(text):
        return False
    return bool(_WHO.search(text)) or not _DUTIES.search(text)


# Who led or heads a unit: a person, not the unit a field names.
_LEADER = re.compile(r"\b(vem|who)\s+(ledde|leder|led|leads|headed|heads|var chef|är chef|ar chef|was head)\b", _WORDS)


# The minutes of the committee's meeting, checked and signed ('justeras omedelbart'): the handling, no signatory.
_MINUTES = re.compile(r"\b(minutes|protokoll\w*|justera\w*|justering\w*)\b", _WORDS)


# A view asked for, not who dealt with the case ('Vilka synpunkter hade pensionärsrådet?'; 'fick de tycka till?' asks
# whether they could comment).
_VIEW_ASKED = re.compile(
    r"\b(tyckte|tycker|tyckt|synpunkt\w*|åsikt\w*|asikt\w*|invändning\w*|invandning\w*|medhåll|medhall|ansåg|ansag"
    r"|anser|think|thought|views?|opinions?|said|say|says|comments?|objections?)\b",
    _WORDS,
)
# Units of an office, asked for as who prepared a response.
_UNITS = re.compile(r"\b(avdelning\w*|enhet\w*|staben|units?|departments?|divisions?)\b", _WORDS)


# Why something is proposed, which the text says ('… och vad är motiveringen till omedelbar justering?').
_WHY = re.compile(r"\b(varför|varfor|motiver\w*|anledning\w*|why|reasons?)\b", _WORDS)


def asked_field(text: str, names_responder: bool) -> str:
    """The field a question asks for ('' for none); `names_responder`: it names a responder."""
    about_programme = bool(re.search(r"program", text, _WORDS)) and not re.search(rf"\b{_RESPONSE}", text, _WORDS)
    if (_SIGNING.search(text) and not _MINUTES.search(text)) or (asks_title_holder(text) and not about_programme):
        return "underskrifter"
    committee = names_responder or bool(re.search(r"\bnämnd\w*|\bnamnd\w*", text, _WORDS))
    if committee and WHEN.search(text) and _DECISION.search(text) and not _CITY_BODIES.search(text):
        return "beslutsdatum"
    if _DATE_ASKED.search(text) and _DOCUMENT.search(text) and not _EVENT.search(text):
        return "datum"
    field = next((name for name, pattern in METADATA_FIELDS.items() if pattern.search(text)), "")
    if field == "handläggare" and _UNITS.search(text) and METADATA_FIELDS["beredning"].search(text):
        field = "beredning"  # 'Vem … tog fram remissvaret – staben ensam eller flera avdelningar?': the units
    if field == "beslutsförslag" and _WHY.search(text):
        return ""  # why the decision is proposed ('… och vad är motiveringen till omedelbar justering?'): the text
    if field == "beredning" and _LEADER.search(text):
        return ""  # 'Vem ledde avdelningen när soc beredde ärendet?': a person, whom no field names
    if field == "beredning" and _VIEW_ASKED.search(text):
        return ""  # 'Vad tyckte pensionärsrådet …?': what a council said, which the minutes hold, not the documents
    if (
        field == "dnr"
        and (not names_responder or PREVIOUS_PROGRAMME.search(text))
        and re.search(r"program", text, _WORDS)
    ):
        return ""  # the programme's own dnr is in its running text, not in a letterhead
    return field


# A second question joined to the first: '… står som avsändare, och vilken gatuadress har den?'
SECOND_QUESTION = re.compile(
    r"(?:,?\s+(?:och|samt|and)|\s+[–—-]|[,;:?])\s+"
    # ('… och på vilka nummer?': a preposition first)
    r"(?=(?:(?:på|pa|till|med|on|at|to|with)\s+)?(?:vilken|vilket|vilka|vem|när|nar|var|vart|hur|vad|what|which|who"
    r"|when|where)\b)",
    _WORDS,
)
# Two fields named in one question: 'Vilken postadress och växelnummer har …?'
_JOINED_FIELDS = re.compile(r"\s+(?:och|samt|and)\s+|,\s+|\s*[+&]\s*", _WORDS)  # 'org nr + numret till växeln'
# Fields a contact answer already gives.
_PART_OF = {"kontakt": ("handläggare", "telefon")}


def further_fields(text: str, names_responder: bool, first: str) -> tuple[str, ...]:
    """The fields each of two joined questions asks for, besides `first` (the whole's) and what it gives."""
    clauses = SECOND_QUESTION.split(text)
    if len(clauses) == 1:
        clauses = _JOINED_FIELDS.split(text)
    out: list[str] = []
    for clause in clauses if len(clauses) > 1 else []:
        field = asked_field(clause, names_responder)
        if field and field != first and field not in _PART_OF.get(first, ()) and field not in out:
            out.append(field)
    return tuple(out)
