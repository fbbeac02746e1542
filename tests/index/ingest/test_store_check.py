"""The indexer runs the store's quick_check only on a store written since the last run
recorded it checked (storage/integrity.py), as the engine does: on an unchanged store it
reads nothing, on one written by anything else it checks, and a damaged one is found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest import indexer
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.index.storage import article_store


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each quick_check (False) or integrity_check (True) the store gets."""
    made: list[bool] = []
    real = article_store.store_problem_here

    def counted(db: object, full: bool = False) -> str | None:
        made.append(full)
        return real(db, full)  # type: ignore[arg-type]

    monkeypatch.setattr(article_store, "store_problem_here", counted)
    monkeypatch.setattr(indexer, "store_problem_here", counted)  # (--check's, by name)
    return made


def _write(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f"A title\n\n{body}\n")


def test_quick_check_only_after_the_store_was_written(
        corpus_settings: Settings, corpus_dir: Path, checks: list[bool]) -> None:
    _write(corpus_dir, "a.txt", "The first zebra.")
    Indexer(corpus_settings).run()
    assert checks == []  # no store yet: nothing to check
    _write(corpus_dir, "b.txt", "The second giraffe.")
    Indexer(corpus_settings).run()
    assert checks == []  # the store as the last run left it: not read again
    store = index_paths(corpus_settings).store
    os.utime(store, ns=(store.stat().st_atime_ns, store.stat().st_mtime_ns + 10**9))
    Indexer(corpus_settings).run()  # written by something else since (its mtime moved)
    assert checks == [False]
    Indexer(corpus_settings, full_check=True).run()
    assert checks[1:] == [False, True]  # --check: quick_check and integrity_check
