"""Search as you type, for the main screen: each keystroke's query (after a short pause,
config ui.debounce_ms) narrowed by the filters goes to the results pane, whose worker runs
one search at a time; results of a query the user has moved on from are dropped; shown
results start the views and feed the latency probe."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.timer import Timer

from newsdesk.index.config import Settings
from newsdesk.index.query.language import with_filters
from newsdesk.tui import messages as msg
from newsdesk.tui.latency import LatencyProbe
from newsdesk.tui.panes.indexing import IndexBar
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.panes.views import ViewsPane

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

    def effective_query(self, query: str | None = None) -> str:
        """The search box's query (or `query`) narrowed by the filters."""
        box = self.screen.query_one(SearchBox).value if query is None else query
        return with_filters(box, self.filters)

    def typed(self, value: str) -> None:
        self.probe.typed(value)
        self.screen.query_one(ResultsList).limit = self.settings.ui.page_size
        if self._debounce is not None:
            self._debounce.stop()
        delay = self.settings.ui.debounce_ms / 1000
        if delay <= 0:
            self.start(value)
        else:
            self._debounce = self.screen.set_timer(delay, lambda: self.start(value))

    def start(self, box_query: str) -> None:
        """Search for `box_query` narrowed by the filters (or show the empty screen)."""
        views = self.screen.query_one(ViewsPane)
        views.generation += 1
        if self.screen.query_one(IndexBar).engine is None:
            return  # searched when the index is ready
        query = self.effective_query(box_query)
        if not query.strip():
            self._ended()
            self.screen.query_one(ResultsList).clear()
            self.screen.query_one(ArticleView).show(None)
            views.clear()
            self.show_idle()
            return
        self.screen.query_one(ResultsList).search_latest(query)
        self._running = query
        status = self.screen.query_one(StatusLine)
        if status.message_kind == "searching":  # already said: name the latest query
            status.show_searching(query)
        elif self._indicator is None:  # one timer for a burst of keys: from its first search
            self._indicator = self.screen.set_timer(SEARCHING_AFTER, self._still_running)

    def _still_running(self) -> None:
        self._indicator = None
        if self._running is not None:
            self.screen.query_one(StatusLine).show_searching(self._running)

    def _ended(self) -> None:
        self._running = None
        if self._indicator is not None:
            self._indicator.stop()
            self._indicator = None

    def show_idle(self) -> None:
        self.screen.query_one(StatusLine).show_text(
            f"{self.doc_count:,} articles indexed. Type to search; ? for help.")

    def done(self, message: msg.SearchDone) -> None:
        if message.query != self.effective_query():
            return  # an older search finished after a newer keystroke
        self._ended()
        results, views = self.screen.query_one(ResultsList), self.screen.query_one(ViewsPane)
        more = results.show_results(message.query, message.results)
        self.screen.query_one(StatusLine).show_results(
            message.results, self.doc_count, self.settings.search.default_operator,
            self.filters)
        if not message.results.hits:
            self.screen.query_one(ArticleView).show(None)
        if not more:  # after the results are painted: the views must not hold them up
            self.screen.call_after_refresh(views.start, message.query, message.results.total,
                                           views.generation, results.hits)
        typed = self.probe.typed_at(self.screen.query_one(SearchBox).value)
        if typed is not None:
            self.screen.call_after_refresh(self.probe.results_painted, message.query, typed)
        elif self.probe.on and not more:
            self.screen.call_after_refresh(self.probe.mark_painted, message.query)
        self.shown()

    def failed(self, message: msg.SearchFailed) -> None:
        if message.query != self.effective_query():
            return
        self._ended()
        self.screen.query_one(StatusLine).show_error(message.query, message.error)
        self.screen.query_one(ViewsPane).clear()
