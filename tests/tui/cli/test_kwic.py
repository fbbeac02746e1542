"""`newsdesk kwic`: sorted lines, the scope they come from, and the dashboard's lines."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.tui.panes.views import KWIC_CONTEXT
from tests.helpers.command import run


def test_kwic_sorted_by_right_context(wire_config: Path, run_here) -> None:  # type: ignore[no-untyped-def]
    run = run_here  # through main() here (conftest.run_here): no start-up a command
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


def test_kwic_gives_the_dashboards_lines(wire_config: Path) -> None:
    proc = run("kwic", "berg", "--json")
    cli = [(line["id"], line["match_index"]) for line in json.loads(proc.stdout)["lines"]]
    with Engine(load_settings()) as engine:
        lines, _ = engine.kwic("berg", KWIC_CONTEXT)  # the dashboard's call
    assert cli == [(line.article_id, line.match_index) for line in lines] and cli
