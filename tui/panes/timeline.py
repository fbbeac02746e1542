"""Hits over time on one line under the status line: a sparkline of the current query's hits
per period, its first and last period, the busiest one, and how many hits have no date."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from newsdesk.index.models import Timeline
from newsdesk.tui.render import left_out_note

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int], width: int) -> str:
    """A cell a period (up to three when there is room); when there are more periods than
    cells, each cell is the busiest of the periods it covers. Empty periods are a space, so
    gaps stay visible."""
    if not counts or width < 1:
        return ""
    cells = min(3, width // len(counts))
    if cells > 1:
        return "".join(ch * cells for ch in sparkline(counts, len(counts)))
    if len(counts) > width:
        step = len(counts) / width
        counts = [max(counts[int(i * step):max(int(i * step) + 1, int((i + 1) * step))])
                  for i in range(width)]
    peak = max(counts)
    if peak <= 0:
        return " " * len(counts)
    return "".join(" " if n == 0 else BLOCKS[min(7, (n * 8 - 1) // peak)] for n in counts)


class TimelineStrip(Static):
    """Its content follows the Timeline the views pane hands it; blank without hits. It
    keeps its line even then: hiding it moved every pane below by a row at each new query, and the
    resize made the lists lay out all their rows again."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.timeline: Timeline | None = None
        self.stale = False  # the figures are an earlier query's (mark_stale)

    def show(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.stale = False
        self._paint()

    def mark_stale(self) -> None:
        """Another query's results are on show and this one's figures are being counted:
        the old figures dimmed at once, marked as such (they stayed as they were for 1-2 s,
        "none of the 154 hits has a date" under "0 hits")."""
        if self.timeline is not None and not self.stale:
            self.stale = True
            self._paint()

    def on_resize(self) -> None:
        self._paint()

    def _paint(self) -> None:
        timeline = self.timeline
        # One line, always: a new strip needs no layout pass of the whole screen.
        if not timeline or not timeline.total:
            self.update("", layout=False)
            return
        width = self.size.width or 80
        if self.stale:
            line = Text("counting… ", style="italic")
            line.append_text(self.line(timeline, max(1, width - len(line))))
            line.stylize("dim")
            self.update(line, layout=False)
            return
        self.update(self.line(timeline, width), layout=False)

    @staticmethod
    def line(timeline: Timeline, width: int) -> Text:
        out = Text()
        out.append("hits by ", style="dim")
        out.append(timeline.by, style="bold")
        if timeline.coarsened:  # (the facets' p asked for a period that made too many)
            out.append(f" (by {timeline.coarsened}: too many)", style="dim")
        periods = timeline.periods
        if not periods:
            undated = "the hit has no date" if timeline.total == 1 else \
                f"none of the {timeline.total:,} hits has a date"
            out.append(f"  {undated}", style="italic")
            return out
        peak = max(periods, key=lambda p: p.count)
        tail = Text(f"  peak {peak.label}: {peak.count:,}", style="dim")
        if timeline.undated:
            tail.append(f" · {timeline.undated:,} undated", style="italic")
        if timeline.left_out:
            tail.append(f" · {left_out_note(timeline.left_out, short=True)}", style="italic")
        if len(periods) == 1:  # a bar from a day to the same day would say nothing
            only = periods[0]
            dated = "the dated hit is" if only.count == 1 else \
                f"all {only.count:,} dated hits are"
            out.append(f"  {dated} {'on' if timeline.by == 'day' else 'in'} {only.label}")
            if timeline.undated:
                out.append(f" · {timeline.undated:,} undated", style="italic")
            if timeline.left_out:
                out.append(f" · {left_out_note(timeline.left_out, short=True)}",
                           style="italic")
            out.truncate(width, overflow="ellipsis")
            return out
        first, last = periods[0].label, periods[-1].label
        room = width - len(out) - len(first) - len(last) - 4 - len(tail)
        if timeline.left_out and room < min(len(periods), 24):  # narrow: the bars first
            off = left_out_note(timeline.left_out, short=True)
            short = off.split(":", 1)[0]
            tail = Text(tail.plain.replace(off, short), style="dim")
            room += len(off) - len(short)
        out.append(f"  {first} ")
        out.append(sparkline([p.count for p in periods], max(1, room)), style="cyan")
        out.append(f" {last}")
        out.append_text(tail)
        out.truncate(width, overflow="ellipsis")
        return out
