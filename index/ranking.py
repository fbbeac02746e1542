"""Ranking a word, or an OR of words, without Whoosh's matcher tree.

Most queries typed are one word, several words OR-ed, or a prefix, wildcard or fuzzy word
that expands to dozens of terms ORed in both fields. Whoosh ranks them with a tree of
matchers that makes several Python calls per posting (id, score, length, weight, next, and
for the tree its re-planning as scores rise). Here each term's postings are decoded a
block at a time and scored in one tight loop with Whoosh's own BM25F arithmetic, against a
table of the length normalisations (a document's field length is one byte, so there are
256): the same scores, the same order (ties by document number, as Whoosh breaks them),
a fraction of the calls. Anything else (phrases, AND, other weightings, one very common
word) goes to Whoosh."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

# One word (in title and body) found in more than this share of the documents is left to
# Whoosh, whose block-max pruning skips decoding most of its postings: "said", in 89% of
# 100,000 articles, takes 58 ms there and 106 ms here. Below a third, here is as fast or
# faster (measured on the 20 common words of the scale benchmark).
WHOOSH_FROM = 0.35


def terms_of(query: wq.Query) -> list[tuple[str, str]] | None:
    """The (field, text) terms of a Term or an OR tree of Terms, all unboosted; else None."""
    if isinstance(query, wq.Term):
        return [(query.fieldname, query.text)] if query.boost == 1.0 else None
    if type(query) is wq.Or and query.boost == 1.0 and not query.minmatch and not query.scale:
        found: list[tuple[str, str]] = []
        for sub in query.subqueries:
            terms = terms_of(sub)
            if terms is None:
                return None
            found.extend(terms)
        return found
    return None


def rank_terms(searcher: Searcher, terms: list[tuple[str, str]], limit: int | None,
               allowed: set[int] | None = None) -> tuple[list[tuple[int, float]], int] | None:
    """The best `limit` documents (all with None) as (docnum, score), and how many matched;
    None if the searcher does not score by BM25F or a field is not scorable."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F:
        return None
    schema = searcher.schema
    if any(field not in schema or not schema[field].scorable for field, _ in terms):
        return None
    most = max(searcher.doc_frequency(f, t) for f, t in terms)
    if len({text for _, text in terms}) == 1 and most > WHOOSH_FROM * searcher.doc_count():
        return None  # one word in most documents: Whoosh skips blocks that cannot make the page
    scores: dict[int, float] = {}
    for reader, offset in searcher.reader().leaf_readers():
        deleted = reader.deleted_docs_set if reader.has_deletions() else None
        for field, text in terms:
            if (field, text) not in reader:
                continue
            B = weighting._field_B.get(field, weighting.B)
            norms = _norms(searcher.avg_field_length(field) or 1, B, weighting.K1)
            _add_scores(scores, _postings(reader, field, text), _length_bytes(reader, field),
                        norms, searcher.idf(field, text), weighting.K1 + 1, offset, deleted)
    if allowed is not None:
        scores = {d: s for d, s in scores.items() if d in allowed}
    ordered = sorted(scores)  # ties go to the lower document number, as in Whoosh
    if limit is None:
        best = sorted(ordered, key=scores.__getitem__, reverse=True)
    else:
        best = heapq.nlargest(limit, ordered, key=scores.__getitem__)
    return [(d, scores[d]) for d in best], len(scores)


def _postings(reader: object, field: str, text: str) -> Iterable[tuple[tuple[int, ...], object]]:
    """(ids, weights) of each block of one term's postings in one segment."""
    raw = reader._text_to_bytes(field, text)  # type: ignore[attr-defined]
    matcher = reader._terms.matcher(field, raw, reader.schema[field].format)  # type: ignore[attr-defined]
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        yield matcher._ids, matcher._weights
        matcher._next_block()


def _add_scores(scores: dict[int, float], blocks: Iterable[tuple[tuple[int, ...], object]],
                lengths: bytes, norms: list[float], idf: float, k1_plus_1: float, offset: int,
                deleted: set[int] | None) -> None:
    # Whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))),
    # evaluated in the same order so that the floats are the same.
    get = scores.get
    size = len(lengths)
    for ids, weights in blocks:
        for docnum, tf in zip(ids, weights, strict=True):
            if deleted is not None and docnum in deleted:
                continue
            norm = norms[lengths[docnum]] if docnum < size else norms[0]
            key = docnum + offset
            scores[key] = get(key, 0.0) + idf * ((tf * k1_plus_1) / (tf + norm))


def _norms(avgfl: float, B: float, K1: float) -> list[float]:
    """K1 * ((1 - B) + B * fl / avgfl) for each length byte (0: no length, which Whoosh's
    scorer reads as 1)."""
    return [K1 * ((1 - B) + B * (whoosh3.byte_to_length(b) if b else 1) / avgfl)
            for b in range(256)]


def _length_bytes(reader: object, field: str) -> bytes:
    """One segment's length byte of `field` for every document, read once and kept on the
    segment's per-document reader."""
    perdoc = reader._perdoc  # type: ignore[attr-defined]
    cache = perdoc.__dict__.setdefault("_newsdesk_length_bytes", {})
    found = cache.get(field)
    if found is None:
        column = perdoc._cached_reader(whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN)
        if column is None:
            found = b""
        elif getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_dbfile"):
            count = column._count
            found = bytes(column._dbfile.get(column._basepos, count)) if count else b""
        else:
            found = bytes(column)
        cache[field] = found
    return found
