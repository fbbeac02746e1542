"""A handed-on batch's actor extraction split over two processes, joined in article order.

With a batch handed on (ingest/overlap.py), one extraction process set the pace of a first
build: it ran at a full core from the first batch to the last, while the indexer and the
segment writer between them left the second core about a fifth idle. Here each batch is
cut in two at half its characters (not half its articles: a long article takes longer)
and each part goes to a process of its own; both come from the same fork server with the
same dictionaries (ingest/extract_process.py). Each article is extracted on its own, by
an extractor of the same dictionaries, so the two parts' mentions, acronyms and `actors`
fields put one after the other are what one process finds in the whole batch.

The second process is started once a run hands on a second batch of short articles (a
run of one batch, an add, starts none; nor one of long articles: ingest/overlap.py's
SPLIT_CHARS), and ended after SPLIT_UNTIL documents (its memory beside a long run's
merges). Where it cannot be had, the first goes on alone; where the
first cannot, or a process is gone when a batch is sent, the caller extracts the batch
itself, as before; one that fails or dies during a batch fails it with its message, like
the single process did."""

from __future__ import annotations

import os
from bisect import bisect_left
from itertools import accumulate

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.ingest.extract_process import ExtractionProcess, Texts

Found = tuple[Extracted, list[str | None]]

def cores() -> int:
    """The cores this process may run on (its affinity; the machine's without one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def split_at(texts: Texts) -> int:
    """Where to cut a batch of two articles or more in two (the first article of the
    second part): at the article that reaches half its characters."""
    sizes = list(accumulate(len(title) + len(text) for _, title, text in texts))
    at = bisect_left(sizes, sizes[-1] / 2)
    return min(len(texts) - 1, max(1, at))


def joined(parts: list[Found]) -> Found:
    """The parts' findings, in the order of the parts, as one batch's."""
    if len(parts) == 1:
        return parts[0]
    extracted = Extracted()
    actors: list[str | None] = []
    for part, fields in parts:
        extracted.extend(part)
        actors.extend(fields)
    return extracted, actors


class Extractions:
    """The run's extraction processes: one, and a second once `widen`ed: `send` a batch,
    `ready` when all of it is extracted, `receive` what was found (one batch at a time)."""

    def __init__(self, dictionaries: Dictionaries, fork_here: bool = False) -> None:
        self._dictionaries, self._fork_here = dictionaries, fork_here
        self._processes = [ExtractionProcess(dictionaries, fork_here)]
        self._sent: list[ExtractionProcess] = []  # those extracting the batch, in order
        self._widens = True  # (False once a second process could not be had)

    @property
    def wide(self) -> bool:
        return len(self._processes) > 1

    def widen(self) -> None:
        """Start the second process, if none is running (it imports while the indexer
        reads on); where none can be had, the first goes on alone."""
        if self.wide or not self._widens:
            return
        try:
            self._processes.append(ExtractionProcess(self._dictionaries, self._fork_here))
        except (OSError, RuntimeError, ValueError):
            self._widens = False

    def narrow(self) -> None:
        """End the second process, its memory given back (between batches)."""
        while self.wide and not self._sent:
            self._processes.pop().close()

    def send(self, texts: Texts, split: bool = True) -> None:
        """Start extracting a batch (OSError: a process is gone); in two parts if the
        second process runs and `split`."""
        if not (split and self.wide) or len(texts) < 2:
            parts = [texts]
        else:
            at = split_at(texts)
            parts = [texts[:at], texts[at:]]
        self._sent = self._processes[:len(parts)]
        for process, part in zip(self._sent, parts, strict=True):
            process.send(part)

    def ready(self) -> bool:
        """Whether the batch's mentions have all come (receive would not wait)."""
        return all(process.ready() for process in self._sent)

    def receive(self) -> Found:
        sent, self._sent = self._sent, []
        return joined([process.receive() for process in sent])

    def kill(self) -> None:
        self._sent = []
        for process in self._processes:
            process.kill()

    def close(self) -> None:
        for process in self._processes:
            process.close()
