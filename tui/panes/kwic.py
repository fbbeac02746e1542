"""Keyword in context: one line per match across the best hits, the match centred and
highlighted. `s` sorts by rank, the word right of the match, the word left of it, or the
match; Enter opens the article on that very match."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.index.models import KwicLine
from newsdesk.index.option_values import KWIC_ARTICLES, KWIC_ORDERS
from newsdesk.index.views.kwic import sort_lines
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.render import MATCH, plain
from newsdesk.tui.safe_text import terminal_safe

ORDER_NAMES = {"rank": "by rank", "right": "by the word after", "left": "by the word before",
               "match": "by the match"}


def fit_left(text: str, cells: int) -> str:
    """The end of `text`, right-aligned in `cells` cells."""
    out = text[-cells:] if cells > 0 else ""
    while cell_len(out) > cells:
        out = out[1:]
    return " " * (cells - cell_len(out)) + out


def fit_right(text: str, cells: int) -> str:
    out = text[:cells] if cells > 0 else ""
    while cell_len(out) > cells:
        out = out[:-1]
    return out


def kwic_row(line: KwicLine, width: int) -> Text:
    """The match in the middle of `width` cells, context either side."""
    match = terminal_safe(line.match, False)
    if cell_len(match) > width // 2:
        match = fit_right(match, width // 2 - 1) + "…"
    side = max(0, (width - cell_len(match) - 2) // 2)
    out = Text(fit_left(terminal_safe(line.left, False), side) + " ")
    out.append(match, style=MATCH)
    out.append(" " + fit_right(terminal_safe(line.right, False), side))
    return out


class KwicView(OptionList):
    BINDINGS = bindings("kwic")

    class Chosen(Message):
        def __init__(self, line: KwicLine) -> None:
            super().__init__()
            self.line = line

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lines: list[KwicLine] = []
        self.order = "rank"
        self.query = ""
        self.note = ""
        self.total = 0
        self.articles = KWIC_ARTICLES
        self._width = 0

    def show(self, query: str, lines: list[KwicLine], note: str = "", total: int = 0,
             articles: int = KWIC_ARTICLES) -> None:
        """Show the lines of `query`; more lines of the same query keep the cursor's line."""
        keep = self.current if query == self.query else None
        self.query = query
        self.lines = sort_lines(lines, self.order)
        self.note = note
        self.total = total  # hits of the query
        self.articles = articles  # the lines come from the best this many
        self._refill()
        if keep is not None and keep in self.lines:
            self.highlighted = self.lines.index(keep)

    def _content_width(self) -> int:
        return option_width(self, 20, 80)

    def _refill(self) -> None:
        width = self._width = self._content_width()
        self.clear_options()
        if not self.lines:
            self.add_option(Option(plain(self.note or "No matches to show in context.",
                                         style="dim italic"), disabled=True))
            self._update_subtitle()
            return
        self.add_options([Option(kwic_row(line, width), id=str(number))
                          for number, line in enumerate(self.lines)])
        self.highlighted = 0
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        count = f"{len(self.lines):,} lines" if self.lines else ""
        if count and self.total > self.articles:
            count += f" from the best {self.articles:,} of {self.total:,} hits"
        self.border_subtitle = plain(f"{count} · {ORDER_NAMES[self.order]} (s)" if count else "")

    def on_resize(self) -> None:
        if self.lines and self._content_width() != self._width:
            keep = self.highlighted
            self._refill()
            if keep is not None:
                self.highlighted = keep

    def action_sort(self) -> None:
        self.order = KWIC_ORDERS[(KWIC_ORDERS.index(self.order) + 1) % len(KWIC_ORDERS)]
        self.lines = sort_lines(self.lines, self.order)
        self._refill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.lines[int(event.option.id)]))

    @property
    def current(self) -> KwicLine | None:
        index = self.highlighted
        return self.lines[index] if self.lines and index is not None else None
