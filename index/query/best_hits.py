"""How many documents a query matches, and the best of them as (article id, score): each
query to the ranker that answers it fastest with Whoosh's scores and order."""

from __future__ import annotations

from collections.abc import Callable

from whoosh import query as wq
from whoosh.searching import Searcher

from newsdesk.index.query.matching import scored_part
from newsdesk.index.query.phrases import PhraseCache
from newsdesk.index.query.ranking import rank
from newsdesk.index.storage.page_ahead import stored_ahead

Ranked = list[tuple[str, float]]


def best_hits(searcher: Searcher, query: wq.Query, limit: int | None,
              matching: Callable[[wq.Query], set[int]], phrases: PhraseCache
              ) -> tuple[int, Ranked]:
    """How many documents match, and the best `limit` as (id, score). Date ranges and NOTs
    filter the exact matches (`matching`) and the rest ranks; words and phrases joined by
    AND and OR are ranked by query/ranking.py, anything else by Whoosh."""
    if searcher.doc_count_all() == 0:
        # Before the first batch is committed. (BM25's idf is log(documents / ...):
        # Whoosh and query/ranking.py would both fail on log(0).)
        return 0, []
    scored, filtered = scored_part(query)
    allowed = matching(query) if filtered else None
    fast = None if scored is None else rank(searcher, scored, limit, allowed, phrases,
                                            matching)
    stored = searcher.stored_fields
    if fast is not None:
        best, count = fast
        total = count if allowed is None else len(allowed)
        stored_ahead(searcher, [docnum for docnum, _ in best])
        return total, [(stored(docnum)["id"], score) for docnum, score in best]
    if allowed is None:
        found = searcher.search(query, limit=limit)
        # Not len(found): Whoosh's top-N collector undercounts (query/matching.py).
        total = len(found) if limit is None else len(matching(query))
        return total, [(hit["id"], hit.score) for hit in found]
    if not allowed:  # (Whoosh reads an empty filter as no filter)
        return 0, []
    if scored is not None:
        found = searcher.search(scored, limit=limit, filter=allowed)
        return len(allowed), [(hit["id"], hit.score) for hit in found]
    # Nothing ranks: all score alike and come in index order, as Whoosh ranks ties.
    first = sorted(allowed)[:limit] if limit is not None else sorted(allowed)
    return len(allowed), [(stored(docnum)["id"], 1.0) for docnum in first]
