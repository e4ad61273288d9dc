"""Position labels and the recognition of comparison and overview questions: table-driven, no models."""

from __future__ import annotations

import pytest

from assistant.compare import asks_overview, ordered
from assistant.compare_rules import read_comparison
from assistant.positions import asked_label, classify, is_procedural
from assistant.question import read_question
from assistant.responder_names import responders_in_order
from assistant.topics import is_general, topic_of
from tests.test_rules import INDEX

RESPONDERS = (
    "Trafiknämnden",
    "Socialnämnden",
    "Utbildningsnämnden",
    "Kungsholmens stadsdelsnämnd",
    "Enskede-Årsta-Vantörs stadsdelsnämnd",
)


@pytest.mark.parametrize(
    ("sentence", "label", "cue"),
    [
        (
            "Kungsholmens stadsdelsförvaltning ställer sig positiv till det nya trygghetsprogrammet.",
            "positiv",
            "ställer sig positiv",
        ),
        ("Kontoret ställer sig positivt till förslaget.", "positiv", "ställer sig positiv"),
        ("Socialförvaltningen är positiv till stadsledningskontorets förslag.", "positiv", "är positiv"),
        ("Det är bra att programmet betonar vikten av samverkan.", "positiv", "är bra"),
        ("Förvaltningen välkomnar att barnperspektivet lyfts fram.", "positiv", "välkomnar"),
        ("Det är välkommet att programmet betonar förebyggande åtgärder.", "positiv", "välkomnar"),
        ("Nämnden instämmer i programmets inriktning.", "positiv", "instämmer"),
        ("Programmet saknar beskrivning kring vad som gäller för dess verksamhet.", "kritisk", "saknar"),
        ("Kontoret efterfrågar dock mer konkret stadsövergripande stöd.", "kritisk", "efterfrågar"),
        ("I det föreslagna programmet ingår ingen jämställdhetsanalys.", "kritisk", "saknas i programmet"),
        ("Programmet tar inte upp gymnasieskolan.", "kritisk", "saknas i programmet"),
        ("Forvaltningen dnskar att programmet ar tydligare med avgransningarna.", "kritisk", "tydligare"),
        ("Förvaltningen önskar en annan ordning.", "kritisk", "önskar"),
        ("Förvaltningen ser även ett behov av att utveckla hanteringen av målkonflikter.", "kritisk", "ser ett behov"),
        ("Nämnden avstyrker förslaget.", "kritisk", "avstyrker"),
        # A criticism outweighs the politeness that comes with it.
        ("Kontoret välkomnar skrivningarna men efterfrågar mer konkreta stödmaterial.", "kritisk", "efterfrågar"),
        ("Förvaltningen föreslår att uppföljningen görs årligen.", "förslag", "föreslår"),
        ("Programmet bör kompletteras med ett avsnitt om skolan.", "förslag", "bör"),
        ("Förvaltningen anser att ANDT-arbetet borde lyftas fram mer i programmet.", "förslag", "borde"),
        ("Stadsdelarna behöver stöd i samordningen.", "förslag", "behöver"),
        ("Förvaltningen vill lyfta fram vikten av tidiga insatser.", "förslag", "vill lyfta"),
        ("Förvaltningen anser att det främjar arbetet.", "positiv", "stärker"),
        ("Stadsdelsförvaltningen anser att orsaksanalysen är central.", "neutral", "anser"),
        ("Förvaltningen bedömer att programmet har god förankring.", "neutral", "bedömer"),
    ],
)
def test_position_sentences_get_their_kind_and_cue(sentence: str, label: str, cue: str) -> None:
    position = classify(sentence)
    assert (position.label, position.cue) == (label, cue)
    assert position.stated


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunstyrelsen har remitterat förslaget till socialnämnden för yttrande.",
        "Trygghetsprogrammet föreslås fortsatt utgå från fyra fokusområden.",
        "Förvaltningen föreslår att nämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen.",
        "Bristande belysning och nedskräpning kan skapa otrygghet.",
        "Programmet tydliggör stadens ambition.",
        "Det finns inga utsatta områden i stadsdelen.",  # a lack, but not of the proposal
    ],
)
def test_background_and_procedure_state_no_position(sentence: str) -> None:
    position = classify(sentence)
    assert not position.stated and position.label == "neutral" and position.cue == ""


@pytest.mark.parametrize(
    ("sentence", "procedural"),
    [
        ("Förvaltningen föreslår att nämnden godkänner förvaltningens tjänsteutlåtande.", True),
        ("Remissinstanser är Stadsledningskontoret, Socialnämnden och Polisregion Stockholm.", True),  # who it went to
        ("Kommunstyrelsen har remitterat förslaget till samtliga stadsdelsnämnder.", True),
        ("Förvaltningen anser att remissinstanserna borde ha varit fler.", False),  # a view of them
        ("Samverkan med polisen är viktig för tryggheten.", False),
    ],
)
def test_the_referrals_handling_is_told_from_views(sentence: str, procedural: bool) -> None:
    assert is_procedural(sentence) is procedural


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hur skiljer sig trafiknämndens och socialnämndens synpunkter på trygghetsprogrammet?", "compare"),
        ("Hur skiljer sig trafiknamndens och socialnamndens synpunkter?", "compare"),
        ("Vad tycker trafiknämnden och utbildningsnämnden om samverkan?", "compare"),
        ("Vad tycker nämnderna respektive om platssamverkan?", "compare"),
        ("Jämför Kungsholmens och Enskede-Årsta-Vantörs syn på samordning", "compare"),
        ("Jamfor remissvaren om skolans roll", "compare"),
        ("Sammanfatta vad varje nämnd tycker om programmet", "compare"),
        ("Sammanfatta alla remissvar", "compare"),
        ("Vilka nämnder är kritiska till programmet?", "compare"),
        ("Vilka namnder ar kritiska till programmet?", "compare"),
        ("Vilka remissinstanser efterfrågar mer stöd?", "compare"),
        ("Compare the committees' views on the programme", "compare"),
        ("What does each committee think about lighting?", "compare"),
        ("Vilka nämnder har svarat på remissen?", "overview"),
        ("Vilka namnder har svarat pa remissen?", "overview"),
        ("Vilka remissinstanser har yttrat sig?", "overview"),
        ("Vilka remissvar finns?", "overview"),
        ("Hur många nämnder har svarat?", "overview"),
        ("Which committees have responded?", "overview"),
        ("Vilka remissvar avser det äldre programmet?", "overview"),
        ("Which responses concern the 2020-2023 programme?", "overview"),
        ("Vilka två nämnder svarade på det äldre programmet?", "overview"),  # who answered which programme
        ("Which committees responded to the new programme?", "overview"),
        # what the assistant holds, asked as a whole question; not documents on a topic
        ("vilka svar finns det?", "overview"),
        ("Vilka dokument finns?", "overview"),
        ("What documents do you have?", "overview"),
        ("Which responses are there?", "overview"),
        ("Vilka dokument finns det om våld i nära relationer?", None),
        ("Vilka remissvar tar upp klotter?", "compare"),  # a topic, not a programme
        ("Vilka nämnder ansvarar för stadens offentliga miljö?", None),
        # 'är' with a stance asks for views; with anything else, for the programme's content.
        ("Vilka nämnder är ansvariga för stadens offentliga miljö?", None),
        ("Which committees are responsible for physical planning?", None),
        ("Which committees are critical of the programme?", "compare"),
        ("Vilka nämnder är mest positiva till programmet?", "compare"),
        ("Vilka remissinstanser räknas upp i Kungsholmens tjänsteutlåtande?", None),
        ("Vad tycker trafiknämnden om programmet?", None),
        ("Vilka är de fyra fokusområdena?", None),
        ("Gäller programmet för alla nämnder och bolagsstyrelser?", None),
        ("Vad säger socialnämnden om riktade sociala insatser?", None),
        ("Hur vill Kungsholmen följa skillnader mellan kvinnors och mäns upplevda trygghet?", None),
        ("Vad är skillnaden mellan social och situationell prevention enligt trafikkontoret?", None),
        ("Hur har trafiknämndens roll beskrivits i programmet 2020-2023 jämfört med 2024-2027?", None),
    ],
)
def test_comparison_and_overview_questions_are_recognised(question: str, kind: str | None) -> None:
    """As the answer path decides: the catalogue for who responded, else per responder when a comparison is read."""
    compared = read_comparison(read_question(question, INDEX), RESPONDERS, dict.fromkeys(RESPONDERS, "2024–2027"))
    assert ("overview" if asks_overview(question) else "compare" if compared else None) == kind


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Hur skiljer sig trafiknämndens och socialnämndens synpunkter?", ["Trafiknämnden", "Socialnämnden"]),
        ("Vad säger socialförvaltningen och trafikkontoret?", ["Socialnämnden", "Trafiknämnden"]),
        (
            "Jämför Kungsholmen och Enskede-Arsta-Vantor",
            ["Kungsholmens stadsdelsnämnd", "Enskede-Årsta-Vantörs stadsdelsnämnd"],
        ),
        ("Vad säger utbildningsforvaltningen?", ["Utbildningsnämnden"]),
        ("Hur påverkas trafiken av sociala insatser?", []),
        ("Compare the traffic committee and the education committee", ["Trafiknämnden", "Utbildningsnämnden"]),
        ("How does traffic affect social work?", []),
    ],
)
def test_responders_named_in_questions(question: str, named: list[str]) -> None:
    assert responders_in_order(question, RESPONDERS) == named


def test_topic_leaves_out_names_and_the_comparison_frame() -> None:
    topic = topic_of("Hur skiljer sig trafiknämndens och socialnämndens syn på platssamverkan?", RESPONDERS)
    assert topic == "platssamverkan"
    assert is_general(topic_of("Vilka nämnder är kritiska till programmet?", RESPONDERS))
    assert is_general(topic_of("Vilka nämnder pekar på brister eller luckor i programmet?", RESPONDERS))
    # an English topic carries the glossary's Swedish words for it: still the programme as a whole
    assert is_general("proposed safety programme overall trygghet säkerhet programmet föreslår förslag")
    assert not is_general("skolans roll")


def test_asked_kind_of_view_and_stable_order() -> None:
    assert asked_label("Vilka nämnder är kritiska till programmet?") == "kritisk"
    assert asked_label("Vilka nämnder är positiva?") == "positiv"
    assert asked_label("Vilka nämnder pekar på brister eller luckor i programmet?") == "kritisk"
    assert asked_label("Vad tycker nämnderna?") is None
    # both sides offered: the verdict, no side preferred
    assert asked_label("Står alla fem bakom förslaget i stort, eller är någon av dem negativ?") is None
    assert asked_label("Är nämnderna positiva eller negativa till programmet?") is None
    assert asked_label("Är någon av de fem negativ till programmet, eller gillar samtliga det i grunden?") is None
    assert asked_label("Säger någon nej till programmet, eller är alla i stort sett för? Några invändningar?") is None
    assert asked_label("What does each committee think of the proposed programme?") is None
    assert asked_label("What does each committee propose about lighting?") == "förslag"
    assert asked_label("Vilka förbättringar av programmet efterlyser nämnderna?") == "förslag"
    assert asked_label("Önskelistan: vad vill respektive nämnd se tillagt eller förtydligat?") == "förslag"
    assert (
        ordered(reversed(RESPONDERS))
        == ordered(RESPONDERS)
        == [
            "Enskede-Årsta-Vantörs stadsdelsnämnd",
            "Kungsholmens stadsdelsnämnd",
            "Socialnämnden",
            "Trafiknämnden",
            "Utbildningsnämnden",
        ]
    )


def test_overview_is_the_summary_section_else_the_position_sentences() -> None:
    from assistant.doctext import DocText, overview
    from assistant.settings import BUNDLED_CORPUS

    source = "000_f7bada911ecf502f.txt"
    raw = (BUNDLED_CORPUS / source).read_text(encoding="utf-8")
    summary = overview(DocText(source, raw))
    assert summary and all(s.section.strip(" *#:") == "Sammanfattning" for s in summary)
    assert any("ställer sig positiv" in s.clean_text for s in summary)
    assert all(raw[s.start : s.end] == s.text for s in summary)

    text = (
        "Remissvar\n\nBakgrund\n\nKommunstyrelsen har remitterat programmet till nämnden.\n\n"
        "Synpunkter\n\nNämnden saknar en plan för uppföljning. Programmet beskriver fyra områden. "
        "Nämnden välkomnar satsningen på belysning."
    )
    stated = overview(DocText("x.txt", text))
    assert [s.position.label for s in stated] == ["kritisk", "positiv"]
    assert [text[s.start : s.end] for s in stated] == [
        "Nämnden saknar en plan för uppföljning.",
        "Nämnden välkomnar satsningen på belysning.",
    ]


@pytest.mark.parametrize(
    ("question", "opinion"),
    [
        ("Hur ser Kungsholmen och utbildningsförvaltningen på orsaksanalyser?", True),
        ("Vad tycker trafiknämnden och socialnämnden om samverkan?", True),
        ("Jämför nämndernas synpunkter på belysning", True),
        ("Hade Kungsholmen och trafiknämnden samma sista svarsdag?", False),
        ("Vem leder arbetet enligt socialnämnden och trafiknämnden?", False),
    ],
)
def test_questions_about_views_are_told_from_questions_about_facts(question: str, opinion: bool) -> None:
    from assistant.positions import asks_opinion

    assert asks_opinion(question) is opinion
