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


PASTED = ["alpha\x1b[31mbeta gamma", "one\x1btwo three", "\x1b", "a\x1b[201", "x\x1b[200~y",
          "iran " * 150 + "\nsoleimani\x07\x1b[31m red \x08 tab\there" + " x" * 100, ""]


def _events(chunks: list[bytes]) -> list[Any]:
    read, write = os.pipe()
    sent, closed, thread = _run(read)
    for chunk in chunks:
        os.write(write, chunk)
        time.sleep(0.01)
    os.close(write)
    thread.join(10)
    assert closed.is_set() and not thread.is_alive()
    os.close(read)
    return sent


@pytest.mark.parametrize("pasted", PASTED, ids=[f"paste{i}" for i in range(len(PASTED))])
def test_a_bracketed_paste_is_one_paste_in_its_place_whatever_it_holds(pasted: str) -> None:
    """An Escape inside a paste (a line copied from a coloured log) made Textual's parser
    read a sequence: the keys after it came before the paste, and a long paste lost them.
    The paste is one Paste with every character, between the keys typed before and after,
    whether it arrives in one read or cut anywhere (its end marker too)."""
    data = ("q" + "\x1b[200~" + pasted + "\x1b[201~" + "z").encode()
    cuts = sorted({1, 2, 7, len(data) - 7, len(data) - 3, len(data) - 1} & set(range(1, len(data))))
    for at in [None, *cuts]:
        chunks = [data] if at is None else [data[:at], data[at:]]
        sent = [e for e in _events(chunks) if isinstance(e, events.Key | events.Paste)]
        if at is not None and at < 7:
            continue  # (a paste's start cut over two reads is the parser's, as before)
        described = [e.text if isinstance(e, events.Paste) else e.character for e in sent]
        assert described == ["q", pasted, "z"], (at, described)
