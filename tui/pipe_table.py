"""A table laid out for a pipe or a file: as Rich lays out the CLI's borderless tables, but a
column is only as wide as its cells up to CAP cells wide. Rich pads every cell of a column
to its widest, so one name or query of 20,000 characters (a corpus's or a user's) made every
line of `newsdesk actors` or `saved list` that wide: 9.6 and 11.6 MB piped, for a few
hundred rows. Here a longer cell runs on past its column on its own line only, and no line
ends in padding. Nothing is cut or wrapped: one row a line, as into any pipe."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Column, Table
from rich.text import Text

CAP = 100  # cells a column grows to fit; longer cells overflow it


def plain_layout(table: Table) -> bool:
    """Whether `table` is one this layout reproduces: borderless, no title or row lines,
    cells of text only (anything else goes to Rich as it is)."""
    if table.box is not None or table.title or table.caption or table.show_lines \
            or table.show_footer:
        return False
    return all(isinstance(cell, str | Text) for column in table.columns
               for cell in column.cells)


class PipeTable:
    """`table` rendered one row a line, columns capped at CAP cells (see above)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        columns = table.columns
        grid = [[_cell(column, cell) for cell in column.cells]
                for column in columns]
        heads = [_head(column, table) for column in columns]
        widths = [_width([*([head] if table.show_header else []), *cells])
                  for head, cells in zip(heads, grid, strict=True)]
        left, right = table.padding[3], table.padding[1]
        rows: list[list[Text]] = [heads] if table.show_header else []
        rows += [list(row) for row in zip(*grid, strict=True)]
        for row in rows:
            yield from _lines(row, columns, widths, left, right, table.pad_edge)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Any:
        return self.table.__rich_measure__(console, options)


def _cell(column: Column, cell: str | Text) -> Text:
    text = Text(cell) if isinstance(cell, str) else cell.copy()
    if column.style:
        text.stylize_before(column.style)  # under the cell's own styles, as Rich does
    return text


def _head(column: Column, table: Table) -> Text:
    head = column.header
    text = Text(head) if isinstance(head, str) else head.copy() if isinstance(head, Text) \
        else Text(str(head))
    for style in (table.header_style, column.header_style):
        if style:
            text.stylize_before(style)
    return text


def _width(cells: Iterable[Text]) -> int:
    fitted = [part.cell_len for cell in cells for part in cell.split("\n")
              if part.cell_len <= CAP]
    return max(fitted, default=0)


def _lines(row: list[Text], columns: list[Column], widths: list[int], left: int, right: int,
           pad_edge: bool) -> Iterable[Text]:
    """A row's physical lines (a cell holding newlines is several, as Rich shows it)."""
    parts = [cell.split("\n") for cell in row]
    for k in range(max(len(p) for p in parts)):
        line = Text()
        for i, (cell_parts, column, width) in enumerate(zip(parts, columns, widths,
                                                            strict=True)):
            part = cell_parts[k] if k < len(cell_parts) else Text()
            line.append(" " * (left if i or pad_edge else 0))
            if column.justify in ("right", "center"):
                part = part.copy()
                part.rstrip()  # as Rich justifies a line
            gap = max(0, width - part.cell_len)
            if column.justify == "right":
                line.append(" " * gap)
                line.append_text(part)
            elif column.justify == "center":
                line.append(" " * (gap // 2))
                line.append_text(part)
                line.append(" " * (gap - gap // 2))
            else:
                line.append_text(part)
                line.append(" " * gap)
            line.append(" " * right)
        line.rstrip()
        yield line
