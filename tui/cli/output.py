"""The CLI's only ways to the terminal: `out` and `err` for lines of text, `console` for
Rich output. All three end in `terminal_safe` (tui/safe_text.py), so no id, title, path,
query, name or error message reaches stdout or stderr raw; the only escape sequences
written are Rich's own colours and cursor moves, and those only on a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, TextIO

from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from newsdesk.tui.pipe_table import PipeTable, plain_layout
from newsdesk.tui.safe_text import TerminalWriter, terminal_safe


def out(text: str = "") -> None:
    """A line on stdout."""
    TerminalWriter(sys.stdout).write(text + "\n")


def err(text: str = "") -> None:
    """A line on stderr."""
    TerminalWriter(sys.stderr).write(text + "\n")


class _SafeConsole(Console):
    """Rich renders to segments: the text of each is made safe before Rich adds its own
    styles (control segments, Rich's own cursor moves, pass as they are)."""

    def on_broken_pipe(self) -> None:
        # Rich exits 1 here; main ends a stopped reader (`| head`) quietly with 0 instead.
        raise BrokenPipeError

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(safe_cells(o) if isinstance(o, Table) else o for o in objects),
                      **options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(terminal_safe(segment.text),
                                                    segment.style, None)
            for segment in buffer)


def safe_cells(table: Table) -> Table:
    """`table` with its text cells and headers made terminal-safe before it is laid out, so
    that columns are measured as what is printed: a cell's ESC measured 0 cells and printed
    as ␛ (1), and its row's columns ran one to the right of the others'. The same length,
    so styles keep their places; anything but text is left as it is."""
    for column in table.columns:
        column._cells = [_safe(cell) for cell in column._cells]
        column.header = _safe(column.header)
    return table


def _safe(cell: Any) -> Any:
    if isinstance(cell, str):
        return terminal_safe(cell)
    if isinstance(cell, Text):
        safe = terminal_safe(cell.plain)
        if safe == cell.plain:
            return cell
        copy = cell.copy()
        copy.plain = safe  # (as long: spans stay where they were)
        return copy
    return cell


class _PipeConsole(_SafeConsole):
    """Into a pipe or a file: tables laid out for it (tui/pipe_table.py), no line wider than
    its cells need."""

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(PipeTable(safe_cells(o)) if isinstance(o, Table) and plain_layout(o)
                        else o for o in objects), **options)


def console(stderr: bool = False, pipe: bool = False, **options: Any) -> Console:
    """A Rich console that never parses markup, emoji codes or "highlights" data, and
    writes nothing a terminal would act on but its own styles; with `pipe`, for a pipe or a
    file."""
    kind = _PipeConsole if pipe else _SafeConsole
    return kind(stderr=stderr, markup=False, emoji=False, highlight=False, **options)


def parse_args(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """argparse writes its usage errors (which quote what was typed) and help straight to
    sys.stderr and sys.stdout: here they go through the same sanitiser."""
    with redirect_stdout(TerminalWriter(sys.stdout)), \
            redirect_stderr(TerminalWriter(sys.stderr)):  # type: ignore[type-var]
        return parser.parse_args(argv)


def data_stream() -> TextIO:
    """Where an export goes: stdout as it is into a file or a pipe (the data unchanged), made
    safe on a terminal."""
    return TerminalWriter(sys.stdout) if sys.stdout.isatty() else sys.stdout  # type: ignore[return-value]
