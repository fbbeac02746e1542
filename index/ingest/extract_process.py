"""A batch's actor mentions extracted in a process of their own, a batch ahead.

Actor extraction was about 60% of the indexer's process: while it ran there, the indexer
could do nothing else, and the segment-writing process (storage/segment_process.py)
waited for the actor keys with its own work done. Here a process extracts a batch's
mentions while the indexer commits the batch before it, marks it done in the article
store and reads and stages the batch after it: three processes share the two cores, and
extraction, not the indexer, sets the pace (ingest/indexer.py's `_Overlap`).

The extraction is the indexer's own (`extract_batch`, the same function for a batch
extracted in the indexer's process), article by article with an extractor of the same
dictionaries: what it finds is the same.

The process comes from the same fork server as the segment writer's, for the same
reasons (segment_process.py); one serves a whole run; it ignores Ctrl-C, its output goes
nowhere, and it ends when the indexer closes the pipe or is gone. A failure fails the
batch with its message."""

from __future__ import annotations

import os
import signal
from multiprocessing.connection import Connection

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.rows import make_extractor
from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.storage import run_stop
from newsdesk.index.storage.fork_server import (
    ServedProcess,
    helper_context,
    release_memory,
    send_unshared,
    silence,
)
from newsdesk.index.storage.gc_batches import collect_less
from newsdesk.index.storage.heap_bound import bound_heap

# (id, title, text) of each article of a batch: what extraction reads of it.
Texts = list[tuple[str, str, str]]


def actors_value(keys: set[str]) -> str | None:
    """The `actors` field of an article mentioning the actors of these name keys."""
    return ",".join(sorted(keys)) if keys else None


def extract_batch(extractor: Extractor, texts: Texts
                  ) -> tuple[Extracted, list[str | None]]:
    """The batch's mentions as the store keeps them, and each article's `actors` field.
    (In the indexer, its share of a batch: a stop asked of the run ends it, run_stop.py.)"""
    extracted = Extracted()
    actors: list[str | None] = []
    for number, (i, title, text) in enumerate(texts):
        if number % STOP_EVERY == 0:
            run_stop.check()
        actors.append(actors_value(extracted.add_text(extractor, i, title, text)))
    return extracted, actors


STOP_EVERY = 32  # articles extracted between looks at a stop (long ones: 0.1 s or so)


class ExtractionProcess(ServedProcess):
    """The process, started with the run's dictionaries: `send` a batch, then `receive`
    what it found (one batch at a time)."""

    def __init__(self, dictionaries: Dictionaries, fork_here: bool = False) -> None:
        """`fork_here`: a plain fork of this process where it can be (fork_server's
        helper_context)."""
        super().__init__(_serve, (dictionaries,), "newsdesk-actor-extraction",
                         "actor-extraction", helper_context(fork_here))

    def ready(self) -> bool:
        """Whether the batch's mentions have come (receive would not wait)."""
        return self._conn.poll()

    def receive(self) -> tuple[Extracted, list[str | None]]:
        found: tuple[Extracted, list[str | None]] = self.result("the batch's mentions")[0]
        return found


def _serve(conn: Connection, dictionaries: Dictionaries) -> None:
    """The extracting process: batch after batch until told to stop or the indexer is
    gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.umask(0o077)
    silence()
    extractor = make_extractor(dictionaries)
    with collect_less():  # (the extractor's tables frozen, never walked again)
        _serve_batches(conn, extractor)


def _serve_batches(conn: Connection, extractor: Extractor) -> None:
    while True:
        try:
            texts = conn.recv()
        except (EOFError, OSError):
            return
        if texts is None:
            return
        try:
            found = extract_batch(extractor, texts)
        except Exception as exc:  # noqa: BLE001 - reported by the indexer
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
            return
        try:
            send_unshared(conn, ("done", found))  # (rows of strings and numbers)
        except (EOFError, OSError):
            return
        del texts, found
        if extractor.many_names:  # (its names' caches refilled batch after batch)
            bound_heap()
        release_memory()
