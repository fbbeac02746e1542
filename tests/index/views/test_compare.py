"""Several queries over time on one axis (index/views/compare.py, Engine.compare), checked
against the one-query timeline and a count of every article."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdesk.index.engine import Engine
from tests.helpers.articles import views_article


def test_series_share_one_axis_and_match_the_timeline(views_engine: Engine) -> None:
    found = views_engine.compare([("oil", "oil"), ("Grain!", "grain"), ("bad", "title:(")])
    assert found.by == "month"
    assert [p.label for p in found.periods] == ["2020-01", "2020-02", "2020-03"]
    every = Counter(a["date"][:7] for a in map(views_article, range(120)) if a["date"])
    assert [p.count for p in found.periods] == [every[p.label] for p in found.periods]
    oil, grain, bad = found.series
    for series in (oil, grain):
        alone = views_engine.timeline(series.query)
        assert series.counts == [p.count for p in alone.periods]
        assert (series.total, series.undated) == (alone.total, alone.undated)
    assert grain.label == "Grain!" and grain.query == "grain"
    assert bad.error and bad.counts == [0, 0, 0] and bad.total == 0
    assert found.shares(oil) == [n / p.count for n, p in zip(oil.counts, found.periods,
                                                             strict=True)]
    by_week = views_engine.compare([("oil", "oil")], by="week")
    assert by_week.by == "week" and sum(by_week.series[0].counts) == sum(oil.counts)


def test_at_most_five_and_nothing_dated(views_engine: Engine) -> None:
    many = views_engine.compare([(str(i), "oil") for i in range(8)])
    assert len(many.series) == 5
    none = views_engine.compare([("z", "zzzzqq")])
    assert none.periods == [] and none.series[0].total == 0
    with pytest.raises(ValueError):
        views_engine.compare([("oil", "oil")], by="decade")
