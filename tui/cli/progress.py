"""`newsdesk index`'s progress bar (and the update a query command makes first): Rich on
stderr, articles/s and ETA; Ctrl-C stops after the current batch."""

from __future__ import annotations

import signal
import sys
import threading

from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsdesk.index.config import Settings, config_files
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.indexer import Progress as IndexProgress
from newsdesk.index.models import IndexReport
from newsdesk.tui.cli import output
from newsdesk.tui.problem_lines import problem_lines
from newsdesk.tui.render import counted, run_notes
from newsdesk.tui.safe_text import terminal_safe


class _RateColumn(TextColumn):
    """Articles so far and per second: bytes drive the bar, but articles are what a
    person counts."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        articles = task.fields.get("articles", 0)
        rate = articles / elapsed if elapsed > 0 else 0.0
        return Text(f"{counted(articles, 'article')} · {rate:,.0f}/s", style="cyan")


class _CtrlC:
    """Ctrl-C while the indexer runs. The first asks it to stop after its current batch, and
    says so only while it still can: once the articles are all in (the actor table is being
    updated) it says that instead. A second aborts (what was committed stays). Installed
    for the run only: after it, Ctrl-C interrupts as anywhere else."""

    def __init__(self, cancel: threading.Event) -> None:
        self.cancel = cancel
        self.phase = ""
        self.said_finishing = False
        self.previous = signal.signal(signal.SIGINT, self.handle)

    def handle(self, signum: int, frame: object) -> None:
        if self.cancel.is_set():
            signal.default_int_handler(signum, frame)
        self.cancel.set()
        if self.phase == "actors":
            self.said_finishing = True
            output.err("\nFinishing: every article is in, the actor table is being updated… "
                       "(Ctrl-C again to abort; the articles stay)")
        else:
            output.err("\nStopping after the current batch is committed… (Ctrl-C again to "
                       "abort now)")

    def restore(self) -> None:
        signal.signal(signal.SIGINT, self.previous)

    def late(self, report: IndexReport) -> str:
        """A line for a Ctrl-C that came too late to stop anything ("" if none did)."""
        if not self.cancel.is_set() or report.cancelled or self.said_finishing:
            return ""
        return "Ctrl-C came as the last batch was being committed: the run is complete."


def run_indexer_with_progress(settings: Settings, quiet: bool = False,
                              summary: bool = True, repair: str | None = None,
                              full_check: bool = False, remove_gone: bool = True
                              ) -> IndexReport:
    """Index with the bar on stderr (none when quiet or not on a terminal), then the
    problems met and a line of counts (with summary, or whenever anything changed).
    `repair`, `full_check` and `remove_gone`: as the Indexer takes them."""
    console = output.console(stderr=True)
    cancel = threading.Event()
    indexer = Indexer(settings, lock_wait=0.0, repair=repair, full_check=full_check,
                      remove_gone=remove_gone)
    columns = (TextColumn("[bold]Indexing"), BarColumn(), TaskProgressColumn(), DownloadColumn(),
               _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True,
                  disable=quiet or not console.is_terminal) as bar:
        task = bar.add_task("index", total=None, articles=0)

        def on_progress(p: IndexProgress) -> None:
            ctrl_c.phase = p.phase
            if p.notice:  # an older or unreadable index is being rebuilt: said even when quiet
                console.print(Text(p.notice), soft_wrap=True)
            bar.update(task, total=p.bytes_total or None, completed=p.bytes_done,
                       articles=p.articles)

        ctrl_c = _CtrlC(cancel)
        try:
            report = indexer.run_alone(on_progress, cancel)
        finally:
            ctrl_c.restore()
    if late := ctrl_c.late(report):
        console.print(Text(late), soft_wrap=True)
    for line in problem_lines(report.problems, config_files()[-1]):
        console.print(Text(terminal_safe(line, False), style="yellow"), soft_wrap=True)
    if (summary or report.added or report.updated or report.removed or report.moved
            or report.renamed):
        lost = sum(p.count for p in report.problems if p.skipped)
        console.print(Text(
            f"{counted(report.total, 'article')} indexed: {report.added:,} added, "
            f"{report.updated:,} updated, {report.removed:,} removed, "
            f"{report.unchanged:,} unchanged"
            f"{f', {report.moved:,} moved' if report.moved else ''}"
            f"{f'; {lost:,} skipped (listed above)' if lost else ''} · {report.elapsed:.2f} s"),
            style="green" if not lost else None, soft_wrap=True)
    for line in run_notes(report):
        console.print(Text(line), soft_wrap=True)
    if summary and report.known_problems:  # reported when their files were read
        console.print(Text(
            f"{counted(report.known_problems, 'problem')} of files unchanged since they were "
            "last read (reported then): `newsdesk index --problems` lists them", style="dim"),
            soft_wrap=True)
    sys.stderr.flush()
    return report
