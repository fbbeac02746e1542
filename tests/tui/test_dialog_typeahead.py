"""Names typed ahead into the text dialogs, driven with Pilot (issue 23): a burst of
`<key>name` (fast typing, a paste, a slow link) puts exactly `name` in the dialog's box,
from the pane that has its key: the history search and an actor's merge (the real-terminal
test tests/e2e/test_dialog_bursts.py types into save search, rename, export and tags)."""

from __future__ import annotations

from textual import events
from textual.screen import ModalScreen
from textual.widgets import Input

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.actors import ActorPane
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready
from tests.tui.test_typeahead import burst


async def _typed_into_dialog(pilot, opener: str, text: str) -> str:  # type: ignore[no-untyped-def]
    """`opener` (a key name) and `text` as one burst; what the dialog's focused box holds."""
    app: NewsdeskApp = pilot.app
    app.post_message(events.Key(opener, None))
    burst(app, text)
    await wait_for(pilot, lambda: isinstance(app.screen, ModalScreen))
    await wait_for(pilot, lambda: not app.keys.waiting and not app.keys.busy)
    await pilot.pause()
    focused = app.focused
    assert isinstance(focused, Input), f"{opener}: the focus is on {focused!r}"
    value = focused.value
    await pilot.press("escape")
    await wait_for(pilot, lambda: app.screen is dashboard(app))
    return value


async def test_a_name_typed_ahead_fills_every_text_dialog(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await search(pilot, "soleimani")
        # Names full of the panes' one-key commands (e export, o pager, v facets, a, b, c).
        seen: dict[str, str] = {}
        main.box.focus()
        seen["ctrl+r"] = await _typed_into_dialog(pilot, "ctrl+r", "vacobe")
        actors = app.query_one(ActorPane)
        await wait_for(pilot, lambda: len(actors.actors) > 3)
        main.action_focus_actors()
        await wait_for(pilot, lambda: actors.current is not None)
        seen["actor m"] = await _typed_into_dialog(pilot, "m", "Boca")
    assert seen == {"ctrl+r": "vacobe", "actor m": "Boca"}
