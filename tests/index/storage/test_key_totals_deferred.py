"""A first build's key totals, deferred (key_totals.defer) and made once at its end
(Store.settle_key_totals), come out as those added batch by batch: the same three tables
and keys changed, with articles replaced in a later batch; and a run stopped before its
end leaves them deferred for the next one to settle."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest

from newsdesk.index.models import Article
from newsdesk.index.storage import key_totals
from newsdesk.index.storage.article_store import MentionRow, Store

KEYS = ["bank", "smith", "oslo", "un", "king", "line"]


def _rows(rng: random.Random, ids: list[str]) -> list[MentionRow]:
    rows: list[MentionRow] = []
    for article in ids:
        for key in rng.sample(KEYS, rng.randrange(0, 4)):
            for surface in {key.title(), rng.choice([key.title(), key.upper()])}:
                rows.append((article, key, surface, rng.randrange(1, 4), "1-2", "",
                             rng.randrange(2), rng.randrange(2),
                             rng.choice(["", "", "bank", "line 3"]), rng.randrange(2)))
    return rows


def _articles(ids: list[str], text: str) -> list[tuple[Article, str, str]]:
    return [(Article(id=i, path="c.jsonl", title=i, text=f"{text} {i}"), f"h{text}{i}",
             "c.jsonl") for i in ids]


def _tables(db: sqlite3.Connection) -> list[list[tuple]]:
    return [db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("key_totals", "key_surfaces", "key_orgs")] + [
        db.execute("SELECT key FROM key_changes ORDER BY key").fetchall()]


def _build(path: Path, deferred: bool, batches: list[tuple[list[str], str]],
           settle: bool = True) -> Store:
    rng = random.Random(7)
    store = Store(path)
    if deferred:
        store.defer_key_index()
    for ids, text in batches:
        store.stage(_articles(ids, text), [], [], {}, time.time())
        pending = store.pending()
        store.mark_done(_rows(rng, ids), [], set(), upto=pending.last)
    if settle:
        store.settle_key_totals()
    return store


BATCHES = [([f"a{n}" for n in range(30)], "one"),
           ([f"a{n}" for n in range(30, 70)], "two"),
           ([f"a{n}" for n in range(20, 40)], "again")]  # (replaces rows of both before)


def test_deferred_totals_are_those_added_batch_by_batch(tmp_path: Path) -> None:
    stores = [_build(tmp_path / "each.sqlite", False, BATCHES),
              _build(tmp_path / "end.sqlite", True, BATCHES)]
    try:
        each, end = (s.db for s in stores)
        assert not key_totals.is_deferred(end)
        assert _tables(end) == _tables(each)
        assert all(_tables(end))
        # (the first statement's totals: what a store's mentions give, from scratch)
        with each:
            each.execute("DELETE FROM meta WHERE key = 'key_totals'")
        key_totals.ensure(each)
        assert _tables(each)[:3] == _tables(end)[:3]
    finally:
        for store in stores:
            store.close()


def test_totals_stay_deferred_through_a_stop_and_are_settled_after(tmp_path: Path) -> None:
    stopped = _build(tmp_path / "stopped.sqlite", True, BATCHES[:2], settle=False)
    assert key_totals.is_deferred(stopped.db)
    assert stopped.db.execute("SELECT count(*) FROM key_totals").fetchone()[0] == 0
    stopped.close()
    again = Store(tmp_path / "stopped.sqlite")  # (a later run: the store not empty)
    whole = _build(tmp_path / "whole.sqlite", False, BATCHES[:2])
    try:
        assert key_totals.is_deferred(again.db)
        again.build_key_index()  # (the run's end: settled with the index)
        assert not key_totals.is_deferred(again.db)
        assert _tables(again.db) == _tables(whole.db)
    finally:
        again.close()
        whole.close()



def test_a_large_first_build_settles_midway_then_adds_batch_by_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(key_totals, "DEFER_ROWS", 40)  # (passed in the first batch)
    settled_after: list[bool] = []
    real = key_totals.add_inserted

    def added(db: sqlite3.Connection, after: int) -> None:
        settled_after.append(True)
        real(db, after)

    monkeypatch.setattr(key_totals, "add_inserted", added)
    stores = [_build(tmp_path / "midway.sqlite", True, BATCHES, settle=False)]
    assert not key_totals.is_deferred(stores[0].db)  # (settled by the first batch)
    assert len(settled_after) == len(BATCHES) - 1  # (the batches after it: added)
    stores.append(_build(tmp_path / "each.sqlite", False, BATCHES))
    try:
        assert _tables(stores[0].db) == _tables(stores[1].db)
    finally:
        for store in stores:
            store.close()
