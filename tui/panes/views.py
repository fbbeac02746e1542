"""The right-hand pane: the reader, or a view of the whole result set (the facets, the
concordance), and the timeline strip those views feed. The pane computes the views in a
worker, one after the other, and drops those of a search the user has moved on from."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical

from newsdesk.index.models import Hit, KwicLine, Stopped, Timeline
from newsdesk.index.option_values import KWIC_ARTICLES
from newsdesk.tui import messages as msg
from newsdesk.tui.latency import LatencyProbe
from newsdesk.tui.panes.chart import ChartView
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.keyness import KeynessView
from newsdesk.tui.panes.kwic import KwicView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.timeline import TimelineStrip

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine

VIEWS = ("reader", "facets", "kwic", "chart", "keyness")  # what the pane shows
PERIOD_CYCLE = (None, "day", "week", "month", "year")  # None: chosen by the dates' span
KWIC_CONTEXT = 120  # characters each side: enough for the widest pane


class ViewsPane(Vertical):
    """The screen hands it the engine, the timeline strip it feeds, the query now wanted
    (a view of any other is dropped) and the latency probe; it tells it which view is on
    show (`view`) and bumps `generation` at every search."""

    def __init__(self, strip: TimelineStrip, wanted: Callable[[], str],
                 probe: LatencyProbe, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.strip = strip
        self.wanted = wanted
        self.probe = probe
        self.view = "reader"
        self.typing = False  # the results on show searched their last word as a prefix
        self.timeline_by: str | None = None
        self.generation = 0  # bumped by every search: views of older ones stop early
        self.timeline_query = ""  # the query the timeline strip shown belongs to
        self.facets_query = ""  # the query the facets shown belong to
        self.kwic_query = ""  # the query the concordance shown belongs to
        self.reader_opened_from = ""  # "kwic": Escape in the reader goes back there
        self.reader = ArticleView(id="reader")
        self.facets = FacetsView(id="facets")
        self.kwic = KwicView(id="kwic")
        self.chart = ChartView(id="chart")
        self.keyness = KeynessView(id="keyness")

    def compose(self) -> ComposeResult:
        yield self.reader
        yield self.facets
        yield self.kwic
        yield self.chart
        yield self.keyness

    def on_mount(self) -> None:
        self.reader.border_title = "Reader"
        self.facets.border_title = "Facets"
        self.kwic.border_title = "Concordance"

    def clear(self) -> None:
        self.timeline_query = self.facets_query = self.kwic_query = ""
        self.strip.show(None)
        self.facets.show(None)
        self.kwic.show("", [])
        self.chart.follow("")
        self.keyness.follow("")

    def start(self, query: str, total: int, generation: int, first: list[Hit]) -> None:
        """Once the results of search `generation` are painted, in a worker: the timeline
        strip, and the view on show (facets with their actors cost more than the timeline,
        so they are computed only when they are seen). After the paint, so that their 20 to
        100 ms of the interpreter at 100,000 articles never delay the results on screen."""
        if generation != self.generation:
            return  # a newer search started meanwhile: its own results will start them
        if not total:
            self.clear()
            return
        self.compute(query, total, self.timeline_by, facets=self.view == "facets",
                     kwic=self.view == "kwic", first=first)
        if self.view == "chart":
            self.chart.follow(query, self.typing)
        elif self.view == "keyness":
            self.keyness.follow(query, self.typing)

    def want_chart(self, shown: str) -> ChartView:
        """The chart, following the results on show (`shown`)."""
        self.chart.show_plot()
        self.chart.follow(shown, self.typing)
        return self.chart

    def want_keyness(self, shown: str) -> KeynessView:
        """The keywords of the results on show (`shown`), computed unless they are there."""
        self.keyness.follow(shown, self.typing)
        return self.keyness

    def want_facets(self, shown: str, total: int) -> FacetsView:
        """The facets of the results on show (`shown`), computed unless they are there."""
        if self.facets_query != self.wanted() and shown:
            self.facets.show(None, "Counting…")
            self.compute(shown, total, self.timeline_by, facets=True)
        return self.facets

    def want_kwic(self, shown: str, total: int) -> KwicView:
        """The concordance of the results on show (`shown`), found unless it is there."""
        query = self.wanted()
        if self.kwic_query != query and shown:
            self.kwic.show(query, [], "Finding every match…")
            self.compute(shown, total, self.timeline_by, facets=False, kwic=True)
        return self.kwic

    def _stale(self, generation: int) -> Callable[[], bool]:
        """For a worker: has a newer search started since `generation`?"""
        return lambda: self.generation != generation

    @work(thread=True, exclusive=True, group="views", exit_on_error=False)
    def compute(self, query: str, total: int, by: str | None, facets: bool = False,
                kwic: bool = False, first: list[Hit] | None = None) -> None:
        """One view after the other, cheapest first: the timeline strip (or the facets,
        which carry it), then the concordance's first screenful, then its other lines. On
        two cores and one interpreter lock, views computed side by side all arrive late."""
        engine, stale = self.engine, self._stale(self.generation)
        typing = self.typing  # the results on show searched their last word as a prefix
        time.sleep(0.03)  # keys still coming: let the next search have the interpreter
        if engine is None or stale():
            return
        try:
            if facets:  # they carry the timeline
                self.post_message(msg.FacetsReady(query, engine.facets(
                    query, by=by, stop=stale, typing=typing)))
            else:  # the strip alone is cheap: one pass over the hits' dates
                self.post_message(msg.TimelineReady(query, engine.timeline(query, by,
                                                                         typing)))
            if kwic and first:  # a first screenful from the hits on show, then the rest
                lines = engine.kwic_of(first, KWIC_CONTEXT, query, typing)
                self.post_message(msg.KwicReady(query, lines, total, len(first)))
            if kwic and (not first or total > len(first)):
                lines, found = engine.kwic(query, KWIC_CONTEXT, stop=stale, typing=typing)
                self.post_message(msg.KwicReady(query, lines, found, KWIC_ARTICLES))
        except Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Views", str(exc)))

    def on_facets_ready(self, message: msg.FacetsReady) -> None:
        if message.query != self.wanted():
            return
        self.facets_query = message.query
        self.facets.show(message.facets)
        self._show_timeline(message.query, message.facets.timeline)
        if self.probe.on:
            self.call_after_refresh(self.probe.view_painted, "facets", message.query)

    def on_timeline_ready(self, message: msg.TimelineReady) -> None:
        if message.query == self.wanted():
            self._show_timeline(message.query, message.timeline)

    def _show_timeline(self, query: str, timeline: Timeline) -> None:
        if self.probe.on and self.timeline_query != query:
            self.call_after_refresh(self.probe.view_painted, "timeline", query)
        self.timeline_query = query
        self.strip.show(timeline)

    def on_kwic_ready(self, message: msg.KwicReady) -> None:
        if message.query != self.wanted():
            return
        if self.probe.on and self.kwic_query != message.query:
            self.call_after_refresh(self.probe.view_painted, "kwic", message.query)
        self.kwic_query = message.query
        note = "No match lies in the text itself (only in titles or fields)." \
            if message.total else "No hits."
        self.kwic.show(message.query, message.lines, note, message.total,
                                      message.articles)

    def next_period(self, shown: str) -> None:
        """The timeline by the next period: the strip's, and the facets' if on show, of the
        results on show (`shown`)."""
        self.timeline_by = PERIOD_CYCLE[(PERIOD_CYCLE.index(self.timeline_by) + 1)
                                        % len(PERIOD_CYCLE)]
        self.notify(f"Hits by {self.timeline_by or 'a period chosen by the dates'}",
                    timeout=2)
        if shown:
            self.compute(shown, 0, self.timeline_by, facets=self.view == "facets")

    def open_at_match(self, line: KwicLine, shown: str) -> None:
        """Open the article of a concordance line on its match, with the matches of the
        results on show (`shown`); Escape in the reader comes back here."""
        self.reader_opened_from = "kwic"
        self.reader.load(line.article_id, shown, focus=True,
                                         at_match=line.match_index)
