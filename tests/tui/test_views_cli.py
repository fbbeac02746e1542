"""`newsdesk timeline`, `kwic`, `facets` and `search --format`, run as a user runs them, and
checked against the engine calls the dashboard makes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from tests.helpers.articles import views_article
from tests.helpers.command import run
from tests.helpers.paths import write_config


@pytest.fixture
def wire_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps(views_article(i)) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert run("index", "-q").returncode == 0
    return cfg


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


def test_kwic_sorted_by_right_context(wire_config: Path) -> None:
    proc = run("kwic", "oil", "--width", "15", "--sort", "right", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = json.loads(proc.stdout)["lines"]
    assert lines and all(line["match"].lower() == "oil" for line in lines)
    assert all(len(line["left"]) <= 15 and len(line["right"]) <= 15 for line in lines)
    firsts = [line["right"].split()[0].strip(".").lower() if line["right"].split() else ""
              for line in lines]
    assert firsts == sorted(firsts)
    text = run("kwic", "oil", "-w", "10")
    assert text.returncode == 0 and " oil " in text.stdout.lower()
    total = json.loads(proc.stdout)["total_hits"]
    assert total > 3 and json.loads(proc.stdout)["from_hits"] == min(total, 100)
    few = run("kwic", "oil", "--limit", "3", "--json")
    assert json.loads(few.stdout)["from_hits"] == 3
    assert f"in the best 3 of {total:,} hits" in run("kwic", "oil", "-n", "3").stdout
    assert f"in all {total:,} hits" in run("kwic", "oil", "-n", str(total)).stdout
    bad = run("kwic", '"oil')
    assert bad.returncode == 2 and "unbalanced quote" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_facets_command(wire_config: Path) -> None:
    proc = run("facets", "oil", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {s["label"] for s in data["sources"]} == {"Wire One", "Daily Two", "Weekly Three"}
    assert any(a["label"] == "Anna Berg" and a["query"] == 'actor:"Anna Berg"'
               for a in data["actors"])
    text = run("facets", "oil")
    assert 'source:"Wire One"' in text.stdout
    by_day = run("facets", "oil date:[2020-01-08 TO 2020-01-14]", "--json")
    days = json.loads(by_day.stdout)["timeline"]["periods"]
    empty = [p["query"] for p in days if p["count"] == 0]
    assert empty and 0 < len(days) - len(empty) < 10  # fewer busy days than are listed
    shown = run("facets", "oil date:[2020-01-08 TO 2020-01-14]").stdout
    assert not any(query in shown for query in empty)  # the busiest periods have hits


def test_search_exports_csv_and_jsonl(wire_config: Path) -> None:
    proc = run("search", "oil", "--format", "csv", "--all")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    with Engine(load_settings()) as engine:
        total = engine.count("oil")
    assert len(rows) == total > 50  # every hit, not the first page
    assert set(rows[0]) == {"id", "title", "date", "source", "url", "score", "snippet"}
    limited = run("search", "oil", "--format", "jsonl", "--limit", "3")
    records = [json.loads(line) for line in limited.stdout.splitlines()]
    assert len(records) == 3 and records[0]["id"] == rows[0]["id"]
    assert run("search", "zzzz", "--format", "csv").returncode == 1


def test_kwic_gives_the_dashboards_lines(wire_config: Path) -> None:
    from newsdesk.tui.panes.views import KWIC_CONTEXT

    proc = run("kwic", "berg", "--json")
    cli = [(line["id"], line["match_index"]) for line in json.loads(proc.stdout)["lines"]]
    with Engine(load_settings()) as engine:
        lines, _ = engine.kwic("berg", KWIC_CONTEXT)  # the dashboard's call
    assert cli == [(line.article_id, line.match_index) for line in lines] and cli
