"""The dashboard's one screen: search box, status line, timeline, results, and on the
right the reader, the facets or the concordance; the saved searches and the actors on the
left. It lays the panes out, moves the focus between them, searches as the user types, and
keeps the filters the search is narrowed by. The panes run their own workers; the screen
hands them the engine once the index is open, and acts on what they report."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual._time import get_time
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.worker import WorkerState

from newsdesk.index.config import Settings
from newsdesk.index.models import Actor
from newsdesk.index.paths import index_paths
from newsdesk.index.query.language import field_clause
from newsdesk.index.userdata.bookmarks import Bookmark, BookmarkStore, History, corpus_data_dir
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.collector import IDLE_SECONDS, PAUSE_SECONDS, PauseCollector
from newsdesk.tui.key_order import KeyEvent
from newsdesk.tui.latency import LatencyProbe
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.actors import ActorPane
from newsdesk.tui.panes.chart import ChartView
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.footer import FittedFooter
from newsdesk.tui.panes.indexing import IndexBar
from newsdesk.tui.panes.keyness import KeynessView
from newsdesk.tui.panes.kwic import KwicView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.panes.timeline import TimelineStrip
from newsdesk.tui.panes.views import VIEWS, ViewsPane
from newsdesk.tui.render import counted, run_notes
from newsdesk.tui.screens.handoff import Handoff
from newsdesk.tui.screens.marking import Marking
from newsdesk.tui.screens.search import Search

PREVIEW_AFTER = 0.08  # seconds the highlighted hit stays put before the reader previews it
FIRST_RESULTS_WAIT = 1.0  # seconds the loads after the first results wait at most for them
# Seconds a key that acts on the results waits at most for them (a stuck search never keeps
# the keys); the first results of a session wait for the index to open.
RESULTS_WAIT = 10.0
# Keys of the search box that act on the results: Down goes to them, Enter opens the top
# one or runs the query as written (and acts on the suggestion the status line shows).
RESULT_KEYS_IN_BOX = ("down", "enter")


class MainScreen(Screen[None]):
    BINDINGS = bindings("everywhere")

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        folder = corpus_data_dir(settings)
        self.box = SearchBox(History(folder), id="search")
        self.status = StatusLine(id="status")
        self.strip = TimelineStrip(id="timeline")
        self.index_bar = IndexBar(settings, id="indexing")
        self.saved = SavedPane(BookmarkStore(folder), id="saved")
        self.actors = ActorPane(settings, id="actors")
        self.results = ResultsList(settings.ui.page_size, id="results")
        self.probe = LatencyProbe()
        self.views = ViewsPane(self.strip, self.effective_query, self.probe, id="right")
        self.search = Search(self, settings, self.probe, shown=self.busy)
        self.handoff = Handoff(self, self.results, self.views.reader)
        self.marking = Marking(self, self.results, self.views, self.saved, self.handoff)
        self._collector = PauseCollector()  # full garbage collections wait for a pause
        # Loads that wait for the first results after the index opens (_after_first_results).
        self._deferred: Callable[[], None] | None = None
        self._pause: Timer | None = None
        self._idle: Timer | None = None
        self._preview: Timer | None = None  # the wide layout's preview of the hit, due
        self._opened_from: Widget | None = None  # the focus when an article was opened
        self._entered: str | None = None  # Enter's query, whose exact results are to come
        self._suggested: tuple[str, float] | None = None  # "Did you mean", since (Message.time)

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.box
        yield self.status
        yield self.strip
        yield self.index_bar
        with Horizontal(id="main"):
            # Tab follows the screen left to right: search, saved, results, reader.
            with Vertical(id="sidebar"):
                yield self.saved
                yield self.actors
            yield self.results
            yield self.views
        yield FittedFooter()

    def on_mount(self) -> None:
        self.results.border_title = "Results"
        self.saved.border_title = "Saved searches"
        self.saved.load()
        self.box.load_history()
        self.box.focus()
        self.call_after_refresh(self._keys_ready)
        # (A first build says so: "Opening the index…" stood over it till its first batch.)
        self.status.show_text("Opening the index…" if index_paths(self.settings).exists()
                              else "Building the index: its first batch opens search…")
        self._collector.start()

    def _keys_ready(self) -> None:
        """The box has the focus: the keys typed at launch go to it (tui/key_order.py)."""
        if self.focused is None:
            self.focus_now(self.box)
        keys = getattr(self.app, "keys", None)
        if keys is not None:
            keys.start()

    def key_waits(self, event: KeyEvent) -> float | None:
        """The one place keys wait for results (tui/key_order.py asks): a key that acts on
        the results waits till those of the text typed before it are on show (or failed),
        or it acted on the list of before: "rubber", Down, Enter opened the newest article.
        Keys typed into the box and pastes (text for the box) go on."""
        if not self.search.results_due() or isinstance(event, events.Paste):
            return None
        if isinstance(self.focused, Input) and event.key not in RESULT_KEYS_IN_BOX:
            return None
        return RESULTS_WAIT

    def _results_on_show(self) -> None:
        """A search ended: keys that waited for its results go (`key_waits`)."""
        keys = getattr(self.app, "keys", None)
        if keys is not None:
            keys.poke()

    def on_screen_resume(self) -> None:
        self._results_on_show()  # a dialog closed: keys it kept go on (ExportProgress)

    def paste_target(self) -> None:
        """A paste outside a text box goes to the search box, over its query as after "/"."""
        self.action_focus_search()

    def on_unmount(self) -> None:
        self._collector.stop()

    def on_resize(self) -> None:
        # After the breakpoint classes of this resize are set: a roomy terminal widens the
        # sidebar to whole actor names, a narrower one gives it back to the stylesheet.
        self.call_after_refresh(self.actors.fit_sidebar)

    # -- the index ------------------------------------------------------------------------------

    def on_index_ready(self, message: msg.IndexReady) -> None:
        engine = self.index_bar.engine
        for pane in (self.results, self.views.reader, self.views, self.saved, self.actors,
                     self.handoff, self.marking, self.views.chart, self.views.keyness):
            pane.engine = engine
        self.views.reader.shown_query = None  # (another index: opening fetches again)
        self.marking.start_polling()
        self._defer_loads(message.indexing)
        self.search.doc_count = message.doc_count
        report = message.report
        for note in run_notes(report) if report else []:
            self.notify(note, title="Indexing", severity="warning", timeout=10)
        # (Imported here: its sqlite3 was not to load before the first frame.)
        from newsdesk.index.actors.cluster_faults import ACTORS

        for problem in report.problems if report else []:
            if problem.path == ACTORS:  # (a rule's fault the clustering contained: said whole)
                self.notify(f"actors: {problem.reason}", title="Indexing", severity="warning",
                            timeout=12)
        if report and report.problems:
            skipped = sum(p.count for p in report.problems if p.skipped)
            self.notify(f"{counted(len(report.problems), 'problem')} while indexing "
                        f"({skipped:,} skipped); "
                        "`newsdesk index --problems` lists them", severity="warning", timeout=8)
        self.saved.count()
        self.busy()
        if not self.effective_query().strip():
            self.search.show_idle()  # till the newest articles are listed
        self.start_search(self.box.value)

    def _defer_loads(self, indexing: bool) -> None:
        """The actor list's load and the engine's warm-up (vocabulary, facet column), each
        a few hundred ms of Python, start once the first results are painted: beside the
        first search they shared the interpreter lock with it, and the newest articles
        (or the first key typed) came 390 ms after the index opened at 21,000 articles,
        where the search alone takes 50. At the latest after FIRST_RESULTS_WAIT."""
        def start() -> None:
            if self._deferred is not start:
                return  # done already, or a newer opening's
            self._deferred = None
            self.actors.index_ready(indexing)
            self.index_bar.warm_up()

        self._deferred = start
        self.set_timer(FIRST_RESULTS_WAIT, start)

    def _after_first_results(self) -> None:
        if self._deferred is not None:
            self.call_after_refresh(self._deferred)

    def on_index_changed(self) -> None:
        self.views.reader.shown_query = None  # (its article may have changed: fetched again)
        self.search.doc_count = self.index_bar.doc_count
        self.saved.count()
        self.actors.load()
        self.start_search(self.box.value)

    def on_background_error(self, message: msg.BackgroundError) -> None:
        self.index_bar.display = False
        self._opened_from = None
        if self.index_bar.engine is None:
            self.search.unavailable = True  # no results will come for keys to wait for
        self.release_keys()
        self.notify(f"{message.what}: {message.error}", severity="error", timeout=15)
        if self.index_bar.engine is None:
            self.status.show_error("", f"{message.what} failed: {message.error}")

    def action_history_search(self) -> None:
        """Ctrl+R: pick a past query from a list narrowed as you type, then run it."""
        from newsdesk.tui.dialogs.history import HistoryDialog

        if isinstance(self.app.screen, HistoryDialog):
            return

        def chosen(query: str | None) -> None:
            self.focus_now(self.box)
            if query is not None:
                # As if typed and Enter pressed: run as written, then to its hits, where
                # keys typed on act (they were typed into the box: "/zz" gave "barley/zz").
                self.box.set_query(query)
                self.box.remember(query)
                self.run_as_written(query)
                self._run_entered(query)

        self.app.push_screen(HistoryDialog(list(reversed(self.box.store.queries)),
                                           self.box.value), chosen)

    def action_cycle_sort(self) -> None:
        sort = self.search.cycle_sort()
        self.notify(f"Sorted by {sort}" + (" first" if sort != "relevance" else ""),
                    timeout=2)

    def action_reindex(self) -> None:
        self.index_bar.reindex()

    def busy(self) -> None:
        """Something was just shown: collect garbage once nothing more is, for a while."""
        for timer in (self._pause, self._idle):
            if timer is not None:
                timer.stop()
        self._pause = self.set_timer(PAUSE_SECONDS, self._collector.collect)
        self._idle = self.set_timer(IDLE_SECONDS, self._collector.collect_all)

    # -- search as you type (tui/screens/search.py) -------------------------------------------

    @on(Input.Changed, "#search")
    def on_query_changed(self, event: Input.Changed) -> None:
        if self._entered is not None and \
                self.search.effective_query(event.value) != self._entered:
            # Typing on (keys held too long): the box keeps them.
            self._entered = None
            self.release_keys()
        self.actors.hold_follow()
        self.search.typed(event.value)
        if not self.search.effective_query(event.value).strip():
            self.actors.follow("")  # nothing searched: every actor

    @on(Input.Submitted, "#search")
    def on_query_submitted(self, event: Input.Submitted) -> None:
        status = self.status
        self.box.remember(event.value)
        if status.suggestion and status.message_kind == "suggest" and self._seen_suggestion():
            self.accept_suggestion(status.suggestion)
            return
        self._run_entered(event.value)

    def _seen_suggestion(self) -> bool:
        """Whether the Enter just pressed came after "Did you mean" showed: one typed before
        runs the query typed, as it would have had it been handled at once (keys wait for
        the results, and a paste of "soleimani vexes" and Enter searched "soleimani verses")."""
        keys = getattr(self.app, "keys", None)
        return keys is None or self._suggested is None or \
            keys.last_time >= self._suggested[1]

    def _run_entered(self, value: str) -> None:
        """Enter on `value`: as written (no prefix, an error if incomplete), then to the
        results if it has hits."""
        self._entered = self.search.submitted(value)
        if self._entered is not None:
            # The list still shows other results (the newest articles, the prefix's): keys
            # typed after Enter wait for these, or "iran", Enter, "o" opened the pager on
            # an article that is no hit of iran.
            self.hold_keys()
        elif self.results.hits:
            self.action_focus_results()

    def _entered_done(self, query: str, hits: bool) -> None:
        """Enter's exact search has ended: to its results if it found any."""
        if query != self._entered:
            return
        self._entered = None
        self.release_keys()
        if hits and self.focused is self.box:
            self.action_focus_results()

    @on(StatusLine.SuggestionAccepted)
    def on_suggestion(self, event: StatusLine.SuggestionAccepted) -> None:
        self.accept_suggestion(event.suggestion)

    def accept_suggestion(self, suggestion: str) -> None:
        self.box.set_query(suggestion)
        self.run_as_written(suggestion)

    def run_as_written(self, query: str) -> None:
        """A query the user did not type (a suggestion, a saved search, one from the history):
        searched as it is, with no last word as a prefix. A saved "iran" showed 25 hits,
        Iranian first, beside its count of 24."""
        self.results.exact = self.search.effective_query(query)
        self.start_search(query)

    def effective_query(self) -> str:
        return self.search.effective_query()

    def start_search(self, query: str) -> None:
        self.search.start(query)
        if not self.search.effective_query(query).strip():
            self.actors.follow("")

    def on_search_done(self, message: msg.SearchDone) -> None:
        self.search.done(message)
        suggestion = self.status.suggestion if self.status.message_kind == "suggest" else None
        if suggestion is None:
            self._suggested = None
        elif self._suggested is None or self._suggested[0] != suggestion:
            self._suggested = (suggestion, get_time())
        self._after_first_results()
        self._results_on_show()
        if message.results.prefix is None:  # (a typed search of the same text: not Enter's)
            self._entered_done(message.query, bool(message.results.hits))
        if message.query == self.effective_query():
            # The actor pane lists these results' actors, searched as they were.
            self.actors.follow(message.query, message.results.prefix is not None)

    def on_search_failed(self, message: msg.SearchFailed) -> None:
        self.search.failed(message)
        self._after_first_results()
        self._results_on_show()
        if message.hint is None:
            self._entered_done(message.query, hits=False)

    # -- filters --------------------------------------------------------------------------------

    @on(ActorPane.Chosen)
    def on_actor_chosen(self, event: ActorPane.Chosen) -> None:
        if event.also is not None:
            self.add_filter(field_clause("actor", self._filter_name(event.also)),
                            event.also.name, notify=False)
        self.add_actor_filter(event.actor)

    @on(FacetsView.Chosen)
    def on_facet_chosen(self, event: FacetsView.Chosen) -> None:
        self.add_filter(event.value.clause, event.value.label)

    def add_actor_filter(self, actor: Actor) -> None:
        self.add_filter(field_clause("actor", self._filter_name(actor)), actor.name)

    def _filter_name(self, actor: Actor) -> str:
        """The name that filters by this actor alone (not by a namesake's)."""
        engine = self.actors.engine
        return actor.name if engine is None else engine.actors.filter_name(actor)

    def add_filter(self, clause: str, label: str, notify: bool = True) -> None:
        """Narrow the search by a field query (shown in the status line; x removes it)."""
        if clause not in self.search.filters:
            self.search.narrow([*self.search.filters, clause])
        self.start_search(self.box.value)
        if self.has_class("-narrow"):
            self.action_focus_results()  # the list hides the results there
        if notify:
            self.notify(f"Narrowed to {label}; x removes the filter.",
                        timeout=3)

    def action_remove_filter(self) -> None:
        if not self.search.filters:
            self.notify("No filter to remove.", timeout=2)
            return
        self.search.narrow(self.search.filters[:-1])
        self.start_search(self.box.value)

    def action_clear_filters(self) -> None:
        self.search.narrow([])
        self.start_search(self.box.value)

    def on_actors_curated(self, message: msg.ActorsCurated) -> None:
        """A filter by the actor follows it: gone when hidden, renamed with it."""
        old = field_clause("actor", message.old_name)
        if old in self.search.filters:
            filters = list(self.search.filters)
            index = filters.index(old)
            if message.action == "hide":
                filters.pop(index)
            elif message.action == "rename" and message.value:
                filters[index] = field_clause("actor", message.value)
            self.search.narrow(filters)
        self.saved.count()
        self.start_search(self.box.value)

    def action_actor_undo(self) -> None:
        self.actors.curate("undo", None)

    def action_actor_unmerge(self) -> None:
        if self.actors.current is not None:
            self.actors.find_unmerges(self.actors.current)  # then asks which

    def action_actor_hidden(self) -> None:
        self.action_focus_actors()
        if not self.actors.show_hidden:
            self.actors.toggle_hidden()

    def action_actor_places(self) -> None:
        self.action_focus_actors()
        self.actors.toggle_places()

    # -- saved searches -------------------------------------------------------------------------

    def action_save_search(self) -> None:
        query = self.effective_query().strip()
        if not query:
            self.notify("Type a search first, then Ctrl+S saves it.", severity="warning")
            return
        self.saved.save(query)

    def on_saved_pane_saved(self, message: SavedPane.Saved) -> None:
        self.box.remember(message.query)

    @on(OptionList.OptionSelected, "#saved")
    def on_saved_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_saved(event.option.id)

    def open_saved(self, name: str) -> None:
        query = self.saved.open(name)
        if query is None:
            return
        self.search.filters = []  # the bookmark's query carries its own filters
        self.box.set_query(query)
        self.run_as_written(query)
        self.box.remember(query)
        self.action_focus_results()

    # -- reading --------------------------------------------------------------------------------

    @on(ResultsList.Highlighted)
    def on_hit_highlighted(self, event: ResultsList.Highlighted) -> None:
        if not event.results.is_attached:  # this may arrive as the app closes
            return
        if self.has_class("-wide"):
            # The preview waits for the list to rest: typing or holding j changes the top
            # hit many times a second, and loading and highlighting a long article each
            # time (a worker, but it holds the interpreter lock) delayed the next results.
            if self._preview is not None:
                self._preview.stop()
            article_id, query = event.hit.id, self.results.shown_query
            self._preview = self.set_timer(PREVIEW_AFTER,
                                           lambda: self._show_preview(article_id, query))

    def _show_preview(self, article_id: str, query: str) -> None:
        if self._opened_from is None:  # not while an article is opening: it would replace it
            self.views.reader.load(article_id, query, focus=False)

    @on(ResultsList.Selected)
    def on_hit_selected(self, event: ResultsList.Selected) -> None:
        self.open_article(event.hit.id)

    def open_article(self, article_id: str) -> None:
        """Open it in the reader, which takes the focus once the article has loaded: keys
        typed meanwhile wait for it (n, / ...), rather than reach the list as commands."""
        if self.views.reader.engine is not None:  # else nothing will load
            self.hold_keys()
            self._opened_from = self.focused
        if self._preview is not None:
            self._preview.stop()  # it would replace the article being opened
        reader, query = self.views.reader, self.results.shown_query
        if reader.shows(article_id, query) and not self._loading(reader):
            # Previewed already (the wide layout): opened as it is, not fetched and
            # highlighted again (an article of 20 MB: 1.5 s of processor time).
            self.on_document_loaded(msg.DocumentLoaded(reader.document, query, True))
            return
        reader.load(article_id, query, focus=True)

    def _loading(self, reader: ArticleView) -> bool:
        """Whether a document the reader will show is being fetched (a preview's)."""
        return any(worker.node is reader and worker.group == "document"
                   and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
                   for worker in self.app.workers)

    def hold_keys(self) -> None:
        keys = getattr(self.app, "keys", None)
        if keys is not None:
            keys.hold()

    def release_keys(self) -> None:
        keys = getattr(self.app, "keys", None)
        if keys is not None:
            keys.release()

    def on_document_loaded(self, message: msg.DocumentLoaded) -> None:
        """The reader shows it; when opened (not previewed), the reader takes the focus."""
        self.views.reader.show_loaded(message)
        self.busy()
        if message.focus:
            opened_from, self._opened_from = self._opened_from, None
            self.release_keys()
            if opened_from is not None and self.focused is not opened_from:
                return  # it came late and the user went on (typed "/"): the focus stays
            self.box.remember(message.query)
            self.set_view("reader")
            self.add_class("-reading")
            self.focus_now(self.views.reader)

    @on(ArticleView.Closed)
    def on_reader_closed(self) -> None:
        self.remove_class("-reading")
        if self.views.reader_opened_from == "kwic":
            self.views.reader_opened_from = ""
            self.action_show_kwic()
            return
        self.action_focus_results()

    def action_toggle_copies(self) -> None:
        """Show or fold the copies of the highlighted story (the palette's; d in the list)."""
        self.results.action_toggle_copies()

    def action_open_selected(self) -> None:
        hit = self.results.current_hit
        if hit:
            self.open_article(hit.id)

    def action_next_match(self) -> None:
        self.views.reader.action_next_match()

    def action_previous_match(self) -> None:
        self.views.reader.action_previous_match()

    # -- focus ----------------------------------------------------------------------------------

    def focus_now(self, widget: Widget) -> None:
        """Focus at once: `widget.focus()` waits behind the keys already queued, so "/oil"
        typed or pasted fast would send "oil" to the list it leaves (o opens the pager)."""
        self.set_focus(widget)
        if self.focused is not widget:  # not focusable yet (just shown): the usual way
            widget.focus()

    def action_focus_search(self) -> None:
        self.remove_class("-reading", "-saved", "-actors")
        self._leave_narrow_view()
        self.focus_now(self.box)

    def action_focus_saved(self) -> None:
        self.remove_class("-reading", "-actors")
        self.add_class("-saved")
        self.focus_now(self.saved)

    def action_focus_actors(self) -> None:
        self.remove_class("-reading", "-saved")
        self.add_class("-actors")
        self.focus_now(self.query_one(ActorList))

    def action_focus_results(self) -> None:
        self.remove_class("-reading", "-saved", "-actors")
        self._leave_narrow_view()
        results = self.results
        self.focus_now(results)
        if results.hits and results.highlighted is None:
            results.highlighted = 0

    def action_clear_search(self) -> None:
        self.box.value = ""
        self.action_focus_search()

    def action_quit_hint(self) -> None:
        self.notify("Ctrl+Q quits (q too, outside a text box).", timeout=3)

    def action_help(self) -> None:
        from newsdesk.tui.dialogs.help import HelpScreen

        if not isinstance(self.app.screen, HelpScreen):
            self.app.push_screen(HelpScreen())

    # -- the views of the result set ------------------------------------------------------------

    def set_view(self, view: str) -> None:
        """Show the reader, the facets or the concordance in the right-hand pane."""
        self.views.view = view
        for name in VIEWS[1:]:
            self.set_class(view == name, f"-view-{name}")

    def _leave_narrow_view(self) -> None:
        """In a narrow terminal a view covers the results: going back to them closes it."""
        if self.has_class("-narrow") and self.views.view != "reader":
            self.set_view("reader")

    def action_show_facets(self) -> None:
        self.remove_class("-reading", "-saved", "-actors")
        self.set_view("facets")
        self.focus_now(self.views.want_facets(self.results.shown_query, self.results.total))

    def action_show_kwic(self) -> None:
        self.remove_class("-reading", "-saved", "-actors")
        self.set_view("kwic")
        self.focus_now(self.views.want_kwic(self.results.shown_query, self.results.total))

    def action_show_chart(self) -> None:
        self.remove_class("-reading", "-saved", "-actors")
        self.set_view("chart")
        self.focus_now(self.views.want_chart(self.results.shown_query).legend)

    def action_show_keyness(self) -> None:
        self.remove_class("-reading", "-saved", "-actors")
        self.set_view("keyness")
        self.focus_now(self.views.want_keyness(self.results.shown_query))

    @on(ChartView.Chosen)
    def on_chart_chosen(self, event: ChartView.Chosen) -> None:
        self.search.filters = []  # the line's query carries its own filters
        self.accept_suggestion(event.query)

    @on(KeynessView.Chosen)
    def on_keyness_chosen(self, event: KeynessView.Chosen) -> None:
        self.add_filter(event.term.clause, event.term.text)

    def action_close_view(self) -> None:
        self.set_view("reader")
        self.action_focus_results()
        hit = self.results.current_hit
        if hit and self.has_class("-wide"):  # the reader previews the hit again
            self.views.reader.load(hit.id, self.results.shown_query, focus=False)

    @on(FacetsView.PeriodChanged)
    def on_period_changed(self) -> None:
        self.views.next_period(self.results.shown_query)

    @on(KwicView.Chosen)
    def on_kwic_chosen(self, event: KwicView.Chosen) -> None:
        self.hold_keys()
        self._opened_from = self.focused
        if self._preview is not None:
            self._preview.stop()
        self.views.open_at_match(event.line, self.results.shown_query)

    # -- the selected article, outside newsdesk -------------------------------------------------

    def action_copy(self) -> None:
        self.handoff.ask_copy(self.effective_query())

    def action_pager(self) -> None:
        self.handoff.fetch("pager")

    def action_open_url(self) -> None:
        self.handoff.fetch("browser")

    def on_article_fetched(self, message: msg.ArticleFetched) -> None:
        self.handoff.deliver(message.article, message.purpose, self.effective_query())

    def action_export(self) -> None:
        self.handoff.ask_export(self.effective_query())

    def on_exported(self, message: msg.Exported) -> None:
        self.handoff.exported(message)

    def on_export_progress(self, message: msg.ExportProgress) -> None:
        self.handoff.export_progress(message)

    # -- stars, tags and notes (tui/screens/marking.py) -----------------------------------------

    def action_toggle_star(self) -> None:
        self.marking.toggle_star()

    def action_edit_tags(self) -> None:
        self.marking.edit()

    def action_edit_note(self) -> None:
        self.marking.edit(note=True)

    def action_show_starred(self) -> None:
        self.accept_suggestion("is:starred")

    def action_batch_group(self) -> None:
        self.marking.ask_group()

    def action_remove_group(self) -> None:
        self.marking.ask_remove_group()

    def palette_tags(self) -> list[str]:
        engine = self.marking.engine
        return [tag for tag, _ in engine.tags.tag_counts().most_common(100)] if engine else []

    # -- for the command palette (tui/commands.py) ----------------------------------------------

    def palette_bookmarks(self) -> list[Bookmark]:
        return list(self.saved.store.bookmarks)

    def palette_actors(self) -> list[Actor]:
        return self.actors.actors[:200]

    def palette_history(self) -> list[str]:
        return list(reversed(self.box.store.queries[-100:]))
