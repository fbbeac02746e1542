"""Ranking words and phrases joined by OR and AND without Whoosh's matcher tree.

Most queries typed are one word, several words, a phrase, or a prefix, wildcard or fuzzy
word that expands to dozens of terms ORed in both fields. Whoosh ranks them with a tree of
matchers that makes several Python calls per posting (id, score, length, weight, next, and
for the tree its re-planning as scores rise). Here each term's postings are read as arrays
(storage/posting_arrays.py) and scored with numpy, with Whoosh's own BM25F arithmetic in the
same order, against a table of the length normalisations (a document's field length is
one byte, so there are 256). A query's scores are one array over every document of the
searcher, and which documents match another. An AND scores its rarest part first and the
others only among its matches, skipping the blocks that hold none of them; phrases are
found by query/phrases.py. The same scores, the same order (ties by document number, as
Whoosh breaks them). Anything else (boosts, other weightings) goes to Whoosh.

A word in half of 1,000,000 articles ("dlrs") took 260 ms scored a posting at a time in
Python, Whoosh's block-max pruning included, since its exact count reads every block
anyway."""

from __future__ import annotations

from collections.abc import Callable
from math import log
from typing import NamedTuple

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from newsdesk.index.query.article_sets import ArticleSet
from newsdesk.index.query.phrases import (
    PhraseCache,
    has_positions,
    phrase_occurrences,
    phrase_slots,
)
from newsdesk.index.storage.page_ahead import first_query_ahead
from newsdesk.index.storage.posting_arrays import TermBlocks, live
from newsdesk.index.storage.scoring_inputs import (
    FIELD_LENGTH_OF_BYTE,
    bm25_field_b,
    field_length_bytes,
    idf_cache,
)

# Skip the blocks that hold none of the documents a term is limited to (an AND's later
# parts, a filter) when they are fewer than this share of the term's: then most blocks go
# unread. Otherwise reading every block and filtering costs less than the checks.
_SKIP_BELOW = 0.25


class Scored(NamedTuple):
    """A query's score of every document of the searcher, and which documents it matches
    (a score means nothing where a document is not matched)."""
    scores: np.ndarray  # float64
    matched: np.ndarray  # bool


class Within:
    """The documents a query is limited to: a filter, or the matches of an AND's parts."""

    def __init__(self, matched: np.ndarray) -> None:
        self.matched = matched
        self.count = int(np.count_nonzero(matched))
        self._docnums: np.ndarray | None = None

    @classmethod
    def of(cls, docnums: set[int], size: int) -> Within:
        matched = np.zeros(size, bool)
        matched[np.fromiter(docnums, np.int64, len(docnums))] = True
        return cls(matched)

    def docnums(self) -> np.ndarray:
        """Sorted searcher-wide document numbers."""
        if self._docnums is None:
            self._docnums = np.flatnonzero(self.matched)
        return self._docnums

    def in_segment(self, offset: int, size: int) -> np.ndarray:
        """Those of a segment of `size` documents starting at `offset`, as its numbers."""
        docnums = self.docnums()
        low, high = np.searchsorted(docnums, [offset, offset + size])
        return docnums[low:high] - offset


class Scorer:
    """The BM25F score of every document a query matches, for queries built of words and
    phrases (unboosted; a term may be boosted) joined by OR and AND: an OR sums the scores
    of the parts that match, an AND those of all its parts, as Whoosh does. `supports()`
    says which."""

    def __init__(self, searcher: Searcher, phrases: PhraseCache | None = None,
                 matching: Callable[[wq.Query], set[int]] | None = None) -> None:
        self.searcher = searcher
        self.phrases = phrases
        # The exact matches of a set of articles by id (tag:, is:), which match and add
        # nothing to a score: `tag:lead OR wheat` ranks by wheat.
        self.matching = matching
        self.weighting = searcher.weighting
        self.size = searcher.doc_count_all()
        self._fields: dict[str, tuple[np.ndarray, float]] = {}  # _bm25, per field

    def supports(self, query: wq.Query) -> bool:
        if type(self.weighting) is not BM25F:
            return False
        if isinstance(query, wq.Term) and query.boost > 0:  # a prefix's words (compile.py)
            return query.fieldname in self.searcher.schema
        if query.boost != 1.0:
            return False
        if isinstance(query, ArticleSet):
            return self.matching is not None
        if isinstance(query, wq.Term | wq.Phrase):
            schema = self.searcher.schema
            if query.fieldname not in schema:
                return False
            if isinstance(query, wq.Term):  # (unscorable: the weight is the score)
                return True
            return schema[query.fieldname].scorable and has_positions(schema, query.fieldname)
        if type(query) is wq.Or:
            return not query.minmatch and not query.scale and \
                all(self.supports(q) for q in query.subqueries)
        if type(query) is wq.And:
            return all(self.supports(q) for q in query.subqueries)
        return False

    def scores(self, query: wq.Query, within: Within | None = None) -> Scored:
        """Each matching document's score; with `within`, only those documents match."""
        if isinstance(query, ArticleSet):
            assert self.matching is not None
            found = Scored(np.zeros(self.size), np.zeros(self.size, bool))
            docs = self.matching(query)
            docnums = np.fromiter(docs, np.int64, len(docs))
            found.matched[docnums[within.matched[docnums]] if within else docnums] = True
            return found
        if isinstance(query, wq.And):
            parts = sorted(query.subqueries, key=self._size)
            found = self.scores(parts[0], within)
            for part in parts[1:]:
                limited = Within(found.matched)
                if not limited.count:
                    break
                more = self.scores(part, limited)
                found = Scored(found.scores + more.scores, found.matched & more.matched)
            return found
        found = Scored(np.zeros(self.size), np.zeros(self.size, bool))
        for part in query.subqueries if isinstance(query, wq.Or) else [query]:
            # Added in subquery order, as Whoosh adds them: the same sums to the last bit.
            if isinstance(part, wq.Term):
                self._term(part.fieldname, part.text, within, found, part.boost)
            elif isinstance(part, wq.Phrase):
                self._phrase(part, within, found)
            else:
                more = self.scores(part, within)
                found.scores[more.matched] += more.scores[more.matched]
                np.logical_or(found.matched, more.matched, out=found.matched)
        return found

    def _size(self, query: wq.Query) -> int:
        """An upper bound of the documents a query matches, to intersect the smallest first."""
        if isinstance(query, ArticleSet):
            return len(query.ids)
        if isinstance(query, wq.Term):
            return self.searcher.doc_frequency(query.fieldname, query.text)
        if isinstance(query, wq.Phrase):  # (a place of a wildcard's: any of its terms)
            return min((sum(self.searcher.doc_frequency(query.fieldname, w) for w in terms)
                        for terms, _ in phrase_slots(query)), default=0)
        sizes = [self._size(q) for q in query.subqueries]
        return min(sizes) if isinstance(query, wq.And) else sum(sizes)

    def _bm25(self, field: str) -> tuple[np.ndarray, float]:
        """(the length normalisation of each length byte, K1 + 1) of one field; worked out
        once a query, not once a term (a prefix is up to 64 terms)."""
        found = self._fields.get(field)
        if found is None:
            weighting = self.weighting
            B = bm25_field_b(weighting, field)
            norms = _norms(self.searcher.avg_field_length(field) or 1, B, weighting.K1)
            found = self._fields[field] = (np.array(norms), weighting.K1 + 1)
        return found

    def _term(self, field: str, text: str, within: Within | None, into: Scored,
              boost: float = 1.0) -> None:
        """Adds the term's score (times `boost`, as Whoosh's boosted matcher) to each of
        its documents' in `into`."""
        # Whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))),
        # evaluated in the same order, so that the floats are the same.
        # A field without lengths (actors) scores a posting by its weight, as Whoosh does.
        scorable = self.searcher.schema[field].scorable
        norms, k1_plus_1 = self._bm25(field) if scorable else (None, 0.0)
        segments = [(reader, offset, TermBlocks(reader, field, text))
                    for reader, offset in self.searcher.reader().leaf_readers()]
        idf = self._idf(field, text, sum(blocks.doc_frequency for *_, blocks in segments))
        for reader, offset, blocks in segments:
            if not blocks.present:
                continue
            wanted = None
            if within is not None and within.count < _SKIP_BELOW * blocks.doc_frequency:
                wanted = within.in_segment(offset, reader.doc_count_all())
                if not len(wanted):
                    continue
            docnums, tfs = blocks.read(wanted)[:2]
            if within is not None or reader.has_deletions():
                docnums, tfs = _kept(reader, offset, within, docnums, tfs)
            if norms is None:
                scores = tfs
            else:
                lengths = np.frombuffer(field_length_bytes(reader, field), np.uint8)
                scores = idf * ((tfs * k1_plus_1) / (tfs + norms[lengths[docnums]]))
            if boost != 1.0:
                scores = scores * boost
            docnums = docnums + offset
            into.scores[docnums] += scores
            into.matched[docnums] = True

    def _idf(self, field: str, text: str, frequency: int) -> float:
        """searcher.idf(field, text), from the document frequency the term's blocks gave:
        Whoosh's look-up in every segment's term table again costs as much as reading a
        rare word (a prefix query looks up 64 words in each segment)."""
        cache = idf_cache(self.searcher)
        found = cache.get((field, text))
        if found is None:  # Whoosh's WeightingModel.idf, which BM25F keeps
            found = cache[field, text] = log(self.size / (frequency + 1)) + 1
        return found

    def _phrase(self, phrase: wq.Phrase, within: Within | None, into: Scored) -> None:
        # Scored as Whoosh scores a phrase: the sum of its words' scores, added in order.
        field = phrase.fieldname
        norms, k1_plus_1 = self._bm25(field)
        idfs = [self.searcher.idf(field, w) for w in phrase.words]
        limited = None if within is None else within.docnums()
        for matches in phrase_occurrences(self.searcher, phrase, limited, self.phrases):
            lengths = np.frombuffer(field_length_bytes(matches.reader, field), np.uint8)
            norm = norms[lengths[matches.docnums]]
            totals = np.zeros(len(norm))
            for idf, tfs in zip(idfs, matches.weights, strict=True):
                totals = totals + idf * ((tfs * k1_plus_1) / (tfs + norm))
            docnums = matches.docnums + matches.offset
            into.scores[docnums] += totals
            into.matched[docnums] = True


def rank(searcher: Searcher, query: wq.Query, limit: int | None,
         allowed: set[int] | None = None,
         phrases: PhraseCache | None = None,
         matching: Callable[[wq.Query], set[int]] | None = None
         ) -> tuple[list[tuple[int, float]], int] | None:
    """The best `limit` documents (all with None) as (docnum, score), and how many matched;
    None if Whoosh should rank this query (see Scorer.supports)."""
    scorer = Scorer(searcher, phrases, matching)
    if not scorer.supports(query):
        return None
    within = None if allowed is None else Within.of(allowed, scorer.size)
    ahead(searcher, query)
    found = scorer.scores(query, within)
    docnums = np.flatnonzero(found.matched)
    best = _best(docnums, found.scores[docnums], limit)
    return best, len(docnums)


# Asking for a query's words' pages ahead costs about 18 µs a word and segment when they
# are cached already (a rare word at a million articles: 0.7 ms of its 5): done for the
# first query of a searcher, the one a cold start waits on, and for a few words only.
_AHEAD_UP_TO = 512


def ahead(searcher: Searcher, query: wq.Query) -> None:
    """The pages of the query's words in each segment's term table and postings, asked
    for together (storage/page_ahead.py) before the scorer reads them one segment at a time;
    once a searcher."""
    first_query_ahead(searcher, query.iter_all_terms(), _AHEAD_UP_TO)


def _best(docnums: np.ndarray, scores: np.ndarray, limit: int | None
          ) -> list[tuple[int, float]]:
    """The documents with the `limit` highest scores (all with None) as (docnum, score),
    best first; ties go to the lower document number, as in Whoosh. Only the documents
    scoring at least the limit-th best score are sorted."""
    if limit is not None and len(docnums) > limit:
        if limit <= 0:
            return []
        floor = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        chosen = scores >= floor
        docnums, scores = docnums[chosen], scores[chosen]
    order = np.lexsort((docnums, -scores))[:limit]
    return list(zip(docnums[order].tolist(), scores[order].tolist(), strict=True))


def _kept(reader: object, offset: int, within: Within | None, docnums: np.ndarray,
          tfs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The postings of live documents, and of `within` if given."""
    keep = live(reader, docnums)
    if within is not None:
        keep &= within.matched[docnums + offset]
    return docnums[keep], tfs[keep]


def _norms(avgfl: float, B: float, K1: float) -> list[float]:
    """K1 * ((1 - B) + B * fl / avgfl) for each length byte (0: no length, which Whoosh's
    scorer reads as 1)."""
    return [K1 * ((1 - B) + B * FIELD_LENGTH_OF_BYTE[b] / avgfl)
            for b in range(256)]
