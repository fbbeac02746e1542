"""link.distinct: the sorted distinct band keys, as np.unique gives them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsdesk.index.dups import groups, link
from newsdesk.index.dups.link import distinct as _distinct
from newsdesk.index.storage.article_store import Store
from tests.index.dups.test_update import _add, near_copies


def test_distinct_is_np_unique() -> None:
    rng = np.random.default_rng(3)
    cases = [np.zeros((0, 42), np.uint32), np.array([[5]], np.uint32),
             rng.integers(0, 50, size=(30, 42)).astype(np.uint32),
             rng.integers(0, 2**32, size=(200, 42), dtype=np.uint64).astype(np.uint32)]
    for keys in cases:
        found = _distinct(keys)
        assert found.dtype == keys.dtype
        assert found.tolist() == np.unique(keys).tolist()


def test_linking_makes_no_hashed_unique(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The linking's distinct values (candidate pairs, old articles met, ids to read) come
    from `distinct`'s sort: numpy 2's np.unique of plain values goes through a hash table,
    70-100 times slower on the pairs of a block (200,000 codes: 107 ms against 1.5), and
    the pairs an add meets grow with the corpus. Build and add, with np.unique failing."""
    items = near_copies(5, 2, 0.6)
    order = list(items)
    store = Store(tmp_path / "store.sqlite")
    try:
        _add(store, {i: items[i] for i in order[:len(order) // 2]})
        groups.update(store.db, store.lock)
        before = groups.group_count(store.db)

        def hashed(*args: object, **kwargs: object) -> np.ndarray:
            raise AssertionError("np.unique in the linking")

        monkeypatch.setattr(link.np, "unique", hashed)
        _add(store, {i: items[i] for i in order[len(order) // 2:]})
        report = groups.update(store.db, store.lock)
        assert report.edges > 0 and groups.group_count(store.db) > before
    finally:
        store.close()
