"""Documents in date order (newest or oldest first, then by id), for the empty query's
newest articles and for results sorted by date. Every document's date is read once per
searcher from the sortable date column (one array); ids are read from the stored fields
only for the documents that can make the page, and kept."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from whoosh.searching import Searcher

# What Whoosh's numeric column holds for a document without a date.
_NO_DATE = np.uint64(2**64 - 1)


class DateOrder:
    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        parts = []
        for reader, offset in searcher.reader().leaf_readers():
            count = reader.doc_count_all()
            if reader.has_column("date"):
                values = np.fromiter(reader.column_reader("date", translate=False),
                                     dtype=np.uint64, count=count)
            else:
                values = np.full(count, _NO_DATE, dtype=np.uint64)
            parts.append((offset, values))
        total = searcher.reader().doc_count_all()
        self.dates = np.full(total, _NO_DATE, dtype=np.uint64)
        for offset, values in parts:
            self.dates[offset:offset + len(values)] = values
        self._ids: dict[int, str] = {}

    def _id(self, docnum: int) -> str:
        found = self._ids.get(docnum)
        if found is None:
            found = self._ids[docnum] = self.searcher.stored_fields(docnum)["id"]
        return found

    def first(self, docnums: Iterable[int], limit: int | None, newest: bool) -> list[str]:
        """The ids of the first `limit` (None: all) of `docnums`, newest (or oldest) first,
        ties by id (reversed with the dates for newest); undated documents last, by id."""
        docs = np.fromiter(docnums, dtype=np.int64)
        if not len(docs):
            return []
        dates = self.dates[docs]
        dated, undated = docs[dates != _NO_DATE], docs[dates == _NO_DATE]
        ordered = self._in_order(dated, limit, newest)
        if limit is None or len(ordered) < limit:
            rest = None if limit is None else limit - len(ordered)
            ordered += self._in_order(undated, rest, newest, by_id_only=True)
        return ordered

    def _in_order(self, docs: np.ndarray, limit: int | None, newest: bool,
                  by_id_only: bool = False) -> list[str]:
        if not len(docs):
            return []
        if not by_id_only and limit is not None and limit < len(docs):
            # Only the documents dated at least as well as the limit-th can make the page:
            # their ids are read, not every match's.
            keys = self.dates[docs]
            kth = np.partition(keys, len(keys) - limit)[len(keys) - limit] if newest \
                else np.partition(keys, limit - 1)[limit - 1]
            docs = docs[keys >= kth] if newest else docs[keys <= kth]
        dates = self.dates
        pairs = sorted(((int(dates[d]), self._id(int(d))) for d in docs.tolist()),
                       reverse=newest)
        return [article_id for _, article_id in (pairs if limit is None else pairs[:limit])]
