"""Fixtures of the dashboard's tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from tests.helpers.articles import views_article


@pytest.fixture
def wire_settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            article = views_article(i)
            article["url"] = f"https://news.example/{article['id']}"
            out.write(json.dumps(article) + "\n")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings
