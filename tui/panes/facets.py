"""Facets of the current result set: top sources, hits per period, top actors and top places
(apart), and the stars and tags a person gave the hits, each value with its count and a bar.
Enter narrows the search to the value (the screen adds its field query as a filter, shown in
the status line; x removes it)."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.index.models import Facets, FacetValue
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.actor_list import badge
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.render import bar, coarser_note, counted, left_out_note, plain
from newsdesk.tui.safe_text import terminal_safe

PERIOD_ROWS = 24  # the busiest periods at most; the timeline strip shows them all
BAR_CELLS = 12


class FacetsView(OptionList):
    BINDINGS = bindings("facets")

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
        self._width = 0

    def show(self, found: Facets | None, waiting: str = "") -> None:
        self.facets = found
        keep = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self.values = {}
        if found is None or not found.total:
            text = waiting or "Facets show here once a search has hits."
            self.add_option(Option(plain(text, style="dim italic"), disabled=True))
            return
        self._section("Sources", found.sources, "source")
        periods = [p for p in found.timeline.periods if p.count]
        shown = sorted(periods, key=lambda p: p.start)
        if len(shown) > PERIOD_ROWS:
            busiest = sorted(periods, key=lambda p: -p.count)[:PERIOD_ROWS]
            shown = sorted(busiest, key=lambda p: p.start)
        title = f"Hits by {found.timeline.by}"
        if len(shown) < len(periods):
            title += f" (busiest {len(shown):,} of {len(periods):,})"
        self._section(title, [FacetValue(p.label, p.count, p.clause) for p in shown], "period")
        if found.timeline.undated:
            undated = counted(found.timeline.undated, "hit")
            self.add_option(Option(Text(f"  {undated} without a date", style="italic"),
                                   disabled=True))
        for note in (coarser_note(found.timeline.by, found.timeline.coarsened),
                     left_out_note(found.timeline.left_out)):
            if note:
                self.add_option(Option(plain(f"  {note}", style="italic"), disabled=True))
        actors_title = "Actors"
        if found.actors_from < found.total:
            actors_title += f" (found in {found.actors_from:,} sampled hits, counted in all)"
        if found.tags:  # the person's own, short, before the long list of actors
            self._section("Your stars and tags", found.tags, "tag")
        actors, places = found.actors_and_places()
        self._section(actors_title, actors, "actor")
        if places:
            self._section("Places", places, "place")
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
        width = self._width = self._content_width()
        for number, value in enumerate(values):
            option_id = f"{kind}:{number}"
            if value.clause:
                self.values[option_id] = value
            self.add_option(Option(self._row(value, peak, kind, width, len(f"{peak:,}")),
                                   id=option_id if value.clause else None,
                                   disabled=not value.clause))

    def _content_width(self) -> int:
        return option_width(self, 30, 60)

    def on_resize(self) -> None:
        if self.facets is not None and self._content_width() != self._width:
            self.show(self.facets)

    @staticmethod
    def _row(value: FacetValue, peak: int, kind: str, width: int, count_cells: int) -> Text:
        """Badge, label, count and bar on one line of `width` cells: plain Text, laid out
        here (a Rich table a row costs a layout pass each, on the app's thread)."""
        row = Text()
        if kind in ("actor", "place"):
            row.append_text(badge(value.kind))
            row.append(" ")
        count = f"{value.count:,}".rjust(count_cells)
        label_cells = max(4, width - len(row) - BAR_CELLS - len(count) - 2)
        label = Text(terminal_safe(value.label, False))
        label.truncate(label_cells, overflow="ellipsis", pad=True)
        row.append_text(label)
        row.append(f" {count} ", style="cyan")
        row.append(bar(value.count, peak, BAR_CELLS), style="cyan")
        return row

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = self.values.get(event.option.id or "")
        if value is not None:
            self.post_message(self.Chosen(value))

    def action_period(self) -> None:
        self.post_message(self.PeriodChanged())
