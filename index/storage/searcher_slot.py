"""A searcher with its own lock, and what is worked out from it kept until it changes.

A changed index is picked up by opening a new searcher, never by Searcher.refresh(),
which returns documents twice after a merge in whoosh-reloaded."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from whoosh.index import Index
from whoosh.searching import Searcher

Kept = TypeVar("Kept")


class SearcherSlot:
    """The engine keeps two: one for search as you type, one for the views of a result set
    (facets, timeline, concordance), so computing a view never makes the next keystroke's
    search wait."""

    def __init__(self, ix: Index) -> None:
        self.ix = ix
        self.lock = threading.RLock()
        self.searcher: Searcher = ix.searcher()
        self._kept: dict[Callable[[Searcher], Any], Any] = {}

    def kept(self, make: Callable[[Searcher], Kept]) -> Kept:
        """(Hold the lock.) `make(searcher)`, made once for this searcher (per-searcher
        caches: the facet table, the terms' documents)."""
        found = self._kept.get(make)
        if found is None:
            found = self._kept[make] = make(self.searcher)
        return found

    def refresh(self) -> bool:
        """Open a new searcher if the index changed; True if it did."""
        with self.lock:
            if self.searcher.up_to_date():
                return False
            self.searcher.close()
            self.searcher = self.ix.searcher()
            self._kept.clear()
            return True

    def close(self) -> None:
        with self.lock:
            self.searcher.close()
