"""The key index a curation edit's patch looks keys up in (reach.KeyIndex) is stored with the
actor table (key_index_store.py): a rebuild writes it, a session's first edit reads it
instead of building it (about 1 s at 100,000 articles), and the patched table still equals
a rebuild. An index of other keys (articles indexed since), or one that cannot be read, is
never used: it is built again."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsdesk.index.actors import key_index_store, reach
from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.curation import Curation
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.reach import KeyIndex, key_stamp
from newsdesk.index.actors.table import (
    ActorTable,
    dictionaries_before,
    make_extractor,
    mention_rows,
)
from newsdesk.index.storage.article_store import Store
from tests.index.actors.test_patch_equals_rebuild import _store, listing

MORE = "The US Supreme Court and USADA met in Washington. NASA said Barack Obama agreed."


def _no_build(*args: object, **kwargs: object) -> dict:
    raise AssertionError("the key index was built, not read")


def _forbid_building(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reach, "index_parts", _no_build)
    monkeypatch.setattr(table_module, "index_parts", _no_build)


def _patch(table: ActorTable, curation: Curation, path: Path) -> None:
    assert curation.applied is not None
    table.patch(load_dictionaries([path]), curation.applied.touched, "",
                dictionaries_before([path], False, path, curation.applied.previous))


def _add_article(store: Store, article_id: str, text: str) -> None:
    found = make_extractor(load_dictionaries([])).extract("More", text)
    store.mark_done(mention_rows(article_id, found),
                    [(article_id, a, e) for a, e in found.acronyms])


def test_the_index_a_rebuild_stores_is_the_one_built_from_the_store(tmp_path: Path) -> None:
    """From the stats a rebuild reads (the keys in capitals worked out in Python) as from
    the store's own rows (in SQL): part for part, in the same order."""
    store = _store(tmp_path / "store.sqlite")
    _add_article(store, "owned", "Shares of Standard and Poor's Corp rose. Standard and "
                 "Poor's Corp said the Bank of England would act.")
    ActorTable(store).rebuild(load_dictionaries([]))
    stored = key_index_store.load(store.db, key_stamp(store.db))
    assert stored is not None
    built = KeyIndex(store.db)
    assert stored.parts == built.parts
    assert "standard and poors corp" in stored.local.possessive  # (a possessive inside)
    assert stored.local.cues and stored.local.orgs
    assert {list(p) == list(built.parts[n]) for n, p in stored.parts.items()
            if isinstance(p, dict)} == {True}  # (dicts in the same order too)
    assert "usada" in stored.acronym and "usada" in stored.defined
    store.close()


def test_a_first_edit_reads_the_stored_index_and_equals_a_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "store.sqlite")
    path = tmp_path / "actors.yaml"
    ActorTable(store).rebuild(load_dictionaries([path]))
    curation = Curation(path)
    edits = [lambda t: curation.hide(t.resolve("United States")),
             lambda t: curation.merge(t.resolve("Gordon Brown"), t.resolve("Barack Obama")),
             lambda t: curation.undo(), lambda t: curation.undo()]
    _forbid_building(monkeypatch)
    for edit in edits:
        table = ActorTable(store)  # a new session each time
        edit(table)
        _patch(table, curation, path)
        assert table._keys is not None  # read, not built
        patched = listing(table)
        table.rebuild(load_dictionaries([path]))
        assert patched == listing(table)
    store.close()


def test_an_index_of_other_keys_or_unreadable_is_built_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "store.sqlite")
    path = tmp_path / "actors.yaml"
    ActorTable(store).rebuild(load_dictionaries([path]))
    before = key_stamp(store.db)
    old = store.db.execute("SELECT part, data FROM actor_key_index").fetchall()
    _add_article(store, "new", MORE)  # indexed since: the keys' totals changed
    assert key_stamp(store.db) != before
    assert key_index_store.load(store.db, key_stamp(store.db)) is None
    ActorTable(store).rebuild(load_dictionaries([path]))  # (as the indexer does)
    assert key_index_store.load(store.db, key_stamp(store.db)) is not None
    with store.db:  # as if the index stored were left by a build of other keys
        store.db.execute("DELETE FROM actor_key_index")
        store.db.executemany("INSERT INTO actor_key_index VALUES (?, ?)", old)
    assert key_index_store.load(store.db, key_stamp(store.db)) is None
    curation = Curation(path)
    table = ActorTable(store)
    curation.hide(table.resolve("Gordon Brown"))
    _patch(table, curation, path)
    # Built (the keys as they are now), and stored for the next session.
    assert table._keys is not None and table._keys.stamp == key_stamp(store.db)
    assert "nasa" in table._keys.known
    stored = key_index_store.load(store.db, key_stamp(store.db))
    assert stored is not None and stored.parts == KeyIndex(store.db).parts
    patched = listing(table)
    table.rebuild(load_dictionaries([path]))
    assert patched == listing(table)

    # A part that cannot be read: built again, never used.
    with store.db:
        store.db.execute("UPDATE actor_key_index SET data = x'00ff' WHERE part = 'parts'")
    assert key_index_store.load(store.db, key_stamp(store.db)) is None
    table = ActorTable(store)
    curation.undo()
    _patch(table, curation, path)
    assert table._keys is not None and "by_sig" in table._keys.parts
    assert key_index_store.load(store.db, key_stamp(store.db)) is not None
    store.close()


def test_prepare_readies_the_first_edit_in_slices(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """ActorTable.prepare (the dashboard's warm-up): reads the stored index (or, asked to,
    builds it between pauses and stores it); after it, an edit neither reads nor builds
    anything of the kind."""
    store = _store(tmp_path / "store.sqlite")
    path = tmp_path / "actors.yaml"
    ActorTable(store).rebuild(load_dictionaries([path]))
    with store.db:
        store.db.execute("DELETE FROM actor_key_index")  # a store written before it
    monkeypatch.setattr(reach, "PAUSE_EVERY", 3)
    pauses: list[int] = []
    table = ActorTable(store)
    assert not table.prepare()  # none stored: left to the rebuild, or the first edit
    assert table._keys is None
    assert table.prepare(lambda: pauses.append(1), build=True)
    assert len(pauses) >= len(table._keys.keys) // 3  # given way between slices
    assert key_index_store.current(store.db, key_stamp(store.db))  # stored
    assert not table.prepare()  # ready: nothing to do

    pauses.clear()
    fresh = ActorTable(store)
    _forbid_building(monkeypatch)
    assert fresh.prepare(lambda: pauses.append(1))  # read, then a pause before the rest
    assert pauses
    monkeypatch.setattr(key_index_store, "read", _no_build)
    monkeypatch.setattr(table_module, "TitleFacts", _no_build)
    curation = Curation(path)
    curation.hide(fresh.resolve("USADA"))
    _patch(fresh, curation, path)
    assert all(a.name != "USADA" for a in fresh.list())
    store.close()


def test_the_index_made_a_group_of_parts_at_a_time_reads_back_as_the_whole(
        tmp_path: Path) -> None:
    """The key index's own process (many keys) makes its parts a group at a time
    (cluster_process._index_apart), each dumped and let go of: every part in one group,
    read back the parts and titles the whole build gives, each key one string again
    (interned: marshal reads an interned string back interned)."""
    from newsdesk.index.actors import cluster_process
    from newsdesk.index.actors.titles import TitleFacts

    grouped = [name for group in cluster_process.APART_GROUPS for name in group]
    assert sorted(grouped) == sorted(reach.PARTS) and len(set(grouped)) == len(grouped)
    store = _store(tmp_path / "store.sqlite")
    _add_article(store, "owned", MORE + " Tony Blair and Mr Blair met Prime Minister "
                 "Gordon Brown of the Bank of England.")
    dictionaries = load_dictionaries([])
    rows = reach.read_keys(store.db)
    whole = reach.index_parts(*rows)
    spilled = io.BytesIO()
    titles = cluster_process._index_apart(store.db, rows, dictionaries, spilled)
    data = spilled.getvalue()
    read = key_index_store.read_parts(data)
    assert read == whole and list(read) != [] and set(read) == set(whole)
    assert titles == TitleFacts(store.db, KeyIndex.from_parts(whole)).titles(dictionaries)
    spelt = {id(k) for k in read["keys"]}
    assert all(id(key) in spelt for bucket in read["by_last"].values() for key in bucket)
    assert key_index_store.parse(data) is not None
    with pytest.raises(ValueError):
        key_index_store.read_parts(data[:-1])
    store.close()


def test_an_update_notes_the_keys_changed_and_readers_bring_them_up_to_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An indexing run's update that falls to a rebuild neither reads nor writes the key
    index's parts: it notes the keys changed as pending (key_index_store.add_pending,
    several runs' together); the index read back (`load`, the dashboard's `prepare`) is the
    one built from every key as they are. Past the bound, the update writes it whole."""
    from tests.index.actors.test_actor_update import STAMP, Corpus, _bbc

    corpus = Corpus(tmp_path / "store.sqlite")
    pool = _bbc(0, 46)  # (400 keys: an article changes a few)
    corpus.commit(pool[:40])
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)
    db = corpus.store.db

    def rows() -> dict[str, bytes]:
        return {part: bytes(data) for part, data in db.execute(
            "SELECT part, data FROM actor_key_index")}

    def up_to_date() -> None:
        stored = key_index_store.load(db, key_stamp(db))
        assert stored is not None
        assert stored.parts == reach.index_parts(*reach.read_keys(db))

    parts = rows()["parts"]
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 10 ** 6)  # (no region: rebuilds)
    read_parts = key_index_store.read_parts
    monkeypatch.setattr(key_index_store, "read_parts", _no_build)
    pending: set[str] = set()
    for start in (40, 41):
        corpus.commit(pool[start:start + 1])
        pending |= {k for (k,) in db.execute("SELECT key FROM key_changes")}
        corpus.table.update(corpus.dictionaries, STAMP)
        assert rows()["parts"] == parts  # neither read nor written
        assert key_index_store.read(db, key_stamp(db)).pending == pending
    monkeypatch.setattr(key_index_store, "read_parts", read_parts)
    up_to_date()

    fresh = ActorTable(corpus.store)
    assert fresh.prepare()  # brought up to date, and stored whole for the next session
    assert fresh._keys.parts == reach.index_parts(*reach.read_keys(db))
    assert "pending" not in rows() and rows()["parts"] != parts
    assert key_index_store.current(db, key_stamp(db))

    corpus.commit(pool[42:43])
    corpus.table.update(corpus.dictionaries, STAMP)
    assert "pending" in rows()
    add_pending = key_index_store.add_pending
    monkeypatch.setattr(key_index_store, "add_pending",
                        lambda db, stored, stamp, changed, bound:
                        add_pending(db, stored, stamp, changed, 0))
    corpus.commit(pool[43:44])
    corpus.table.update(corpus.dictionaries, STAMP)
    assert "pending" not in rows()  # past the bound: written whole
    up_to_date()
    corpus.close()


def test_parts_spilt_a_few_entries_a_piece_read_back_whole_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`spill_parts` writes a dict part of more than SPILL_ENTRIES entries in several
    pieces (each dumped alone, not the part whole): read back, each part is the one
    written, its entries in its order; the other parts (lists, sets, small dicts) whole."""
    monkeypatch.setattr(key_index_store, "SPILL_ENTRIES", 3)
    parts = {"by_sig": {("a", str(n)): (str(n),) for n in range(10)},
             "keys": [str(n) for n in range(10)], "acronym": {"UN", "EU"},
             "small": {"x": (1,)}, "empty": {}}
    spilled = io.BytesIO()
    key_index_store.spill_parts(parts, spilled)
    data = spilled.getvalue()
    pieces = 0
    at = 0
    while at < len(data):
        at += 8 + int.from_bytes(data[at:at + 8], "little")
        pieces += 1
    assert pieces == 4 + 4  # by_sig in four pieces; each other part in one
    read = key_index_store.read_parts(data)
    assert read == parts
    assert list(read["by_sig"]) == list(parts["by_sig"])
