"""The index behind the dashboard: opened (built or updated first if the corpus changed) in
a worker, with a progress line while it is indexed; refreshed when another indexer commits;
updated on F5. The line is hidden when there is nothing to show. IndexReady and
IndexChanged go up to the screen, which hands the engine to the panes.

A first build (or a rebuild) is searchable as soon as its first batch is committed: the
engine opens then, says the index is partial, and refreshes at every later commit, so the
counts grow as the build goes (it used to wait for the whole build, 100 s at 30,000)."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from newsdesk.index.config import Settings
from newsdesk.index.models import IndexDamagedError, NewsdeskError
from newsdesk.index.paths import index_paths
from newsdesk.tui import messages as msg
from newsdesk.tui.panes.indexing_line import progress_line, starting_line
from newsdesk.tui.render import plain

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from textual.timer import Timer

    from newsdesk.index.engine import Engine
    from newsdesk.index.ingest.indexer import Progress

REFRESH_SECONDS = 5.0


class IndexBar(Vertical):
    def __init__(self, settings: Settings, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.settings = settings
        self.engine: Engine | None = None
        self.doc_count = 0
        self.indexing = threading.Event()
        self._cancel = threading.Event()
        self._t0 = time.perf_counter()
        self._said_vanished = False  # the index folder vanished: said once, not every 5 s
        self._commits = 0  # batches of the running build seen committed
        self._last: Progress | None = None  # the latest progress shown
        # A first build, till the indexer's first progress: when it began (`starting_line`).
        self._starting: float | None = None
        self._ticking: Timer | None = None  # the line shown again each second meanwhile

    def compose(self) -> ComposeResult:
        yield Static("", id="indexing-label")
        yield ProgressBar(id="indexing-bar", show_eta=True)

    def on_mount(self) -> None:
        # After the first frame: the worker's imports (Whoosh, numpy) would hold the
        # interpreter lock while Textual paints it.
        self.call_after_refresh(self.prepare)
        self.set_interval(REFRESH_SECONDS, self.check_for_changes)
        if not index_paths(self.settings).exists():
            # A first build (no index yet): said from the first frame, not from the
            # indexer's first progress, seconds later (`starting_line`).
            self._starting = time.perf_counter()
            self.display = True
            self.query_one("#indexing-bar", ProgressBar).display = False
            self._ticking = self.set_interval(1.0, self._show_line)
            self._show_line()

    def on_unmount(self) -> None:
        self._cancel.set()
        if self.engine is not None:
            # Closing waits for a search, facets or actor count still running (300 ms and
            # more on 20,000 articles): quitting must not (tui/quitting.py).
            threading.Thread(target=self.engine.close, name="engine-close", daemon=True).start()

    def reindex(self) -> None:
        if not self.indexing.is_set():
            self.prepare(force=True)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def prepare(self, force: bool = False) -> None:
        """Build or update the index if the corpus changed, then open it for searching. A
        damaged store or index, found opening it or by the check begun at open, is rebuilt
        (the indexer's notice says so), once."""
        repair: str | None = None
        try:
            while True:
                try:
                    self._prepare(force, repair)
                    return
                except IndexDamagedError as exc:
                    if repair is not None:
                        raise
                    repair = exc.part
        except NewsdeskError as exc:
            self.post_message(msg.BackgroundError("Indexing", str(exc)))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.post_message(msg.BackgroundError("Indexing", f"{type(exc).__name__}: {exc}"))
        finally:
            self.indexing.clear()

    def _prepare(self, force: bool, repair: str | None) -> None:
        # Imported here, once the first frame is painted: the engine and the indexer load
        # Whoosh and numpy, 450 ms of start-up.
        from newsdesk.index.engine import Engine
        from newsdesk.index.ingest.indexer import Indexer
        from newsdesk.index.ingest.no_articles import check_some_article
        from newsdesk.index.ingest.staleness import corpus_is_stale, index_is_current
        from newsdesk.index.whoosh_version import check_whoosh_version

        check_whoosh_version()  # before anything reads the index (the CLI asks first too)

        report = None
        if force or repair or corpus_is_stale(self.settings):
            self._t0 = time.perf_counter()
            self.indexing.set()
            self._cancel.clear()
            if self.engine is None and repair is None and \
                    index_is_current(index_paths(self.settings)):
                # An ingest adds a batch at a time: search what is there meanwhile, and
                # more as batches are committed (check_for_changes). A rebuild starts
                # from nothing, so it is waited for.
                self.engine = Engine(self.settings)
                self.post_message(msg.IndexReady(None, self.engine.doc_count,
                                                 indexing=True))
            self._commits = 0
            # F5 (force) is `newsdesk index`: it removes the articles of files gone or
            # emptied; the dashboard's own updates keep them (staleness.KEPT).
            report = Indexer(self.settings, lock_wait=30, repair=repair,
                             remove_gone=force).run(
                self._progress, self._cancel)
        if self.engine is None:  # a corpus of no readable article says so, and why
            check_some_article(self.settings)  # (one look at the store: about a millisecond)
        engine = self.engine
        if engine is None or engine.replaced():
            # None yet, or the one open was rebuilt or removed under it (F5 after the
            # folder was deleted): the panes get the new one with IndexReady.
            engine = Engine(self.settings)
            self.engine = engine
            self._said_vanished = False
        else:
            engine.refresh()
        self.post_message(msg.IndexReady(report, engine.doc_count))
        damage = engine.damage()  # the check begun at open, beside the first search
        if damage is not None:
            raise damage

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """(The screen calls it once the first results are painted: beside the first search
        it took the interpreter lock from it.) Then the first keywords' corpus totals, in
        slices between pauses, giving way to typing. A failure is left to the search that
        meets it, which says what is wrong."""
        engine = self.engine
        if engine is None:
            return
        worker = get_current_worker()

        def stop() -> bool:
            return self._cancel.is_set() or worker.is_cancelled

        with contextlib.suppress(Exception):
            engine.warm_up(stop)
            engine.warm_keyness(stop=stop)

    def _progress(self, progress: Progress) -> None:
        """(In the indexing worker.) Each batch committed is searchable: open the engine
        at the first one of a build, refresh it at the later ones."""
        if progress.commits != self._commits:
            self._commits = progress.commits
            try:
                self._searchable_so_far()
            except Exception as exc:  # noqa: BLE001 - the build goes on; say so once
                self.post_message(msg.BackgroundError("Opening the partial index", str(exc)))
        # A copy: the indexer goes on changing its own while the message waits.
        self.post_message(msg.IndexProgress(dataclasses.replace(progress)))

    def _searchable_so_far(self) -> None:
        from newsdesk.index.engine import Engine

        if self.engine is None or self.engine.replaced():
            self.engine = Engine(self.settings)
            self.doc_count = self.engine.doc_count
            self.post_message(msg.IndexReady(None, self.doc_count, indexing=True))
        elif self.engine.refresh():
            self.doc_count = self.engine.doc_count
            self.post_message(msg.IndexChanged())

    def on_index_progress(self, message: msg.IndexProgress) -> None:
        p = message.progress
        if p.notice:  # an older or unreadable index is being rebuilt from the store
            self.notify(p.notice, timeout=15, title="Indexing on a Dask cluster"
                        if p.phase == "cluster" else "Rebuilding the index")
        self.display = True
        self._last = p
        self._starting = None
        if self._ticking is not None and p.phase != "scanning":  # (the listing: seconds)
            self._ticking.stop()
            self._ticking = None
        bar = self.query_one("#indexing-bar", ProgressBar)
        # By bytes while files are read; no bar (its "--%" and "--:--:--" said nothing)
        # where there is nothing to measure by: a recovery, the finishing stages.
        bar.display = p.phase == "indexing" and p.bytes_total > 0
        if bar.display:
            bar.update(total=p.bytes_total, progress=p.bytes_done)
        self._show_line()

    def _show_line(self) -> None:
        """The line for the latest progress, with the count of the index open now (the
        status line's: it said 8,000 indexed beside 4,000 searchable so far)."""
        if (self._last is None and self._starting is None) or not self.display:
            return
        held = self.engine.doc_count if self.engine is not None else None
        shown = self.query_one("#indexing-label", Static)
        width = shown.content_region.width or max(0, self.size.width - 2)
        if self._last is None:
            assert self._starting is not None
            label = starting_line(time.perf_counter() - self._starting, width)
        else:
            label = progress_line(self._last, time.perf_counter() - self._t0, held, width)
        shown.update(plain(label))

    def on_resize(self) -> None:
        self._show_line()  # fitted to the new width

    def on_index_changed(self, message: msg.IndexChanged) -> None:
        self._show_line()  # more is searchable (then up to the screen)

    def on_index_ready(self, message: msg.IndexReady) -> None:
        """Shown here, then up to the screen."""
        if not message.indexing:
            self.display = False
            self._last = self._starting = None
            if self._ticking is not None:
                self._ticking.stop()
                self._ticking = None
        self.doc_count = message.doc_count
        self._show_line()

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def check_for_changes(self) -> None:
        """Pick up commits of an indexer: another (newsdesk index run beside the
        dashboard), or the dashboard's own, a batch at a time."""
        engine = self.engine
        if engine is None:
            return
        try:
            if engine.replaced():
                if not self.indexing.is_set():  # (the dashboard's own run reopens at its end)
                    self._reopen(engine)
                return
            if engine.refresh():
                self.doc_count = engine.doc_count
                self.post_message(msg.IndexChanged())
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Refreshing the index", str(exc)))

    def _reopen(self, engine: Engine) -> None:
        """(In the refresh worker.) The index open was rebuilt under the dashboard (by
        another newsdesk): open the new one. Removed: say so once, plainly."""
        from newsdesk.index.engine import Engine

        if engine.vanished():
            if not self._said_vanished:
                self._said_vanished = True
                self.post_message(msg.BackgroundError(
                    "The index is gone", f"the index folder {engine.paths.root} was removed; "
                    "press F5 to build it again"))
            return
        self.engine = Engine(self.settings)
        self._said_vanished = False
        self.doc_count = self.engine.doc_count
        self.post_message(msg.IndexReady(None, self.doc_count))
