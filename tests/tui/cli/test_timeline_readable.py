"""`newsdesk timeline --by day` over centuries printed ~10,000 lines by week: printed, a
timeline has at most READABLE lines, by the finest period that fits, and says the coarser
period it took and why; --json and --csv still go up to MAX_PERIODS periods."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.option_values import PERIODS
from newsdesk.index.views.compare import compare
from newsdesk.index.views.facets import MAX_PERIODS
from newsdesk.tui.cli.main import main
from newsdesk.tui.cli.timeline import READABLE, notes
from tests.helpers.paths import write_config

FINER = ["day", "week", "month", "year"]


def _counts(first: date, years: int, rng: random.Random) -> Counter:
    """Hits spread evenly over `years` (no lone date to leave off)."""
    days = max(1, int(years * 365.25))
    return Counter({((first + timedelta(days=d)).toordinal(), "wire"): rng.randint(1, 3)
                    for d in range(0, days, max(1, days // 400))})


@pytest.mark.parametrize("seed", range(3))
def test_printed_periods_fit_and_the_coarser_period_is_said(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(12):
        years = rng.choice([0.1, 1, 3, 10, 40, 150, 400, 900])
        counts = _counts(date(rng.randint(1000, 1900), 1, 1), int(years) or 1, rng)
        asked = rng.choice([*PERIODS, None])
        printed = compare([("q", "q", counts, "")], counts, asked, READABLE)
        full = compare([("q", "q", counts, "")], counts, asked)
        assert len(printed.periods) <= READABLE or printed.by == "year"
        assert len(full.periods) <= MAX_PERIODS or full.by == "year"
        finer = FINER[:FINER.index(printed.by)]  # each finer period would not fit
        if asked is not None and printed.by != asked:
            assert printed.coarsened == asked
            said = notes(printed)[0]
            assert f"by {printed.by}, not by {asked}" in said and f"{READABLE:,} lines" in said
            assert asked in finer
        assert FINER.index(printed.by) >= FINER.index(full.by)


def test_the_command_over_two_centuries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "old.jsonl", "w", encoding="utf-8") as out:
        for year in range(1810, 2021, 3):
            out.write(json.dumps({"id": f"y{year}", "date": f"{year}-06-0{year % 9 + 1}",
                                  "text": "harvest news"}) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'i'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    Indexer(load_settings()).run()
    assert main(["timeline", "harvest", "--by", "day"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("by year") and len(lines) < 250
    assert any("by year, not by day" in line and "lines" in line for line in lines)
    assert main(["timeline", "harvest", "--by", "day", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by"] == "week" and data["by_asked"] == "day"  # a program gets the finer
