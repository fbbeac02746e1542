"""groups.update on an article store alone (no Whoosh: the grouping reads only the store):
a stopped update finishes at the next, a leader that goes hands its group on, and groups
made incrementally are those made at once, on the seeds and on BBC articles with copies;
the band keys filed are those of the stored signatures."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import pytest

from newsdesk.index.dups import groups
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store
from tests.eval.dups import generate
from tests.helpers.paths import CORPORA, SEEDS

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


def near_copies(seed: int, copies: int, least: float) -> dict[str, str]:
    """The seed texts, each with `copies` cuts of itself (at least `least` of it kept)."""
    rng = random.Random(seed)
    items: dict[str, str] = {}
    for name, text in TEXTS.items():
        items[name] = text
        for n in range(copies):
            items[f"{name}-{n}"] = _cut(text, rng.uniform(least, 1.0))
    return items


def test_groups_made_a_few_at_a_time_are_those_made_at_once(tmp_path: Path) -> None:
    items = near_copies(7, 3, 0.5)
    order = list(items)
    with _built_and_empty(tmp_path, items) as (at_once, bit_by_bit):
        for start in range(0, len(order), 4):
            _add(bit_by_bit, {i: items[i] for i in order[start:start + 4]})
            groups.update(bit_by_bit.db, bit_by_bit.lock)
        assert _groups(at_once.db) == _groups(bit_by_bit.db)
        assert len(_groups(at_once.db)) == len(TEXTS)


BBC = CORPORA / "bbc-news-2225.jsonl"


def _bbc_with_copies() -> dict[str, str]:
    """240 BBC articles and 1-3 copies each of 50 of them (trimmed, re-paragraphed, spun:
    tests/eval/dups/generate.py), in an order drawn at random: copies come before and after
    their originals, in other batches."""
    with BBC.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in islice(lines, 240)]
    records, copies = generate.build(records, 50, seed=26)
    items = [(r["id"], r["text"]) for r in records] + [(c.record["id"], c.record["text"])
                                                       for c in copies]
    random.Random(26).shuffle(items)
    return dict(items)


def _bands(db: sqlite3.Connection) -> set[tuple[int, int]]:
    """The band keys filed, in dup_bands or in a run of an update's (link.py)."""
    return set(db.execute("SELECT key, n FROM dup_bands UNION ALL "
                          "SELECT key, n FROM dup_band_runs"))


def _bands_of_stored(db: sqlite3.Connection) -> set[tuple[int, int]]:
    """What dup_bands must hold: the band keys of every stored signature long enough."""
    found: set[tuple[int, int]] = set()
    for numbers, sigs in groups._stored(db, set()):
        for n, keys in zip(numbers.tolist(), groups._short_keys(sigs).tolist(), strict=True):
            found.update((key, n) for key in keys)
    return found


@pytest.mark.skipif(not BBC.is_file(), reason="the shared BBC corpus is not here")
@pytest.mark.parametrize("lookup_keys", [groups.LOOKUP_KEYS, 0])
def test_updates_on_a_corpus_with_copies_group_as_one_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lookup_keys: int) -> None:
    """Copies added in later updates than their originals are found through the stored
    band keys (looked up key by key, or with lookup_keys=0 read in one pass), and the
    groups are those of one build of everything; an article removed takes its band keys."""
    monkeypatch.setattr(groups, "LOOKUP_KEYS", lookup_keys)
    items = _bbc_with_copies()
    order = list(items)
    with _built_and_empty(tmp_path, items) as (at_once, bit_by_bit):
        edges_later = 0
        for start in range(0, len(order), 60):
            _add(bit_by_bit, {i: items[i] for i in order[start:start + 60]})
            edges_later += groups.update(bit_by_bit.db, bit_by_bit.lock).edges if start else 0
        expected = _groups(at_once.db)
        assert _groups(bit_by_bit.db) == expected
        assert edges_later >= 20  # most copies met their original in an earlier batch
        assert sum(len(m) for m in expected.values()) >= 100
        assert _bands(bit_by_bit.db) == _bands_of_stored(bit_by_bit.db)
        _remove(bit_by_bit, order[:30])
        edited = {i: _cut(items[order[-1 - n]], 0.8) for n, i in enumerate(order[30:40])}
        _add(bit_by_bit, edited)  # ten articles now copies of others
        report = groups.update(bit_by_bit.db, bit_by_bit.lock)
        assert report.signed == 10 and report.dropped == 40
        assert _bands(bit_by_bit.db) == _bands_of_stored(bit_by_bit.db)
        # The same articles grouped at once, added in the order the store now holds them.
        final = {**items, **edited}
        rebuilt = Store(tmp_path / "c.sqlite")
        try:
            _add(rebuilt, {i: final[i] for i, in bit_by_bit.db.execute(
                "SELECT id FROM articles ORDER BY rowid")})
            groups.update(rebuilt.db, rebuilt.lock)
            assert _groups(bit_by_bit.db) == _groups(rebuilt.db)
            assert any(set(edited) & members for members in _groups(rebuilt.db).values())
        finally:
            rebuilt.close()


def test_changes_made_while_not_noted_are_found(tmp_path: Path) -> None:
    """The store notes its changes for the next update (triggers on its articles); where
    they are missing (an articles table made anew), the next update compares everything
    once and notes again."""
    store = Store(tmp_path / "store.sqlite")
    try:
        _add(store, {"a": TEXTS["002"], "b": TEXTS["001"]})
        groups.update(store.db, store.lock)
        with store.db:
            store.db.execute("DROP TRIGGER dup_changed_in")
        _add(store, {"copy": _cut(TEXTS["002"], 0.7)})
        assert store.db.execute("SELECT count(*) FROM dup_changed").fetchone()[0] == 0
        assert groups.update(store.db, store.lock).signed == 1
        assert _groups(store.db) == {"a": {"a", "copy"}}
        _add(store, {"copy-b": _cut(TEXTS["001"], 0.8)})  # noted again
        assert store.db.execute("SELECT article FROM dup_changed").fetchall() == [("copy-b",)]
        assert groups.update(store.db, store.lock).signed == 1
        assert _groups(store.db) == {"a": {"a", "copy"}, "b": {"b", "copy-b"}}
        assert store.db.execute("SELECT count(*) FROM dup_changed").fetchone()[0] == 0
    finally:
        store.close()


def test_a_store_grouped_before_band_keys_were_kept_gets_them(tmp_path: Path) -> None:
    """A store whose signatures have no band keys filed (grouped by the earlier version, or
    an update killed between signing and filing) files them all at the next update, and a
    copy added then is found."""
    store = Store(tmp_path / "store.sqlite")
    try:
        _add(store, {"a": TEXTS["002"], "b": TEXTS["001"]})
        groups.update(store.db, store.lock)
        with store.db:
            store.db.execute("DELETE FROM dup_bands")
            store.db.execute("DELETE FROM dup_band_runs")
            store.db.execute("DELETE FROM meta WHERE key=?", (groups.BANDS_KEY,))
        _add(store, {"copy": _cut(TEXTS["002"], 0.7)})
        groups.update(store.db, store.lock)
        assert _groups(store.db) == {"a": {"a", "copy"}}
        assert _bands(store.db) == _bands_of_stored(store.db) != set()
        with store.db:
            store.db.execute("DELETE FROM dup_band_runs WHERE n = (SELECT n FROM dup_sigs "
                             "WHERE article='b')")
            store.db.execute("DELETE FROM dup_bands WHERE n = (SELECT n FROM dup_sigs "
                             "WHERE article='b')")
            store.db.execute("UPDATE meta SET value='0' WHERE key=?", (groups.BANDS_KEY,))
        _add(store, {"copy-b": _cut(TEXTS["001"], 0.8)})
        groups.update(store.db, store.lock)
        assert _groups(store.db) == {"a": {"a", "copy"}, "b": {"b", "copy-b"}}
    finally:
        store.close()


@pytest.mark.skipif(not BBC.is_file(), reason="the shared BBC corpus is not here")
def test_small_updates_file_runs_merged_a_few_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Updates after the first file their keys in runs of their own (link.py), merged
    three at a time here; the groups are those of one build, and an article removed takes
    its keys out of whichever run holds them."""
    from newsdesk.index.dups import link

    monkeypatch.setattr(link, "RUN_TIER", 3)
    items = _bbc_with_copies()
    order = list(items)
    with _built_and_empty(tmp_path, items) as (at_once, bit_by_bit):
        _add(bit_by_bit, {i: items[i] for i in order[:100]})
        groups.update(bit_by_bit.db, bit_by_bit.lock)
        first = set(bit_by_bit.db.execute("SELECT key, n FROM dup_bands"))
        runs = []
        for start in range(100, len(order), 20):
            _add(bit_by_bit, {i: items[i] for i in order[start:start + 20]})
            groups.update(bit_by_bit.db, bit_by_bit.lock)
            runs.append(bit_by_bit.db.execute("SELECT count(*) FROM dup_runs").fetchone()[0])
        assert set(bit_by_bit.db.execute("SELECT key, n FROM dup_bands")) == first
        assert max(runs) <= 4 < len(runs)  # merged as they came, three at a time
        assert _groups(bit_by_bit.db) == _groups(at_once.db)
        assert _bands(bit_by_bit.db) == _bands_of_stored(bit_by_bit.db)
        _remove(bit_by_bit, order[95:145])  # from dup_bands and from runs
        groups.update(bit_by_bit.db, bit_by_bit.lock)
        assert _bands(bit_by_bit.db) == _bands_of_stored(bit_by_bit.db)
        rebuilt = Store(tmp_path / "c.sqlite")
        try:
            _add(rebuilt, {i: items[i] for i, in bit_by_bit.db.execute(
                "SELECT id FROM articles ORDER BY rowid")})
            groups.update(rebuilt.db, rebuilt.lock)
            assert _groups(bit_by_bit.db) == _groups(rebuilt.db)
        finally:
            rebuilt.close()


@contextmanager
def _built_and_empty(tmp_path: Path, items: dict[str, str]) -> Iterator[tuple[Store, Store]]:
    """A store with every one of `items` added and grouped in one update, and an empty one
    to add them to bit by bit; both closed after."""
    at_once, bit_by_bit = Store(tmp_path / "a.sqlite"), Store(tmp_path / "b.sqlite")
    try:
        _add(at_once, items)
        groups.update(at_once.db, at_once.lock)
        yield at_once, bit_by_bit
    finally:
        at_once.close()
        bit_by_bit.close()


def test_texts_are_read_and_signed_a_bounded_part_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no signature was made ahead, a chunk of long articles' texts was read and
    split into words all at once (596 live blogs of 59 KB: the indexer at 856 MB). Each
    read now holds at most READ_BYTES of stored text (an article past it alone), and the
    signatures and groups are those of one read of everything."""
    rng = random.Random(7)
    seeds = list(TEXTS.values())
    items = {f"a{i:02d}": " ".join(rng.sample(seeds, 3)) + f" story {i}" for i in range(30)}
    items.update({f"c{i}": items[f"a{i:02d}"] for i in range(5)})  # copies to group

    def built(folder: Path, read_bytes: int) -> tuple[list, dict, list[int]]:
        monkeypatch.setattr(groups, "READ_BYTES", read_bytes)
        read_sizes: list[int] = []
        store = Store(folder / "store.sqlite")
        try:
            _add(store, items)
            store_read = groups._store_texts(store.db, store.lock)

            def read(ids: list[str]) -> dict[str, str]:
                found = store_read(ids)
                read_sizes.append(len(ids))
                return found

            monkeypatch.setattr(groups, "_store_texts", lambda db, lock: read)
            groups.update(store.db, store.lock)
            sigs = store.db.execute("SELECT n, article, size, sig FROM dup_sigs ORDER BY n"
                                    ).fetchall()
            return sigs, _groups(store.db), read_sizes
        finally:
            store.close()

    (tmp_path / "whole").mkdir()
    (tmp_path / "parts").mkdir()
    whole = built(tmp_path / "whole", 1 << 40)
    monkeypatch.undo()
    stored = max(len(t) for t in items.values()) // 2  # (compressed: about a third)
    parts = built(tmp_path / "parts", stored)
    assert whole[2] == [len(items)]
    assert len(parts[2]) > 5 and sum(parts[2]) == len(items)
    assert parts[0] == whole[0] and parts[1] == whole[1]
    assert all(any({f"a{i:02d}", f"c{i}"} <= group for group in whole[1].values())
               for i in range(5))  # (each copy grouped with its original)
