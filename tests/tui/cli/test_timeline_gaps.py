"""`newsdesk timeline --share` over a period with no article at all: its share is no 0%
(none in JSON, an empty cell in CSV, a dash in the table), as the dashboard's chart leaves
such periods out. Reuters-21578 has no article in May or July to September 1987: the
shares read 0.00% there, like coverage that had stopped."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.cli.main import main
from newsdesk.tui.cli.timeline import NO_SHARE
from tests.helpers.paths import write_config


@pytest.fixture
def gap_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i, month in enumerate(["01", "01", "01", "03", "03", "04"]):  # none in February
            words = "cocoa prices rose" if i % 2 else "coffee exports fell"
            out.write(json.dumps({"id": f"g{i}", "title": f"Report {i}",
                                  "date": f"2020-{month}-1{i}", "text": f"{words} today"})
                      + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    Indexer(load_settings()).run()
    return cfg


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_a_period_with_no_article_has_no_share(gap_config: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_out(capsys, "timeline", "cocoa", "coffee", "--by", "month",
                           "--share", "--json"))
    assert [p["label"] for p in data["periods"]] == ["2020-01", "2020-02", "2020-03",
                                                     "2020-04"]
    assert [p["all"] for p in data["periods"]] == [3, 0, 2, 1]
    cocoa, coffee = data["series"]
    assert cocoa["counts"] == [1, 0, 1, 1] and coffee["counts"] == [2, 0, 1, 0]
    assert cocoa["shares"] == [pytest.approx(1 / 3, abs=1e-6), None, 0.5, 1.0]
    assert coffee["shares"] == [pytest.approx(2 / 3, abs=1e-6), None, 0.5, 0.0]

    rows = list(csv.reader(io.StringIO(_out(capsys, "timeline", "cocoa", "coffee", "--by",
                                            "month", "--share", "--csv"))))
    assert rows[2] == ["2020-02", "2020-02-01", "0", "", ""]
    assert rows[4][3:] == ["1.000000", "0.000000"]  # none of April's one article: 0%

    table = _out(capsys, "timeline", "cocoa", "coffee", "--by", "month", "--share")
    assert table.splitlines()[0] == "Share of all articles dated in each month"
    february = next(line for line in table.splitlines() if line.lstrip().startswith("2020-02"))
    assert february.split() == ["2020-02", NO_SHARE, NO_SHARE, "0"]
    one = _out(capsys, "timeline", "cocoa", "--by", "month", "--share")
    assert "(share of all articles dated in each month)" in one.splitlines()[0]
    assert NO_SHARE in next(line for line in one.splitlines() if line.startswith("2020-02"))
