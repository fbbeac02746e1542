"""The test files in the order `make test` hands them out: longest first.

pytest-xdist's --dist loadfile gives each worker a whole file at a time, by default the
files with the most tests first: a file of three long tests (the fault suite's, a minute
each) came last, and one worker ran it alone at the end while the other sat idle. Longest
first (with --no-loadscope-reorder, which keeps this order) lets the short files fill in
at the end. The seconds are those of a whole run, recorded in tests/file_seconds.json:

    NEWSDESK_FILE_SECONDS=tests/file_seconds.json make test

A file not recorded yet goes by the median: only the balance depends on these figures,
never what runs."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from pathlib import Path

import pytest

SECONDS = Path(__file__).resolve().parents[1] / "file_seconds.json"


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def recorded(path: Path = SECONDS) -> dict[str, float]:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: float(v) for k, v in found.items() if isinstance(v, (int, float))}


def longest_first(items: list[pytest.Item], seconds: dict[str, float]) -> None:
    """Sort `items` in place by their file's seconds, longest first; a file's own tests
    keep their order (module fixtures, tests that build on the one before)."""
    default = statistics.median(seconds.values()) if seconds else 0.0
    rank: dict[str, int] = {}
    for item in items:
        rank.setdefault(file_of(item.nodeid), len(rank))
    items.sort(key=lambda item: (-seconds.get(file_of(item.nodeid), default),
                                 rank[file_of(item.nodeid)]))


class Recorder:
    """Each file's seconds in a run (setup, call and teardown of its tests, as the workers
    report them), written to `path` at the end, merged over what is there (a partial run
    updates only its own files)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seconds: dict[str, float] = defaultdict(float)

    def add(self, report: pytest.TestReport) -> None:
        self.seconds[file_of(report.nodeid)] += report.duration

    def write(self) -> None:
        merged = {**recorded(self.path), **{k: round(v, 1) for k, v in self.seconds.items()}}
        self.path.write_text(json.dumps(dict(sorted(merged.items())), indent=0) + "\n",
                             encoding="utf-8")
