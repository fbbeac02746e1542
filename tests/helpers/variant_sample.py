"""Generated variants sampled in `make test`: a parametrized test of SAMPLE_FROM cases or
more runs about half of them there, the same half every run (by a hash of each case's id,
so a list of cases written in pairs, a name and its counter-case, keeps both kinds);
NEWSDESK_ALL_VARIANTS=1 (`make test-all`) runs every case. The suite's thousands of
generated actor and payload variants were a sixth of its CPU, and CI's ten minutes on two
cores were overrun (BENCHMARKS "lead29")."""

from __future__ import annotations

import os
import zlib
from collections import Counter

import pytest

SAMPLE_FROM = 12  # cases of one test function (one file) from which it is sampled
ALL = "NEWSDESK_ALL_VARIANTS"


def _group(item: pytest.Item) -> tuple[str, str] | None:
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return None
    return item.nodeid.split("::", 1)[0], getattr(item, "originalname", item.name)


def _kept(nodeid: str) -> bool:
    return zlib.crc32(nodeid.encode("utf-8")) % 2 == 0


def sample(items: list[pytest.Item], config: pytest.Config) -> None:
    """Drop, in place, the half of each large parametrized test left out of the sample
    (reported as deselected); none where every variant is asked for."""
    if os.environ.get(ALL):
        return
    sizes = Counter(g for item in items if (g := _group(item)) is not None)
    dropped = [item for item in items
               if (g := _group(item)) is not None and sizes[g] >= SAMPLE_FROM
               and not _kept(item.nodeid)]
    if dropped:
        gone = set(map(id, dropped))
        items[:] = [item for item in items if id(item) not in gone]
        config.hook.pytest_deselected(items=dropped)
