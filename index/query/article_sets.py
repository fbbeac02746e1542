"""A set of articles named by id, as a query: what `tag:` and `is:` compile to. Tags are a
person's data, not the index's, so the tagged articles are found by their ids and the set
only filters: it matches and adds nothing to a score (query/matching.py takes their
documents from a table of ids, query/ranking.py counts them as matched with no score)."""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq


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
