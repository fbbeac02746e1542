"""groups.update on an article store alone (no Whoosh: the grouping reads only the store):
a stopped update finishes at the next, a leader that goes hands its group on, and groups
made incrementally are those made at once."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from newsdesk.index.dups import groups
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store
from tests.helpers.paths import SEEDS

TEXTS = {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _add(store: Store, items: dict[str, str]) -> None:
    store.stage([(Article(i, "f", i, text), str(hash(text)), "f") for i, text in items.items()],
                [], [], {}, time.time())
    store.mark_done()


def _remove(store: Store, ids: list[str]) -> None:
    store.stage([], ids, [], {}, time.time())
    store.mark_done()


def _groups(db: sqlite3.Connection) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for article, group in db.execute("SELECT article, grp FROM dup_groups"):
        found.setdefault(group, set()).add(article)
    return found


def _cut(text: str, share: float) -> str:
    return text[: int(len(text) * share)]


def test_a_stopped_update_is_finished_by_the_next(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    try:
        _add(store, {"a": TEXTS["000"], "b": TEXTS["000"], "c": TEXTS["001"]})
        stopped = groups.update(store.db, store.lock, stop=lambda: True)
        assert stopped.signed == 0 and groups.needs_update(store.db)
        done = groups.update(store.db, store.lock)
        assert done.signed == 3 and not groups.needs_update(store.db)
        assert _groups(store.db) == {"a": {"a", "b"}}
    finally:
        store.close()


def test_a_leader_that_goes_hands_its_group_on(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    try:
        text = TEXTS["002"]
        _add(store, {"lead": text})
        _add(store, {"copy1": _cut(text, 0.8), "copy2": _cut(text, 0.6)})
        groups.update(store.db, store.lock)
        assert _groups(store.db) == {"lead": {"lead", "copy1", "copy2"}}
        _remove(store, ["lead"])
        report = groups.update(store.db, store.lock)
        assert report.dropped == 1
        assert _groups(store.db) == {"copy1": {"copy1", "copy2"}}
    finally:
        store.close()


def test_groups_made_a_few_at_a_time_are_those_made_at_once(tmp_path: Path) -> None:
    rng = random.Random(7)
    items: dict[str, str] = {}
    for seed, text in TEXTS.items():
        items[seed] = text
        for n in range(3):
            items[f"{seed}-{n}"] = _cut(text, rng.uniform(0.5, 1.0))
    order = list(items)
    at_once, bit_by_bit = Store(tmp_path / "a.sqlite"), Store(tmp_path / "b.sqlite")
    try:
        _add(at_once, items)
        groups.update(at_once.db, at_once.lock)
        for start in range(0, len(order), 4):
            _add(bit_by_bit, {i: items[i] for i in order[start:start + 4]})
            groups.update(bit_by_bit.db, bit_by_bit.lock)
        assert _groups(at_once.db) == _groups(bit_by_bit.db)
        assert len(_groups(at_once.db)) == len(TEXTS)
    finally:
        at_once.close()
        bit_by_bit.close()
