"""Search: query text -> Results (hits with snippets and spans, total, suggestion, elapsed).

One Engine per open index. Whoosh objects stay inside; plain data comes out. A lock keeps
searcher use to one thread at a time, and a changed index is picked up by opening a new
searcher (never Searcher.refresh(), which returns documents twice in whoosh-reloaded)."""

from __future__ import annotations

import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.searching import Searcher

from newsdesk.index import analysis
from newsdesk.index.actors.table import ActorTable
from newsdesk.index.config import Settings
from newsdesk.index.models import (
    Actor,
    Document,
    Facets,
    Hit,
    KwicLine,
    NewsdeskError,
    QueryError,
    Results,
    SavedCount,
    Stopped,
    Timeline,
)
from newsdesk.index.paths import IndexPaths, index_paths
from newsdesk.index.query.compile import Compiled, Compiler, HighlightPlan
from newsdesk.index.query.highlight import match_spans, snippet
from newsdesk.index.query.language import (
    And,
    DateRange,
    Everything,
    Node,
    Not,
    Or,
    Phrase,
    Word,
    parse,
)
from newsdesk.index.query.matching import TermDocs, matching_docnums, scored_part
from newsdesk.index.query.ranking import rank
from newsdesk.index.storage import whoosh_fixes  # noqa: F401 - patches Whoosh on import
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.page_ahead import open_ahead, stored_ahead
from newsdesk.index.userdata.bookmarks import Bookmark
from newsdesk.index.views import facets
from newsdesk.index.views.kwic import ARTICLES as KWIC_ARTICLES
from newsdesk.index.views.kwic import kwic_lines, sort_lines


class IndexMissingError(NewsdeskError):
    pass


class _Slot:
    """A searcher with its own lock and its own per-searcher caches. The engine has two:
    one for search as you type, one for the views of a result set (facets, timeline,
    concordance), so computing a view never makes the next keystroke's search wait."""

    def __init__(self, ix: whoosh_index.Index) -> None:
        self.ix = ix
        self.lock = threading.RLock()
        self.searcher: Searcher = ix.searcher()
        self._facet_table: facets.FacetTable | None = None
        self._terms: TermDocs | None = None

    def refresh(self) -> bool:
        with self.lock:
            if self.searcher.up_to_date():
                return False
            self.searcher.close()
            self.searcher = self.ix.searcher()
            self._facet_table = None
            self._terms = None
            return True

    def close(self) -> None:
        with self.lock:
            self.searcher.close()

    @property
    def facet_table(self) -> facets.FacetTable:
        """(Hold the lock.)"""
        if self._facet_table is None:
            self._facet_table = facets.FacetTable(self.searcher)
        return self._facet_table

    def on_days(self, docnums: Iterable[int] | None, first: int | None,
                last: int | None) -> set[int]:
        """(Hold the lock.) Documents by day: a date range without Whoosh's numeric terms."""
        return self.facet_table.on_days(docnums, first, last)

    def matching(self, query: wq.Query) -> set[int]:
        """(Hold the lock.) Every document the query matches."""
        return matching_docnums(self.searcher, query, self, self.terms)

    @property
    def terms(self) -> TermDocs:
        """(Hold the lock.)"""
        if self._terms is None:
            self._terms = TermDocs(self.searcher)
        return self._terms


class Engine:
    def __init__(self, settings: Settings, paths: IndexPaths | None = None) -> None:
        self.settings = settings
        self.paths = paths or index_paths(settings)
        if not self.paths.exists():
            raise IndexMissingError(f"no index at {self.paths.root}; run `newsdesk index`")
        try:
            self.store = Store(self.paths.store)
            self.ix = whoosh_index.open_dir(str(self.paths.whoosh))
            open_ahead(self.ix)
        except Exception as exc:  # noqa: BLE001 - an unreadable index: rebuild advice
            raise IndexMissingError(f"the index at {self.paths.root} cannot be opened ({exc}); "
                                    "run `newsdesk index` to rebuild it") from None
        self._main = _Slot(self.ix)
        self._side_slot: _Slot | None = None  # opened at the first view
        self._side_lock = threading.Lock()
        self.actors = ActorTable(self.store)
        self._parsed: OrderedDict[str, Node | None] = OrderedDict()
        self._vocabulary: list[str] | None = None  # every word indexed, till it changes
        self._vocabulary_lock = threading.Lock()

    @property
    def _lock(self) -> threading.RLock:
        return self._main.lock

    @property
    def _searcher(self) -> Searcher:
        return self._main.searcher

    @property
    def _side(self) -> _Slot:
        with self._side_lock:
            if self._side_slot is None:
                self._side_slot = _Slot(self.ix)
            return self._side_slot

    def close(self) -> None:
        with self._lock:
            self._main.close()
            if self._side_slot is not None:
                self._side_slot.close()
            self.ix.close()
            self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping up with the indexer ----------------------------------------------------------

    def refresh(self) -> bool:
        """Open a new searcher if the index changed; True if it did."""
        with self._lock:
            if not self._main.refresh():
                return False
            with self._vocabulary_lock:
                self._vocabulary = None
            if self._side_slot is not None:
                self._side_slot.refresh()
            return True

    def warm_up(self) -> None:
        """Load what the first fuzzy or prefix query would otherwise wait for (the
        vocabulary, from the store: searches meanwhile do not wait), and the facet column
        the first view would wait for."""
        self._words()
        side = self._side  # the views' per-document facet column, read once now
        with side.lock:
            side.facet_table  # noqa: B018 - built on first use

    @property
    def doc_count(self) -> int:
        with self._lock:
            return self._searcher.doc_count()

    # -- searching ------------------------------------------------------------------------------

    def parse(self, text: str) -> Node | None:
        if text in self._parsed:
            return self._parsed[text]
        node = parse(text, self.settings.search.default_operator)
        self._parsed[text] = node
        if len(self._parsed) > 256:
            self._parsed.popitem(last=False)
        return node

    def _words(self) -> list[str]:
        """Every word indexed, folded and sorted; read once, again after the index changes."""
        with self._vocabulary_lock:
            if self._vocabulary is None:
                self._vocabulary = self.store.vocabulary()
            return self._vocabulary

    def _compile(self, node: Node, slot: _Slot | None = None) -> Compiled:
        reader = (slot or self._main).searcher.reader()
        return Compiler(reader, self._words, self.settings.search.max_expansions,
                        self.actors.filter_keys).compile(node)

    def search(self, text: str, limit: int | None = None) -> Results:
        """Raises QueryError for a malformed query; returns empty Results for an empty one."""
        started = time.perf_counter()
        limit = limit or self.settings.search.limit
        node = self.parse(text)
        if node is None:
            return Results(text, 0, [], time.perf_counter() - started)
        compiled, total, ranked, suggestion = self._rank(node, limit, suggest=True)
        hits = self._hits(ranked, compiled)
        return Results(text, total, hits, time.perf_counter() - started, suggestion,
                       compiled.notes)

    def _rank(self, node: Node, limit: int | None, suggest: bool = False,
              slot: _Slot | None = None
              ) -> tuple[Compiled, int, list[tuple[str, float]], str | None]:
        """(compiled query, total hits, the best `limit` as (id, score), suggestion)."""
        slot = slot or self._main
        with slot.lock:
            compiled = self._compile(node, slot)
            total, ranked = self._ranked(slot, compiled.query, limit)
            suggestion = self._suggest(node) if suggest and total == 0 else None
        return compiled, total, ranked, suggestion

    @staticmethod
    def _ranked(slot: _Slot, query: wq.Query, limit: int | None
                ) -> tuple[int, list[tuple[str, float]]]:
        """(Hold the lock.) How many documents match, and the best `limit` as (id, score).
        Date ranges and NOTs filter the exact matches and the rest ranks; words and phrases
        joined by AND and OR are ranked by index/ranking.py, anything else by Whoosh."""
        if slot.searcher.doc_count_all() == 0:
            # Before the first batch is committed. (BM25's idf is log(documents / ...):
            # Whoosh and index/ranking.py would both fail on log(0).)
            return 0, []
        scored, filtered = scored_part(query)
        allowed = slot.matching(query) if filtered else None
        fast = None if scored is None else rank(slot.searcher, scored, limit, allowed,
                                                 slot.terms.phrases)
        stored = slot.searcher.stored_fields
        if fast is not None:
            best, count = fast
            total = count if allowed is None else len(allowed)
            stored_ahead(slot.searcher, [docnum for docnum, _ in best])
            return total, [(stored(docnum)["id"], score) for docnum, score in best]
        if allowed is None:
            found = slot.searcher.search(query, limit=limit)
            # Not len(found): Whoosh's top-N collector undercounts (index/postings.py).
            total = len(found) if limit is None else len(slot.matching(query))
            return total, [(hit["id"], hit.score) for hit in found]
        if not allowed:  # (Whoosh reads an empty filter as no filter)
            return 0, []
        if scored is not None:
            found = slot.searcher.search(scored, limit=limit, filter=allowed)
            return len(allowed), [(hit["id"], hit.score) for hit in found]
        # Nothing ranks: all score alike and come in index order, as Whoosh ranks ties.
        first = sorted(allowed)[:limit] if limit is not None else sorted(allowed)
        return len(allowed), [(stored(docnum)["id"], 1.0) for docnum in first]

    def _hits(self, ranked: list[tuple[str, float]], compiled: Compiled) -> list[Hit]:
        articles = self.store.articles([i for i, _ in ranked])
        width = self.settings.search.snippet_chars
        hits = []
        for article_id, score in ranked:
            article = articles.get(article_id)
            if article is None:  # deleted since the searcher opened
                continue
            spans = match_spans(article.text, compiled.plan)
            hits.append(Hit(id=article.id, title=article.title, date=article.date,
                            source=article.source, url=article.url, path=article.path,
                            score=float(score or 0.0), snippet=snippet(article.text, spans, width),
                            spans=spans,
                            title_spans=match_spans(article.title, compiled.plan)))
        return hits

    def iter_hits(self, text: str, limit: int | None = None, batch: int = 500
                  ) -> Iterator[Hit]:
        """Every hit of a query (or the best `limit`), best first, built a batch at a time so
        an export of many thousands never holds them all."""
        node = self.parse(text)
        if node is None:
            return
        compiled, _, ranked, _ = self._rank(node, limit)
        for start in range(0, len(ranked), batch):
            yield from self._hits(ranked[start:start + batch], compiled)

    # -- the shape of a result set ----------------------------------------------------------

    def facets(self, text: str, top: int = 10, by: str | None = None,
               stop: Callable[[], bool] = lambda: False) -> Facets:
        """Counts by source and by period over every hit, and the actors that the most hits
        mention (candidates drawn from a sample of the hits, then counted over them all).
        Raises Stopped as soon as `stop()` says the result is no longer wanted."""
        started = time.perf_counter()
        node = self.parse(text)
        if node is None:
            return Facets(text, 0, [], facets.timeline(text, Counter(), by), [], 0)
        side = self._side
        with side.lock:
            docnums = list(side.matching(self._compile(node, side).query))
            _check(stop)
            counts = side.facet_table.count(docnums)
            sample = facets.sample_ids(side.searcher, docnums)
        _check(stop)
        counted = self.actors.top_in(sample, facets.ACTOR_CANDIDATES)
        _check(stop)
        if len(sample) < len(docnums):  # counted in a sample: count the candidates in all
            candidates = [(actor, self.actors.keys_of(actor.id)) for actor, _ in counted]
            with side.lock:
                counted = facets.exact_actor_counts(side.terms, set(docnums), candidates)
        return Facets(text, len(docnums), facets.sources(counts, top),
                      facets.timeline(text, counts, by), facets.actor_values(counted, top),
                      len(sample), time.perf_counter() - started)

    def timeline(self, text: str, by: str | None = None) -> Timeline:
        """Hits per day, week, month or year (chosen by the span of the dates if not given);
        hits without a date are counted apart."""
        node = self.parse(text)
        if node is None:
            return facets.timeline(text, Counter(), by)
        side = self._side
        with side.lock:
            docnums = side.matching(self._compile(node, side).query)
            counts = side.facet_table.count(docnums)
        return facets.timeline(text, counts, by)

    def kwic(self, text: str, width: int = 50, articles: int = KWIC_ARTICLES,
             max_lines: int = 5000,
             order: str = "rank", stop: Callable[[], bool] = lambda: False
             ) -> tuple[list[KwicLine], int]:
        """Concordance lines of the best `articles` hits, and the total number of hits.
        Raises Stopped as soon as `stop()` says the result is no longer wanted."""
        node = self.parse(text)
        if node is None:
            return [], 0
        compiled, total, ranked, _ = self._rank(node, articles, slot=self._side)
        found = self.store.articles([i for i, _ in ranked])
        hits = ((rank, found[i], match_spans(found[i].text, compiled.plan))
                for rank, (i, _) in enumerate(ranked, start=1) if i in found and not _check(stop))
        return sort_lines(kwic_lines(hits, width, max_lines), order), total

    def kwic_of(self, hits: list[Hit], width: int = 50) -> list[KwicLine]:
        """Concordance lines of hits already found (their spans are known): the first
        screenful of a concordance without searching again."""
        found = self.store.articles([h.id for h in hits])
        ranked = ((rank, found[h.id], h.spans) for rank, h in enumerate(hits, start=1)
                  if h.id in found)
        return kwic_lines(ranked, width, max_lines=5000)

    def saved_counts(self, bookmarks: Iterable[Bookmark]) -> dict[str, SavedCount]:
        """Each saved search's hits now and those indexed since it was last opened; a
        query that no longer parses is counted as its error, not raised."""
        counts: dict[str, SavedCount] = {}
        for bookmark in bookmarks:
            try:
                counts[bookmark.name] = SavedCount(self.count(bookmark.query),
                                                   self.count(bookmark.query, bookmark.opened))
            except NewsdeskError as exc:
                counts[bookmark.name] = SavedCount(0, 0, str(exc))
        return counts

    def count(self, text: str, indexed_after: float | None = None) -> int:
        """Articles matching `text`; with `indexed_after`, only those indexed since then."""
        node = self.parse(text)
        if node is None:
            return 0
        with self._lock:
            query = self._compile(node).query
            if indexed_after is not None:
                since = wq.NumericRange("indexed", int(indexed_after * 1000), None,
                                        startexcl=True)
                query = wq.And([query, since])
            return len(self._main.matching(query))

    def plan(self, text: str) -> HighlightPlan:
        node = self.parse(text)
        if node is None:
            return HighlightPlan()
        with self._lock:
            return self._compile(node).plan

    def document(self, article_id: str, text: str = "") -> Document | None:
        """The article with every match of the query `text` as spans."""
        article = self.store.articles([article_id]).get(article_id)
        if article is None:
            return None
        try:
            plan = self.plan(text)
        except QueryError:
            plan = HighlightPlan()
        mentions, title_mentions = self.actors.mentions_in(article_id)
        return Document(article, match_spans(article.text, plan), match_spans(article.title, plan),
                        mentions, title_mentions)

    # -- actors -----------------------------------------------------------------------------

    def result_ids(self, text: str, limit: int = 1000) -> list[str]:
        """The ids of the best `limit` hits of a query (for the actors of a result set)."""
        node = self.parse(text)
        if node is None:
            return []
        with self._lock:
            if self._searcher.doc_count_all() == 0:  # (see _ranked)
                return []
            found = self._searcher.search(self._compile(node).query, limit=limit)
            return [hit["id"] for hit in found]

    def top_actors(self, text: str, limit: int = 20) -> list[tuple[Actor, int]]:
        """The actors of a query's result set, by how many of its articles mention them."""
        return self.actors.top_in(self.result_ids(text), limit)

    # -- did you mean ---------------------------------------------------------------------------

    def _suggest(self, node: Node) -> str | None:
        """Replace each unknown plain word with the closest indexed word: fewest edits, then
        most documents. rapidfuzz over the cached lexicon: Whoosh's corrector takes ~1 s at
        20k articles, and a half-typed word asks for a suggestion at every keystroke."""
        from rapidfuzz import process  # here: 15 ms to import, needed for no hits
        from rapidfuzz.distance import OSA

        reader = self._searcher.reader()
        changes: dict[str, str] = {}
        for word in _plain_words(node):
            terms = analysis.terms(word.text)
            if len(terms) != 1 or any(reader.doc_frequency(f, terms[0]) for f in ("title", "body")):
                continue
            folded = analysis.fold(word.text)
            found = process.extract(folded, self._words(), scorer=OSA.distance,
                                    score_cutoff=2 if len(folded) > 4 else 1, limit=None)
            def rank(match: tuple[str, float, int]) -> tuple[float, int]:
                return (match[1], -reader.doc_frequency("body", analysis.stem(match[0])))

            # The vocabulary keeps words of deleted articles: suggest only indexed ones.
            near = [m for m in sorted(found, key=lambda m: m[1])[:50]
                    if any(reader.doc_frequency(f, analysis.stem(m[0])) for f in ("title", "body"))]
            if not near:
                continue
            best = min(near, key=rank)
            changes[word.text] = best[0]
        if not changes:
            return None
        suggestion = " ".join(_query_words(node, changes))
        return suggestion if suggestion.strip() else None


def _check(stop: Callable[[], bool]) -> None:
    if stop():
        raise Stopped


def _plain_words(node: Node) -> list[Word]:
    if isinstance(node, Word):
        return [node] if not (node.wildcard or node.fuzzy is not None) and node.field in (
            None, "title", "body") else []
    if isinstance(node, And | Or):
        return [w for item in node.items for w in _plain_words(item)]
    return []


def _query_words(node: Node, changes: dict[str, str]) -> list[str]:
    """The query back as text with the corrected words; Not/Phrase/etc. keep their form."""
    if isinstance(node, Word):
        prefix = f"{node.field}:" if node.field else ""
        return [prefix + changes.get(node.text, node.text)]
    if isinstance(node, And):
        return [w for item in node.items for w in _query_words(item, changes)]
    if isinstance(node, Or):
        out: list[str] = []
        for i, item in enumerate(node.items):
            if i:
                out.append("OR")
            out.extend(_query_words(item, changes))
        return out
    if isinstance(node, Not):
        return ["NOT", *_query_words(node.item, changes)]
    return [_render(node)]


def _render(node: Node) -> str:
    if isinstance(node, Phrase):
        field = f"{node.field}:" if node.field else ""
        slop = f"~{node.slop}" if node.slop else ""
        return f'{field}"{node.text}"{slop}'
    if isinstance(node, DateRange):
        start = node.start.date().isoformat() if node.start else "*"
        end = node.end.date().isoformat() if node.end else "*"
        return f"date:[{start} TO {end}]"
    if isinstance(node, Everything):
        return "*"
    return ""
