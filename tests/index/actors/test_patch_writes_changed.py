"""A patch re-clusters a region of keys (the edited actor's, and those its rules weigh with
them) but writes back only the actors that came out changed: the others keep their rows
(counts, aliases) as they were, and the table still equals a rebuild. An actor whose keys
stay the same (renamed, hidden) keeps its counts and aliases: only its row is updated."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.cluster import Cluster
from newsdesk.index.actors.curation import Curation
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import ActorTable, dictionaries_before
from tests.index.actors.test_patch_equals_rebuild import _listing, _store


def test_only_the_actors_that_changed_are_written(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "store.sqlite")
    table = ActorTable(store)
    path = tmp_path / "actors.yaml"
    table.rebuild(load_dictionaries([path]))
    curation = Curation(path)
    replaced: list[set[int]] = []
    written: list[list[str]] = []
    replace, write = table._replace, table._write
    monkeypatch.setattr(table_module, "PATCH_SHARE", 1)  # a corpus this small: any region

    def counted_replace(db, clusters: list[Cluster], affected: set[int], stamp: str,  # type: ignore[no-untyped-def]
                        recount: set[str] | None = None) -> int:
        replaced.append(set(affected))
        return replace(db, clusters, affected, stamp, recount)

    def counted_write(db, numbered: list[tuple[int, Cluster]], these: str,  # type: ignore[no-untyped-def]
                      grown=None) -> None:
        written.append([c.name for _, c in numbered])
        write(db, numbered, these, grown)

    monkeypatch.setattr(table, "_replace", counted_replace)
    monkeypatch.setattr(table, "_write", counted_write)
    actor = table.resolve("USADA")
    name = actor.name
    # (A new name is a key of the actor's too: written; hiding keeps its keys: updated.)
    edits = [(lambda: curation.rename(table.resolve("USADA"), "Anti-Doping (US)"),
              ["Anti-Doping (US)"], False),
             (curation.undo, [name], False),
             (lambda: curation.hide(table.resolve("USADA")), [], True),
             (lambda: curation.unhide(table.get(actor.id)), [], False)]
    for edit, names, hidden in edits:
        edit()
        assert curation.applied is not None
        replaced.clear()
        written.clear()
        table.patch(load_dictionaries([path]), curation.applied.touched, "x",
                    dictionaries_before([path], False, path, curation.applied.previous))
        # a region of several actors (a hide's: its actor alone, the rules read no flag)
        assert len(replaced) == 1 and (len(replaced[0]) > 1 or not names)
        assert written == [names]  # of which one is written (or only its row updated)
        assert table.last_patch is not None and actor.id in table.last_patch[1]
        assert table.get(actor.id).hidden is hidden
        patched = _listing(table)
        monkeypatch.setattr(table, "_write", write)
        table.rebuild(load_dictionaries([path]))
        monkeypatch.setattr(table, "_write", counted_write)
        assert patched == _listing(table)
    store.close()
