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
from tests.index.actors.test_patch_equals_rebuild import _store, listing


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
        patched = listing(table)
        monkeypatch.setattr(table, "_write", write)
        table.rebuild(load_dictionaries([path]))
        monkeypatch.setattr(table, "_write", counted_write)
        assert patched == listing(table)
    store.close()


def _ids_by_most_shared(clusters: list[Cluster], old: dict[int, set[str]], next_id: int
                        ) -> list[tuple[int, Cluster]]:
    """Ids as _keep_ids gave them before it took the clusters of an old actor's very keys
    first: every (cluster, old actor) pair weighed by the keys they share."""
    owner = {k: actor for actor, keys in old.items() for k in keys}
    shared: dict[tuple[int, int], int] = {}
    for n, c in enumerate(clusters):
        for k in c.keys:
            if k in owner:
                shared[n, owner[k]] = shared.get((n, owner[k]), 0) + 1
    given: dict[int, int] = {}
    used: set[int] = set()
    for _, negative, n in sorted(((count, -actor, n) for (n, actor), count in shared.items()),
                                 reverse=True):
        if n not in given and -negative not in used:
            given[n], _ = -negative, used.add(-negative)
    out = []
    for n, c in enumerate(clusters):
        if n not in given:
            given[n], next_id = next_id, next_id + 1
        out.append((given[n], c))
    return out


def test_ids_kept_for_clusters_of_an_old_actors_keys_are_those_weighed_pair_by_pair() -> None:
    """_keep_ids gives a cluster of exactly an old actor's keys that actor's id without
    weighing it against the others (most of an add's 37,000 clusters): the ids come out
    as weighing every pair gives them, on random tables split, joined and moved about."""
    import random

    rng = random.Random(7)
    for _ in range(300):
        keys = [f"k{i}" for i in range(rng.randint(1, 40))]
        rng.shuffle(keys)
        old: dict[int, set[str]] = {}
        at, actor = 0, rng.randint(1, 5)
        while at < len(keys):
            size = rng.randint(1, 4)
            if rng.random() < 0.8:
                old[actor] = set(keys[at:at + size])
            at += size
            actor += rng.randint(1, 3)
        moved = keys[:]
        for _ in range(rng.randint(0, 6)):  # a few keys moved
            i, j = rng.randrange(len(moved)), rng.randrange(len(moved))
            moved[i], moved[j] = moved[j], moved[i]
        clusters, at = [], 0
        while at < len(moved):
            size = rng.randint(1, 4)
            clusters.append(Cluster(moved[at], "person", None, False, moved[at:at + size]))
            at += size
        rng.shuffle(clusters)
        numbered, alike = table_module._keep_ids(clusters, old, actor + 10)
        assert numbered == _ids_by_most_shared(clusters, old, actor + 10)
        assert alike == {n for n, c in numbered if old.get(n) == set(c.keys)}
