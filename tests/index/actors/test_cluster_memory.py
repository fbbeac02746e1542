"""What a clustering of many keys leaves out to hold less (issue 25), giving the same
clusters: the names' caches of KEYS_CACHED entries are not asked where the keys outnumber
them (names.keys_cached), and the clusters are made with a list of keys for the groups of
two keys or more alone (`_clusters`), in the order of each group's first key."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsdesk.index.actors import names
from newsdesk.index.actors.cluster import Cluster, KeyStats, _clusters, _Groups, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.key_stats import read_key_stats, together_in
from newsdesk.index.actors.name_caches import clear_name_caches
from newsdesk.index.actors.names import keys_cached, significant
from newsdesk.index.actors.not_actors import head_noun, not_actor
from tests.index.actors.test_actor_update import Corpus, _bbc, _wire


def _listed(clusters: list[Cluster]) -> list[tuple]:
    return [(c.name, c.type, c.code, c.hidden, c.keys) for c in clusters]


def _filled() -> list[int]:
    return [f.cache_info().currsize for f in (significant, not_actor, head_noun)]


def test_more_keys_than_the_caches_hold_are_clustered_uncached_and_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(_wire(40, 1) + _bbc(0, 12))
    db = corpus.store.db
    stats, acronyms = read_key_stats(db)
    assert len(stats) > 100
    clear_name_caches()
    cached = cluster(stats, acronyms, corpus.dictionaries, lambda a, b: together_in(db, a, b))
    assert min(_filled()) > 0  # (the keys fit: the caches asked, as before)
    clear_name_caches()
    monkeypatch.setattr(names, "KEYS_CACHED", len(stats) - 1)
    uncached = cluster(stats, acronyms, corpus.dictionaries,
                       lambda a, b: together_in(db, a, b))
    assert _filled() == [0, 0, 0]
    assert _listed(uncached) == _listed(cached)
    assert names.asks_caches()  # (as it was after the clustering)


def test_the_switch_nests_and_is_restored_on_error() -> None:
    with keys_cached(names.KEYS_CACHED + 1):
        assert not names.asks_caches()
        with keys_cached(1):  # (a small clustering inside a large one: still uncached)
            assert not names.asks_caches()
        assert not names.asks_caches()
    assert names.asks_caches()
    with pytest.raises(ValueError), keys_cached(names.KEYS_CACHED + 1):
        raise ValueError
    assert names.asks_caches()
    clear_name_caches()
    with keys_cached(names.KEYS_CACHED + 1):
        assert significant("abu mahdi al muhandis") == ("abu", "mahdi", "muhandis")
        assert not_actor("merry christmas") and not not_actor("tony blair")
        assert head_noun("general agreement on tariffs and trade") == "agreement"
    assert _filled() == [0, 0, 0]


def _stats(key: str, mentions: int) -> KeyStats:
    return KeyStats(key, Counter({key.title(): mentions}), mentions, mentions)


def test_clusters_come_in_the_order_of_each_groups_first_key() -> None:
    # A group whose first key is not its root, keys alone before and after it, a group
    # whose root comes first, and a key alone that a dictionary anchors.
    order = ["smith", "carol jones", "tom smith", "zed", "jones", "ann lee", "lee", "kim"]
    live = {k: _stats(k, 3 if " " in k else 1) for k in order}
    groups = _Groups()
    for key in order:
        groups.add(key)
    groups.union("tom smith", "smith")
    groups.union("ann lee", "lee")
    groups.union("carol jones", "jones")
    groups.anchor["kim"] = "kim"
    found = _clusters(groups, live, load_dictionaries([]), set())
    assert [c.keys for c in found] == [["smith", "tom smith"], ["carol jones", "jones"],
                                       ["zed"], ["ann lee", "lee"], ["kim"]]
    # (And the plain way: each root's keys gathered in the keys' order first.)
    gathered: dict[str, list[str]] = {}
    for key in order:
        gathered.setdefault(groups.find(key), []).append(key)
    assert [sorted(c.keys) for c in found] == [sorted(k) for k in gathered.values()]
