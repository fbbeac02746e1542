"""Parsing and cleaning on the cluster's workers, ahead of the indexer.

A stand-in for CorpusReader (same `read(sf)`, `position`, `line`): the files the indexer
will read are handed to the workers a few at a time, in its order; each worker parses and
cleans a whole file with the same CorpusReader, and the indexer takes the file's articles
and problems (with the position and line each came at) when it gets to it. So duplicates,
stamps and problems are handled by the indexer exactly as for a local read.

A file is read here instead when it is larger than REMOTE_MAX_MB (its articles would be
held whole on the way), or when a worker does not see it as listed (another size or
time: the corpus is not shared, or not at the same path); after the first such file, no
more are sent out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest.corpus import CorpusReader
from newsdesk.index.ingest.files import SourceFile
from newsdesk.index.models import Article, Problem

REMOTE_MAX_MB = 16
FILES_AHEAD_PER_THREAD = 2

# One entry per item read: (article or problem, reader position, reader line, or the
# exception the read stopped with in place of the item).
Row = tuple[Article | Problem | None, int, int, BaseException | None]


def read_file(settings: CorpusSettings, sf: SourceFile) -> list[Row] | None:
    """Run on a worker: every item of the file as CorpusReader reads it; None when the
    file here is not the one listed (absent, or of another size or time)."""
    try:
        stat = os.stat(sf.path)
    except OSError:
        return None
    if (stat.st_size, stat.st_mtime_ns) != (sf.size, sf.mtime_ns):
        return None
    reader = CorpusReader(settings)
    rows: list[Row] = []
    items = reader.read(sf)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return rows
        except Exception as exc:  # noqa: BLE001 - handed to the indexer, which reports it
            rows.append((None, reader.position, reader.line, exc))
            return rows
        rows.append((item, reader.position, reader.line, None))


class ClusterReader:
    def __init__(self, client: Any, settings: CorpusSettings, threads: int) -> None:
        self.client, self.settings = client, settings
        self.local = CorpusReader(settings)
        self.ahead = max(1, threads * FILES_AHEAD_PER_THREAD)
        self.position = 0
        self.line = 0
        self._queue: list[SourceFile] = []
        self._futures: dict[str, Any] = {}
        self._remote = True

    def prefetch(self, files: list[SourceFile]) -> None:
        """The files the indexer is about to read, in its order."""
        limit = REMOTE_MAX_MB * 1024 * 1024
        self._queue = [sf for sf in files if sf.size <= limit]
        self._fill()

    def _fill(self) -> None:
        while self._remote and self._queue and len(self._futures) < self.ahead:
            sf = self._queue.pop(0)
            self._futures[sf.path] = self.client.submit(read_file, self.settings, sf,
                                                        pure=False)

    def close(self) -> None:
        self._remote = False
        self.client.cancel(list(self._futures.values()))
        self._futures.clear()

    def read(self, sf: SourceFile) -> Iterator[Article | Problem]:
        self.position = self.line = 0
        future = self._futures.pop(sf.path, None)
        self._fill()
        try:
            rows = future.result() if future is not None else None
        except Exception:  # noqa: BLE001 - the worker, not the file, failed: read it here
            rows = None
        if rows is None:
            if future is not None:  # a worker does not see the corpus as listed here
                self.close()
            yield from self._read_here(sf)
            return
        for item, position, line, error in rows:
            self.position, self.line = position, line
            if error is not None:
                raise error
            assert item is not None
            yield item

    def _read_here(self, sf: SourceFile) -> Iterator[Article | Problem]:
        items = self.local.read(sf)
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                self.position, self.line = self.local.position, self.local.line
            yield item
