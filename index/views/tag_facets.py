"""The tags facet: of a result set, how many hits are starred and how many carry each tag.
A tag's articles are named by id (userdata/tags.py); their document numbers come from the
table of ids kept for the searcher (query/matching.py TermDocs.articles)."""

from __future__ import annotations

from newsdesk.index.models import FacetValue
from newsdesk.index.query.matching import TermDocs

STARRED = "is:starred"


def tag_values(terms: TermDocs, hits: set[int], sets: dict[str, set[str]],
               top: int) -> list[FacetValue]:
    """`sets` maps each clause (is:starred, tag:NAME) to its article ids: the starred count
    first (when any hit is starred), then the `top` tags by hits, ties by name."""
    counted = {clause: len(hits & terms.articles(ids)) for clause, ids in sets.items()}
    starred = counted.pop(STARRED, 0)
    ranked = sorted(((c, n) for c, n in counted.items() if n), key=lambda cn: (-cn[1], cn[0]))
    values = [FacetValue("★ starred", starred, STARRED)] if starred else []
    values += [FacetValue(clause.removeprefix("tag:").strip('"'), n, clause)
               for clause, n in ranked[:top]]
    return values
