"""A saved.yaml a newer newsdesk wrote loads here with a note, never refused, and what
this one does not know is written back as it was at the next change (an older newsdesk
refused a saved.yaml with `sort:`; one that dropped unknown parts would lose them): each
kind of newer part, alone and together, through each kind of change."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from newsdesk.index.userdata.bookmarks import BookmarkStore

BASE = {"version": 1, "bookmarks": [
    {"name": "iran", "query": "iran", "created": "2026-01-01T10:00:00",
     "opened": "2026-01-02T10:00:00"},
    {"name": "oil", "query": "oil OR gas", "created": "2026-01-01T11:00:00",
     "opened": "2026-01-01T11:00:00", "group": "energy"}]}

NEWER = {
    "top key": lambda d: d.update({"colours": {"iran": "red"}}),
    "newer sort": lambda d: d.update({"sort": "by-colour"}),
    "bookmark field": lambda d: d["bookmarks"][0].update({"pinned": True, "colour": "red"}),
    "newer format": lambda d: d.update({"version": 7}),
}
CHANGES = {
    "add": lambda s: s.put("gold", "gold"),
    "opened": lambda s: s.mark_opened("oil"),
    "remove": lambda s: s.remove("oil"),
}


def _cases() -> list[tuple[str, ...]]:
    kinds = list(NEWER)
    return [combo for n in (1, len(kinds)) for combo in itertools.combinations(kinds, n)]


@pytest.mark.parametrize("newer", _cases(), ids="+".join)
@pytest.mark.parametrize("change", list(CHANGES))
def test_a_newer_file_loads_with_a_note_and_keeps_what_it_holds(
        tmp_path: Path, newer: tuple[str, ...], change: str) -> None:
    data = yaml.safe_load(yaml.safe_dump(BASE))
    for kind in newer:
        NEWER[kind](data)
    path = tmp_path / "saved.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    store = BookmarkStore(tmp_path)
    assert [b.name for b in store.load()] == ["iran", "oil"]  # never refused
    assert len(store.notes) == len(newer) and all(str(path) in n for n in store.notes)
    assert store.sort == "saved"  # a sort it does not know: the order saved
    CHANGES[change](store)
    after = yaml.safe_load(path.read_text())
    for key, value in data.items():  # every newer part written back as it was, its
        if key != "bookmarks":  # format's version too (it was written back as 1)
            assert after[key] == value, key
    if "bookmark field" in newer:
        assert after["bookmarks"][0]["pinned"] is True
        assert after["bookmarks"][0]["colour"] == "red"
    names = [b["name"] for b in after["bookmarks"]]
    assert names == {"add": ["iran", "oil", "gold"], "opened": ["iran", "oil"],
                     "remove": ["iran"]}[change]
    again = BookmarkStore(tmp_path)
    again.load()
    assert len(again.notes) == len(newer)


def test_a_sort_chosen_here_replaces_the_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "saved.yaml"
    path.write_text(yaml.safe_dump({**BASE, "sort": "by-colour"}, sort_keys=False))
    store = BookmarkStore(tmp_path)
    store.load()
    store.set_sort("name")
    assert yaml.safe_load(path.read_text())["sort"] == "name"
    assert BookmarkStore(tmp_path).load() and store.sort == "name"
