"""Queries compared over time: hits per period of up to five queries or saved searches on
one chart (textual-plotext), with axes and a legend, as counts or as a share of all the
articles dated in each period.

The chart follows the results' query; `+` keeps a query on it while the next is searched,
`s` adds a saved search, `d` takes a line off, `%` switches counts and shares, `p` the
period, Enter searches the highlighted line's query. The series come from Engine.compare,
which `newsdesk timeline Q1 Q2 ...` prints."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult, RenderResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from newsdesk.index.views.compare import MAX_SERIES, Comparison
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.render import counted, plain
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine

# One colour a line, told apart on dark and light themes (and by colour-blind readers:
# blue, orange, green, magenta, yellow); the legend's swatch is the line's colour.
COLORS: tuple[tuple[int, int, int], ...] = (
    (0, 150, 255), (255, 140, 0), (60, 200, 90), (220, 80, 220), (230, 200, 0))
PERIOD_CYCLE = (None, "day", "week", "month", "year")  # None: chosen by the dates' span


def color_style(index: int) -> str:
    r, g, b = COLORS[index % len(COLORS)]
    return f"bold rgb({r},{g},{b})"


def x_ticks(labels: list[str], width: int) -> tuple[list[int], list[str]]:
    """Positions and labels of the periods marked on the x axis: as many as fit with a
    space between them, always the first and the last."""
    if not labels:
        return [], []
    cell = max(len(label) for label in labels) + 2
    room = max(2, width // cell)
    step = max(1, -(-len(labels) // room))
    where = list(range(0, len(labels), step))
    if where[-1] != len(labels) - 1:
        if len(labels) - 1 - where[-1] < step / 2 and len(where) > 1:
            where[-1] = len(labels) - 1
        else:
            where.append(len(labels) - 1)
    return where, [labels[i] for i in where]


def y_ticks(peak: float, share: bool) -> list[float]:
    """Round steps from 0 to at least `peak`: whole numbers for counts, a percentage with
    up to two decimals for shares; about five."""
    if peak <= 0:
        return [0.0, 1.0]
    raw = peak / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if not share:
        step = max(1.0, float(math.ceil(step)))
    top = math.ceil(peak / step - 1e-9) * step
    return [round(i * step, 4) for i in range(int(round(top / step)) + 1)]


def tick_label(value: float, share: bool) -> str:
    if share:
        return f"{value:g}%"
    return f"{int(value):,}"


def runs(xs: list[int], keep: list[bool] | None) -> list[list[int]]:
    """`xs` cut into runs of consecutive kept positions (all of it when `keep` is None)."""
    if keep is None:
        return [xs] if xs else []
    found: list[list[int]] = []
    for x in xs:
        if not keep[x]:
            continue
        if found and found[-1][-1] == x - 1:
            found[-1].append(x)
        else:
            found.append([x])
    return found


def chart_text(found: Comparison, share: bool, size: tuple[int, int], theme: str) -> str:
    """The chart drawn by plotext in `size` cells, as text with ANSI colours. Labels are
    drawn by newsdesk (the legend), never by plotext: no query text goes through it."""
    plt = Plot()
    plt.plotsize(*size)
    plt._set_size(*size)  # as PlotextPlot.render does (textual-plotext issue 5)
    plt.theme(theme)
    measure = f"% of all articles dated in the {found.by}" if share else \
        f"hits by {found.by}"
    plt.title(measure)
    labels = [p.label for p in found.periods]
    xs = list(range(len(labels)))
    peak = 0.0
    for number, series in enumerate(found.series):
        values = [v * 100 for v in found.shares(series)] if share \
            else [float(c) for c in series.counts]
        if values and not series.error:
            peak = max(peak, max(values))
            # A share of a period with no article at all is no 0%: such periods are gaps.
            for run in runs(xs, [p.count > 0 for p in found.periods] if share else None):
                color = COLORS[number % len(COLORS)]
                if len(run) == 1:  # a period between gaps: a mark, not a braille dot
                    plt.scatter(run, [values[run[0]]], color=color, marker="●")
                else:
                    plt.plot(run, [values[i] for i in run], color=color, marker="braille")
    if labels:
        where, shown = x_ticks(labels, max(20, size[0] - 8))
        plt.xticks(where, shown)
    ticks = y_ticks(peak, share)
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks, [tick_label(t, share) for t in ticks])
    return plt.build()


class ChartPlot(PlotextPlot):
    """textual-plotext's widget (its theme follows the app's), showing a chart drawn in a
    worker rather than drawing it in `render` on the app's thread."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.built: Text | None = None
        self.key: tuple | None = None  # what the chart shown was drawn from

    def theme_name(self) -> str:
        return self._get_plotext_theme_name(self.app.theme)

    def show(self, text: Text | None, key: tuple | None) -> None:
        self.built, self.key = text, key
        self.refresh()

    def render(self) -> RenderResult:
        return self.built or Text("")

    def on_resize(self) -> None:
        redraw = getattr(self.parent, "redraw", None)
        if redraw is not None:
            self.call_after_refresh(redraw)


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
        self.plot = ChartPlot(id="chart-plot")
        self.legend = OptionList(id="chart-legend")
        self.pinned: list[tuple[str, str]] = []  # (label, query) kept on the chart
        self.current = ""  # the results' query: on the chart unless pinned already
        self.share = False
        self.by: str | None = None
        self.comparison: Comparison | None = None
        self.shown_key: tuple | None = None
        self.note = "The chart shows here once a search has hits."

    def compose(self) -> ComposeResult:
        yield self.plot
        yield self.legend

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
        return tuple(self.wanted()), self.by

    def follow(self, query: str) -> None:
        """The results now show `query`: chart it beside the kept lines."""
        self.current = query
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
            self.post_message(ChartReady(key, engine.compare(wanted, by)))
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
            self.plot.show(None, None)
            return
        self._fill_legend(found)
        self.call_after_refresh(self.redraw)  # once the legend's lines are laid out

    def redraw(self) -> None:
        """Draw the chart for the plot's size, unless it is drawn so already."""
        found = self.comparison
        size = (self.plot.size.width, self.plot.size.height)
        if found is None or not found.series or size[0] < 10 or size[1] < 4:
            return  # nothing to draw, or not laid out yet: its resize draws it
        key = (self.shown_key, self.share, size, self.app.theme)
        if key != self.plot.key:
            self.draw(found, self.share, size, self.plot.theme_name(), key)

    @work(thread=True, exclusive=True, group="chart-draw", exit_on_error=False)
    def draw(self, found: Comparison, share: bool, size: tuple[int, int], theme: str,
             key: tuple) -> None:
        try:
            text = Text.from_ansi(chart_text(found, share, size, theme))
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Chart", str(exc)))
            return
        self.post_message(ChartDrawn(key, text))

    def on_chart_drawn(self, message: ChartDrawn) -> None:
        message.stop()
        self.plot.show(message.text, message.key)

    def _fill_legend(self, found: Comparison) -> None:
        width = option_width(self.legend, 20, 60)
        for number, series in enumerate(found.series):
            row = Text("■ ", style=color_style(number))
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
        shown = "share" if self.share else "counts"
        self.border_subtitle = plain(f"{len(found.series)} of {MAX_SERIES} lines · "
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
