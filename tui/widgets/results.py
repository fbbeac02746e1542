"""The ranked results: title, source, date and a snippet with the matched words highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.index.models import Hit
from newsdesk.tui.render import highlighted, meta_line
from newsdesk.tui.widgets.option_width import option_width
from newsdesk.tui.wrap import wrap_lines

SNIPPET_LINES = 2


class ResultsList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="results.down"),
        Binding("k", "cursor_up", "Up", show=False, id="results.up"),
        Binding("g", "first", "Top", show=False, id="results.top"),
        Binding("G", "last", "Bottom", show=False, id="results.bottom"),
        Binding("enter", "select", "Open", id="results.open"),
        Binding("escape", "back", "Search", id="results.back"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hits: list[Hit] = []
        self._width = 0

    def show(self, hits: list[Hit], keep_position: bool = False) -> None:
        """Show new hits; with keep_position (a next page), the cursor stays where it is."""
        self.hits = hits
        self._render_options(keep_position)
        if hits and not keep_position:
            self.highlighted = 0

    def _content_width(self) -> int:
        return option_width(self, 20, 80)

    def _render_options(self, keep_position: bool = True) -> None:
        width = self._content_width()
        self._width = width
        keep = self.highlighted if keep_position else None
        self.clear_options()
        self.add_options([Option(self._prompt(hit, width), id=hit.id) for hit in self.hits])
        if keep is not None and self.hits:
            self.highlighted = min(keep, len(self.hits) - 1)

    def on_resize(self) -> None:
        if self.hits and self._content_width() != self._width:
            self._render_options()

    @staticmethod
    def _prompt(hit: Hit, width: int) -> Text:
        title = highlighted(hit.title, hit.title_spans, keep_newlines=False)
        title.stylize("bold")
        title.truncate(width, overflow="ellipsis")
        out = Text()
        out.append_text(title)
        out.append("\n")
        meta = Text(meta_line(hit.source, hit.date), style="dim")
        meta.truncate(width, overflow="ellipsis")
        out.append_text(meta)
        # At most SNIPPET_LINES lines: wrap here, so the list never wraps a third line.
        snippet = highlighted(hit.snippet.text, hit.snippet.spans, keep_newlines=False)
        lines = wrap_lines(snippet.plain, width)
        for number, (start, end) in enumerate(lines[:SNIPPET_LINES]):
            line = snippet[start:end]
            if number == SNIPPET_LINES - 1 and len(lines) > SNIPPET_LINES:
                line.truncate(width - 1)
                line.append("…")
            out.append("\n")
            out.append_text(line)
        return out

    @property
    def current_hit(self) -> Hit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and index < len(self.hits) else None

    def action_back(self) -> None:
        self.app.action_focus_search()  # type: ignore[attr-defined]
