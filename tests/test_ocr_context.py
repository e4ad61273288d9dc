"""Real-word OCR slips ("saker" for "säker") decided from the neighbouring words."""

from __future__ import annotations

import json
import re

import pytest

from assistant.settings import BUNDLED_CORPUS
from ingest.clean import clean
from ingest.ocr_context import (
    TABLE_PATH,
    ContextTable,
    build_table,
    decide,
    plan_repairs,
    reference_table,
    repair_ocr_in_context,
)
from ingest.textmap import MappedText


def reading(sentence: str, word: str) -> str:
    """How the repair reads the first whole-word `word` of a sentence of a damaged document."""
    start = re.search(rf"(?<!\w){word}(?!\w)", sentence)
    assert start is not None
    return plan_repairs(sentence).get(start.start(), word)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # The damaged reading, where the words around it are the ones the clean documents use.
        ("Målet är en trygg, saker och välskött stad.", "saker", "säker"),
        ("Arbetet ska bedrivas på ett bra satt.", "satt", "sätt"),
        ("Arbetet ska bedrivas på ett fullgott satt i enlighet med lagen.", "satt", "sätt"),
        ("Nämnderna ska varna de grundläggande värdena.", "varna", "värna"),
        ("Upprustningen av den offentliga miljon ska ske samtidigt.", "miljon", "miljön"),
        ("Programmet gäller for alla nämnder.", "for", "för"),  # the word-level repair, as before
        # The genuine word, where the context does not point elsewhere.
        ("Det finns många saker som staden kan göra bättre.", "saker", "saker"),
        ("Han satt i styrelsen i många år.", "satt", "satt"),
        ("Polisen ska varna invånarna för bedrägerier.", "varna", "varna"),
        ("Det kostar en miljon kronor.", "miljon", "miljon"),
        ("Kommunen har enligt lag inget brottsförebyggande uppdrag.", "lag", "lag"),
        ("Kommunen har enligt lag inget brottsförebyggande uppdrag.", "har", "har"),
        ("Förvaltningen har fått ett nytt uppdrag.", "har", "har"),
        # A reading the next word rules out: "har" is never directly followed by a finite verb.
        ("Har kan socialförvaltningens samordning tjäna som exempel.", "Har", "Här"),
        ("Nämnden har kunnat se en förbättring.", "har", "har"),
        ("Det är otydligt vart nivån ska vända sig för stod när samverkan brister.", "stod", "stöd"),
        ("Han stod där länge.", "stod", "stod"),  # a verb after its subject stays
        # No evidence either way: the written word stays (conservative).
        ("Målen i programmet ska nas.", "nas", "nas"),
    ],
)
def test_real_word_slips_are_decided_by_their_neighbours(sentence: str, word: str, expected: str) -> None:
    assert reading(sentence, word) == expected


def test_capitals_are_kept() -> None:
    assert reading("Trygg, Saker och välskött stad.", "Saker") == "Säker"


@pytest.mark.parametrize(
    ("neighbours", "expected"),
    [
        (["en", "trygg", "och", "välskött"], "säker"),
        (["finns", "många", "som", "staden"], "saker"),
        ([], "saker"),  # no context, no change
    ],
)
def test_decide_needs_neighbours_that_support_the_new_reading(neighbours: list[str], expected: str) -> None:
    table = build_table(["Staden ska vara trygg och säker.", "En trygg, säker och ren stad."] * 3)
    assert decide("saker", "saker", neighbours, table).reading == expected


def test_an_empty_reference_changes_nothing_the_word_level_repair_keeps() -> None:
    assert decide("saker", "saker", ["en", "trygg", "och"], ContextTable()).reading == "saker"


def test_raw_text_and_offsets_are_kept() -> None:
    raw = "Stockholm &r en trygg, saker och valskott stad. | programmet galler for alla."
    out = repair_ocr_in_context(MappedText.identity(raw))
    assert out.text == "Stockholm är en trygg, säker och välskött stad. I programmet gäller för alla."
    start = out.text.index("säker")
    assert raw[slice(*out.raw_span(start, start + 5))] == "saker"


def test_the_shipped_reference_table_is_up_to_date() -> None:
    """Fails after a change to the corpus or the cleaning: run python scripts/build_ocr_context.py."""
    texts = {p.name: clean(p.read_text(encoding="utf-8"), ocr="off").text for p in BUNDLED_CORPUS.glob("*.txt")}
    shipped = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    assert reference_table(texts).to_json() == shipped
    assert "valskott" not in shipped["unigrams"]  # the damaged document is not counted
    assert "säker" in shipped["unigrams"] and "saker" not in shipped["unigrams"]
