"""The Swedish analyzer and the persisted BM25 index."""

from __future__ import annotations

from pathlib import Path

import pytest

from vectorstore.analyzer import analyze, fold
from vectorstore.errors import StoreError
from vectorstore.lexical import INDEX_FILE, IndexedChunk, LexicalIndex, fingerprint, spelled_out

CHUNKS = [
    IndexedChunk("a", "Trafiknämnden ansvarar för stadens gator och torg.", "t.txt", "Trafiknämnden", "2024–2027"),
    IndexedChunk(
        "b", "Förvaltningen anser att samverkan med polisen är viktig.", "s.txt", "Socialnämnden", "2020–2023"
    ),
    IndexedChunk(
        "c", "Forvaltningen tycker att det ar bra med ett gemensamt program.", "e.txt", "Enskede", "2020–2023"
    ),
]


def test_analyzer_folds_stems_and_drops_stopwords() -> None:
    assert fold("Förvaltningen år ÉN") == "forvaltningen ar en"
    terms = analyze("Förvaltningens synpunkter och förslag")
    assert "och" not in terms
    assert analyze("förvaltningen") == analyze("forvaltningen")  # typed without diacritics
    assert analyze("nämnderna")[0] == analyze("nämnden")[0]  # inflections meet


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("genomsyras av jämställdhets-, barn-, funktionshinder-, hbtq- och äldreperspektiven", "barnperspektivet"),
        (
            "ska genomsyras av jamstalldhets-, barn-, funktionshinder-, hbtg och äldreperspektiv",
            "jämställdhetsperspektiv",
        ),
        ("trygghets- och säkerhetsarbetet", "trygghetsarbetet"),
        ("risk- och skyddsfaktorer", "riskfaktorer"),
        ("grund- och gymnasieskola", "grundskola"),
    ],
)
def test_a_suspended_compound_gives_each_of_its_words_whole(text: str, question: str) -> None:
    assert set(analyze(question)) <= set(analyze(text))


def test_respektive_frames_a_question_and_names_nothing() -> None:
    assert analyze("Vad säger respektive nämnd?") == analyze("Vad säger nämnd?")


def test_search_ranks_the_matching_chunk_first() -> None:
    index = LexicalIndex.build(CHUNKS)
    assert index.search("Vem ansvarar för gatorna?", 3)[0][0] == "a"
    assert index.search("samverkan polisen", 3)[0][0] == "b"
    # A question without diacritics finds the OCR-damaged text and the clean one alike.
    found = {i for i, _ in index.search("forvaltningen", 3)}
    assert found == {"b", "c"}


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("skötseln", "Trafiknämnden ansvarar för skötsel av gator."),  # a definite ending the stemmer leaves on
        ("remissvaret", "Nämnden lämnar sitt remissvar."),  # an ending it cuts unevenly
        ("klottret", "Kontoret sanerar klotter på gator."),  # the definite form of a noun in -er
    ],
)
def test_an_inflection_meets_the_documents_term(word: str, text: str) -> None:
    index = LexicalIndex.build([IndexedChunk("a", text, "a.txt", "Trafiknämnden", "2024–2027")])
    assert index.search(word, 1)[0][0] == "a"


def test_two_letters_without_a_vowel_are_another_word_not_an_ending() -> None:
    chunk = IndexedChunk("a", "Det är en självklar sak att nämnden svarar.", "a.txt", "T", "2024–2027")
    index = LexicalIndex.build([chunk])
    assert index.search("själva", 1) == []  # 'själv' + 'kl' is no form of 'själv'


def test_an_english_genitive_is_its_word() -> None:
    index = LexicalIndex.build(CHUNKS)
    assert index.query_terms("Trafiknämnden's gator") == index.query_terms("Trafiknämnden gator")
    assert index.query_terms("the committee's view") == index.query_terms("the committee view")


def test_search_respects_a_filter_mask() -> None:
    index = LexicalIndex.build(CHUNKS)
    query = "trafiknämnden förvaltningen"
    assert {i for i, _ in index.search(query, 3)} == {"a", "b", "c"}  # unfiltered, "a" is found
    mask = index.allowed("period", ["2020–2023"])
    assert {i for i, _ in index.search(query, 3, mask)} == {"b", "c"}  # filtered, only it is gone


def test_no_match_returns_nothing() -> None:
    assert LexicalIndex.build(CHUNKS).search("kanelbullar", 3) == []


def test_save_load_round_trip(tmp_path: Path) -> None:
    index = LexicalIndex.build(CHUNKS)
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert loaded.fingerprint == fingerprint(["c", "b", "a"])
    assert loaded.search("samverkan", 1) == index.search("samverkan", 1)


def test_damaged_file_is_detected(tmp_path: Path) -> None:
    LexicalIndex.build(CHUNKS).save(tmp_path)
    path = tmp_path / INDEX_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        LexicalIndex.load(tmp_path)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        LexicalIndex.load(tmp_path)


def test_chunk_at_finds_a_neighbour_by_position(tmp_path: Path) -> None:
    chunks = [
        IndexedChunk("x0", "Första stycket.", "d.txt", "R", "2020–2023", 0),
        IndexedChunk("x1", "Andra stycket.", "d.txt", "R", "2020–2023", 1),
    ]
    LexicalIndex.build(chunks).save(tmp_path)
    index = LexicalIndex.load(tmp_path)
    assert index.chunk_at("d.txt", 1) == "x1"
    assert index.chunk_at("d.txt", 2) is None


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        (
            "arbetet kring våldsprevention genom ”MVP (Mentorer i våldsprevention)” och",
            [("MVP", "Mentorer i våldsprevention")],
        ),
        ("Andra insatser som lyfts är \n\nRelationsvåldscentrum (RVC), ORIGO", [("RVC", "Relationsvåldscentrum")]),
        ("alkohol, narkotika, dopning och tobak (ANDT) tjana", [("ANDT", "alkohol narkotika dopning och tobak")]),
        ("såsom vid brand, hot och inrymning (PDV, Pågående dödligt våld).", [("PDV", "Pågående dödligt våld")]),
        # brackets that spell nothing out: a year, a law, a word of one capital
        ("Trygghetsprogrammet (2024–2027) och lag (2023:196) om kommuners ansvar (Lagen).", []),
    ],
)
def test_the_acronyms_a_text_spells_out(text: str, spelled: list[tuple[str, str]]) -> None:
    assert spelled_out(text) == spelled


def test_the_acronyms_are_kept_with_the_index(tmp_path: Path) -> None:
    chunk = IndexedChunk("m", "Satsningen MVP (Mentorer i våldsprevention) lyfts.", "u.txt", "Utbildningsnämnden", "")
    LexicalIndex.build([*CHUNKS, chunk]).save(tmp_path)
    assert LexicalIndex.load(tmp_path).acronyms == {"MVP": "Mentorer i våldsprevention"}
