"""The latency probe: with NEWSDESK_LATENCY_LOG set, each keystroke's time to its results
on screen goes to that file, the time from results to each view (timeline, facets,
concordance) to LOG.views, and the reader's n/N to the refresh that painted the match
reached to LOG.reader (with the article's length). The benchmarks
(tests/bench/ui_latency.py) read them."""

from __future__ import annotations

import os
import time
from typing import TextIO

from newsdesk.index.locations import private_fd


class LatencyProbe:
    def __init__(self, path: str | None = None) -> None:
        self.path = path if path is not None else os.environ.get("NEWSDESK_LATENCY_LOG")
        self._typed_at: dict[str, float] = {}  # query -> when it was typed
        self._painted_at: dict[str, float] = {}  # query -> when its results were painted

    @property
    def on(self) -> bool:
        return bool(self.path)

    def typed(self, query: str) -> None:
        if self.path:
            self._typed_at[query] = time.perf_counter()

    def typed_at(self, query: str) -> float | None:
        """When `query` was typed, if it was and is not yet logged (then forgotten)."""
        return self._typed_at.pop(query, None)

    def results_painted(self, query: str, typed: float) -> None:
        """Keystroke (Input.Changed) to the refresh that painted its results."""
        assert self.path
        self.mark_painted(query)
        with _append(self.path) as log:
            log.write(f"{(time.perf_counter() - typed) * 1000:.2f}\t{query}\n")

    def mark_painted(self, query: str) -> None:
        self._painted_at[query] = time.perf_counter()

    def view_painted(self, view: str, query: str) -> None:
        """Results painted to a view (facets, kwic, timeline) painted, in LOG.views."""
        painted = self._painted_at.get(query)
        if self.path and painted is not None:
            with _append(self.path + ".views") as log:
                log.write(f"{(time.perf_counter() - painted) * 1000:.2f}\t{view}\t{query}\n")

    def match_painted(self, started: float, characters: int) -> None:
        """The reader's n/N key to the refresh that painted the match it reached."""
        if self.path:
            with _append(self.path + ".reader") as log:
                log.write(f"{(time.perf_counter() - started) * 1000:.2f}\t{characters}\n")


def _append(path: str) -> TextIO:
    """A log of the user's: the owner's only, as every file newsdesk makes."""
    return open(private_fd(path, os.O_WRONLY | os.O_APPEND), "a", encoding="utf-8")
