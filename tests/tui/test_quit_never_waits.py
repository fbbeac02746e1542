"""Ctrl+Q quits at once even while the key gate keeps the keys typed before it (waiting for
results, up to 10 s, or held while the focus moves): queued behind them, a fresh clone's
end-to-end test saw the app still running 10 s after Ctrl+Q on a busy machine."""

from __future__ import annotations

import time

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.pilot import wait_ready


async def test_ctrl_q_is_not_queued_behind_kept_keys(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        app.keys.hold()  # the keys to come are kept (as while the focus moves)
        await pilot.press("x", "y")
        assert app.keys.waiting  # kept, not sent
        started = time.monotonic()
        await pilot.press("ctrl+q")
        while app.is_running and time.monotonic() - started < 5:
            await pilot.pause(0.05)
        assert not app.is_running
        assert time.monotonic() - started < 1.5  # not after the hold (HOLD_LIMIT, 2 s)
