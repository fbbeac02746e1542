"""A batch's mention rows go in in the key index's order, unless a first build defers that
index (then in the batch's order: the index is built once, sorted, at the build's end)."""

from __future__ import annotations

import time
from pathlib import Path

from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store


def _row(article: str, key: str) -> tuple[str, str, str, int, str, str, int, int, str, int]:
    return (article, key, key.title(), 1, "0-4", "", 1, 0, "", 0)


def _batch(store: Store, articles: list[str]) -> list[tuple]:
    store.stage([(Article(a, "t", "f.jsonl", f"text {a}"), f"h{a}", "f.jsonl")
                 for a in articles], [], [], {}, time.time())
    # Article by article, as extraction gives them: keys out of order across articles.
    return [_row(a, key) for a in articles for key in ("zeta", "alpha", "mu")]


def _rows(store: Store) -> list[tuple[str, str]]:
    return store.db.execute("SELECT key, article FROM mentions ORDER BY rowid").fetchall()


def test_rows_go_in_by_key_then_article(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    try:
        store.mark_done(_batch(store, ["a1", "a2"]), [])
        store.mark_done(_batch(store, ["b2", "b1"]), [])
        rows = _rows(store)
        assert rows[:6] == sorted(rows[:6]) and rows[6:] == sorted(rows[6:])
        assert sorted(rows) == sorted((k, a) for a in ("a1", "a2", "b1", "b2")
                                      for k in ("zeta", "alpha", "mu"))
        assert store.db.execute("SELECT count(*) FROM mentions WHERE key = 'mu'"
                                ).fetchone()[0] == 4
    finally:
        store.close()


def test_a_first_builds_rows_keep_the_batchs_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    try:
        store.defer_key_index()
        batch = _batch(store, ["a1", "a2"])
        store.mark_done(batch, [])
        assert _rows(store) == [(row[1], row[0]) for row in batch]
        store.build_key_index()
        store.mark_done(_batch(store, ["b1"]), [])
        assert _rows(store)[6:] == [("alpha", "b1"), ("mu", "b1"), ("zeta", "b1")]
    finally:
        store.close()
