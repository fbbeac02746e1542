"""The choice dialog shows its choices as far as the screen allows: the actor types' 11
choices showed 8 even at 200x50 (a fixed 10 rows), and country and location, the two a
user most often needs (stranger16 F14), only after scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList

from newsdesk.index.option_values import ACTOR_TYPES
from newsdesk.tui.dialogs.choice import ChoiceDialog
from newsdesk.tui.panes.actors import CHOICE_KEYS

CSS = Path(__file__).resolve().parents[2] / "tui" / "newsdesk.tcss"


class _Host(App[None]):
    CSS_PATH = str(CSS)


@pytest.mark.parametrize(("size", "shown"), [((200, 50), len(ACTOR_TYPES)), ((80, 24), 11),
                                             ((80, 20), 9)])
async def test_the_choices_fill_the_screen_they_have(size: tuple[int, int], shown: int) -> None:
    app = _Host()
    labels = [(key, kind) for key, kind in zip(CHOICE_KEYS, ACTOR_TYPES, strict=False)]
    async with app.run_test(size=size) as pilot:
        app.push_screen(ChoiceDialog("What kind of actor is 'Emurua Dikirr'?", labels))
        await pilot.pause()
        listing = app.screen.query_one("#choices", OptionList)
        assert listing.scrollable_content_region.height >= min(shown, len(labels))
        assert app.screen.query_one(".dialog").region.bottom <= size[1]
