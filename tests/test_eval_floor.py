"""The full question set with default settings must not fall below eval/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.settings import PROJECT_ROOT, Settings
from eval.run import run_eval

FLOORS = PROJECT_ROOT / "eval" / "floors.json"
QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"


@pytest.mark.slow
def test_full_question_set_meets_the_floors(real_home: Settings, tmp_path: Path) -> None:
    floors = {k: v for k, v in json.loads(FLOORS.read_text("utf-8")).items() if not k.startswith("_")}
    assert floors, "eval/floors.json has no floors"
    out = tmp_path / "full"
    assert run_eval(real_home, QUESTIONS, out, None) == 0
    overall = json.loads((out / "metrics.json").read_text("utf-8"))["overall"]
    assert overall["n"] == 143 and overall["n_errors"] == 0
    below = {
        name: (round(overall[name], 4), floor)
        for name, floor in floors.items()
        if overall[name] is None or overall[name] < floor
    }
    assert not below, f"below the floor (measured, floor): {below}"
