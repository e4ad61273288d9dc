"""`trygg ask` on the bundled corpus with the real default embedder: what a user sees."""

from __future__ import annotations

import json
import re

import pytest

from assistant.core import Assistant, Turn
from assistant.settings import Settings
from cli import main
from vectorstore.records import Filters

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def assistant(real_home: Settings) -> Assistant:
    return Assistant(real_home)


def _ask_json(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> dict:
    monkeypatch.setenv("TRYGG_HOME", str(settings.home))
    assert main(["ask", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_design_question_names_the_committees_and_cites_socialnamnden(
    real_home: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _ask_json(real_home, capsys, monkeypatch, "Vilka nämnder ansvarar för stadens offentliga miljö?")
    answer = out["answer"].lower()
    for committee in ("stadsbyggnadsnämnden", "trafiknämnden", "miljönämnden", "stadsdelsnämnderna"):
        assert committee in answer
    assert not out["abstained"]
    assert any(c["responder"] == "Socialnämnden" for c in out["citations"])
    assert set(out["timings_ms"]) == {"retrieve", "rerank", "answer", "total"}


def test_json_spans_are_real_text_and_markers_match_citations(
    real_home: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _ask_json(real_home, capsys, monkeypatch, "Vad tycker trafiknämnden om programmet?")
    assert len(out["passages"]) >= 10
    assert [p["rank"] for p in out["passages"]] == list(range(1, len(out["passages"]) + 1))
    for item in out["citations"] + out["passages"]:
        text = (real_home.corpus / item["source"]).read_text(encoding="utf-8")
        assert text[item["start"] : item["end"]] == item["text"]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", out["answer"])}
    assert markers == {c["n"] for c in out["citations"]}
    assert all(c["responder"] == "Trafiknämnden" for c in out["citations"])


def test_out_of_scope_questions_are_declined(assistant: Assistant) -> None:
    for question, why in (
        ("Hur ser Göteborgs stads trygghetsprogram ut?", "Dokumenten nämner inte Göteborgs."),
        ("Vad svarade Idrottsnämnden på remissen?", "Det finns inget remissvar från Idrottsnämnden"),
        # named in Swedish when asked in English
        ("What did the culture committee say about the safety programme?", "inget remissvar från kulturnämnden"),
        # A word every response uses ('trygghet') names nothing of the topic; its other word is in none.
        ("Finns det något om trygghet i kollektivtrafiken?", "Dokumenten nämner inte ”kollektivtrafiken”."),
        ("Vad tycker trafiknämnden om trygghet i tunnelbanan?", "Dokumenten nämner inte ”tunnelbanan”."),
        # Asked whether a response mentions what only others' name.
        ("Nämner trafikkontoret något om utsatta områden?", "Trafiknämndens remissvar nämner inte ”utsatta områden”."),
        # Asked of a name only others' responses use; a name is not paraphrased.
        (
            "Vill trafikkontoret att satsningen Mentorer i våldsprevention lyfts fram tydligare?",
            "Trafiknämndens remissvar nämner inte ”Mentorer i våldsprevention”.",
        ),
        ("Can you recommend a good restaurant near Fridhemsplan?", "ger inga rekommendationer"),
        ("Who scored the winning goal in the match?", "Inget stycke i dokumenten handlar om"),
        ("Vad gör staden mot tiggeri?", "Dokumenten nämner inte ”tiggeri”."),  # what no document names
        ("Vilka brott ökar mest i Stockholm?", "ingen sådan rangordning"),  # statistics none of them give
        ("När beslutar kommunfullmäktige om programmet?", "när det ska ske"),  # not the earlier adoption
        ("Har antalet skjutningar gått ner i Stockholm?", "ingen sådan förändring"),
        ("Ska skolorna få mer pengar för trygghetsarbete?", "pengar eller resurser"),
        ("vilken nattbusslinje ar tryggast att ta hem fran centralen", "ger inga rekommendationer"),
        # 'Rinkeby' begins a name the documents use (Rinkebymodellen); alone it is a district none mentions
        ("What does the city do about crime in Rinkeby?", "Dokumenten nämner inte Rinkeby"),
        # A view of what only others' responses take up
        ("Vad anser utbildningsnämnden om trygghetskameror vid skolor?", "nämner inte ”trygghetskameror”"),
        # a response without the synonym's word for what no document names ('kameraövervakning': trygghetskameror)
        ("Vad säger Kungsholmen om kameraövervakning?", "nämner inte ”kameraövervakning”"),
        # written after the responses, or what came of them
        ("ändrade kommunstyrelsen programmet efter EÅV:s kritik?", "säger inget om hur det till slut blev"),
        # ... in other words than theirs: another's passage outscores the named one's by far
        (
            "Hur ser trafikkontoret på att skolsociala team samarbetar med polisen?",
            "Trafiknämndens remissvar tar inte upp det frågan gäller; det gör däremot socialnämndens remissvar.",
        ),
    ):
        answer = assistant.ask(question)
        assert answer.abstained and not answer.citations
        # The refusal says so, and why, in Swedish.
        assert answer.text.startswith("Jag hittar inget svar på det i dokumenten.") and why in answer.text


def test_a_named_response_that_uses_the_rare_word_is_asked_for_it(assistant: Assistant) -> None:
    """Socialnämnden writes 'ANDT-arbete' once; another response spells ANDT out and ranks higher, not instead."""
    answer = assistant.ask("Vad säger socialnämnden om ANDT?")
    assert not answer.abstained and "ANDT-arbete" in answer.text
    assert {c.chunk.meta.responder for c in answer.citations} == {"Socialnämnden"}


def test_where_the_user_works_is_no_unknown_name(assistant: Assistant) -> None:
    """A place in the user's introduction is theirs; what they ask is answered ('Tensta' is in no document)."""
    answer = assistant.ask(
        "Vi är en BVC-grupp i Tensta och undrar: vilket uppsökande upplägg för nya föräldrar nämner "
        "socialförvaltningen, och vilken aktör utanför kommunen är med och driver det?"
    )
    assert not answer.abstained and "Rinkebymodellen" in answer.text and "Region Stockholm" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a name asked of the response that uses it, or an acronym that another response writes out
        ("Vad tycker utbildningsnämnden om Cosafe?", "Cosafe"),
        ("Vad tycker socialnämnden om MVP?", "Mentorer i våldsprevention"),
        ("vad sager socialnamnden om mvp", "Mentorer i våldsprevention"),  # as users type it
        # a when-clause that sets the scene is no when-question
        (
            "När stadsdelarna rustar upp eller gör platser tillgängliga – ska de då jobba ihop med externa aktörer, "
            "enligt socialnämnden?",
            "samverka med externa aktörer",
        ),
        ("Hur får jag tag på handläggaren Jenny Lindfors?", "08-50808203"),
        ("Från vilken instans kom remissen om programmet till utbildningsnämnden?", "kommunstyrelsen"),
        # a phrase quoted from the text: its passage first, though others share more of the words
        ("Vilka insatser nämns därefter som 'andra insatser' enligt socialförvaltningen?", "Relationsvåldscentrum"),
        ("Vem skrev underlaget på skolförvaltnigen?", "avdelningen för ekonomi och styrning"),  # an office misspelt
        # a deadline that ran out, not the document's date
        ("exakt vilken dag löpte svarstiden ut enligt socialnämdens handling?", "21 februari 2021"),
        ("08-50833898 – vems nummer är det i utbildningsnämndens handlingar?", "Roger Adolfsson"),  # whose number
        ("What does the city want to achieve by 2025?", "halverad till år 2025"),  # the aim, in English
        ("Vad gör staden mot klotter?", "klotter"),  # what is done against a topic the documents name
        ("Vilka skolor nämns som betydelsefulla aktörer?", "grundskolan"),  # kinds of school listed
        ("Vad säger EÅV om trygghetsarbetet?", "trygghetsskapande"),  # a compound said by its parts
        ("diarienr för utbildningsnämndens ärende?", "KS 2023/739"),  # a shorthand for the field
        ("Which bodies were consulted?", "Polisregion Stockholm"),  # the referral's own words, in English
    ],
)
def test_questions_the_documents_answer_are_answered(assistant: Assistant, question: str, said: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained and said.lower() in " ".join(answer.text.split()).lower()


def test_question_without_diacritics_finds_the_ocr_damaged_document(assistant: Assistant) -> None:
    answer = assistant.ask("Vad tycker forvaltningen i Enskede-Arsta-Vantor om samverkan?")
    assert not answer.abstained
    assert answer.passages[0].chunk.meta.responder == "Enskede-Årsta-Vantörs stadsdelsnämnd"


def test_english_question_is_answered_from_the_swedish_text(assistant: Assistant) -> None:
    answer = assistant.ask("Which four focus areas does the safety programme have?")
    assert not answer.abstained
    assert "stadsutveckling" in answer.text.lower()


def test_an_acronym_is_explained_where_a_passage_spells_it_out(assistant: Assistant) -> None:
    """The responder named in the question pulls other passages up; the one defining the term answers."""
    for question in ("What does PDV stand for in the education committee's response?", "Vad står PDV för?"):
        answer = assistant.ask(question)
        assert not answer.abstained
        assert "Pågående dödligt våld" in answer.text.split("[")[0]  # the first sentence spells it out


def test_filters_keep_to_one_responder_and_period(assistant: Assistant) -> None:
    answer = assistant.ask("Vad är viktigt i trygghetsarbetet?", filters=Filters(responders=("Utbildningsnämnden",)))
    assert {h.chunk.meta.responder for h in answer.passages} == {"Utbildningsnämnden"}
    answer = assistant.ask("Vad är viktigt i trygghetsarbetet?", filters=Filters(periods=("2020–2023",)))
    assert {h.chunk.meta.period for h in answer.passages} == {"2020–2023"}


def test_follow_up_keeps_the_topic_and_changes_the_responder(assistant: Assistant) -> None:
    first = assistant.ask("Vad tycker utbildningsförvaltningen om begreppet utsatta områden?")
    follow = assistant.ask("Och vad tyckte Enskede-Årsta-Vantör?", history=[Turn(first.question)])
    assert not follow.abstained
    assert {c.chunk.meta.responder for c in follow.citations} == {"Enskede-Årsta-Vantörs stadsdelsnämnd"}
    # the same asked of another: its verdict on the programme, as the first answer gave trafiknämnden's
    first = assistant.ask("Vad tycker trafiknämnden om programmet?")
    follow = assistant.ask("Och socialnämnden?", history=[Turn(first.question)])
    assert "positiv" in follow.text.split("[1]")[0]
    # a chain of follow-ups keeps whom the first asked about ('Och på skadedjur?' is still trafiknämnden's)
    history = [Turn("Vad tycker trafiknämnden om klotter?"), Turn("Hur mycket pengar lägger de på det?")]
    follow = assistant.ask("Och på skadedjur?", history=history)
    assert {c.chunk.meta.responder for c in follow.citations} == {"Trafiknämnden"} and "6 miljoner" in follow.text
    # which responders take up what was just asked about
    follow = assistant.ask("Vilka nämnder tar upp det?", history=[Turn("Vad är platssamverkan?")])
    assert "tar upp frågan: Socialnämnden och Trafiknämnden" in follow.text


def test_a_contact_question_is_answered_from_the_letterhead_with_its_span(
    real_home: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _ask_json(real_home, capsys, monkeypatch, "Vem ska jag ringa på trafikkontoret om deras trygghetsyttrande?")
    assert (
        out["answer"] == "Handläggare för trafiknämndens remissvar är Kristoffer Bengtsson, telefon 08-508 26 097. [1]"
    )
    assert out["understood"]["metadata_field"] == "kontakt"
    (cited,) = out["citations"]
    text = (real_home.corpus / cited["source"]).read_text(encoding="utf-8")
    assert text[cited["start"] : cited["end"]] == cited["text"]  # the file as shipped
    (start, end), *_ = cited["highlights"]
    assert cited["clean_text"][start:end] == "Kristoffer Bengtsson\n08-508 26 097"
    assert out["passages"][0]["chunk_id"] == cited["chunk_id"]  # the passage it was read from comes first


def test_a_question_about_a_part_is_not_answered_by_the_verdict_on_the_whole(assistant: Assistant) -> None:
    """A verdict on the whole programme counts for half here: what is to be moved is asked."""
    answer = assistant.ask("Vilka textavsnitt i programmet vill skolförvaltningen placera om, och var ska de hamna?")
    assert "flyttas in under rubriken" in answer.text
    overall = assistant.ask("Vad tycker utbildningsförvaltningen om trygghetsprogrammet?")
    assert "ställer sig positiv" in overall.text  # the verdict is what this one asks for
    misspelt = assistant.ask("Vad tycker Kungsholmens stadsdelsnämd om trygghetsprogrammet?")
    assert misspelt.text.split("[1]")[0].count("ställer sig positiv") == 1  # opens with it, as spelt right


def test_a_list_asked_for_is_read_where_a_passage_lists_it(assistant: Assistant) -> None:
    """The programme's years pull 'Struktur, fokusområden … 2024–2027 är huvudsakligen samma …' first."""
    answer = assistant.ask("Vilka är fokusområdena i nya trygghetsprogrammet 2024-2027?")
    assert all(
        area in answer.text for area in ("Riktade sociala insatser", "Stadens offentliga miljö", "Stadsutveckling")
    )
    first = answer.text.splitlines()[0]  # the list asked for opens the answer: its introduction alone
    assert first.endswith("fokusområden: [1]") and len(re.findall(r"\[\d+\]", first)) == 1


@pytest.mark.parametrize(
    ("question", "opens_with"),
    [
        # its passages name socialnämnden often; the verdict is where it states its view of the programme
        ("Vad tycker socialnämnden om programmet?", "Socialförvaltningen anser att stadsledningskontorets förslag"),
        ("Vad tycker trafiknämnden om trygghetsprogrammet?", "Kontoret ställer sig positivt till förslaget"),
        ("Hur ser utbildningsnämnden på trygghetsprogrammet?", "Utbildningsförvaltningen ställer sig positiv"),
        ("Stödjer utbildningsnämnden programmet?", "Utbildningsförvaltningen ställer sig positiv"),  # support: a view
    ],
)
def test_a_responders_view_of_the_programme_opens_with_its_verdict(
    assistant: Assistant, question: str, opens_with: str
) -> None:
    answer = assistant.ask(question)
    assert answer.text.split(": ", 1)[1].startswith(opens_with)
    assert "bilaga" not in answer.text  # 'Förslaget återfinns i sin helhet som bilaga 1' is no verdict


def test_the_passage_that_answers_is_shown_first(assistant: Assistant) -> None:
    """A paraphrase ranks the passage that answers second; it is shown first, where the answer quotes it."""
    answer = assistant.ask(
        "Gör verksamheten för dem som vill lämna gängen också stan tryggare för vanligt folk, "
        "enligt socialförvaltningen?"
    )
    assert "Avhopparverksamheten" in answer.text
    assert "Avhopparverksamheten" in answer.passages[0].chunk.clean_text


def test_the_previous_programmes_period_does_not_narrow_the_responses(assistant: Assistant) -> None:
    """A response to the 2024–2027 programme tells when the 2020–2023 one was adopted."""
    answer = assistant.ask("Vilket år antog fullmäktige det förra programmet för 2020–2023, enligt skolförvaltningen?")
    assert not answer.abstained and "2021" in answer.text


def test_a_goal_of_the_programme_period_named_answers_how_much(assistant: Assistant) -> None:
    """'… enligt X:s beskrivning av programmet för 2020–2023': the period and the frame name nothing counted."""
    answer = assistant.ask(
        "Hur mycket skulle otryggheten minska och till vilket år, enligt Enskede-Årsta-Vantörs beskrivning "
        "av programmet för 2020–2023?"
    )
    assert not answer.abstained and "halverad" in answer.text


def test_how_many_is_read_where_a_passage_counts_it(assistant: Assistant) -> None:
    """'Hur många fokusområden …': the programme's period is no number, 'de fyra fokusområdena' is."""
    answer = assistant.ask("Hur många fokusområden har det nya programmet?")
    assert not answer.abstained and "fyra fokusområden" in answer.text.split("[1]")[0]
    # asked in English, it is counted in the glossary's Swedish word ('focus areas' -> fokusområden)
    english = assistant.ask("How many focus areas are there?")
    assert not english.abstained and "fyra fokusområden" in english.text
    # a count of something else ('26 300 elever' in fristående skolor) does not answer a count of Cosafe's users
    assert assistant.ask("Hur många elever i stadens skolor använder Cosafe varje vecka?").abstained


@pytest.mark.parametrize(
    ("question", "says"),
    [
        (
            "Vilka brister ser socialnämnden i programmet?",
            "Socialnämnden (kritisk): Förvaltningen anser att några delar",
        ),
        ("Sammanfatta socialnämndens yttrande", "Socialnämnden (positiv): Socialförvaltningen är positiv"),
        ("Vilken nämnd är mest kritisk till programmet?", "I korthet – kritisk: Enskede-Årsta-Vantörs stadsdelsnämnd"),
    ],
)
def test_a_responders_criticism_or_summary_is_read_from_its_position_sentences(
    assistant: Assistant, question: str, says: str
) -> None:
    """Before, 'Ett särskilt ansvar för detta ligger på socialnämnden …' answered the first: its name matched."""
    answer = assistant.ask(question)
    assert answer.text.startswith(says)


def test_a_service_for_oneself_is_declined(assistant: Assistant) -> None:
    """'Hur felanmäler jag …' was answered with the traffic office's work with Tyck till-appen."""
    answer = assistant.ask("Hur felanmäler jag en trasig gatlykta i Tyck till-appen?")
    assert answer.abstained and "beskriver inte hur man" in answer.text


def test_a_responders_name_is_no_support_for_a_topic_it_does_not_take_up(assistant: Assistant) -> None:
    """Before, 'Kungsholmens stadsdelsförvaltning ställer sig positiv …' answered it: the name matched."""
    answer = assistant.ask("Vad tycker Kungsholmen om belysning?")
    assert answer.abstained and not answer.citations
    # and a topic it takes up in other words is still answered ('teorier' as 'teoretiskt ramverk', 'teorin')
    theories = assistant.ask("Vilka teorier vill Enskede-Årsta-Vantör att alla förvaltningar ska luta sig mot?")
    assert not theories.abstained and "rutinaktivitetsteorin" in theories.text


def test_a_responders_name_is_not_what_a_number_counts(assistant: Assistant) -> None:
    """'EAV:s' was held to be what the number counts, and no sentence named it: the goal was refused."""
    answer = assistant.ask("Hur mycket skulle otryggheten minska och till vilket år, enligt EAV:s beskrivning?")
    assert not answer.abstained and "halver" in answer.text
