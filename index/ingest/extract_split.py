"""A handed-on batch's actor extraction split over two processes, joined in article order.

With a batch handed on (ingest/overlap.py), one extraction process set the pace of a first
build: it ran at a full core from the first batch to the last, while the indexer and the
segment writer between them left the second core about a fifth idle. Here each batch is
cut in two at half its characters (not half its articles: a long article takes longer)
and each part goes to a process of its own; both come from the same fork server with the
same dictionaries (ingest/extract_process.py). Each article is extracted on its own, by
an extractor of the same dictionaries, so the two parts' mentions, acronyms and `actors`
fields put one after the other are what one process finds in the whole batch.

A process that cannot be started, or is gone when a batch is sent, is as before: the
caller extracts the batch itself. One that fails or dies during a batch fails it with its
message, like the single process did."""

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
        extracted.mentions.extend(part.mentions)
        extracted.acronyms.extend(part.acronyms)
        actors.extend(fields)
    return extracted, actors


class Extractions:
    """The run's extraction processes (`count` of them, started at once): `send` a batch,
    `ready` when all of it is extracted, `receive` what was found (one batch at a time)."""

    def __init__(self, dictionaries: Dictionaries, count: int) -> None:
        self._processes: list[ExtractionProcess] = []
        try:
            for _ in range(count):
                self._processes.append(ExtractionProcess(dictionaries))
        except BaseException:
            self.kill()
            raise
        self._sent: list[ExtractionProcess] = []  # those extracting the batch, in order

    def send(self, texts: Texts) -> None:
        """Start extracting a batch (OSError: a process is gone)."""
        if len(self._processes) == 1 or len(texts) < 2:
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
        for process in self._processes:
            process.kill()

    def close(self) -> None:
        for process in self._processes:
            process.close()
