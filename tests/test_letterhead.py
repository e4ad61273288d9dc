"""Metadata answers, table by table: which field a question asks for, and what the answer says.

Fast: the bundled corpus is read and chunked without a store or a model, and each question is
answered from its documents' own fields as `trygg ask` would answer it (assistant/letterhead.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from assistant.compose import led_by_answer
from assistant.field_questions import asked_field
from assistant.letterhead import cited_first, letterhead_answer, person_field, read_field, read_signatories
from assistant.letterhead_fields import FIELDS
from assistant.question import read_question
from assistant.records import Citation, Hit
from assistant.settings import BUNDLED_CORPUS, load_settings
from ingest.pipeline import read_all_chunks
from vectorstore.lexical import IndexedChunk, LexicalIndex
from vectorstore.records import Chunk, DocMeta, Filters


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[LexicalIndex, dict[str, list[Chunk]]]:
    """The bundled corpus read and chunked with the default settings: its index and each file's chunks."""
    chunks = read_all_chunks([BUNDLED_CORPUS], load_settings(home=tmp_path_factory.mktemp("read") / "home"))
    index = LexicalIndex.build(
        [IndexedChunk(c.id, c.embed_text, c.source, c.meta.responder, c.meta.period, c.ordinal) for c in chunks]
    )
    by_source: dict[str, list[Chunk]] = {}
    for c in sorted(chunks, key=lambda c: c.ordinal):
        by_source.setdefault(c.source, []).append(c)
    return index, by_source


def answer(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]], question: str, filters: Filters | None = None
) -> tuple[str, list[Citation]]:
    index, by_source = corpus
    q = read_question(question, index)
    assert q.metadata_field, f"not read as a metadata question: {question}"
    return letterhead_answer(q, index, lambda source, first, count: by_source[source][first : first + count], filters)


# Kungsholmen's beredning as the field says it, and the span it is read from.
KUNGSHOLMEN_BEREDNING = (
    "Enligt Kungsholmens stadsdelsnämnds remissvar har ärendet beretts inom socialtjänstavdelningen; ärendet har "
    "behandlats i förvaltningsgruppen och i pensionärsrådet. Synpunkter framgår av protokollen. Funktionshinderrådet "
    "har haft möjlighet att ta del av tjänsteutlåtandet, eventuella synpunkter framgår av separat skrivelse."
)
KUNGSHOLMEN_BEREDNING_SPAN = (
    "inom socialtjänstavdelningen. Ärendet har behandlats i förvaltningsgruppen och i pensionärsrådet. Synpunkter "
    "framgår av protokollen. Funktionshinderrådet har haft möjlighet att ta del av tjänsteutlåtandet, eventuella "
    "synpunkter framgår av separat skrivelse"
)


# --- which field a question asks for ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "field"),
    [
        # Asked by what the user wants done, not by the field's name.
        ("Ange för alla remissvaren vilken del av organisationen som skrev underlaget.", "beredning"),
        ("Vem har attesterat trafiknämndens svar?", "underskrifter"),
        ("Vem på Kungsholmen kan jag ringa om deras yttrande över trygghetsprogrammet?", "kontakt"),
        ("Vem ska jag kontakta på trafikkontoret om remissvaret?", "kontakt"),
        ("Who can I call about the traffic committee's response?", "kontakt"),
        ("who do I contact about the traffic office's reply?", "kontakt"),
        ("Who should we talk to about Kungsholmen's response?", "kontakt"),
        ("Vem är handläggare för trafiknämndens remissvar?", "handläggare"),
        ("Vem är handlägare för trafiknämndens remissvar?", "handläggare"),  # misspelt
        ("Vad skickades med som bilagor till Kungsholmens svar?", "bilagor"),
        ("Vem på trafikkontoret handlade ärendet?", "handläggare"),  # the verb, as users say it
        ("Vilken tjänsteperson handlade socialförvaltningens yttrande?", "handläggare"),
        ("Vilka chefer står med på trafikkontorets tjänsteutlåtande?", "underskrifter"),
        ("Vilka har undertecknat utbildningsförvaltningens tjänsteutlåtande?", "underskrifter"),
        ("vem ar ordforande i utbildningsnamnden", "underskrifter"),
        ("Vilken avdelning på Enskede-Årsta-Vantör står som avsändare av yttrandet?", "avsändare"),
        ("vilket datum har trafikkontorets tjansteutlatande om trygghetsprogrammet?", "datum"),
        ("enskede arsta vantor dnr", "dnr"),
        ("Vad har utbildningsförvaltningen för e-postadress?", "e-post"),
        ("Vilket telefonnummer har Kungsholmens handläggare?", "kontakt"),
        ("Vem är kontaktperson för utbildningsnämndens yttrande?", "kontakt"),  # both: name and number
        ("Vad har trafikkontorets handläggare för e-postadress?", "e-post"),  # the channel asked for wins
        ("Vem skrev trafiknämndens remissvar?", "handläggare"),
        ("nummer till den som handlagt socialnamndens trygghetsyttrande", "kontakt"),  # the one who handled it
        ("Vem har skrivit under trafiknämndens remissvar?", "underskrifter"),
        ("När är tjänsteutlåtandet daterat?", "datum"),
        ("On which dates were the schools' and traffic's responses written?", "datum"),
        ("Jämför datumen på tjänsteutlåtandena från utbildningsnämnden och trafiknämnden", "datum"),  # plural
        ("What is the date of the traffic committee's response?", "datum"),
        ("Vem skickade yttrandet från Kungsholmen?", "avsändare"),
        ("Vilken avdelning har berett ärendet på utbildningsförvaltningen?", "beredning"),
        ("Vilka avdelningar har tagit fram svaret hos Kungsholmen jämfört med Enskede-Årsta-Vantör?", "beredning"),
        # A decision or a meeting is not the document's date.
        ("Vilket datum fattade socialnämnden beslut om sitt remissvar?", "beslutsdatum"),
        ("Vilket datum sammanträdde Kungsholmens stadsdelsnämnd och beslutade om remissvaret?", "beslutsdatum"),
        ("Socialnämndens sammanträdesdatum för beslutet om remissvaret – vilket var det?", "beslutsdatum"),
        ("Senast vilket datum skulle trafiknämnden lämna sitt yttrande?", ""),
        ("Vilka datum godkändes Kungsholmens tjänsteutlåtande digitalt, och av vilka?", ""),
        ("När beslutade kommunfullmäktige om trygghetsprogrammet 2020–2023?", ""),
        ("Vilket datum ska den fackliga samverkansgruppen behandla ärendet?", ""),
        # Questions about the programme that use the same words.
        ("Vilket ansvar har chefer enligt programmet?", ""),
        ("Vilka chefer nämns i trygghetsprogrammet?", ""),
        ("Hur ska samverkan och kontakt med polisen fungera?", ""),
        ("Hur ska stadens krisberedskap stärkas?", ""),
        ("Vem skrev om otillåten påverkan i programmet?", ""),
        ("Vem har skrivit programmet?", ""),
        ("Vart ska man skicka frågor om trafikkontorets svar?", "kontakt"),
        ("Vem vänder jag mig till med frågor om socialnämndens yttrande?", "kontakt"),
        ("Vem godkände Kungsholmens tjänsteutlåtande?", "underskrifter"),
        ("Vilka datum godkändes tjänsteutlåtandet digitalt, och av vilka?", ""),  # dates and names: the passage
        ("Var ligger trafikkontoret?", "adress"),
        ("Vilken gatuadress har trafikkontoret?", "adress"),
        ("Var ligger Fridhemsplan?", ""),  # a place in the text, not the sender's address
        ("Vilket orgnummer står på trafikkontorets yttrande?", "organisationsnummer"),
        ("Till vilken nämnd är trafikkontorets tjänsteutlåtande ställt?", "mottagare"),
        ("Vem är mottagare av Kungsholmens yttrande?", "mottagare"),
        ("Vilka remissvar skickades till kommunstyrelsen?", ""),
        ("vaxelnummer till enskede-arsta-vantors stadsdelsforvaltning", "växel"),
        ("Vilket telefonnummer har utbildningsdirektör Lena Holmdahl?", "telefon"),
        ("vilka avdelningar var med och beredde arendet", "beredning"),
        ("Skolförvaltningen: vilka enheter jobbade fram remisvaret tillsammans?", "beredning"),  # 'remisvaret' typed
        ("Which three managers are named on the traffic committee's response?", "underskrifter"),
        ("2021 års remiss gick inte bara till nämnderna. Vilka råd och bolag fick den?", "remissinstanser"),
        ("Vilka remissinstanser fanns?", "remissinstanser"),  # whom the remiss went to
        ("Which bodies was the proposal sent to for consultation?", "remissinstanser"),
        ("Vilka remissinstanser har svarat?", ""),  # who responded: the catalogue of documents
        ("Vilka remissinstanser kommenterar mängden exempel i programmet?", ""),  # what they say
        ("In Enskede-Årsta-Vantör, did Staben prepare the matter alone? Which departments were involved?", "beredning"),
        ("Which departments were involved in the budget?", ""),  # not in preparing a response
        ("Vem tog fram trafikkontorets svar?", "handläggare"),
        ("Vem på trafikkontoret tog fram svaret – staben ensam eller flera avdelningar?", "beredning"),  # units asked
        ("Namn och titlar längst ner i trafikens utlåtande – vilka personer är det?", "underskrifter"),
        ("Who are the people named at the bottom of the traffic office's statement?", "underskrifter"),
        ("Vem ansvarade för att ta fram svaret, och hur når man hen?", "kontakt"),
        ("Var inom förvaltningen har ärendet om trygghetsprogrammet tagits fram?", "beredning"),
        # the head of the office signs its response; who leads a piece of work is in the text
        ("Vem leder trafikkontoret enligt tjänsteutlåtandet?", "underskrifter"),
        ("Who heads the education administration?", "underskrifter"),
        ("Who is the head of the social services administration?", "underskrifter"),
        ("Vem leder det lokala trygghetsarbetet?", ""),
        ("Sista svarsdag för remissen – vilka datum gällde för Kungsholmen?", "svarsfrist"),  # a deadline, not its date
        ("To which body is each of the responses addressed?", "mottagare"),
        ("Which issues are addressed in the traffic committee's response?", ""),  # topics, not a recipient
        ("Vilken programperiod gällde förslaget som Enskede-Årsta-Vantör yttrade sig över?", "programperiod"),
        ("Gällde EÅV:s yttrande 2024–2027 eller en tidigare omgång?", "programperiod"),
        ("Under vilken period ska otryggheten halveras enligt programmet?", ""),  # a period in the programme
        ("Sort the five replies by programme period: 2020–2023 or 2024–2027?", "programperiod"),
        ("Hur ser arbetet ut per period?", ""),  # nothing sorted by it
        ("Vilken gata står i sidfoten på trafikkontorets svar?", "adress"),
        ("Vart ska jag skicka brev till EÅV?", "adress"),  # post to send is an address ...
        ("Who handled the traffic committee's response?", "handläggare"),
        ("och vart ska jag posta saker till dem", "adress"),
        ("Vart ska jag skicka frågor om EÅV:s svar?", "kontakt"),  # ... questions to send, a contact
        ("Vilket direktnummer har handläggaren på trafikkontoret?", "kontakt"),  # a handläggare's number
        ("Jag behöver kontaktuppgifter till den som skrev socialnämndens remissvar", "kontakt"),
        ("The statement ends with two signatures: whose?", "underskrifter"),
        ("Vilket datum står i utbildningsnämndens sidhuvud?", "datum"),  # the head of the first page
        ("What date is on the Kungsholmen and Trafiknämnden responses?", "datum"),
        ("Vilket datum står i sidhuvudet för beslutet?", ""),  # the decision's date, not the document's
        ("Which department is the statement from?", "avsändare"),
        ("trafikkontoret forvaltningschef avdelningschef enhetschef - namnen", "underskrifter"),  # names, keywords
        ("vem handlade Kungsholmens, skolans och trafikens ärenden?", "handläggare"),  # names between
        ("Remisslistor: vilka externa instanser nämns av Kungsholmen?", "remissinstanser"),  # the list named first
        ("Vilken avdelning kommer tjänsteutlåtandet från?", "avsändare"),
        ("There are two digital approvals at the bottom. Whose are they?", "underskrifter"),
        ("Why should the minutes be checked and signed straight away?", ""),  # the minutes' check, no signatory
        # someone to call, in English; the case number by any of its English names
        ("I need to call whoever prepared the district's statement. Name and number, please?", "kontakt"),
        ("EÅV statement: registration / case number?", "dnr"),
        ("What is the reference number of the traffic office's response?", "dnr"),
        ("Case numbers: is it the same KS number on the Kungsholmen and education papers?", "dnr"),
        ("How many cases does the social services committee handle?", ""),
        ("Two district committees responded. Which programme period was each of them commenting on?", "programperiod"),
        # a deadline that ran out is no date of the document; the unit that wrote it; whose a number is
        ("exakt vilken dag löpte svarstiden ut enligt socialnämndens handling?", "svarsfrist"),
        ("Vilket var sista svarsdag för Kungsholmens yttrande?", "svarsfrist"),
        ("What was the deadline for the traffic committee's response?", "svarsfrist"),
        ("När skulle trafiknämnden senast yttra sig över remissen?", "svarsfrist"),
        ("När ska remissen vara besvarad?", "svarsfrist"),
        # how long the programme runs is its period; how long an office has worked on something is none
        ("Hur länge gäller det nya programmet?", "programperiod"),
        ("How long will the new programme run?", "programperiod"),
        ("Hur länge har kontoret arbetat med platssamverkan?", ""),
        ("When did the committees have to reply by?", "svarsfrist"),
        ("Socialnämndens yttrande: vilket slutdatum gällde för remissen?", "svarsfrist"),
        ("I need to know by which date Kungsholmen had to reply to the KS referral.", "svarsfrist"),
        # the decision the office proposes; not when it was taken, nor why it is checked at once
        ("Vilket beslut föreslås trafiknämnden fatta?", "beslutsförslag"),
        ("Vad föreslår förvaltningen att Kungsholmens stadsdelsnämnd beslutar?", "beslutsförslag"),
        ("Vad står under förslag till beslut i socialnämndens svar?", "beslutsförslag"),
        ("What decision is the traffic committee asked to take?", "beslutsförslag"),
        ("När beslutade trafiknämnden om remissvaret?", "beslutsdatum"),
        ("Varför föreslås beslutet justeras omedelbart?", ""),
        ("By which date must the police reduce crime?", ""),  # no reply asked
        ("Vilket slutdatum har programmet?", ""),  # the programme's end, not the remiss's
        ("EÅV mentions an insecurity goal with a deadline in the mid-2020s – what exactly is it?", ""),  # a goal's
        ("EÅV nämner en utredning – vilken var sista dagen för den att lämna sitt förslag?", ""),  # a state inquiry's
        ("Vilken svarstid hade trafiknämnden, och hur påverkade den beslutet?", ""),  # what the deadline did
        # the unit a letterhead names, however asked; a view of the responders is no list of whom the remiss went to
        ("Which unit of the transport office is listed on the response?", "avsändare"),
        ("Vilken avdelning på trafikkontoret står på remissvaret?", "avsändare"),
        ("Vem av remissinstanserna har invändningar mot begreppet utsatt område?", ""),
        ("Which responses say who the referral was sent to?", "remissinstanser"),  # whatever they are said to do
        ("trafik: utlatandets datum resp. kommunstyrelsens svarsfrist?", "datum"),  # the document's date too
        ("stadsovergripande sociala fragor - ar det den avdelningen som skrev socs yttrande?", "beredning"),
        ("08-50833898 – vems nummer är det i utbildningsnämndens handlingar?", "kontakt"),
        ("Whose number is 08-50833898?", "kontakt"),
        # the councils a case went to; what one of them said is in its minutes, not a field
        (
            "Before Kungsholmen's response went to the committee, which internal groups or councils got to look at it?",
            "beredning",
        ),
        ("Vilka råd fick tycka till om ärendet hos utbildningsnämnden?", "beredning"),
        ("Vilka synpunkter hade pensionärsrådet i Kungsholmens beredning?", ""),
        ("Vad tyckte pensionärsrådet på Kungsholmen?", ""),
        # the unit in the letterhead; a signing asked as 'sign off'
        ("Which department of the EAV district administration appears in the letterhead of the response?", "avsändare"),
        ("On what date did Kungsholmen's district director sign off the response digitally?", "underskrifter"),
        ("Hur många ärenden hade 08-numret?", ""),  # no number written out, nobody asked for
    ],
)
def test_asked_field(question: str, field: str) -> None:
    assert asked_field(question, names_responder=True) == field


def test_the_field_is_read_from_the_corrected_question(corpus: tuple[LexicalIndex, dict[str, list[Chunk]]]) -> None:
    q = read_question("Vilket datun har trafikkontorets tjänsteutlåtande?", corpus[0])
    assert q.corrections == {"datun": "datum"} and q.metadata_field == "datum"


# --- answers over the bundled corpus --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "says", "quoted"),
    [
        (
            "Vem på Kungsholmen kan jag ringa om deras yttrande över trygghetsprogrammet?",
            "Handläggare för Kungsholmens stadsdelsnämnds remissvar är Jenny Lindfors, telefon 08-50808203. [1]",
            ["Jenny Lindfors\nTelefon: 08-50808203"],
        ),
        (
            "Vem ska jag ringa på trafikkontoret om deras trygghetsyttrande?",
            "Handläggare för trafiknämndens remissvar är Kristoffer Bengtsson, telefon 08-508 26 097. [1]",
            ["Kristoffer Bengtsson\n08-508 26 097"],
        ),
        (
            "När skulle trafiknämnden senast svara på remissen?",
            "Enligt trafiknämndens remissvar skulle remissen besvaras senast 2023-10-27. [1]",
            ["2023-10-27"],
        ),
        (
            "Vad skickades med som bilagor till Kungsholmens svar?",
            "Till Kungsholmens stadsdelsnämnds remissvar bifogas Remissmissiv (bilaga 1) och "
            "Stockholms stads trygghetsprogram 2024-2027 (bilaga 2). [1]",
            ["1. Remissmissiv\n2. Stockholms stads trygghetsprogram 2024-2027"],
        ),
        (
            "Vilka chefer står med på trafikkontorets tjänsteutlåtande?",
            "Trafiknämndens remissvar är undertecknat av Gunilla Glantz (förvaltningschef), "
            "Ulrika Falk (avdelningschef) och Tove Nilsson (enhetschef). [1]",
            ["Gunilla Glantz\nFörvaltningschef", "Ulrika Falk\nAvdelningschef", "Tove Nilsson\nEnhetschef"],
        ),
        (
            "Vem är förvaltningschef enligt trafikkontorets tjänsteutlåtande?",
            "Trafiknämndens remissvar är undertecknat av Gunilla Glantz (förvaltningschef). [1]",
            ["Gunilla Glantz\nFörvaltningschef"],
        ),
        (  # the head of a district administration is its förvaltningschef, titled stadsdelsdirektör
            "Vem är förvaltningschef på Kungsholmen?",
            "Kungsholmens stadsdelsnämnds remissvar är undertecknat av Ann-Christine Hansson (stadsdelsdirektör). [1]",
            ["Ann-Christine Hansson\nStadsdelsdirektör"],
        ),
        (  # named twice (signature and approval list): said once
            "Vilka har undertecknat Kungsholmens tjänsteutlåtande?",
            "Kungsholmens stadsdelsnämnds remissvar är undertecknat av Ann-Christine Hansson (stadsdelsdirektör) "
            "och Anna Hamlin (avdelningschef). [1]",
            ["Ann-Christine Hansson\nStadsdelsdirektör", "Anna Hamlin\nAvdelningschef"],
        ),
        (  # two questions joined: each field, one sentence each, markers numbered on
            "Vem är handläggare för trafiknämndens svar och vilket diarienummer har det?",
            "Handläggare för trafiknämndens remissvar är Kristoffer Bengtsson. [1]\n"
            "Diarienumret i trafiknämndens remissvar är KS 2023/739. [2]",
            ["Kristoffer Bengtsson", "KS 2023/739"],
        ),
        (  # a date asked for: the approval list's, cited first
            "Vem är utbildnigsdirektör och vilket datum godkände hen tjänsteutlåtandet?",
            "Utbildningsnämndens remissvar är undertecknat av Lena Holmdahl (utbildningsdirektör, godkände 2023-10-17)."
            " [1] [2]",
            ["Lena Holmdahl, Utbildningsdirektör 2023-10-17", "Lena Holmdahl\nUtbildningsdirektör"],
        ),
        (  # the same asked the other way round
            "När godkände utbildningsdirektören tjänsteutlåtandet och vad heter hon?",
            "Utbildningsnämndens remissvar är undertecknat av Lena Holmdahl (utbildningsdirektör, godkände 2023-10-17)."
            " [1] [2]",
            ["Lena Holmdahl, Utbildningsdirektör 2023-10-17", "Lena Holmdahl\nUtbildningsdirektör"],
        ),
        (  # 'attesterade', the approval list's own word
            "När attesterade stadsdelsdirektören på Kungsholmen tjänsteutlåtandet om trygghetsprogrammet?",
            "Kungsholmens stadsdelsnämnds remissvar är undertecknat av Ann-Christine Hansson (stadsdelsdirektör, "
            "godkände 2023-10-09). [1] [2]",
            ["Ann-Christine Hansson, Stadsdelsdirektör 2023-10-09", "Ann-Christine Hansson\nStadsdelsdirektör"],
        ),
        (  # the approval ('attesteringen') of two responses compared, its dates asked for ('Ge datumen')
            "Vem blev klar först med attesteringen – Kungsholmens eller utbildningsförvaltningens ledning? Ge datumen.",
            "Kungsholmens stadsdelsnämnds remissvar är undertecknat av Ann-Christine Hansson (stadsdelsdirektör, "
            "godkände 2023-10-09) och Anna Hamlin (avdelningschef, godkände 2023-10-02). [1] [2]\n"
            "Utbildningsnämndens remissvar är undertecknat av Lena Holmdahl (utbildningsdirektör, godkände 2023-10-17)"
            " och Ulrika Klemets (avdelningschef). [3] [4]",
            [
                "Ann-Christine Hansson, Stadsdelsdirektör 2023-10-09",
                "Anna Hamlin, Avdelningschef 2023-10-02",
                "Ann-Christine Hansson\nStadsdelsdirektör",
                "Anna Hamlin\nAvdelningschef",
                "Lena Holmdahl, Utbildningsdirektör 2023-10-17",
                "Lena Holmdahl\nUtbildningsdirektör",
                "Ulrika Klemets\nAvdelningschef",
            ],
        ),
        (  # the OCR-damaged letterhead, repaired
            "Vilken avdelning på Enskede-Årsta-Vantör står som avsändare av yttrandet?",
            "Avsändare av Enskede-Årsta-Vantörs stadsdelsnämnds remissvar är Enskede-Årsta-Vantör "
            "stadsdelsförvaltning, avdelning Social omsorg Vuxen. [1]",
            ["Enskede-Årsta-Vantör stadsdelsförvaltning\nAvdelning Social omsorg Vuxen"],
        ),
        (
            "Vilken avdelning står som avsändare av socialförvaltningens yttrande?",
            "Socialnämndens remissvar anger ingen avsändande avdelning, men ärendet har beretts inom "
            "avdelningen för stadsövergripande sociala frågor. [1]",
            ["inom avdelningen för stadsövergripande sociala frågor"],
        ),
        (  # and who else dealt with it, said in the same sentence
            "Var har ärendet beretts inom Kungsholmens stadsdelsförvaltning och vilka grupper har behandlat det?",
            f"{KUNGSHOLMEN_BEREDNING} [1]",
            [KUNGSHOLMEN_BEREDNING_SPAN],
        ),
        (  # the councils asked of every response: each names its own, and the dates where it gives them
            "Vilka råd – pensionärsråd, funktionshinderråd – fick tycka till i Kungsholmens och skolans beredning?",
            "Enligt Kungsholmens stadsdelsnämnds remissvar har ärendet beretts inom socialtjänstavdelningen; "
            "ärendet har behandlats i förvaltningsgruppen och i pensionärsrådet. Synpunkter framgår av protokollen. "
            "Funktionshinderrådet har haft möjlighet att ta del av tjänsteutlåtandet, eventuella synpunkter framgår "
            "av separat skrivelse. [1]\n"
            "Enligt utbildningsnämndens remissvar har ärendet beretts inom avdelningen för ekonomi och styrning i "
            "samverkan med grundskoleavdelningen och gymnasieavdelningen; ärendet kommer att behandlas av den fackliga "
            "samverkansgruppen den 16 oktober 2023. Utbildningsnämndens råd för funktionshinderfrågor kommer att få "
            "möjlighet att behandla ärendet vid sammanträdet den 18 oktober 2023. [2]",
            [
                "inom socialtjänstavdelningen. Ärendet har behandlats i förvaltningsgruppen och i pensionärsrådet. "
                "Synpunkter framgår av protokollen. Funktionshinderrådet har haft möjlighet att ta del av "
                "tjänsteutlåtandet, eventuella synpunkter framgår av separat skrivelse",
                "inom avdelningen för ekonomi och styrning i samverkan med grundskoleavdelningen och "
                "gymnasieavdelningen.\n\nÄrendet kommer att behandlas av den fackliga samverkansgruppen den 16 oktober "
                "2023. Utbildningsnämndens råd för funktionshinderfrågor kommer att få möjlighet att behandla "
                "ärendet vid "
                "sammanträdet den 18 oktober 2023",
            ],
        ),
        (  # the preparing department asked in everyday words ('jobbade fram', 'underlaget till')
            "Vilken avdelning på Kungsholmens förvaltning har tagit fram underlaget till remissvaret?",
            f"{KUNGSHOLMEN_BEREDNING} [1]",
            [KUNGSHOLMEN_BEREDNING_SPAN],
        ),
        (
            "Vilka avdelningar på utbildingsförvaltningen jobbade fram yttrandet?",
            "Enligt utbildningsnämndens remissvar har ärendet beretts inom avdelningen för ekonomi och styrning i "
            "samverkan med grundskoleavdelningen och gymnasieavdelningen; ärendet kommer att behandlas av den fackliga "
            "samverkansgruppen den 16 oktober 2023. Utbildningsnämndens råd för funktionshinderfrågor kommer att få "
            "möjlighet att behandla ärendet vid sammanträdet den 18 oktober 2023. [1]",
            [
                "inom avdelningen för ekonomi och styrning i samverkan med grundskoleavdelningen och "
                "gymnasieavdelningen.\n\nÄrendet kommer att behandlas av den fackliga samverkansgruppen den 16 oktober "
                "2023. Utbildningsnämndens råd för funktionshinderfrågor kommer att få möjlighet att behandla "
                "ärendet vid "
                "sammanträdet den 18 oktober 2023"
            ],
        ),
        (  # two responders named: one sentence each, not a comparison of passages
            "Vilka avdelningar har tagit fram svaret hos Kungsholmen jämfört med Enskede-Årsta-Vantör?",
            "Enligt Enskede-Årsta-Vantörs stadsdelsnämnds remissvar har ärendet beretts av Staben i samarbete med "
            "avdelningarna Stadsmiljö och lokaler, Social omsorg barn och unga, Social omsorg vuxen, Social omsorg "
            "äldre samt Förskola. [1]\nEnligt Kungsholmens stadsdelsnämnds remissvar har ärendet beretts inom "
            "socialtjänstavdelningen; ärendet har behandlats i förvaltningsgruppen och i pensionärsrådet. "
            "Synpunkter framgår av protokollen. Funktionshinderrådet har haft möjlighet att ta del av "
            "tjänsteutlåtandet, "
            "eventuella synpunkter framgår av separat skrivelse. [2]",
            [
                "av Staben i samarbete med avdelningarna Stadsmiljö och lokaler, Social omsorg barn och unga, "
                "Social omsorg vuxen, Social omsorg äldre samt Förskola",
                "inom socialtjänstavdelningen. Ärendet har behandlats i förvaltningsgruppen och i pensionärsrådet. "
                "Synpunkter framgår av protokollen. Funktionshinderrådet har haft möjlighet att ta del av "
                "tjänsteutlåtandet, eventuella synpunkter framgår av separat skrivelse",
            ],
        ),
        (
            "vilket datum har trafikkontorets tjansteutlatande om trygghetsprogrammet?",
            "Trafiknämndens remissvar är daterat 2023-10-19. [1]",
            ["2023-10-19"],
        ),
        (
            "Vilket datum har Kungsholmens tjänsteutlåtande?",
            "Kungsholmens stadsdelsnämnds remissvar anger inget datum i sidhuvudet; det godkändes digitalt "
            "2023-10-09. [1]",
            ["2023-10-09"],
        ),
        (
            "Till vilken nämnd är trafikkontorets tjänsteutlåtande ställt?",
            "Tjänsteutlåtandet bakom trafiknämndens remissvar är ställt till Trafiknämnden. [1]",
            ["Trafiknämnden"],
        ),
        (
            "Vilket orgnummer står på trafikkontorets yttrande?",
            "Organisationsnumret i trafiknämndens remissvar är 212000-0142. [1]",
            ["212000-0142"],
        ),
        (  # the OCR-damaged 'Véxel', read as repaired
            "vaxelnummer till enskede-arsta-vantors stadsdelsforvaltning",
            "Växelns nummer i Enskede-Årsta-Vantörs stadsdelsnämnds remissvar är 08-50814000. [1]",
            ["08-50814000"],
        ),
        (
            "Vad har Kristoffer Bengtsson för e-postadress?",
            "E-postadressen i trafiknämndens remissvar är kristoffer.bengtsson@stockholm.se. [1]",
            ["kristoffer.bengtsson@stockholm.se"],
        ),
        (  # a person's own number: only a handläggare's is given, with their name
            "Vilket telefonnummer har Kristoffer Bengtsson?",
            "Handläggare för trafiknämndens remissvar är Kristoffer Bengtsson, telefon 08-508 26 097. [1]",
            ["Kristoffer Bengtsson\n08-508 26 097"],
        ),
        (
            "Gällde Enskede-Årsta-Vantörs yttrande programmet 2024–2027 eller en tidigare omgång?",
            "Enskede-Årsta-Vantörs stadsdelsnämnds remissvar gäller förslaget till trygghetsprogram för perioden "
            "2020-2023. [1]",
            ["2020-2023"],
        ),
        (
            "Besides Lena Holmdahl, who else signed the education administration's statement?",
            "Utbildningsnämndens remissvar är undertecknat av Lena Holmdahl (utbildningsdirektör) och "
            "Ulrika Klemets (avdelningschef). [1]",
            ["Lena Holmdahl\nUtbildningsdirektör", "Ulrika Klemets\nAvdelningschef"],
        ),
        (  # whom the remiss went to, as each response says it
            "Förutom nämnderna – vilka andra organ fick programförslaget för yttrande enligt socialförvaltningen?",
            "Enligt socialnämndens remissvar har kommunstyrelsen remitterat förslaget för yttrande till samtliga "
            "stadsdelsnämnder och facknämnder samt Stockholms brandförsvar, Rådet för Agenda 2030, Kommunstyrelsens "
            "råd för funktionshinderfrågor, Kommunstyrelsens pensionärsråd och Stockholms Stadshus AB. [1]",
            [
                "samtliga stadsdelsnämnder och facknämnder samt Stockholms brandförsvar, Rådet för Agenda 2030, "
                "Kommunstyrelsens råd för funktionshinderfrågor, Kommunstyrelsens pensionärsråd och Stockholms "
                "Stadshus AB"
            ],
        ),
        (  # a response that names only itself as the receiver
            "Vilka remissinstanser anger utbildningsnämnden?",
            "Enligt utbildningsnämndens remissvar har kommunstyrelsen remitterat förslaget till utbildningsnämnden "
            "för yttrande; andra remissinstanser nämns inte. [1]",
            ["utbildningsnämnden"],
        ),
        (
            "enskede arsta vantor dnr",
            "Diarienumret i Enskede-Årsta-Vantörs stadsdelsnämnds remissvar är Dnr EAV 2020/514. [1]",
            ["Dnr EAV 2020/514"],  # as the letterhead writes it, label and all
        ),
    ],
)
def test_metadata_answer(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]], question: str, says: str, quoted: list[str]
) -> None:
    text, citations = answer(corpus, question)
    assert text == says
    assert [c.chunk.clean_text[s.start : s.end] for c in citations for s in c.highlights] == quoted


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Vem var handläggare för socialnämndens remissvar?", "Socialnämndens remissvar anger ingen handläggare."),
        (
            "Vem är handläggare på Enskede-Årsta-Vantör för trygghetsremissen?",
            "Enskede-Årsta-Vantörs stadsdelsnämnds remissvar anger ingen handläggare.",
        ),
        (
            "Vem är stadsdelsdirektör i Enskede-Årsta-Vantör?",
            "Enskede-Årsta-Vantörs stadsdelsnämnds remissvar namnger ingen stadsdelsdirektör.",
        ),
        ("vem ar ordforande i utbildningsnamnden", "Utbildningsnämndens remissvar namnger ingen ordförande."),
        (
            "Vem är ordföranden i trafiknämnden?",
            "Trafiknämndens remissvar namnger ingen ordförande.",
        ),  # not 'ordföranden'
        (  # the chair asked among those who signed, in English
            "Who is the chair of the traffic committee that signed off on this?",
            "Trafiknämndens remissvar namnger ingen ordförande.",
        ),
        (
            "Vad har utbildningsförvaltningen för e-postadress?",
            "Utbildningsnämndens remissvar anger ingen e-postadress.",
        ),
        (
            "Vilket datum fattade socialnämnden beslut om sitt remissvar?",
            "Socialnämndens remissvar anger inte när nämnden fattade beslut.",
        ),
        (
            "Vilket datum sammanträdde Kungsholmens stadsdelsnämnd och beslutade om remissvaret?",
            "Kungsholmens stadsdelsnämnds remissvar anger inte när nämnden fattade beslut.",
        ),
        ("Vem är handläggare för polisens remissvar?", "Det finns inget remissvar från polisen bland dokumenten."),
        (
            "Vilket organisationsnummer står på Enskede-Årsta-Vantörs tjänsteutlåtande?",
            "Enskede-Årsta-Vantörs stadsdelsnämnds remissvar anger inget organisationsnummer.",
        ),
        (  # she signed the response; her number is not in it
            "Vilket telefonnummer har utbildningsdirektör Lena Holmdahl?",
            "Utbildningsnämndens remissvar anger inget telefonnummer till Lena Holmdahl.",
        ),
        (  # the handläggare, with a telephone number and no e-mail address
            "Vad har Jenny Lindfors på Kungsholmen för e-postadress?",
            "Kungsholmens stadsdelsnämnds remissvar anger ingen e-postadress till Jenny Lindfors.",
        ),
    ],
)
def test_a_field_the_document_does_not_state_is_said_to_be_missing(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]], question: str, reason: str
) -> None:
    assert answer(corpus, question) == (reason, [])


def test_a_question_naming_no_responder_gets_one_sentence_per_document(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]],
) -> None:
    text, citations = answer(corpus, "Vilka bilagor har remissvaren?")
    lines = text.splitlines()
    assert (
        len(lines) == 5 and "Till socialnämndens remissvar bifogas Stockholms stads Trygghetsprogram 2020-2023." in text
    )
    assert [re.findall(r"\[(\d)\]$", line) for line in lines] == [[str(c.n)] for c in citations]
    assert len({c.chunk.source for c in citations}) == 5


def test_filters_keep_to_the_documents_chosen(corpus: tuple[LexicalIndex, dict[str, list[Chunk]]]) -> None:
    text, _ = answer(corpus, "Vem är handläggare?", Filters(periods=("2020–2023",)))
    assert text == (
        "Enskede-Årsta-Vantörs stadsdelsnämnds remissvar anger ingen handläggare.\n"
        "Socialnämndens remissvar anger ingen handläggare."
    )
    text, citations = answer(corpus, "Vem är handläggare?", Filters(responders=("Utbildningsnämnden",)))
    assert text == "Handläggare för utbildningsnämndens remissvar är Roger Adolfsson. [1]" and len(citations) == 1


# --- readings on small snippets -------------------------------------------------------------------


def snippet(text: str, chunk_id: str = "c") -> Chunk:
    meta = DocMeta(responder="Farsta stadsdelsnämnd")
    return Chunk(chunk_id, "c.txt", 0, len(text), text, text, "", 0, meta, "sha", 1)


@pytest.mark.parametrize(
    ("field", "text", "says"),
    [
        ("datum", "Till\nFarsta stadsdelsnämnd\n2024-02-01\n", "Svaret är daterat 2024-02-01."),
        ("datum", "Tjänsteutlåtande\nDatum: 2024-02-01\n", "Svaret är daterat 2024-02-01."),
        ("datum", "Nämnden ska besluta 2024-03-01 om svaret.", None),  # a date in running text is no letterhead
        (
            "beslutsdatum",
            "Stadsdelsnämnden beslutade den 14 mars 2024 att godkänna svaret.",
            "Svaret anger att nämnden beslutade 14 mars 2024.",
        ),
        ("beslutsdatum", "Förvaltningsgruppen har behandlat ärendet den 10 februari 2021.", None),
        (
            "bilagor",
            "Bilaga\n\nStockholms stads trygghetsprogram 2020-2023.",
            "Till svaret bifogas Stockholms stads trygghetsprogram 2020-2023.",
        ),
        ("bilagor", "Förslaget återfinns som bilaga 1 till detta tjänsteutlåtande.", None),
        # what the office proposes the committee decide, in a sentence or under the heading
        (
            "beslutsförslag",
            "Mot bakgrund av ovanstående föreslår kontoret att idrottsnämnden godkänner tjänsteutlåtandet som svar.",
            "Enligt svaret föreslår förvaltningen att idrottsnämnden godkänner tjänsteutlåtandet som svar.",
        ),
        (
            "beslutsförslag",
            "Förvaltningens förslag till beslut\n\nRemissen besvaras med förvaltningens tjänsteutlåtande",
            "Enligt svaret föreslår förvaltningen att remissen besvaras med förvaltningens tjänsteutlåtande.",
        ),
        ("beslutsförslag", "Förvaltningen föreslår att staden tar ett samlat grepp.", None),  # a view, no decision
        (
            "beslutsförslag",
            "Förslag till beslut\n\n1. Nämnden godkänner tjänsteutlåtandet.\n2. Nämnden justerar ärendet.",
            "I svaret är förslaget till beslut: 1. Nämnden godkänner tjänsteutlåtandet. 2. Nämnden justerar ärendet.",
        ),
        (
            "avsändare",
            "Farsta stadsdelsförvaltning\nAvdelning Stab\n\nBox 123",
            "Avsändare av svaret är Farsta stadsdelsförvaltning, avdelning Stab.",
        ),
        (
            "adress",
            "Farstagatan 3\nBox 123\n123 45 Farsta",
            "Adressen i svaret är Farstagatan 3, Box 123, 123 45 Farsta.",
        ),
        ("handläggare", "Handläggare\nEva Berg\nTelefon: 08-508 00 000", "Handläggare för svaret är Eva Berg."),
        (
            "svarsfrist",
            "Kommunstyrelsen har begärt nämndens yttrande över remissen senast den 27 oktober 2023.",
            "Enligt svaret skulle remissen besvaras senast den 27 oktober 2023.",
        ),
        (
            "svarsfrist",
            "Remisstiden sträcker sig till den 21 februari 2021.",
            "Enligt svaret sträckte sig remisstiden till den 21 februari 2021.",
        ),
        ("svarsfrist", "Utredningen ska lämna sitt förslag senast den 15 juni 2021.", None),  # no remiss's deadline
        (
            "kontakt",
            "Handläggare\nEva Berg\nTelefon: 08-508 00 000",
            "Handläggare för svaret är Eva Berg, telefon 08-508 00 000.",
        ),
    ],
)
def test_field_readings(field: str, text: str, says: str | None) -> None:
    read = read_field(FIELDS[field], [snippet(text)], "svaret")
    assert (read.sentence if read else None) == says


def test_signatories_are_filtered_by_the_title_asked_for() -> None:
    chunk = snippet("Eva Berg\nStadsdelsdirektör\n\nOla Ek\nAvdelningschef\n")
    everyone = read_signatories(FIELDS["underskrifter"], [chunk], "svaret", "")
    assert everyone is not None and everyone.sentence == (
        "Svaret är undertecknat av Eva Berg (stadsdelsdirektör) och Ola Ek (avdelningschef)."
    )
    director = read_signatories(FIELDS["underskrifter"], [chunk], "svaret", "stadsdelsdirektor")
    assert director is not None and director.sentence == "Svaret är undertecknat av Eva Berg (stadsdelsdirektör)."
    assert read_signatories(FIELDS["underskrifter"], [chunk], "svaret", "ordforande") is None
    head = read_signatories(FIELDS["underskrifter"], [chunk], "svaret", "forvaltningschef")
    assert head is not None and head.sentence == director.sentence


def test_signatories_are_filtered_by_the_person_asked_for() -> None:
    chunk = snippet("Eva Berg\nStadsdelsdirektör\n\nOla Ek\nAvdelningschef\n")
    ola = read_signatories(FIELDS["underskrifter"], [chunk], "svaret", "", only=["Ola Ek"])
    assert ola is not None and ola.sentence == "Svaret är undertecknat av Ola Ek (avdelningschef)."
    assert read_signatories(FIELDS["underskrifter"], [chunk], "svaret", "", only=["Per Holm"]) is None


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("What is Anna Hamlin's job title?", "underskrifter"),
        ("Vilka roller har Ulrika Falk och Tove Nilsson?", "underskrifter"),
        ("Vem är Gunilla Glantz?", "underskrifter"),
        ("Vem är Kristoffer Bengtsson?", "kontakt"),  # a handläggare: who, and how to reach them
        ("Vilken roll har Kristoffer Bengtsson?", "kontakt"),
        ("Vad har Ulrika Klemets för tjänst?", "underskrifter"),
        # how to reach a handläggare the question names
        ("Hur når jag Kristoffer Bengtsson?", "kontakt"),
        ("Hur får jag tag på handläggaren Jenny Lindfors?", "kontakt"),
        ("Kan jag ringa Lena Holmdahl?", ""),  # she signs, she handles nothing: no contact line of hers
        # No one the documents name: a body, or a name no document has; and no title asked.
        ("Vilken roll har Polisregion Stockholm i trygghetsarbetet?", ""),
        ("Vilken titel har Kalle Anka?", ""),
        ("Vad säger Anna Hamlin om trygghetsprogrammet?", ""),
    ],
)
def test_who_a_person_is_is_read_from_the_documents_fields(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]], question: str, field: str
) -> None:
    index, by_source = corpus
    assert person_field(read_question(question, index), lambda: list(by_source.values()), index.responders) == field


def test_a_persons_title_is_answered_from_the_documents_they_sign(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]],
) -> None:
    index, by_source = corpus
    q = replace(read_question("Vilka roller har Ulrika Falk och Tove Nilsson?", index), metadata_field="underskrifter")
    text, citations = letterhead_answer(q, index, lambda source, first, count: by_source[source][first : first + count])
    assert (
        text
        == "Trafiknämndens remissvar är undertecknat av Ulrika Falk (avdelningschef) och Tove Nilsson (enhetschef). [1]"
    )
    assert [c.chunk.source for c in citations] == [s for s in by_source if s.startswith("003")]


def test_the_passages_of_a_metadata_answer_start_with_what_it_was_read_from() -> None:
    a, b, c = (snippet(t, t) for t in "abc")
    hits = [Hit(a, 0.9), Hit(b, 0.5)]
    assert [(h.chunk.id, h.score) for h in cited_first(hits, [Citation(1, b)])] == [("b", 0.5), ("a", 0.9)]
    # a chunk read but not ranked comes first too, unscored; the number of passages stays
    assert [(h.chunk.id, h.score) for h in cited_first(hits, [Citation(1, c)])] == [("c", 0.0), ("a", 0.9)]


def test_an_answers_first_source_is_shown_first_when_it_uses_nothing_of_the_top_passage() -> None:
    a, b, c = (snippet(t, t) for t in "abc")
    hits = [Hit(a, 0.9), Hit(b, 0.5), Hit(c, 0.4)]
    # nothing of 'a' is cited: the answer's first source, 'c', goes on top, the rest keep their order
    assert [h.chunk.id for h in led_by_answer(hits, [Citation(2, b), Citation(1, c)])] == ["c", "a", "b"]
    # 'a' is cited (second): the ranking stands; so it does with no citations (a refusal)
    assert [h.chunk.id for h in led_by_answer(hits, [Citation(1, c), Citation(2, a)])] == ["a", "b", "c"]
    assert [h.chunk.id for h in led_by_answer(hits, [])] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        ("Vem är handläggare och vilket diarienummer har svaret?", ("handläggare", "dnr")),
        ("Vilken avdelning står som avsändare, och vilken gatuadress har den?", ("adress", "avsändare")),
        ("Vem är handläggare och vilket telefonnummer har hen?", ("kontakt",)),  # one contact answer gives both
        ("Vilket diarienummer har trafikkontorets svar?", ("dnr",)),
        ("Vilken postadress och växelnummer har förvaltningen?", ("adress", "växel")),  # two fields, one verb
        ("Vem handlade ärendet, och på vilka nummer når jag dem?", ("handläggare", "telefon")),  # a preposition first
        ("EÅV:s tjänsteutlåtande: på vilken adress sitter avdelningen och vad är dnr?", ("adress", "dnr")),
        # an e-mail address is no postal address
        ("What's the phone number and email address of the case officer?", ("kontakt", "e-post")),
        ("Vilket postnummer och vilken box har förvaltningen?", ("adress",)),  # 'box' is a postal address
        ("trafikkontoret: org nr + numret till växeln?", ("organisationsnummer", "växel")),  # joined by a plus
    ],
)
def test_joined_questions_ask_for_each_field(question: str, fields: tuple[str, ...]) -> None:
    from assistant.field_questions import asked_field, further_fields

    first = asked_field(question, names_responder=True)
    assert (first, *further_fields(question, True, first)) == fields


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Vem är kontaktperson för Cosafe på utbildningsförvaltningen?", "Cosafe"),
        ("Who is the contact person for Cosafe at the education administration?", "Cosafe"),
        ("Vem är handläggare för trafiknämndens remissvar?", ""),  # the response's own
        ("vem ar handlaggare for kungsholmen", ""),  # a responder
        ("Who is the contact person for the traffic committee?", ""),
    ],
)
def test_a_contact_for_a_subject_is_not_the_responses_handlaggare(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]], question: str, subject: str
) -> None:
    text, citations = answer(corpus, question)
    if subject:
        assert text == f"Dokumenten anger ingen kontaktperson för {subject}, bara en handläggare för varje remissvar."
        assert citations == []
    else:
        assert text.startswith("Handläggare för") and citations


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Vad har utbildningsdirektören för telefonnummer?", "inget telefonnummer till utbildningsdirektören"),
        ("utbildningsdirektorens mejladress", "ingen e-postadress till utbildningsdirektören"),
        # in English, the holder named as the documents would
        ("What is the phone number of the education committee's chairperson?", "inget telefonnummer till ordföranden"),
        ("What is the e-mail address of the education director?", "ingen e-postadress till förvaltningschefen"),
    ],
)
def test_a_title_holders_own_contact_is_not_given(
    corpus: tuple[LexicalIndex, dict[str, list[Chunk]]], question: str, says: str
) -> None:
    """Only the handläggare's number and address stand in the documents, next to their name."""
    text, citations = answer(corpus, question)
    assert says in text and citations == []
