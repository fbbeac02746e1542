"""Generated hostile queries: each returns results or a one-line QueryError, quickly; none
raises anything else. 1,000 in every run; 10,000 with -m slow."""

from __future__ import annotations

import random
import time

import pytest

from newsdesk.index.engine import Engine
from newsdesk.index.models import QueryError
from tests.helpers.figures import Record

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
