"""An index written before newsdesk's engine moved to newsdesk.index: its table of contents
pickles classes under their old module paths (index.codec, index.analysis, ...). It is
rebuilt from the article store with a one-line notice, keeping the user's own data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors.table import Curation, curation_path, recluster
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine, IndexMissingError
from newsdesk.index.ingest.indexer import OLDER_INDEX, UNREADABLE_INDEX, Indexer, Progress
from newsdesk.index.ingest.staleness import corpus_is_stale
from newsdesk.index.paths import IndexPaths, index_paths
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.schema import SCHEMA_VERSION
from newsdesk.index.userdata.bookmarks import BookmarkStore, History, corpus_data_dir
from tests.helpers.old_index import write_as_before_the_move


@pytest.fixture
def old_index(corpus_settings: Settings, corpus_dir: Path) -> IndexPaths:
    for n in range(12):
        (corpus_dir / f"a{n}.txt").write_text(
            f"Oil report {n}\n\nIran said the oil price rose. Iran and Iraq met again.")
    Indexer(corpus_settings).run()
    folder = corpus_data_dir(corpus_settings)
    BookmarkStore(folder).put("oil", "oil")
    History(folder).add("oil price")
    with Engine(corpus_settings) as engine:
        Curation(curation_path(corpus_settings)).hide(engine.actors.resolve("Iran"))
        recluster(corpus_settings, engine.actors)
    paths = index_paths(corpus_settings)
    write_as_before_the_move(paths)
    return paths


def test_an_old_index_is_refused_cleanly_before_it_is_rebuilt(
        corpus_settings: Settings, old_index: IndexPaths) -> None:
    assert corpus_is_stale(corpus_settings)  # so the CLI and the dashboard run the indexer
    with pytest.raises(IndexMissingError, match="another version of newsdesk"):
        Engine(corpus_settings)


def test_an_old_index_is_rebuilt_with_one_notice_keeping_the_users_data(
        corpus_settings: Settings, old_index: IndexPaths) -> None:
    store = Store(old_index.store)
    indexed_before = store.indexed_at([f"a{n}" for n in range(12)])
    store.close()
    posted: list[Progress] = []
    report = Indexer(corpus_settings).run(lambda p: posted.append(Progress(**_fields(p))))
    assert report.notice == OLDER_INDEX and report.total == 12
    assert [p.notice for p in posted if p.notice] == [OLDER_INDEX]
    assert not corpus_is_stale(corpus_settings)
    with Engine(corpus_settings) as engine:
        assert engine.search("oil").total == 12
        folder = corpus_data_dir(corpus_settings)
        bookmarks = BookmarkStore(folder).load()
        assert [(b.name, b.query) for b in bookmarks] == [("oil", "oil")]
        # Articles keep the time they were indexed: none is "new" to the saved search.
        assert engine.saved_counts(bookmarks)["oil"].new == 0
        assert History(folder).load() == ["oil price"]
        assert engine.actors.resolve("Iran").hidden
    store = Store(old_index.store)
    assert store.indexed_at(list(indexed_before)) == indexed_before
    store.close()
    assert Indexer(corpus_settings).run().notice == ""  # said once


def test_an_unreadable_index_says_so(corpus_settings: Settings, old_index: IndexPaths) -> None:
    # this version, but classes it cannot unpickle
    old_index.version.write_text(f"{SCHEMA_VERSION}\n")
    assert Indexer(corpus_settings).run().notice == UNREADABLE_INDEX
    with Engine(corpus_settings) as engine:
        assert engine.search("oil").total == 12


def _fields(progress: Progress) -> dict:
    return {name: getattr(progress, name) for name in Progress.__dataclass_fields__}
