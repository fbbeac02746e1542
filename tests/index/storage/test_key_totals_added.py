"""key_totals.add_inserted (the totals of the mention rows just inserted, grouped in SQL)
adds what key_totals.apply(rows, 1) adds, batch after batch."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from newsdesk.index.storage import key_totals
from newsdesk.index.storage.article_store import MentionRow, Store


def _rows(rng: random.Random, articles: range) -> list[MentionRow]:
    rows: list[MentionRow] = []
    for a in articles:
        for _ in range(rng.randrange(0, 6)):
            key = rng.choice(["bank", "smith", "oslo", "un", "king"])
            rows.append((f"a{a}", key, rng.choice([key.title(), key.upper()]),
                         rng.randrange(1, 4), "1-2", "", rng.randrange(2), rng.randrange(2),
                         rng.choice(["", "", "bank", "group"]), rng.randrange(2)))
    return rows


def _totals(db: sqlite3.Connection) -> list[list[tuple]]:
    return [db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("key_totals", "key_surfaces", "key_orgs")] + [
        db.execute("SELECT key FROM key_changes ORDER BY key").fetchall()]


def test_added_in_sql_as_in_python(tmp_path: Path) -> None:
    rng = random.Random(5)
    batches = [_rows(rng, range(0, 40)), _rows(rng, range(40, 90))]
    stores = [Store(tmp_path / "sql.sqlite"), Store(tmp_path / "py.sqlite")]
    try:
        for rows in batches:
            sql, py = (store.db for store in stores)
            with sql:
                after = key_totals.last_row(sql)
                sql.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
                key_totals.add_inserted(sql, after)
            with py:
                py.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
                key_totals.apply(py, ((r[0], r[1], r[2], r[3], r[6], r[7], r[8], r[9])
                                      for r in rows), 1)
            assert _totals(sql) == _totals(py)
        assert all(_totals(stores[0].db))
    finally:
        for store in stores:
            store.close()


def test_added_rows_are_read_by_rowid_not_by_walking_an_index(tmp_path: Path) -> None:
    """Each statement reads the new rows by a rowid range: through the (key, article)
    index SQLite walked every mention row of the store each batch (62% of the indexer's
    time at 960,000 articles)."""
    store = Store(tmp_path / "plan.sqlite")
    try:
        db = store.db
        with db:
            db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
                           _rows(random.Random(1), range(0, 400)))
        db.execute("ANALYZE")  # (the planner's statistics of a grown store)
        statements = [s for s in key_totals._ADD_STORED.split(";") if s.strip()]
        assert len(statements) == 3
        for statement in statements:
            select = statement[statement.index("SELECT"):].split("ON CONFLICT")[0]
            plan = " ".join(row[-1] for row in db.execute(
                "EXPLAIN QUERY PLAN " + select, {"after": 10}))
            assert "INTEGER PRIMARY KEY (rowid>?)" in plan, (select, plan)
            assert "mentions_key_article" not in plan, (select, plan)
    finally:
        store.close()
