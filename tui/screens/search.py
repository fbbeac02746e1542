"""Search as you type, for the main screen: each keystroke's query (after a short pause,
config ui.debounce_ms) narrowed by the filters goes to the results pane, whose worker runs
one search at a time; results of a query the user has moved on from are dropped; shown
results start the views and feed the latency probe."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.screen import Screen
from textual.timer import Timer

from newsdesk.index.config import Settings
from newsdesk.index.models import SORTS
from newsdesk.index.query.language import with_filters
from newsdesk.tui import messages as msg
from newsdesk.tui.latency import LatencyProbe
from newsdesk.tui.panes.indexing import IndexBar
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.panes.views import ViewsPane
from newsdesk.tui.render import counted

SEARCHING_AFTER = 0.15  # seconds a search runs before the status line says "Searching…"


class Search:
    def __init__(self, screen: Screen[object], settings: Settings, probe: LatencyProbe,
                 shown: Callable[[], None]) -> None:
        self.screen = screen
        self.settings = settings
        self.probe = probe
        self.shown = shown  # called when results are shown
        self.filters: list[str] = []  # field queries the search is narrowed by
        self.doc_count = 0
        self._debounce: Timer | None = None
        self._running: str | None = None  # the query searched for and not yet shown
        self._indicator: Timer | None = None
        self._typed_prefix = False  # the results on show searched the last word as a prefix
        self._due = False  # a keystroke's search waits for the debounce
        self.unavailable = False  # the index could not be opened: no results to come

    def effective_query(self, query: str | None = None) -> str:
        """The search box's query (or `query`) narrowed by the filters."""
        box = self.screen.query_one(SearchBox).value if query is None else query
        return with_filters(box, self.filters)

    def narrow(self, filters: list[str]) -> None:
        """Set the filters. A query the user ran as written (Enter, a saved search, a recalled
        one) stays so under the new filters: "oil", Enter, then a facet showed "oil" as a
        prefix again, 1,509 hits beside the facet's count of 1,453."""
        results = self.screen.query_one(ResultsList)
        before = self.effective_query()
        as_written = bool(before.strip()) and (
            results.exact == before or (results.shown_query == before and not self._typed_prefix))
        self.filters = list(filters)
        if as_written:
            results.exact = self.effective_query()

    def _wanted(self) -> str:
        """The query whose results belong on show now ("" for nothing typed)."""
        query = self.effective_query()
        return query if query.strip() else ""

    def typed(self, value: str) -> None:
        self.probe.typed(value)
        if self.screen.query_one(SearchBox).recalled(value):
            # Up brought back a query that was run as written: it runs so again, not with
            # its last word as a prefix ("corn… as a prefix (Enter: as typed)").
            self.screen.query_one(ResultsList).exact = self.effective_query(value)
        self.screen.query_one(ResultsList).limit = self.settings.ui.page_size
        if self._debounce is not None:
            self._debounce.stop()
        delay = self.settings.ui.debounce_ms / 1000
        if delay <= 0:
            self.start(value)
        else:
            self._due = True
            self._debounce = self.screen.set_timer(delay, lambda: self.start(value))

    def results_due(self) -> bool:
        """Whether results asked for (typed, Enter, a filter, the sort) are not yet on show
        (nor failed): also while the index is being opened, whose first search is to come."""
        if self.unavailable:
            return False
        if self.screen.query_one(IndexBar).engine is None:
            return True
        return self._due or self._running is not None

    def start(self, box_query: str) -> None:
        """Search for `box_query` narrowed by the filters (or show the empty screen)."""
        self._due = False
        views = self.screen.query_one(ViewsPane)
        views.generation += 1
        if self.screen.query_one(IndexBar).engine is None:
            return  # searched when the index is ready
        query = self.effective_query(box_query)
        # The empty query lists the newest articles (the engine's answer to nothing typed).
        query = query if query.strip() else ""
        self.screen.query_one(ResultsList).search_latest(query)
        self._track(query)

    def _track(self, query: str) -> None:
        """Say "searching" if `query` has not painted within SEARCHING_AFTER."""
        self._running = query
        status = self.screen.query_one(StatusLine)
        if status.message_kind == "searching":  # already said: name the latest query
            status.show_searching(query or "the newest articles")
        elif self._indicator is None:  # one timer for a burst of keys: from its first search
            self._indicator = self.screen.set_timer(SEARCHING_AFTER, self._still_running)

    def _still_running(self) -> None:
        self._indicator = None
        if self._running is not None:
            self.screen.query_one(StatusLine).show_searching(
                self._running or "the newest articles")

    def _ended(self) -> None:
        self._running = None
        if self._indicator is not None:
            self._indicator.stop()
            self._indicator = None

    def submitted(self, box_query: str) -> str | None:
        """Enter: the query exactly as written, if what is shown was searched otherwise (its
        last word as a prefix) or not at all (an incomplete query kept the last results).
        The query so searched, whose results are yet to come; None if none was needed."""
        results = self.screen.query_one(ResultsList)
        query = self.effective_query(box_query)
        if query.strip() and (results.shown_query != query or self._typed_prefix):
            results.exact = query
            results.search_latest(query)
            self._track(query)
            return query if results.engine is not None else None
        return None

    def cycle_sort(self) -> str:
        """Relevance -> newest -> oldest first; searched again at once."""
        results = self.screen.query_one(ResultsList)
        results.sort = SORTS[(SORTS.index(results.sort) + 1) % len(SORTS)]
        results.limit = self.settings.ui.page_size
        self.start(self.screen.query_one(SearchBox).value)
        return results.sort

    def show_idle(self) -> None:
        self.screen.query_one(StatusLine).show_text(
            f"{counted(self.doc_count, 'article')} indexed. Type to search; ? for help.")

    def done(self, message: msg.SearchDone) -> None:
        if message.query != self._wanted():
            return  # an older search finished after a newer keystroke
        self._ended()
        results, views = self.screen.query_one(ResultsList), self.screen.query_one(ViewsPane)
        results.set_class(False, "-stale")
        more = results.show_results(message.query, message.results)
        self._typed_prefix = views.typing = message.results.prefix is not None
        if not message.query:  # nothing typed: the newest articles, no views
            # Undated articles come after the dated ones either way: a first one undated
            # means none has a date ("newest first" said of a corpus with no dates).
            hits = message.results.hits
            order = f"{message.results.sort} first" if hits and hits[0].date is not None \
                else "none dated"
            self.screen.query_one(StatusLine).show_text(
                f"{counted(self.doc_count, 'article')} indexed, {order}. Type "
                "to search; Ctrl+O sorts; ? for help.")
            views.clear()
            if not message.results.hits:
                self.screen.query_one(ArticleView).show(None)
            self.shown()
            return
        self.screen.query_one(StatusLine).show_results(
            message.results, self.doc_count, self.settings.search.default_operator,
            self.filters, results.stories)
        if not message.results.hits:
            self.screen.query_one(ArticleView).show(None)
        if not more and views.timeline_query != message.query:  # the strip is another's
            if message.results.total:
                views.strip.mark_stale()
            else:
                views.clear()
        if not more:  # after the results are painted: the views must not hold them up
            self.screen.call_after_refresh(views.start, message.query, message.results.total,
                                           views.generation, results.hits)
        typed = self.probe.typed_at(self.screen.query_one(SearchBox).value)
        if typed is not None:
            results.after_paint(partial(self.probe.results_painted, message.query, typed))
        elif self.probe.on and not more:
            results.after_paint(partial(self.probe.mark_painted, message.query))
        self.shown()

    def failed(self, message: msg.SearchFailed) -> None:
        if message.query != self._wanted():
            return
        results = self.screen.query_one(ResultsList)
        self._ended()
        if message.hint is not None and results.shown_query:
            # Being typed: the last good results stay, quietly, dimmed till a query runs,
            # and the status line says whose they are.
            results.set_class(True, "-stale")
            self.screen.query_one(StatusLine).show_hint(message.hint, results.shown_query)
            return
        # A malformed query, or one being typed over no search yet: no list at all. Dimmed,
        # the newest articles under "unclosed '['" still read as 3,000 hits (an outside
        # tester's U2; the status line was cut at 80 columns), and another query's hits
        # under an error as its own.
        results.clear()
        results.set_class(False, "-stale")
        self.screen.query_one(ArticleView).show(None)
        self.screen.query_one(ViewsPane).clear()
        status = self.screen.query_one(StatusLine)
        if message.hint is not None:
            status.show_hint(message.hint, "")
        else:
            status.show_error(message.query, message.error, "not searched")
