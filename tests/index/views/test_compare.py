"""Several queries over time on one axis (index/views/compare.py, Engine.compare), checked
against the one-query timeline and a count of every article."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers.articles import views_article


@pytest.fixture
def compare_engine(corpus_dir: Path, corpus_settings: Settings) -> Engine:
    with open(corpus_dir / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps(views_article(i)) + "\n")
    Indexer(corpus_settings).run()
    engine = Engine(corpus_settings)
    yield engine
    engine.close()


def test_series_share_one_axis_and_match_the_timeline(compare_engine: Engine) -> None:
    found = compare_engine.compare([("oil", "oil"), ("Grain!", "grain"), ("bad", "title:(")])
    assert found.by == "month"
    assert [p.label for p in found.periods] == ["2020-01", "2020-02", "2020-03"]
    every = Counter(a["date"][:7] for a in map(views_article, range(120)) if a["date"])
    assert [p.count for p in found.periods] == [every[p.label] for p in found.periods]
    oil, grain, bad = found.series
    for series in (oil, grain):
        alone = compare_engine.timeline(series.query)
        assert series.counts == [p.count for p in alone.periods]
        assert (series.total, series.undated) == (alone.total, alone.undated)
    assert grain.label == "Grain!" and grain.query == "grain"
    assert bad.error and bad.counts == [0, 0, 0] and bad.total == 0
    assert found.shares(oil) == [n / p.count for n, p in zip(oil.counts, found.periods,
                                                             strict=True)]
    by_week = compare_engine.compare([("oil", "oil")], by="week")
    assert by_week.by == "week" and sum(by_week.series[0].counts) == sum(oil.counts)


def test_at_most_five_and_nothing_dated(compare_engine: Engine) -> None:
    many = compare_engine.compare([(str(i), "oil") for i in range(8)])
    assert len(many.series) == 5
    none = compare_engine.compare([("z", "zzzzqq")])
    assert none.periods == [] and none.series[0].total == 0
    with pytest.raises(ValueError):
        compare_engine.compare([("oil", "oil")], by="decade")
