"""A file's article count, as an indexing run reports an unchanged file's."""

from __future__ import annotations

import time
from pathlib import Path

from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store


def test_a_files_count_leaves_out_its_articles_to_delete(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    try:
        rows = [(Article(f"{f}{i}", "t", f, f"text {f} {i}"), f"h{f}{i}", f)
                for f in ("a.jsonl", "b.jsonl") for i in range(3)]
        store.stage(rows, [], [], {}, time.time())
        store.mark_done()
        assert store.count_of_file("a.jsonl") == 3
        store.stage([], ["a.jsonl1", "b.jsonl0", "b.jsonl2"], [], {}, time.time())
        assert store.count_of_file("a.jsonl") == 2  # (to delete, not yet deleted)
        assert store.count_of_file("b.jsonl") == 1
        store.mark_done()
        assert store.count_of_file("a.jsonl") == 2 and store.count_of_file("c.jsonl") == 0
    finally:
        store.close()
