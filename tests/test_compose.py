"""The extractive composer: markers match citations, lists are gathered, nothing is invented."""

from __future__ import annotations

import re

import numpy as np
import pytest

from assistant.compose import (
    SentenceMix,
    carried_coverage,
    compose,
    is_verdict,
    lists,
    praises_whole,
    quoted_phrases,
    restates,
)
from assistant.records import Hit
from assistant.sentence_scores import SentenceScores, score_sentences
from vectorstore.analyzer import term_set
from vectorstore.embedders.fake import FakeEmbedder
from vectorstore.records import Chunk, DocMeta

EMBEDDER = FakeEmbedder()


def _chunk(cid: str, text: str, ordinal: int = 0, source: str = "a.txt") -> Chunk:
    return Chunk(
        cid, source, 0, len(text), text, text, "Bakgrund", ordinal, DocMeta(responder="Socialnämnden"), "sha", 2
    )


def _answer(question: str, chunks: list[Chunk], next_chunk=None) -> tuple[str, list]:
    hits = [Hit(c, 1.0 - i * 0.1) for i, c in enumerate(chunks)]
    weights = {"ansvar": 1.0, "offentlig": 1.0, "miljo": 1.0}
    sentences = score_sentences(hits, EMBEDDER.embed_query(question), weights, EMBEDDER.embed_documents)
    text, citations = compose(question, hits, sentences, 4, next_chunk=next_chunk)
    return text, citations


def test_every_marker_refers_to_a_citation_and_every_sentence_is_from_it() -> None:
    chunks = [
        _chunk("c1", "Trafiknämnden har ett särskilt ansvar för den offentliga miljön. Det är bra."),
        _chunk("c2", "Miljönämnden har också ansvar för stadens offentliga miljö. Något annat helt.", source="b.txt"),
    ]
    text, citations = _answer("Vilka nämnder har ansvar för den offentliga miljön?", chunks)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert markers == {c.n for c in citations}
    for part in re.split(r"\s*\[\d+\]\s*", text):
        if part.strip():
            assert any(part.strip() in c.chunk.clean_text for c in citations)
    for citation in citations:
        for span in citation.highlights:
            assert citation.chunk.clean_text[span.start : span.end] in text


def test_list_introduced_at_the_end_of_a_passage_is_completed_from_the_next_chunk() -> None:
    first = _chunk("c1", "Programmet har ansvar för offentlig miljö inom följande fokusområden:", ordinal=0)
    second = _chunk("c2", "- Förebyggande arbete\n- Stadens offentliga miljö\n\nAnnan text här.", ordinal=1)
    text, citations = _answer("Vilka fokusområden har ansvar för offentlig miljö?", [first], lambda c: second)
    assert "- Förebyggande arbete" in text and "- Stadens offentliga miljö" in text
    assert {c.chunk.id for c in citations} == {"c1", "c2"}
    assert text.splitlines()[0].endswith("[1]") and text.splitlines()[1].endswith("[2]")


def test_a_heading_inside_a_passage_is_no_answer_sentence() -> None:
    # the passage's one sentence is procedure, which answers no question of content: its heading is no answer either
    chunk = _chunk("c1", "Ärendets beredning\n\nÄrendet har beretts inom kontoret med ansvar för offentlig miljö.")
    text, _ = _answer("Vem har ansvar för offentlig miljö?", [chunk])
    assert "Ärendets beredning" not in text


def test_no_hits_gives_no_answer() -> None:
    assert compose("Vad?", [], {}, 4) == ("", [])


def test_repeated_sentences_from_overlapping_chunks_appear_once() -> None:
    same = "Trafiknämnden har ansvar för den offentliga miljön."
    text, _ = _answer("Vem har ansvar för offentlig miljö?", [_chunk("c1", same), _chunk("c2", same)])
    assert text.count("Trafiknämnden har ansvar") == 1


def test_the_best_sentence_brings_the_next_when_the_thought_goes_on() -> None:
    text = (
        "Arbetet med offentlig miljö och ansvar sker i fem steg som startar med en kartläggning. "
        "Därefter följer orsaksanalys, åtgärder och uppföljning. Parkerna sköts väl."
    )
    answer, _ = _answer("Vilka steg ingår i arbetet med ansvar för offentlig miljö?", [_chunk("c1", text)])
    assert "Därefter följer orsaksanalys" in answer
    assert "Parkerna" not in answer


def test_a_when_answer_brings_the_next_sentence_when_it_holds_the_date() -> None:
    text = (
        "Regeringen har tillsatt en utredning om ansvar för offentlig miljö. "
        "Den ska lämna sitt förslag senast den 15 juni 2021.\n\nParkerna sköts väl."  # no sequel by its words
    )
    hits = [Hit(_chunk("c1", text), 1.0)]
    question = "När ska utredningen om ansvar för offentlig miljö vara klar?"
    weights = {"ansvar": 1.0, "offentlig": 1.0, "miljo": 1.0}
    sentences = score_sentences(hits, EMBEDDER.embed_query(question), weights, EMBEDDER.embed_documents)
    when, _ = compose(question, hits, sentences, 1, answer_type="when")
    other, _ = compose(question, hits, sentences, 1, answer_type="other")
    assert "Regeringen har tillsatt" in when and "15 juni 2021" in when
    assert "15 juni 2021" not in other  # only what a question lacks brings the next sentence


def test_a_shorter_restatement_of_a_chosen_sentence_is_left_out() -> None:
    longer = "Förvaltningen är positiv till programmet och anser att det stärker det trygghetsskapande arbetet."
    said = [term_set(longer)]
    assert restates("Förvaltningen är positiv till programmet.", said)  # adds nothing
    assert not restates("Förvaltningen saknar en analys av jämställdhet i programmet.", said)  # adds something


def test_a_list_stops_at_the_next_sections_heading() -> None:
    """'Remissinstanser är …' lists its bodies; the heading after it ('Ärendet') is no row of that list."""
    text = (
        "Remissinstanser med ansvar för offentlig miljö är Trafiknämnden, Socialnämnden och Polisregion Stockholm.\n\n"
        "Ärendet\n\nKommunstyrelsen har remitterat programmet till nämnden för yttrande om ansvar."
    )
    answer, _ = _answer("Vilka remissinstanser har ansvar för offentlig miljö?", [_chunk("c1", text)])
    assert "Polisregion Stockholm" in answer
    assert "Ärendet" not in answer


def test_a_table_after_its_introduction_is_kept() -> None:
    text = (
        "Satsningarna med ansvar för offentlig miljö fördelas så här:\n\nOmråde Belopp\nTorg och parker 35 miljoner kr"
    )
    answer, _ = _answer("Hur fördelas satsningarna med ansvar för offentlig miljö?", [_chunk("c1", text)])
    assert "Torg och parker 35 miljoner kr" in answer


def test_short_lines_after_a_full_stop_are_no_table_of_its_list() -> None:
    """A signature under a section's last sentence is the next block, not rows of a list the sentence began."""
    text = (
        "Programmet ska utgå från ansvar för offentlig miljö och ett funktionshinderperspektiv.\n\n"
        "Anna Holm\nAvdelningschef\nKungsholmens\nstadsdelsförvaltning"
    )
    answer, _ = _answer("Vilka perspektiv ska ansvar för offentlig miljö utgå från?", [_chunk("c1", text)])
    assert "funktionshinderperspektiv" in answer
    assert "Anna Holm" not in answer


def test_a_list_item_without_its_introduction_is_left_out_of_a_plain_answer() -> None:
    """A passage that opens inside a list: its items say nothing on their own to a question that is no list."""
    text = "- Ansvar för offentlig miljö\n- Riktade sociala insatser\n\nTrafiknämnden sköter gatorna i staden."
    answer, _ = _answer("Vem har ansvar för offentlig miljö?", [_chunk("c1", text)])
    assert "Trafiknämnden sköter gatorna" in answer
    assert "- Ansvar" not in answer


def test_an_introduction_without_a_colon_goes_with_its_list_only() -> None:
    """'… under rubrikerna' and then its items: no answer sentence alone, the list's opening for a list question."""
    text = (
        "Ansvar för offentlig miljö finns i programmet under rubrikerna\n\n- Stadens offentliga miljö\n"
        "- Stadsutveckling.\n\nTrafiknämnden har ansvar för den offentliga miljön i staden."
    )
    answer, _ = _answer("Vem har ansvar för offentlig miljö?", [_chunk("c1", text)])
    assert "Trafiknämnden har ansvar" in answer
    assert "under rubrikerna" not in answer
    answer, _ = _answer("Under vilka rubriker finns ansvar för offentlig miljö?", [_chunk("c1", text)])
    assert "under rubrikerna" in answer and "- Stadsutveckling" in answer


def test_an_introduction_whose_list_was_shown_already_is_left_out() -> None:
    """Two passages introduce the same list: the second introduction would dangle without items of its own."""
    items = "\n\n- Ansvar för offentlig miljö\n- Riktade sociala insatser"
    first = _chunk("c1", "Programmet har fyra fokusområden med ansvar för offentlig miljö:" + items)
    intro = "Trygghetsprogrammet utgår från fokusområden med ansvar för offentlig miljö:"
    second = _chunk("c2", intro + items, source="b.txt")
    answer, _ = _answer("Vilka fokusområden med ansvar för offentlig miljö finns?", [first, second])
    assert answer.count("- Riktade sociala insatser") == 1
    introductions = [s for s in re.split(r"\s*\[\d+\]\s*", answer) if s.rstrip().endswith(":")]
    assert len(introductions) == 1


def test_a_sentence_that_names_several_things_holds_a_list() -> None:
    from assistant.compose import holds_answer_type

    assert holds_answer_type("Arbetet ska utgå från Trygghetsmätningen, Stockholmsenkäten och skolenkäter.", "list")
    assert holds_answer_type("Program som ABC, Komet och grupper för nyanlända föräldrar är viktiga.", "list")
    assert holds_answer_type("Programmet pekar ut följande fokusområden:", "list")
    assert not holds_answer_type("Förvaltningen ställer sig positiv till programförslagets innehåll.", "list")


def test_what_an_office_means_is_its_view() -> None:
    from assistant.compose import holds_answer_type

    assert holds_answer_type("Förvaltningen menar att samverkan med civilsamhället kan lyftas fram.", "opinion")
    assert not holds_answer_type("Att motverka rekrytering kräver breda insatser från hela samhället.", "opinion")


def test_a_sentence_that_says_what_something_is_holds_a_definition() -> None:
    from assistant.compose import holds_answer_type

    assert holds_answer_type(
        "Vidare definieras att brottsförebyggande arbete är att minska brottsligheten.", "definition"
    )
    assert holds_answer_type("Otillåten påverkan är ett samlingsbegrepp för handlingar som …", "definition")
    assert not holds_answer_type(
        "Utifrån definitionen av brottsförebyggande arbete saknar förvaltningen en tydlighet.", "definition"
    )


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Detta holistiska arbetssätt pekar ut fyra fokusområden:", True),
        ("I gymnasieskolan går 14 400 stockholms elever, cirka 50 %.", True),
        ("Struktur och fokusområden i förslag till nytt trygghetsprogram för 2024–2027 är desamma.", False),  # a period
        ("Enligt planen ska arbetet vara klart år 2025.", False),  # a year
        ("Otryggheten ska ha halverats till år 2025.", True),  # by how much it falls
        ("Dokumentet godkändes 2023-10-09.", False),  # a date
    ],
)
def test_a_year_or_a_date_is_no_quantity(sentence: str, counts: bool) -> None:
    """'Hur många fokusområden …?' is not answered by a programme period."""
    from assistant.compose import holds_answer_type

    assert holds_answer_type(sentence, "quantity") is counts


def test_a_year_the_question_brought_answers_no_when() -> None:
    """'När … programmet för 2020–2023?': a sentence naming only that period does not say when; a date does."""
    from assistant.compose import holds_answer_type

    period = "Stadsledningskontoret har föreslagit ett nytt trygghetsprogram som ska gälla för tiden 2020-2023."
    deadline = "Remisstiden sträcker sig till den 21 februari 2021."
    assert holds_answer_type(period, "when")
    assert not holds_answer_type(period, "when", given=(2020, 2023))
    assert holds_answer_type(deadline, "when", given=(2020, 2023))
    assert holds_answer_type(deadline, "when", given=(2021,))  # the day and month still say when
    assert holds_answer_type("Hugga ner buskar kan exempelvis strida mot handlingsplanen.", "example")
    assert not holds_answer_type("Det kan röra gränsdragningsfrågor om vem som har ansvar.", "example")


def test_a_thought_over_two_sentences_is_found_both_ways() -> None:
    """'Detta görs …' and 'Här kan …' lean on the sentence before them; a new paragraph does not."""
    from assistant.compose import continuation, leaned_on

    text = (
        "Stadsdelen följer skillnaderna mellan kön. Detta görs genom mätningar. "
        "Samordningen har stor utvecklingspotential. Här kan ANDT-arbetet tjäna som exempel.\n\nDetta är nytt."
    )
    hit = Hit(_chunk("c1", text), 1.0)

    def span_of(sentence: str) -> tuple[int, int]:
        start = text.index(sentence)
        return start, start + len(sentence)

    view = span_of("Stadsdelen följer skillnaderna mellan kön.")
    assert continuation(hit, view[1]) == span_of("Detta görs genom mätningar.")
    assert leaned_on(hit, view[0]) is None  # it opens the passage
    example = span_of("Här kan ANDT-arbetet tjäna som exempel.")
    assert leaned_on(hit, example[0]) == span_of("Samordningen har stor utvecklingspotential.")
    assert continuation(hit, example[1]) is None  # 'Detta är nytt.' opens a paragraph of its own
    assert leaned_on(hit, span_of("Detta görs genom mätningar.")[0]) == view


@pytest.mark.parametrize(
    ("first", "then", "goes_on"),
    [
        # a consequence, an example, the noun the first sentence introduced taken up again ...
        ("Programmet beskriver många handböcker.", "Det leder till mycket text.", True),
        ("Det kan röra gränsdragningsfrågor.", "Hugga ner buskar kan exempelvis strida mot föreskrifter.", True),
        (
            "Regeringen har tillsatt en utredning om ansvaret.",
            "Utredningen ska lämna sitt förslag senast i juni.",
            True,
        ),
        # ... but not a new claim by the same speaker, nor a sentence about something else
        ("Förvaltningen tycker att programmet är bra.", "Förvaltningen önskar ett förtydligande.", False),
        ("Regeringen har tillsatt en utredning om ansvaret.", "Skolan har en viktig roll.", False),
    ],
)
def test_a_sentence_that_goes_on_from_the_best_one_follows_it(first: str, then: str, goes_on: bool) -> None:
    from assistant.compose import continuation

    text = f"{first} {then}"
    hit = Hit(_chunk("c1", text), 1.0)
    start = text.index(then)
    assert continuation(hit, len(first)) == ((start, start + len(then)) if goes_on else None)


@pytest.mark.parametrize(
    ("text", "leans_on"),
    [
        # 'Det innebär …' says what the sentence before means: that one comes with it ...
        ("Stadsdelen får ett nytt uppdrag. Det innebär att ansvaret växer.", "Stadsdelen får ett nytt uppdrag."),
        # ... unless that one leans back in turn: then the answer opens as it did
        ("Regeringen tillsatte en utredning. Utredningen var klar i juni. Det innebär att lagen saknas.", None),
        ("Skolan är viktig. Det är bra.", None),  # no consequence asked of the one before
    ],
)
def test_a_consequence_brings_what_it_is_the_consequence_of(text: str, leans_on: str | None) -> None:
    from assistant.compose import leaned_on

    last = text.rindex(". ") + 2
    span = leaned_on(Hit(_chunk("c1", text), 1.0), last)
    assert (text[span[0] : span[1]] if span else None) == leans_on


def test_a_view_stated_just_before_the_best_sentence_completes_it() -> None:
    """An opinion question's best sentence without a view takes the one before it when that states one."""
    text = (
        "I programmet heter det orsaksanalys och förvaltningen anser att det är en bra utveckling. "
        "Metoden går ut på att förstå varför brott sker på en viss plats vid en viss tid."
    )
    chunks = [_chunk("c1", text)]
    hits = [Hit(c, 1.0) for c in chunks]
    question = "Vad tycker förvaltningen om att förstå varför brott sker på en viss plats vid en viss tid?"
    weights = {"forst": 1.0, "brott": 1.0, "plats": 1.0, "tid": 1.0}
    sentences = score_sentences(hits, EMBEDDER.embed_query(question), weights, EMBEDDER.embed_documents)
    answer, _ = compose(question, hits, sentences, 1, answer_type="opinion")
    assert answer.index("bra utveckling") < answer.index("Metoden går ut på")  # in the order written
    plain, _ = compose(question, hits, sentences, 1)  # a question that asks for no view: the best sentence alone
    assert "bra utveckling" not in plain


@pytest.mark.parametrize(
    ("before", "best"),
    [
        (
            "Stockholm har unika utmaningar kopplade till trygghet i huvudstaden.",
            "Av den anledningen behöver staden arbeta mer systematiskt med utvärdering och forskning.",
        ),
        (
            "I programmet heter det orsaksanalys och förvaltningen ser det som en bra utveckling.",
            "Det handlar om att förstå varför brott sker på en viss plats vid en viss tid.",
        ),
    ],
)
def test_an_answer_never_opens_on_a_sentence_that_leans_back(before: str, best: str) -> None:
    """'Av den anledningen …', 'Det handlar om …' need what they lean on: it comes first, whatever is asked."""
    hits = [Hit(_chunk("c1", f"{before} {best}"), 1.0)]
    question = best.rstrip(".") + "?"
    weights = {t: 1.0 for t in term_set(best)}
    sentences = score_sentences(hits, EMBEDDER.embed_query(question), weights, EMBEDDER.embed_documents)
    answer, _ = compose(question, hits, sentences, 1)
    assert answer.index(before[:30]) < answer.index(best[:30])


@pytest.mark.parametrize(
    ("texts", "term", "expected"),
    [
        (
            ["Programmet utgår från fyra fokusområden:", "- Förebyggande arbete", "- Stadsutveckling"],
            "fokusomrad",
            True,
        ),
        (["Struktur och fokusområden är desamma som förut.", "Programmet gäller alla."], "fokusomrad", False),
        (["Det framgår i uppdrag och ansvar att:", "- Nämnderna ska samverka"], "fokusomrad", False),
        (["Programmet utgår från fyra fokusområden:", "Förebyggande arbete är ett av dem."], "fokusomrad", False),
        # a full stop before the bullets, the compound's head at the end ('… inom fyra viktiga områden.')
        (["Programmet ramas in genom arbete inom fyra viktiga områden.", "• Stadsutveckling"], "fokusomrad", True),
        # ... not a word far from the end ('Tre områden lyfts fram som utgångspunkter i arbetet.')
        (["Tre områden lyfts fram som utgångspunkter i det lokala arbetet.", "• Verktyg"], "fokusomrad", False),
        (["Det ryms i programmet under rubrikerna", "- Stadsutveckling"], "fokusomrad", False),  # runs on: unnamed
    ],
)
def test_a_list_is_found_where_its_introduction_names_what_is_asked(
    texts: list[str], term: str, expected: bool
) -> None:
    assert lists(texts, term) is expected


@pytest.mark.parametrize(("room", "sentences"), [(0, 1), (400, 2), (60, 1)])
def test_a_short_confident_answer_takes_one_more_sentence_while_it_stays_short(room: int, sentences: int) -> None:
    chunk = _chunk(
        "c1",
        "Trafiknämnden har ansvar för den offentliga miljön. "
        "Parkerna i offentlig miljö sköts av stadsdelarna. "
        "Miljöförvaltningen mäter buller i staden.",
    )
    hits = [Hit(chunk, 1.0)]
    question = "Vem har ansvar för offentlig miljö?"
    weights = {"ansvar": 1.0, "offentlig": 1.0, "miljo": 1.0}
    scores = score_sentences(hits, EMBEDDER.embed_query(question), weights, EMBEDDER.embed_documents)
    # Always confident, budget one sentence: only the room decides whether a second one comes.
    mix = SentenceMix(confident=0.0, confident_budget=1, confident_room=room, keep_ratio=0.0)
    text, _ = compose(question, hits, scores, 3, mix=mix)
    assert text.count("[1]") == sentences


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Förvaltningen ställer sig positiv till programförslagets innehåll.", True),
        ("Förvaltningen tycker att det är bra med ett gemensamt program som gäller för alla förvaltningar.", True),
        ("Förvaltningen tycker att det ar bra med ett gemensamt program som géller for alla.", True),  # OCR
        (
            "Förvaltningen vill betona det positiva i att det nu finns ett förslag till ett gemensamt program.",
            True,
        ),
        ("Den nya versionen kommer bli ett bra stöd för stadens samtliga förvaltningar och bolag.", True),
        ("Det är bra att det i programmet framgår vad chefer har för ansvar.", False),  # a part, not the whole
        ("Det är bra att programmet betonar vikten av samverkan.", False),
    ],
)
def test_a_view_of_the_whole_programme_is_told_from_praise_of_a_part(sentence: str, verdict: bool) -> None:
    assert (is_verdict(sentence) or praises_whole(sentence)) is verdict


@pytest.mark.parametrize(
    ("second", "carried"),
    [
        ("Programmet saknar beskrivning kring vad som gäller för dess verksamhet.", 0.8),  # 'dess': the schools
        ("Dessa skolor nämns inte i programmet.", 0.8),
        ("Parkerna sköts av stadsdelarna.", 0.0),  # a new subject carries nothing
    ],
)
def test_a_sentence_pointing_back_carries_some_of_the_wording_before_it(second: str, carried: float) -> None:
    first = "En betydande del av eleverna går i fristående skolor."
    text = f"{first} {second}"
    spans = ((0, len(first)), (len(first) + 1, len(text)))
    scores = SentenceScores(spans, (first, second), np.zeros(2), np.array([1.0, 0.0]))
    assert carried_coverage(text, scores).tolist() == pytest.approx([1.0, carried])


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Vilka insatser nämns under 'andra insatser som lyfts'?", ["andra insatser som lyfts"]),
        ("Vad menas med ”särskilt utsatt område”?", ["sarskilt utsatt omrade"]),
        ("What does the education committee's response say the city's role is?", []),  # apostrophes in words
        ("Vad betyder 'MVP'?", []),  # one word: the lexical signals find it as they are
    ],
)
def test_a_phrase_the_question_quotes(question: str, quoted: list[str]) -> None:
    assert quoted_phrases(question) == quoted


def test_a_sentence_that_holds_a_quoted_phrase_opens_the_answer() -> None:
    """The user copies the phrase from the text: the sentence that holds it is the one asked about."""
    chunk = _chunk(
        "q",
        "Insatser som lyfts för ansvar i offentlig miljö är många och ansvar för offentlig miljö lyfts. "
        "Andra insatser som lyfts är Relationsvåldscentrum och ORIGO.",
    )
    text, _ = _answer("Vilka insatser för ansvar i offentlig miljö kallas 'andra insatser som lyfts'?", [chunk])
    assert text.startswith("Andra insatser som lyfts är Relationsvåldscentrum")


def test_each_part_of_a_joined_question_is_answered() -> None:
    """'…, och vad visar enkäten om flickor?': the sentence that holds the second part's words joins the answer."""
    text = (
        "Förvaltningen har ansvar för offentlig miljö och saknar en analys av ansvar för offentlig miljö. "
        "Parkerna sköts väl av nämnden. "
        "Stockholmsenkäten visar att flickor upplever större otrygghet än pojkar."
    )
    hits = [Hit(_chunk("c1", text), 1.0)]
    question = "Vad saknar förvaltningen om ansvar för offentlig miljö, och vad visar enkäten om flickor?"
    weights = {"ansvar": 1.0, "offentlig": 1.0, "miljo": 1.0}
    sentences = score_sentences(hits, EMBEDDER.embed_query(question), weights, EMBEDDER.embed_documents)
    alone, _ = compose(question, hits, sentences, 1)
    both, citations = compose(question, hits, sentences, 1, parts=[("ansvar", "offentlig"), ("flick",)])
    assert "flickor" not in alone
    assert alone.split(" [1]")[0] in both and "flickor upplever" in both
    assert all(citations[0].chunk.clean_text[s.start : s.end] in both for s in citations[0].highlights)
    # a part the chosen sentences already answer adds nothing
    same, _ = compose(question, hits, sentences, 1, parts=[("ansvar", "offentlig")])
    assert same == alone


@pytest.mark.parametrize(
    ("sentence", "term", "defined"),
    [
        ("Otillåten påverkan är ett samlingsbegrepp för handlingar.", "otillåten påverkan", True),
        ("Tjänsten (PDV, Pågående dödligt våld) larmar.", "PDV", True),
        # a name of several words is defined only where all of it stands, not by a word like its first
        ("Förvaltningen tycker att det är bra att programmet finns.", "Tyck till-appen", False),
        ("Tyck till-appen är en viktig källa för data.", "Tyck till-appen", True),
        ("Tjänsten (PDV, Pågående dödligt våld) larmar.", "PDV utskrivet", True),  # as a question words it
    ],
)
def test_what_defines_a_term(sentence: str, term: str, defined: bool) -> None:
    from assistant.compose import defines

    assert defines([sentence], term) is defined
