"""index/dups/link.py against the all-pairs linking it replaced (every two articles sharing a
band key compared, kept in memory: a reference written here), on BBC articles with copies:
the same edges, score for score, with the key space cut into many partitions and the
signatures into many blocks; with popular band keys (exact copies, a paragraph repeated
in many articles) compared against a bounded set, the same groups; and an update stopped
between chunks, between signing and linking, or during linking, finished by the next."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from itertools import combinations, islice
from pathlib import Path

import numpy as np
import pytest

from newsdesk.index.dups import groups, link, sketch
from newsdesk.index.storage import json_rows
from newsdesk.index.storage.article_store import Store
from tests.index.dups.test_update import BBC, _add, _bbc_with_copies, _groups, _remove

pytestmark = pytest.mark.skipif(not BBC.is_file(), reason="the shared BBC corpus is not here")


def _reference_edges(db: sqlite3.Connection) -> dict[tuple[str, str], float]:
    """Every pair of stored signatures sharing a band key, compared (the linking before
    link.py, at once over the whole store)."""
    rows = db.execute("SELECT n, article, size, sig FROM dup_sigs WHERE size >= ?",
                      (sketch.MIN_SHINGLES,)).fetchall()
    sigs = {n: (article, size, sketch.from_blob(blob)) for n, article, size, blob in rows}
    owners: dict[int, set[int]] = {}
    for n, (_, _, sig) in sigs.items():
        for key in link.short_keys(sig.reshape(1, -1)).ravel().tolist():
            owners.setdefault(key, set()).add(n)
    pairs = {pair for run in owners.values() for pair in combinations(sorted(run), 2)}
    edges = {}
    for a, b in pairs:
        (id_a, size_a, sig_a), (id_b, size_b, sig_b) = sigs[a], sigs[b]
        score = sketch.containment(sig_a, size_a, sig_b, size_b)
        if score >= sketch.THRESHOLD:
            edges[(min(id_a, id_b), max(id_a, id_b))] = score
    return edges


def _edges(db: sqlite3.Connection) -> dict[tuple[str, str], float]:
    return {(a, b): score for a, b, score in db.execute("SELECT a, b, score FROM dup_edges")}


def _small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(link, "PART_ENTRIES", 1500)  # 8-16 partitions
    monkeypatch.setattr(link, "BLOCK", 40)
    monkeypatch.setattr(link, "SLICE", 25)
    monkeypatch.setattr(link, "READ", 30)


@pytest.mark.parametrize("lookup_keys", [groups.LOOKUP_KEYS, 0])
def test_edges_are_those_of_all_pairs_compared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               lookup_keys: int) -> None:
    _small_pieces(monkeypatch)
    monkeypatch.setattr(groups, "LOOKUP_KEYS", lookup_keys)
    items = _bbc_with_copies()
    order = list(items)
    store = Store(tmp_path / "s.sqlite")
    try:
        for start in range(0, len(order), 90):
            _add(store, {i: items[i] for i in order[start:start + 90]})
            groups.update(store.db, store.lock)
        _remove(store, order[:20])
        _add(store, {i: items[order[-1 - n]][:900] for n, i in enumerate(order[20:30])})
        groups.update(store.db, store.lock)
        expected = _reference_edges(store.db)
        assert len(expected) >= 60
        assert _edges(store.db) == expected
    finally:
        store.close()


def _with_popular_keys() -> dict[str, str]:
    """BBC articles, 40 exact copies of one, and a paragraph of another appended to 80."""
    with BBC.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in islice(lines, 200)]
    items = {r["id"]: r["text"] for r in records}
    shared = records[0]["text"][:400]
    for r in records[20:100]:
        items[r["id"]] = r["text"][:600] + "\n\n" + shared
    for n in range(40):
        items[f"copy-{n}"] = records[1]["text"]
    rng = random.Random(5)
    order = list(items)
    rng.shuffle(order)
    return {i: items[i] for i in order}


def test_popular_keys_compared_against_a_few(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to MAX_RUN owners a key, every pair is compared (the edges of all pairs, exact
    copies as one owner whose edges are each copy's); past it, fewer pairs, none made up,
    and exact copies grouped as by all pairs (past HEAD of them a copy has edges to the
    first HEAD and its group's leader only). (A pair whose every shared key is popular,
    here two articles alike only by the paragraph they both repeat, is compared only when
    one is among a key's first owners: that can move such an article to another group.)"""
    items = _with_popular_keys()
    found = {}
    every = link.MAX_RUN
    for max_run in (every, 6):
        monkeypatch.setattr(link, "MAX_RUN", max_run)
        monkeypatch.setattr(link, "FEW", 3 if max_run == 6 else link.FEW)
        monkeypatch.setattr(link, "HEAD", 4 if max_run == 6 else 64)
        store = Store(tmp_path / f"{max_run}.sqlite")
        try:
            order = list(items)
            for start in range(0, len(order), 100):
                _add(store, {i: items[i] for i in order[start:start + 100]})
                groups.update(store.db, store.lock)
            found[max_run] = (_groups(store.db), _edges(store.db))
            if max_run == every:
                assert found[max_run][1] == _reference_edges(store.db)
        finally:
            store.close()
    (full, full_edges), (capped, capped_edges) = found[every], found[6]
    copies = [members for members in full.values() if "copy-0" in members]
    assert len(copies) == 1 and len(copies[0]) == 41  # the copies and their original
    assert copies[0] in capped.values()
    assert set(capped_edges) < set(full_edges)
    assert all(capped_edges[pair] == full_edges[pair] for pair in capped_edges)


class Killed(Exception):
    pass


@pytest.mark.parametrize("where", ["stopped", "signed", "linked", "linking"])
def test_an_update_stopped_anywhere_is_finished_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """Stopped (asked to, between chunks) or killed (an exception where a kill could land:
    after a chunk is signed, after linking, in the middle of linking)."""
    _small_pieces(monkeypatch)
    monkeypatch.setattr(groups, "CHUNK", 25)
    items = _bbc_with_copies()
    order = list(items)
    whole = Store(tmp_path / "whole.sqlite")
    store = Store(tmp_path / "stopped.sqlite")
    try:
        for target in (whole, store):
            _add(target, {i: items[i] for i in order[:150]})
            groups.update(target.db, target.lock)
            _add(target, {i: items[i] for i in order[150:]})
        _remove(whole, order[:5])
        groups.update(whole.db, whole.lock)
        signed = {"n": 0}

        def kill(name: str) -> None:
            signed["n"] += name == "signed"
            if name == where and signed["n"] >= 2:
                raise Killed(name)

        checked = link._Linking._check

        def kill_checking(self: link._Linking, i: int) -> int:
            if i == 1:
                raise Killed("linking")
            return checked(self, i)

        monkeypatch.setattr(groups, "_fail_point", kill)
        if where == "linking":
            monkeypatch.setattr(link._Linking, "_check", kill_checking)
        if where == "stopped":
            report = groups.update(store.db, store.lock, stop=lambda: signed["n"] >= 2)
            assert report.signed == 50
        else:
            with pytest.raises(Killed):
                groups.update(store.db, store.lock)
        monkeypatch.undo()
        assert groups.needs_update(store.db)
        _remove(store, order[:5])
        groups.update(store.db, store.lock)
        assert not groups.needs_update(store.db)
        assert store.db.execute("SELECT count(*) FROM dup_unlinked").fetchone()[0] == 0
        assert _edges(store.db) == _edges(whole.db)
        assert _groups(store.db) == _groups(whole.db)
        assert len(_groups(store.db)) >= 20
    finally:
        whole.close()
        store.close()


def test_the_spill_goes_beside_the_store_and_a_killed_one_is_cleared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Linking spills into the store's folder (not the system's temporary one, where a kill
    left 1.5 GB at a million articles for good), and the next link removes what a killed
    one left there."""
    stale = tmp_path / f"{link.SPILL_PREFIX}killed"
    stale.mkdir()
    (stale / "keys-0.bin").write_bytes(b"x" * 4096)
    seen: list[Path] = []
    run = link._Linking.run

    def spying(self: link._Linking) -> int:
        seen.append(self.work)
        assert not stale.exists()
        return run(self)

    monkeypatch.setattr(link._Linking, "run", spying)
    items = dict(islice(_bbc_with_copies().items(), 60))
    store = Store(tmp_path / "s.sqlite")
    try:
        _add(store, items)
        groups.update(store.db, store.lock)
    finally:
        store.close()
    assert seen and all(w.parent == tmp_path and w.name.startswith(link.SPILL_PREFIX)
                        for w in seen)
    assert not list(tmp_path.glob(link.SPILL_PREFIX + "*"))


def test_short_keys_are_32_bits_of_the_band_keys() -> None:
    sig = np.arange(sketch.NUM_PERM, dtype=np.uint32).reshape(1, -1)
    keys = link.short_keys(sig)
    assert keys.dtype == np.uint32 and keys.shape == (1, sketch.BANDS)
    assert keys.tolist() == (sketch.band_keys(sig) >> 31).tolist()


@pytest.mark.parametrize("run", [None, 7])
def test_file_entries_json_and_executemany_file_the_same(monkeypatch, run) -> None:
    """Entries filed through json_each and through executemany (an SQLite without JSON):
    the same rows, keys of all 32 bits and repeats ignored."""
    rng = np.random.default_rng(3)
    keys = rng.integers(0, 1 << 32, 250_000, dtype=np.uint64).astype(np.uint32)
    keys[:10] = [0, 1, (1 << 31) - 1, 1 << 31, (1 << 32) - 1, 0, 1, 5, 5, 5]
    owners = rng.integers(0, (1 << 31) - 1, len(keys)).astype(np.int64)
    owners[5:10] = owners[0:5]  # the same entry twice
    found = []
    for json_each in ([True], [False]):
        monkeypatch.setattr(json_rows, "_found", json_each)
        db = sqlite3.connect(":memory:")
        db.executescript(groups._SCHEMA)
        with db:
            link.file_entries(db, "dup_bands" if run is None else "dup_band_runs", keys,
                              owners, run)
        found.append(db.execute("SELECT * FROM dup_bands ORDER BY 1, 2" if run is None
                                else "SELECT * FROM dup_band_runs ORDER BY 1, 2, 3").fetchall())
    assert found[0] == found[1]
    expected = sorted({(int(k), int(n)) for k, n in zip(keys, owners, strict=True)})
    assert [row[-2:] for row in found[0]] == expected
    if run is not None:
        assert {row[0] for row in found[0]} == {run}


@pytest.mark.parametrize("high", [1 << 20, 1 << 40])
def test_sorted_entries_sorts_as_lexsort(high) -> None:
    """Entries sorted as one packed array (owners of 32 bits), or by np.lexsort (larger
    ones): by key, then owner, as np.lexsort sorts them, of the same types."""
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 1 << 32, 100_000, dtype=np.uint64).astype(np.uint32)
    keys[:1000] = keys[1000:2000]  # keys shared by several owners
    owners = rng.integers(0, high, len(keys)).astype(np.int64)
    order = np.lexsort((owners, keys))
    found_keys, found_owners = link.sorted_entries(keys, owners)
    assert found_keys.dtype == np.uint32 and found_owners.dtype == np.int64
    assert np.array_equal(found_keys, keys[order])
    assert np.array_equal(found_owners, owners[order])


def test_an_update_linked_a_piece_at_a_time_finds_what_one_at_once_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past link.PIECE new articles, an update links them a piece at a time (its arrays
    those of a piece, not of the corpus): the same edges (every pair sharing a key,
    compared) and the same groups as at once, pieces cut anywhere (copies in other pieces
    than their originals)."""
    _small_pieces(monkeypatch)
    items = _bbc_with_copies()
    found = []
    for name, piece in (("whole", None), ("pieces", 97)):
        monkeypatch.setattr(link, "PIECE", piece or 1 << 40)
        pieces: list[int] = []  # the new articles each linking held arrays of
        spill = link._Linking._spill_new

        def counted(self: link._Linking, spill=spill, pieces=pieces) -> int:
            pieces.append(spill(self))
            return pieces[-1]

        monkeypatch.setattr(link._Linking, "_spill_new", counted)
        store = Store(tmp_path / f"{name}.sqlite")
        try:
            _add(store, items)
            groups.update(store.db, store.lock)
            assert len(pieces) == -(-len(items) // (piece or len(items)))
            assert max(pieces) <= (piece or len(items))
            assert sum(pieces) == store.db.execute(
                "SELECT count(*) FROM dup_sigs WHERE size >= ?",
                (sketch.MIN_SHINGLES,)).fetchone()[0]
            assert store.db.execute("SELECT count(*) FROM dup_unlinked").fetchone()[0] == 0
            found.append((_edges(store.db), _groups(store.db)))
            if piece is None:
                assert found[0][0] == _reference_edges(store.db)
        finally:
            store.close()
    assert len(found[0][1]) >= 20
    assert found[1] == found[0]


def _bands(db: sqlite3.Connection) -> list[tuple[int, int]]:
    return db.execute("SELECT key, n FROM dup_bands ORDER BY key, n").fetchall()


def test_a_first_update_files_its_band_keys_in_a_thread_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first update's band keys are filed by a thread beside the making of pairs
    (link._Filer): the same keys, edges and groups as filed in turn; and where the thread
    cannot file (a connection that refuses other threads), the linking files what it left
    itself."""
    _small_pieces(monkeypatch)
    items = dict(islice(_bbc_with_copies().items(), 160))
    threads: list[str] = []
    filing = link.file_entries

    def spied(db: sqlite3.Connection, table: str, *args: object, **kwargs: object) -> None:
        threads.append(threading.current_thread().name)
        filing(db, table, *args, **kwargs)

    monkeypatch.setattr(link, "file_entries", spied)
    found = []
    for name, beside in (("in-turn", 1 << 40), ("beside", 1), ("refused", 1)):
        monkeypatch.setattr(link, "FILE_BESIDE", beside)
        threads.clear()
        store = Store(tmp_path / f"{name}.sqlite")
        try:
            _add(store, items)
            # (Refused: a connection of the default kind, this thread's only.)
            db = store.db if name != "refused" else \
                sqlite3.connect(tmp_path / f"{name}.sqlite", timeout=30)
            groups.update(db, store.lock)
            here = threads.count(threading.current_thread().name)
            assert here + threads.count("newsdesk-dup-bands") == len(threads)
            # (A partition at a time: by the thread, or all here, the one the thread could
            # not file among them.)
            assert here == {"in-turn": len(threads), "beside": 0, "refused": len(threads) - 1}[
                name]
            assert len(threads) - (name == "refused") >= 8
            found.append((_bands(db), _edges(db), _groups(db)))
            if db is not store.db:
                db.close()
        finally:
            store.close()
    assert len(found[0][0]) > 1000 and len(found[0][2]) >= 5
    assert found[1] == found[0]
    assert found[2] == found[0]
