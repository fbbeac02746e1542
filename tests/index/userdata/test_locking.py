"""The one way a user's file changes (userdata/lock.py, bookmarks.py): under a lock beside it,
applied to the file as it is on disk. A store holding a stale copy (a dashboard open for
hours) never writes it back; the lock and temporary files never follow a planted symlink."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsdesk.index.userdata.bookmarks import BookmarkStore, History, SavedFileError
from newsdesk.index.userdata.lock import lock_path
from newsdesk.index.userdata.yaml_files import UserFileError


def _names(folder: Path) -> list[str]:
    return [b.name for b in BookmarkStore(folder).load()]


def test_a_stale_copy_is_never_written_back(tmp_path: Path) -> None:
    dashboard, cli = BookmarkStore(tmp_path), BookmarkStore(tmp_path)
    dashboard.load()
    cli.put("from cli", "oil")
    dashboard.put("mine", "iran")  # its copy had no "from cli"
    assert _names(tmp_path) == ["from cli", "mine"]
    assert dashboard.get("from cli") is not None  # and it sees it now
    cli.put("later", "gas")
    dashboard.mark_opened("mine")
    dashboard.rename("mine", "ours")
    assert _names(tmp_path) == ["from cli", "ours", "later"]
    # The backup is the previous state of the same entries: nothing only there.
    (tmp_path / "bak").mkdir()
    (tmp_path / "bak" / "saved.yaml").write_bytes((tmp_path / "saved.yaml.bak").read_bytes())
    assert _names(tmp_path / "bak") == ["from cli", "mine", "later"]
    with pytest.raises(Exception, match="no saved search named 'gone'"):
        dashboard.remove("gone")


def test_changed_and_reload(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path)
    store.load()
    assert not store.changed() and not store.reload_if_changed()
    BookmarkStore(tmp_path).put("elsewhere", "oil")
    assert store.changed() and store.reload_if_changed()
    assert [b.name for b in store.bookmarks] == ["elsewhere"]
    store.put("here", "gas")
    assert not store.changed()  # its own write is not news


def test_history_merges_other_processes_queries(tmp_path: Path) -> None:
    one, two = History(tmp_path), History(tmp_path)
    one.load(), two.load()
    one.add("a")
    two.add("b")
    one.add("c")
    assert History(tmp_path).load() == ["a", "b", "c"] == one.queries


def test_threads_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    def add(n: int) -> None:
        for i in range(10):
            BookmarkStore(tmp_path).put(f"{n}-{i}", "q")

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(_names(tmp_path)) == 80


def test_a_symlink_planted_as_the_lock_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    lock_path(tmp_path / "saved.yaml").symlink_to(victim)
    with pytest.raises(UserFileError, match="symbolic link"):
        BookmarkStore(tmp_path).put("x", "y")
    assert victim.read_text() == "precious"
    assert not (tmp_path / "saved.yaml").exists()


def test_a_symlink_planted_as_the_backup_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    store = BookmarkStore(tmp_path)
    store.put("one", "q")
    (tmp_path / "saved.yaml.bak").symlink_to(victim)
    store.put("two", "q")
    assert victim.read_text() == "precious"
    assert not (tmp_path / "saved.yaml.bak").is_symlink()


def test_a_broken_file_is_named_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "history.yaml"
    text = "queries:\n  - a\n  - [b\n"
    path.write_text(text)
    history = History(tmp_path)
    with pytest.raises(SavedFileError, match=f"^{path}:4: YAML syntax error"):
        history.load()
    history.add("c")  # not written: the file is the person's to fix
    with pytest.raises(SavedFileError, match=f"not saved: {path}:4"):
        History(tmp_path).add("d")  # broken since it was read: found under the lock
    assert path.read_text() == text
