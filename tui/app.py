"""The newsdesk dashboard: search box, status line, timeline, results, and on the right the
reader, the facets or the concordance; indexing in the background with visible progress;
search as you type in a worker, the views of each result set in another."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.worker import Worker

from newsdesk.index.config import Settings
from newsdesk.index.models import (
    Actor,
    Article,
    Hit,
    NewsdeskError,
    QueryError,
    SavedCount,
    Stopped,
    Timeline,
)
from newsdesk.index.query.language import field_clause, with_filters
from newsdesk.index.userdata.bookmarks import (
    BookmarkStore,
    History,
    SavedFileError,
    corpus_data_dir,
)
from newsdesk.index.views.export import export_to_file, format_of
from newsdesk.index.views.kwic import ARTICLES as KWIC_ARTICLES
from newsdesk.tui import crash
from newsdesk.tui import messages as msg
from newsdesk.tui.article_actions import (
    COPY_CHOICES,
    article_as_text,
    copy_value,
    export_name,
    has_graphical_browser,
    pager_command,
    run_pager,
    web_url,
)
from newsdesk.tui.collector import PAUSE_SECONDS, PauseCollector
from newsdesk.tui.commands import NewsdeskCommands
from newsdesk.tui.exit_codes import EXIT_ERROR
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.widgets.actor_pane import ActorList, ActorPane
from newsdesk.tui.widgets.dialogs import ChoiceDialog, ConfirmDialog, NameDialog
from newsdesk.tui.widgets.facets_view import FacetsView
from newsdesk.tui.widgets.help import HelpScreen
from newsdesk.tui.widgets.kwic_view import KwicView
from newsdesk.tui.widgets.reader import ArticleView
from newsdesk.tui.widgets.results import ResultsList
from newsdesk.tui.widgets.saved_pane import SavedPane
from newsdesk.tui.widgets.search_box import SearchBox
from newsdesk.tui.widgets.status import StatusLine
from newsdesk.tui.widgets.timeline import TimelineStrip

if TYPE_CHECKING:
    from newsdesk.index.engine import Engine

REFRESH_SECONDS = 5.0
VIEWS = ("reader", "facets", "kwic")  # what the right-hand pane shows
PERIOD_CYCLE = (None, "day", "week", "month", "year")  # None: chosen by the dates' span
KWIC_CONTEXT = 120  # characters each side: enough for the widest pane
EXPORT_MAX = 100_000  # hits an export from the dashboard writes at most


class NewsdeskApp(App[int]):
    CSS_PATH = "newsdesk.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {NewsdeskCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar = [
        Binding("slash", "focus_search", "Search", id="app.search"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit2"),
        Binding("ctrl+s", "save_search", "Save search", id="app.save"),
        Binding("b", "focus_saved", "Saved", id="app.saved"),
        Binding("a", "focus_actors", "Actors", id="app.actors"),
        Binding("x", "remove_filter", "Drop filter", id="app.unfilter"),
        Binding("v", "show_facets", "Facets", id="app.facets"),
        Binding("c", "show_kwic", "Concordance", id="app.kwic"),
        Binding("e", "export", "Export results to CSV / JSON Lines", show=False,
                id="app.export"),
        Binding("y", "copy", "Copy url, title, text or query", show=False, id="app.copy"),
        Binding("o", "pager", "Open the article in $PAGER", show=False, id="app.pager"),
        Binding("O", "open_url", "Open the article's url in a browser", show=False,
                id="app.browser"),
        Binding("ctrl+r", "reindex", "Update index", show=False, id="app.reindex"),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.engine: Engine | None = None
        self.doc_count = 0
        self._debounce: Timer | None = None
        self._searching: tuple[str, int] | None = None  # (query, limit) of the running search
        self._wanted: tuple[str, int] | None = None  # the latest asked for while it runs
        self._shown_query = ""
        self._indexing = threading.Event()
        self._cancel_index = threading.Event()
        self._limit = settings.ui.page_size
        self._total = 0
        self._index_t0 = time.perf_counter()
        self._typed_at: dict[str, float] = {}  # query -> when it was typed (latency probe)
        self._painted_at: dict[str, float] = {}  # query -> when its results were painted
        self._latency_log = os.environ.get("NEWSDESK_LATENCY_LOG")
        folder = corpus_data_dir(settings)
        self.bookmarks = BookmarkStore(folder)
        self.history = History(folder)
        self.saved_counts: dict[str, SavedCount] = {}
        self.filters: list[str] = []  # field queries the search is narrowed by
        self.view = "reader"
        self.timeline_by: str | None = None
        self._generation = 0  # bumped by every search: views of older ones stop early
        self._timeline_query = ""  # the query the timeline strip shown belongs to
        self._facets_query = ""  # the query the facets pane shown belongs to
        self._kwic_query = ""  # the query the concordance shown belongs to
        self._reader_opened_from = ""  # "kwic": Escape in the reader goes back there
        self._collector = PauseCollector()  # full garbage collections wait for a pause
        self._pause: Timer | None = None

    # -- layout ---------------------------------------------------------------------------------

    async def _on_message(self, message: Message) -> None:
        if isinstance(message, msg.WorkerReport) and (self._exit or not self.is_running):
            return  # a worker finished as the app closed: its panes are gone
        await super()._on_message(message)

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        yield StatusLine(id="status")
        yield TimelineStrip(id="timeline")
        with Vertical(id="indexing"):
            yield Static("", id="indexing-label")
            yield ProgressBar(id="indexing-bar", show_eta=True)
        with Horizontal(id="main"):
            # Tab follows the screen left to right: search, saved, results, reader.
            with Vertical(id="sidebar"):
                yield SavedPane(id="saved")
                yield ActorPane(id="actors")
            yield ResultsList(id="results")
            with Vertical(id="right"):
                yield ArticleView(id="reader")
                yield FacetsView(id="facets")
                yield KwicView(id="kwic")
        yield Footer()

    def _handle_exception(self, error: Exception) -> None:
        """A fault of newsdesk's own: Textual exits as it does for any (and tests still see
        the error), but the terminal is left one message instead of a traceback, which goes
        to a report file (tui/crash.py)."""
        super()._handle_exception(error)
        self._exit_renderables[:] = [Text(crash.message(error, crash.write_report(error)))]

    def on_mount(self) -> None:
        results = self.query_one(ResultsList)
        results.border_title = "Results"
        reader = self.query_one(ArticleView)
        reader.border_title = "Reader"
        self.query_one(SavedPane).border_title = "Saved searches"
        self.query_one(ActorPane).border_title = "Actors"
        self.query_one(FacetsView).border_title = "Facets"
        self.query_one(KwicView).border_title = "Concordance"
        self._load_saved()
        self.query_one(SearchBox).focus()
        self.query_one(StatusLine).show_text("Opening the index…")
        # After the first frame: the worker's imports (Whoosh, numpy) would hold the
        # interpreter lock while Textual paints it.
        self.call_after_refresh(self.prepare_index)
        self.set_interval(REFRESH_SECONDS, self.check_for_changes)
        self._collector.start()

    # -- index ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def prepare_index(self, force: bool = False) -> None:
        """Build or update the index if the corpus changed, then open it for searching."""
        # Imported here, in the worker, once the first frame is painted.
        from newsdesk.index.engine import Engine
        from newsdesk.index.ingest.indexer import Indexer, corpus_is_stale, index_is_current
        from newsdesk.index.paths import index_paths

        report = None
        try:
            if force or corpus_is_stale(self.settings):
                self._index_t0 = time.perf_counter()
                self._indexing.set()
                self._cancel_index.clear()
                if self.engine is None and index_is_current(index_paths(self.settings)):
                    # An ingest adds a batch at a time: search what is there meanwhile, and
                    # more as batches are committed (check_for_changes). A rebuild starts
                    # from nothing, so it is waited for.
                    self.engine = Engine(self.settings)
                    self.post_message(msg.IndexReady(None, self.engine.doc_count,
                                                     indexing=True))
                report = Indexer(self.settings, lock_wait=30).run(
                    lambda p: self.post_message(msg.IndexProgress(p)), self._cancel_index)
            engine = self.engine
            if engine is None:
                engine = Engine(self.settings)
                self.engine = engine
            else:
                engine.refresh()
            self.post_message(msg.IndexReady(report, engine.doc_count))
            engine.warm_up()
        except NewsdeskError as exc:
            self.post_message(msg.BackgroundError("Indexing", str(exc)))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.post_message(msg.BackgroundError("Indexing", f"{type(exc).__name__}: {exc}"))
        finally:
            self._indexing.clear()

    def on_index_progress(self, message: msg.IndexProgress) -> None:
        p = message.progress
        box = self.query_one("#indexing")
        box.display = True
        bar = self.query_one("#indexing-bar", ProgressBar)
        bar.update(total=p.bytes_total or None, progress=p.bytes_done)
        elapsed = max(1e-6, time.perf_counter() - self._index_t0)
        doing = "Committing" if p.bytes_total and p.bytes_done >= p.bytes_total else "Indexing"
        meanwhile = "search now: results grow as it goes" if self.engine is not None else \
            "type now: results come when it is done"
        label = f"{doing} {p.current or '…'} · {p.articles:,} articles · " \
                f"{p.articles / elapsed:,.0f}/s · {meanwhile}"
        self.query_one("#indexing-label", Static).update(Text(label))

    def on_index_ready(self, message: msg.IndexReady) -> None:
        if not message.indexing:
            self.query_one("#indexing").display = False
        self.load_actors()
        self.doc_count = message.doc_count
        report = message.report
        status = self.query_one(StatusLine)
        if report and report.problems:
            skipped = sum(1 for p in report.problems if p.skipped)
            self.notify(f"{len(report.problems)} problems while indexing ({skipped} skipped); "
                        "run `newsdesk index` to list them", severity="warning", timeout=8)
        self.count_saved()
        self.busy()
        query = self.effective_query()
        if query.strip():
            self.start_search(self.query_one(SearchBox).value)
        else:
            status.show_text(f"{self.doc_count:,} articles indexed. Type to search; ? for help.")

    def on_background_error(self, message: msg.BackgroundError) -> None:
        self.query_one("#indexing").display = False
        self.notify(f"{message.what}: {message.error}", severity="error", timeout=15)
        if self.engine is None:
            self.query_one(StatusLine).show_error("", f"{message.what} failed: {message.error}")

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def check_for_changes(self) -> None:
        """Pick up commits of an indexer: another (newsdesk index run beside the
        dashboard), or the dashboard's own, a batch at a time."""
        engine = self.engine
        if engine is None:
            return
        try:
            if engine.refresh():
                self.doc_count = engine.doc_count
                self.post_message(msg.IndexChanged())
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Refreshing the index", str(exc)))

    def on_index_changed(self, message: msg.IndexChanged) -> None:
        self.count_saved()
        self.load_actors()
        self.start_search(self.query_one(SearchBox).value)

    # -- searching ------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def on_query_changed(self, event: Input.Changed) -> None:
        if self._latency_log:
            self._typed_at[event.value] = time.perf_counter()
        self._limit = self.settings.ui.page_size
        if self._debounce is not None:
            self._debounce.stop()
        delay = self.settings.ui.debounce_ms / 1000
        if delay <= 0:
            self.start_search(event.value)
        else:
            self._debounce = self.set_timer(delay, lambda: self.start_search(event.value))

    @on(Input.Submitted, "#search")
    def on_query_submitted(self, event: Input.Submitted) -> None:
        status = self.query_one(StatusLine)
        self.remember(event.value)
        if status.suggestion and status.message_kind == "suggest":
            self.accept_suggestion(status.suggestion)
        elif self.query_one(ResultsList).hits:
            self.action_focus_results()

    @on(StatusLine.SuggestionAccepted)
    def on_suggestion(self, event: StatusLine.SuggestionAccepted) -> None:
        self.accept_suggestion(event.suggestion)

    def accept_suggestion(self, suggestion: str) -> None:
        box = self.query_one(SearchBox)
        box.value = suggestion
        box.cursor_position = len(suggestion)
        self.start_search(suggestion)

    def effective_query(self, query: str | None = None) -> str:
        """The search box's query narrowed by the actor filters."""
        box = self.query_one(SearchBox).value if query is None else query
        return with_filters(box, self.filters)

    def start_search(self, query: str) -> None:
        self._generation += 1
        if self.engine is None:
            return  # searched when the index is ready
        query = self.effective_query(query)
        if not query.strip():
            self._shown_query = ""
            self.query_one(ResultsList).show([])
            self.query_one(ArticleView).show(None)
            self._clear_views()
            self.query_one(StatusLine).show_text(
                f"{self.doc_count:,} articles indexed. Type to search; ? for help.")
            return
        self.search_latest(query)

    def search_latest(self, query: str) -> None:
        """Search now if no search is running; else search once it ends, for the latest query
        asked by then. Keys typed during a search cost one search after it, not one each, and
        a key typed when the engine is idle is searched at once (no fixed delay)."""
        wanted = (query, self._limit)
        if self._searching is not None:
            self._wanted = wanted
            return
        self._searching, self._wanted = wanted, None
        self.run_search(query)

    @on(Worker.StateChanged)
    def _search_ended(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search" or not event.worker.is_finished:
            return
        ran, wanted = self._searching, self._wanted
        self._searching = self._wanted = None
        if wanted is not None and wanted != ran and not self._exit:
            self._limit = wanted[1]
            self.search_latest(wanted[0])

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            results = engine.search(query, self._limit)
        except QueryError as exc:
            self.post_message(msg.SearchFailed(query, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a search must never take the app down
            self.post_message(msg.SearchFailed(query, f"search failed: {exc}"))
        else:
            self.post_message(msg.SearchDone(query, results))

    def on_search_done(self, message: msg.SearchDone) -> None:
        if message.query != self.effective_query():
            return  # an older search finished after a newer keystroke
        more = message.query == self._shown_query and results_grew(
            self.query_one(ResultsList).hits, message.results.hits)
        self._shown_query = message.query
        self._total = message.results.total
        results = self.query_one(ResultsList)
        results.show(message.results.hits, keep_position=more)
        self.query_one(StatusLine).show_results(message.results, self.doc_count,
                                                self.settings.search.default_operator,
                                                self.filters)
        if not message.results.hits:
            self.query_one(ArticleView).show(None)
        if not more:  # after the results are painted: the views must not hold them up
            self.call_after_refresh(self.start_views, message.query, message.results.total,
                                    self._generation)
        typed = self._typed_at.pop(self.query_one(SearchBox).value, None)
        if typed is not None:
            self.call_after_refresh(self._log_latency, message.query, typed)
        elif self._latency_log and not more:
            self.call_after_refresh(self._mark_painted, message.query)
        self.busy()

    def busy(self) -> None:
        """Something was just shown: collect garbage once nothing more is, for a while."""
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.set_timer(PAUSE_SECONDS, self._collector.collect)

    def _log_latency(self, query: str, typed: float) -> None:
        """Latency probe: keystroke (Input.Changed) to the refresh that painted its results."""
        assert self._latency_log
        self._mark_painted(query)
        with open(self._latency_log, "a", encoding="utf-8") as log:
            log.write(f"{(time.perf_counter() - typed) * 1000:.2f}\t{query}\n")

    def _mark_painted(self, query: str) -> None:
        self._painted_at[query] = time.perf_counter()

    def _log_view(self, view: str, query: str) -> None:
        """Latency probe: results painted to a view (facets, kwic) painted, in LOG.views."""
        painted = self._painted_at.get(query)
        if self._latency_log and painted is not None:
            with open(self._latency_log + ".views", "a", encoding="utf-8") as log:
                log.write(f"{(time.perf_counter() - painted) * 1000:.2f}\t{view}\t{query}\n")

    def on_search_failed(self, message: msg.SearchFailed) -> None:
        if message.query != self.effective_query():
            return
        self.query_one(StatusLine).show_error(message.query, message.error)
        self._clear_views()

    # -- reading --------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#results")
    def on_hit_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        results = event.option_list  # not a query: this may arrive as the app closes
        if not isinstance(results, ResultsList) or not results.is_attached:
            return
        if event.option_index == len(results.hits) - 1 and self._total > len(results.hits):
            self._limit = len(results.hits) + self.settings.ui.page_size  # the next page
            self.search_latest(self._shown_query)
        if self.screen.has_class("-wide") and event.option.id:
            self.load_document(event.option.id, self._shown_query, focus=False)

    @on(OptionList.OptionSelected, "#results")
    def on_hit_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.load_document(event.option.id, self._shown_query, focus=True)

    @work(thread=True, exclusive=True, group="document", exit_on_error=False)
    def load_document(self, article_id: str, query: str, focus: bool,
                      at_match: int | None = None) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            document = engine.document(article_id, query)
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Opening the article", str(exc)))
            return
        self.post_message(msg.DocumentLoaded(document, query, focus, at_match))

    def on_document_loaded(self, message: msg.DocumentLoaded) -> None:
        reader = self.query_one(ArticleView)
        reader.show(message.document)
        self.busy()
        if message.at_match is not None and message.at_match < reader.match_count:
            reader.go_to_match(message.at_match)
        if message.focus:
            self.remember(message.query)
            self.set_view("reader")
            self.screen.add_class("-reading")
            self.focus_now(reader)

    @on(ArticleView.Closed)
    def on_reader_closed(self) -> None:
        self.screen.remove_class("-reading")
        if self._reader_opened_from == "kwic":
            self._reader_opened_from = ""
            self.action_show_kwic()
            return
        self.action_focus_results()

    # -- actions --------------------------------------------------------------------------------

    def focus_now(self, widget: Widget) -> None:
        """Focus at once: `widget.focus()` waits behind the keys already queued, so "/oil"
        typed or pasted fast would send "oil" to the list it leaves (o opens the pager)."""
        self.screen.set_focus(widget)
        if self.focused is not widget:  # not focusable yet (just shown): the usual way
            widget.focus()

    def action_focus_search(self) -> None:
        self.screen.remove_class("-reading", "-saved", "-actors")
        self._leave_narrow_view()
        self.focus_now(self.query_one(SearchBox))

    def action_focus_saved(self) -> None:
        self.screen.remove_class("-reading", "-actors")
        self.screen.add_class("-saved")
        self.focus_now(self.query_one(SavedPane))

    def action_focus_actors(self) -> None:
        self.screen.remove_class("-reading", "-saved")
        self.screen.add_class("-actors")
        self.focus_now(self.query_one(ActorList))

    def action_focus_results(self) -> None:
        self.screen.remove_class("-reading", "-saved", "-actors")
        self._leave_narrow_view()
        results = self.query_one(ResultsList)
        self.focus_now(results)
        if results.hits and results.highlighted is None:
            results.highlighted = 0

    def action_open_selected(self) -> None:
        hit = self.query_one(ResultsList).current_hit
        if hit:
            self.load_document(hit.id, self._shown_query, focus=True)

    def action_next_match(self) -> None:
        self.query_one(ArticleView).action_next_match()

    def action_previous_match(self) -> None:
        self.query_one(ArticleView).action_previous_match()

    def action_clear_search(self) -> None:
        self.query_one(SearchBox).value = ""
        self.action_focus_search()

    def action_reindex(self) -> None:
        if not self._indexing.is_set():
            self.prepare_index(force=True)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Everywhere", [b for b in self.BINDINGS if isinstance(b, Binding)] + [
                Binding("ctrl+p", "command_palette", "Command palette: every action by name"),
                Binding("tab,shift+tab", "focus_next", "Next / previous pane"),
                Binding("escape", "back", "Back: reader -> results -> search box"),
            ]),
            ("Search box", [*SearchBox.BINDINGS,
                            Binding("enter", "submit", "Go to results, or accept a suggestion")]),
            ("Results", ResultsList.BINDINGS),
            ("Reader", ArticleView.BINDINGS),
            ("Facets (v): sources, hits by period, top actors", FacetsView.BINDINGS),
            ("Concordance (c): every match in context", KwicView.BINDINGS),
            ("Saved searches", SavedPane.BINDINGS),
            ("Actors", ActorList.BINDINGS),
        ]
        self.push_screen(HelpScreen(sections))

    # -- views of the result set: timeline, facets, concordance ---------------------------------

    def set_view(self, view: str) -> None:
        """Show the reader, the facets or the concordance in the right-hand pane."""
        self.view = view
        for name in VIEWS[1:]:
            self.screen.set_class(view == name, f"-view-{name}")

    def _leave_narrow_view(self) -> None:
        """In a narrow terminal a view covers the results: going back to them closes it."""
        if self.screen.has_class("-narrow") and self.view != "reader":
            self.set_view("reader")

    def _clear_views(self) -> None:
        self._timeline_query = self._facets_query = self._kwic_query = ""
        self.query_one(TimelineStrip).show(None)
        self.query_one(FacetsView).show(None)
        self.query_one(KwicView).show("", [])

    def start_views(self, query: str, total: int, generation: int) -> None:
        """Once the results of search `generation` are painted, in a worker: the timeline
        strip, and the pane on show (facets with their actors cost more than the timeline,
        so they are computed only when they are seen). After the paint, so that their 20 to
        100 ms of the interpreter at 100,000 articles never delay the results on screen."""
        if generation != self._generation:
            return  # a newer search started meanwhile: its own results will start them
        if not total:
            self._clear_views()
            return
        self.compute_views(query, self.timeline_by, facets=self.view == "facets",
                           kwic=self.view == "kwic", first=self.query_one(ResultsList).hits)

    def _stale(self, generation: int) -> Callable[[], bool]:
        """For a worker: has a newer search started since `generation`?"""
        return lambda: self._generation != generation

    @work(thread=True, exclusive=True, group="views", exit_on_error=False)
    def compute_views(self, query: str, by: str | None, facets: bool = False,
                      kwic: bool = False, first: list[Hit] | None = None) -> None:
        """One view after the other, cheapest first: the timeline strip (or the facets,
        which carry it), then the concordance's first screenful, then its other lines. On
        two cores and one interpreter lock, views computed side by side all arrive late."""
        engine, stale = self.engine, self._stale(self._generation)
        time.sleep(0.03)  # keys still coming: let the next search have the interpreter
        if engine is None or stale():
            return
        try:
            if facets:  # they carry the timeline
                self.post_message(msg.FacetsReady(query, engine.facets(query, by=by,
                                                                       stop=stale)))
            else:  # the strip alone is cheap: one pass over the hits' dates
                self.post_message(msg.TimelineReady(query, engine.timeline(query, by)))
            if kwic and first:  # a first screenful from the hits on show, then the rest
                lines = engine.kwic_of(first, KWIC_CONTEXT)
                self.post_message(msg.KwicReady(query, lines, self._total, len(first)))
            if kwic and (not first or self._total > len(first)):
                lines, total = engine.kwic(query, KWIC_CONTEXT, stop=stale)
                self.post_message(msg.KwicReady(query, lines, total, KWIC_ARTICLES))
        except Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Views", str(exc)))

    def on_facets_ready(self, message: msg.FacetsReady) -> None:
        if message.query != self.effective_query():
            return
        self._facets_query = message.query
        self.query_one(FacetsView).show(message.facets)
        self._show_timeline(message.query, message.facets.timeline)
        if self._latency_log:
            self.call_after_refresh(self._log_view, "facets", message.query)

    def on_timeline_ready(self, message: msg.TimelineReady) -> None:
        if message.query == self.effective_query():
            self._show_timeline(message.query, message.timeline)

    def _show_timeline(self, query: str, timeline: Timeline) -> None:
        if self._latency_log and self._timeline_query != query:
            self.call_after_refresh(self._log_view, "timeline", query)
        self._timeline_query = query
        self.query_one(TimelineStrip).show(timeline)

    def on_kwic_ready(self, message: msg.KwicReady) -> None:
        if message.query != self.effective_query():
            return
        if self._latency_log and self._kwic_query != message.query:
            self.call_after_refresh(self._log_view, "kwic", message.query)
        self._kwic_query = message.query
        note = "No match lies in the text itself (only in titles or fields)." \
            if message.total else "No hits."
        self.query_one(KwicView).show(message.query, message.lines, note, message.total,
                                      message.articles)

    def action_show_facets(self) -> None:
        self.screen.remove_class("-reading", "-saved", "-actors")
        self.set_view("facets")
        facets = self.query_one(FacetsView)
        if self._facets_query != self.effective_query() and self._shown_query:
            facets.show(None, "Counting…")
            self.compute_views(self._shown_query, self.timeline_by, facets=True)
        self.focus_now(facets)

    def action_show_kwic(self) -> None:
        self.screen.remove_class("-reading", "-saved", "-actors")
        self.set_view("kwic")
        kwic = self.query_one(KwicView)
        query = self.effective_query()
        if self._kwic_query != query and self._shown_query:
            kwic.show(query, [], "Finding every match…")
            self.compute_views(self._shown_query, self.timeline_by, facets=False, kwic=True)
        self.focus_now(kwic)

    def action_close_view(self) -> None:
        self.set_view("reader")
        self.action_focus_results()
        hit = self.query_one(ResultsList).current_hit
        if hit and self.screen.has_class("-wide"):  # the reader previews the hit again
            self.load_document(hit.id, self._shown_query, focus=False)

    @on(FacetsView.Chosen)
    def on_facet_chosen(self, event: FacetsView.Chosen) -> None:
        self.add_filter(event.value.clause, event.value.label)

    @on(FacetsView.PeriodChanged)
    def on_period_changed(self) -> None:
        self.timeline_by = PERIOD_CYCLE[(PERIOD_CYCLE.index(self.timeline_by) + 1)
                                        % len(PERIOD_CYCLE)]
        self.notify(f"Hits by {self.timeline_by or 'a period chosen by the dates'}",
                    timeout=2)
        if self._shown_query:
            self.compute_views(self._shown_query, self.timeline_by,
                               facets=self.view == "facets")

    @on(KwicView.Chosen)
    def on_kwic_chosen(self, event: KwicView.Chosen) -> None:
        self._reader_opened_from = "kwic"
        self.load_document(event.line.article_id, self._shown_query, focus=True,
                           at_match=event.line.match_index)

    # -- co-occurring actors ----------------------------------------------------------------------

    @on(ActorPane.WithRequested)
    def on_with_requested(self, event: ActorPane.WithRequested) -> None:
        self.load_cooccurring(event.actor)

    @work(thread=True, exclusive=True, group="cooccur", exit_on_error=False)
    def load_cooccurring(self, actor: Actor) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            pairs = engine.actors.cooccurring(actor.id, 100)
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        self.post_message(msg.CooccurrenceLoaded(actor, pairs))

    def on_cooccurrence_loaded(self, message: msg.CooccurrenceLoaded) -> None:
        self.query_one(ActorPane).show_with(message.actor, message.pairs)

    # -- the selected article, outside newsdesk: clipboard, pager, browser; export -------------

    def selected_article_id(self) -> str | None:
        """The article the user is on: the concordance line, the highlighted hit, or the
        article open in the reader."""
        focused = self.focused
        if isinstance(focused, KwicView):
            return focused.current.article_id if focused.current else None
        hit = self.query_one(ResultsList).current_hit
        reader = self.query_one(ArticleView)
        reading = focused is reader or self.screen.has_class("-reading")
        if reader.document is not None and (reading or hit is None):
            return reader.document.article.id
        return hit.id if hit else None

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def fetch_article(self, article_id: str, purpose: str) -> None:
        engine = self.engine
        if engine is None:
            return
        article = engine.store.articles([article_id]).get(article_id)
        if article is None:
            self.post_message(msg.BackgroundError("Article", f"'{article_id}' is gone from "
                                                  "the index"))
            return
        self.post_message(msg.ArticleFetched(article, purpose))

    def _with_selected(self, purpose: str) -> None:
        article_id = self.selected_article_id()
        if article_id is None:
            self.notify("Search and pick an article first.", severity="warning", timeout=3)
            return
        self.fetch_article(article_id, purpose)

    def action_copy(self) -> None:
        def chosen(what: str | None) -> None:
            if what == "q":
                self._copy(copy_value(None, "q", self.effective_query()))
            elif what:
                self._with_selected(f"copy:{what}")

        self.push_screen(ChoiceDialog("Copy to the clipboard:", COPY_CHOICES), chosen)

    def _copy(self, found: tuple[str, str] | None) -> None:
        if found is None:
            self.notify("Nothing to copy there.", severity="warning", timeout=3)
            return
        name, value = found
        # OSC 52: the terminal sets the clipboard, so it works over SSH too.
        self.copy_to_clipboard(value)
        self.notify(f"Copied {name} ({len(value):,} characters) to the clipboard.",
                    timeout=3)

    def action_pager(self) -> None:
        self._with_selected("pager")

    def action_open_url(self) -> None:
        self._with_selected("browser")

    def on_article_fetched(self, message: msg.ArticleFetched) -> None:
        article, purpose = message.article, message.purpose
        if purpose.startswith("copy:"):
            self._copy(copy_value(article, purpose[5:], self.effective_query()))
        elif purpose == "pager":
            self._page(article)
        elif purpose == "browser":
            self._browse(article.url)

    def _page(self, article: Article) -> None:
        command = pager_command()
        if command is None:
            self.notify("No pager found: set $PAGER (less is the default).",
                        severity="error", timeout=6)
            return
        try:
            with self.suspend():
                run_pager(command, article_as_text(article))
        except SuspendNotSupported:
            self.notify("This terminal cannot hand the screen to a pager.", severity="error")
        except OSError as exc:
            self.notify(f"{command[0]}: {exc}", severity="error", timeout=8)

    def _browse(self, url: str | None) -> None:
        address = web_url(url)
        if address is None:
            self.notify("This article has no web address to open.", severity="warning",
                        timeout=4)
            return
        if not has_graphical_browser():
            self.copy_to_clipboard(address)
            self.notify("No browser here (an SSH session?): the url is on your clipboard "
                        "instead.", timeout=5)
            return
        self.open_url(address)
        self.notify("Opening the url in your browser.", timeout=3)

    def action_export(self) -> None:
        query = self.effective_query()
        if not self._shown_query or not query.strip():
            self.notify("Search first: e exports the results.", severity="warning")
            return

        def named(path: str | None) -> None:
            if not path:
                return
            target = Path(path).expanduser()
            fmt = format_of(target.name)
            if fmt is None:
                self.notify(f"{path}: name a .csv or a .jsonl file.", severity="error")
                return
            if target.exists():
                self.push_screen(ConfirmDialog(f"{terminal_safe(path, False)} exists. "
                                               "Replace it?"),
                                 lambda yes: self.export_results(query, target, fmt)
                                 if yes else None)
            else:
                self.export_results(query, target, fmt)

        self.push_screen(NameDialog(
            f"Export the {self._total:,} results to:", str(export_name(query, "csv")),
            "Ends in .csv or .jsonl. Enter exports, Escape cancels"),
            named)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export_results(self, query: str, path: Path, fmt: str) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            count = export_to_file(engine.iter_hits(query, EXPORT_MAX), path, fmt)
        except NewsdeskError as exc:
            self.post_message(msg.BackgroundError("Export", str(exc)))
            return
        self.post_message(msg.Exported(str(path), count, count >= EXPORT_MAX))

    def on_exported(self, message: msg.Exported) -> None:
        capped = f" (the best {EXPORT_MAX:,})" if message.capped else ""
        self.notify(f"Exported {message.count:,} results{capped} to "
                    f"{terminal_safe(message.path, False)}", timeout=8)

    # -- saved searches and history -------------------------------------------------------------

    def _load_saved(self) -> None:
        notice = None
        try:
            self.bookmarks.load()
        except SavedFileError as exc:
            notice = str(exc)
            self.notify(notice, title="Saved searches not loaded", severity="error", timeout=20)
        try:
            self.query_one(SearchBox).history = list(self.history.load())
        except SavedFileError as exc:
            self.notify(str(exc), title="History not loaded", severity="error", timeout=20)
        self.query_one(SavedPane).show(self.bookmarks.bookmarks, self.saved_counts, notice)

    def _show_saved(self) -> None:
        self.query_one(SavedPane).show(self.bookmarks.bookmarks, self.saved_counts,
                                       self.bookmarks.error)

    def remember(self, query: str) -> None:
        """Add a query to the history (a run the user acted on, not every keystroke)."""
        try:
            self.history.add(query)
        except OSError as exc:
            self.notify(f"History not saved: {exc}", severity="error")
        box = self.query_one(SearchBox)
        box.history = list(self.history.queries)
        box.stop_browsing()

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def count_saved(self) -> None:
        engine = self.engine
        if engine is None:
            return
        self.post_message(msg.SavedCounted(engine.saved_counts(list(self.bookmarks.bookmarks))))

    def on_saved_counted(self, message: msg.SavedCounted) -> None:
        self.saved_counts = message.counts
        self._show_saved()

    def _saved_failed(self, what: str, exc: Exception) -> None:
        self.notify(f"{what}: {exc}", severity="error", timeout=15)

    def action_save_search(self) -> None:
        query = self.effective_query().strip()
        if not query:
            self.notify("Type a search first, then Ctrl+S saves it.", severity="warning")
            return
        if self.bookmarks.error:
            self._saved_failed("Not saved", SavedFileError(self.bookmarks.error))
            return

        def named(name: str | None) -> None:
            if not name:
                return
            if self.bookmarks.get(name) is not None:
                self.push_screen(ConfirmDialog(f"Replace the saved search '{name}'?"),
                                 lambda yes: self._put(name, query) if yes else None)
            else:
                self._put(name, query)

        self.push_screen(NameDialog("Save this search as:", query[:60]), named)

    def _put(self, name: str, query: str) -> None:
        try:
            self.bookmarks.put(name, query)
        except (OSError, NewsdeskError) as exc:
            self._saved_failed("Not saved", exc)
            return
        self.remember(query)
        self.notify(f"Saved '{name}'.")
        self._show_saved()
        self.count_saved()

    @on(OptionList.OptionSelected, "#saved")
    def on_saved_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_saved(event.option.id)

    def open_saved(self, name: str) -> None:
        bookmark = self.bookmarks.get(name)
        if bookmark is None:
            return
        self.filters = []  # the bookmark's query carries its own filters
        box = self.query_one(SearchBox)
        box.value = bookmark.query
        box.cursor_position = len(bookmark.query)
        self.start_search(bookmark.query)
        try:
            self.bookmarks.mark_opened(name)
        except (OSError, NewsdeskError) as exc:
            self._saved_failed("Could not mark it opened", exc)
        self.remember(bookmark.query)
        if name in self.saved_counts:
            self.saved_counts[name].new = 0
        self._show_saved()
        self.action_focus_results()

    @on(SavedPane.Rename)
    def on_saved_rename(self, event: SavedPane.Rename) -> None:
        old = event.name

        def renamed(new: str | None) -> None:
            if not new or new == old:
                return
            try:
                self.bookmarks.rename(old, new)
            except (OSError, NewsdeskError) as exc:
                self._saved_failed("Not renamed", exc)
                return
            if old in self.saved_counts:
                self.saved_counts[new] = self.saved_counts.pop(old)
            self._show_saved()

        self.push_screen(NameDialog(f"Rename '{old}' to:", old), renamed)

    @on(SavedPane.Delete)
    def on_saved_delete(self, event: SavedPane.Delete) -> None:
        name = event.name

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.bookmarks.remove(name)
            except (OSError, NewsdeskError) as exc:
                self._saved_failed("Not deleted", exc)
                return
            self.saved_counts.pop(name, None)
            self._show_saved()

        self.push_screen(ConfirmDialog(f"Delete the saved search '{name}'?"), answered)

    # -- actors -----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="actors", exit_on_error=False)
    def load_actors(self) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            actors = engine.actors.list()
        except Exception as exc:  # noqa: BLE001 - shown in the pane, never a traceback
            self.post_message(msg.ActorsLoaded([], f"Actors not loaded: {exc}"))
            return
        self.post_message(msg.ActorsLoaded(actors, None))

    def on_actors_loaded(self, message: msg.ActorsLoaded) -> None:
        self.query_one(ActorPane).show(message.actors, message.error)

    @on(ActorPane.Chosen)
    def on_actor_chosen(self, event: ActorPane.Chosen) -> None:
        if event.also is not None:
            self.add_filter(field_clause("actor", event.also.name), event.also.name,
                            notify=False)
        self.add_actor_filter(event.actor.name)

    def add_actor_filter(self, name: str) -> None:
        self.add_filter(field_clause("actor", name), name)

    def add_filter(self, clause: str, label: str, notify: bool = True) -> None:
        """Narrow the search by a field query (shown in the status line; x removes it)."""
        if clause not in self.filters:
            self.filters.append(clause)
        self.start_search(self.query_one(SearchBox).value)
        if self.screen.has_class("-narrow"):
            self.action_focus_results()  # the list hides the results there
        if notify:
            self.notify(f"Narrowed to {terminal_safe(label, False)}; x removes the filter.",
                        timeout=3)

    def action_remove_filter(self) -> None:
        if not self.filters:
            self.notify("No filter to remove.", timeout=2)
            return
        self.filters.pop()
        self.start_search(self.query_one(SearchBox).value)

    def action_clear_filters(self) -> None:
        self.filters = []
        self.start_search(self.query_one(SearchBox).value)

    @on(ActorList.Curate)
    def on_actor_curate(self, event: ActorList.Curate) -> None:
        actor = event.actor
        name = terminal_safe(actor.name, False)
        if event.action == "hide":
            self.push_screen(ConfirmDialog(f"Hide '{name}' from the actor list?"),
                             lambda yes: self.curate("hide", actor) if yes else None)
        elif event.action == "rename":
            self.push_screen(NameDialog(f"Rename '{name}' to:", actor.name),
                             lambda new: self.curate("rename", actor, new) if new else None)
        else:
            self.push_screen(NameDialog(f"Merge '{name}' into which actor?", "",
                                        "Type the other actor's name (any alias works)"),
                             lambda into: self.curate("merge", actor, into) if into else None)

    @work(thread=True, exclusive=True, group="curate", exit_on_error=False)
    def curate(self, action: str, actor: Actor, value: str | None = None) -> None:
        """Save the edit to the user's actor dictionary, then re-cluster (no re-index)."""
        from newsdesk.index.actors.table import Curation, curation_path, recluster

        engine = self.engine
        if engine is None:
            return
        try:
            curation = Curation(curation_path(self.settings))
            if action == "merge":
                target = engine.actors.resolve(value or "")
                if target is None:
                    engine.actors.filter_keys(value or "")  # raises with a "did you mean"
                    return
                curation.merge(actor, target)
                done = f"Merged '{actor.name}' into '{target.name}'."
            elif action == "rename":
                curation.rename(actor, value or "")
                done = f"Renamed '{actor.name}' to '{value}'."
            else:
                curation.hide(actor)
                done = f"Hid '{actor.name}'."
            recluster(self.settings, engine.actors)
        except NewsdeskError as exc:
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        except OSError as exc:
            self.post_message(msg.BackgroundError("Actors not saved", str(exc)))
            return
        self.post_message(msg.ActorsCurated(done, action, actor.name, value))

    def on_actors_curated(self, message: msg.ActorsCurated) -> None:
        self.notify(terminal_safe(message.done, False), timeout=4)
        old = field_clause("actor", message.old_name)
        if old in self.filters:
            index = self.filters.index(old)
            if message.action == "hide":
                self.filters.pop(index)
            elif message.action == "rename" and message.value:
                self.filters[index] = field_clause("actor", message.value)
        self.load_actors()
        self.count_saved()
        self.start_search(self.query_one(SearchBox).value)

    async def action_quit(self) -> None:
        self._cancel_index.set()
        self.exit(0)

    def on_unmount(self) -> None:
        self._cancel_index.set()
        self._collector.stop()
        if self.engine is not None:
            self.engine.close()


def results_grew(before: list, after: list) -> bool:
    """True when `after` is `before` with more hits at the end (a next page was fetched)."""
    return len(after) > len(before) > 0 and all(
        a.id == b.id for a, b in zip(before, after, strict=False))


def run_app(settings: Settings) -> int:
    app = NewsdeskApp(settings)
    result = app.run()
    if app.return_code:  # it stopped on an error (shown by _handle_exception)

        return EXIT_ERROR
    return result or 0
