"""Escape and a character read together (tui/meta_keys.py): every character Textual reads as
Alt+character after an ESC comes out as Escape and the key the character alone is."""

from __future__ import annotations

import contextlib
import string

import pytest
from textual import events
from textual._parser import ParseError
from textual._xterm_parser import XTermParser

from newsdesk.tui.meta_keys import typed_keys


def parsed(data: str) -> list[events.Key]:
    parser = XTermParser()
    keys = [e for e in parser.feed(data) if isinstance(e, events.Key)]
    with contextlib.suppress(ParseError):  # (how the parser says its input ended)
        keys += [e for e in parser.feed("") if isinstance(e, events.Key)]
    return keys


@pytest.mark.parametrize("character", list(string.ascii_letters + string.digits + "éß"))
def test_escape_then_a_character_is_the_two_keys(character: str) -> None:
    [alone] = parsed(character)
    keys = [key for event in parsed("\x1b" + character) for key in typed_keys(event, False)]
    if len(keys) == 1:  # (not read as Alt+: Textual maps a few itself, "\x1b1" to "¡")
        assert not keys[0].key.startswith("alt+")
        return
    assert [(k.key, k.character) for k in keys] == [("escape", "\x1b"),
                                                   (alone.key, alone.character)]


def test_a_bound_alt_key_and_other_keys_are_kept() -> None:
    [alt_q] = parsed("\x1bq")
    assert typed_keys(alt_q, True) == [alt_q]
    for key in parsed("q\x1b[B\r"):
        assert typed_keys(key, False) == [key]
