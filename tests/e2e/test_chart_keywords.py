"""End to end, in a real terminal at 80x24: two queries compared on the chart, shares, and
the keywords of the results narrowing the search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.articles import views_article
from tests.helpers.paths import write_config
from tests.helpers.terminal import Terminal


@pytest.fixture
def wire_env(tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps(views_article(i)) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    return {"NEWSDESK_CONFIG": str(cfg)}


def test_compare_two_queries_then_narrow_by_a_keyword(wire_env: dict[str, str]) -> None:
    term = Terminal([], wire_env, cols=80, rows=24)
    try:
        term.wait_for("articles indexed")
        term.send("oil")
        term.wait_for("hits of 120")
        term.send("\r")  # Enter: to the results
        term.pump(0.3)
        term.send("C")
        term.wait_for("the results")
        assert "hits by month" in term.text and "2020-01" in term.text
        term.send("+")  # keep oil on the chart
        term.wait_for("Kept on the chart")
        term.send("/")
        term.pump(0.2)
        term.send("\x15grain")  # Ctrl+U, then the second query
        term.wait_for("grain")
        term.send("\r")
        term.pump(0.3)
        term.send("C")
        term.wait_for("2 of 5 lines")
        term.wait_until(lambda: "■ oil" in term.text and "■ grain" in term.text,
                        "both queries' lines in the legend")
        term.send("%")
        term.wait_for("% of all articles")
        term.send("K")
        term.wait_for("log-likelihood")
        term.send("\r")  # the best keyword narrows the search
        term.wait_for("Narrowed to")
        term.wait_for("x removes)")  # the status line names the filter
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw
