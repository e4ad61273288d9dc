"""The documents' words added to a question's query: the English glossary and the Swedish synonyms."""

from __future__ import annotations

import pytest

from assistant.glossary import documents_words

DOCUMENT_WORDS = {
    "syftet",
    "beaktan",
    "synpunkter",
    "utse",
    "funktioner",
    "framhålls",
    "uppföljning",
    "grundläggande",
    "förutsättningar",
    "klotter",
    "trafikkontoret",
    "belysning",
    "utsatta",
    "områden",
    "handläggare",
    "föräldrastöd",
    "gymnasieskolan",
    "grundskolan",
    "Cosafe",
    "saknas",
    "lyftas",
    "tydligare",
    "belysas",
    "förändringar",
    "tidigare",
    "brandförsvar",
    "flyttas",
    "trivsamma",
    "vill",
    "vistas",
    "välfärdsbrott",
    "stadsutveckling",
    "planering",
    "ordinarie",
    "kommunfullmäktige",
    "chefer",
    "alla",
    "nivåer",
    "struktur",
    "otillåten",
    "påverkan",
    "lagen",
    "nya",
    "trädde",
    "i",
    "kraft",
    "styrdokument",
    "situationell",
    "prevention",
    "jämställdhet",
    "jämställdhetsperspektiv",
    "jämställdhetsanalys",
    "begreppsram",
    "begrepp",
    "omedelbart",
    "droger",
    "drogszen",
    "välfärdssystemen",
    "bedrägerier",
    "medborgares",
    "stockholmarna",
    "kommunikation",
    "integrerad",
    "likvärdig",
    "hela",
    "staden",
    "måluppfyllelsen",
    "lokala",
    "nivån",
    "samverkan",
    "remiss",
    "remisstiden",
    "sin",
    "helhet",
    "återfinns",
    "bilaga",
    "justeras",
    "senast",
    "organiserad",
    "brottslighet",
    "ersätter",
    "steg",
    "process",
    "social",
    "bolag",
    "bolagsstyrelser",
    "ansvarsområde",
    "uppdrag",
    "ramverk",
    "tidigt",
    "involvera",
}


def known(word: str) -> bool:
    return word in DOCUMENT_WORDS


@pytest.mark.parametrize(
    ("question", "english", "added"),
    [
        ("How much was spent on graffiti?", True, "klotter"),
        (
            "What is a basic precondition for situational prevention?",
            True,
            "situationell grundläggande förutsättningar",
        ),
        ("What is said about vulnerable areas?", True, "utsatta områden"),
        ("What is the safety programme about?", True, "syftet"),  # its purpose
        ("Which measures are highlighted?", True, "framhålls"),
        ("How should the programme be followed up?", True, "uppföljning"),
        ("Which functions should every board appoint?", True, "utse funktioner"),
        ("Who is the case officer?", True, "handläggare"),
        # the city's companies beside its committees are 'bolag', not the business sector
        ("Which committees and companies does the programme cover?", True, "bolag bolagsstyrelser"),
        ("How do they describe the programme as a governing document?", True, "styrdokument"),
        ("What about situational crime prevention?", True, "situationell"),  # "prevention" it says itself
        ("Vad gör gatukontoret åt graffitin?", False, "trafikkontoret klotter"),
        ("Finns det föräldrakurser?", False, "föräldrastöd"),  # 'föräldrastödsprogram' is not a document word here
        ("Vad gör trafikkontoret åt klotter?", False, ""),  # already in the documents' words
        ("Vad tycker trafiknämnden om cykelbanor?", False, ""),  # nothing in the synonyms
        ("ska arbetet ligga i stadens vanliga styrning", False, "ordinarie"),
        ("nar klubbades gamla programmet i kf", False, "kommunfullmäktige"),  # as officials write it
        ("What are managers at every level responsible for?", True, "alla nivåer chefer"),
        # everyday words of the subject: a remit, a framework, keeping track, early involvement
        ("Which examples come from the traffic committee's own remit?", True, "trafikkontoret uppdrag ansvarsområde"),
        ("Which theoretical framework does EÅV ask for?", True, "ramverk"),
        ("How does Kungsholmen keep track of safety?", True, "uppföljning"),
        ("Who should be involved early?", True, "tidigt involvera"),
        ("What is the stronger wording?", True, ""),  # how it is said, not which terms
        ("är upplägget detsamma som i det gamla programmet?", False, "struktur"),
        ("What is the purpose of the programme?", True, "syftet"),
        ("How do I bake cinnamon buns?", True, ""),
        ("Vilka skolformer glömdes bort?", False, "saknas grundskolan gymnasieskolan"),  # in the table's order
        ("Nämns gymnasiet?", False, "gymnasieskolan"),
        ("Kan skolornas larmapp mer än att larma?", False, "Cosafe"),
        ("Vad borde programmet ta upp mer?", False, "lyftas tydligare belysas"),  # ~ 'kan lyftas fram tydligare'
        ("Skiljer sig nya programmet mycket från det gamla?", False, "förändringar tidigare"),
        ("Fick räddningstjänsten remissen?", False, "brandförsvar"),  # 'remissinstanser' is no document word here
        ("Vilka avsnitt vill de placera om?", False, "flyttas"),
        ("Varför trevliga torg som folk gillar att vara på?", False, "trivsamma vill vistas"),
        ("Hur hänger brott mot välfärden ihop med annat?", False, "välfärdsbrott"),
        ("Vad säger de om trygghet i stadsplaneringen?", False, "stadsutveckling planering"),
        (
            "How do they view welfare fraud and improper pressure on staff?",
            True,
            "välfärdsbrott välfärdssystemen otillåten påverkan",
        ),
        ("When did the new law come into force?", True, "förändringar nya trädde i kraft lagen"),
        ("Vad borde få mer plats i programmet?", False, "lyftas tydligare belysas"),
        ("Vad saknas om skillnader mellan könen?", False, "jämställdhet jämställdhetsperspektiv jämställdhetsanalys"),
        ("Ger programmet alla samma ordlista?", False, "begreppsram begrepp"),
        ("Varför justeras protokollet på stående fot?", False, "omedelbart"),
        # The documents' own spellings and phrasings: Kungsholmen's 'öppen drogszen' (sic) for a drug scene, EÅV's
        # 'bedrägerier mot välfärdssystemen' for what the others call välfärdsbrott.
        ("Vad säger nämnderna om öppna drogscener?", False, "droger drogszen"),
        ("Vilka nämnder tar upp välfärdsbrott?", False, "välfärdssystemen bedrägerier"),
        # 'invånare' is the users' word; the documents say stockholmarna, boende
        ("Hur fångas invånarnas behov upp?", False, "stockholmarna"),
        ("Is communication a built-in part of the work?", True, "kommunikation integrerad"),
        ("Får ytterstaden samma nivå som innerstan?", False, "likvärdig hela staden"),
        ("Vilka regler gäller för parkering i innerstaden?", False, ""),  # a place, not a standard
        ("Var är nämndens arbete avgörande för att målen ska nås?", False, "måluppfyllelsen"),
        ("Hur ska staden jobba ihop med aktörer utanför kommunen?", False, "samverkan"),
        ("Which bodies form the local level?", True, "lokala nivån"),
        ("When does the referral period end?", True, "remiss remisstiden"),
        # where the proposal itself is read: an appendix ('Förslaget återfinns i sin helhet som bilaga 1')
        ("Where can I find the full draft programme?", True, "sin helhet återfinns bilaga"),  # "I" asked
        ("Var hittar jag programförslaget?", False, "återfinns bilaga"),
        ("Var i staden finns förslag om belysning?", False, ""),  # a place asked, not the appendix
        ("Why should the minutes be checked straight away?", True, "justeras omedelbart"),
        ("Vilka svarsfrister gällde?", False, "remisstiden senast"),
        ("Walk me through all five steps.", True, "steg process"),
        # the two kinds of prevention in plain words
        (
            "Vill de blanda insatser riktade mot människor med insatser i miljön?",
            False,
            "situationell prevention social",
        ),
        ("Vad säger EÅV om gäng?", False, "organiserad brottslighet"),
        ("vilket stod far den som blir mamma for forsta gangen", False, ""),  # 'gången' without å/ä/ö
        ("programmet 2020-2023 lost av ett aldre dokument", False, "ersätter tidigare"),
        # a response heard: 'synpunkter tagits i beaktan'
        ("Skriver förvaltningen att den fått gehör, att dess kommentarer togs in?", False, "synpunkter beaktan"),
    ],
)
def test_documents_words(question: str, english: bool, added: str) -> None:
    assert documents_words(question, english, known) == added


def test_words_between_are_allowed_where_users_put_them() -> None:
    assert documents_words("Vilka utanför staden fick också remissen?", False, lambda _: True) == "remissinstanser"


def test_an_english_phrase_may_be_typed_with_a_hyphen() -> None:
    """'violence-prevention' is 'violence prevention'; a hyphen already in a pattern ('special[- ]needs') stays."""
    assert "våldsprevention" in documents_words("What violence-prevention work?", True, lambda _: True).split()
    assert "våldsprevention" in documents_words("What violence prevention work?", True, lambda _: True).split()
    assert "anpassad" in documents_words("special-needs schools", True, lambda _: True).split()
    assert (
        "rapporter"
        in documents_words("two publications by the national crime prevention council", True, lambda _: True).split()
    )


def test_a_view_of_the_whole_asked_as_being_satisfied_meets_the_documents_verdict_words() -> None:
    """'Är EÅV nöjd med programmet?' ~ 'ställer sig positiv'; the referral list ~ 'Remissinstanser är …'."""
    assert documents_words("Är EÅV nöjd med programmet?", False, lambda _: True) == "positiv"
    assert documents_words("Is the committee satisfied?", True, lambda _: True).startswith("nämnd nämnder positiv")
    assert documents_words("Who was on the referral list?", True, lambda _: True) == "remiss remissinstanser"
    assert documents_words("Vilka fanns på remisslistan?", False, lambda _: True) == "remissinstanser"


def test_an_english_responder_name_adds_no_topic_words() -> None:
    """'the education committee' says whose document is asked: 'education' adds no 'skolor elever'."""
    from assistant.responder_names import without_english_names

    responders = ("Utbildningsnämnden",)
    asked = "Does the education committee's response mention partners outside the city?"
    assert without_english_names(asked, responders) == "Does the response mention partners outside the city?"
    acting = "The education office did no analysis of its own"  # the office acts: 'förvaltningen' in the documents
    assert without_english_names(acting, responders) == "The office did no analysis of its own"
    assert "samverkansaktörer" in documents_words(asked, True, lambda _: True)
    assert "skolor" not in documents_words(without_english_names(asked, responders), True, lambda _: True)


def test_who_drafted_the_programme_is_not_who_prepared_the_response() -> None:
    """'tog fram' is the documents' 'har tagit fram'; the programme drafted is no response's beredning."""
    assert "tagit" in documents_words("Vem tog fram förslaget till trygghetsprogram?", False, lambda _: True)
    drafted = documents_words("Who drafted the safety programme?", True, lambda _: True)
    assert "tagit fram" in drafted and "beredning" not in drafted
    assert "beredning" in documents_words("Who drafted the traffic committee's response?", True, lambda _: True)
