"""A saved-searches, history or tags file of the wrong shape: a list where a mapping
belongs, a mapping where the list belongs; in history and tags a misspelt top-level key.
Each is an error naming the file and line, and no change writes the file over (read as
empty, a misspelt file was replaced by the next search saved). saved.yaml keeps a key it
does not know, and says so (test_newer_saved_file.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.userdata.bookmarks import BookmarkStore, History, SavedFileError
from newsdesk.index.userdata.tags import TagStore

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


def test_history_and_tags_of_the_wrong_shape(tmp_path: Path) -> None:
    history = tmp_path / "history.yaml"
    history.write_text("version: 1\nquery:\n  - iran\n")
    with pytest.raises(SavedFileError, match=f"^{history}:2: unknown key 'query'"):
        History(tmp_path).load()
    tags = tmp_path / "tags.yaml"
    tags.write_text("version: 1\ntags:\n  - {id: a, tags: [x]}\n")
    with pytest.raises(SavedFileError, match=f"^{tags}:2: unknown key 'tags'"):
        TagStore(tmp_path).load()
    assert history.read_text() == "version: 1\nquery:\n  - iran\n"


def test_the_right_shapes_still_read(tmp_path: Path) -> None:
    (tmp_path / "saved.yaml").write_text("# mine\nversion: 1\nbookmarks:\n")
    assert BookmarkStore(tmp_path).load() == []
    (tmp_path / "saved.yaml").write_text("bookmarks:\n  - {name: a, query: b}\n")
    assert [b.name for b in BookmarkStore(tmp_path).load()] == ["a"]
