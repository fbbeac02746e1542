"""A saved-searches, history or tags file of the wrong shape: a list where a mapping
belongs, a mapping where the list belongs. Each is an error naming the file and line, and
no change writes the file over (read as empty, a misspelt file was replaced by the next
search saved). A top-level key not known (misspelt, or a newer newsdesk's) loads with a
note and is kept, in all three (test_newer_saved_file.py for saved.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsdesk.index.userdata.bookmarks import BookmarkStore, History, SavedFileError
from newsdesk.index.userdata.tags import Change, TagStore

SHAPES = [
    ("- {name: iran, query: iran}\n", 1, "expected a mapping with 'bookmarks:'"),
    ("version: 1\nbookmarks:\n  iran: iran\n", 3, "'bookmarks' must be a list"),
    ("bookmarks: nothing\n", 1, "'bookmarks' must be a list"),
]


@pytest.mark.parametrize(("text", "line", "reason"), SHAPES)
def test_saved_file_of_the_wrong_shape_is_named_and_kept(tmp_path: Path, text: str,
                                                         line: int, reason: str) -> None:
    path = tmp_path / "saved.yaml"
    path.write_text(text)
    store = BookmarkStore(tmp_path)
    with pytest.raises(SavedFileError) as info:
        store.load()
    assert str(info.value).startswith(f"{path}:{line}: {reason}")
    assert "will not be overwritten" in str(info.value)
    with pytest.raises(SavedFileError, match="not saved"):
        store.put("oil", "oil")
    assert path.read_text() == text and not (tmp_path / "saved.yaml.bak").exists()


def test_history_and_tags_with_a_key_not_known_load_and_keep_it(tmp_path: Path) -> None:
    """A misspelt (or a newer newsdesk's) top-level key in history.yaml or tags.yaml: the
    file loads with a note naming it and its line, and a change writes it back as it was
    (refused, a misspelt key hid every entry), as saved.yaml does; a newer format's
    version is kept too."""
    history = tmp_path / "history.yaml"
    history.write_text("version: 3\nquery:\n  - iran\nqueries:\n  - oil\n")
    store = History(tmp_path)
    assert store.load() == ["oil"]
    assert any(n.startswith(f"{history}:2: key 'query'") for n in store.notes)
    assert any("newer newsdesk (format 3" in n for n in store.notes)
    store.add("gold")
    written = yaml.safe_load(history.read_text())
    assert written == {"version": 3, "query": ["iran"], "queries": ["oil", "gold"]}
    tags = tmp_path / "tags.yaml"
    tags.write_text("version: 1\ntags:\n  - {id: a, tags: [x]}\narticles:\n  - {id: b, "
                    "starred: true}\n")
    marks = TagStore(tmp_path)
    assert list(marks.load()) == ["b"]
    assert [n.split(": key")[0] for n in marks.notes] == [f"{tags}:2"]
    marks.change(["c"], Change.of(add=["y"]))
    written = yaml.safe_load(tags.read_text())
    assert written["tags"] == [{"id": "a", "tags": ["x"]}]
    assert [a["id"] for a in written["articles"]] == ["b", "c"]


def test_the_right_shapes_still_read(tmp_path: Path) -> None:
    (tmp_path / "saved.yaml").write_text("# mine\nversion: 1\nbookmarks:\n")
    assert BookmarkStore(tmp_path).load() == []
    (tmp_path / "saved.yaml").write_text("bookmarks:\n  - {name: a, query: b}\n")
    assert [b.name for b in BookmarkStore(tmp_path).load()] == ["a"]
