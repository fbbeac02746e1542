"""Ambiguous numeric dates judged by their file, not one by one (ingest/day_order.py):
`4/5/2017` in a file whose `11/26/2017` only month-first reads is 5 April, wherever in the
file the settling date comes; a file with dates of both orders guesses none and says so;
one note a kind of date says which order was taken and why. Generated files: both orders,
the three separators, two- and four-digit years, the settling date first, in the middle or
last, CSV and JSON Lines."""

from __future__ import annotations

import csv
import json
import random
from datetime import datetime
from pathlib import Path

import pytest

from newsdesk.index.ingest.dates import parse_date
from tests.index.ingest.test_corpus import read_all


def _written(day: int, month: int, year: int, order: str, sep: str, digits: int) -> str:
    y = f"{year % 100:02}" if digits == 2 else str(year)
    return f"{day}{sep}{month}{sep}{y}" if order == "day" else f"{month}{sep}{day}{sep}{y}"


def _write(path: Path, rows: list[dict]) -> None:
    if path.suffix == ".csv":
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, ["id", "title", "text", "date"])
            writer.writeheader()
            writer.writerows(rows)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))


CASES = [(order, sep, digits, where, suffix, seed)
         for seed, (order, sep, digits, where, suffix) in enumerate(
             (o, s, d, w, x) for o in ("day", "month") for s in "/.-" for d in (2, 4)
             for w in ("first", "middle", "last") for x in (".jsonl", ".csv"))]


@pytest.mark.parametrize(("order", "sep", "digits", "where", "suffix", "seed"), CASES)
def test_the_file_settles_the_order_of_its_ambiguous_dates(
        tmp_path: Path, order: str, sep: str, digits: int, where: str, suffix: str,
        seed: int) -> None:
    rng = random.Random(seed)
    wanted: dict[str, datetime] = {}
    rows = []
    for n in range(rng.randint(5, 40)):
        day, month = rng.sample(range(1, 13), 2)  # both readings possible, and differ
        year = rng.randint(2001, 2029)
        rows.append({"id": f"a{n}", "title": f"T{n}", "text": f"words {n}",
                     "date": _written(day, month, year, order, sep, digits)})
        wanted[f"a{n}"] = datetime(year, month, day)
    settling = {"id": "s", "title": "S", "text": "settles",
                "date": _written(26, 11, 2017, order, sep, digits)}
    at = {"first": 0, "middle": len(rows) // 2, "last": len(rows)}[where]
    rows.insert(at, settling)
    wanted["s"] = datetime(2017, 11, 26)
    _write(tmp_path / f"news{suffix}", rows)
    articles, problems = read_all(tmp_path)
    assert {a.id: a.date for a in articles} == wanted
    assert sorted(a.id for a in articles) == sorted(wanted)  # each once
    notes = [p for p in problems if "first (" in p.reason]
    assert len(problems) == len(notes) == 1, [p.reason for p in problems]
    note = notes[0]
    assert not note.skipped and note.count == len(rows) - 1
    assert f"read {order} first" in note.reason and settling["date"] in note.reason
    assert note.line == (1 if at else 2) + (suffix == ".csv")  # (the first ambiguous one)
    undated = [a for a in articles if a.date is not None and a.date_text is None]
    assert not undated  # (the date as written goes with every date read)


@pytest.mark.parametrize("seed", range(6))
def test_a_file_of_both_orders_guesses_none_and_says_why(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    rows = [{"id": f"a{n}", "title": "T", "text": "w",
             "date": f"{rng.randint(1, 12)}/{rng.randint(1, 12)}/2019"} for n in range(8)]
    rows.insert(rng.randint(0, 8), {"id": "d", "title": "T", "text": "w", "date": "25/3/2019"})
    rows.insert(rng.randint(0, 9), {"id": "m", "title": "T", "text": "w", "date": "3/25/2019"})
    _write(tmp_path / "mixed.jsonl", rows)
    articles, problems = read_all(tmp_path)
    dated = {a.id for a in articles if a.date is not None}
    ambiguous = {r["id"] for r in rows if r["id"] not in "dm"
                 and r["date"].split("/")[0] != r["date"].split("/")[1]}
    assert dated == {"d", "m"} | ({r["id"] for r in rows} - ambiguous - {"d", "m"})
    said = [p for p in problems if "ambiguous" in p.reason]
    if ambiguous:
        assert len(said) == 1 and "both orders" in said[0].reason
        assert "'25/3/2019'" in said[0].reason and "'3/25/2019'" in said[0].reason


def test_different_shapes_are_judged_apart(tmp_path: Path) -> None:
    """A file's `13/1/2019` says nothing of its `1.2.19`: another writer's shape."""
    rows = [{"id": "a", "title": "T", "text": "w", "date": "4/5/2019"},
            {"id": "b", "title": "T", "text": "w", "date": "13/1/2019"},
            {"id": "c", "title": "T", "text": "w", "date": "1.2.19"}]
    _write(tmp_path / "shapes.jsonl", rows)
    articles, problems = read_all(tmp_path)
    assert {a.id: a.date for a in articles} == {
        "a": datetime(2019, 5, 4), "b": datetime(2019, 1, 13), "c": None}
    assert any("ambiguous" in p.reason and "1.2.19" in p.reason for p in problems)


@pytest.mark.parametrize("day", [1, 9, 10, 28, 31])
@pytest.mark.parametrize("month", ["Jan", "Feb", "Sep", "Sept", "Dec", "December"])
@pytest.mark.parametrize(("year", "full"), [("19", 2019), ("20", 2020), ("99", 1999),
                                            ("2019", 2019)])
@pytest.mark.parametrize("sep", ["-", " "])
def test_excel_day_month_year(day: int, month: str, year: str, full: int, sep: str) -> None:
    """ACLED's `31-Dec-19` (Excel's d-mmm-yy)."""
    number = {"Jan": 1, "Feb": 2, "Sep": 9, "Sept": 9, "Dec": 12, "December": 12}[month]
    text = f"{day}{sep}{month}{sep}{year}"
    try:
        expected = datetime(full, number, day)
    except ValueError:  # 31 Feb, 31 Sep: no such day
        with pytest.raises(ValueError):
            parse_date(text)
        return
    assert parse_date(text) == expected
