"""Blank queries in the history: spaces, tabs, control characters and invisible format
characters (a zero-width space) are never stored, and entries of them in a hand-written
or older history file are never shown (Up, Ctrl+R, the palette)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.userdata.bookmarks import History, blank_query, corpus_data_dir
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.history import HistoryDialog
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers.pilot import dashboard, wait_for, wait_ready

BLANKS = ["", "   ", "\t\n", "\u200b", "\u00a0\u3000", "\ufeff \u2060", "\x1b"]


@pytest.mark.parametrize("query", BLANKS)
def test_blank_queries_are_blank(query: str) -> None:
    assert blank_query(query)


@pytest.mark.parametrize("query", ["oil", " a ", "\u200boil", "東京", "\x1b[31mred"])
def test_queries_with_something_to_see_are_not(query: str) -> None:
    assert not blank_query(query)


def test_blank_queries_are_never_stored(tmp_path: Path) -> None:
    history = History(tmp_path)
    for query in ["iran", *BLANKS, "oil"]:
        history.add(query)
    assert History(tmp_path).load() == ["iran", "oil"]
    assert "\u200b" not in (tmp_path / "history.yaml").read_text(encoding="utf-8")


def _hand_written(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "history.yaml").write_text(
        'version: 1\nqueries:\n- iran\n- ""\n- "   "\n- "\\u200b"\n- pompeo\n- "\\t"\n',
        encoding="utf-8")


def test_blank_entries_of_a_file_are_not_read(tmp_path: Path) -> None:
    _hand_written(tmp_path)
    history = History(tmp_path)
    assert history.load() == ["iran", "pompeo"]
    history.add("oil")  # the file is written again without them
    assert History(tmp_path).load() == ["iran", "pompeo", "oil"]


async def test_the_dashboard_shows_and_stores_no_blank_query(
        indexed_app_settings: Settings) -> None:
    folder = corpus_data_dir(indexed_app_settings)
    _hand_written(folder)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        box = app.query_one(SearchBox)
        main = dashboard(app)
        assert main.palette_history() == ["pompeo", "iran"]
        await pilot.press("up")
        assert box.value == "pompeo"
        await pilot.press("up")
        assert box.value == "iran"
        box.value = ""
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryDialog))
        assert app.screen.shown == ["pompeo", "iran"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HistoryDialog))
        box.focus()
        box.value = ""
        await pilot.press("space", "space", "enter")
        await pilot.pause()
    assert History(folder).load() == ["iran", "pompeo"]
