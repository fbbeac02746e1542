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


LONG = ("Split 'John' out of 'Jihadi John'. 'John' stays a name of 'Jihadi John' in the "
        "articles that name him in full, and is an actor of its own elsewhere.")


async def test_a_long_message_shows_whole_at_80_columns(indexed_app_settings: Settings) -> None:
    """An edit's notice is two sentences, the second saying what it did: at 80 columns it
    wraps over up to three lines instead of ending in an ellipsis (stranger10's F14), and
    still alone: a short one after it shows on one line, the long one gone."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        app.notify("first, short", timeout=30)
        app.notify(LONG, timeout=30)
        await wait_for(pilot, lambda: any("Jihadi" in t for t in _on_screen(app)))
        [toast] = [t for t in app.query(Toast) if t.display and t.region.height > 0]
        assert toast.region.height == 2 and toast.region.bottom == app.size.height
        shown = " ".join(line.text.strip() for line in toast.render_lines(
            toast.region.reset_offset)).replace("  ", " ")
        assert "elsewhere." in shown and "…" not in shown, shown
        app.notify("short again", timeout=30)
        await wait_for(pilot, lambda: any("short again" in t for t in _on_screen(app)))
        await pilot.pause(0.05)
        [toast] = [t for t in app.query(Toast) if t.display and t.region.height > 0]
        assert toast.region.height == 1 and "short again" in str(toast.render())
