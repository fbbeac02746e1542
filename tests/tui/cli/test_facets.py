"""`newsdesk facets`: sources, actors and periods, each with its narrowing clause."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.index.option_values import is_place


def test_facets_command(wire_config: Path, run_here) -> None:  # type: ignore[no-untyped-def]
    run = run_here  # through main() here (conftest.run_here): no start-up a command
    proc = run("facets", "oil", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {s["label"] for s in data["sources"]} == {"Wire One", "Daily Two", "Weekly Three"}
    assert any(a["label"] == "Anna Berg" and a["query"] == 'actor:"Anna Berg"'
               for a in data["actors"])
    text = run("facets", "oil")
    assert 'source:"Wire One"' in text.stdout
    # Actors and places each a block of their own, each by hits (as the pane has them).
    blocks = {b.split()[0]: b.splitlines()[1:] for b in text.stdout.split("\n\n")[1:]}
    for kind, place in (("actor", False), ("place", True)):
        values = [a for a in data["actors"] if is_place(a.get("type")) == place]
        assert values, kind  # (else the case tests nothing)
        assert [line.split("  ")[0] for line in blocks[kind]] == [a["label"] for a in values]
        assert [a["count"] for a in values] == sorted((a["count"] for a in values), reverse=True)
    by_day = run("facets", "oil date:[2020-01-08 TO 2020-01-14]", "--json")
    days = json.loads(by_day.stdout)["timeline"]["periods"]
    empty = [p["query"] for p in days if p["count"] == 0]
    assert empty and 0 < len(days) - len(empty) < 10  # fewer busy days than are listed
    shown = run("facets", "oil date:[2020-01-08 TO 2020-01-14]").stdout
    assert not any(query in shown for query in empty)  # the busiest periods have hits
    # --top holds for every facet, the busiest periods too (`--top 5` listed 8 years).
    busy = [p["query"] for p in json.loads(run("facets", "oil", "--json").stdout)
            ["timeline"]["periods"] if p["count"]]
    assert len(busy) > 2
    topped = run("facets", "oil", "--top", "2").stdout
    assert sum(query in topped for query in busy) == 2
