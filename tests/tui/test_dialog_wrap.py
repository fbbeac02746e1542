"""A dialog's question is shown whole, wrapped at the dialog's width: a question about a
long name lost its end at the dialog's edge ("... from the actor list" without its "?")."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Label

import newsdesk.tui.app
from newsdesk.tui.dialogs.confirm import ConfirmDialog


class _Host(App[None]):
    CSS_PATH = str(Path(newsdesk.tui.app.__file__).with_name("newsdesk.tcss"))  # the app's


@pytest.mark.parametrize("name", ["Iran", "Popular Mobilization Forces",
                                  "Islamic Revolutionary Guard Corps Quds Force Command "
                                  "of the Northern Provinces"])
async def test_a_long_question_wraps_whole(name: str) -> None:
    question = f"Hide '{name}' from the actor list?"
    app = _Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConfirmDialog(question))
        await pilot.pause()
        title = app.screen.query_one(".dialog-title", Label)
        lines = [line.text.rstrip() for line in title.render_lines(title.region.reset_offset)]
        shown = " ".join(line.strip() for line in lines if line.strip())
        assert shown == question
        assert title.region.right <= title.parent.content_region.right  # inside its box
