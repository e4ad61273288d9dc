"""Fast checks of how comparison questions are read and which sentence answers for each responder.

No model and no store: a small lexical index for reading questions, and hand-made sentence
scores for the choice of sentences (assistant/compare.py, assistant/compare_rules.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.compare_choice import choose
from assistant.compare_rules import CHANGES_TOPIC, Comparison, period_responders, read_comparison
from assistant.question import read_question
from assistant.records import Hit
from assistant.responder_names import group_asked, responders_in_order
from assistant.sentence_scores import SentenceScores
from assistant.topics import is_general, topic_of
from vectorstore.analyzer import analyze
from vectorstore.lexical import IndexedChunk, LexicalIndex
from vectorstore.records import Chunk, DocMeta

PERIODS = {
    "Enskede-Årsta-Vantörs stadsdelsnämnd": "2020–2023",
    "Kungsholmens stadsdelsnämnd": "2024–2027",
    "Socialnämnden": "2020–2023",
    "Trafiknämnden": "2024–2027",
    "Utbildningsnämnden": "2024–2027",
}
SCOPE = list(PERIODS)
TEXTS = {
    "k": "Kungsholmens stadsdelsförvaltning ställer sig positiv till trygghetsprogrammet och platsaktivering.",
    "u": "Utbildningsförvaltningen vill att fristående skolor och gymnasieskolan nämns i programmet.",
    "s": "Socialförvaltningen anser att samverkan med civilsamhället och ANDT-arbetet borde lyftas fram.",
    "t": "Trafikkontoret efterfrågar stödmaterial om otillåten påverkan och gör trygghetsinvesteringar.",
    "e": "Förvaltningen önskar en tydligare avgränsning av samordningsuppdraget och målet för 2025.",
}
OWNER = {"k": SCOPE[1], "u": SCOPE[4], "s": SCOPE[2], "t": SCOPE[3], "e": SCOPE[0]}
INDEX = LexicalIndex.build([IndexedChunk(k, t, f"{k}.txt", OWNER[k], PERIODS[OWNER[k]], 0) for k, t in TEXTS.items()])


def read(question: str) -> Comparison | None:
    return read_comparison(read_question(question, INDEX), SCOPE, PERIODS)


@pytest.mark.parametrize(
    ("question", "responders"),
    [
        # two named, by office, district, misspelt, without å/ä/ö, in English
        (
            "Vad tycker trafikkontoret respektive skolförvaltningen om otillåten påverkan?",
            ["Trafiknämnden", "Utbildningsnämnden"],
        ),
        ("När skulle socialnämden respektive trafiknämden svara?", ["Socialnämnden", "Trafiknämnden"]),
        (
            "hur ser socialnamnden och enskede-arsta-vantor pa samverkan",
            ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Socialnämnden"],
        ),
        (
            "How do the traffic committee and the social committee differ on graffiti?",
            ["Socialnämnden", "Trafiknämnden"],
        ),
        # a group asked for its view
        (
            "Vad tycker stadsdelsnämnderna om trygghetsprogrammet?",
            ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Kungsholmens stadsdelsnämnd"],
        ),
        ("Vad tycker facknämnderna om programmet?", ["Socialnämnden", "Trafiknämnden", "Utbildningsnämnden"]),
        (  # what a group says is what each member says
            "Vad säger de två stadsdelsförvaltningarna om samordningsarbetet?",
            ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Kungsholmens stadsdelsnämnd"],
        ),
        (  # each member of a group asked ('hos båda …')
            "Platsaktivering dyker upp hos båda stadsdelsnämnderna – i vilket sammanhang?",
            ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Kungsholmens stadsdelsnämnd"],
        ),
        # programme periods set against each other: the named responder and the other period's
        (
            "Hur skiljer sig målet i programmet 2020–2023 från målet 2024–2027 enligt Kungsholmen?",
            ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Kungsholmens stadsdelsnämnd", "Socialnämnden"],
        ),
        ("Vad var målet 2020-2023 jämfört med 2024-2027?", SCOPE),
        # which ones a named responder points out: a question about that responder's text
        ("gator, torg och parker: vilka namnder pekar socialforvaltningen ut som sarskilt ansvariga", []),
        # every responder
        ("Vad säger respektive nämnd om välfärdsbrott?", SCOPE),
        ("Vilken nämnd är mest kritisk till programmet?", SCOPE),  # one of them, told by each one's view
        ("Which committee is the most critical of the programme?", SCOPE),
        ("Ett grönt eller rött kort per remissinstans: är alla fem i grunden positiva?", SCOPE),
        ("Are all five positive about the proposal?", SCOPE),
        ("Till ledningsgruppen: är de fem remissinstanserna i grunden för eller emot förslaget?", SCOPE),
        # one responder set against the rest
        ("Var hamnar Enskede-Årsta-Vantör jämfört med de övriga fyra, från mest positiv till mest kritisk?", SCOPE),
        ("Vilka av de fem remissvaren stödjer sig på forskning?", SCOPE),
        ("Which responders tie the safety work to Agenda 2030?", SCOPE),
        # whoever holds a topic, asked without naming them
        ("Tyck till-appen: förekommer den hos någon nämnd, och i så fall hur beskrivs den?", SCOPE),
        ("Is the police mentioned as a partner by the responders? Give each one's wording.", SCOPE),
        ("Region Stockholm – in which of the five texts does it appear, and in connection with what?", SCOPE),
        # one set apart from the rest, who are asked too ('Besides EÅV, does any responder …')
        ("Besides Enskede-Årsta-Vantör, does any responder raise clashes with nature protection?", SCOPE),
        ("Förutom socialnämnden, vilka nämnder tar upp Stockholmsenkäten?", SCOPE),
        # the others asked as the subject, the one named standing out among them
        ("ar eav ensamma om att tycka att samverkan inom staden brister eller ar de andra nojda", SCOPE),
        ("Sticker Kungsholmen ut bland remissinstanserna med sin syn på platsaktivering?", SCOPE),
        ("How does the traffic office see its part, next to how the other committees see theirs?", SCOPE),
        # a group named, what it lacks or what 'they' take up; agreeing, and what all hold 'i sina svar'
        ("Vad saknar facknämnderna i programmet, alltså vad vill de se mer av?", SCOPE[2:]),
        ("stadsdelarna + droger/missbruk, vad tar de upp?", [SCOPE[0], SCOPE[1]]),
        ("Är stadsdelsnämnderna överens om hur programmet ändrar deras arbete?", [SCOPE[0], SCOPE[1]]),
        ("Har alla med sig jämställdhetsperspektivet i sina svar?", SCOPE),
        # their reaction is their view
        ("Hur reagerade förvaltningarna på förslaget om platssamverkan?", SCOPE),
        ("What do the committees make of the focus on young men?", SCOPE),
        # what each says, asked as 'enligt nämnderna'
        ("vilka perspektiv ska programmet genomsyras av enligt namnderna", SCOPE),
        # the responders as users name them together: how they reason, value or received it, what they share
        ("Hur resonerar nämnderna om föräldrarnas ansvar?", SCOPE),
        ("Hur värderar förvaltningarna platssamverkan?", SCOPE),
        ("Hur mottogs programmet av nämnderna?", SCOPE),
        ("Hur tog nämnderna emot programmet?", SCOPE),
        ("Vilka likheter finns mellan remissvaren?", SCOPE),
        ("Vilka skillnader finns mellan facknämndernas svar?", SCOPE[2:]),
        ("Hur skiljer sig stadsdelarnas svar åt?", [SCOPE[0], SCOPE[1]]),
        ("What do the responses have in common?", SCOPE),
        ("Vad tycker alla om programmet?", SCOPE),
        ("Vad tycker de som svarade om trygghetsmätningen?", SCOPE),
        # whoever of them holds a view
        ("Har någon av nämnderna synpunkter på uppföljningen?", SCOPE),
        ("Har någon remissinstans invändningar mot fokusområdena?", SCOPE),
        ("Är det någon som är emot programmet?", SCOPE),
        ("Did any of the responders criticise the programme?", SCOPE),
        # whether anyone does, with no group named
        ("Is anyone critical of how the programme uses police terms?", SCOPE),
        ("Does anyone think the programme text is too long?", SCOPE),
        ("Finns det någon som saknar ett jämställdhetsperspektiv?", SCOPE),
        ("Ser någon risker med att använda polisens begrepp?", SCOPE),
        ("Is any committee negative to the programme?", SCOPE),
        # the group named first, then asked of as 'de' or 'they'; said by them; what they propose or want
        ("Remissinstanserna om skolan: vad vill de?", SCOPE),
        ("The police and the committees – how do they describe cooperation?", SCOPE),
        ("Trygghetsvandringar, nämns de av stadsdelsnämnderna?", [SCOPE[0], SCOPE[1]]),
        ("Unga i riskzon – vad föreslår nämnderna?", SCOPE),
        ("Follow-up of the programme: what do the districts want?", [SCOPE[0], SCOPE[1]]),
        ("Social och situationell prevention – hur kopplar förvaltningarna ihop de två?", SCOPE),
        # 'social' in a list of names is the social administration, as 'trafik' and 'utbildning' are
        ("utbildning, social och trafik – vad tycker de om polisen?", SCOPE[2:]),
        ("social och situationell prevention enligt EÅV och trafiken", [SCOPE[0], SCOPE[3]]),
        # how many of them say it, or each response; a stance of them all; across them
        ("Hur många av nämnderna tar upp klotter?", SCOPE),
        ("What are the main points in each response?", SCOPE),
        ("Which response is most critical?", SCOPE),
        ("Är förvaltningarna nöjda med programmet?", SCOPE),
        ("Finns det någon konflikt mellan remissvaren?", SCOPE),
        ("What themes recur across the responses?", SCOPE),
        ("Hur behandlas trygghetsmätningen av de som yttrat sig?", SCOPE),
        # one named set against the rest: the only one, anyone besides it, more than it
        ("Is Kungsholmen the only one that mentions drugs?", SCOPE),
        ("Does anyone besides the traffic committee talk about lighting?", SCOPE),
        ("Tar fler än socialnämnden upp våld i nära relationer?", SCOPE),
        ("Kungsholmen om trygghetsmätningar – vad säger de andra?", SCOPE),
        # a responder joined to its group is set beside it (not what its view is of)
        (
            "Vad tycker Kungsholmen och de andra stadsdelsnämnderna om samordningen?",
            ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Kungsholmens stadsdelsnämnd"],
        ),
        # one responder named among all of them ('… jämfört med dem')
        (
            "Vilka av förvaltningarna föreslår omedelbar justering, och hur låter Kungsholmens förslag mot dem?",
            SCOPE,
        ),
    ],
)
def test_whom_a_comparison_asks(question: str, responders: list[str]) -> None:
    comparison = read(question)
    if len(responders) < 2:
        assert comparison is None
    else:
        assert comparison is not None and list(comparison.responders) == responders


@pytest.mark.parametrize(
    "question",
    [
        "Vad tycker trafiknämnden om programmet?",
        "Vilket ansvar har stadsdelsnämnderna enligt programmet?",  # a group as the subject, not asked its view
        "Vad säger Kungsholmen om programmet 2024-2027?",  # one period
        "Vilka är de fyra fokusområdena?",
        "Vilka är alla fem stegen i processen?",  # five steps, not the five responders
        # a date asked, a year of another period in it: no periods set against each other
        "Will the 2024–2027 programme be voted on before Christmas 2023? Give the council meeting date.",
        # the others as partners, not asked; standing out against the country, not the responders
        "Vad tycker trafiknämnden om samverkan med de andra nämnderna?",
        "Stockholm sticker ut jämfört med resten av landet, menar Enskede-Årsta-Vantör – varför?",
        # 'de' is the one named, though a group is mentioned; 'i deras svar' is one body's
        "Varför är Enskede-Årsta-Vantör tveksam till att stadsdelarna ska samordna allt, och vad vill de ha klarhet i?",
        "tyckte idrottsnamnden nat om att idrottsplatser ska vara trygga, i deras svar pa remissen",
        # one response's field; a field of the programme, not of the responses
        "Who signed off Kungsholmen's response?",
        "Gäller programmet för alla nämnder och bolagsstyrelser?",
        "Vad säger Kungsholmen om social och situationell prevention?",  # 'social' here is no name
        # a group's role or money, not its view; 'de' is another body; what the group must do is the programme's
        "Vad tycker Enskede-Årsta-Vantör är oklart med stadsdelarnas roll att samordna?",
        "How much money will the district councils receive for their coordination role under the programme?",
        "Storstockholms brandförsvar fanns med bland remissinstanserna. Vad skrev de om anlagda bränder?",
        "Vad ska nämnderna göra enligt programmet?",
        "Är detta den enda åtgärden som Kungsholmen föreslår?",  # the only measure, not the only responder
        # 'de' after a group with a responder named is that responder's text about the group
        "Stadsdelsnämnderna och samordningen – vad ska de göra enligt socialnämnden?",
        # one responder's view of another period's programme: the single answer's rules decline it
        "What did the Enskede-Årsta-Vantör district council think of the proposed 2024–2027 safety programme?",
        # 'enligt remissvaren' is 'in the documents', not each one's view
        "Hur många trygghetskameror finns uppsatta i Stockholm enligt remissvaren?",
        # someone in the programme, not one of the responders
        "Finns det någon samordnare för arbetet i stadsdelarna?",
        # whether one holds a stance, asked yes or no: its verdict answers
        "Stämmer det att socialnämnden är negativ till programmet?",
        # a group after one responder's verb of view is what the view is of
        "Varför tycker EÅV att stadsdelsnämnderna får för stort ansvar?",
        "Why does EÅV think the district committees get too much responsibility?",
        "who is responsible for coordinating crime prevention in each district?",  # a place, not a responder
    ],
)
def test_questions_about_one_responder_or_none_are_not_comparisons(question: str) -> None:
    assert read(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "Vad vill nämnderna ändra i programmet?",
        "Vilka nämnder vill ändra något i programmet?",
        "Which committees want changes to the programme?",
        "vad vill namnderna andra i programmet",
        # proposing changes is wanting them: not a topic 'förändringar' that one response happens to name
        "Vilka nämnder föreslår förändringar?",
        "Vilka nämnder föreslår ändringar i programmet?",
    ],
)
def test_what_each_wants_changed_is_each_ones_proposals_on_the_whole(question: str) -> None:
    comparison = read(question)
    assert comparison is not None and list(comparison.responders) == SCOPE
    assert comparison.prefer == "förslag" and is_general(comparison.topic)


@pytest.mark.parametrize(
    "question",
    [
        "Vad vill socialnämnden ändra i programmet?",
        "vad vill socialnamnden andra",
        "Vad vill socialnämnden ändra?",
        "Vad efterlyser socialnämnden?",  # what it asks for, or wishes, is what it proposes
        "Vad önskar socialnämnden?",
    ],
)
def test_what_one_responder_wants_changed_is_its_proposals(question: str) -> None:
    comparison = read(question)
    assert comparison is not None and list(comparison.responders) == ["Socialnämnden"]
    assert comparison.prefer == "förslag" and is_general(comparison.topic)


@pytest.mark.parametrize(
    "question",
    [
        "Vad vill socialnämnden ändra i skolan?",
        "Vilka andra nämnder vill socialnämnden samverka med?",
        "Vad efterfrågar socialnämnden när det gäller ANDT-arbetet?",  # of a part: the single answer's
    ],
)
def test_a_change_asked_of_a_part_or_other_bodies_is_no_proposal_overview(question: str) -> None:
    comparison = read(question)
    assert comparison is None or comparison.prefer != "förslag"


def test_what_changed_is_not_what_each_wants_changed() -> None:
    comparison = read("Vad har ändrats i det nya programmet enligt nämnderna?")
    assert comparison is None or comparison.prefer != "förslag"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Vilka brister ser socialnämnden i programmet?", "kritisk"),
        ("Vad tycker socialnämnden saknas i programmet?", "kritisk"),
        ("Vad är socialnämnden kritisk till?", "kritisk"),
        ("What does the social committee criticise?", "kritisk"),
        ("Vad föreslår trafiknämnden?", "förslag"),
        ("Vilka förslag på ändringar lämnar socialnämnden?", "förslag"),
        ("Sammanfatta socialnämndens yttrande", None),  # a summary: its main positions, whatever their kind
        ("Vad handlar trafiknämndens remissvar om?", None),
    ],
)
def test_one_responders_criticism_or_proposals_are_read_from_its_position_sentences(
    question: str, label: str | None
) -> None:
    """Spread over its response, not said in one passage: its view of the whole programme, of the kind asked."""
    comparison = read(question)
    assert comparison is not None and len(comparison.responders) == 1
    assert comparison.prefer == label and is_general(comparison.topic)


@pytest.mark.parametrize(
    "question",
    [
        "Vad saknar utbildningsförvaltningen i programmet när det gäller fristående skolor?",  # a part of it
        "Vad föreslår trafikkontoret att trafiknämnden beslutar?",  # the decision asked for
        "Sammanfatta vad socialnämnden säger om skolan",  # a summary of a part
        # 'förslag' the noun is the programme, not proposals asked for: its view, as a single answer
        "Hur ställer sig socialförvaltningen till stadsledningskontorets förslag till trygghetsprogram 2020-2023?",
    ],
)
def test_one_responders_criticism_of_a_part_is_a_single_answer(question: str) -> None:
    assert read(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "Hur ställer sig var och en av nämnderna till förslaget till trygghetsprogram – för eller emot?",
        "Are the committees for or against the programme?",
        "Is each committee in favour of the proposal?",
        # a sentence that sets the scene first; the question names the programme and points back at nothing
        "Inför en dragning vill jag visa ett kort per nämnd. Är alla fem i grunden positiva till programförslaget?",
        # an errand told before a colon is no topic, nor are the frame's words ('i grunden', 'sticker någon ut')
        "Snabb lägesbild inför dragningen: är alla fem remissinstanserna i grunden positiva, eller sticker någon ut?",
        "Inför en dragning vill jag visa ett grönt eller rött kort per remissinstans. Är alla fem positiva till "
        "programförslaget de fick?",
        # 'det' after the programme is named points at it, not at an earlier sentence
        "Jag sammanfattar remissvaren för en politiker: är alla fem i grunden för programmet, eller sågar någon det?",
        # 'rakt igenom' frames a verdict, and challenges raised with the programme are one
        "vilka remissvar ar rakt igenom positiva och vilka lyfter utmaningar med programmet",
        # the frame's English words ('actually', 'draft', 'on board') name no part of it
        "is any committee actually against the draft programme, or are they all on board?",
        # 'punkter' frames the verdicts asked; an errand told before a dash names no topic
        "Vilka kritiska punkter finns i remissvaren?",
        "Jag ska presentera remissvaren för politikerna imorgon – vilka är de viktigaste kritiska punkterna?",
    ],
)
def test_for_or_against_asks_each_responders_verdict_on_the_whole(question: str) -> None:
    assert is_general(topic_of(question, SCOPE))


def test_which_responders_hold_a_verdict_on_the_whole_asks_every_one() -> None:
    """'Vilka remissvar är positiva?': each has a verdict on the programme, so none is left out for not naming it."""
    comparison = read("vilka remissvar ar rakt igenom positiva och vilka lyfter utmaningar med programmet")
    assert comparison is not None and len(comparison.responders) == 5 and not comparison.which
    comparison = read("Vilka remissvar tar upp klotter?")
    assert comparison is not None and comparison.which  # a part of it: only those that name it
    comparison = read("Do all responders support the programme?")  # support is a verdict on the whole
    assert comparison is not None and len(comparison.responders) == 5 and is_general(comparison.topic)


def test_one_responder_ranked_against_the_rest_by_verdict_is_each_ones_verdict() -> None:
    comparison = read(
        "Om man rangordnar de fem remissvaren från mest positivt till mest kritiskt – var hamnar Enskede-Årsta-Vantör "
        "jämfört med de övriga fyra, och varför?"
    )
    assert comparison is not None and list(comparison.responders) == SCOPE and is_general(comparison.topic)


def test_how_the_programmes_differ_is_searched_as_what_changed() -> None:
    """The responses say it in their words: 'inga större förändringar mot tidigare trygghetsprogram'."""
    comparison = read("Vad är skillnaden mellan programmet 2020-2023 och 2024-2027?")
    assert comparison is not None and comparison.topic == CHANGES_TOPIC
    assert len(comparison.responders) == len(SCOPE)


def test_a_pronoun_after_a_dash_leaves_the_topic_to_the_sentence_before_it() -> None:
    """'… den nya lagen om kommunernas brottsförebyggande ansvar – vad säger de om den?': 'den' is the law."""
    question = (
        "Kungsholmen och utbildningsnämnden hänvisar till den nya lagen om kommuners ansvar – vad säger de om den?"
    )
    assert "lagen" in topic_of(question, SCOPE)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Hur skiljer sig trafiknämndens och socialnämndens syn på platssamverkan?", "platssamverkan"),
        ("Hur skiljer sig Enskede-Årsta-Vantörs synpunkter 2020 från Kungsholmens 2023 om samverkan?", "samverkan"),
        ("Vad säger Kungsholmens stadsdelsförvaltning och trafikkontoret om Fridhemsplan?", "Fridhemsplan"),
        ("Hur beskriver socialnämnden respektive skolförvaltningen skolans roll?", "skolans roll"),
        # Initials and short names, as users write them, name a responder and leave the topic.
        ("Jamfor vad Kungsholmen och EAV sager om platsaktivering", "platsaktivering"),
        ("Hur ser utbildningsnämnden och EÅV-förvaltningen på gemensamma begrepp?", "gemensamma begrepp"),
        ("Vad säger Kungsholmen och soc om narkotika?", "narkotika"),
        ("Vilka digitala verktyg lyfter utbildningsnämnden respektive trafiknämnden fram?", "digitala verktyg"),
        ("How do Kungsholmen and EÅV differ when it comes to lighting?", "lighting"),
        # a responder named by its staff; staff that is the topic stays
        ("Hur ser Kungsholmens tjänstepersoner och soc på platssamverkan?", "platssamverkan"),
        ("Vad säger Kungsholmen och soc om påverkan på tjänstepersoner?", "påverkan tjänstepersoner"),
        # an English name word names a committee only before 'committee': 'schools' here is the topic
        ("What do the education and traffic committees say about independent schools?", "independent schools"),
        # the body word of an English name is part of the name ('Services' in 'Social Services'); 'office'
        # stays, the glossary gives it as the documents' kontoret
        ("What do Social Services and the traffic committee say about lighting?", "lighting"),
        ("What do Social Services and the traffic office say about lighting?", "office lighting"),
        # who is asking and why frames it too
        (
            "Barnperspektivet i Kungsholmens och socs svar? Jag vill ha en mening från var och en.",
            "Barnperspektivet mening",
        ),
        (
            "Jag skriver om barnperspektivet. Vad tycker Kungsholmen och soc?",
            "barnperspektivet",
        ),  # the scene is the topic
        ("Klotter i parker: vad säger Kungsholmen och soc om programmet?", "Klotter parker programmet"),  # a label
        ("Välfärdsbrott in English: what do Kungsholmen and soc say?", "Välfärdsbrott"),  # the language asked in
        # the last sentence names what it asks about; the sentences before say whom
        (
            "Trafikkontoret anger kronor, EÅV vill ha resurser. Jämför vad de två skriver om pengar och resurser.",
            "pengar resurser",
        ),
        # … not when the sentence before asks what about itself
        (
            "Ger programmet konkreta exempel? Vad säger Kungsholmen och EÅV om exemplen?",
            "Ger programmet konkreta exempel exemplen",
        ),
    ],
)
def test_topic_leaves_out_names_years_and_framing(question: str, topic: str) -> None:
    assert topic_of(question, SCOPE) == topic
    assert len(responders_in_order(question, SCOPE)) == 2


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # what they share, where they part and who stands alone frame the question; the topic is what is left
        ("Är trafiknämnden ensam om att ta upp belysning?", "belysning"),
        ("Ser nämnderna likadant på kameraövervakning?", "kameraövervakning"),
        ("Hur värderar förvaltningarna platssamverkan?", "platssamverkan"),
        ("Is Kungsholmen the only one that mentions drugs?", "drugs"),
        ("Does anyone besides the traffic committee talk about lighting?", "lighting"),
        ("Vad tycker de som svarat om trygghetsmätningen?", "trygghetsmätningen"),
    ],
)
def test_a_group_questions_topic_leaves_out_its_framing(question: str, topic: str) -> None:
    assert set(analyze(topic_of(question, SCOPE))) == set(analyze(topic))


@pytest.mark.parametrize(
    "question",
    [
        "Vilka likheter finns mellan remissvaren?",
        "Var är remissvaren oense?",
        "Var någon av remissinstanserna emot trygghetsprogrammet, eller fick förslaget ett gott mottagande?",
    ],
)
def test_what_they_share_or_how_they_received_it_is_a_view_of_the_whole(question: str) -> None:
    assert is_general(topic_of(question, SCOPE))


def test_english_topic_gets_the_documents_words() -> None:
    comparison = read("How do Kungsholmen and the education committee view the gender equality perspective?")
    assert comparison is not None and "jämställdhet" in comparison.topic


def test_an_english_topic_has_no_responders_names() -> None:
    """'street' is glossed as trafikkontoret's field, but asked of each responder it is no request for its text."""
    comparison = read("What do the traffic office and social services say about street lighting?")
    assert comparison is not None and "lighting" in comparison.topic
    assert not {"trafikkontoret", "trafiknämnden"} & set(comparison.topic.split())


def test_an_english_month_in_a_topic_is_no_unknown_name() -> None:
    """'July' is translated, not a name no document mentions: the topic is searched, not refused."""
    comparison = read("Which committees talk about the new law from July 2023?")
    assert comparison is not None and "juli" in comparison.topic and "July" not in comparison.topic


@pytest.mark.parametrize(
    ("question", "held_to"),
    [
        # the Swedish words the asker wrote, not the glossary's frame words ('concrete' -> 'konkret')
        (
            "Which responders bring up undue influence on staff (otillåten påverkan), and does any ask for something "
            "concrete?",
            "otillåten påverkan",
        ),
        # none written: the glossary's words, not English words a document happens to hold ('team')
        ("Our team wonders which committees discuss the gender equality perspective?", "jämställdhet"),
    ],
)
def test_which_responders_take_an_english_topic_up_is_judged_by_its_swedish_words(question: str, held_to: str) -> None:
    comparison = read(question)
    assert comparison is not None and comparison.which
    held = comparison.held_to.split()
    assert held_to in comparison.held_to and "team" not in held and "konkret" not in held


@pytest.mark.parametrize(
    ("question", "procedure", "opinion"),
    [
        ("Skiljer sig utbildningsnämndens och trafiknämndens förslag till beslut?", True, False),
        ("Hade Kungsholmen och trafiknämnden samma sista svarsdag?", True, False),
        ("Vilka avdelningar tog fram svaret hos Kungsholmen jämfört med trafiknämnden?", True, False),
        ("Hur ser Kungsholmen och trafiknämnden på samverkan?", False, True),
    ],
)
def test_questions_about_the_handling_are_not_about_views(question: str, procedure: bool, opinion: bool) -> None:
    comparison = read(question)
    assert comparison is not None
    assert (comparison.procedure, comparison.opinion, comparison.prefer is None) == (procedure, opinion, True)


def test_preparation_questions_search_for_the_preparation_sentence() -> None:
    comparison = read("Vilka avdelningar tog fram svaret hos Kungsholmen jämfört med trafiknämnden?")
    assert comparison is not None and "beretts" in comparison.topic


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Vad säger socialnämden och trafiknämdens kontor?", ["Socialnämnden", "Trafiknämnden"]),
        ("Vad säger skolnämnden och trafikkontoret?", ["Utbildningsnämnden", "Trafiknämnden"]),
        ("Jämför Kungsholmen och Enskede", ["Kungsholmens stadsdelsnämnd", "Enskede-Årsta-Vantörs stadsdelsnämnd"]),
    ],
)
def test_misspelt_committee_names(question: str, named: list[str]) -> None:
    assert responders_in_order(question, SCOPE) == named


def test_groups_and_periods() -> None:
    assert group_asked("the district committees", SCOPE) == [r for r in SCOPE if "stadsdel" in r]
    assert period_responders((2020, 2023), [], PERIODS) == []  # one period is no comparison of periods
    assert period_responders((2020, 2023, 2024, 2027), ["Trafiknämnden"], PERIODS) == [
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
        "Socialnämnden",
        "Trafiknämnden",
    ]


def test_a_group_and_each_of_its_members_asked_is_a_comparison() -> None:
    """'Two district committees … what does each of them say': each member's view."""
    comparison = read("There are two district committees among the responses. What does each of them say on graffiti?")
    assert comparison is not None and set(comparison.responders) == {r for r in SCOPE if "stadsdel" in r}


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        # one responder and another period's year: its own answer is asked, not every responder of that period
        ("Kungsholmen svarade på 2024–2027-förslaget. Hur löd deras svar 2021 på det förra programmet?", None),
        (
            "Hur skiljer sig trafiknämndens syn på programmet 2024–2027 från synen på programmet 2020–2023?",
            ("Enskede-Årsta-Vantörs stadsdelsnämnd", "Socialnämnden", "Trafiknämnden"),
        ),
    ],
)
def test_one_responder_sets_periods_against_each_other_only_when_compared(
    question: str, compared: tuple[str, ...] | None
) -> None:
    comparison = read(question)
    assert (comparison.responders if comparison else None) == compared


# --- which sentence answers ------------------------------------------------------------------


def scored_passage(
    key: str, section: str, sentences: list[tuple[str, float, float]], responder: str = "Trafiknämnden"
) -> tuple[Hit, SentenceScores]:
    """A passage of (sentence, cosine, coverage) rows, scored as the second stage would leave it."""
    text = " ".join(s for s, _, _ in sentences)
    meta = DocMeta(title="Remissvar", responder=responder, period="2024–2027")
    chunk = Chunk(key, f"{key}.txt", 0, len(text), text, text, section, 0, meta, "sha", 1)
    spans, at = [], 0
    for s, _, _ in sentences:
        spans.append((at, at + len(s)))
        at += len(s) + 1
    scores = SentenceScores(
        tuple(spans),
        tuple(s for s, _, _ in sentences),
        np.array([d for _, d, _ in sentences]),
        np.array([c for _, _, c in sentences]),
    )
    return Hit(chunk, 1.0), scores


def _chosen(hits: list[tuple[Hit, SentenceScores]], **kwargs: object) -> list[str]:
    table = {h.chunk.id: s for h, s in hits}
    out = choose([h for h, _ in hits], table, **kwargs)  # type: ignore[arg-type]
    return [table[h.chunk.id].texts[[sp for sp in table[h.chunk.id].spans].index(span)] for h, span in out]


DECISION = "Trafiknämnden godkänner tjänsteutlåtandet som svar på remissen."
VIEW = "Kontoret ställer sig positivt till förslaget om en trygg offentlig miljö."
BACKGROUND = "Programmet har fyra fokusområden som gäller för alla nämnder i staden."
SUMMARY_VIEW = "Förvaltningen tycker att det är bra med ett gemensamt program för alla."


@pytest.mark.parametrize(
    ("kwargs", "first"),
    [
        # a question about the decision is answered by it; otherwise a decision is never quoted
        ({"procedure": True, "opinion": False}, DECISION),
        ({"procedure": False, "opinion": True}, VIEW),
    ],
)
def test_decision_sentences_only_when_the_handling_is_asked(kwargs: dict[str, object], first: str) -> None:
    hits = [
        scored_passage("a", "Förslag till beslut", [(DECISION, 0.8, 0.0)]),
        scored_passage("b", "Synpunkter", [(VIEW, 0.8, 0.3), (BACKGROUND, 0.8, 0.3)]),
    ]
    assert _chosen(hits, prefer=None, topic_terms=frozenset(analyze("förslag till beslut")), **kwargs)[0] == first


def test_a_whole_view_comes_from_the_summary() -> None:
    criticism = "I förslaget nämns detta blandat med metoder vilket blir otydligt i programmet."
    hits = [
        scored_passage("a", "Teoretiskt ramverk", [(criticism, 0.9, 0.9)]),
        scored_passage("b", "Bakgrund", [(BACKGROUND, 0.85, 0.5)]),
        scored_passage("c", "Sammanfattning", [(SUMMARY_VIEW, 0.88, 0.1)]),
    ]
    assert _chosen(hits, prefer=None, general=True)[0] == SUMMARY_VIEW


def test_a_verdict_on_the_whole_comes_before_praise_of_a_part() -> None:
    praise = "Det är också positivt att programmet inkluderar arbetet mot välfärdsbrott."
    verdict = "Utbildningsförvaltningen ställer sig positiv till programförslagets innehåll."
    hits = [
        scored_passage("a", "Sammanfattning", [(praise, 0.85, 0.5)]),
        scored_passage("b", "Förvaltningens synpunkter", [(verdict, 0.8, 0.3), (BACKGROUND, 0.7, 0.3)]),
    ]
    assert _chosen(hits, prefer=None, general=True)[0] == verdict


def test_a_heading_that_names_the_topic_counts_for_its_sentences() -> None:
    under = "Kontoret arbetar i nära dialog med polisen och stadsdelarna varje vecka."
    elsewhere = "Polisen nämns på flera ställen i programmet som en viktig aktör."
    hits = [
        scored_passage("a", "Övrigt", [(elsewhere, 0.85, 0.2)]),
        scored_passage("b", "Samverkan", [(under, 0.85, 0.0)]),
    ]
    terms = frozenset(analyze("samverkan"))
    assert _chosen(hits, prefer=None, opinion=False, topic_terms=terms)[0] == under


def test_a_sections_first_sentence_states_its_subject() -> None:
    first = "Kommunen har enligt lag inget brottsförebyggande uppdrag i dag."
    later = "Det innebär att ingen lag definierar vad arbetet innebär för kommunen."
    hits = [
        scored_passage(
            "a", "Uppdrag och ansvar", [("Uppdrag och ansvar", 0.8, 0.1), (first, 0.85, 0.32), (later, 0.86, 0.33)]
        )
    ]
    assert _chosen(hits, prefer=None, opinion=False)[0] == first


@pytest.mark.parametrize(
    "question",
    [
        "vi missade svarstiden - hur langt bak i tiden ligger sista dagarna som kungsholmen och socialnamnden anger",
        "Timeline check: what were the response deadlines in the Kungsholmen paper and the social services paper?",
    ],
)
def test_deadlines_compared_are_searched_as_the_referrals_deadline(question: str) -> None:
    comparison = read(question)
    assert comparison is not None and comparison.procedure
    assert comparison.topic == "yttrande senast remisstiden mottagit"  # not 'missade', 'tiden', 'timeline'


@pytest.mark.parametrize(
    ("question", "which"),
    [
        # every responder's remarks asked with 'har … för synpunkter', or the remarks first
        ("vad har nämnderna för synpunkter på begreppet utsatta områden", False),
        ("Vilka invändningar har förvaltningarna mot samordningen?", False),
        # which of the responses hold it: only those that name it
        ("samarbete med civilsamhället – vilka av svaren tar upp det?", True),
        ("står det nåt om otillåten påverkan i nåt av remissvaren?", True),
        ("är det nån nämnd som vill se mer om klotter i programmet?", True),  # whichever of them does
        # the stance of the responses asked, the responses named in the errand before it
        ("Jag ska presentera remissvaren imorgon – vilka är de viktigaste kritiska punkterna?", False),
    ],
)
def test_every_responder_asked_by_their_remarks_or_which_responses_hold_it(question: str, which: bool) -> None:
    comparison = read(question)
    assert comparison is not None and list(comparison.responders) == SCOPE
    assert comparison.which == which
