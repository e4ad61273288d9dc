"""Fast checks of which sentences a comparison quotes for each responder (no model, no store).

The topic's words are met inside compounds and other stems of the same word
(assistant/compare_terms.py), and the sentence next to the one chosen is quoted when it holds
what the first lacks (assistant/compare_choice.py). Hand-made sentence scores stand in for the
embedder: (sentence, similarity to the question, exact-term coverage).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.compare import WHICH_SHARE, View, _with_its_context, asks_anyone, asks_which
from assistant.compare_answer import in_short
from assistant.compare_choice import choose, holds_topic, names_rarest
from assistant.compare_rules import Comparison
from assistant.compare_terms import added_coverage, adjacent_sentence, topic_coverage
from assistant.positions import NO_POSITION, Position
from assistant.question import asks_comparison
from assistant.records import Hit
from assistant.responder_names import responders_in_order
from assistant.sentence_scores import SentenceScores
from ingest.furniture import sentence_kind
from tests.test_compare_rules import scored_passage
from vectorstore.analyzer import analyze, term, term_matches

RESPONDERS = [
    "Enskede-Årsta-Vantörs stadsdelsnämnd",
    "Kungsholmens stadsdelsnämnd",
    "Socialnämnden",
    "Trafiknämnden",
    "Utbildningsnämnden",
]


def _term(word: str) -> str:
    return term(word.lower())


@pytest.mark.parametrize(
    ("topic_word", "text_word", "meets"),
    [
        ("polisen", "Polisregion", True),  # the topic word as a compound's first part
        ("samverkan", "samverkansöverenskommelsen", True),
        ("droger", "drogszen", True),
        ("programmet", "Trygghetsprogrammet", True),  # as its last part
        ("orsaksanalyser", "orsaksanalys", True),  # one word, stemmed two ways
        ("samordningen", "samordningsuppdrag", True),
        ("polisen", "polisen", True),
        ("lag", "lagstiftning", False),  # too short to be a part
        ("skolan", "förskolan", True),
        ("teorier", "rutinaktivitetsteorin", True),  # as its head, with the ending the stemmer left on
        ("vård", "sjukvården", False),  # a head of five letters or more only
        ("samverkan", "samordning", False),  # another word altogether
        ("trafik", "trygghet", False),
    ],
)
def test_topic_words_meet_compounds_and_other_stems(topic_word: str, text_word: str, meets: bool) -> None:
    assert term_matches(_term(topic_word), _term(text_word)) is meets


def test_coverage_counts_the_topic_inside_compounds_by_its_weight() -> None:
    weights = {_term("samverkan"): 1.0, _term("polisen"): 3.0}
    inside = analyze("Detta sker inom samverkansöverenskommelsen med Polisregion Stockholm.")
    only_police = analyze("Utsatta områden är en terminologi som Polisen tagit fram.")
    assert topic_coverage(weights, inside) == pytest.approx(1.0)
    assert topic_coverage(weights, only_police) == pytest.approx(0.75)
    assert topic_coverage({}, inside) == 0.0
    # what a second sentence adds: the part of the topic the first lacks
    assert added_coverage(weights, only_police, inside) == pytest.approx(0.25)
    assert added_coverage(weights, inside, only_police) == 0.0


@pytest.mark.parametrize(
    ("relevance", "floor", "expected"),
    [
        ({(0, 10): 0.5, (22, 30): 0.7}, 0.4, (22, 30)),  # the more relevant of the two neighbours
        ({(0, 10): 0.5}, 0.4, (0, 10)),
        ({(0, 10): 0.3, (22, 30): 0.2}, 0.4, None),  # neither relevant enough
        ({(31, 40): 0.9}, 0.4, None),  # not next to the chosen sentence
        ({}, 0.0, None),  # no neighbour speaks of the topic
    ],
)
def test_the_neighbour_of_a_chosen_sentence(
    relevance: dict[tuple[int, int], float], floor: float, expected: tuple[int, int] | None
) -> None:
    spans = [(0, 10), (11, 21), (22, 30), (31, 40)]
    assert adjacent_sentence((11, 21), spans, relevance, floor) == expected


def _passage(key: str, sentences: list[tuple[str, float, float]]) -> tuple[Hit, SentenceScores]:
    return scored_passage(key, "Barnrättsperspektiv", sentences, "Kungsholmens stadsdelsnämnd")


def _quoted(
    passages: list[tuple[Hit, SentenceScores]], topic: str, weights: dict[str, float], **kw: object
) -> list[str]:
    table = {h.chunk.id: s for h, s in passages}
    out = choose([h for h, _ in passages], table, None, topic_terms=frozenset(analyze(topic)), weights=weights, **kw)  # type: ignore[arg-type]
    return [table[h.chunk.id].texts[table[h.chunk.id].spans.index(span)] for h, span in out]


CONVENTION = "Av artikel 33 i barnkonventionen framgår att barn ska skyddas mot droger."
FRIDHEMSPLAN = "Området runt Fridhemsplan är en öppen drogszen och förvaltningen provar platsaktivering."
ELSEWHERE = "Programmet tar upp arbetet mot missbruk i flera av stadens verksamheter."
UNRELATED = "Barnets bästa ska alltid beaktas i beslut och åtgärder som rör barnet."


def test_a_lone_sentence_gets_its_neighbour_that_names_the_asked_fact() -> None:
    # Only the first sentence is relevant enough on its own; the next one says what was done about it.
    passages = [_passage("k", [(UNRELATED, 0.70, 0.0), (CONVENTION, 0.90, 0.5), (FRIDHEMSPLAN, 0.80, 0.0)])]
    weights = {_term("droger"): 1.0, _term("missbruk"): 1.0}
    assert _quoted(passages, "droger missbruk", weights, opinion=False) == [CONVENTION, FRIDHEMSPLAN]


def test_the_neighbour_replaces_a_second_sentence_that_adds_nothing_of_the_topic() -> None:
    weights = {_term("droger"): 1.0, _term("platsaktivering"): 2.0}
    repeat = "Droger är ett problem som staden och förvaltningen arbetar med varje dag."
    passages = [
        _passage("k", [(CONVENTION, 0.90, 0.33), (FRIDHEMSPLAN, 0.70, 0.0)]),
        _passage("l", [(repeat, 0.89, 0.33)]),
    ]
    quoted = _quoted(passages, "droger platsaktivering", weights, opinion=False)
    assert quoted == [CONVENTION, FRIDHEMSPLAN]


def test_a_compound_holding_the_topic_makes_a_sentence_relevant() -> None:
    police = "Detta sker inom ramen för samverkansöverenskommelsen med Polisregion Stockholm."
    vague = "Förvaltningens uppdrag inom trygghetsfrågor är omfattande och diversifierat."
    passages = [_passage("u", [(vague, 0.86, 0.0), (police, 0.85, 0.0), (UNRELATED, 0.70, 0.0)])]
    weights = {_term("samverkan"): 1.0, _term("polisen"): 2.0}
    assert _quoted(passages, "samverkan polisen", weights, opinion=False)[0] == police
    assert holds_topic(passages[0][1], weights)
    assert not holds_topic(_passage("v", [(vague, 0.86, 0.0)])[1], weights)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "How do the traffic and social committees describe responsibility for the public environment?",
            ["Trafiknämnden", "Socialnämnden"],
        ),
        ("What do the education and the traffic committees say?", ["Utbildningsnämnden", "Trafiknämnden"]),
        ("Does the traffic committee mention the police?", ["Trafiknämnden"]),
        ("Which social media does the programme mention?", []),  # 'social' with no committee after it
    ],
)
def test_english_names_listed_before_one_committee_word(question: str, named: list[str]) -> None:
    assert responders_in_order(question, RESPONDERS) == named


@pytest.mark.parametrize(
    ("question", "compares"),
    [
        ("Which committees mention the Tyck till app?", True),
        ("Which committee talks about Fridhemsplan and why?", True),  # the singular asks the same
        ("Which committee mentions Cosafe?", True),
        ("Which committee is responsible for the public environment?", False),  # what the programme says
        ("Which committees discuss graffiti?", True),
        ("Which committees talk about the new law from July 2023?", True),
        ("Vilka nämnder säger något om våld i nära relationer?", True),
        ("Vilka av nämnderna skriver om klotter?", True),
        ("vilka namnder tar upp fristaende skolor", True),
        ("Vilka nämnder som har lyft frågan om belysning?", True),
        ("vilken nämnd tar upp klotter", True),  # the singular asks the same
        ("Vilken nämnd ansvarar för belysningen?", False),  # what the programme says
        ("Vad säger trafiknämnden om klotter?", False),
        ("Vad tycker nämnderna om kameraövervakning?", True),  # the responders together
        ("Vad säger de fem nämnderna om uppföljning?", True),
        ("What do the five committees say about schools?", True),
        ("Hur ställer sig var och en av nämnderna till förslaget – för eller emot?", True),
        ("How does each of the committees view the programme?", True),
        ("Var och en av nämnderna ska utse en samordnare, vad innebär det?", True),
        ("Vad säger programmet om de fem fokusområdena?", False),
        ("Hur ser remissinstanserna på platssamverkan?", True),
        ("Vad står det i remissvaren om belysning?", True),
        ("What did the responses say about schools?", True),
        ("Vad säger programmet om nämndernas ansvar?", False),  # what the programme says
        ("Vad ska förvaltningarna göra enligt programmet?", False),
        ("Which focus areas does the programme mention?", False),
        # a stance, or a summary, asked of whoever holds it: every response
        ("Vilka är kritiska till programmet?", True),
        ("Vem är mest kritisk?", True),
        ("Är någon nämnd negativ till förslaget?", True),
        ("Who is critical of the programme?", True),
        ("Vem tycker vad om programmet?", True),
        ("Vilka synpunkter kom in på programmet?", True),
        ("Sammanfatta remissvaren", True),
        ("Summarize the responses", True),
        ("Vilka delar är kritiska för tryggheten?", False),  # critical for something: a part of the programme
        ("Vem är handläggare för trafiknämndens remissvar?", False),
        # one who against another
        ("Lagen om brottsförebyggande arbete: vem nämner lagen, vem säger att den saknas?", True),
        ("Who mentions the new law, and who says none exists?", True),
        ("Vem nämner lagen i sitt remissvar?", False),  # one who: a single answer names whoever does
        ("Which responders explicitly include an LGBTQ perspective?", True),
        # whoever holds it, asked in other words
        ("Finns det någon av de fem som säger nej till programmet, eller är alla för?", True),
        ("Which committees bring in children's rights, and in what way?", True),
        ("Drugs and narcotics: which of the responses touch on them, and in what connection?", True),
        ("Region Stockholm – dyker den upp i något av remissvaren som partner?", True),
        ("Vilka svar tar upp riktade insatser, och till vilka grupper riktas de?", True),  # responses, any verb
        ("Omedelbar justering – vilka två remissvar begär det?", True),
        ("Vilka av nämnderna ville justera beslutet direkt?", True),
        ("Vilka nämnder har låtit sitt funktionshinderråd titta på ärendet?", True),
        ("Besides Enskede-Årsta-Vantör, does any responder raise clashes with nature protection?", True),
        ("Place activation shows up in two responses. How does each use it?", True),
        ("Tre svar anger när remissen skulle vara besvarad. Vilka datum?", True),
        ("Vilka svar på remissen ska lämnas senast i oktober?", False),  # the responses as a thing, not their text
        ("Vilka nämnder ansvarar för stadens offentliga miljö?", False),  # what the programme gives them
        ("Which committees are responsible for the public environment?", False),
        # asked with the verb first, of whoever answered, or of what worries the responses
        ("tar nagon av forvaltningarna upp funktionshinderperspektivet eller tillganglighet?", True),
        ("Nämner någon av nämnderna Agenda 2030?", True),
        ("Tar socialnämnden upp narkotika?", False),  # one responder
        ("Tar någon upp narkotika?", False),  # anyone at all, not the responders
        ("Vad skiljer det nya förslaget från det gamla programmet, enligt dem som yttrat sig?", True),
        ("Vad tycker dem som bor i området?", False),  # residents, not responders
        ("Is drug use or substance abuse something the responses worry about?", True),
    ],
)
def test_questions_about_which_responders_take_a_topic_up(question: str, compares: bool) -> None:
    assert asks_comparison(question) is compares


# --- "Vilka nämnder tar upp X?": a responder takes X up only when it names X's rare words ---------


@pytest.mark.parametrize(
    ("weights", "sentence", "names"),
    [
        ({"stod": 1.0, "foraldr": 3.0}, "Kontoret efterfrågar mer stöd i form av stödmaterial.", False),
        ({"stod": 1.0, "foraldr": 3.0}, "Föräldrastödsprogram som ABC är viktiga insatser.", True),  # in a compound
        ({"bostadsomrad": 3.1, "stigmatiser": 3.0}, "Ord kan stigmatisera områden.", True),  # either rare word
        ({"platssamverkan": 3.0}, "Samverkan med fastighetsägare behövs.", False),  # one word: that word
        ({"okand": 3.0}, "Vad som helst.", True),  # no word the documents know: nothing to hold it to
        # a compound by both its parts in one sentence, not by one of them
        ({"jamstalldhetsanaly": 3.0}, "Förvaltningen gör ingen egen analys av konsekvenser för jämställdhet.", True),
        ({"jamstalldhetsanaly": 3.0}, "En analys av trafiken behövs.", False),
    ],
)
def test_a_responder_takes_a_topic_up_when_it_names_its_rare_words(
    weights: dict[str, float], sentence: str, names: bool
) -> None:
    _, scores = _passage("p", [(sentence, 0.9, 0.5)])
    known = {"stod", "foraldr", "bostadsomrad", "stigmatiser", "platssamverkan", "plats", "samverkan"}
    known |= {"jamstalldhetsanaly", "jamstalld", "analy"}
    assert names_rarest([scores], weights, known) is names


@pytest.mark.parametrize(("share", "names"), [(0.8, False), (WHICH_SHARE, True), (0.5, True)])
def test_which_responders_take_a_topic_up_is_judged_by_its_rare_words_within_a_share(share: float, names: bool) -> None:
    # 'unga i riskzon': a response about young people that never writes 'riskzon' takes it up at the shipped share,
    # a response about support alone ('stöd', a third of the rarest word's weight) does not
    weights = {"ung": 2.0, "riskzon": 3.0, "stod": 1.0}
    _, young = _passage("p", [("Unga behöver stöd från vuxna.", 0.9, 0.5)])
    _, support = _passage("q", [("Kontoret efterfrågar mer stöd.", 0.9, 0.5)])
    known = {"ung", "riskzon", "stod", "vuxn"}
    assert names_rarest([young], weights, known, share) is names
    assert not names_rarest([support], weights, known, share)


@pytest.mark.parametrize(
    ("question", "which"),
    [
        ("Vilka nämnder tar upp stöd till föräldrar?", True),
        ("Vilka av nämnderna skriver om klotter?", True),
        ("Which committees mention the Tyck till app?", True),
        ("Vilken nämnd nämner klotter?", True),
        ("Orsaksanalyser dyker upp i flera svar – i vilka, och vad sägs om dem?", True),
        ("Vilken nämnd är mest kritisk till programmet?", False),  # every responder's view, to weigh them
        ("Vad tycker varje nämnd om programmet?", False),
        ("Hur skiljer sig trafiknämnden och socialnämnden om klotter?", False),
    ],
)
def test_which_responders_take_a_topic_up(question: str, which: bool) -> None:
    assert asks_which(question) is which


@pytest.mark.parametrize(
    ("question", "anyone"),
    [
        ("Is anyone critical of how the programme uses police terms?", True),
        ("Does anyone think the programme text is too long?", True),
        ("Finns det någon som saknar ett jämställdhetsperspektiv?", True),
        ("Tar någon annan än socialnämnden upp föräldrarnas roll?", True),
        ("Ser någon risker med att använda polisens begrepp?", True),
        ("Tar någon av förvaltningarna upp klotter?", False),  # which of a group named: asks_which's
        ("Finns det någon samordnare för arbetet?", False),
        # a responder of any kind, as users type it ('nån nämnd', 'något remissvar', verb first)
        ("finns det nån nämnd som skriver om civilsamhället?", True),
        ("Är det någon av nämnderna som tar upp friskolorna?", True),
        ("Tar något remissvar upp målkonflikter?", True),
        ("Hänvisar någon nämnd till forskning?", True),
        ("Tar något parti ställning till programmet?", False),  # 'något' of no responder is no one
        ("Vem ansvarar för belysningen?", False),
    ],
)
def test_whether_anyone_takes_a_topic_up(question: str, anyone: bool) -> None:
    assert asks_anyone(question) is anyone


def test_how_the_referral_was_handled_is_no_ones_view() -> None:
    """'Ärendet har beretts av Staben i samarbete med …' is procedure: quoted only when the handling is asked."""
    handled = "Ärendet har beretts av Staben i samarbete med avdelningarna Stadsmiljö och lokaler."
    view = "Samarbetet med polisen är viktigt för det trygghetsskapande arbetet i stadsdelen."
    hit, scores = _passage("p", [(handled, 0.88, 0.5), (view, 0.84, 0.5)])
    scores = replace(scores, kinds=tuple(sentence_kind(s) for s in scores.texts))
    weights = {_term("samarbetet"): 1.0, _term("polisen"): 1.0}
    assert _quoted([(hit, scores)], "samarbetet polisen", weights, opinion=False) == [view]
    assert handled in _quoted([(hit, scores)], "samarbetet polisen", weights, opinion=False, procedure=True)


def test_a_retold_proposal_states_no_view_of_the_responder() -> None:
    """A 'behöver' under 'Ärendet' is the programme's proposal retold: the responder's own view comes first."""
    retold = "Särskilt viktigt är att stöd når de unga och de familjer som behöver det mest."
    own = "Förvaltningen anser att stödet till unga och deras familjer är en viktig del av programmet."
    hit, scores = _passage("s", [(retold, 0.90, 0.5), (own, 0.84, 0.5)])
    weights = {_term("unga"): 1.0, _term("familjer"): 1.0}
    assert _quoted([(hit, scores)], "unga familjer", weights)[0] == retold  # read as a proposal
    retelling = frozenset({(hit.chunk.id, scores.spans[0])})
    assert _quoted([(hit, scores)], "unga familjer", weights, retold=retelling)[0] == own


def test_a_later_quoted_sentence_that_leans_back_brings_its_ground() -> None:
    """'Därför bör inte staden använda begrepp …' says why only with the sentence before it."""
    rows = [
        ("Utsatta områden är en terminologi som Polisen tagit fram.", 0.9, 0.5),
        ("Förvaltningen vill inte använda ord som kan stigmatisera områden.", 0.2, 0.0),
        ("Därför bör inte staden använda begrepp som utsatt område.", 0.8, 0.5),
    ]
    hit, scores = scored_passage("u", "Begrepp", rows)
    first, ground, therefore = scores.spans
    chosen = _with_its_context([(hit, first), (hit, therefore)])
    assert [span for _, span in chosen] == [first, ground, therefore]


# --- The line a stance, 'which' or whole-programme comparison opens with ------------------------------


def _view(responder: str, label: str | None) -> View:
    """A responder's view: label None for one that does not take the topic up, '' for one that states none."""
    if label is None:
        return View(responder, f"{responder}.txt", False, NO_POSITION)
    return View(responder, f"{responder}.txt", True, Position(label, "cue") if label else NO_POSITION)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("comparison", "labels", "lead"),
    [
        (  # a stance asked of all: who stands where, critical first
            Comparison(("A", "B", "C"), "programmet", "kritisk"),
            ["positiv", "kritisk", "kritisk"],
            "I korthet – kritisk: B och C; positiv: A.",
        ),
        (  # which of them take a topic up: labels aside
            Comparison(("A", "B", "C"), "klotter", which=True),
            ["kritisk", None, ""],
            "I korthet – tar upp frågan: A och C; tar inte upp frågan: B.",
        ),
        (  # each one's view of the whole
            Comparison(("A", "B", "C", "D"), "trygghetsprogrammet"),
            ["positiv", "positiv", "", None],
            "I korthet – positiv: A och B; tar upp frågan: C; tar inte upp frågan: D.",
        ),
        (Comparison(("A", "B"), "programmet", "kritisk"), ["kritisk", "positiv"], ""),  # two: read at a glance
        (Comparison(("A", "B", "C"), "platssamverkan"), ["positiv", "", None], ""),  # a topic's content, no stance
        (Comparison(("A", "B", "C"), "beslut", procedure=True), ["", "", ""], ""),  # the referral's handling
    ],
)
def test_the_lead_line_says_who_stands_where_as_the_paragraphs_label_it(
    comparison: Comparison, labels: list[str | None], lead: str
) -> None:
    views = [_view(r, label) for r, label in zip(comparison.responders, labels, strict=True)]
    assert in_short(comparison, views) == lead
