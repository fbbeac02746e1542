"""`?` in the search box: help where the placeholder says so (the box empty, or its whole
query selected, so "?" would start the query, which no query can), the wildcard after a
letter (stranger4 UI-1: `?` typed a query that could only fail)."""

from __future__ import annotations

import pytest

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.help import HelpScreen
from newsdesk.tui.panes.search_box import MORE, SearchBox, placeholder
from tests.helpers.pilot import wait_ready


def test_the_placeholder_names_the_key_when_cut() -> None:
    assert "? help" in MORE
    assert placeholder(60).endswith(MORE)


@pytest.mark.parametrize("before", ["", "iran", "iran OR iraq"])
async def test_question_mark_opens_help_only_as_the_first_character(
        indexed_app_settings: Settings, before: str) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        box = app.query_one(SearchBox)
        assert app.focused is box
        box.value = before
        box.cursor_position = len(before)
        await pilot.press("question_mark")
        await pilot.pause()
        if before:  # a wildcard after a letter, as typed
            assert not isinstance(app.screen, HelpScreen)
            assert box.value == before + "?"
            box.select_all()  # the whole query selected: "?" would start a new one
            await pilot.press("question_mark")
            await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.focused is box
        assert box.value == (before + "?" if before else "")  # the help "?" not typed
