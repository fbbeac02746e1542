"""Fixtures of the dashboard's tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from tests.helpers.articles import views_article
from tests.helpers.built_once import BuiltOnce
from tests.helpers.pilot import KeptNotifications


@pytest.fixture(autouse=True)
def kept_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app keeps the notifications it raised for the tests (helpers/pilot.notices):
    the waits for a notice must not depend on how soon a busy machine lets them look."""
    monkeypatch.setattr("textual.app.Notifications", KeptNotifications)


def _write_wire(corpus: Path) -> None:
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            article = views_article(i)
            article["url"] = f"https://news.example/{article['id']}"
            out.write(json.dumps(article) + "\n")


@pytest.fixture(scope="session")
def _indexed_wire(tmp_path_factory: pytest.TempPathFactory) -> BuiltOnce:
    return BuiltOnce(tmp_path_factory.getbasetemp(), "wire", _write_wire)


@pytest.fixture
def indexed_wire_settings(_indexed_wire: BuiltOnce) -> Settings:
    """As wire_settings, the index already built (tests/helpers/built_once.py)."""
    return _indexed_wire.settings()


@pytest.fixture
def wire_settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    _write_wire(corpus)
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings


@pytest.fixture
def distinct_settings(tmp_path: Path) -> Settings:
    """120 articles no two alike (the wire corpus's are near-duplicates and fold into a
    few stories): for tests of the list's paging, one entry a hit."""
    rng = random.Random(120)
    vocabulary = [f"w{n}x" for n in range(3000)]
    corpus = tmp_path / "distinct"
    corpus.mkdir()
    with open(corpus / "distinct.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            words = " ".join(rng.choice(vocabulary) for _ in range(80))
            out.write(json.dumps({"id": f"d{i:03d}", "title": f"Story {i}",
                                  "text": f"Story {i} says {words}."}) + "\n")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings
