"""Shared fixtures: every store lives in a temp directory; models are real unless a test says fake."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.settings import BUNDLED_CORPUS, Settings, load_settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the developer's ~/.trygg or obeys their TRYGG_* variables."""
    for name in [n for n in os.environ if n.startswith("TRYGG_")]:
        monkeypatch.delenv(name)
    home = tmp_path / "trygg-home"
    monkeypatch.setenv("TRYGG_HOME", str(home))
    return home


@pytest.fixture
def fake_settings(tmp_path: Path) -> Settings:
    """Settings with a temp home and the fake embedder: fast unit tests."""
    return load_settings(home=tmp_path / "home", corpus=BUNDLED_CORPUS, embedding={"backend": "fake"})


@pytest.fixture(scope="session")
def real_home(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The bundled corpus ingested once with the real default embedder, shared by slow tests."""
    from ingest.pipeline import Ingestor

    settings = load_settings(home=tmp_path_factory.mktemp("real") / "home")
    report = Ingestor(settings).run([settings.corpus])
    assert not report.failed, report.failed
    return settings
