"""Search: query text -> Results (hits with snippets and spans, total, suggestion, elapsed).

One Engine per open index. Whoosh objects stay inside; plain data comes out. A lock keeps
searcher use to one thread at a time (storage/searcher_slot.py)."""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import random
import sqlite3
import struct
import threading
import time
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator

# (Apart from `time`: the snapshot tests freeze time.perf_counter, and only it.)
from time import monotonic, sleep
from typing import TYPE_CHECKING

from whoosh import query as wq

from newsdesk.index import analysis
from newsdesk.index.config import Settings
from newsdesk.index.dups import fold as dup_fold
from newsdesk.index.dups import groups as dup_groups
from newsdesk.index.models import (
    SORTS,
    Actor,
    ActorFilter,
    Article,
    Document,
    Facets,
    FacetValue,
    Hit,
    IndexDamagedError,
    IndexFolderError,
    KwicLine,
    NewsdeskError,
    QueryError,
    Results,
    SavedCount,
    Snippet,
    Span,
    Stopped,
    Timeline,
)
from newsdesk.index.option_values import KWIC_ARTICLES
from newsdesk.index.paths import IndexPaths, index_paths
from newsdesk.index.query.article_sets import DocSet
from newsdesk.index.query.best_hits import Ranked, best_hits
from newsdesk.index.query.compile import (
    Check,
    Checked,
    Compiled,
    Compiler,
    HighlightPlan,
    indexed_since,
    place_terms,
)
from newsdesk.index.query.compounds import Compound
from newsdesk.index.query.highlight import (
    MAX_MATCHES,
    SNIPPET_MATCHES,
    first_groups,
    first_matches,
    holds,
    snippet,
)
from newsdesk.index.query.language import Everything, Node, parse, tag_clause, typed_prefix
from newsdesk.index.query.matching import TermDocs, live_docnums, matching_docnums, ranks
from newsdesk.index.query.suggestions import suggest, with_actors
from newsdesk.index.storage.article_store import StoreContentError, is_damage
from newsdesk.index.storage.date_order import DateOrder
from newsdesk.index.storage.index_folder import resource_error
from newsdesk.index.storage.integrity import Verifier, store_damaged_message
from newsdesk.index.storage.page_ahead import open_ahead
from newsdesk.index.storage.searcher_slot import SearcherSlot
from newsdesk.index.storage.store_open import IndexMissingError as IndexMissingError
from newsdesk.index.storage.store_open import check_index, open_store
from newsdesk.index.storage.whoosh_fixes import file_storage
from newsdesk.index.userdata.bookmarks import Bookmark, corpus_data_dir
from newsdesk.index.userdata.tags import Marks, TagStore

if TYPE_CHECKING:
    from newsdesk.index.actors.table import ActorTable
from newsdesk.index.views import compare as comparison
from newsdesk.index.views import facets
from newsdesk.index.views import keyness as keys
from newsdesk.index.views.facets import FacetTable
from newsdesk.index.views.kwic import kwic_lines, sort_lines
from newsdesk.index.views.tag_facets import tag_values
from newsdesk.index.whoosh_version import check_whoosh_version

TOP_ACTORS_FROM = 1000  # the best hits whose actors top_actors counts
WARM_SLICE = 0.01  # seconds warm_keyness holds the views' searcher at a time
WARM_QUIET = 0.3  # seconds without a search before warm_keyness goes on
RELEVANCE, NEWEST, OLDEST = SORTS


# What a damaged Whoosh file raises while it is read (a truncated or flipped segment).
_READ_ERRORS = (EOFError, struct.error, zlib.error, pickle.UnpicklingError)


def _reads_index(method: Callable) -> Callable:
    """A query method: an error reading the index becomes the damage found (or a plain
    message for a full disk, a read-only or a vanished folder), and its first result waits
    for the check begun at open (storage/integrity.py) so damage is never believed."""

    @functools.wraps(method)
    def reading(self: Engine, *args: object, **kwargs: object) -> object:
        with self._diagnosed():
            result = method(self, *args, **kwargs)
        self._sound()
        return result

    return reading


# The texts read at most to check a query's words with a one-letter part as written
# (query/compounds.py): past them the matches are counted unchecked, and a note says so.
CHECKED_TEXTS = 10_000


class CompoundChecks:
    """What Engine._confirmed found, for one searcher; a few hundred entries at most."""

    def __init__(self, searcher: object) -> None:
        self._found: dict[object, Checked] = {}

    def get(self, key: object) -> Checked | None:
        return self._found.get(key)

    def put(self, key: object, found: Checked) -> None:
        if len(self._found) >= 256:
            self._found.clear()
        self._found[key] = found


def _matching(slot: SearcherSlot) -> Callable:
    """(Hold the lock.) Every document a query matches, in this slot's searcher."""
    return lambda query: matching_docnums(slot.searcher, query, slot.kept(FacetTable),
                                          slot.kept(TermDocs))


class Engine:
    def __init__(self, settings: Settings, paths: IndexPaths | None = None) -> None:
        check_whoosh_version()
        self.settings = settings
        self.paths = paths or index_paths(settings)
        check_index(self.paths)
        self._identity = self._files_identity()
        self.store = open_store(self.paths)  # (read-only where it cannot be written)
        try:
            self.ix = file_storage(self.paths.whoosh).open_index()
            open_ahead(self.ix)
            self._main = SearcherSlot(self.ix)  # (reads every segment's header)
        except Exception as exc:  # noqa: BLE001 - an unreadable index: rebuilt from the store
            self.store.close()
            gone = resource_error(exc, self.paths.root)
            if gone is not None:
                raise gone from None
            raise IndexDamagedError(f"the index at {self.paths.root} cannot be opened "
                                    f"({type(exc).__name__}: {exc})", "index") from None
        # The store's quick_check and the Whoosh files' sums, beside the first search.
        self._verifier = Verifier(self.paths)
        self._side_slot: SearcherSlot | None = None  # opened at the first view
        self._side_lock = threading.Lock()
        self._actor_table: ActorTable | None = None  # at the first use: see `actors`
        self._actors_lock = threading.Lock()
        self._parsed: OrderedDict[str, Node | None] = OrderedDict()
        self._vocabulary: list[str] | None = None  # every word indexed, till it changes
        self._vocabulary_lock = threading.Lock()
        self.tags = TagStore(corpus_data_dir(settings))  # read at the first use
        # Searches running, and when the last ended: warm_keyness waits for a quiet spell.
        self._searches, self._searched_at = 0, 0.0
        self._searches_lock = threading.Lock()

    @property
    def _side(self) -> SearcherSlot:
        with self._side_lock:
            if self._side_slot is None:
                self._side_slot = SearcherSlot(self.ix)
            return self._side_slot

    @property
    def actors(self) -> ActorTable:
        """The actor table, made at its first use: its modules (extraction's rules, the
        dictionaries, clustering) are most of the engine's imports, and a search without
        `actor:` never needs them (a `newsdesk search` starts in about half the time)."""
        with self._actors_lock:
            if self._actor_table is None:
                from newsdesk.index.actors.table import ActorTable

                self._actor_table = ActorTable(self.store)
            return self._actor_table

    def _actor_filter(self, name: str) -> ActorFilter:
        """The table's `filter`, the table made only when a query asks for an actor."""
        return self.actors.filter(name)

    def close(self) -> None:
        """Never fails: the files may be gone (the folder deleted under the dashboard)."""
        with self._main.lock:
            for close in (self._main.close,
                          self._side_slot.close if self._side_slot is not None else None,
                          self.ix.close, self.store.close):
                if close is not None:
                    with contextlib.suppress(Exception):
                        close()

    # -- damage and vanished files ------------------------------------------------------------

    def _files_identity(self) -> tuple[tuple[int, int], ...] | None:
        """Which store file and Whoosh folder this engine opened (device, inode): a rebuild
        makes new ones. None: they are gone."""
        try:
            return tuple((s.st_dev, s.st_ino) for s in (os.stat(self.paths.store),
                                                        os.stat(self.paths.whoosh)))
        except OSError:
            return None

    def replaced(self) -> bool:
        """Whether the index this engine opened was rebuilt or removed since (then open a new
        Engine; `vanished()` says whether there is one to open)."""
        return self._files_identity() != self._identity

    def vanished(self) -> bool:
        return not self.paths.exists()

    def damage(self) -> IndexDamagedError | None:
        """The damage the check begun at open found (waiting for it)."""
        return self._verifier.result(wait=True)

    def _sound(self) -> None:
        """Raise the damage the check begun at open found (waiting for it, the first time)."""
        found = self._verifier.result(wait=True)
        if found is not None:
            raise found

    @contextlib.contextmanager
    def _diagnosed(self) -> Iterator[None]:
        """An error reading the index becomes the damage found, or a plain message."""
        try:
            yield
        except (NewsdeskError, Stopped):
            raise
        except Exception as exc:
            found = self._diagnose(exc)
            if found is None:
                raise
            raise found from None

    def _diagnose(self, exc: Exception) -> NewsdeskError | None:
        """The error to show for `exc` raised reading the index; None: a fault of newsdesk."""
        if self.vanished():
            return IndexFolderError(
                f"the index folder {self.paths.root} was removed while newsdesk was using "
                "it; rebuild it with `newsdesk index` (F5 in the dashboard)")
        found = self._verifier.result(wait=True)
        if found is not None:
            return found
        if is_damage(exc) or isinstance(exc, StoreContentError):
            return IndexDamagedError(store_damaged_message(self.paths.root, str(exc)), "store")
        if isinstance(exc, OSError | sqlite3.OperationalError):
            return resource_error(exc, self.paths.root)
        if isinstance(exc, _READ_ERRORS):
            return IndexDamagedError(f"the index at {self.paths.root} could not be read "
                                     f"({type(exc).__name__}: {exc})", "index")
        return None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping up with the indexer ----------------------------------------------------------

    @_reads_index
    def refresh(self) -> bool:
        """Open a new searcher if the index changed; True if it did."""
        with self._main.lock:
            if not self._main.refresh():
                return False
            with self._vocabulary_lock:
                self._vocabulary = None
            if self._side_slot is not None:
                self._side_slot.refresh()
            return True

    def warm_up(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Load what the first fuzzy or prefix query would otherwise wait for (the
        vocabulary, from the store: searches meanwhile do not wait), and the facet column
        the first view would wait for; and rapidfuzz, which the first search with no hits
        (a suggestion) or a fuzzy word imports (15-60 ms on a busy machine)."""
        import rapidfuzz.distance  # noqa: F401 - imported now, in the caller's worker
        import rapidfuzz.process  # noqa: F401

        self.wait_for_quiet(stop)  # each step a few hundred ms: between searches
        self._words()
        self.wait_for_quiet(stop)
        side = self._side  # the views' per-document facet column, read once now
        with side.lock:
            side.kept(FacetTable)

    def wait_for_quiet(self, stop: Callable[[], bool] = lambda: False) -> None:
        """(For background work, between its steps.) Return once no search runs and none
        ended within WARM_QUIET, or `stop()` says so: typing goes first, every search."""
        while not stop() and (self._searches or
                              monotonic() - self._searched_at < WARM_QUIET):
            sleep(WARM_QUIET / 4)

    def warm_keyness(self, pause: float = 0.005, stop: Callable[[], bool] = lambda: False
                     ) -> int:
        """Look up now what the first keywords of a session would (views/keyness.py): the
        corpus totals of the words and two-word phrases frequent in a random sample of the
        whole corpus, read as a result set's sample is (the stems of its words cached on
        the way). A result set's frequent words and phrases are mostly the corpus's (said,
        mln dlrs, last year): the first keywords otherwise looked up about 1,000 word totals
        and 24 phrase totals where later ones, finding most of them kept, looked up 300 and
        10. The totals are the index's own, kept per searcher: nothing shown changes.

        For a worker, at start: the views' searcher is held a slice at a time, with `pause`
        seconds between slices, and no slice begins while a search runs or within
        WARM_QUIET of one (typing goes first: under a load of 10, warming beside the
        keystrokes doubled their median). Stops when `stop()` says so or the index
        changes; returns how many totals it looked up."""
        side = self._side
        with side.lock:
            searcher = side.searcher
            docnums = sorted(live_docnums(searcher))
            stats = side.kept(keys.CorpusTerms)
        chosen = docnums if len(docnums) <= keys.SAMPLE else \
            random.Random(len(docnums)).sample(docnums, keys.SAMPLE)

        def paused() -> bool:
            sleep(pause)
            self.wait_for_quiet(stop)
            return stop() or side.searcher is not searcher

        counted = keys.count_sample(self._sampled_texts(side, searcher, chosen), paused,
                                    per_text=self._hit_words(side, searcher, chosen))
        terms = sorted((a, t) for t, a in counted.terms.items() if a >= keys.MIN_FREQ)[::-1]
        pairs = keys.phrase_candidates(counted, len(counted.texts), set())
        lookups: list[Callable[[], int]] = [
            *(functools.partial(stats.term, t) for _, t in terms),
            *(functools.partial(stats.pair, pair) for pair, _ in pairs)]
        looked = 0
        while looked < len(lookups) and not paused():
            with side.lock:
                if side.searcher is not searcher:
                    break
                began = time.perf_counter()
                while looked < len(lookups) and time.perf_counter() - began < WARM_SLICE:
                    lookups[looked]()
                    looked += 1
        return looked

    @property
    def doc_count(self) -> int:
        with self._main.lock:
            return self._main.searcher.doc_count()

    # -- searching ------------------------------------------------------------------------------

    def parse(self, text: str) -> Node | None:
        if text in self._parsed:
            return self._parsed[text]
        node = parse(text, self.settings.search.default_operator)
        self._parsed[text] = node
        if len(self._parsed) > 256:
            self._parsed.popitem(last=False)
        return node

    def _typed(self, text: str, typing: bool) -> Node | None:
        """The query tree of `text`; typing: as search(typing=True) searched it (the views
        of results found while typing count what the list shows)."""
        node = self.parse(text)
        if node is not None and typing:
            return typed_prefix(node, text) or node
        return node

    def _words(self) -> list[str]:
        """Every word indexed, folded and sorted; read once, again after the index changes."""
        with self._vocabulary_lock:
            if self._vocabulary is None:
                self._vocabulary = self.store.vocabulary()
            return self._vocabulary

    def _compile(self, node: Node, slot: SearcherSlot | None = None) -> Compiled:
        reader = (slot or self._main).searcher.reader()
        return Compiler(reader, self._words, self.settings.search.max_expansions,
                        self._actor_filter, self._marked, self.dup_members,
                        functools.partial(self._confirmed, slot or self._main)).compile(node)

    def _confirmed(self, slot: SearcherSlot, query: wq.Query, fields: tuple[str, ...],
                   checks: tuple[Check, ...]) -> Checked:
        """(Hold the slot's lock.) Which of `query`'s matches do not hold the words as
        written in `fields` (a word with a one-letter part, query/compounds.py, in the
        fields' text together; a quoted word or phrase, compile.AsWritten, in a field's
        text), of the first CHECKED_TEXTS of them by index order; kept for the slot's
        searcher (search as you type asks again at every keystroke)."""
        kept = slot.kept(CompoundChecks)
        key = (repr(query), fields, tuple(c.key for c in checks))
        found = kept.get(key)
        if found is not None:
            return found
        docnums = sorted(_matching(slot)(query))
        reader = slot.searcher.reader()
        checked = docnums[:CHECKED_TEXTS]
        ids = [reader.stored_fields(d)["id"] for d in checked]
        rejected = []
        for start in range(0, len(ids), 500):
            found = self.store.field_texts(ids[start:start + 500], fields)
            for docnum, article_id in zip(checked[start:start + 500], ids[start:start + 500],
                                          strict=True):
                texts = found.get(article_id)
                if texts is None:
                    continue
                if not all(c.found_in("\n".join(texts)) if isinstance(c, Compound)
                           else any(holds(text, c.phrase) for text in texts)
                           for c in checks):
                    rejected.append(docnum)
        written = ", ".join(c.written for c in checks)
        found = Checked(len(docnums), len(ids), DocSet(slot.searcher, rejected,
                                                       f"not {written}") if rejected else None)
        kept.put(key, found)
        return found

    def dup_members(self, article_id: str) -> list[str]:
        """The ids of an article's group of near-duplicates, itself included (index/dups)."""
        with self.store.lock:
            return dup_groups.members(self.store.db, article_id)

    def _marked(self, field_name: str, value: str) -> set[str]:
        """The ids of the articles tagged `value` (tag:) or starred, tagged, noted (is:)."""
        self.tags.fresh()
        if field_name == "tag":
            return self.tags.ids_tagged(value)
        return self.tags.ids_that_are(value.lower())  # (is:star* while typing: starred)

    def search(self, text: str, limit: int | None = None, sort: str = RELEVANCE,
               typing: bool = False, fold: bool = False, all_spans: bool = True,
               build: tuple[int, int] | None = None) -> Results:
        """Raises QueryError for a malformed query. The empty query lists the newest
        articles (or the oldest, sorted so); `sort` is relevance, newest or oldest.

        `typing`: the query is being typed (search as you type). Its last word is searched
        as a bounded prefix, and a query that more typing can complete raises
        IncompleteQuery (a QueryError with a short hint) so the caller keeps what it shows.
        Without it (Enter, the CLI) the query runs exactly as written.

        `fold`: `limit` counts stories (near-duplicates folded, dups/fold.py), not hits:
        the hits are the first `limit` stories, one a story, and Results.copies their
        copies the ranking reaches (at least LEAST_REACH hits; fewer stories only where a
        bounded reach holds no more), as ids: copy_hits builds their hits.

        `build` (head, tail): only the first `head` and the last `tail` hits are built; the
        others are bare (Hit.built False: id, score, group, marks), for copy_hits to build
        as they are shown. The last of 11,340 stories (G) built all of them: 2.4 s of CPU."""
        with self._searches_lock:
            self._searches += 1
        try:
            return self._search(text, limit, sort, typing, fold, all_spans, build)
        finally:
            with self._searches_lock:
                self._searches -= 1
                self._searched_at = monotonic()

    @_reads_index
    def _search(self, text: str, limit: int | None, sort: str, typing: bool, fold: bool,
                all_spans: bool = True, build: tuple[int, int] | None = None) -> Results:
        started = time.perf_counter()
        limit = limit or self.settings.search.limit
        node, sort = self._node_and_sort(text, sort)
        searched = (typed_prefix(node, text) if typing else None) or node
        reach = max(limit * dup_fold.REACH, dup_fold.LEAST_REACH) if fold else limit
        keep, group_of = 0, {}
        for _ in range(dup_fold.TRIES if fold else 1):
            compiled, total, ranked, suggestion = self._rank(searched, reach, suggest=True,
                                                             sort=sort, suggest_for=node)
            if not fold:
                break
            with self.store.lock:
                group_of = dup_groups.groups_of(self.store.db, [i for i, _ in ranked])
            keep, stories = dup_fold.stories_cut([i for i, _ in ranked], group_of, limit)
            if stories >= limit or len(ranked) >= total:
                break
            reach *= dup_fold.REACH
        copies: dict[str, Ranked] = {}
        if fold:  # hits for the stories; their copies as ids until opened (copy_hits)
            stories = dup_fold.story_positions([i for i, _ in ranked], keep, group_of)
            copies = {ranked[n][0]: [ranked[c] for c in more] for n, more in stories if more}
            ranked = [ranked[n] for n, _ in stories]
        if build is not None and sum(build) < len(ranked):
            head, tail = build
            middle = ranked[head:len(ranked) - tail]
            hits = [*self._hits(ranked[:head], compiled, all_spans=all_spans),
                    *self._bare(middle),
                    *self._hits(ranked[len(ranked) - tail:], compiled, all_spans=all_spans)]
        else:
            hits = self._hits(ranked, compiled, all_spans=all_spans)
        sort = _effective_sort(compiled, sort)
        prefix = compiled.prefix_words[-1] if compiled.prefix_words else None
        return Results(text, total, hits, time.perf_counter() - started, suggestion,
                       compiled.notes, sort, prefix, copies)

    @_reads_index
    def copy_hits(self, text: str, copies: Ranked, typing: bool = False,
                  all_spans: bool = True) -> list[Hit]:
        """The hits of a folded search's copies (Results.copies), highlighted as
        search(text, typing=typing) highlighted its stories."""
        node, _ = self._node_and_sort(text, RELEVANCE)
        searched = (typed_prefix(node, text) if typing else None) or node
        with self._main.lock:
            compiled = self._compile(searched)
        return self._hits(copies, compiled, all_spans=all_spans)

    def _node_and_sort(self, text: str, sort: str) -> tuple[Node, str]:
        if sort not in SORTS:
            raise QueryError(f"unknown sort '{sort}' (use {', '.join(SORTS)})")
        node = self.parse(text)
        if node is None:  # nothing typed yet: the newest articles, not an empty list
            return Everything(), NEWEST if sort == RELEVANCE else sort
        return node, sort

    def _rank(self, node: Node, limit: int | None, suggest: bool = False,
              slot: SearcherSlot | None = None, sort: str = RELEVANCE,
              suggest_for: Node | None = None
              ) -> tuple[Compiled, int, Ranked, str | None]:
        """(compiled query, total hits, the best `limit` as (id, score), suggestion)."""
        slot = slot or self._main
        with slot.lock:
            compiled = self._compile(node, slot)
            sort = _effective_sort(compiled, sort)
            if sort == RELEVANCE:
                total, ranked = best_hits(slot.searcher, compiled.query, limit,
                                          _matching(slot), slot.kept(TermDocs).phrases)
            else:
                docnums = _matching(slot)(compiled.query)
                total = len(docnums)
                ids = slot.kept(DateOrder).first(docnums, limit, newest=sort == NEWEST)
                ranked = [(article_id, 0.0) for article_id in ids]
            suggestion = self._suggest(suggest_for or node, slot, compiled) \
                if suggest and total == 0 and not isinstance(node, Everything) else None
        return compiled, total, ranked, suggestion

    def _suggest(self, node: Node, slot: SearcherSlot, compiled: Compiled) -> str | None:
        """(Hold the lock.) Did you mean: the query with its unknown words corrected, or
        else its `actor:` names no actor goes by as the actors close to them, if that query
        finds something (each word may be indexed and the whole find nothing: a
        suggestion that leads to no hits is no help)."""
        suggestion = suggest(slot.searcher.reader(), node, self._words) \
            or with_actors(node, compiled.actor_corrections)
        if suggestion is None:
            return None
        try:
            suggested = parse(suggestion, self.settings.search.default_operator)
            if suggested is None or not _matching(slot)(self._compile(suggested, slot).query):
                return None
        except QueryError:
            return None
        return suggestion

    def _hits(self, ranked: Ranked, compiled: Compiled, full_text: bool = False,
              all_spans: bool = True) -> list[Hit]:
        articles = self.store.articles([i for i, _ in ranked])
        with self.store.lock:
            group_of = dup_groups.groups_of(self.store.db, articles)
        width = self.settings.search.snippet_chars
        body_plan, title_plan = compiled.plan.of("body"), compiled.plan.of("title")
        marks = self._marks()
        mentions = self._mentions(articles, compiled.plan)
        hits = []
        for article_id, score in ranked:
            article = articles.get(article_id)
            if article is None:  # deleted since the searcher opened
                continue
            body, title = mentions.get(article_id, NO_MENTIONS)
            spans, complete = first_matches(
                article.text, body_plan, MAX_MATCHES if all_spans else SNIPPET_MATCHES,
                mentions=body)
            hits.append(Hit(id=article.id, title=article.title, date=article.date,
                            date_text=article.date_text, source=article.source,
                            url=article.url, path=article.path, score=float(score or 0.0),
                            snippet=snippet(article.text, spans[:SNIPPET_MATCHES], width),
                            spans=spans,
                            title_spans=first_matches(article.title, title_plan,
                                                      mentions=title).spans,
                            text=article.text if full_text else None,
                            group=group_of.get(article.id), spans_complete=complete))
            mark = marks.get(article.id)
            if mark is not None:
                hits[-1].starred, hits[-1].tags, hits[-1].note = \
                    mark.starred, list(mark.tags), mark.note
        return hits

    def _bare(self, ranked: Ranked) -> list[Hit]:
        """Hits with no article read: id, score, group and marks (search's `build`)."""
        with self.store.lock:
            group_of = dup_groups.groups_of(self.store.db, [i for i, _ in ranked])
        marks = self._marks()
        hits = []
        for article_id, score in ranked:
            hit = Hit(id=article_id, title="", date=None, source=None, url=None, path="",
                      score=float(score or 0.0), snippet=NO_SNIPPET,
                      group=group_of.get(article_id), built=False)
            mark = marks.get(article_id)
            if mark is not None:
                hit.starred, hit.tags, hit.note = mark.starred, list(mark.tags), mark.note
            hits.append(hit)
        return hits

    def _mentions(self, articles: Iterable[str] | dict[str, Article], plan: HighlightPlan
                  ) -> dict[str, tuple[list[Span], list[Span]]]:
        """Where the actors an `actor:` filter asks for are mentioned in these articles (in
        the text, in the title): matches of the query as its words are (highlight.py)."""
        if not plan.actor_keys:
            return {}
        found = self.actors.spans_of(articles, plan.actor_keys)
        if isinstance(articles, dict):  # never past the text (a store written otherwise)
            for article_id, (body, title) in found.items():
                article = articles.get(article_id)
                if article is not None:
                    found[article_id] = (_within(body, len(article.text)),
                                         _within(title, len(article.title)))
        return found

    def _marks(self) -> dict[str, Marks]:
        """Every article's marks as the tags file has them now; none if it is broken (the
        dashboard and `newsdesk tag` report a broken file; a search still runs)."""
        try:
            self.tags.fresh()
        except NewsdeskError:
            return {}
        return self.tags.marks

    def iter_hits(self, text: str, limit: int | None = None, batch: int = 500,
                  full_text: bool = False, sort: str = RELEVANCE) -> Iterator[Hit]:
        """Every hit of a query (or the first `limit`), in `sort` order, built a batch at a
        time so an export of many thousands never holds them all; with `full_text` each
        carries its article's whole text. A blank query lists every article, newest first
        (as `search` lists the newest)."""
        node, sort = self._node_and_sort(text, sort)
        with self._diagnosed():
            compiled, _, ranked, _ = self._rank(node, limit, sort=sort)
            self._sound()
            for start in range(0, len(ranked), batch):
                yield from self._hits(ranked[start:start + batch], compiled, full_text)

    def iter_stories(self, text: str, limit: int | None = None, batch: int = 500,
                     full_text: bool = False, sort: str = RELEVANCE) -> Iterator[dup_fold.Story]:
        """`iter_hits` folded (search --fold): every story (or the first `limit`), one a
        group of near-duplicates among the hits, under its best-ranked hit, with its copies'
        ids in rank order; hits built a batch of stories at a time."""
        node, sort = self._node_and_sort(text, sort)
        with self._diagnosed():
            compiled, _, ranked, _ = self._rank(node, None, sort=sort)
            self._sound()
            ids = [article_id for article_id, _ in ranked]
            with self.store.lock:
                group_of = dup_groups.groups_of(self.store.db, ids)
            keep = len(ids) if limit is None else dup_fold.stories_cut(ids, group_of,
                                                                       limit)[0]
            stories = dup_fold.story_positions(ids, keep, group_of)
            for start in range(0, len(stories), batch):
                part = stories[start:start + batch]
                hits = {hit.id: hit for hit in self._hits([ranked[n] for n, _ in part],
                                                          compiled, full_text)}
                for n, copies in part:
                    hit = hits.get(ids[n])
                    if hit is not None:  # (None: deleted since the searcher opened)
                        yield dup_fold.Story(hit, [ids[c] for c in copies])

    @_reads_index
    def ids(self, text: str) -> list[str]:
        """The id of every article `text` matches, best first: what `newsdesk tag` marks,
        without building hits (snippets and spans) for thousands of them."""
        node = self.parse(text)
        if node is None:
            return []
        _, _, ranked, _ = self._rank(node, None)
        return [article_id for article_id, _ in ranked]

    # -- the shape of a result set ----------------------------------------------------------

    @_reads_index
    def facets(self, text: str, top: int = 10, by: str | None = None,
               stop: Callable[[], bool] = lambda: False, typing: bool = False) -> Facets:
        """Counts by source and by period over every hit, and the actors that the most hits
        mention (candidates drawn from a sample of the hits, then counted over them all).
        Raises Stopped as soon as `stop()` says the result is no longer wanted."""
        started = time.perf_counter()
        node = self._typed(text, typing)
        if node is None:
            return Facets(text, 0, [], facets.timeline(text, Counter(), by), [], 0)
        side = self._side
        with side.lock:
            docnums = list(_matching(side)(self._compile(node, side).query))
            _check(stop)
            counts = side.kept(FacetTable).count(docnums)
            sample = facets.sample_ids(side.searcher, docnums)
        _check(stop)
        # Actors and places apart, so that cities never push an actor out of the facets.
        counted = self.actors.top_in(sample, facets.ACTOR_CANDIDATES, each_kind=True)
        _check(stop)
        if len(sample) < len(docnums):  # counted in a sample: count the candidates in all
            candidates = [(actor, self.actors.keys_of(actor.id)) for actor, _ in counted]
            with side.lock:
                counted = facets.exact_actor_counts(side.kept(TermDocs), set(docnums),
                                                    candidates)
        tags = self._tag_values(side, docnums, top)
        return Facets(text, len(docnums), facets.sources(counts, top),
                      facets.timeline(text, counts, by), facets.actor_values(
                          counted, top, self.actors.filter_name),
                      len(sample), time.perf_counter() - started, tags)

    def _tag_values(self, side: SearcherSlot, docnums: list[int] | set[int],
                    top: int) -> list[FacetValue]:
        """How many of the hits are starred, and have each tag (the `top` most used)."""
        if not self._marks():
            return []
        sets = {"is:starred": self.tags.ids_that_are("starred"),
                **{tag_clause(tag): set(ids) for tag, ids in self.tags.tag_sets().items()}}
        with side.lock:
            return tag_values(side.kept(TermDocs), set(docnums), sets, top)

    @_reads_index
    def timeline(self, text: str, by: str | None = None, typing: bool = False) -> Timeline:
        """Hits per day, week, month or year (chosen by the span of the dates if not given);
        hits without a date are counted apart."""
        node = self._typed(text, typing)
        if node is None:
            return facets.timeline(text, Counter(), by)
        side = self._side
        with side.lock:
            docnums = _matching(side)(self._compile(node, side).query)
            counts = side.kept(FacetTable).count(docnums)
        return facets.timeline(text, counts, by)

    @_reads_index
    def kwic(self, text: str, width: int = 50, articles: int = KWIC_ARTICLES,
             max_lines: int = 5000,
             order: str = "rank", stop: Callable[[], bool] = lambda: False,
             typing: bool = False) -> tuple[list[KwicLine], int]:
        """Concordance lines of the best `articles` hits, and the total number of hits.
        Raises Stopped as soon as `stop()` says the result is no longer wanted."""
        node = self._typed(text, typing)
        if node is None:
            return [], 0
        compiled, total, ranked, _ = self._rank(node, articles, slot=self._side)
        found = self.store.articles([i for i, _ in ranked])
        body_plan = compiled.plan.of("body")
        mentions = self._mentions(found, compiled.plan)
        hits = ((rank, found[i], *first_groups(found[i].text, body_plan,
                                               mentions=mentions.get(i, NO_MENTIONS)[0]))
                for rank, (i, _) in enumerate(ranked, start=1) if i in found and not _check(stop))
        return sort_lines(kwic_lines(hits, width, max_lines), order), total

    @_reads_index
    def kwic_of(self, hits: list[Hit], width: int = 50, query: str = "",
                typing: bool = False) -> list[KwicLine]:
        """Concordance lines of hits already found for `query`: the first screenful of a
        concordance without searching again."""
        try:
            plan = self.plan(query, typing).of("body")
        except QueryError:
            plan = HighlightPlan()
        found = self.store.articles([h.id for h in hits])
        mentions = self._mentions(found, plan)
        ranked = ((rank, found[h.id], *first_groups(found[h.id].text, plan,
                                                    mentions=mentions.get(h.id, NO_MENTIONS)[0]))
                  for rank, h in enumerate(hits, start=1) if h.id in found)
        return kwic_lines(ranked, width, max_lines=5000)

    @_reads_index
    def compare(self, queries: list[tuple[str, str]], by: str | None = None,
                stop: Callable[[], bool] = lambda: False,
                typing: str = "", most: int | None = None) -> comparison.Comparison:
        """Hits per period of several (label, query) pairs on one time axis, with every
        article per period for shares (the chart pane and `newsdesk timeline Q1 Q2`). A
        query that does not parse is a series with its error, not an exception. `typing`:
        the query the results searched while it was typed (its last word a prefix, as
        search(typing=True)): counted so, to agree with the results and the status line."""
        named: list[tuple[str, str, facets.FacetCounts | None, str]] = []
        side = self._side
        for label, text in queries[:comparison.MAX_SERIES]:
            _check(stop)
            try:
                node = self._typed(text, bool(typing) and text == typing)
                if node is None:
                    named.append((label, text, Counter(), ""))
                    continue
                with side.lock:
                    docnums = _matching(side)(self._compile(node, side).query)
                    named.append((label, text, side.kept(FacetTable).count(docnums), ""))
            except QueryError as exc:
                named.append((label, text, None, str(exc)))
        with side.lock:
            everything = side.kept(comparison.corpus_counts)
        return comparison.compare(named, everything, by, most)

    @_reads_index
    def keyness(self, text: str, node: str | None = None, window: int = keys.WINDOW,
                sample: int = keys.SAMPLE, top: int = keys.TOP,
                stop: Callable[[], bool] = lambda: False, typing: bool = False,
                first: Callable[[keys.Keyness], None] | None = None,
                numbers: bool = False) -> keys.Keyness:
        """The words and two-word phrases most over-represented in a query's hits against
        the rest of the corpus, and the collocates of one of its words (`node`, as typed or
        as an index term; the first query word if not given), from a sample of at most
        `sample` hits (views/keys.py); numbers only with `numbers`. Raises Stopped once
        `stop()` says so."""
        started = time.perf_counter()
        parsed = self._typed(text, typing)
        if parsed is None:
            return keys.Keyness(text, 0, 0, 0, 0)
        side = self._side
        with side.lock:
            compiled = self._compile(parsed, side)
            docnums = list(_matching(side)(compiled.query))
            chosen = docnums if len(docnums) <= sample else random.Random(
                len(docnums)).sample(docnums, sample)
            searcher = side.searcher
            stats = side.kept(keys.CorpusTerms)
        _check(stop)
        random.Random(len(docnums)).shuffle(chosen)  # in any order: the word bound may stop early
        counted = keys.count_sample(self._sampled_texts(side, searcher, chosen), stop,
                                    per_text=self._hit_words(side, searcher, chosen))
        sampled = len(counted.texts)
        _check(stop)
        plan = compiled.plan.of("body")
        query_terms = set(plan.terms) | {t for places, _ in plan.phrases for place in places
                                         for t in place_terms(place)}
        nodes = sorted((t for t in query_terms if t in counted.terms),
                       key=lambda t: (-counted.terms[t], t))
        chosen = analysis.term_of(node) if node else None
        chosen = node if node in counted.terms else chosen
        if chosen not in counted.terms:
            chosen = nodes[0] if nodes else None
        with side.lock:
            words = keys.keywords(counted, stats.term, stats.words, query_terms, top,
                                  sampled, stop, numbers)
        _check(stop)
        near = keys.collocates(counted, chosen, window, top, numbers) if chosen else []
        found = keys.Keyness(text, len(docnums), sampled, counted.words, stats.words,
                             words, [], counted.surface(chosen) if chosen else "",
                             [counted.surface(t) for t in nodes], near, window,
                             time.perf_counter() - started, phrases_pending=True)
        if first is not None:
            first(found)  # the words while the phrases' corpus totals are counted
        with side.lock:
            pairs = keys.phrase_candidates(counted, sampled, query_terms, numbers=numbers)
            _check(stop)
            found.phrases = keys.key_phrases(counted, pairs, stats.pair, stats.words, top,
                                             stop)
        found.phrases_pending = False
        found.elapsed = time.perf_counter() - started
        return found

    def _sampled_texts(self, side: SearcherSlot, searcher: object, docnums: list[int],
                       chunk: int = 40) -> Iterator[str]:
        """The texts of `docnums` (of `searcher`) in that order, their ids read a chunk at a
        time as the sample needs them (a sample bound by its words often stops after a tenth
        of them); none after the searcher has been replaced (the index changed)."""
        for start in range(0, len(docnums), chunk):
            with side.lock:
                if side.searcher is not searcher:
                    return
                reader = side.searcher.reader()
                ids = [reader.stored_fields(d)["id"] for d in docnums[start:start + chunk]]
            yield from self._texts(ids, chunk)

    def _hit_words(self, side: SearcherSlot, searcher: object, docnums: list[int]
                   ) -> int | None:
        """The words each of `docnums` gives a sample at most (views/keyness.hit_words), from
        the index's body length of each (approximate: one byte a length)."""
        with side.lock:
            if side.searcher is not searcher:
                return None
            reader = side.searcher.reader()
            return keys.hit_words([reader.doc_field_length(d, keys.FIELD, 0) for d in docnums])

    def _texts(self, ids: list[str], chunk: int = 40) -> Iterator[str]:
        """The articles' texts in the order of `ids`, read a few dozen at a time: a sample
        bound by its words often stops long before the last id."""
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            found = self.store.articles(part)
            yield from (found[i].text for i in part if i in found)

    def saved_counts(self, bookmarks: Iterable[Bookmark]) -> dict[str, SavedCount]:
        """Each saved search's hits now and those indexed since it was last opened; a
        query that no longer parses is counted as its error, not raised."""
        counts: dict[str, SavedCount] = {}
        for bookmark in bookmarks:
            try:
                # (A blank query, in a file written by hand, runs as every article: its
                # count says so too, not 0.)
                counts[bookmark.name] = SavedCount(
                    self.count(bookmark.query, blank_is_all=True),
                    self.count(bookmark.query, bookmark.opened, blank_is_all=True))
            except NewsdeskError as exc:
                counts[bookmark.name] = SavedCount(0, 0, str(exc))
        return counts

    @_reads_index
    def count(self, text: str, indexed_after: float | None = None,
              blank_is_all: bool = False) -> int:
        """Articles matching `text`; with `indexed_after`, only those indexed since then. A
        blank query matches none, or every article with `blank_is_all` (as `search` lists)."""
        node = self.parse(text)
        if node is None and blank_is_all:
            node = Everything()
        if node is None:
            return 0
        with self._main.lock:
            query = self._compile(node).query
            if indexed_after is not None:
                query = indexed_since(query, indexed_after)
            return len(_matching(self._main)(query))

    def plan(self, text: str, typing: bool = False) -> HighlightPlan:
        """What to highlight for `text` (typing: with its last word as a prefix)."""
        node = self.parse(text)
        if node is None:
            return HighlightPlan()
        if typing:
            node = typed_prefix(node, text) or node
        with self._main.lock:
            return self._compile(node).plan

    @_reads_index
    def document(self, article_id: str, text: str = "") -> Document | None:
        """The article with every match of the query `text` as spans."""
        article = self.store.articles([article_id]).get(article_id)
        if article is None:
            return None
        try:
            plan = self.plan(text)
            body, title = self._mentions({article_id: article}, plan).get(article_id,
                                                                          NO_MENTIONS)
            spans, complete = first_matches(article.text, plan.of("body"), mentions=body)
            title_spans = first_matches(article.title, plan.of("title"), mentions=title).spans
            if not spans and not title_spans:  # found while typing: "solei" for Soleimani
                plan = self.plan(text, typing=True)
                spans, complete = first_matches(article.text, plan.of("body"))
                title_spans = first_matches(article.title, plan.of("title")).spans
        except QueryError:
            spans, title_spans, complete = [], [], True
        mentions, title_mentions = self.actors.mentions_in(article_id)
        return Document(article, spans, title_spans, mentions, title_mentions, complete)

    # -- actors -----------------------------------------------------------------------------

    @_reads_index
    def top_actors(self, text: str, limit: int = 20, each_kind: bool = False,
                   typing: bool = False) -> list[tuple[Actor, int]]:
        """The actors of a query's best hits, by how many of those articles mention them
        (the top `limit`, or with `each_kind` the top `limit` places and others apart);
        `typing`: the query as search(typing=True) searched it."""
        node = self._typed(text, typing)
        if node is None:
            return []
        _, _, ranked, _ = self._rank(node, TOP_ACTORS_FROM)
        return self.actors.top_in([article_id for article_id, _ in ranked], limit, each_kind)


NO_MENTIONS: tuple[list[Span], list[Span]] = ([], [])
NO_SNIPPET = Snippet("", [])


def _effective_sort(compiled: Compiled, sort: str) -> str:
    """The order hits are listed in: a query that only filters (`actor:"Boris Johnson"`,
    `tag:lead`, a date range) has no relevance to rank by, every hit scores alike; it lists
    the newest first, as the empty query does, not in the order the files were indexed."""
    if sort == RELEVANCE and not ranks(compiled.query):
        return NEWEST
    return sort


def _within(spans: list[Span], length: int) -> list[Span]:
    return [(start, min(end, length)) for start, end in spans if start < length]


def _check(stop: Callable[[], bool]) -> None:
    if stop():
        raise Stopped
