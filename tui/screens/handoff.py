"""The selected article handed outside newsdesk: to the clipboard, a pager, a browser; and
the results to a file. The main screen owns one, and passes it what the workers it runs
report (ArticleFetched, Exported)."""

from __future__ import annotations

import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported
from textual.screen import Screen

from newsdesk.index.config import Settings
from newsdesk.index.locations import exports_dir
from newsdesk.index.models import Article, NewsdeskError, Stopped
from newsdesk.index.views.export import export_to_file, format_of
from newsdesk.tui import messages as msg
from newsdesk.tui.article_actions import (
    COPY_CHOICES,
    article_as_text,
    copy_value,
    export_name,
    has_graphical_browser,
    make_export_folder,
    pager_command,
    run_pager,
    web_url,
    write_problem,
)
from newsdesk.tui.panes.kwic import KwicView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.render import counted
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame,
    # and a dialog when it is first opened
    from newsdesk.index.engine import Engine
    from newsdesk.tui.dialogs.export_progress import ExportProgress

EXPORT_MAX = 100_000  # hits an export from the dashboard writes at most
PROGRESS_SECONDS = 0.1  # an export reports how far it is at most this often


def export_folder(settings: Settings) -> Path:
    """Where exports land: ui.export_dir, else the exports folder beside the user data."""
    return settings.ui.export_dir or exports_dir()


def export_target(typed: str, folder: Path) -> Path:
    """The file a typed name means: a bare or relative name goes into the export folder,
    an absolute or ~ path is taken as it is."""
    path = Path(typed.strip()).expanduser()
    return path if path.is_absolute() else folder / path


class Handoff:
    def __init__(self, screen: Screen[object], results: ResultsList,
                 reader: ArticleView) -> None:
        self.screen = screen
        self.results = results
        self.reader = reader
        self.engine: Engine | None = None  # set once the index is open
        self._export_stop = threading.Event()
        self._progress: ExportProgress | None = None

    def _notify(self, text: str, **options: object) -> None:
        self.screen.notify(text, **options)  # type: ignore[arg-type]

    # -- the selected article -------------------------------------------------------------------

    def selected_article_id(self) -> str | None:
        """The article the user is on: the concordance line, the highlighted hit, or the
        article open in the reader."""
        focused = self.screen.focused
        if isinstance(focused, KwicView):
            return focused.current.article_id if focused.current else None
        hit = self.results.current_hit
        reading = focused is self.reader or self.screen.has_class("-reading")
        if self.reader.document is not None and (reading or hit is None):
            return self.reader.document.article.id
        return hit.id if hit else None

    def fetch(self, purpose: str) -> None:
        """Fetch the selected article in a worker, for "copy:<choice>", "pager" or
        "browser"."""
        article_id = self.selected_article_id()
        if article_id is None:
            self._notify("Search and pick an article first.", severity="warning", timeout=3)
            return
        self.screen.run_worker(partial(self._fetched, article_id, purpose), thread=True,
                               exclusive=True, group="fetch", exit_on_error=False)

    def _fetched(self, article_id: str, purpose: str) -> None:
        engine = self.engine
        if engine is None:
            return
        article = engine.store.articles([article_id]).get(article_id)
        if article is None:
            self.screen.post_message(msg.BackgroundError("Article", f"'{article_id}' is gone "
                                                         "from the index"))
            return
        self.screen.post_message(msg.ArticleFetched(article, purpose))

    def ask_copy(self, query: str) -> None:
        from newsdesk.tui.dialogs.choice import ChoiceDialog

        def chosen(what: str | None) -> None:
            if what == "q":
                self._copy(copy_value(None, "q", query))
            elif what:
                self.fetch(f"copy:{what}")

        self.screen.app.push_screen(ChoiceDialog("Copy to the clipboard:", COPY_CHOICES),
                                    chosen)

    def deliver(self, article: Article, purpose: str, query: str) -> None:
        if purpose.startswith("copy:"):
            self._copy(copy_value(article, purpose[5:], query))
        elif purpose == "pager":
            self._page(article)
        elif purpose == "browser":
            self._browse(article.url)

    def _copy(self, found: tuple[str, str] | None) -> None:
        if found is None:
            self._notify("Nothing to copy there.", severity="warning", timeout=3)
            return
        name, value = found
        # OSC 52: the terminal sets the clipboard, so it works over SSH too.
        self.screen.app.copy_to_clipboard(value)
        self._notify(f"Copied {name} ({len(value):,} characters) to the clipboard.",
                     timeout=3)

    def _page(self, article: Article) -> None:
        command = pager_command()
        if isinstance(command, str):
            self._notify(command, severity="error", timeout=8)
            return
        try:
            with self.screen.app.suspend():
                run_pager(command, article_as_text(article))
        except SuspendNotSupported:
            self._notify("This terminal cannot hand the screen to a pager.", severity="error")
        except OSError as exc:
            self._notify(f"{command[0]}: {exc}", severity="error", timeout=8)

    def _browse(self, url: str | None) -> None:
        address = web_url(url)
        if address is None:
            self._notify("This article has no web address to open.", severity="warning",
                         timeout=4)
            return
        if not has_graphical_browser():
            self.screen.app.copy_to_clipboard(address)
            self._notify("No browser here (an SSH session?): the url is on your clipboard "
                         "instead.", timeout=5)
            return
        self.screen.app.open_url(address)
        self._notify("Opening the url in your browser.", timeout=3)

    # -- the results to a file ------------------------------------------------------------------

    def ask_export(self, query: str) -> None:
        from newsdesk.tui.dialogs.confirm import ConfirmDialog
        from newsdesk.tui.dialogs.name import NameDialog

        if not self.results.shown_query or not query.strip():
            self._notify("Search first: e exports the results.", severity="warning")
            return
        if self._progress is not None:
            self._notify("An export is already under way.", severity="warning", timeout=3)
            return
        app = self.screen.app
        total = self.results.total
        folder = export_folder(self._settings())

        def named(path: str | None) -> None:
            if not path or not path.strip():
                return
            target = export_target(path, folder)
            fmt = format_of(target.name)
            if fmt is None:
                self._notify(f"{terminal_safe(path, False)}: name a .csv or a .jsonl file.",
                             severity="error")
                return
            try:
                exists = target.exists()
            except OSError as exc:  # a name too long, a file where a folder should be
                self._notify(f"Export: {write_problem(target, exc)}", severity="error")
                return
            if exists:
                app.push_screen(ConfirmDialog(f"{terminal_safe(str(target), False)} exists. "
                                              "Replace it?"),
                                lambda yes: self.export(query, target, fmt) if yes else None)
            else:
                self.export(query, target, fmt)

        what = "with their full text" if self._settings().ui.export_text else "(snippets)"
        app.push_screen(NameDialog(
            f"Export the {total:,} results {what} to:", str(export_name(query, "csv", folder)),
            f"Ends in .csv or .jsonl; a bare name goes into {terminal_safe(str(folder), False)}"
            " (ui.export_dir); missing folders are made. Enter exports, Escape cancels"),
            named)

    def _settings(self) -> Settings:
        return self.screen.settings  # type: ignore[attr-defined, no-any-return]

    def export(self, query: str, path: Path, fmt: str) -> None:
        """Write the export in a worker, with a progress dialog whose Escape stops it."""
        from newsdesk.tui.dialogs.export_progress import ExportProgress

        self._export_stop = threading.Event()
        total = min(self.results.total, EXPORT_MAX)
        self._progress = ExportProgress(str(path), total, self._export_stop.set)
        self.screen.app.push_screen(self._progress)
        self.screen.run_worker(partial(self._export, query, path, fmt, self._export_stop),
                               thread=True, exclusive=True, group="export",
                               exit_on_error=False)

    def _export(self, query: str, path: Path, fmt: str, stop: threading.Event) -> None:
        engine = self.engine
        if engine is None:
            return
        full_text = self._settings().ui.export_text
        last = [time.monotonic()]

        def progress(written: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_SECONDS:
                last[0] = now
                self.screen.post_message(msg.ExportProgress(str(path), written))

        problem = make_export_folder(path)
        if problem is not None:
            self.screen.post_message(msg.Exported(str(path), 0, False, stopped=True))
            self.screen.post_message(msg.BackgroundError("Export", problem))
            return
        try:
            count = export_to_file(engine.iter_hits(query, EXPORT_MAX, full_text=full_text),
                                   path, fmt, full_text, progress, stop.is_set)
        except Stopped:
            self.screen.post_message(msg.Exported(str(path), 0, False, stopped=True))
            return
        except (NewsdeskError, OSError) as exc:
            self.screen.post_message(msg.Exported(str(path), 0, False, stopped=True))
            self.screen.post_message(msg.BackgroundError("Export", str(exc)))
            return
        self.screen.post_message(msg.Exported(str(path), count, count >= EXPORT_MAX))

    def export_progress(self, message: msg.ExportProgress) -> None:
        if self._progress is not None and self._progress.path == message.path:
            self._progress.advance(message.written)

    def exported(self, message: msg.Exported) -> None:
        dialog, self._progress = self._progress, None
        if dialog is not None and dialog.is_attached:
            dialog.dismiss()
        # The file's name before its folder: at 80 columns a toast cut the path short, and
        # the name, the one thing to find, went (stranger9).
        resolved = Path(message.path).resolve()
        where = terminal_safe(f"{resolved.name} in {resolved.parent}", False)
        if message.stopped:
            if not self._export_stop.is_set():
                return  # failed: the error is reported on its own
            self._notify(f"Export stopped: nothing written to {where}", timeout=6)
            return
        capped = f" (the best {EXPORT_MAX:,})" if message.capped else ""
        self._notify(f"Exported {counted(message.count, 'result')}{capped} to {where}",
                     timeout=10)
