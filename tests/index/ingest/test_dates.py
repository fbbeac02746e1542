"""Record dates in the forms news data comes in (RSS/RFC 2822, ISO reduced precision,
English month names, epoch), generated in many variants; ambiguous and broken ones refused;
corpus.date_format for the rest; one problem line per file and kind of date, not per record
(442 lines for 442 Inshorts dates, before)."""

from __future__ import annotations

import csv
import itertools
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest.corpus import CorpusReader
from newsdesk.index.ingest.dates import DateError, day_first_formats, parse_date
from newsdesk.index.ingest.files import list_files
from newsdesk.index.models import Article, Problem

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _moments(count: int, seed: int) -> list[datetime]:
    rng = random.Random(seed)
    start = datetime(1901, 1, 1)
    return [start + timedelta(days=rng.randrange(73000), hours=rng.randrange(24),
                              minutes=rng.randrange(60)) for _ in range(count)]


def _written(when: datetime, rng: random.Random) -> list[tuple[str, datetime]]:
    """The day written in many forms, each with the moment it stands for."""
    day = when.replace(hour=0, minute=0, second=0)
    month, weekday = MONTHS[when.month - 1], DAYS[when.weekday()]
    clock12 = f"{(when.hour % 12) or 12:02d}:{when.minute:02d} {'am' if when.hour < 12 else 'pm'}"
    zone = rng.choice(["EST", "UTC", "GMT", "IST", "PDT", ""])
    offset = rng.choice(["+0000", "-0500", "+0530", "GMT"])
    minute = when.replace(second=0)
    return [
        (f"{weekday[:3]}, {when.day:02d} {month[:3]} {when.year} "
         f"{when.hour:02d}:{when.minute:02d}:00 {offset}", minute),  # RSS pubDate
        (f"{when.day} {month[:3]} {when.year} {when.hour:02d}:{when.minute:02d} {offset}", minute),
        (f"{when.year}", datetime(when.year, 1, 1)),
        (f"{when.year}-{when.month:02d}", datetime(when.year, when.month, 1)),
        (f"{when.year}-{when.month}-{when.day}", day),
        (f"{when.year}/{when.month:02d}/{when.day:02d}", day),
        (f"{when:%Y-%m-%d}T{when:%H:%M}:00Z", minute),
        (f"{when:%Y-%m-%d}T{when:%H:%M}:00+05:30", minute),
        (f"{when:%Y%m%d}", day),
        (f"{month} {when.day}, {when.year} — {clock12} {zone}".strip(), minute),
        (f"{when.day:02d} {month[:3]} {when.year},{weekday}", day),
        (f"{month[:3]} {when.day}, {when.year}", day),
        (f"{weekday}, {when.day} {month} {when.year}", day),
        (f"{month[:3]}. {when.day}, {when.year} at {clock12.replace('m', '.m.')}", minute),
        (f"{when.day}th {month} {when.year}" if when.day in (4, 5, 6, 7, 8, 9) else
         f"{when.day} {month} {when.year}", day),
        (f"{month} {when.year}", datetime(when.year, when.month, 1)),
        (f"{month.upper()} {when.day}, {when.year}", day),
    ]


def test_every_supported_form_reads_as_the_moment_it_writes() -> None:
    rng = random.Random(7)
    checked = 0
    for when in _moments(150, seed=3):
        for text, expected in _written(when, rng):
            assert parse_date(text) == expected, text
            assert parse_date(f"  {text}  ") == expected, text  # spaces around
            checked += 1
    assert checked > 2000


def test_epoch_seconds_and_milliseconds_as_text_or_number() -> None:
    for when in _moments(50, seed=5):
        seconds = int((when - datetime(1970, 1, 1)).total_seconds())
        if not 10**8 <= seconds < 10**10:
            continue
        assert parse_date(seconds) == when
        assert parse_date(str(seconds)) == when
        assert parse_date(seconds * 1000) == when
        assert parse_date(f"{seconds}.5") == when + timedelta(milliseconds=500)


def test_the_end_of_a_day_is_the_next_day() -> None:
    assert parse_date("2020-01-04T24:00:00") == datetime(2020, 1, 5)
    assert parse_date("2020-12-31T24:00") == datetime(2021, 1, 1)


@pytest.mark.parametrize("text", [
    "04/01/2020", "4/1/2020", "04.01.2020", "04-01-2020", "12/11/10", "01/02/2020 10:00"])
def test_day_or_month_first_is_refused_as_ambiguous(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert info.value.kind == "ambiguous"


def test_a_numeric_date_only_one_order_reads_is_read_so() -> None:
    # stranger6: "7/23/17" (no 23rd month) was refused as "ambiguous (day or month first?)".
    rng = random.Random(5)
    for when in _moments(300, seed=3):
        day = rng.randrange(13, 29)
        date = datetime(when.year, when.month, day)
        sep = rng.choice("/.-")
        year = f"{date.year}" if rng.random() < 0.5 or not 1969 <= date.year <= 2068 \
            else f"{date.year % 100:02d}"
        month = f"{date.month:02d}" if rng.random() < 0.5 else str(date.month)
        for text in (f"{month}{sep}{day}{sep}{year}", f"{day}{sep}{month}{sep}{year}"):
            assert parse_date(text) == date, text
    for text in ("31/4/2020", "4/31/2020", "13/13/2020", "29/2/2021", "40/1/2020"):
        with pytest.raises(DateError) as info:
            parse_date(text)
        assert info.value.kind == "not a date", text


@pytest.mark.parametrize("text", [
    "soon", "yesterday", "5 DAYS AGO", "Apple Q3 2020", "2020-13-01", "2020-02-30",
    "February 30, 2020", "Jan Feb 2020", "12:00", "13", "2020 2021 Jan", "next Tuesday",
    "Jan 4", "the 4th", "2020-01-04T25:00", "Tuesday", "Saturday, 45 January 2020",
    "January 4, 2020 — 13:00 pm and then some", "32 Dec 2020", "1e9", "nan", "2", "99"])
def test_broken_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert info.value.kind in ("not a date", "ambiguous")


def test_out_of_range_and_odd_values() -> None:
    with pytest.raises(DateError) as info:
        parse_date("10000-01-01T00:00:00")
    assert info.value.kind in ("out of range", "not a date")
    for value in ([2020], {"y": 2020}, True):
        with pytest.raises(DateError):
            parse_date(value)
    assert parse_date(None) is None and parse_date("") is None and parse_date("   ") is None
    assert parse_date("0001-01-01") == datetime(1, 1, 1)


def test_date_formats_come_first_and_read_the_ambiguous() -> None:
    assert parse_date("04/01/2020", ("%d/%m/%Y",)) == datetime(2020, 1, 4)
    assert parse_date("04/01/2020", ("%m/%d/%Y",)) == datetime(2020, 4, 1)
    assert parse_date("04/01/2020 10:30", ("%d/%m/%Y", "%d/%m/%Y %H:%M")) == \
        datetime(2020, 1, 4, 10, 30)
    # A form a format does not fit falls to the built-in ones.
    assert parse_date("2020-01-04", ("%d/%m/%Y",)) == datetime(2020, 1, 4)
    assert parse_date("le 4 janvier 2020", ("le %d janvier %Y",)) == datetime(2020, 1, 4)


def _read(folder: Path, settings: CorpusSettings) -> tuple[list[Article], list[Problem]]:
    settings.sources = [folder]
    reader = CorpusReader(settings)
    files, _ = list_files(settings.sources)
    items = [item for sf in files for item in reader.read(sf)]
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


def test_a_file_of_bad_dates_gives_one_line_per_kind_not_per_record(tmp_path: Path) -> None:
    rng = random.Random(11)
    rows = []
    good = same = 0
    for n, when in enumerate(_moments(400, seed=9)):
        kind = n % 4
        if kind == 0:
            date = f"{when:%d} {MONTHS[when.month - 1][:3]} {when.year} probably"  # not a date
        elif kind == 1:
            date = f"{(when.day - 1) % 12 + 1:02d}/{when:%m/%Y}"  # ambiguous: both 12 or less
            same += (when.day - 1) % 12 + 1 == when.month  # (4/4/2019: both read it alike)
        else:
            date, _ = rng.choice(_written(when, rng))
            good += 1
        rows.append({"id": f"r{n}", "text": f"article {n}", "date": date})
    with open(tmp_path / "feed.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "text", "date"])
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "other.jsonl").write_text("".join(
        json.dumps({"id": f"j{i}", "text": "x", "date": f"{i} days ago"}) + "\n"
        for i in range(30)))
    articles, problems = _read(tmp_path, CorpusSettings())
    assert len(articles) == 430
    assert sum(1 for a in articles if a.date is not None) == good + same
    assert len(problems) == 3, problems  # per file and kind of date, not per record
    by_file = {(Path(p.path).name, p.count) for p in problems}
    assert by_file == {("feed.csv", 100), ("feed.csv", 100 - same), ("other.jsonl", 30)}
    feed = sorted((p for p in problems if p.path.endswith("feed.csv")), key=lambda p: p.line or 0)
    assert feed[0].line == 2 and "100 dates like" in feed[0].reason
    assert "not understood" in feed[0].reason and "corpus.date_format" in feed[0].reason
    assert "ambiguous" in feed[1].reason and "'%d/%m/%Y'" in feed[1].reason
    assert all(not p.skipped for p in problems)
    # With the format, every ambiguous date reads.
    settings = CorpusSettings(date_format=("%d/%m/%Y",))
    articles, problems = _read(tmp_path, settings)
    assert sum(1 for a in articles if a.date is not None) == good + 100
    assert len(problems) == 2
    # With a format set, a date it does not read is said not to match it: never advice
    # to set it to what it is (stranger5: "ambiguous ... set it to '%d/%m/%Y'").
    for problem in problems:
        assert "do not match corpus.date_format ('%d/%m/%Y')" in problem.reason, problem
        assert "set corpus" not in problem.reason and "ambiguous" not in problem.reason
    settings = CorpusSettings(date_format=("%m/%d/%Y", "%Y"))
    _, problems = _read(tmp_path, settings)
    assert any("('%m/%d/%Y' or '%Y')" in p.reason for p in problems), problems


def test_many_shapes_of_bad_dates_are_bounded(tmp_path: Path) -> None:
    words = ["".join(p) for p in itertools.product("abc", repeat=4)]
    (tmp_path / "a.jsonl").write_text("".join(
        json.dumps({"id": f"{i}", "text": "x", "date": " ".join(words[: i % 40 + 1])}) + "\n"
        for i in range(200)))
    _, problems = _read(tmp_path, CorpusSettings())
    assert 1 <= len(problems) <= 20 and sum(p.count for p in problems) == 200


def test_year_and_month_dates_are_filed_at_their_first_day_everywhere(tmp_path: Path) -> None:
    """`date:2020-01` finds a record dated `2020` (filed at 2020-01-01), the timeline counts
    it in January, and it sorts as that day; its date is shown as written."""
    from newsdesk.index.config import load_settings
    from newsdesk.index.engine import Engine
    from newsdesk.index.ingest.indexer import Indexer

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [("y", "2020"), ("m", "2020-03"), ("d", "Sat, 04 Jan 2020 10:00:00 +0000"),
            ("n", "Feb 2019")]
    (corpus / "a.jsonl").write_text("".join(
        json.dumps({"id": i, "text": f"quokka {i}", "date": d}) + "\n" for i, d in rows))
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    Indexer(settings).run()
    with Engine(settings) as engine:
        def ids(query: str) -> set[str]:
            return {h.id for h in engine.search(query, limit=None).hits}

        assert ids("quokka date:2020") == {"y", "m", "d"}
        assert ids("quokka date:2020-01") == {"y", "d"}
        assert ids("quokka date:2020-01-01") == {"y"}
        assert ids("quokka date:2020-03") == {"m"}
        assert ids("quokka date:2019-02") == {"n"}
        oldest = [h.id for h in engine.search("quokka", limit=None, sort="oldest").hits]
        assert oldest == ["n", "y", "d", "m"]
        timeline = engine.timeline("quokka", by="month")
        counts = {p.label: p.count for p in timeline.periods if p.count}
        assert counts == {"2019-02": 1, "2020-01": 2, "2020-03": 1}
        shown = {h.id: h.date_text for h in engine.search("quokka", limit=None).hits}
        assert shown["y"] == "2020" and shown["n"] == "Feb 2019"


@pytest.mark.parametrize(("written", "shown"), [
    ("2020", "2020"), ("2020-03", "2020-03"), ("2020-3", "2020-03"), ("March 2020", "2020-03"),
    ("Mar. 2020", "2020-03"), ("2020-03-04", "2020-03-04"), ("Mar 4, 2020", "2020-03-04"),
    ("Wed, 04 Mar 2020 10:00:00 +0000", "2020-03-04"), ("1583316000", "2020-03-04"),
    ("04 Mar 2020,Wednesday", "2020-03-04"), (None, "2020-03-04")])
def test_a_date_is_shown_to_the_precision_it_was_written(written: str | None,
                                                         shown: str) -> None:
    from newsdesk.tui.render import fmt_date, meta_line

    filed = parse_date(written) if written else datetime(2020, 3, 4)
    assert filed is not None
    assert fmt_date(filed, written) == shown
    assert meta_line("Wire", filed, "x1", written) == f"Wire · {shown} · x1"


@pytest.mark.parametrize(("example", "formats"), [
    ("7/3/17", ("%d/%m/%y", "%m/%d/%y")), ("04.01.2020", ("%d.%m.%Y", "%m.%d.%Y")),
    ("4-1-2020 10:00", ("%d-%m-%Y", "%m-%d-%Y"))])
def test_the_advice_for_an_ambiguous_date_reads_it_as_written(
        example: str, formats: tuple[str, str]) -> None:
    # (It advised '%m/%d/%Y' for "7/3/17": the year 17.)
    assert day_first_formats(example) == formats
    for fmt in formats:
        assert parse_date(example.split()[0], (fmt,)).year >= 2017


@pytest.mark.parametrize("zone", ["NT", "NDT", "NST", "AT", "ADT", "AST", "ACDT", "AWDT"])
def test_canadas_and_australias_zone_words_are_read(zone: str) -> None:
    """CBC's "May 29, 2020 6:33 PM NT" (46 articles of an outside tester's corpus)."""
    from newsdesk.index.ingest.dates import parse_date

    assert parse_date(f"May 29, 2020 6:33 PM {zone}") == datetime(2020, 5, 29, 18, 33)
