"""Who said what on the bundled corpus with the real embedder: comparison answers, the overview, `trygg compile`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from assistant.core import Assistant
from assistant.records import Answer
from assistant.settings import Settings
from cli import main

pytestmark = pytest.mark.slow

FIVE = {
    "Enskede-Årsta-Vantörs stadsdelsnämnd": "004_2da92ff9d07e789e.txt",
    "Kungsholmens stadsdelsnämnd": "000_f7bada911ecf502f.txt",
    "Socialnämnden": "002_408878b7fb75fafa.txt",
    "Trafiknämnden": "003_3ff39f9cae3db934.txt",
    "Utbildningsnämnden": "001_ad4719a34cf89191.txt",
}


@pytest.fixture(scope="module")
def assistant(real_home: Settings) -> Assistant:
    return Assistant(real_home)


def paragraphs(answer: Answer) -> dict[str, str]:
    """The answer's paragraph of each responder, by the responder's name that opens it."""
    out = {}
    for paragraph in answer.text.split("\n\n"):
        name = next((r for r in FIVE if paragraph.startswith(r)), None)
        if name:
            out[name] = paragraph
    return out


def cited_sources(answer: Answer, paragraph: str) -> set[str]:
    by_n = {c.n: c.chunk.source for c in answer.citations}
    return {by_n[int(n)] for n in re.findall(r"\[(\d+)\]", paragraph)}


def test_two_named_responders_are_answered_each_from_its_own_document(assistant: Assistant) -> None:
    answer = assistant.ask("Hur skiljer sig trafiknämndens och socialnämndens synpunkter på trygghetsprogrammet?")
    parts = paragraphs(answer)
    assert list(parts) == ["Socialnämnden", "Trafiknämnden"]  # both, in the stable order
    for responder, paragraph in parts.items():
        assert cited_sources(answer, paragraph) == {FIVE[responder]}
    assert "positiv" in parts["Socialnämnden"] and "positiv" in parts["Trafiknämnden"]
    # A view of the whole programme opens with the sentence that states the position.
    assert all("positiv" in paragraph.split("[")[0] for paragraph in parts.values())
    assert answer.understood["compares"] is True  # how the question was read, as for any answer


def test_each_view_holds_what_the_question_asks_not_only_the_topic(assistant: Assistant) -> None:
    """'skiljer sig från det gamla' is no topic word, but it is what is asked: Kungsholmen says how."""
    answer = assistant.ask("Tycker Kungsholmen och utbildningsnämnden att programmet skiljer sig från det gamla?")
    parts = paragraphs(answer)
    assert "inga större förändringar" in parts["Kungsholmens stadsdelsnämnd"]
    assert cited_sources(answer, parts["Utbildningsnämnden"]) == {FIVE["Utbildningsnämnden"]}


def test_a_fact_asked_of_the_programme_is_no_verdict_on_it(assistant: Assistant) -> None:
    """'Vem har tagit fram förslaget …' asks who, per responder: not each one's verdict on the programme."""
    answer = assistant.ask(
        "Vem har tagit fram förslaget till trygghetsprogram enligt Kungsholmen och Enskede-Årsta-Vantör?"
    )
    parts = paragraphs(answer)
    assert all(paragraph.split("[")[0].count("Kommunstyrelsen har tagit fram") == 1 for paragraph in parts.values())


def test_the_referrals_deadline_is_read_from_each_responses_own_sentence(assistant: Assistant) -> None:
    """A deadline is a field of each response: its date cited where it stands, or said to be missing."""
    answer = assistant.ask("Vilken svarstid hade utbildningsnämnden och trafiknämnden på remissen?")
    assert answer.text.splitlines() == [
        "Enligt trafiknämndens remissvar skulle remissen besvaras senast 2023-10-27. [1]",
        "Utbildningsnämndens remissvar anger ingen svarsfrist för remissen.",
    ]
    assert [
        (c.chunk.source, c.chunk.clean_text[c.highlights[0].start : c.highlights[0].end]) for c in answer.citations
    ] == [(FIVE["Trafiknämnden"], "2023-10-27")]


def test_a_field_asked_of_every_response_opens_with_the_responses_that_state_it(assistant: Assistant) -> None:
    lines = assistant.ask("När är sista svarsdag för remissen?").text.splitlines()
    stated = [line.endswith("]") for line in lines]
    assert len(lines) == 5 and stated == sorted(stated, reverse=True) and stated[0] and not stated[-1]


def test_deadlines_compared_come_from_each_responses_deadline_sentence(assistant: Assistant) -> None:
    answer = assistant.ask(
        "vi missade svarstiden - hur langt bak i tiden ligger sista dagarna som kungsholmen, trafiknamnden "
        "och socialnamnden anger for sina remisser"
    )
    lines = answer.text.splitlines()
    assert len(lines) == 3
    assert "Kungsholmens" in lines[0] and "27 oktober 2023" in lines[0]
    assert "socialnämndens" in lines[1] and "21 februari 2021" in lines[1]
    assert "trafiknämndens" in lines[2] and "2023-10-27" in lines[2]
    assert {c.chunk.source for c in answer.citations} == {
        FIVE["Kungsholmens stadsdelsnämnd"],
        FIVE["Socialnämnden"],
        FIVE["Trafiknämnden"],
    }


def test_whoever_holds_a_topic_is_asked_each_responder(assistant: Assistant) -> None:
    """'förekommer den hos någon nämnd' names no one: every responder is asked, and more than one holds it."""
    parts = paragraphs(
        assistant.ask("Tyck till-appen: förekommer den hos någon nämnd, och i så fall hur beskrivs den?")
    )
    assert set(parts) == set(FIVE)
    assert "Tyck till-appen" in parts["Trafiknämnden"] and "Tyck till-appen" in parts["Socialnämnden"]


def test_one_named_beside_which_of_them_asks_them_all(assistant: Assistant) -> None:
    parts = paragraphs(
        assistant.ask(
            "Vilka av förvaltningarna föreslår omedelbar justering av protokollet, och hur låter Kungsholmens "
            "förslag till beslut jämfört med dem?"
        )
    )
    assert set(parts) == set(FIVE)
    assert "justeras omedelbart" in parts["Utbildningsnämnden"] and "omedelbart" in parts["Trafiknämnden"]


def test_an_amount_no_response_gives_is_declined_for_each(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Hur mycket kostade avhopparverksamheten staden under 2021 – finns någon siffra i EÅV:s eller "
        "socialnämndens svar?"
    )
    assert answer.abstained and not answer.citations


def test_advice_asked_across_the_responses_is_declined(assistant: Assistant) -> None:
    """The assistant's own view is no responder's: the single answer's refusal, not a paragraph per responder."""
    answer = assistant.ask("Vilken av nämndernas synpunkter tycker du att kommunstyrelsen borde prioritera först?")
    assert answer.abstained and not answer.citations
    assert "rekommendationer" in answer.text


def test_the_councils_each_response_went_to_are_read_from_its_beredning(assistant: Assistant) -> None:
    answer = assistant.ask("Vilka råd – pensionärsråd, funktionshinderråd – fick tycka till i nämndernas beredning?")
    assert not answer.abstained
    assert "pensionärsrådet" in answer.text and "18 oktober 2023" in answer.text and "11 februari 2021" in answer.text


def test_without_diacritics_and_paraphrased(assistant: Assistant) -> None:
    answer = assistant.ask("jamfor vad trafikkontoret och utbildningsforvaltningen sager om platssamverkan")
    parts = paragraphs(answer)
    assert set(parts) == {"Trafiknämnden", "Utbildningsnämnden"}
    assert "platssamverkan" in parts["Trafiknämnden"].lower()


def test_every_committee_is_summarised_from_its_own_document(assistant: Assistant) -> None:
    answer = assistant.ask("Sammanfatta vad varje nämnd tycker om programmet")
    parts = paragraphs(answer)
    assert list(parts) == sorted(FIVE)
    for responder, paragraph in parts.items():
        assert cited_sources(answer, paragraph) == {FIVE[responder]}
    assert "ställer sig positiv" in parts["Kungsholmens stadsdelsnämnd"]


def test_which_are_critical_shows_their_criticism(assistant: Assistant) -> None:
    parts = paragraphs(assistant.ask("Vilka nämnder är kritiska till programmet?"))
    assert "(kritisk)" in parts["Utbildningsnämnden"] and "saknar" in parts["Utbildningsnämnden"]
    assert "(kritisk)" in parts["Trafiknämnden"] and "efterfrågar" in parts["Trafiknämnden"]
    assert "(kritisk)" in parts["Enskede-Årsta-Vantörs stadsdelsnämnd"]


@pytest.mark.parametrize(
    "question", ["Sammanfatta remissvaren", "Vad tyckte remissinstanserna?", "Vilka är kritiska till programmet?"]
)
def test_a_summary_of_the_responses_shows_every_responder(assistant: Assistant, question: str) -> None:
    """Asked without naming anyone, the responses are summarised each from its own document, with its position."""
    answer = assistant.ask(question)
    parts = paragraphs(answer)
    assert list(parts) == sorted(FIVE)
    for responder, paragraph in parts.items():
        assert cited_sources(answer, paragraph) == {FIVE[responder]}
    assert "ställer sig positiv" in parts["Kungsholmens stadsdelsnämnd"]
    assert "godkänner" not in answer.text  # the remiss's handling is no view


@pytest.mark.parametrize(
    "question", ["Vilka är kritiska till programmet?", "Vem är mest kritisk?", "Vilka nämnder tar upp klotter?"]
)
def test_a_stance_or_which_question_opens_with_who_stands_where(assistant: Assistant, question: str) -> None:
    """The first line answers 'who' at a glance, each responder once, under the label its own paragraph carries."""
    answer = assistant.ask(question)
    lead, *_ = answer.text.split("\n\n")
    assert lead.startswith("I korthet – ") and "[" not in lead  # a reading of the paragraphs, citing nothing itself
    parts = paragraphs(answer)
    assert set(parts) == set(FIVE)
    for group in lead.removeprefix("I korthet – ").rstrip(".").split("; "):
        kind, names = group.split(": ")
        for responder in re.split(r", | och ", names):
            paragraph = parts[responder]
            if kind == "tar inte upp frågan":
                assert paragraph.endswith("Tar inte upp frågan i sitt remissvar.")
            elif kind != "tar upp frågan":
                assert paragraph.startswith(f"{responder} ({kind}):")
    assert sum(len(re.split(r", | och ", g.split(": ")[1])) for g in lead.split("; ")) == len(FIVE)


def test_both_sides_offered_ask_each_ones_verdict(assistant: Assistant) -> None:
    """'säger någon av de fem nej, eller är alla för?' is a verdict of the whole: every one is positive."""
    answer = assistant.ask(
        "Finns det någon av de fem som säger nej till programmet, eller är alla i stort sett för? "
        "Och har någon invändningar ändå?"
    )
    lead = answer.text.split("\n\n")[0]
    assert lead.startswith("I korthet – positiv: ") and ";" not in lead
    assert set(paragraphs(answer)) == set(FIVE)


def test_english_short_names_in_a_list_are_each_asked(assistant: Assistant) -> None:
    """'education, social services, traffic and EÅV': 'traffic' is listed between two names."""
    answer = assistant.ask(
        "The city–police cooperation agreement: how do the education, social services, traffic and EÅV "
        "responses refer to it?"
    )
    assert set(paragraphs(answer)) == set(FIVE) - {"Kungsholmens stadsdelsnämnd"}


def test_a_responder_that_does_not_take_the_topic_up_says_so(assistant: Assistant) -> None:
    parts = paragraphs(assistant.ask("Vad tycker nämnderna respektive om platssamverkan?"))
    assert set(parts) == set(FIVE)
    assert parts["Kungsholmens stadsdelsnämnd"].endswith("Tar inte upp frågan i sitt remissvar.")
    assert "platssamverkan" in parts["Socialnämnden"].lower()


def test_an_english_topic_is_held_to_the_english_similarity_floor(assistant: Assistant) -> None:
    """English words are less like any Swedish sentence: each responder's view is still found where it is."""
    answer = assistant.ask(
        "Upkeep of parks and squares: what does the traffic committee commit to, and what complications does "
        "Enskede-Årsta-Vantör point to?"
    )
    parts = paragraphs(answer)
    assert set(parts) == {"Trafiknämnden", "Enskede-Årsta-Vantörs stadsdelsnämnd"}
    assert "minst tre aktörer ansvariga för skötsel" in parts["Enskede-Årsta-Vantörs stadsdelsnämnd"]
    assert "torg" in parts["Trafiknämnden"]
    for responder, paragraph in parts.items():
        assert cited_sources(answer, paragraph) == {FIVE[responder]}


def test_a_short_topic_is_taken_up_where_the_responder_names_it(assistant: Assistant) -> None:
    """Two words are less like any sentence than a question: naming them is what taking them up means."""
    parts = paragraphs(assistant.ask("Vilka nämnder tar upp narkotika och droger i sina remissvar?"))
    assert "narkotikaprevention" in parts["Utbildningsnämnden"]
    # each shown where it names the topic, not where a single answer to the whole question would start
    assert all("narkotika" in p or "drog" in p for r, p in parts.items() if r != "Trafiknämnden")
    assert parts["Trafiknämnden"].endswith("Tar inte upp frågan i sitt remissvar.")
    # a longer topic is still judged by its meaning: Kungsholmen says nothing of alarm tools
    parts = paragraphs(
        assistant.ask("Hur ser utbildningsnämnden och Kungsholmen på digitala larm- och kommunikationsverktyg?")
    )
    assert parts["Kungsholmens stadsdelsnämnd"].endswith("Tar inte upp frågan i sitt remissvar.")
    assert "Cosafe" in parts["Utbildningsnämnden"]


def test_comparison_of_something_no_one_discusses_is_declined(assistant: Assistant) -> None:
    answer = assistant.ask("Jämför nämndernas syn på Göteborgs hamn")
    refusal = "Jag hittar inget svar på det i dokumenten."
    assert answer.abstained and answer.text.startswith(refusal) and not answer.citations
    # and says why, once, as a single answer does ('Dokumenten gäller Stockholms stad, inte Göteborgs.')
    reason = answer.text.removeprefix(refusal).strip()
    assert reason and answer.text.count(reason) == 1


@pytest.mark.parametrize(
    "question",
    [
        "Vilka nämnder har svarat på remissen?",
        "vilka remissinstanser har yttrat sig",
        "Which committees have responded?",
    ],
)
def test_who_responded_names_all_five_each_cited_from_its_own_document(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(lines) == 5
    for responder, source in FIVE.items():
        line = next(line for line in lines if responder in line)
        assert cited_sources(answer, line) == {source}
    for citation in answer.citations:
        highlighted = " ".join(citation.chunk.clean_text[h.start : h.end] for h in citation.highlights).lower()
        words = re.findall(r"[^\W_]+", citation.chunk.meta.responder.lower())
        assert any(w[:6] in highlighted for w in words if not w.startswith("stadsdel")), highlighted


@pytest.mark.parametrize(
    ("question", "responders"),
    [
        ("Vilka remissvar avser det äldre programmet?", ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Socialnämnden"]),
        ("Which responses concern the 2020-2023 programme?", ["Enskede-Årsta-Vantörs stadsdelsnämnd", "Socialnämnden"]),
        (
            "Vilka remissvar gäller det nya programmet?",
            ["Kungsholmens stadsdelsnämnd", "Trafiknämnden", "Utbildningsnämnden"],
        ),
    ],
)
def test_which_responses_are_on_a_programme_is_read_from_the_catalogue(
    assistant: Assistant, question: str, responders: list[str]
) -> None:
    answer = assistant.ask(question)
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert [next(r for r in FIVE if line.startswith(f"- {r}")) for line in lines] == responders
    for responder, line in zip(responders, lines, strict=True):
        assert cited_sources(answer, line) == {FIVE[responder]}


def test_period_in_the_question_narrows_the_overview(assistant: Assistant) -> None:
    answer = assistant.ask("Vilka nämnder svarade på remissen om programmet 2020–2023?")
    assert "Socialnämnden" in answer.text and "Enskede" in answer.text and "Trafiknämnden" not in answer.text
    older = assistant.ask("Vilka två nämnder svarade på det äldre programmet?")  # the older programme, in words
    assert "Socialnämnden" in older.text and "Enskede" in older.text and "Trafiknämnden" not in older.text


def _compile(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> int:
    monkeypatch.setenv("TRYGG_HOME", str(settings.home))
    return main(["compile", *args])


def test_compile_json_contract_with_exact_spans_and_docx(
    real_home: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docx_path, csv_path, xlsx_path = tmp_path / "s.docx", tmp_path / "s.csv", tmp_path / "s.xlsx"
    args = ["skolans roll", "platssamverkan", "--json", "--docx", str(docx_path), "--csv", str(csv_path)]
    assert _compile(real_home, capsys, monkeypatch, *args, "--xlsx", str(xlsx_path)) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"topics"}
    assert [t["topic"] for t in out["topics"]] == ["skolans roll", "platssamverkan"]
    for topic in out["topics"]:
        assert set(topic) == {"topic", "responders"}
        assert [r["responder"] for r in topic["responders"]] == sorted(FIVE)
        for row in topic["responders"]:
            assert set(row) == {"responder", "source", "addressed", "position", "cue", "sentences"}
            assert isinstance(row["addressed"], bool)
            assert row["addressed"] == bool(row["sentences"])
            if row["addressed"]:
                assert row["position"] in {"positiv", "kritisk", "förslag", "neutral"}
            for sentence in row["sentences"]:
                assert set(sentence) == {"text", "clean_text", "source", "start", "end"}
                assert sentence["source"] == FIVE[row["responder"]]  # from its own document
                file_text = (real_home.corpus / sentence["source"]).read_text(encoding="utf-8")
                assert file_text[sentence["start"] : sentence["end"]] == sentence["text"]
    by_topic = {t["topic"]: {r["responder"]: r for r in t["responders"]} for t in out["topics"]}
    assert "skolans roll" in by_topic["skolans roll"]["Utbildningsnämnden"]["sentences"][0]["clean_text"].lower()
    assert any("platssamverkan" in s["clean_text"] for s in by_topic["platssamverkan"]["Trafiknämnden"]["sentences"])

    document = Document(str(docx_path))
    assert len(document.tables) == 2
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == ["skolans roll", "platssamverkan"]
    first = document.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Remissinstans", "Ståndpunkt", "Vad som sägs"]
    assert [row.cells[0].text for row in first.rows[1:]] == sorted(FIVE)
    references = [p.text for p in document.paragraphs if p.text.startswith("[1] ")]
    assert references and "avsnitt" in references[0] and ".txt, tecken" in references[0]

    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert {r["Remissinstans"] for r in rows} == set(FIVE)
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None and sheet.max_row == len(rows) + 1


def test_compile_filters_and_bad_input(
    real_home: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _compile(real_home, capsys, monkeypatch, "samverkan", "--json", "--responder", "trafiknamnden") == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["responder"] for r in out["topics"][0]["responders"]] == ["Trafiknämnden"]
    assert _compile(real_home, capsys, monkeypatch, "samverkan", "--json", "--period", "2020-2023") == 0
    out = json.loads(capsys.readouterr().out)
    assert {r["responder"] for r in out["topics"][0]["responders"]} == {
        "Socialnämnden",
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
    }
    assert _compile(real_home, capsys, monkeypatch, "samverkan", "--responder", "Idrottsnämnden") == 2
    assert "Okänd nämnd: Idrottsnämnden" in capsys.readouterr().err
    assert _compile(real_home, capsys, monkeypatch, "   ") == 2
    assert "Ange minst ett ämne" in capsys.readouterr().err


def test_comparison_answers_quote_only_their_passages(assistant: Assistant) -> None:
    from assistant.compare_answer import without_frames

    answer = assistant.ask("Vad tycker nämnderna respektive om platssamverkan?")
    cited = {c.n: " ".join(c.chunk.clean_text.split()) for c in answer.citations}
    for text, n in re.findall(r"(.+?) \[(\d+)\]", without_frames(answer.text), flags=re.S):
        assert " ".join(text.split()) in cited[int(n)]
    spans = {c.n: [c.chunk.clean_text[h.start : h.end] for h in c.highlights] for c in answer.citations}
    assert all(spans[n] for n in spans)  # each citation highlights the sentences it gave


def test_a_list_a_responder_gives_comes_whole_with_its_items_on_their_own_lines(assistant: Assistant) -> None:
    answer = assistant.ask("vilka fokusomraden tar utbildningsnamnden och trafiknamnden upp")
    part = paragraphs(answer)["Utbildningsnämnden"]
    items = ["Förebyggande arbete", "Riktade sociala insatser", "Stadens offentliga miljö", "Stadsutveckling"]
    assert all(f"\n- {item} [" in part for item in items)
    assert cited_sources(answer, part) == {FIVE["Utbildningsnämnden"]}


def test_lists_compared_come_from_each_responder_once(assistant: Assistant) -> None:
    """'Skiljer sig uppräkningarna?' asks each one's list; trafiknämnden's twice-written list is given once."""
    answer = assistant.ask(
        "Kungsholmen, skolan och trafiken räknar alla upp fokusområdena. Skiljer sig uppräkningarna?"
    )
    parts = paragraphs(answer)
    assert set(parts) == {"Kungsholmens stadsdelsnämnd", "Trafiknämnden", "Utbildningsnämnden"}
    for responder, part in parts.items():
        assert part.count("\n- Stadsutveckling [") == 1, responder
        assert cited_sources(answer, part) == {FIVE[responder]}


def test_each_of_the_committees_for_or_against_gives_every_verdict(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Hur ställer sig var och en av nämnderna till förslaget till trygghetsprogram – för eller emot?"
    )
    parts = paragraphs(answer)
    assert list(parts) == list(FIVE)
    assert all("(positiv)" in parts[r] for r in ("Kungsholmens stadsdelsnämnd", "Socialnämnden", "Trafiknämnden"))
