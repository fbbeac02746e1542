"""A batch just staged comes back from the store as the articles it was staged from
(Store.pending_staged), the same as reading it back gives; rows not among them, and
deletions, as `pending` gives them."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store


def _articles() -> list[Article]:
    return [
        Article("a", "f.jsonl", "Title A", "Text with “quotes” and \ud800 replaced",
                datetime(2020, 1, 4, 10, 0, 0, 123456), "BBC", "https://x/a",
                "2020-01-04T10:00:00.123456+05:30"),
        Article("b", "f.jsonl", "Title B", "plain text"),
        Article("c", "g.txt", "C", "Straße İstanbul ﬁne", datetime(1999, 12, 31), None, None,
                "1999-12-31"),
    ]


def test_staged_rows_come_back_as_reading_them_gives(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    store.stage([(Article("old", "f.jsonl", "Old", "old text"), "h0", "f.jsonl")], [], [],
                {}, time.time())
    store.mark_done()
    articles = [Article(a.id, a.path, a.title, a.text.replace("\ud800", "\ufffd"), a.date,
                        a.source, a.url, a.date_text) for a in _articles()]
    store.stage([(a, f"h{n}", a.path) for n, a in enumerate(articles)], ["old"], [], {},
                time.time())
    read = store.pending()
    for staged in ({a.id: a for a in articles}, {"b": articles[1]}, {}):
        given = store.pending_staged(staged)
        assert given == read
        assert all(item is staged[item.id] for state, item in given.items
                   if isinstance(item, Article) and item.id in staged)
    after = store.pending_staged({}, after=read.last)
    assert after.items == [] and after.last == 0
