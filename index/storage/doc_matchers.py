"""Whoosh matchers over documents found elsewhere, for the queries whose documents
newsdesk finds itself (query/phrases.py's SlotPhrase, query/article_sets.py's DocSet)
when Whoosh ranks a query holding them. Whoosh's matcher classes are its internals:
storage is where newsdesk meets them."""

from __future__ import annotations

from whoosh import matching


def docs_matcher(docnums: list[int], weights: list[float] | None = None) -> matching.Matcher:
    """A matcher of `docnums` (sorted, as the searcher it is asked by numbers them), each
    weighing its weight (1.0 without `weights`); nothing for none."""
    if not docnums:
        return matching.NullMatcher()
    return matching.ListMatcher(docnums, weights)


def no_docs() -> matching.Matcher:
    return matching.NullMatcher()
