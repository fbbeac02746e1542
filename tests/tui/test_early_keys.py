"""Keys typed before newsdesk had the terminal (tui/early_terminal.py, tui/early_keys.py):
which command lines take the terminal at once, and which early keys run. The whole path in
a real terminal: tests/e2e/test_early_keys_terminal.py."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from textual import events
from textual.binding import ActiveBinding, Binding

from newsdesk.tui import early_terminal
from newsdesk.tui.actions import ACTIONS
from newsdesk.tui.early_keys import EarlyKeys


@pytest.mark.parametrize(("argv", "dashboard"), [
    ([], True), (["--corpus", "a"], True), (["--corpus=a", "--corpus", "b"], True),
    (["--cor", "a"], True), (["search", "oil"], False), (["--corpus", "a", "index"], False),
    (["--help"], False), (["--version"], False), (["-h"], False), (["--"], False)])
def test_only_the_dashboards_command_lines_take_the_terminal(argv: list[str],
                                                             dashboard: bool) -> None:
    assert early_terminal.dashboard_args(argv) is dashboard


@pytest.fixture
def typed_early_until_10() -> Iterator[None]:
    early_terminal.early_until = 10.0
    yield
    early_terminal.early_until = None


def _key(name: str, at: float, character: str | None = None) -> events.Key:
    key = events.Key(name, character)
    key.time = at
    return key


def _screen(*bindings: Binding) -> SimpleNamespace:
    """A screen whose focus chain binds `bindings` (what Screen.active_bindings gives)."""
    return SimpleNamespace(active_bindings={
        b.key: ActiveBinding(None, b, True, "") for b in bindings})  # type: ignore[arg-type]


def _bound(action_id: str) -> Binding:
    action = next(a for a in ACTIONS if a.id == action_id)
    return Binding(action.keys.split(",")[0], action.action, id=action.id)


@pytest.mark.usefixtures("typed_early_until_10")
def test_early_keys_run_until_one_would_open_something() -> None:
    screen = _screen(_bound("results.down"), _bound("app.export"), _bound("app.facets"))
    keys = EarlyKeys()
    assert not keys.refused(_key("j", 1.0, "j"), screen)  # moves
    assert not keys.refused(_key("z", 1.5, "z"), screen)  # bound to nothing
    paste = events.Paste("oil")
    paste.time = 1.7
    assert not keys.refused(paste, screen)  # text, for the search box
    assert keys.refused(_key("e", 2.0, "e"), screen)  # the export dialog
    assert keys.notice_due() and not keys.notice_due()
    assert "e and the keys after it" in keys.notice()
    # Typed that early after it: meant for the dialog, not run either.
    assert keys.refused(_key("j", 3.0, "j"), screen)
    assert keys.refused(_key("v", 10.0, "v"), screen)
    # Typed once newsdesk had the terminal: as always.
    assert not keys.refused(_key("e", 10.5, "e"), screen)


@pytest.mark.usefixtures("typed_early_until_10")
@pytest.mark.parametrize(("binding", "runs"), [
    (Binding("ctrl+p", "command_palette"), False),  # Textual's own, listed in the table
    (Binding("tab", "focus_next"), True),
    (Binding("down", "cursor_down"), True),  # a list's own binding
    (_bound("saved.delete"), False), (_bound("actors.merge"), False),
    (_bound("app.pager"), False), (_bound("results.star"), False),
    (_bound("reader.next"), True), (_bound("app.quit"), True)])
def test_which_early_keys_run(binding: Binding, runs: bool) -> None:
    key = _key(binding.key, 5.0)
    assert EarlyKeys().refused(key, _screen(binding)) is not runs


def test_keys_are_not_early_without_a_terminal_taken_early() -> None:
    """Pilot's keys, and every key where newsdesk did not take the terminal early."""
    assert early_terminal.early_until is None
    screen = _screen(_bound("app.export"))
    assert not EarlyKeys().refused(_key("e", 0.0, "e"), screen)
