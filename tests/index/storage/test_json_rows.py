"""storage/json_rows.py: values inserted through json_each are the rows executemany makes."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.index.storage import json_rows

VALUES = ["plain", "naïve", "東京", 'a "quoted" word', "back\\slash", "tab\there", "line\nbreak",
          "emoji 🙂", "", "plain", "\u2028", "NUL-free \x01 control"]


@pytest.mark.parametrize("json_each", [True, False])
def test_insert_or_ignore_keeps_every_value_as_it_is(monkeypatch, json_each) -> None:
    monkeypatch.setattr(json_rows, "_found", [json_each])
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (v TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute("INSERT INTO t VALUES ('already')")
    json_rows.insert_or_ignore(db, "t", [*VALUES, "already"])
    json_rows.insert_or_ignore(db, "t", [])
    found = db.execute("SELECT v, typeof(v) FROM t ORDER BY v").fetchall()
    assert found == [(v, "text") for v in sorted({*VALUES, "already"})]

