"""`run_eval` end to end: the three files, the latest copy, the report a reader opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.records import Answer
from assistant.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings, load_settings
from cli import main
from eval.run import run_eval
from tests.eval_helpers import ScriptedAsker, independent_retrieval_scores
from vectorstore.errors import TryggError

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"


def _subset(tmp_path: Path, answerable: int = 5, outside: int = 1) -> Path:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    picked = [r for r in rows if r["answerable"]][:answerable]
    picked += [r for r in rows if not r["answerable"]][:outside]
    path = tmp_path / "subset.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
    return path


class _Failing(ScriptedAsker):
    def ask(self, question: str) -> Answer:
        if "<" in question:
            raise TryggError("Frågan är för lång")
        return super().ask(question)


def test_a_question_that_raises_is_a_failed_case_and_text_is_escaped(tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    quote = "Kungsholmens stadsdelsförvaltning ställer sig positiv till det nya trygghetsprogrammet"
    rows = [
        {
            "id": "ok",
            "question": "Vad tycker Kungsholmen?",
            "answerable": True,
            "expected": [{"quote": quote, "source": "000_f7bada911ecf502f.txt"}],
            "must_include": ["positiv"],
            "tags": ["opinion"],
        },
        {
            "id": "bad",
            "question": "<script>alert(1)</script>",
            "answerable": True,
            "expected": [{"quote": quote}],
            "must_include": ["positiv"],
            "tags": ["opinion"],
        },
        {
            "id": "miss",
            "question": "Vad tycker Kungsholmen & Co?",
            "answerable": True,
            "expected": [{"quote": quote}],
            "must_include": ["positiv"],
            "tags": ["opinion"],
        },
    ]
    questions.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    text = (BUNDLED_CORPUS / "000_f7bada911ecf502f.txt").read_text(encoding="utf-8")
    at = text.index("Kungsholmens stadsdelsförvaltning ställer")
    script = {
        "Vad tycker Kungsholmen?": (
            [("000_f7bada911ecf502f.txt", at, at + 300)],
            [1],
            "Den är positiv.",
            False,
        ),
        "Vad tycker Kungsholmen & Co?": (
            [("001_ad4719a34cf89191.txt", 0, 400)],
            [1],
            "Något annat.",
            False,
        ),
    }
    settings = load_settings(home=tmp_path / "home", embedding={"backend": "fake"})
    assert run_eval(settings, questions, tmp_path / "out", asker=_Failing(script)) == 0

    results = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in results] == ["ok", "bad", "miss"]
    assert results[1]["error"] == "Frågan är för lång"
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text("utf-8"))
    assert metrics["overall"]["n_errors"] == 1 and metrics["overall"]["hit@5"] == pytest.approx(1 / 3)
    assert [c["failed"] for c in metrics["cases"]] == [False, True, True]
    html = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Frågan gav ett fel" in html
    failed = html[html.index('id="failed"') :]
    assert "Frågor som inte klarades (2)" in failed
    assert "Vad tycker Kungsholmen &amp; Co?" in failed and "Något annat." in failed
    assert quote in failed  # the expected passage
    assert "stycke 001_ad4719a34cf89191.txt 0-400" in failed  # what was retrieved instead
    assert "Rätt stycke fanns inte bland de fem första." in failed
    assert "Svaret saknar: positiv." in failed
    assert "Vad tycker Kungsholmen?<" not in failed  # the passing case is not listed


def test_compare_adds_a_coloured_change_column(tmp_path: Path) -> None:
    questions = _subset(tmp_path, answerable=2, outside=1)
    rows = [json.loads(line) for line in questions.read_text("utf-8").splitlines()]
    settings = load_settings(home=tmp_path / "home", embedding={"backend": "fake"})
    answering = {r["question"]: ([], [], "", False) for r in rows}
    before, after = tmp_path / "before", tmp_path / "after"
    run_eval(settings, questions, before, asker=ScriptedAsker(answering, extra_ms=50))
    abstaining = {r["question"]: ([], [], "", True) for r in rows}
    run_eval(settings, questions, after, before, asker=ScriptedAsker(abstaining))
    html = (after / "report.html").read_text("utf-8")
    assert "Förändring" in html
    assert 'class="num worse"' in html  # answerable questions now abstained
    assert 'class="num better"' in html  # and answered faster


def test_cli_eval_reports_a_missing_comparison_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "--set",
            f"home={tmp_path / 'home'}",
            "eval",
            str(QUESTIONS),
            "--out",
            str(tmp_path / "o"),
            "--compare",
            str(tmp_path / "nowhere"),
        ]
    )
    assert status == 2
    assert "metrics.json" in capsys.readouterr().err


@pytest.mark.slow
def test_run_eval_with_the_real_embedder(real_home: Settings, tmp_path: Path) -> None:
    questions = _subset(tmp_path)
    out = tmp_path / "run"
    assert run_eval(real_home, questions, out, None) == 0
    for name in ("results.jsonl", "metrics.json", "report.html"):
        assert (out / name).is_file()
        assert (real_home.home / "eval" / "latest" / name).read_bytes() == (out / name).read_bytes()
    results = [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]
    assert len(results) == 6 and all(r["passages"] for r in results)
    assert {"retrieve", "rerank", "answer", "total"} <= set(results[0]["timings_ms"])
    html = (out / "report.html").read_text("utf-8")
    assert html.count("<svg") >= 2
    assert 'id="failed"' in html and "Frågor som inte klarades" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html and "<script" not in html
    metrics = json.loads((out / "metrics.json").read_text("utf-8"))
    independent = independent_retrieval_scores(out / "results.jsonl", questions, real_home.corpus)
    assert metrics["overall"]["hit@5"] == pytest.approx(independent["hit@5"], abs=0.02)
    assert metrics["overall"]["mrr@10"] == pytest.approx(independent["mrr@10"], abs=0.02)
