"""A first build that a full disk stopped leaves an index of no article: the next search
says the disk is full / the build did not finish, never that the corpus holds no article
(stranger4 B1: "no article in the corpus ... newsdesk reads .txt and .md" of 4,200 good
articles). Each way the disk can fill: at each of the build's index-file writes, at the
store's commits."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.no_articles import IndexNotBuiltError, check_some_article
from newsdesk.index.models import IndexFolderError, NewsdeskError
from newsdesk.index.storage import integrity
from newsdesk.index.storage.article_store import Store
from newsdesk.tui.cli.common import ensure_index


def _full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _db_full(*args: object, **kwargs: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


# Where the disk fills before the first commit: the index's checksums file, the store's
# staging of the articles read, the commit marking them done.
WHERE = {"index file": (integrity, "write_file", _full),
         "staging": (Store, "stage", _db_full), "commit": (Store, "mark_done", _db_full)}


@pytest.mark.parametrize("where", WHERE)
def test_a_first_build_stopped_by_a_full_disk_is_never_an_empty_corpus(
        corpus_settings: Settings, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
        where: str) -> None:
    for n in range(3):
        (corpus_dir / f"{n}.txt").write_text(f"Story {n}\n\nOil prices moved {n}.\n")
    owner, name, stand_in = WHERE[where]
    with monkeypatch.context() as patched:
        patched.setattr(owner, name, stand_in)
        with pytest.raises(IndexFolderError, match="is full"):
            Indexer(corpus_settings).run()
        try:  # the check every query command makes (staged articles count as some)
            check_some_article(corpus_settings)
        except NewsdeskError as exc:
            assert isinstance(exc, IndexNotBuiltError), str(exc)
            assert "did not finish" in str(exc) and "newsdesk index" in str(exc)
        else:
            assert where == "commit"
        # What a search does first: the update fails again, and that is what it says
        # (with articles staged, it says so and searches the index as it is).
        try:
            ensure_index(corpus_settings)
        except NewsdeskError as exc:
            assert "is full" in str(exc) and "no article" not in str(exc), str(exc)
        else:
            assert where == "commit"
    ensure_index(corpus_settings)  # space again: built, and searched
    with Engine(corpus_settings) as engine:
        assert engine.search("oil").total == 3


def test_an_index_of_files_read_that_hold_nothing_still_says_so(
        corpus_settings: Settings, corpus_dir: Path) -> None:
    (corpus_dir / "empty.txt").write_text("")
    Indexer(corpus_settings).run()
    with pytest.raises(NewsdeskError, match="no readable article|no article in the corpus"):
        check_some_article(corpus_settings)
