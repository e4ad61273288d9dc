"""extract_meta on the bundled corpus and small Swedish snippets; the manifest and overrides."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from ingest.loaders import file_sha256, load_text
from ingest.metadata import apply_overrides, extract_meta, load_manifest
from vectorstore.errors import IngestError
from vectorstore.records import DocMeta

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"

# responder, period, kind, date, dnr: what a person reading each file finds in it.
EXPECTED = {
    "000_f7bada911ecf502f.txt": (
        "Kungsholmens stadsdelsnämnd",
        "2024–2027",
        "tjänsteutlåtande",
        "2023-10-09",
        "KS 2023/739",
    ),
    "001_ad4719a34cf89191.txt": (
        "Utbildningsnämnden",
        "2024–2027",
        "tjänsteutlåtande",
        "2023-10-26",
        "KS 2023/739",
    ),
    "002_408878b7fb75fafa.txt": ("Socialnämnden", "2020–2023", "tjänsteutlåtande", "", ""),
    "003_3ff39f9cae3db934.txt": (
        "Trafiknämnden",
        "2024–2027",
        "tjänsteutlåtande",
        "2023-10-19",
        "KS 2023/739",
    ),
    "004_2da92ff9d07e789e.txt": (
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
        "2020–2023",
        "tjänsteutlåtande",
        "",
        "EAV 2020/514",
    ),
}


def corpus_meta(name: str) -> DocMeta:
    return extract_meta(load_text(CORPUS / name, 10 << 20))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_metadata(name: str) -> None:
    meta = corpus_meta(name)
    responder, period, kind, date, dnr = EXPECTED[name]
    assert meta.responder == responder
    assert meta.period == period
    assert meta.kind == kind
    assert meta.date == date
    assert meta.dnr == dnr
    assert "trygghetsprogram" in meta.title and period[:4] in meta.title


def test_corpus_titles() -> None:
    assert corpus_meta("000_f7bada911ecf502f.txt").title == ("Remiss om Stockholms stads trygghetsprogram 2024-2027")
    programme = "Stockholms stads trygghetsprogram"
    assert corpus_meta("001_ad4719a34cf89191.txt").title == f"{programme} 2024–2027"
    # No title line in the PDF/OCR extracts: the programme they are about stands in.
    assert corpus_meta("004_2da92ff9d07e789e.txt").title == f"{programme} 2020–2023"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_metadata_after_reflow(name: str) -> None:
    # Cleaning drops Markdown marks and joins hard line breaks; the metadata must not change.
    raw = (CORPUS / name).read_text(encoding="utf-8")
    reflowed = re.sub(r"^#+\s*|\*\*|</?b>", "", raw, flags=re.M)
    reflowed = re.sub(r"(?<!\n)[ \t]*\n(?!\n)", " ", reflowed)
    assert extract_meta(reflowed) == extract_meta(raw)


def test_responder_survives_ocr_damage() -> None:
    text = (
        "Sammanfattning\nFOrvaltningen tycker att det ar bra.\n\n"
        "Hagersten-Alvsj6 stadsdelsférvaltning\nAvdelning Stab\n"
    )
    assert extract_meta(text).responder == "Hägersten-Älvsjö stadsdelsnämnd"


def test_till_field_wins_over_mentions() -> None:
    text = (
        "**Till**\nSocialnamnden\n\n## Remiss om trygghetsprogram 2024-2027\n\nSammanfattning\n"
        "Remissinstanser är Trafiknämnden, Utbildningsnämnden och samtliga stadsdelsnämnder.\n"
        "Förvaltningen föreslår att nämnden godkänner förvaltningens tjänsteutlåtande.\n"
    )
    meta = extract_meta(text)
    assert meta.responder == "Socialnämnden"
    assert meta.title == "Remiss om trygghetsprogram 2024-2027"
    assert meta.period == "2024–2027"
    assert meta.kind == "tjänsteutlåtande"


def test_administration_names_its_committee() -> None:
    text = "Sammanfattning\nTrafikkontoret välkomnar programmet för 2024–2027.\n"
    assert extract_meta(text).responder == "Trafiknämnden"


def test_unknown_committee_kept_as_written() -> None:
    text = "Till: Tekniska nämnden\n\nSammanfattning\nJuridiknämnden godkänner svaret.\n"
    assert extract_meta(text).responder == "Tekniska nämnden"
    decision = "Sammanfattning\nJuridiknämnden godkänner svaret."
    assert extract_meta(decision).responder == "Juridiknämnden"


def test_remissvar_and_program_kinds() -> None:
    remissvar = "Yttrande över Stockholms stads trygghetsprogram 2024–2027\n\nPolisen anser att ..."
    assert extract_meta(remissvar).kind == "remissvar"
    programme = "# Stockholms stads trygghetsprogram 2024–2027\n\nInledning\nStaden ska vara trygg."
    meta = extract_meta(programme)
    assert (meta.kind, meta.period) == ("program", "2024–2027")


def test_period_across_pdf_line_break() -> None:
    text = "Staden har tagit fram ett nytt trygghetsprogram fér perioden 2020-\n2023. Det ..."
    assert extract_meta(text).period == "2020–2023"


def test_nothing_found_is_empty() -> None:
    assert extract_meta("Hej.\n\nDetta är en text om väder.") == DocMeta()


def test_date_from_datum_line_and_invalid_dates_ignored() -> None:
    assert extract_meta("Text\n\nSammanfattning\nDatum: 2021-02-11\n").date == "2021-02-11"
    assert extract_meta("2023-13-45\n\nSammanfattning\n").date == ""


# --- manifest ----------------------------------------------------------------------------


def test_bundled_manifest_matches_files() -> None:
    manifest_path = CORPUS / "manifest.json"
    raw = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest = load_manifest(manifest_path)
    assert sorted(manifest) == sorted(p.name for p in CORPUS.glob("*.txt"))
    for entry in raw["documents"]:
        assert entry["sha256"] == file_sha256(CORPUS / entry["source"])
        found = corpus_meta(entry["source"])
        # The manifest documents exactly what extract_meta reads from the file.
        assert apply_overrides(DocMeta(), manifest[entry["source"]]) == found


def test_manifest_round_trip(tmp_path: Path) -> None:
    meta = DocMeta(
        title="Remiss om trygghetsprogram",
        responder="Farsta stadsdelsnämnd",
        period="2024–2027",
        date="2023-10-01",
        dnr="FA 2023/12",
        kind="tjänsteutlåtande",
    )
    path = tmp_path / "manifest.json"
    entry = {"source": "egen.txt", "sha256": "0" * 64, **dataclasses.asdict(meta)}
    path.write_text(json.dumps({"documents": [entry]}, ensure_ascii=False), encoding="utf-8")
    overrides = load_manifest(path)
    assert overrides == {"egen.txt": dataclasses.asdict(meta)}
    assert apply_overrides(DocMeta(title="gammal"), overrides["egen.txt"]) == meta


def test_partial_override_keeps_the_rest() -> None:
    found = DocMeta(title="T", responder="Socialnämnden", period="2020–2023")
    changed = apply_overrides(found, {"responder": "Äldrenämnden", "period": "2024-2027"})
    assert changed == DocMeta(title="T", responder="Äldrenämnden", period="2024–2027")


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"author": "x"}, "unknown metadata fields ['author']"),
        ({"period": "snart"}, "period 'snart'"),
        ({"date": "2023-02-30"}, "not an ISO date"),
        ({"title": 3}, "must be a string"),
    ],
)
def test_bad_overrides(overrides: dict, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        apply_overrides(DocMeta(), overrides)
    assert reason in str(info.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid UTF-8 JSON"),
        ('{"docs": []}', '"documents" list'),
        ('{"documents": [{"title": "x"}]}', '"source" file name'),
        ('{"documents": [{"source": "a.txt", "author": "x"}]}', "unknown keys ['author']"),
        ('{"documents": [{"source": "a.txt"}, {"source": "a.txt"}]}', "listed twice"),
        ('{"documents": [{"source": "a.txt", "date": 2023}]}', "must be a string"),
    ],
)
def test_bad_manifests(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError) as info:
        load_manifest(path)
    assert reason in str(info.value)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="manifest not found"):
        load_manifest(tmp_path / "manifest.json")
