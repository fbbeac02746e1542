"""What a terminal sends as control bytes and sequences is never typed text (tui/key_parser.py):
an outside tester found "^/" in the search box. Every key goes through the parser the input
thread runs; here the parser alone over generated sequences, then the dashboard (Pilot) fed
the parser's keys as its driver feeds them."""

from __future__ import annotations

import contextlib
import itertools
import random
import string

import pytest
from textual import events
from textual._parser import ParseError

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.key_parser import KeyParser
from newsdesk.tui.meta_keys import typed_keys
from tests.helpers.pilot import dashboard, wait_for, wait_ready

CONTROLS = [chr(b) for b in [*range(0x20), 0x7F]]


def keys_of(data: str) -> list[events.Key]:
    """The keys a read of `data` makes, then the end of the input (the timeout's flush), as
    the dashboard gets them (an unbound Alt+character is Escape and the character)."""
    parser = KeyParser()
    made = [e for e in parser.feed(data) if isinstance(e, events.Key)]
    with contextlib.suppress(ParseError):
        made += [e for e in parser.feed("") if isinstance(e, events.Key)]
    return [k for e in made for k in typed_keys(e, False)]


def typed(data: str) -> str:
    """The text an Input would take from `data`: each printable key's character."""
    return "".join(k.character or "" for k in keys_of(data) if k.is_printable)


def _unknown_csi(rng: random.Random) -> str:
    """A CSI no key is named by: parameters, maybe a private marker and intermediates, and
    a final byte Textual has no key for (X, z, c, y, q, p, t...)."""
    params = ";".join(str(rng.randint(0, 999)) for _ in range(rng.randint(0, 4)))
    marker = rng.choice(["", "?", ">", "="])
    return f"\x1b[{marker}{params}{rng.choice(['', ' ', '$'])}{rng.choice('XzcyqptgkmJKL')}"


def _strings(rng: random.Random) -> str:
    """An OSC, DCS or APC string (a title, a colour answer), ended by BEL or ST. (Not an
    empty one: ESC and the introducer alone is Alt+character, as a person's ESC and "P"
    read together are.)"""
    body = "".join(rng.choices(string.ascii_letters + string.digits + ";:/?",
                               k=rng.randint(1, 20)))
    return "\x1b" + rng.choice("]P_") + body + rng.choice(["\x07", "\x1b\\"])


def test_a_control_byte_alone_or_after_escape_types_nothing() -> None:
    for control in CONTROLS:
        assert typed(control) == "", repr(control)
        assert typed("\x1b" + control) == "", repr(control)


@pytest.mark.parametrize("seed", range(2))
def test_sequences_no_key_is_named_by_type_nothing(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        sequence = rng.choice([_unknown_csi, _strings])(rng)
        after = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(0, 3)))
        # (letters typed right after it, in the same read, are still typed)
        assert typed(sequence + after) == after, repr(sequence + after)


def test_a_ctrl_key_in_modify_other_keys_form_types_nothing() -> None:
    """xterm's (and tmux's, extended keys on) Ctrl+character: "\\x1b[27;5;47~" typed "/"."""
    for character, modifiers in itertools.product(string.printable.strip(), (5, 6, 7, 9)):
        # (Ctrl, Ctrl+Shift, Ctrl+Alt, Super)
        assert typed(f"\x1b[27;{modifiers};{ord(character)}~") == ""
        assert typed(f"\x1b[{ord(character)};{modifiers}u") == ""


@pytest.mark.parametrize("follow", ["\x1b", "\x1b[A", "\x1b[1;5X", "\x1bOP"])
def test_escape_and_a_character_cut_short_by_a_sequence_leave_no_caret(follow: str) -> None:
    """ESC and a character, a sequence right after: Textual gave the ESC as "^" ("^/")."""
    for character in "/[]\\-=.,;'`aZ5":
        _no_caret(character, follow)


def _no_caret(character: str, follow: str) -> None:
    keys = keys_of("\x1b" + character + follow)
    alone = keys_of("\x1b" + character)  # (Textual names a few itself: ESC - is "–")
    assert [k.character for k in keys if k.is_printable] == \
        [k.character for k in alone if k.is_printable]
    assert "^" not in typed("\x1b" + character + follow)
    assert keys[0].key == alone[0].key


@pytest.mark.parametrize("event_type", ["1", "2", "3"])
def test_kitty_event_types_are_read_not_fatal(event_type: str) -> None:
    """"\\x1b[47;5:1u" raised ValueError in Textual's parser: the keyboard's thread ended."""
    keys = keys_of(f"\x1b[47;5:{event_type}u" + "a")
    names = [k.key for k in keys]
    assert names == (["a"] if event_type == "3" else ["ctrl+slash", "a"])
    assert typed("\x1b[97;5:1:1u") == ""  # (a form it cannot read at all: no key, no end)


def test_a_long_unknown_sequence_is_dropped_to_its_end() -> None:
    """Textual looks 32 characters into a sequence, then re-sent it as keys."""
    sequence = "\x1b[" + ";".join(["1"] * 30) + "X"
    assert typed(sequence + "ok") == "ok"
    assert typed("\x1b]0;" + "t" * 60 + "\x07ok") == "ok"


def test_keys_and_text_are_kept() -> None:
    assert typed("soleimani") == "soleimani"
    assert [k.key for k in keys_of("\x1b[A\x1b[B\r\x7f")] == ["up", "down", "enter",
                                                               "backspace"]
    assert [k.key for k in keys_of("\x1bq")] == ["escape", "q"]  # (meta_keys.py)


SENT = [*CONTROLS, *("\x1b" + c for c in CONTROLS if c != "\x1b"), "\x1b/\x1b[A",
        "\x1b[27;5;47~", "\x1b[27;5;97~", "\x1b[1;5X", "\x1b[?1;2c", "\x1b]0;t\x07",
        "\x1b[47;5:1u"]


async def test_the_search_box_takes_no_control_byte_as_text(
        indexed_app_settings: Settings) -> None:
    """Each control byte, alone and after ESC, and the sequences above, through the parser
    into the dashboard as its driver sends them: a key the dashboard binds acts, and is not
    sent here (it may leave the box); every other leaves the box's text as it was."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        box = dashboard(app).box
        box.focus()
        await pilot.press(*"oil")
        await wait_for(pilot, lambda: box.value == "oil")
        sent = 0
        for data in SENT:
            keys = keys_of(data)
            bound = app.active_bindings  # (the box's, the screen's, the app's)
            if any(k.key in bound or k.key in ("enter", "tab", "escape", "up", "down")
                   for k in keys):
                continue
            for key in keys:
                app._driver.send_message(key)  # type: ignore[union-attr]
            await pilot.pause()
            assert box.value == "oil", repr(data)
            assert app.focused is box
            sent += 1
        assert sent >= 20  # (most of them are bound to nothing in the box)
