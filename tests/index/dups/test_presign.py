"""Signatures made ahead (dups/presign.py, by the segment-writing process during a build)
give the grouping the same signatures and groups as signing at the end; one made from
another text is not used."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest

from newsdesk.index.dups import groups, presign
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store
from tests.helpers.paths import SEEDS

TEXTS = {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _items() -> dict[str, str]:
    rng = random.Random(11)
    items: dict[str, str] = {}
    for seed, text in TEXTS.items():
        items[seed] = text
        for n in range(3):
            items[f"{seed}-{n}"] = text[: int(len(text) * rng.uniform(0.5, 1.0))]
    return items


def _store(path: Path, items: dict[str, str]) -> Store:
    store = Store(path)
    store.stage([(Article(i, "f", i, text), str(hash(text)), "f") for i, text in items.items()],
                [], [], {}, time.time())
    store.mark_done()
    return store


def _state(db: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    sigs = db.execute("SELECT article, size, sig FROM dup_sigs ORDER BY article").fetchall()
    grouped = db.execute("SELECT article, grp FROM dup_groups ORDER BY article").fetchall()
    return sigs, grouped


def _left(db: sqlite3.Connection) -> int:
    return db.execute("SELECT count(*) FROM temp.dup_presigned").fetchone()[0]


def test_signatures_made_ahead_group_as_signing_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(presign, "CHUNK", 5)  # signed a few texts at a time, as in a batch
    items = _items()
    plain, ahead = _store(tmp_path / "a.sqlite", items), _store(tmp_path / "b.sqlite", items)
    try:
        groups.update(plain.db, plain.lock)
        ids = list(items)
        half = len(ids) // 2  # made in two batches, as the writer makes them
        for part in (ids[:half], ids[half:]):
            with ahead.db:
                presign.keep(ahead.db, presign.sign(part, [items[i] for i in part]))
        assert _left(ahead.db) == len(items)
        report = groups.update(ahead.db, ahead.lock, presigned=presign.taker(ahead.db))
        assert report.signed == len(items)
        assert _left(ahead.db) == 0  # every one taken, none signed again
        assert _state(ahead.db) == _state(plain.db)
        assert len({group for _, group in _state(plain.db)[1]}) == len(TEXTS)
    finally:
        plain.close()
        ahead.close()


def test_a_signature_made_from_another_text_is_not_used(tmp_path: Path) -> None:
    items = _items()
    plain, ahead = _store(tmp_path / "a.sqlite", items), _store(tmp_path / "b.sqlite", items)
    try:
        groups.update(plain.db, plain.lock)
        ids = list(items)
        texts = [items[i] for i in ids]
        texts[0] = texts[0] + " A paragraph the stored text does not have."
        with ahead.db:
            presign.keep(ahead.db, presign.sign(ids, texts))
        groups.update(ahead.db, ahead.lock, presigned=presign.taker(ahead.db))
        assert _state(ahead.db) == _state(plain.db)
    finally:
        plain.close()
        ahead.close()


def test_signatures_made_ahead_are_the_ones_taken(tmp_path: Path) -> None:
    """(The grouping takes what the table holds: a signature kept for a text is used.)"""
    items = _items()
    store = _store(tmp_path / "s.sqlite", items)
    try:
        ids = list(items)
        signed = presign.sign(ids, [items[i] for i in ids])
        other = presign.sign(["x"], ["entirely different words " * 30])[0][3]
        signed[0] = (signed[0][0], signed[0][1], signed[0][2], other)
        with store.db:
            presign.keep(store.db, signed)
        groups.update(store.db, store.lock, presigned=presign.taker(store.db))
        stored = store.db.execute("SELECT sig FROM dup_sigs WHERE article=?",
                                  (ids[0],)).fetchone()[0]
        assert stored == other
    finally:
        store.close()


def test_texts_signed_ahead_are_not_read_again(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouping compares the stored texts' checks (kept at the end of each packed
    text) with those of the texts signed: it unpacks none of them."""
    items = _items()
    store = _store(tmp_path / "s.sqlite", items)
    try:
        ids = list(items)
        with store.db:
            presign.keep(store.db, presign.sign(ids, [items[i] for i in ids]))

        def no_texts(*_: object) -> object:
            raise AssertionError("texts read")

        monkeypatch.setattr(groups, "_store_texts", lambda db, lock: no_texts)
        report = groups.update(store.db, store.lock, presigned=presign.taker(store.db))
        assert report.signed == len(items)
    finally:
        store.close()


def test_a_stored_text_carries_its_check() -> None:
    from newsdesk.index.storage.article_store import _pack, stored_check, text_check

    for text in ("", "a", "Café \ud800 ünïcode", " ".join(TEXTS.values())):
        assert stored_check(_pack(text)) == text_check(text)
    assert stored_check(b"") is None


def test_the_checks_read_by_sqlite_are_stored_checks() -> None:
    """groups._stored_checks has SQLite cut each stored text's last four bytes: what
    stored_check makes of the whole blob, None for a short blob or a text."""
    import threading

    from newsdesk.index.storage.article_store import _pack, stored_check

    values: list[object] = [_pack(t) for t in ("", "a", "Café \ud800 ünïcode",
                                               " ".join(TEXTS.values()))]
    values += [b"", b"12345", b"123456", bytes(range(256)) * 40, "a text, not a blob"]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, text BLOB NOT NULL)")
    db.executemany("INSERT INTO articles VALUES (?, ?)",
                   [(f"a{i}", value) for i, value in enumerate(values)])
    found = groups._stored_checks(db, threading.Lock(), [f"a{i}" for i in range(len(values))])
    assert found == {f"a{i}": stored_check(value) for i, value in enumerate(values)}  # type: ignore[arg-type]
    assert sum(check is not None for check in found.values()) == 6
