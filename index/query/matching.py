"""The documents a query matches, as a set of document numbers.

Two reasons not to take Whoosh's word for it. Its top-N collector prunes the query tree as
the heap fills (`Matcher.replace`) and then counts only what it still visited, so
`len(searcher.search(q, limit=20))` undercounts: 502 of 1,453 Reuters articles for `oil`,
288 of 803 for `oil date:1987-03`. And `all_ids()` walks a posting list one id at a time
through Python calls (about 3 µs each), where a block of up to 512 ids (storage/codec.py)
decodes in one call. So terms are read a block at a time and AND / OR / NOT become set
operations in C."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from typing import Protocol

from whoosh import query as wq
from whoosh.searching import Searcher

from newsdesk.index.query.article_sets import ArticleSet, DocSet
from newsdesk.index.query.phrases import PhraseCache, has_positions, phrase_docnums
from newsdesk.index.storage.id_docs import IdDocs
from newsdesk.index.storage.posting_arrays import live, term_arrays


def term_docnums(searcher: Searcher, fieldname: str, text: str) -> set[int]:
    """Every live document (searcher-wide numbers) whose `fieldname` holds `text`."""
    found: set[int] = set()
    for reader, offset in searcher.reader().leaf_readers():
        docnums = term_arrays(reader, fieldname, text).docnums
        found.update((docnums[live(reader, docnums)] + offset).tolist())
    return found


class TermDocs:
    """Each term's documents, cached for one searcher: search as you type asks for the same
    words at every keystroke ("oil", "oil p", "oil pr", ...), and the same few actors top
    most result sets. Bounded by the document numbers it holds: a set costs about 66 bytes
    a number, so the default is about 66 MB (the dashboard keeps two, one for the results
    and one for the views; at 4,000,000 each they could reach half a gigabyte at a million
    articles). Sets handed out are shared: never change them."""

    def __init__(self, searcher: Searcher, budget: int = 1_000_000) -> None:
        self.searcher = searcher
        self.budget = budget
        self._held = 0
        self._docs: dict[tuple[str, str], set[int]] = {}
        self.phrases = PhraseCache()  # where phrases occur, for the same searcher
        self._ids: IdDocs | None = None

    def articles(self, ids: Iterable[str]) -> set[int]:
        """The documents of these article ids (a tag's, the starred), by a table of every
        id read once for the searcher (storage/id_docs.py)."""
        if self._ids is None:
            self._ids = IdDocs(self.searcher)
        return self._ids.of(ids)

    def of(self, fieldname: str, text: str) -> set[int]:
        key = (fieldname, text)
        found = self._docs.get(key)
        if found is None:
            found = term_docnums(self.searcher, fieldname, text)
            if self._held + len(found) > self.budget:
                self._docs.clear()
                self._held = 0
            self._docs[key] = found
            self._held += len(found)
        return found


def live_docnums(searcher: Searcher) -> set[int]:
    reader = searcher.reader()
    every = set(range(reader.doc_count_all()))
    if reader.has_deletions():
        every.difference_update(_deleted(searcher))
    return every


def _deleted(searcher: Searcher) -> set[int]:
    found: set[int] = set()
    for reader, offset in searcher.reader().leaf_readers():
        if reader.has_deletions():
            found.update(d + offset for d in reader.deleted_docs_set)
    return found


class DayIndex(Protocol):
    """Each document's date as a day number (the facet table is one)."""

    def on_days(self, docnums: Iterable[int] | None, first: int | None,
                last: int | None) -> set[int]: ...


def _days(query: wq.Query) -> tuple[int | None, int | None] | None:
    """A date range on whole days as (first, last) day ordinals, else None."""
    if not isinstance(query, wq.DateRange) or query.fieldname != "date":
        return None
    start, end = query.startdate, query.enddate
    if start is not None and start.time() != time.min:
        return None
    if end is not None and end.time() != time.max:
        return None
    return (start.toordinal() if start else None, end.toordinal() if end else None)


# Fields whose terms only filter: `actor:` searches the name keys of the actors an article
# mentions, one posting of weight 1 a key (storage/schema.py): its hits score alike but
# for how many keys of one actor an article writes, which is no relevance.
FILTER_FIELDS = frozenset({"actors", "id"})


def ranks(query: wq.Query) -> bool:
    """Whether `query` has anything to rank its hits by: a query that only filters (actor:,
    tag:, is:, dup:, a date range, a NOT alone, and ANDs and ORs of them) has not."""
    if isinstance(query, wq.Term):
        return query.fieldname not in FILTER_FIELDS
    if isinstance(query, ArticleSet) or _days(query) is not None or isinstance(
            query, wq.DateRange) or (isinstance(query, wq.Every) and not query.fieldname):
        return False
    if isinstance(query, wq.AndNot):
        return ranks(query.a)
    if isinstance(query, wq.And | wq.Or):
        return any(ranks(sub) for sub in query.subqueries)
    return True


def scored_part(query: wq.Query) -> tuple[wq.Query | None, bool]:
    """The part of a query that ranks, and whether the rest must filter the hits. A whole-day
    date range adds the same constant to every hit's score, and a NOT only removes hits, so
    both can be a filter of the exact matching set instead. Whoosh ranks them badly: a date
    range by walking every numeric term in it (0.4 s for ten weeks at 100,000 articles), and
    its pruned top-N collector missed better hits under both. None: nothing ranks, every
    hit scores alike."""
    days = _days(query)
    if days is not None or isinstance(query, ArticleSet) or (
            isinstance(query, wq.Every) and not query.fieldname):
        return None, days is not None or isinstance(query, ArticleSet)
    if isinstance(query, wq.AndNot):
        return scored_part(query.a)[0], True
    if isinstance(query, wq.And):
        parts = [scored_part(sub) for sub in query.subqueries]
        if not any(filtered for _, filtered in parts):
            return query, False
        rest = [part for part, _ in parts if part is not None]
        if not rest:
            return None, True
        return (rest[0] if len(rest) == 1 else wq.And(rest)), True
    return query, False


def matching_docnums(searcher: Searcher, query: wq.Query, days: DayIndex | None = None,
                     terms: TermDocs | None = None) -> set[int]:
    """Every live document `query` matches (scoring and pruning play no part). With `days`,
    a date range is a look-up of each document's day, not a walk of Whoosh's numeric terms
    (300 ms for one month of Reuters); with `terms`, a term's documents come from that
    cache. The set may be a cached one: never change it."""
    if days is not None and (span := _days(query)) is not None:
        return days.on_days(None, *span) & live_docnums(searcher)
    if isinstance(query, ArticleSet) and terms is not None:
        return terms.articles(query.ids)
    if isinstance(query, DocSet):
        return query.docnums(searcher)
    if isinstance(query, wq.Term):
        if terms is not None:
            return terms.of(query.fieldname, query.text)
        return term_docnums(searcher, query.fieldname, query.text)
    if isinstance(query, wq.Every) and not query.fieldname:
        return live_docnums(searcher)
    if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
        return set()
    if isinstance(query, wq.Or):
        found: set[int] = set()
        for sub in query.subqueries:
            found |= matching_docnums(searcher, sub, days, terms)
        return found
    if isinstance(query, wq.And):
        spans = [_days(sub) if days is not None else None for sub in query.subqueries]
        others = [sub for sub, span in zip(query.subqueries, spans, strict=True)
                  if span is None]
        found = set.intersection(*sorted((matching_docnums(searcher, sub, days, terms)
                                          for sub in others), key=len)) \
            if others else live_docnums(searcher)
        for span in spans:
            if span is not None and days is not None:
                found = days.on_days(found, *span)  # filter the few, not scan them all
        return found
    if isinstance(query, wq.AndNot):
        return (matching_docnums(searcher, query.a, days, terms)
                - matching_docnums(searcher, query.b, days, terms))
    if (isinstance(query, wq.Phrase) and query.boost == 1.0
            and has_positions(searcher.schema, query.fieldname)):
        return phrase_docnums(searcher, query, terms.phrases if terms is not None else None)
    return set(query.docs(searcher))  # ranges, wildcards: Whoosh's own matcher

