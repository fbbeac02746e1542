"""Linking's cost on corpora duplicated as a stranger's might be, counted in candidate pairs
(link._Linking.spilled), not timed: exact copies cost a bounded number of pairs each however
many there are (the linking before spilled each copy against the first 1,000 under each of
its 42 band keys: 105 million pairs for 3,000 copies), and stay one group as members go; a
band key shared by more than MAX_RUN articles (a newsletter footer under every one) pairs
each with FEW of its owners."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from newsdesk.index.dups import groups, link, sketch
from newsdesk.index.storage.article_store import Store
from tests.index.dups.test_update import TEXTS, _add, _groups, _remove


def _linked(store: Store) -> link._Linking:
    """groups.update, and the linking it ran."""
    seen: list[link._Linking] = []
    run = link._Linking.run

    def spying(self: link._Linking) -> int:
        seen.append(self)
        return run(self)

    link._Linking.run = spying  # type: ignore[method-assign]
    try:
        groups.update(store.db, store.lock)
    finally:
        link._Linking.run = run  # type: ignore[method-assign]
    return seen[-1]


@pytest.mark.parametrize("count", [150, 600])
def test_exact_copies_cost_a_bounded_number_of_pairs_each(tmp_path: Path, count: int) -> None:
    store = Store(tmp_path / "s.sqlite")
    try:
        text = TEXTS["002"]
        _add(store, {f"copy-{n:04d}": text for n in range(count)})
        linking = _linked(store)
        # The pairs within the class: its head's, and each later copy with the head.
        assert linking.spilled <= link.HEAD * count
        assert linking.compared == linking.spilled
        assert list(_groups(store.db).values()) == [{f"copy-{n:04d}" for n in range(count)}]
    finally:
        store.close()


def test_copies_past_the_head_join_their_first_ones_leader(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """40 copies of a story cut to 80%, signed after the whole story: the first copy joins
    the story's group, and so do the copies past the head (their edges are to the head and
    to that leader); the story gone, the copies are one group; their first gone, still."""
    monkeypatch.setattr(link, "HEAD", 4)
    text = TEXTS["002"]
    cut = text[: int(len(text) * 0.8)]
    copies = [f"cut-{n:02d}" for n in range(40)]
    store = Store(tmp_path / "s.sqlite")
    try:
        _add(store, {"story": text, "other": TEXTS["000"]})
        groups.update(store.db, store.lock)
        _add(store, dict.fromkeys(copies, cut))
        linking = _linked(store)
        # Within the class, and the story with the head (under each key they share).
        assert linking.spilled <= link.HEAD * len(copies) + sketch.BANDS * link.HEAD
        assert _groups(store.db) == {"story": {"story", *copies}}
        late = store.db.execute("SELECT count(*) FROM dup_edges WHERE a = 'cut-39' "
                                "OR b = 'cut-39'").fetchone()[0]
        assert late == link.HEAD + 1  # the head, and the story
        _remove(store, ["story"])
        groups.update(store.db, store.lock)
        assert _groups(store.db) == {"cut-00": set(copies)}
        _remove(store, ["cut-00"])
        groups.update(store.db, store.lock)
        assert _groups(store.db) == {"cut-01": set(copies[1:])}
    finally:
        store.close()


def _with_footer(count: int) -> dict[str, str]:
    """Articles of made-up words, each with one long footer."""
    rng = random.Random(4)
    vocabulary = [f"w{n}" for n in range(5000)]
    footer = " ".join(rng.choices(vocabulary, k=250))
    return {f"nl-{n:04d}": " ".join(rng.choices(vocabulary, k=150)) + "\n\n" + footer
            for n in range(count)}


def test_a_key_of_many_owners_pairs_each_with_a_few(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """With MAX_RUN at 40, keys of the footer are each shared by hundreds: the pairs
    spilled are at most those of every key's owners all with all up to MAX_RUN and each
    with FEW past it (counted from the filed keys), far fewer than each with the first
    MAX_RUN; the articles stay near-duplicates of the first (one group)."""
    monkeypatch.setattr(link, "MAX_RUN", 40)
    monkeypatch.setattr(link, "FEW", 5)
    items = _with_footer(400)
    store = Store(tmp_path / "s.sqlite")
    try:
        _add(store, items)
        linking = _linked(store)
        owners = np.array([c for (c,) in store.db.execute(
            "SELECT count(*) FROM dup_bands GROUP BY key")], dtype=np.int64)
        busy = owners > link.MAX_RUN
        assert busy.sum() >= 3
        small = owners[~busy]
        bound = int((small * (small - 1) // 2).sum() + (owners[busy] * link.FEW).sum())
        before = int((small * (small - 1) // 2).sum() + (owners[busy] * link.MAX_RUN).sum())
        assert linking.spilled <= bound < before // 3
        assert len(_groups(store.db)) == 1
        assert sum(map(len, _groups(store.db).values())) == len(items)
        assert store.db.execute("SELECT count(*) FROM dup_bands").fetchone()[0] == \
            len(items) * sketch.BANDS
    finally:
        store.close()


def test_a_hash_shared_by_chance_is_no_copy(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Every article hashed alike (as two might be by chance): the signatures themselves
    say which are copies, so the groups are those of the hashes as they are (past a head
    of 2, a copy would join its class's leader unscored)."""
    monkeypatch.setattr(link, "HEAD", 2)
    articles = {**{f"t{key}": text for key, text in TEXTS.items()},
                "copy-a": TEXTS["002"], "copy-b": TEXTS["002"]}
    found = []
    for hashed in (link._row_hashes, lambda sigs, sizes: np.zeros(len(sizes), np.uint64)):
        monkeypatch.setattr(link, "_row_hashes", hashed)
        store = Store(tmp_path / f"s{len(found)}.sqlite")
        try:
            _add(store, articles)
            groups.update(store.db, store.lock)
            found.append(_groups(store.db))
        finally:
            store.close()
    assert found[0] == found[1] and any({"copy-a", "copy-b"} <= g for g in found[0].values())
