"""The engine over the 120 generated articles of the views' tests (tests/helpers/articles)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers.articles import views_article


@pytest.fixture
def views_engine(corpus_dir: Path, corpus_settings: Settings) -> Iterator[Engine]:
    with open(corpus_dir / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps(views_article(i)) + "\n")
    Indexer(corpus_settings).run()
    engine = Engine(corpus_settings)
    yield engine
    engine.close()
