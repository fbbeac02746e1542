"""At 80 columns a toast is one line (newsdesk.tcss): the newest message shows, not one
hidden below an older one that is still up ("Narrowed to" behind "Kept on the chart",
and still hidden once that one had gone)."""

from __future__ import annotations

from textual.widgets._toast import Toast

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.pilot import wait_for, wait_ready


def _on_screen(app: NewsdeskApp) -> list[str]:
    height = app.size.height
    return [str(t.render()) for t in app.query(Toast)
            if t.display and 0 <= t.region.y < height and t.region.height > 0]


async def test_the_newest_message_shows_at_80_columns(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        for n in range(4):  # each while the ones before are still up
            app.notify(f"message {n}", timeout=30)
            await wait_for(pilot, lambda n=n: any(f"message {n}" in t for t in _on_screen(app)))
            assert len(_on_screen(app)) == 1
            await pilot.pause(0.05)
            assert [t for t in _on_screen(app) if f"message {n}" in t]


async def test_wide_terminals_still_stack_toasts(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await wait_ready(pilot)
        app.notify("first", timeout=30)
        app.notify("second", timeout=30)
        await wait_for(pilot, lambda: len(_on_screen(app)) == 2)
