"""Textual's terminal parser, with nothing a terminal sends as a control sequence ever made
into typed text. Every byte from the terminal passes here (tui/input_reading.py), so this is
the one place that decides what is a key and what is a character.

Textual 8.2.8 (pinned) let three kinds of terminal input reach an Input as characters:

- A sequence it does not know (a key it has no name for, "\\x1b[1;5X"; a terminal's answer
  to a query, "\\x1b[?1;2c"; a title, "\\x1b]0;t\\x07") is re-sent as the keys of its
  characters: "[1;5X" went into the search box. Cut short by another ESC, its own ESC came
  as a "^": Alt+/ (or a terminal's ESC /) followed by any sequence put "^/" there (an outside
  tester saw it). Here the control sequence is dropped whole (ECMA-48's shapes: CSI, SS3,
  OSC, DCS, APC, PM, SOS); an ESC and one character stays Alt+character, as Textual reads it
  (meta_keys.py makes it the two keys); characters that came after the sequence are keys.
- xterm's modifyOtherKeys form of a Ctrl key ("\\x1b[27;5;47~", Ctrl+/ as tmux sends it with
  extended keys on) came with its plain character: Ctrl+/ typed "/", Ctrl+A "a". A key with
  Ctrl, Super, Hyper or Meta held carries no character here (its binding is by name).
- kitty's form with an event type ("\\x1b[47;5:1u") raised ValueError in the parser, which
  ended the thread reading the keyboard: every key after it was lost. The event type is
  read (a release is no key press)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from typing import Any

from textual import events
from textual._xterm_parser import _MAX_SEQUENCE_SEARCH_THRESHOLD, XTermParser
from textual.keys import Keys

ESC = "\x1b"
_ST = "\x1b\\"  # a control string's end
# ECMA-48: CSI is ESC [, parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final
# byte 0x40-0x7E; SS3 (ESC O) takes one character; the control strings (OSC ESC ],
# DCS ESC P, APC ESC _, PM ESC ^, SOS ESC X) end at ST (ESC \) or, as xterm allows, BEL.
_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*(?:[@-~]|\Z)")
_SS3 = re.compile(r"\x1bO(?:.|\Z)", re.S)
_STRING = re.compile(r"\x1b[\]P_^X].*?(?:\x07|\x1b\\|\Z)", re.S)
_HELD = ("ctrl+", "super+", "hyper+", "meta+")
_KITTY_TYPED = re.compile(r"(\x1b\[[\d:]*;\d+):(\d+)([u~ABCDEFHPQRS])")
_RELEASE = "3"  # kitty's event type of a key let go


def control_sequence_end(text: str) -> int:
    """Where the terminal control sequence at the start of `text` ends (one cut short by the
    end of `text` ends there); 0 if `text` starts with none. An ESC and one character alone
    ("\\x1b[" after a timeout) is Alt+character, not a sequence."""
    if len(text) < 3 or text[0] != ESC:
        return 0
    for shape in (_CSI, _SS3, _STRING):
        if (found := shape.match(text)) is not None:
            return found.end()
    return 0


def _no_character(key: events.Key) -> events.Key:
    """`key` without its printable character where a Ctrl (Super, Hyper, Meta) is held."""
    if key.character is not None and key.character.isprintable() \
            and any(held in key.key for held in _HELD):
        return events.Key(key.key, None)
    return key


def _ended(sequence: str) -> bool:
    """Whether a control sequence (its end found by `control_sequence_end`) has its final
    byte (a CSI), or its terminator (a control string), rather than being cut short."""
    if sequence[1] == "[":
        return "@" <= sequence[-1] <= "~"
    return sequence.endswith(("\x07", "\x1b\\"))


def _alt(key: events.Key, character: str) -> events.Key:
    """ESC and a character as Alt+character, whatever the character: Textual names Alt
    only with a letter or digit, so ESC / was a bare "/" typed, and the Escape lost."""
    if key.key.startswith("alt+") or len(character) != 1 or not character.isprintable():
        return key
    return events.Key(f"alt+{key.key}", character)


class KeyParser(XTermParser):
    """XTermParser whose re-sent sequences (`debug_log` is told of each, "REISSUE", before
    their characters are made into keys one by one) are made into keys here instead."""

    def __init__(self, debug: bool = False) -> None:
        self._swallow = 0  # characters of a re-sent sequence still to come: made here
        # A sequence longer than Textual looks (32) is re-sent before its end: the CSI's
        # (or control string's) bytes still to come, read as single characters, are
        # dropped too ("" when none is open).
        self._open = ""
        super().__init__(debug)

    def debug_log(self, *args: Any) -> None:
        if len(args) == 2 and args[0] == "REISSUE":
            sequence = ast.literal_eval(args[1])  # (Textual logs it as its repr)
            self._swallow = len(sequence)
            self._tokens.extend(self._reissued(sequence))
        super().debug_log(*args)

    def _reissued(self, sequence: str) -> list[events.Key]:
        """The keys of a sequence Textual did not know: its control sequence dropped, ESC and
        one character Alt+character, the rest each the key of its character."""
        keys: list[events.Key] = []
        rest = sequence
        if self._open not in ("", "[") and rest.startswith(_ST):  # (a string's end)
            self._open, rest = "", rest[2:]
        if (end := control_sequence_end(rest)) > 0:
            # Cut short: a CSI by Textual's limit, a control string by its end's ESC too.
            if end == len(rest) and not _ended(rest) and (
                    rest[1] != "[" or end > _MAX_SEQUENCE_SEARCH_THRESHOLD):
                self._open = rest[1]
            rest = rest[end:]
        elif rest.startswith(ESC) and len(rest) > 1:
            keys += [_alt(k, rest[1]) for k in super()._sequence_to_key_events(rest[1], alt=True)]
            rest = rest[2:]
        elif rest == ESC:
            keys.append(events.Key("escape", ESC))
            rest = ""
        for character in rest:
            keys += super()._sequence_to_key_events(character)
        return [_no_character(k) for k in keys if k.key != Keys.Ignore]

    def _sequence_to_key_events(self, sequence: str, alt: bool = False
                                ) -> Iterable[events.Key]:
        if self._swallow:  # (a character of a re-sent sequence: its keys are made)
            # Textual skips the ESC it reads as Alt: one call fewer.
            self._swallow -= 2 if alt and self._swallow > 1 and sequence != ESC else 1
            return
        if self._open and len(sequence) == 1:  # (the rest of a long sequence)
            if self._open != "[" and sequence == "\x07" or self._open == "[" \
                    and not " " <= sequence <= "?":
                self._open = ""
            return
        if not (sequence.startswith(_ST) or _ST.startswith(sequence)):
            self._open = ""
        typed = _KITTY_TYPED.fullmatch(sequence)
        if typed is not None:
            if typed.group(2) == _RELEASE:
                yield events.Key(Keys.Ignore, sequence)
                return
            sequence = typed.group(1) + typed.group(3)
        try:
            keys = list(super()._sequence_to_key_events(sequence, alt))
        except ValueError:  # (a form Textual cannot read: no key, and no end of the input)
            keys = [events.Key(Keys.Ignore, sequence)]
        for key in keys:
            yield _no_character(key)
