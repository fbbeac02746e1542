"""Facets of the current result set: top sources, hits per period and top actors, each value
with its count and a bar. Enter narrows the search to the value (the app adds its field
query as a filter, shown in the status line; x removes it)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.models import Facets, FacetValue
from tui.render import bar
from tui.safe_text import terminal_safe
from tui.widgets.actor_pane import badge
from tui.widgets.list_keys import list_keys

PERIOD_ROWS = 24  # the busiest periods at most; the timeline strip shows them all


class FacetsView(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Narrow to this", id="facets.narrow"),
        Binding("p", "period", "Period", id="facets.period"),
        *list_keys("facets", back="Back to results"),
    ]

    class Chosen(Message):
        def __init__(self, value: FacetValue) -> None:
            super().__init__()
            self.value = value

    class PeriodChanged(Message):
        """The user asks for the timeline by another period (or automatic)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.facets: Facets | None = None
        self.values: dict[str, FacetValue] = {}

    def show(self, found: Facets | None, waiting: str = "") -> None:
        self.facets = found
        keep = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self.values = {}
        if found is None or not found.total:
            text = waiting or "Facets show here once a search has hits."
            self.add_option(Option(Text(text, style="dim italic"), disabled=True))
            return
        self._section("Sources", found.sources, "source")
        periods = [p for p in found.timeline.periods if p.count]
        shown = sorted(periods, key=lambda p: p.start)
        if len(shown) > PERIOD_ROWS:
            busiest = sorted(periods, key=lambda p: -p.count)[:PERIOD_ROWS]
            shown = sorted(busiest, key=lambda p: p.start)
        title = f"Hits by {found.timeline.by}"
        if len(shown) < len(periods):
            title += f" (busiest {len(shown)} of {len(periods)})"
        self._section(title, [FacetValue(p.label, p.count, p.clause) for p in shown], "period")
        if found.timeline.undated:
            self.add_option(Option(Text(f"  {found.timeline.undated:,} hits without a date",
                                        style="italic"), disabled=True))
        actors_title = "Actors"
        if found.actors_from < found.total:
            actors_title += f" (found in {found.actors_from:,} sampled hits, counted in all)"
        self._section(actors_title, found.actors, "actor")
        ids = [o.id for o in self.options if o.id and not o.disabled]
        if keep in ids:
            self.highlighted = self.get_option_index(keep)
        elif ids:
            self.highlighted = self.get_option_index(ids[0])

    def _section(self, title: str, values: list[FacetValue], kind: str) -> None:
        self.add_option(Option(Text(title, style="bold"), disabled=True))
        if not values:
            self.add_option(Option(Text("  none", style="dim italic"), disabled=True))
            return
        peak = max(v.count for v in values)
        for number, value in enumerate(values):
            option_id = f"{kind}:{number}"
            if value.clause:
                self.values[option_id] = value
            self.add_option(Option(self._row(value, peak, kind),
                                   id=option_id if value.clause else None,
                                   disabled=not value.clause))

    @staticmethod
    def _row(value: FacetValue, peak: int, kind: str) -> Table:
        row = Table.grid(expand=True, padding=(0, 1))
        if kind == "actor":
            row.add_column(width=3, no_wrap=True)
        row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        row.add_column(justify="right", no_wrap=True, width=9)
        row.add_column(no_wrap=True, width=13)
        cells: list[Text] = [badge(value.kind)] if kind == "actor" else []
        cells += [Text(terminal_safe(value.label, False)), Text(f"{value.count:,}", "cyan"),
                  Text(bar(value.count, peak, 12), style="cyan")]
        row.add_row(*cells)
        return row

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = self.values.get(event.option.id or "")
        if value is not None:
            self.post_message(self.Chosen(value))

    def action_period(self) -> None:
        self.post_message(self.PeriodChanged())

    def action_back(self) -> None:
        self.app.action_close_view()  # type: ignore[attr-defined]
