"""Quitting with keys still queued in the key gate (tui/key_order.py): keys read in one
burst with the quit key, as a user typing ahead then quitting, or a terminal delivering a
burst, sends them. Seen once at the end of a Pilot test (BENCHMARKS ci31): a queued key's
drain ran after the app's screens were gone, `self.screen` raised ScreenStackError and the
app wrote a crash report on its way out."""

from __future__ import annotations

import asyncio

import pytest
from textual import events

from newsdesk.index.config import Settings
from newsdesk.tui import key_order
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.patience import Patience
from tests.helpers.pilot import wait_ready

# Keys that move the focus, open and close things and type: each one queued behind the one
# before it while that one is on its way through the widgets.
BURST = ["down", "j", "j", "enter", "k", "escape", "slash", "o", "i", "l", "down", "enter",
         "question_mark", "escape", "tab", "j"]
ROUNDS = 10  # (50 when it was written: no crash, BENCHMARKS ci32)


async def _quit_by_itself(app: NewsdeskApp) -> None:
    """Until the app has quit by its own key (the test's leaving run_test then finds it
    gone: Pilot's own shutdown, racing the keys, is not what a user meets)."""
    patience = Patience(10.0)
    while not (app._task is not None and app._task.done()):
        assert not patience.expired(), "the app did not quit"
        await asyncio.sleep(0.01)


def _burst(app: NewsdeskApp, keys: list[str]) -> None:
    """All `keys` in one read: posted to the driver without a pause between them (Pilot's
    press waits for the app to go idle after each key)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        char = {"slash": "/", "question_mark": "?", "tab": "\t"}.get(key)
        char = key if char is None and len(key) == 1 else char
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)


# Ctrl+Q, and Ctrl+Q pressed again while the app quits (read after it, in the same burst).
@pytest.mark.parametrize("quit_keys", [["ctrl+q"], ["ctrl+q", "ctrl+q", "j"]])
async def test_quit_with_keys_queued_leaves_no_crash(indexed_app_settings: Settings,
                                                     quit_keys: list[str]) -> None:
    for round_ in range(ROUNDS):
        app = NewsdeskApp(indexed_app_settings)
        async with app.run_test(size=(100, 30)) as pilot:  # re-raises what the app raised
            await wait_ready(pilot)
            _burst(app, BURST[: 4 + round_ % len(BURST)] + quit_keys)
            await _quit_by_itself(app)
        assert app._exception is None, round_


async def test_a_drain_after_the_screens_are_gone_sends_nothing(
        indexed_app_settings: Settings) -> None:
    """What crashed at the end of a Pilot test (BENCHMARKS ci31): a drain of keys the gate
    kept (its timer, or the keys' last step) ran once the screens were gone, asked the
    screen on top and raised ScreenStackError. Keys typed before a quit act on nothing."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.keys.hold()  # keys kept, as while the focus moves
        await pilot.press("j", "j")
        assert len(app.keys.waiting) == 2
        app.exit()
        app.keys.release()  # (quitting: they are dropped, not sent to the closing screen)
        await app.keys.drain()
        assert not app.keys.waiting
        await pilot.press("k")  # read after the quit: not queued
        assert not app.keys.waiting
    assert not app._screen_stack  # gone: what a late drain met
    app._exit = False  # (the gate's own look at the screens, not the quit's flag)
    app.keys.waiting.append(key_order.Waiting(events.Key("k", "k"), 0.0))
    await app.keys.drain()  # raised ScreenStackError
    assert not app.keys.waiting
