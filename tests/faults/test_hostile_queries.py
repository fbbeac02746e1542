"""Generated hostile queries: each returns results or a one-line QueryError, quickly; none
raises anything else. 1,000 in every run; 10,000 with -m slow."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import QueryError
from newsdesk.index.option_values import PERIODS
from tests.helpers.command import run
from tests.helpers.figures import Record
from tests.helpers.paths import write_config

ATOMS = ['iran', '"drone strike"', "(", ")", '"', "[", "]", "{", "}", "AND", "OR", "NOT", "-",
         "+", "*", "?", "~", "~2", "~9", ":", "title:", "date:", "source:", "foo:", "id:",
         "url:", "date:[2020 TO 2021]", "date:[* TO *]", "date:[2020-02-30 TO x]", "\\",
         "\x00", "\x1b[31m", "é", "💥", "a*", "*a*", "milit*", "soleimany~", '"a b"~5', '""',
         "()", " ", "\t", "\n", "x" * 50, "AND AND", "NOT NOT x", "-(", "[TO]", "title:\"",
         "u.s.", "o'brien", "&&", "||", "!", "((((((((x))))))))", "date:2020-13"]


def hostile_queries(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.5:
            q = "".join(rng.choice(ATOMS) + rng.choice(["", " "])
                        for _ in range(rng.randint(1, 8)))
        elif kind < 0.8:
            q = "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 30)))
        else:
            q = "".join(rng.choice('()"[]{}:*?~-+ab AND OR NOT')
                        for _ in range(rng.randint(1, 60)))
        out.append(q)
    out.append("(" * 5000 + "x")  # very long, very deep
    out.append("a" * 100_000)
    return out


def run_hostile(engine: Engine, count: int) -> tuple[int, list[str], float]:
    failures: list[str] = []
    slowest = 0.0
    queries = hostile_queries(count)
    for query in queries:
        started = time.perf_counter()
        try:
            engine.search(query)
        except QueryError as exc:
            if "\n" in str(exc) or not str(exc):
                failures.append(f"{query!r}: message {exc!s:.60}")
        except Exception as exc:  # noqa: BLE001 - what the test hunts for
            failures.append(f"{query!r}: {type(exc).__name__}: {exc}")
        slowest = max(slowest, time.perf_counter() - started)
    return len(queries), failures, slowest


def test_hostile_queries_short(seed_engine: Engine, figures: Record) -> None:
    tried, failures, slowest = run_hostile(seed_engine, 1000)
    figures("hostile queries", tried, len(failures), f"slowest {slowest * 1000:.0f} ms")
    assert failures == [] and tried == 1002
    assert slowest < 2.0


@pytest.mark.slow
def test_hostile_queries_long(seed_engine: Engine, figures: Record) -> None:
    tried, failures, slowest = run_hostile(seed_engine, 10_000)
    figures("hostile queries", tried, len(failures), f"slowest {slowest * 1000:.0f} ms")
    assert failures == []
    assert slowest < 2.0


# -- dates at the edges of what a date can be -----------------------------------------------

YEARS = ["0000", "0001", "0999", "1000", "2020", "9998", "9999", "10000", "99999999"]
MONTHS = ["", "-00", "-01", "-02", "-12", "-13"]
DAYS = ["", "-00", "-01", "-28", "-29", "-31", "-32"]


def edge_dates() -> list[str]:
    return [y + m + (d if m else "") for y in YEARS for m in MONTHS for d in DAYS
            if m or not d]


def date_queries() -> list[str]:
    dates = edge_dates()
    rng = random.Random(9)
    queries = [f"date:{d}" for d in dates]
    queries += [f"date:[{a} TO {b}]" for a in ("*", "2020", "0001", "9999-12-31")
                for b in ("*", "9999", "9999-12-31", "9999-12", "0001-01-01")]
    queries += [f"okapi date:[{rng.choice(dates)} TO {rng.choice(dates)}]" for _ in range(60)]
    return queries


def old_dated_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """An index holding the extremes, 0001-01-01 and 9999-12-31, as one written before dates
    were range-checked at ingest could: what is read must cope with it too."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "d.jsonl", "w") as out:
        for n, day in enumerate(("0001-01-01", "9999-12-31", "9999-12-31T23:59:59",
                                 "2020-01-01", "9998-12-31")):
            out.write(json.dumps({"id": str(n), "text": f"okapi {n}", "date": day}) + "\n")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "idx"
    monkeypatch.setattr("newsdesk.index.ingest.dates.date_in_range", lambda d: True)
    Indexer(settings).run()
    monkeypatch.undo()
    return settings


def test_edge_dates_in_queries_and_timelines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             figures: Record) -> None:
    """Every edge date, alone and in ranges, in search, timeline (each period) and facets:
    results, or a one-line message naming the column; never anything else."""
    settings = old_dated_index(tmp_path, monkeypatch)
    queries = date_queries()
    failures: list[str] = []
    with Engine(settings) as engine:
        for query in [*queries, "okapi"]:
            for ask in (engine.search, engine.facets, *(
                    lambda q, by=by: engine.timeline(q, by) for by in PERIODS)):
                try:
                    ask(query)
                except QueryError as exc:
                    if exc.column is None or "\n" in str(exc):
                        failures.append(f"{query!r}: message {exc}")
                except Exception as exc:  # noqa: BLE001 - what the test hunts for
                    failures.append(f"{query!r}: {type(exc).__name__}: {exc}")
        assert engine.search("date:9999-12-31").total == 2
        assert engine.search("date:[2020 TO 9999-12-31]").total == 4
        assert engine.search("date:0001").total == 1
        labels = [p.label for p in engine.timeline("okapi", "year").periods]
        assert labels[0] == "0001" and labels[-1] == "9999"
    figures("edge dates in queries", len(queries) * (2 + len(PERIODS)), len(failures))
    assert failures == [], "\n".join(failures[:20])


@pytest.mark.parametrize("args", [
    ("search", "date:9999-12-31"), ("search", "date:[2020 TO 9999-12-31]"),
    ("search", "date:[0001 TO *]"), ("search", "date:0000"), ("search", "date:10000"),
    ("timeline", "okapi"), ("timeline", "--by", "week", "okapi"), ("facets", "okapi"),
    ("search", "--json", "date:9999-12"), ("kwic", "okapi date:9999"),
])
def test_edge_dates_in_the_real_command(args: tuple[str, ...], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = old_dated_index(tmp_path, monkeypatch)
    cfg = write_config(tmp_path / "cfg.yaml", settings.corpus.sources,
                       f"index:\n  dir: {settings.index.dir}\n")
    proc = run(*args, env_extra={"NEWSDESK_CONFIG": str(cfg), "NO_COLOR": "1"})
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    if proc.returncode == 2:  # a query it cannot take: a line naming the column, the
        lines = proc.stderr.rstrip().splitlines()  # query, a caret under that column
        assert "at column" in lines[0] and len(lines) == 3 and lines[2].strip() == "^"
    else:
        assert proc.returncode in (0, 1), proc.stderr
