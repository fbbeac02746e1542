"""`newsdesk index`'s progress bar (and the update a query command makes first): Rich on
stderr, articles/s and ETA (tui/cli/progress_bar.py), plain lines into a file or a pipe;
Ctrl-C or SIGTERM stops it, keeping what it committed."""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

from newsdesk.index.config import Settings, config_files
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.indexer import Progress as IndexProgress
from newsdesk.index.models import IndexReport
from newsdesk.tui.cli import output
from newsdesk.tui.problem_lines import problem_lines
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.summary_text import counted, run_notes

if TYPE_CHECKING:
    from newsdesk.tui.cli.progress_bar import RichBar


class _PlainLines:
    """What RichBar does, into a file or a pipe: no bar, the lines as they are (Rich wrote
    them there without styles too)."""

    def __enter__(self) -> _PlainLines:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        pass

    def update(self, total: int | None, done: int, articles: int) -> None:
        pass

    def say(self, text: str, style: str | None = None) -> None:
        output.err(text)


def _stderr_is_a_file() -> bool:
    """Whether Rich would write to stderr as to a file: Console.is_terminal's test (its
    TTY_COMPATIBLE and FORCE_COLOR, then isatty)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    if os.environ.get("FORCE_COLOR") is not None:
        return os.environ["FORCE_COLOR"] == ""
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):
        return True


class _CtrlC:
    """Ctrl-C (or SIGTERM) while the indexer runs. The first asks it to stop: it stops
    within a moment wherever it is (index/storage/run_stop.py), keeping what it committed;
    a batch on its way, and the actors' and duplicates' update, are left to the next run.
    A second Ctrl-C aborts at once (what was committed stays). Installed for the run only:
    after it, Ctrl-C interrupts as anywhere else."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, cancel: threading.Event) -> None:
        self.cancel = cancel
        self.previous = {number: signal.signal(number, self.handle) for number in self.SIGNALS}

    def handle(self, signum: int, frame: object) -> None:
        if self.cancel.is_set():
            signal.default_int_handler(signum, frame)
        self.cancel.set()
        what = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        output.err(f"\n{what}: stopping; what is committed stays (Ctrl-C again: abort now)")

    def restore(self) -> None:
        for number, previous in self.previous.items():
            signal.signal(number, previous)

    def late(self, report: IndexReport) -> str:
        """A line for a stop that came too late to stop anything ("" if none did)."""
        if not self.cancel.is_set() or report.cancelled:
            return ""
        return "The stop came as the run was ending: the run is complete."


def run_indexer_with_progress(settings: Settings, quiet: bool = False,
                              summary: bool = True, repair: str | None = None,
                              full_check: bool = False, remove_gone: bool = True
                              ) -> IndexReport:
    """Index with the bar on stderr (none when quiet or not on a terminal), then the
    problems met and a line of counts (with summary, or whenever anything changed).
    `repair`, `full_check` and `remove_gone`: as the Indexer takes them."""
    cancel = threading.Event()
    indexer = Indexer(settings, lock_wait=0.0, repair=repair, full_check=full_check,
                      remove_gone=remove_gone)
    if _stderr_is_a_file():
        bar: _PlainLines | RichBar = _PlainLines()
    else:
        from newsdesk.tui.cli.progress_bar import RichBar

        bar = RichBar(quiet)
    with bar:
        def on_progress(p: IndexProgress) -> None:
            if p.notice:  # an older or unreadable index is being rebuilt: said even when quiet
                bar.say(p.notice)
            bar.update(p.bytes_total or None, p.bytes_done, p.articles)

        ctrl_c = _CtrlC(cancel)
        try:
            report = indexer.run_alone(on_progress, cancel)
        finally:
            ctrl_c.restore()
    if late := ctrl_c.late(report):
        bar.say(late)
    for line in problem_lines(report.problems, config_files()[-1]):
        bar.say(terminal_safe(line, False), "yellow")
    # (A stopped run's counts are of what it read, not of what it committed: the caller
    # says what the index holds.)
    if not report.cancelled and (summary or report.added or report.updated or report.removed
                                 or report.moved or report.renamed):
        lost = sum(p.count for p in report.problems if p.skipped)
        bar.say(
            f"{counted(report.total, 'article')} indexed: {report.added:,} added, "
            f"{report.updated:,} updated, {report.removed:,} removed, "
            f"{report.unchanged:,} unchanged"
            f"{f', {report.moved:,} moved' if report.moved else ''}"
            f"{f'; {lost:,} skipped (listed above)' if lost else ''} · {report.elapsed:.2f} s",
            "green" if not lost else None)
    for line in run_notes(report):
        bar.say(line)
    if summary and report.known_problems:  # reported when their files were read
        bar.say(
            f"{counted(report.known_problems, 'problem')} of files unchanged since they were "
            "last read (reported then): `newsdesk index --problems` lists them", "dim")
    sys.stderr.flush()
    return report
