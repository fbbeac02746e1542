"""A timeline says when it is not by the period asked for, and leaves a lone date far
from the others off its periods, saying so: `timeline --by day` became by year without a
word, and one 0001-01-01 placeholder among 2004's news made 2,099 years of empty periods
(the dashboard's strip one bar holding every hit)."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Timeline
from newsdesk.index.views import facets
from newsdesk.index.views.compare import compare
from newsdesk.index.views.facets import OUTLIER_GAP, lone_dates, timeline
from newsdesk.tui.cli.main import main
from newsdesk.tui.panes.timeline import TimelineStrip
from tests.helpers.paths import write_config

DATES = ["0001-01-01", *[f"2004-{m:02d}-1{m % 9}" for m in range(1, 13)] * 3, "2005-02-03"]


@pytest.fixture
def odd_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i, day in enumerate(DATES):
            out.write(json.dumps({"id": f"d{i}", "title": f"Report {i}", "date": day,
                                  "text": "cocoa prices rose today"}) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    Indexer(load_settings()).run()
    return cfg


def _days(*pairs: tuple[str, int]) -> Counter[int]:
    return Counter({date.fromisoformat(d).toordinal(): n for d, n in pairs})


def test_lone_dates_are_far_and_few() -> None:
    bulk = [(f"2004-{m:02d}-01", 20) for m in range(1, 13)]  # 240: two hits a few
    assert lone_dates(_days(("0001-01-01", 1), *bulk)) == [
        (date(1, 1, 1).toordinal(), 1)]
    assert lone_dates(_days(*bulk, ("2099-12-31", 1), ("2098-01-01", 1))) == [
        (date(2098, 1, 1).toordinal(), 1), (date(2099, 12, 31).toordinal(), 1)]
    assert lone_dates(_days(*bulk)) == []
    assert lone_dates(_days(("0001-01-01", 5), *bulk)) == []  # 5 of 245: not a few
    # Within a year of the rest, or no farther than the rest spans: drawn.
    assert lone_dates(_days(("2003-02-01", 1), *bulk)) == []
    assert lone_dates(_days(("1990-01-01", 1), ("2000-01-01", 40), ("2010-01-01", 40))) == []
    # Generated: whatever is left out is at an end, few, and farther than the rest spans.
    rng = random.Random(4)
    for _ in range(300):
        days = Counter({rng.randint(1, 800_000): rng.randint(1, 3)
                        for _ in range(rng.randint(1, 40))})
        left = lone_dates(days)
        kept = sorted(set(days) - {d for d, _ in left})
        assert kept, days
        assert all(d < kept[0] or d > kept[-1] for d, _ in left)
        assert sum(n for _, n in left) <= 2 * max(1, sum(days.values()) // 100)
        for d, _ in left:
            near = kept[0] if d < kept[0] else kept[-1]
            assert abs(near - d) > OUTLIER_GAP


def test_the_timeline_leaves_the_lone_date_off_and_says_by_what() -> None:
    counts = Counter({(date.fromisoformat(d).toordinal(), "s"): 1 for d in set(DATES)})
    found: Timeline = timeline("q", counts)
    assert found.by == "month" and found.periods[0].label == "2004-01"
    assert found.left_out == [(date(1, 1, 1), 1)] and found.total == len(set(DATES))
    assert found.coarsened is None
    line = TimelineStrip.line(found, 100).plain
    assert "1 off the strip: 0001-01-01" in line and "0001 " not in line
    series = compare([("q", "q", counts, "")], counts, "day")
    assert series.by == "day" and series.left_out == [(date(1, 1, 1), 1)]
    assert series.series[0].left_out == 1 and series.series[0].total == len(set(DATES))
    wide = Counter({(date(y, 1, 1).toordinal(), "s"): 50 for y in range(1900, 2000)})
    by_day = timeline("q", wide, "day")
    assert by_day.by == "week" and by_day.coarsened == "day"
    assert "(by day: too many)" in TimelineStrip.line(by_day, 100).plain


def test_the_cli_says_what_it_left_off_and_why_not_by_day(
        odd_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "cocoa", "--by", "month"]) == 0
    out = capsys.readouterr().out
    assert "1 hit dated 0001-01-01 left off: a lone date far from the others" in out
    lines = out.splitlines()
    assert not any(line.startswith("0001") for line in lines)
    assert sum(1 for line in lines if line.startswith("200")) == 14  # 2004-01 .. 2005-02
    assert main(["timeline", "cocoa", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["left_out"] == [{"date": "0001-01-01", "count": 1}]
    assert data["total"] == len(DATES) and "by_asked" not in data
    assert main(["timeline", "cocoa date:[1900 TO *]", "--by", "day", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by"] == "day" and data["left_out"] == [] and data["total"] == len(DATES) - 1


def test_the_cli_says_why_not_by_the_period_asked(
        odd_config: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facets, "MAX_PERIODS", 100)  # (2004-01 to 2005-02: 400 days)
    assert main(["timeline", "cocoa", "--by", "day"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("by week")
    assert "by week, not by day: by day the dates would make more than 100 periods" in out
    assert main(["timeline", "cocoa", "--by", "day", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by"] == "week" and data["by_asked"] == "day"
