"""The input thread's reading (tui/input_reading.py): keys split across reads, and the end
of the input, over a pipe and a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import threading
import time
import tty
from typing import Any

import pytest
from textual import events

from newsdesk.tui.input_reading import run_input_thread


def _run(fileno: int) -> tuple[list[Any], threading.Event, threading.Thread]:
    sent: list[Any] = []
    closed = threading.Event()
    stop = threading.Event()
    thread = threading.Thread(target=run_input_thread,
                              args=(fileno, stop.is_set, sent.append, False, closed.set),
                              daemon=True)
    thread.start()
    return sent, closed, thread


def _keys(sent: list[Any]) -> str:
    return "".join(e.character or "" for e in sent if isinstance(e, events.Key))


@pytest.mark.parametrize("split", [1, 2, 3])
def test_a_character_split_across_reads_is_one_key_and_the_input_goes_on(split: int) -> None:
    text = "aé€😀z".encode()
    read, write = os.pipe()
    sent, closed, thread = _run(read)
    for start in range(0, len(text), split):  # a multi-byte character in pieces
        os.write(write, text[start:start + split])
        time.sleep(0.02)
    deadline = time.monotonic() + 10
    while _keys(sent) != "aé€😀z" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _keys(sent) == "aé€😀z"
    assert not closed.is_set()
    os.close(write)
    thread.join(10)
    assert closed.is_set() and not thread.is_alive()
    os.close(read)


def test_a_terminal_that_hangs_up_ends_the_reading() -> None:
    """A pty whose other end is closed reads EIO (or nothing) at once, for good: the thread
    reports it and ends, where it had selected and read in a loop at full speed."""
    master, slave = pty.openpty()
    tty.setraw(slave)  # (as the driver sets it: keys as they come, not a line at a time)
    sent, closed, thread = _run(slave)
    os.write(master, b"ok")
    deadline = time.monotonic() + 10
    while _keys(sent) != "ok" and time.monotonic() < deadline:
        time.sleep(0.02)
    os.close(master)
    thread.join(10)
    assert _keys(sent) == "ok"
    assert closed.is_set() and not thread.is_alive()
    os.close(slave)
