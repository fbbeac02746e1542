"""`newsdesk index`'s bar and coloured lines on a terminal (Rich on stderr: articles/s and
ETA), apart from tui/cli/progress.py: into a file or a pipe the run writes plain lines and
never imports Rich (60 ms of processor time of a small build's few hundred)."""

from __future__ import annotations

from types import TracebackType

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

from newsdesk.tui.cli import output
from newsdesk.tui.summary_text import counted


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


class RichBar:
    """The bar (none when `quiet` or not on a terminal) and lines printed through Rich."""

    def __init__(self, quiet: bool) -> None:
        self._console = output.console(stderr=True)
        columns = (TextColumn("[bold]Indexing"), BarColumn(), TaskProgressColumn(),
                   DownloadColumn(), _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn())
        self._bar = Progress(*columns, console=self._console, transient=True,
                             disable=quiet or not self._console.is_terminal)
        self._task = self._bar.add_task("index", total=None, articles=0)

    def __enter__(self) -> RichBar:
        self._bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._bar.__exit__(kind, exc, tb)

    def update(self, total: int | None, done: int, articles: int) -> None:
        self._bar.update(self._task, total=total, completed=done, articles=articles)

    def say(self, text: str, style: str | None = None) -> None:
        self._console.print(Text(text, style=style or ""), soft_wrap=True)
