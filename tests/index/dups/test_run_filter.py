"""The Bloom filters of the runs of band keys (dups/run_filter.py): a filter says "may
hold" of every key it was made of and of few others; every run an update files or merges
gets one holding its keys; a run without one (an older store) is looked up in full; and
the groups are those of one build either way."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsdesk.index.dups import groups, link, run_filter
from newsdesk.index.storage.article_store import Store
from tests.index.dups.test_update import BBC, _add, _bbc_with_copies, _built_and_empty, _groups


def test_a_filter_holds_its_keys_and_few_others() -> None:
    rng = np.random.default_rng(25)
    keys = rng.integers(0, 1 << 32, 50_000, dtype=np.uint64).astype(np.uint32)
    blob = run_filter.make([keys, keys[:1000]], 51_000)  # (repeats allowed)
    assert run_filter.may_hold(blob, keys).all()
    others = rng.integers(0, 1 << 32, 50_000, dtype=np.uint64).astype(np.uint32)
    others = others[~np.isin(others, keys)]
    assert run_filter.may_hold(blob, others).mean() < 0.06  # (about 3% at 8 bits a key)
    empty = run_filter.make([], 0)
    assert not run_filter.may_hold(empty, keys[:100]).any()


def _runs_held_by_their_filters(db: object) -> int:
    """The runs checked: each has a filter, and it holds every key of the run."""
    runs = [run for run, in db.execute("SELECT run FROM dup_runs")]  # type: ignore[attr-defined]
    for run in runs:
        blob = run_filter.of(db, run)  # type: ignore[arg-type]
        assert blob is not None, run
        keys = np.array([k for k, in db.execute(  # type: ignore[attr-defined]
            "SELECT key FROM dup_band_runs WHERE run = ?", (run,))], np.uint32)
        assert run_filter.may_hold(blob, keys).all(), run
    return len(runs)


@pytest.mark.skipif(not BBC.is_file(), reason="the shared BBC corpus is not here")
def test_runs_filed_and_merged_have_filters_and_group_as_one_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(link, "RUN_TIER", 3)
    items = _bbc_with_copies()
    order = list(items)
    sought: list[int] = []
    may_hold = run_filter.may_hold

    def counted(blob: bytes, keys: np.ndarray) -> np.ndarray:
        held = may_hold(blob, keys)
        sought.append(int(held.sum()) - len(keys))
        return held

    monkeypatch.setattr(run_filter, "may_hold", counted)
    with _built_and_empty(tmp_path, items) as (at_once, bit_by_bit):
        _add(bit_by_bit, {i: items[i] for i in order[:100]})
        groups.update(bit_by_bit.db, bit_by_bit.lock)
        checked = 0
        for start in range(100, len(order), 20):
            _add(bit_by_bit, {i: items[i] for i in order[start:start + 20]})
            groups.update(bit_by_bit.db, bit_by_bit.lock)
            checked += _runs_held_by_their_filters(bit_by_bit.db)
        assert checked > 0
        assert sum(sought) < 0  # keys a run's filter ruled out were not looked up there
        assert _groups(bit_by_bit.db) == _groups(at_once.db)


@pytest.mark.skipif(not BBC.is_file(), reason="the shared BBC corpus is not here")
def test_a_run_without_a_filter_is_looked_up_in_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(link, "RUN_TIER", 100)  # (no merges: the runs stay as filed)
    items = _bbc_with_copies()
    order = list(items)
    at_once = Store(tmp_path / "a.sqlite")
    bit_by_bit = Store(tmp_path / "b.sqlite")
    try:
        _add(at_once, items)
        groups.update(at_once.db, at_once.lock)
        _add(bit_by_bit, {i: items[i] for i in order[:100]})
        groups.update(bit_by_bit.db, bit_by_bit.lock)
        for start in range(100, len(order), 40):
            _add(bit_by_bit, {i: items[i] for i in order[start:start + 40]})
            groups.update(bit_by_bit.db, bit_by_bit.lock)
            with bit_by_bit.db:  # as a store filed before filters were kept
                bit_by_bit.db.execute("DELETE FROM dup_run_filters")
        assert _groups(bit_by_bit.db) == _groups(at_once.db)
    finally:
        at_once.close()
        bit_by_bit.close()
