"""The terminal driver's input thread, with each read's keys made before any is sent on.

Textual's Linux driver (textual 8.2.8, pinned) parses what one `os.read` returned lazily:
it makes a key, sends it to the app, then makes the next. A key carries when it was made
(Message.time), and a dialog that one key opens takes no key made before it opened
(tui/dialogs/typeahead.py). On a busy machine the interpreter could switch threads between
two keys of one read: "hyundai" pasted into the actor list, the app ran "h" and opened its
question before the driver made "y", which then came after the question and answered it
(seen in a full test run beside a million-article build). Here every key of a read is made,
and stamped with the moment the read returned, before the first is sent: keys that arrived
together are one burst to every rule that reads their times.

A bracketed paste is cut out here, before the parser sees it: Textual's parser reads an
Escape inside a paste as the start of a sequence, so a line copied from a coloured log
("alpha\x1b[31mbeta") came out as the keys "^[31mbeta" typed before the paste "alpha",
and a long paste lost what followed the Escape. The text between the paste's brackets is
sent as one Paste, in its place among the keys, whatever it holds (the search box shows a
control character as its symbol).

The parser is Textual's with nothing a terminal sends as a control sequence made into typed
text (tui/key_parser.py).

The bytes that were waiting when newsdesk took the terminal (tui/early_terminal.py) are
read apart from those that came after, and their keys marked as typed early."""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable
from typing import Any

from textual import events
from textual._loop import loop_last
from textual._time import get_time
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START

from newsdesk.tui import early_terminal
from newsdesk.tui.key_parser import KeyParser


class PasteCutter:
    """Splits the decoded input into what the parser reads and the bracketed pastes in it:
    `feed` gives a read's pieces in order, each a str for the parser or a Paste event. A
    paste's end marker split over two reads is held until the next; a paste's start split
    over two reads is left to the parser, as before (holding back a lone Escape would delay
    the Escape key)."""

    def __init__(self) -> None:
        self.pasting = False
        self._paste: list[str] = []
        self._held = ""  # (in a paste: the start of an end marker, at a read's end)

    def feed(self, data: str) -> list[str | events.Paste]:
        pieces: list[str | events.Paste] = []
        data, self._held = self._held + data, ""
        while data:
            if not self.pasting:
                start = data.find(BRACKETED_PASTE_START)
                if start < 0:
                    pieces.append(data)
                    break
                if start:
                    pieces.append(data[:start])
                self.pasting, data = True, data[start + len(BRACKETED_PASTE_START):]
                continue
            end = data.find(BRACKETED_PASTE_END)
            if end < 0:
                keep = _marker_start(data, BRACKETED_PASTE_END)
                self._paste.append(data[:len(data) - keep])
                self._held = data[len(data) - keep:]
                break
            self._paste.append(data[:end])
            # (NUL dropped, as Textual does: its Input cannot show it)
            pieces.append(events.Paste("".join(self._paste).replace("\x00", "")))
            self._paste.clear()
            self.pasting, data = False, data[end + len(BRACKETED_PASTE_END):]
        return pieces


def _marker_start(data: str, marker: str) -> int:
    """How many characters at the end of `data` begin `marker` (0: none)."""
    for size in range(min(len(marker) - 1, len(data)), 0, -1):
        if data.endswith(marker[:size]):
            return size
    return 0


def run_input_thread(fileno: int, stopped: Callable[[], bool],
                     send: Callable[[Any], None], debug: bool = False,
                     closed: Callable[[], None] = lambda: None) -> None:
    """Read `fileno` until `stopped()`, sending each event parsed (Textual's loop, but a
    read's events are all made and stamped before the first is sent). Where the input has
    ended (the terminal hung up: an SSH session dropped, its tmux killed), `closed()` is
    called and the thread ends: Textual's loop went on selecting a descriptor that is
    always readable and reads nothing, a core spun at full speed for as long as the
    dashboard was left running with nobody to see it."""
    selector = selectors.SelectSelector()
    selector.register(fileno, selectors.EVENT_READ)
    parser = KeyParser(debug)
    cutter = PasteCutter()
    decode = getincrementaldecoder("utf-8")().decode
    # Bytes typed before newsdesk had the terminal (once: not again after the pager).
    early, early_terminal.typed_before = early_terminal.typed_before, 0

    def process(selected: list[tuple[selectors.SelectorKey, int]], final: bool = False
                ) -> bool:
        """Whether the input goes on (False: it has ended)."""
        nonlocal early
        for last, (_key, mask) in loop_last(selected):
            if mask & selectors.EVENT_READ:
                try:
                    raw = os.read(fileno, min(early, 1024 * 4) if early else 1024 * 4)
                except OSError:  # (EIO: the terminal's other end is closed)
                    return False
                if not raw:
                    return False
                data = decode(raw, final=final and last)
                read_at = get_time()  # (the clock Message.time is read from)
                if early:
                    early = max(0, early - len(raw))
                    early_terminal.early_until = read_at
                made: list[Any] = []
                for piece in cutter.feed(data) if data else []:
                    if isinstance(piece, str):
                        made.extend(parser.feed(piece))
                    else:
                        made.append(piece)
                for event in made:
                    event.time = read_at
                for event in made:
                    send(event)
        if not cutter.pasting:
            for event in parser.tick():  # (a lone Escape, once no sequence follows it)
                send(event)
        return True

    try:
        while not stopped():
            if not process(selector.select(0.1)):
                closed()
                return
        selector.unregister(fileno)
        process(selector.select(0.1), final=True)
    finally:
        selector.close()
