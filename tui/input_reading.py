"""The terminal driver's input thread, with each read's keys made before any is sent on.

Textual's Linux driver (textual 8.2.8, pinned) parses what one `os.read` returned lazily:
it makes a key, sends it to the app, then makes the next. A key carries when it was made
(Message.time), and a dialog that one key opens takes no key made before it opened
(tui/dialogs/typeahead.py). On a busy machine the interpreter could switch threads between
two keys of one read: "hyundai" pasted into the actor list, the app ran "h" and opened its
question before the driver made "y", which then came after the question and answered it
(seen in a full test run beside a million-article build). Here every key of a read is made,
and stamped with the moment the read returned, before the first is sent: keys that arrived
together are one burst to every rule that reads their times."""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable
from typing import Any

from textual._loop import loop_last
from textual._time import get_time
from textual._xterm_parser import XTermParser


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
    parser = XTermParser(debug)
    decode = getincrementaldecoder("utf-8")().decode

    def process(selected: list[tuple[selectors.SelectorKey, int]], final: bool = False
                ) -> bool:
        """Whether the input goes on (False: it has ended)."""
        for last, (_key, mask) in loop_last(selected):
            if mask & selectors.EVENT_READ:
                try:
                    raw = os.read(fileno, 1024 * 4)
                except OSError:  # (EIO: the terminal's other end is closed)
                    return False
                if not raw:
                    return False
                data = decode(raw, final=final and last)
                read_at = get_time()  # (the clock Message.time is read from)
                events = list(parser.feed(data)) if data else []
                for event in events:
                    event.time = read_at
                for event in events:
                    send(event)
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
