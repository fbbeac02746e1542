"""Saved searches and history on disk: atomic, backed up, never overwritten when broken."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.bookmarks import (
    BookmarkExists,
    BookmarkStore,
    History,
    SavedFileError,
)


def test_roundtrip_and_backup(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path)
    store.load()
    store.put("Strike", '"drone strike"')
    store.put("Pompeo", "pompeo")
    again = BookmarkStore(tmp_path)
    assert [(b.name, b.query) for b in again.load()] == [
        ("Strike", '"drone strike"'), ("Pompeo", "pompeo")]
    backup = yaml.safe_load((tmp_path / "saved.yaml.bak").read_text())
    assert [b["name"] for b in backup["bookmarks"]] == ["Strike"]
    assert (tmp_path / "saved.yaml").stat().st_mode & 0o077 == 0
    again.rename("Pompeo", "Mike Pompeo")
    again.remove("Strike")
    assert [b.name for b in BookmarkStore(tmp_path).load()] == ["Mike Pompeo"]


def test_replace_keeps_place_and_resets_opened(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path)
    store.put("a", "x")
    store.put("b", "y")
    store.bookmarks[0].opened = 0
    store.put("a", "z")
    assert [(b.name, b.query) for b in store.bookmarks] == [("a", "z"), ("b", "y")]
    assert store.bookmarks[0].opened > 0


@pytest.mark.parametrize(("text", "line"), [
    ("bookmarks:\n  - name: a\n    query: [unclosed\n", 4),
    ("bookmarks:\n  - name: a\n  - name: b\n    query: q\n", 2),
    ("bookmarks:\n  - name: a\n    query: q\n    opened: someday\n", 2),
    # By hand: one name twice (the dashboard's list stopped on it), an empty name.
    ("bookmarks:\n  - {name: a, query: oil}\n  - {name: b, query: x}\n"
     "  - {name: a, query: gold}\n", 4),
    ("bookmarks:\n  - {name: ' ', query: oil}\n", 2),
])
def test_broken_file_is_reported_and_never_overwritten(tmp_path: Path, text: str,
                                                       line: int) -> None:
    path = tmp_path / "saved.yaml"
    path.write_text(text)
    store = BookmarkStore(tmp_path)
    with pytest.raises(SavedFileError) as info:
        store.load()
    assert str(info.value).startswith(f"{path}:{line}:")
    with pytest.raises(SavedFileError, match="not saved"):
        store.put("new", "query")
    assert path.read_text() == text


def test_hand_edited_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "saved.yaml").write_text(
        "bookmarks:\n  - name: Hand made\n    query: iran AND iraq\n")
    store = BookmarkStore(tmp_path)
    assert [(b.name, b.query) for b in store.load()] == [("Hand made", "iran AND iraq")]


def test_history_is_bounded_deduplicated_and_persistent(tmp_path: Path) -> None:
    history = History(tmp_path, limit=5)
    for q in ["a", "b", "a", "c", "d", "e", "f", "f", "  "]:
        history.add(q)
    assert history.queries == ["a", "c", "d", "e", "f"][-5:]
    assert History(tmp_path, limit=5).load() == history.queries


def test_each_corpus_has_its_own_bookmarks(tmp_path: Path) -> None:
    from newsdesk.index.config import load_settings
    from newsdesk.index.userdata.bookmarks import corpus_data_dir

    one, two = load_settings(), load_settings()
    one.corpus.sources, two.corpus.sources = [tmp_path / "a"], [tmp_path / "b"]
    BookmarkStore(corpus_data_dir(one)).put("only in a", "x")
    assert corpus_data_dir(one) != corpus_data_dir(two)
    assert BookmarkStore(corpus_data_dir(two)).load() == []
    assert [b.name for b in BookmarkStore(corpus_data_dir(one)).load()] == ["only in a"]


def test_names_are_trimmed_and_compared_without_case(tmp_path: Path) -> None:
    """stranger3 B2: " oil ", "Oil" and "oil" were three saved searches that all read oil."""
    store = BookmarkStore(tmp_path)
    store.load()
    store.put(" oil ", "oil")
    for name in ("oil", "Oil", "  OIL"):
        with pytest.raises(BookmarkExists, match="'oil' exists"):
            store.put(name, "oil OR gas", replace=False)
    assert [(b.name, b.query) for b in BookmarkStore(tmp_path).load()] == [("oil", "oil")]
    found = store.get("Oil ")
    assert found is not None and found.name == "oil"
    store.put("Oil", "oil OR gas")  # replaced (asked first in the dashboard, --replace)
    assert [(b.name, b.query) for b in BookmarkStore(tmp_path).load()] == [("Oil", "oil OR gas")]
    store.put("gas", "gas")
    with pytest.raises(NewsdeskError, match="exists already"):
        store.rename("gas", " OIL")
    store.rename("Oil", "oil ")  # its own name in another case: fine
    assert [b.name for b in BookmarkStore(tmp_path).load()] == ["oil", "gas"]
    with pytest.raises(NewsdeskError, match="twice"):
        store.put_group("g", [("g/a", "a"), ("G/A ", "b")])


def test_a_group_made_again_keeps_the_stamps_of_unchanged_searches(tmp_path: Path) -> None:
    """stranger3 B3: the group made again from its file to add one line zeroed every
    search's "+N new"; the searches whose query is the same keep created and opened."""
    store = BookmarkStore(tmp_path)
    store.load()
    store.put_group("watch", [("watch/oil", "oil"), ("watch/blair", "blair")])
    store.mark_opened("watch/oil")
    before = {b.name: (b.created, b.opened) for b in BookmarkStore(tmp_path).load()}
    time.sleep(0.01)
    store.put_group("watch", [("watch/oil", "oil"), ("watch/blair", "blair OR brown"),
                              ("watch/gazprom", "gazprom")])
    after = {b.name: (b.created, b.opened) for b in BookmarkStore(tmp_path).load()}
    assert after["watch/oil"] == before["watch/oil"]
    assert after["watch/blair"][1] > before["watch/blair"][1]  # a changed query: anew
    assert after["watch/gazprom"][0] > before["watch/oil"][0]
