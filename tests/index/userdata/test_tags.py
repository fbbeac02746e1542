"""Stars, tags and notes on disk (userdata/tags.py), and saved-search groups: a change is made
to the file as it is on disk, under the saved searches' lock, and never overwrites a file
that does not parse."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.bookmarks import BookmarkStore, SavedFileError
from newsdesk.index.userdata.lock import locked
from newsdesk.index.userdata.tags import Change, TagError, TagStore, clean_note, clean_tag


def test_tags_roundtrip_and_a_change_is_a_difference(tmp_path: Path) -> None:
    store = TagStore(tmp_path)
    store.load()
    assert store.change(["a", "b"], Change.of(add=["Lead", "todo"], star=True)) == 2
    assert store.change(["b"], Change.of(remove=["todo"], note="call\nthe desk")) == 1
    assert store.change(["b"], Change.of(remove=["todo"])) == 0  # nothing to take off
    again = TagStore(tmp_path)
    again.load()
    assert again.of("a").tags == ["lead", "todo"] and again.of("a").starred
    assert again.of("b").tags == ["lead"] and again.of("b").note == "call the desk"
    assert not again.of("c")
    assert again.ids_tagged("lead") == {"a", "b"} and again.ids_tagged("to*") == {"a"}
    assert again.ids_that_are("starred") == {"a", "b"}
    assert again.ids_that_are("noted") == {"b"}
    assert again.tag_counts() == {"lead": 2, "todo": 1}
    # An article with nothing left on it leaves the file.
    again.change(["a"], Change.of(remove=["lead", "todo"], star=False))
    rows = yaml.safe_load((tmp_path / "tags.yaml").read_text())["articles"]
    assert [r["id"] for r in rows] == ["b"]
    assert (tmp_path / "tags.yaml").stat().st_mode & 0o077 == 0


def test_another_writers_tags_are_kept(tmp_path: Path) -> None:
    """Two stores (two dashboards) with stale copies: each change goes to the file as it is."""
    first, second = TagStore(tmp_path), TagStore(tmp_path)
    first.load()
    second.load()
    first.change(["a"], Change.of(add=["lead"]))
    second.change(["a"], Change.of(add=["todo"]))
    assert second.of("a").tags == ["lead", "todo"]
    assert first.changed()
    first.fresh()
    assert first.of("a").tags == ["lead", "todo"]


@pytest.mark.parametrize("bad", ["", "two words", "+lead", "-x", "a" * 41, "x,y", "[b]"])
def test_bad_tags_are_refused(bad: str) -> None:
    with pytest.raises(TagError):
        clean_tag(bad)


def test_tags_and_notes_are_folded() -> None:
    assert clean_tag(" Élection-2020/EU ") == "élection-2020/eu"
    assert clean_note("a\x1b[31m red\r\nline") == "a [31m red line"
    with pytest.raises(TagError):
        clean_note("x" * 501)


def test_a_broken_tags_file_is_named_and_never_written_over(tmp_path: Path) -> None:
    path = tmp_path / "tags.yaml"
    text = "articles:\n  - id: a\n    tags: [lead\n"
    path.write_text(text)
    store = TagStore(tmp_path)
    with pytest.raises(SavedFileError, match=r"tags\.yaml:\d+"):
        store.load()
    with pytest.raises(SavedFileError, match="not saved"):
        store.change(["a"], Change.of(add=["x"]))
    assert path.read_text() == text
    path.write_text("articles:\n  - id: a\n    tags: [two words]\n")
    with pytest.raises(SavedFileError, match=r"tags\.yaml:2: .*no spaces"):
        TagStore(tmp_path).load()


def test_tags_are_written_under_the_saved_searches_lock(tmp_path: Path) -> None:
    store = TagStore(tmp_path)
    done = threading.Event()

    def tag() -> None:
        store.change(["a"], Change.of(add=["lead"]))
        done.set()

    with locked(tmp_path / "saved.yaml"):
        writer = threading.Thread(target=tag)
        writer.start()
        assert not done.wait(0.3)  # held by the saved searches' lock
        assert not (tmp_path / "tags.yaml").exists()
    writer.join(30)
    assert done.is_set() and TagStore(tmp_path).load()["a"].tags == ["lead"]


def test_a_group_of_saved_searches_is_made_replaced_and_removed(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path)
    store.load()
    store.put("mine", "iran")
    store.put_group("names", [("names/putin", "putin"), ("names/merkel", "merkel")])
    store.put("later", "oil")
    assert [(b.name, b.group) for b in BookmarkStore(tmp_path).load()] == [
        ("mine", ""), ("names/putin", "names"), ("names/merkel", "names"), ("later", "")]
    # Made again from a changed file: replaced whole, in its place.
    store.put_group("names", [("names/macron", "macron")])
    assert [b.name for b in BookmarkStore(tmp_path).load()] == ["mine", "names/macron", "later"]
    with pytest.raises(NewsdeskError, match="outside the group"):
        store.put_group("other", [("mine", "x")])
    assert store.remove_group("names") == 1
    assert [b.name for b in BookmarkStore(tmp_path).load()] == ["mine", "later"]
    with pytest.raises(NewsdeskError):
        store.remove_group("names")
    (tmp_path / "saved.yaml").write_text("bookmarks:\n  - {name: a, query: b, group: [x]}\n")
    with pytest.raises(SavedFileError, match="group must be text"):
        BookmarkStore(tmp_path).load()


def test_a_change_taken_in_by_any_reader_shows_in_the_revision(tmp_path: Path) -> None:
    """The dashboard's poll asked `changed()`, and a search that had read the tags fresh in
    between took the edit in first: the list never showed a tag taken off elsewhere. The
    revision counts what was taken in, whoever took it."""
    mine, elsewhere = TagStore(tmp_path), TagStore(tmp_path)
    mine.change(["a1"], Change.of(add=["legal"]))
    shown = mine.revision
    elsewhere.change(["a1"], Change.of(remove=["legal"]))
    mine.fresh()  # (a search reading the tags)
    assert not mine.changed() and mine.revision != shown
    assert mine.of("a1").tags == []
    shown = mine.revision
    mine.fresh()  # nothing new: the same revision
    assert mine.revision == shown
