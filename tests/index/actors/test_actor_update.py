"""An indexing run that adds, changes or deletes articles re-clusters only the actors their
keys reach (ActorTable.update), and the table comes out as a whole rebuild makes it: on
template stories and on real BBC articles, with new keys that join actors already there,
new acronyms and their definitions, articles deleted and articles changed. The key index
brought up to date (key_index_update.py) equals the one built from every key."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.actors import key_index_store
from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.reach import index_parts, key_stamp, read_keys
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.models import Article
from newsdesk.index.storage import key_totals
from newsdesk.index.storage.article_store import Store
from tests.helpers import newswire
from tests.helpers.paths import CORPORA
from tests.index.actors.test_patch_equals_rebuild import ARTICLES, listing

BBC = CORPORA / "bbc-news-2225.jsonl"
STAMP = "dictionaries"


class Corpus:
    """A store filled as the indexer fills it: articles staged, then marked done with the
    mentions and acronyms extracted from them."""

    def __init__(self, path: Path) -> None:
        self.store = Store(path)
        self.dictionaries = load_dictionaries([])
        self.extractor = make_extractor(self.dictionaries)
        self.table = ActorTable(self.store)

    def commit(self, add: list[tuple[str, str, str]], delete: list[str] = ()) -> None:
        """Add (or change: an id stored already) `add`, (id, title, text), and delete the
        ids `delete`, in one batch."""
        articles = [(Article(i, "f", title, text), f"h{i}{len(text)}", "f")
                    for i, title, text in add]
        self.store.stage(articles, list(delete), [], {}, 0.0)
        mentions: list = []
        acronyms: list[tuple[str, str, str]] = []
        for i, title, text in add:
            found = self.extractor.extract(title, text)
            mentions.extend(mention_rows(i, found))
            acronyms.extend((i, a, e) for a, e in found.acronyms)
        self.store.mark_done(mentions, acronyms)

    def updated_equals_rebuilt(self, incremental: bool = True) -> None:
        """Update the table; it must equal a rebuild, and (`incremental`) have been a
        patch, not a rebuild."""
        self.table.update(self.dictionaries, STAMP)
        assert (self.table.last_patch is not None) == incremental
        updated = listing(self.table)
        db = self.store.db
        stored = key_index_store.load(db, key_stamp(db))
        assert stored is not None
        assert stored.parts == index_parts(*read_keys(db))  # the key index up to date
        other = ActorTable(self.store)
        other.rebuild(self.dictionaries, STAMP, titles_too=True)
        assert updated == listing(other)

    def close(self) -> None:
        self.store.close()


def _wire(count: int, seed: int) -> list[tuple[str, str, str]]:
    return [(f"w{seed}-{r['id']}", r["title"], r["text"])
            for r in newswire.records(count, seed)]


def _bbc(skip: int, count: int) -> list[tuple[str, str, str]]:
    out = []
    with BBC.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= skip + count:
                break
            if n >= skip:
                record = json.loads(line)
                out.append((f"bbc-{n}", record.get("title") or "", record["text"]))
    return out


def _small() -> Iterator[list[tuple[str, str, str]]]:
    """Batches of the linking-rule stories: new keys that join actors there (the US
    Anti-Doping Agency after USADA), a new acronym defined (WADA), a new one of initials."""
    stories = [(str(n), f"Story {n}", text) for n, text in enumerate(ARTICLES)]
    yield stories[:3]
    yield stories[3:5]
    yield stories[5:]
    yield [("new-1", "Sport", "The International Cycling Union (UCI) met USADA. The UCI said "
                              "WADA and the World Anti-Doping Agency agreed.")]


def _any_region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Corpus:
    """A store whose updates patch or update any region: in a corpus this small its
    dictionaries' names alone outnumber its keys."""
    monkeypatch.setattr(table_module, "PATCH_SHARE", 0.01)
    monkeypatch.setattr(table_module, "UPDATE_SHARE", 0.01)
    return Corpus(tmp_path / "store.sqlite")


def test_updates_equal_rebuilds_on_linking_stories(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _any_region(tmp_path, monkeypatch)
    batches = list(_small())
    corpus.commit(batches[0])
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)
    for batch in batches[1:]:
        corpus.commit(batch)
        corpus.updated_equals_rebuilt()
    # changed (the acronym's definition gone) and deleted
    corpus.commit([("5", "Story 5", "Gordon Brown said the UK Treasury would act.")], ["4"])
    corpus.updated_equals_rebuilt()
    corpus.commit([], ["new-1", "0"])
    corpus.updated_equals_rebuilt()
    # nothing changed: nothing to do
    corpus.table.update(corpus.dictionaries, STAMP)
    assert corpus.table.last_patch is None
    corpus.close()


def test_counts_go_on_from_the_rows_added_while_no_row_was_deleted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An actor of several keys written again counts its articles on from what it had
    # (plus the rows added since the table last took in the mentions) while no mention row
    # was deleted; a deletion drops the mark and the next update counts them all again.
    corpus = _any_region(tmp_path, monkeypatch)
    batches = list(_small())
    corpus.commit(batches[0])
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)
    db = corpus.store.db

    def mark() -> str | None:
        return corpus.store.meta(key_totals.ROWS_SEEN)

    assert mark() == str(key_totals.last_row(db))
    for batch in batches[1:]:
        corpus.commit(batch)
        assert mark() is not None
        corpus.updated_equals_rebuilt()
        assert mark() == str(key_totals.last_row(db))
    corpus.commit([("5", "Story 5", "The US Supreme Court ruled.")], ["3"])
    assert mark() is None
    corpus.updated_equals_rebuilt()
    assert mark() == str(key_totals.last_row(db))
    corpus.close()


def test_a_table_of_other_dictionaries_or_unknown_changes_is_rebuilt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _any_region(tmp_path, monkeypatch)
    corpus.commit(_wire(60, 1))
    corpus.table.rebuild(corpus.dictionaries, "other", titles_too=True)
    corpus.commit(_wire(5, 2))
    corpus.updated_equals_rebuilt(incremental=False)  # (the table was of other dictionaries)
    corpus.commit(_wire(5, 3))
    corpus.store.db.execute("DELETE FROM meta WHERE key = 'actor_titles'")
    corpus.store.db.commit()
    corpus.updated_equals_rebuilt(incremental=False)  # (no titles kept: a store from before)
    corpus.commit(_wire(5, 4))
    corpus.updated_equals_rebuilt()
    corpus.close()


def _variants(rng: random.Random, pool: list[tuple[str, str, str]], first: int
              ) -> Iterator[tuple[list[tuple[str, str, str]], list[str]]]:
    """Batches over `pool` after its first `first`: additions, changes (an article's text
    cut or joined to another's), deletions."""
    stored = [a[0] for a in pool[:first]]
    at = first
    while at < len(pool):
        size = rng.randint(1, 12)
        add = pool[at:at + size]
        at += size
        changed = []
        for _ in range(rng.randint(0, 2)):
            victim = rng.choice(stored)
            other = rng.choice(pool)
            changed.append((victim, other[1], other[2][:rng.randint(50, 800)]))
        deleted = rng.sample([s for s in stored if s not in {c[0] for c in changed}],
                             rng.randint(0, 2))
        stored = [s for s in stored if s not in deleted] + [a[0] for a in add]
        yield add + changed, deleted


# "region": any region re-clustered (a corpus this small reaches past one key in eight);
# "rebuild": every key re-clustered, only the actors that changed written again.
MODES = {"region": (0.01, 0.01), "rebuild": (8, 10**9)}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("source", ["wire", "bbc"])
def test_updates_equal_rebuilds_after_many_batches(tmp_path: Path, source: str,
                                                   mode: str) -> None:
    """A small smoke version of the slow test below."""
    if source == "bbc" and not BBC.is_file():
        pytest.skip("../shared/corpora absent")
    pool = _wire(140, 5) if source == "wire" else _bbc(0, 140)
    _check_batches(tmp_path, pool, 100, 3, seed=1, mode=mode)


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("seed", [2, 3])
@pytest.mark.parametrize("source", ["wire", "bbc"])
def test_updates_equal_rebuilds_many_variants(tmp_path: Path, source: str, seed: int,
                                              mode: str) -> None:
    if source == "bbc" and not BBC.is_file():
        pytest.skip("../shared/corpora absent")
    pool = _wire(900, seed) if source == "wire" else _bbc(300 * seed, 700)
    _check_batches(tmp_path, pool, 500, 15, seed=seed, mode=mode)


def _check_batches(tmp_path: Path, pool: list[tuple[str, str, str]], first: int,
                   batches: int, seed: int, mode: str) -> None:
    shares = table_module.PATCH_SHARE, table_module.UPDATE_SHARE
    table_module.PATCH_SHARE, table_module.UPDATE_SHARE = MODES[mode]
    try:
        _batches(tmp_path, pool, first, batches, seed, mode == "region")
    finally:
        table_module.PATCH_SHARE, table_module.UPDATE_SHARE = shares


def _batches(tmp_path: Path, pool: list[tuple[str, str, str]], first: int,
             batches: int, seed: int, region: bool) -> None:
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(pool[:first])
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)
    patched = 0
    for n, (add, deleted) in enumerate(_variants(random.Random(seed), pool, first)):
        if n >= batches:
            break
        corpus.commit(add, deleted)
        corpus.table.update(corpus.dictionaries, STAMP)
        patched += corpus.table.last_patch is not None
        updated = listing(corpus.table)
        other = ActorTable(corpus.store)
        other.rebuild(corpus.dictionaries, STAMP)
        assert updated == listing(other), f"batch {n}"
        db = corpus.store.db
        stored = key_index_store.load(db, key_stamp(db))
        assert stored is not None and stored.parts == index_parts(*read_keys(db))
    if region:
        assert patched >= batches // 2  # (mostly patched: else this proves little)
    else:
        assert patched == 0  # (every key re-clustered)
    corpus.close()
