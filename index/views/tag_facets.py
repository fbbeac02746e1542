"""The tags facet: of a result set, how many hits are starred and how many carry each tag.
A tag's articles are named by id (userdata/tags.py); their document numbers come from the
`id` field's terms, cached for the searcher (query/matching.py TermDocs)."""

from __future__ import annotations

from newsdesk.index.models import FacetValue
from newsdesk.index.query.matching import TermDocs

STARRED = "is:starred"


def docnums_of(terms: TermDocs, ids: set[str] | frozenset[str]) -> set[int]:
    """The live documents of these article ids (an id no longer indexed has none)."""
    found: set[int] = set()
    for article_id in ids:
        found |= terms.of("id", article_id)
    return found


def tag_values(terms: TermDocs, hits: set[int], sets: dict[str, set[str]],
               top: int) -> list[FacetValue]:
    """`sets` maps each clause (is:starred, tag:NAME) to its article ids: the starred count
    first (when any hit is starred), then the `top` tags by hits, ties by name."""
    counted = {clause: len(hits & docnums_of(terms, ids)) for clause, ids in sets.items()}
    starred = counted.pop(STARRED, 0)
    ranked = sorted(((c, n) for c, n in counted.items() if n), key=lambda cn: (-cn[1], cn[0]))
    values = [FacetValue("★ starred", starred, STARRED)] if starred else []
    values += [FacetValue(clause.removeprefix("tag:"), n, clause) for clause, n in ranked[:top]]
    return values
