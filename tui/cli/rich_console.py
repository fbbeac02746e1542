"""The CLI's Rich consoles (tui/cli/output.py's `console`), in a module of their own: Rich
costs 60 ms of processor time to import, and a command that prints no table or bar (`index
-q`, an index into a pipe) never imports it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from newsdesk.tui.pipe_table import PipeTable, plain_layout
from newsdesk.tui.safe_text import terminal_safe


class SafeConsole(Console):
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


class PipeConsole(SafeConsole):
    """Into a pipe or a file: tables laid out for it (tui/pipe_table.py), no line wider than
    its cells need."""

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(PipeTable(safe_cells(o)) if isinstance(o, Table) and plain_layout(o)
                        else o for o in objects), **options)
