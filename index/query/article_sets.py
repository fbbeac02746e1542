"""A set of articles named by id, as a query: what `tag:` and `is:` compile to. Tags are a
person's data, not the index's, so the tagged articles are found by their ids (the `id`
field's terms) and the set only ever filters: it matches, it never ranks (a date range is
treated the same way, query/matching.py)."""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq


class ArticleSet(wq.Or):
    """The articles whose id is in `ids`: an OR of their id terms, which Whoosh can run as
    it is, marked as a filter for the exact matching (query/matching.py `scored_part`)."""

    def __init__(self, ids: Iterable[str], label: str = "") -> None:
        self.ids = frozenset(ids)
        self.label = label  # tag:lead, is:starred (for repr and tests)
        super().__init__([wq.Term("id", i) for i in sorted(self.ids)])

    def __repr__(self) -> str:
        return f"ArticleSet({self.label!r}, {len(self.ids)} articles)"

    def normalize(self) -> wq.Query:
        # Whoosh's own run (anything query/ranking.py does not take) of an empty set: none.
        return wq.NullQuery if not self.ids else super().normalize()
