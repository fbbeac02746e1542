"""Queries compared over time: hits per period of up to five queries or saved searches on
one chart (textual-plotext), with axes and a legend, as counts or as a share of all the
articles dated in each period.

The chart follows the results' query; `+` keeps a query on it while the next is searched,
`s` adds a saved search, `d` takes a line off, `%` switches counts and shares, `p` the
period, Enter searches the highlighted line's query. The series come from Engine.compare,
which `newsdesk timeline Q1 Q2 ...` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.chart_axes import COLORS, swatch
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.render import counted, left_out_note, plain
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine
    from newsdesk.index.views.compare import Comparison
    from newsdesk.tui.panes.chart_plot import ChartPlot

# As index/views/compare.MAX_SERIES, which loads Whoosh and numpy: not before the first frame
# (a test holds the two equal).
MAX_SERIES = 5

PERIOD_CYCLE = (None, "day", "week", "month", "year")  # None: chosen by the dates' span


def color_style(index: int) -> str:
    r, g, b = COLORS[index % len(COLORS)]
    return f"bold rgb({r},{g},{b})"


class ChartDrawn(msg.WorkerReport):
    def __init__(self, key: tuple, text: Text) -> None:
        super().__init__()
        self.key = key
        self.text = text


class ChartReady(msg.WorkerReport):
    def __init__(self, key: tuple, comparison: Comparison) -> None:
        super().__init__()
        self.key = key
        self.comparison = comparison


class ChartView(Vertical):
    """The chart above its legend; the legend list has the focus and the pane's keys."""

    BINDINGS = bindings("chart")

    class Chosen(Message):
        """Search this query (a line of the legend)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None
        self.plot: ChartPlot | None = None  # plotext loads when the chart is first shown
        self.legend = OptionList(id="chart-legend")
        self.pinned: list[tuple[str, str]] = []  # (label, query) kept on the chart
        self.current = ""  # the results' query: on the chart unless pinned already
        self.typing = False  # the results searched `current` as typed so far (a prefix)
        self.share = False
        self.by: str | None = None
        self.comparison: Comparison | None = None
        self.shown_key: tuple | None = None
        self.note = "The chart shows here once a search has hits."

    def compose(self) -> ComposeResult:
        yield self.legend

    def show_plot(self) -> None:
        """Mount the chart itself, the first time the pane is shown."""
        if self.plot is None:
            from newsdesk.tui.panes.chart_plot import ChartPlot

            self.plot = ChartPlot(id="chart-plot")
            self.mount(self.plot, before=self.legend)

    def on_mount(self) -> None:
        self.border_title = "Over time"
        self._paint()

    # -- what is charted ----------------------------------------------------------------

    def wanted(self) -> list[tuple[str, str]]:
        """(label, query) of each line: the kept ones, then the results' query."""
        found = list(self.pinned)
        current = self.current.strip()
        if current and all(q != current for _, q in found) and len(found) < MAX_SERIES:
            found.append((current, current))
        return found

    def key(self) -> tuple:
        return tuple(self.wanted()), self.by, self._typed()

    def _typed(self) -> str:
        """The query counted as the results searched it while typed ("" if none is)."""
        return self.current.strip() if self.typing else ""

    def follow(self, query: str, typing: bool = False) -> None:
        """The results now show `query` (typing: searched as typed so far, its last word a
        prefix): chart it beside the kept lines, counted as the results counted it."""
        self.current, self.typing = query, typing
        self.refresh_chart()

    def refresh_chart(self) -> None:
        if self.key() == self.shown_key and self.comparison is not None:
            self._paint()
            return
        if not self.wanted():
            self.comparison, self.shown_key = None, None
            self._paint()
            return
        self.border_subtitle = plain("counting…")
        self.compute(self.wanted(), self.by, self.key())

    @work(thread=True, exclusive=True, group="chart", exit_on_error=False)
    def compute(self, wanted: list[tuple[str, str]], by: str | None, key: tuple) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            self.post_message(ChartReady(key, engine.compare(wanted, by, typing=key[2])))
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Chart", str(exc)))

    def on_chart_ready(self, message: ChartReady) -> None:
        message.stop()
        if message.key != self.key():
            return  # the lines changed meanwhile: their own count is on its way
        self.comparison, self.shown_key = message.comparison, message.key
        self._paint()

    # -- drawing ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._paint()

    def _paint(self) -> None:
        """The legend now; the chart in a worker (plotext takes 0.1 to 1 s of the
        interpreter to draw five lines of a hundred periods), shown when drawn."""
        found = self.comparison
        self.legend.clear_options()
        if found is None or not found.series:
            self.legend.add_option(Option(plain(self.note, style="dim italic"), disabled=True))
            self.border_subtitle = ""
            if self.plot is not None:
                self.plot.show(None, None)
            return
        self._fill_legend(found)
        self.call_after_refresh(self.redraw)  # once the legend's lines are laid out

    def redraw(self) -> None:
        """Draw the chart for the plot's size, unless it is drawn so already."""
        found, plot = self.comparison, self.plot
        if plot is None:
            return  # the pane was never shown: it draws once it is
        size = (plot.size.width, plot.size.height)
        if found is None or not found.series or size[0] < 10 or size[1] < 4:
            return  # nothing to draw, or not laid out yet: its resize draws it
        key = (self.shown_key, self.share, size, self.app.theme, self.app.no_color)
        if key != plot.key:
            self.draw(found, self.share, size, plot.theme_name(), key)

    @work(thread=True, exclusive=True, group="chart-draw", exit_on_error=False)
    def draw(self, found: Comparison, share: bool, size: tuple[int, int], theme: str,
             key: tuple) -> None:
        from newsdesk.tui.panes.chart_plot import chart_text

        try:
            text = Text.from_ansi(chart_text(found, share, size, theme,
                                             colour=not self.app.no_color))
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Chart", str(exc)))
            return
        self.post_message(ChartDrawn(key, text))

    def on_chart_drawn(self, message: ChartDrawn) -> None:
        message.stop()
        if self.plot is not None:
            self.plot.show(message.text, message.key)

    def _fill_legend(self, found: Comparison) -> None:
        width = option_width(self.legend, 20, 60)
        for number, series in enumerate(found.series):
            row = Text(swatch(number, not self.app.no_color) + " ", style=color_style(number))
            current = series.query == self.current.strip() and \
                all(q != series.query for _, q in self.pinned)
            if series.error:
                figures = f" {series.error}"
            else:
                figures = f" {counted(series.total, 'hit')}"
                if series.undated:
                    figures += f", {series.undated:,} undated"
            tail = Text(figures, style="dim" if not series.error else "red")
            if current:
                tail.append(" · the results", style="italic dim")
            label = Text(terminal_safe(series.label, False))
            label.truncate(max(4, width - 2 - len(tail)), overflow="ellipsis")
            row.append_text(label)
            row.append_text(tail)
            self.legend.add_option(Option(row, id=str(number)))
        if self.legend.option_count:
            self.legend.highlighted = 0
        undated = "" if found.periods else " · no hit has a date"
        if found.left_out:
            undated += f" · {left_out_note(found.left_out, short=True)}"
        shown = "share" if self.share else "counts"
        self.border_subtitle = plain(f"{len(found.series):,} of {MAX_SERIES} lines · "
                                     f"{shown} (%) · by {found.by} (p){undated}")

    # -- keys ------------------------------------------------------------------------------

    def _highlighted(self) -> tuple[str, str] | None:
        found = self.comparison
        index = self.legend.highlighted
        if found is None or index is None or index >= len(found.series):
            return None
        series = found.series[index]
        return series.label, series.query

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        line = self._highlighted()
        if line is not None:
            self.post_message(self.Chosen(line[1]))

    def action_cursor_down(self) -> None:
        self.legend.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.legend.action_cursor_up()

    def action_pin(self) -> None:
        query = self.current.strip()
        if not query:
            self.notify("Search something first: + keeps the query on the chart.", timeout=3)
            return
        self.add_line(query, query)

    def add_line(self, label: str, query: str) -> None:
        if any(q == query for _, q in self.pinned):
            self.notify("That query is on the chart already.", timeout=2)
            return
        if len(self.pinned) >= MAX_SERIES:
            self.notify(f"At most {MAX_SERIES} lines: d takes one off.", severity="warning",
                        timeout=3)
            return
        self.pinned.append((label, query))
        self.notify(f"Kept on the chart: {terminal_safe(label, False)}. Search another "
                    "to compare.", timeout=3)
        self.refresh_chart()

    def action_remove(self) -> None:
        line = self._highlighted()
        if line is None:
            return
        if line in self.pinned:
            self.pinned.remove(line)
            self.refresh_chart()
        else:
            self.notify("The results' own line stays while they are on show.", timeout=3)

    def action_share(self) -> None:
        self.share = not self.share
        self._paint()

    def action_period(self) -> None:
        self.by = PERIOD_CYCLE[(PERIOD_CYCLE.index(self.by) + 1) % len(PERIOD_CYCLE)]
        self.notify(f"By {self.by or 'a period chosen by the dates'}", timeout=2)
        self.refresh_chart()

    def action_add_saved(self) -> None:
        from newsdesk.tui.dialogs.choice import ChoiceDialog

        bookmarks = self.screen.palette_bookmarks() if hasattr(
            self.screen, "palette_bookmarks") else []
        if not bookmarks:
            self.notify("No saved searches yet: Ctrl+S saves one.", timeout=3)
            return
        keys = "123456789abcdefghijklmnopqrstuvwxyz"
        choices = [(keys[i], b.name) for i, b in enumerate(bookmarks[:len(keys)])]
        by_key = {key: bookmarks[i] for i, (key, _) in enumerate(choices)}

        def chosen(key: str | None) -> None:
            bookmark = by_key.get(key or "")
            if bookmark is not None:
                self.add_line(bookmark.name, bookmark.query)
            self.legend.focus()

        self.app.push_screen(ChoiceDialog("Add a saved search to the chart", choices), chosen)
