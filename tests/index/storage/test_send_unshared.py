"""A message sent without the pickler's memo (fork_server.send_unshared) comes back through
`recv` equal to what was sent, values met twice in it included; one that holds itself is
refused, not sent."""

from __future__ import annotations

import multiprocessing

import pytest

from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.storage.fork_server import send_unshared


def test_a_batchs_mentions_come_back_as_sent() -> None:
    ours, theirs = multiprocessing.Pipe()
    article = "bbc-0001"
    rows = [(article, "blair", "Tony Blair", 2, "0-10 40-50", "", 1, 0, "", 0),
            (article, "brown", "Brown", 1, "", "3-8", 0, 1, "party", 1)]
    found = Extracted(mentions=rows, acronyms=[(article, "UN", "United Nations")])
    message = ("done", (found, ["blair,brown", None, "é ü"]))
    send_unshared(ours, message)
    back = theirs.recv()
    assert back == message
    assert back[1][0].mentions == rows and back[1][0].acronyms == found.acronyms


def test_a_message_that_holds_itself_is_refused() -> None:
    ours, theirs = multiprocessing.Pipe()
    looped: list[object] = []
    looped.append(looped)
    with pytest.raises((ValueError, RecursionError)):
        send_unshared(ours, ("done", looped))
    assert not theirs.poll()
