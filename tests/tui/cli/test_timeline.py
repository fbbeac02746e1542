"""`newsdesk timeline`, checked against the engine call the dashboard makes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from tests.helpers.command import run


def test_timeline_matches_the_dashboards_figures(wire_config: Path) -> None:
    proc = run("timeline", "oil", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    with Engine(load_settings()) as engine:
        dashboard = engine.facets("oil").timeline  # what the strip and the facets show
    assert data["by"] == dashboard.by
    assert [(p["label"], p["count"]) for p in data["periods"]] == \
        [(p.label, p.count) for p in dashboard.periods]
    assert data["undated"] == dashboard.undated > 0
    text = run("timeline", "oil", "--by", "year")
    assert text.returncode == 0
    assert "2020" in text.stdout and "have no date" in text.stdout
    assert run("timeline", "zzzz").returncode == 1
    bad = run("timeline", "oil", "--by", "decade")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_timeline_compares_queries_and_saved_searches(wire_config: Path, run_here) -> None:  # type: ignore[no-untyped-def]
    run = run_here  # through main() here (conftest.run_here): no start-up a command
    assert run("saved", "add", "grains", "grain").returncode == 0
    proc = run("timeline", "oil", "-trump", "--saved", "grains", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    with Engine(load_settings()) as engine:
        want = engine.compare([("oil -trump", "oil -trump"), ("grains", "grain")])
    assert [(s["label"], s["query"], s["counts"]) for s in data["series"]] == \
        [(s.label, s.query, s.counts) for s in want.series]
    assert [p["all"] for p in data["periods"]] == [p.count for p in want.periods]
    assert "count" not in data["periods"][0]  # the one-query shape only with one query
    shares = run("timeline", "oil", "grain", "--share", "--csv")
    assert shares.returncode == 0, shares.stderr
    rows = list(csv.reader(io.StringIO(shares.stdout)))
    assert rows[0] == ["period", "start", "all_articles", "oil", "grain"]
    # The CSV has no row for undated hits: stderr says how many each query left out.
    with Engine(load_settings()) as engine:
        plain = engine.compare([("oil", "oil"), ("grain", "grain")])
    for series in plain.series:
        said = f"{series.label}: {series.undated:,} hit"
        assert (said in shares.stderr) == (series.undated > 0), shares.stderr
    oil = want.series[0]  # "oil -trump": no article of the wire says trump
    for row, period, n in zip(rows[1:], want.periods, oil.counts, strict=True):
        assert row[0] == period.label and int(row[2]) == period.count
        if period.count:
            assert float(row[3]) == pytest.approx(n / period.count, abs=1e-6)
        else:
            assert row[3] == ""  # no article dated in it: no share


@pytest.mark.parametrize("form", [[], ["--json"], ["--csv"]])
def test_timeline_bad_query_prints_only_the_error(wire_config: Path, form: list[str]) -> None:
    """Every query is checked before any is counted: no table with a column of zeros for
    the bad one, whatever the format."""
    proc = run("timeline", "oil", '"bad', "title:(", *form)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "query '\"bad': unbalanced quote" in proc.stderr
    assert "(at column 1)" in proc.stderr
    assert "query 'title:('" in proc.stderr


@pytest.mark.slow
def test_timeline_table_and_refusals(wire_config: Path) -> None:
    table = run("timeline", "oil", "grain", "--by", "year")
    assert table.returncode == 0 and "all articles" in table.stdout and "2020" in table.stdout
    too_many = run("timeline", "a", "b", "c", "d", "e", "f")
    assert too_many.returncode == 2 and "at most 5" in too_many.stderr
    missing = run("timeline", "--saved", "nope")
    assert missing.returncode == 2 and "no saved search named 'nope'" in missing.stderr
