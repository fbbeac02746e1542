"""A set of articles named by id, as a query: what `tag:` and `is:` compile to. Tags are a
person's data, not the index's, so the tagged articles are found by their ids and the set
only filters: it matches and adds nothing to a score (query/matching.py takes their
documents from a table of ids, query/ranking.py counts them as matched with no score)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from newsdesk.index.storage.doc_matchers import docs_matcher


class ArticleSet(wq.Or):
    """The articles whose id is in `ids`. To Whoosh (a query query/ranking.py leaves to it)
    an OR of their id terms, made only if Whoosh asks: 19,000 term objects cost 60 ms."""

    def __init__(self, ids: Iterable[str] | Iterable[wq.Query], label: str = "",
                 boost: float = 1.0, minmatch: int = 0, scale: float | None = None) -> None:
        items = list(ids)
        self._terms: list[wq.Query] | None = None
        if items and isinstance(items[0], wq.Query):  # Whoosh making one from its terms
            self._terms = items  # type: ignore[assignment]
            items = [q.text for q in items if isinstance(q, wq.Term)]  # type: ignore[union-attr]
        self.ids = frozenset(items)  # type: ignore[arg-type]
        self.label = label  # tag:lead, is:starred (for repr and tests)
        self.boost = boost
        self.minmatch = minmatch
        self.scale = scale

    @property  # type: ignore[override]
    def subqueries(self) -> list[wq.Query]:
        if self._terms is None:
            self._terms = [wq.Term("id", i) for i in sorted(self.ids)]
        return self._terms

    @subqueries.setter
    def subqueries(self, value: list[wq.Query]) -> None:
        self._terms = list(value)

    def __repr__(self) -> str:
        return f"ArticleSet({self.label!r}, {len(self.ids)} articles)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleSet) and other.ids == self.ids

    def __hash__(self) -> int:
        return hash(self.ids)

    def normalize(self) -> wq.Query:
        # Whoosh's own run of an empty set: nothing matches.
        return wq.Or(self.subqueries).normalize() if self.ids else wq.NullQuery


class DocSet(wq.Query):
    """Documents of one searcher by number, as a query: the matches a check of their text
    turned down (Engine._confirmed). Made and used under one searcher's lock, by segment
    reader, so that Whoosh's per-segment matchers find their own; as ArticleSet, it
    matches and adds nothing to a score. (By id, an ArticleSet, it read every id of the
    index into a table: 70 ms at 2,225 articles, seconds and 100 MB at a million.)"""

    def __init__(self, searcher: Searcher, docnums: Iterable[int], label: str = "") -> None:
        ordered = np.array(sorted(docnums), np.int64)
        self._segments: dict[int, tuple[object, np.ndarray]] = {}
        for reader, offset in searcher.reader().leaf_readers():
            low, high = np.searchsorted(ordered, [offset, offset + reader.doc_count_all()])
            if high > low:
                self._segments[id(reader)] = (reader, ordered[low:high] - offset)
        self.count = len(ordered)
        self.label = label
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"DocSet({self.label!r}, {self.count} documents)"

    def __eq__(self, other: object) -> bool:
        return other is self

    def __hash__(self) -> int:
        return id(self)

    def estimate_size(self, ixreader: object) -> int:
        return self.count

    def docnums(self, searcher: Searcher) -> set[int]:
        """Its documents as `searcher` (the one it was made for, or one of its segments')
        numbers them."""
        found: set[int] = set()
        for reader, offset in searcher.reader().leaf_readers():
            held = self._segments.get(id(reader))
            if held is not None and held[0] is reader:
                found.update((held[1] + offset).tolist())
        return found

    def matcher(self, searcher: Searcher, context: object = None) -> Any:
        return docs_matcher(sorted(self.docnums(searcher)))
