"""`newsdesk timeline`, checked against the engine call the dashboard makes."""

from __future__ import annotations

import json
from pathlib import Path

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
