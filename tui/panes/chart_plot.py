"""The chart of the chart pane (tui/panes/chart.py) drawn by plotext through
textual-plotext: a module of its own, loaded when the chart is first shown, so that the
dashboard's first frame waits for neither."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from newsdesk.tui.panes.chart_axes import COLORS, MARKERS, runs, tick_label, x_ticks, y_ticks

if TYPE_CHECKING:
    from newsdesk.index.views.compare import Comparison


def chart_text(found: Comparison, share: bool, size: tuple[int, int], theme: str,
               colour: bool = True) -> str:
    """The chart drawn by plotext in `size` cells, as text with ANSI colours. Labels are
    drawn by newsdesk (the legend), never by plotext: no query text goes through it.
    Without colour each line is drawn with its own mark (MARKERS), not braille dots."""
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
                mark = MARKERS[number % len(MARKERS)]
                if len(run) == 1:  # a period between gaps: a mark, not a braille dot
                    plt.scatter(run, [values[run[0]]], color=color,
                                marker="●" if colour else mark)
                else:
                    plt.plot(run, [values[i] for i in run], color=color,
                             marker="braille" if colour else mark)
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
