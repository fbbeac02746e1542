"""The actor list: actors by article count (or mentions, or name) with a type badge,
narrowed as you type in its filter box. Enter filters the search by the actor; m, r and h
merge, rename and hide (the app asks and saves); w lists the actors that appear with it in
the most articles, where Enter filters by both."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from newsdesk.index.analysis import fold
from newsdesk.index.models import Actor
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.widgets.list_keys import list_keys
from newsdesk.tui.widgets.option_width import option_width
from newsdesk.tui.widgets.ordered_input import OrderedInput

SORTS = ("articles", "mentions", "name")
SHOWN = 300  # rows built at most: the filter narrows the rest
BADGES = {"person": ("PER", "green"), "organisation": ("ORG", "cyan"),
          "government": ("GOV", "blue"), "military": ("MIL", "red"),
          "militia": ("MLT", "bright_red"), "party": ("PTY", "magenta"),
          "media": ("MED", "yellow"), "international": ("INT", "bright_blue"),
          "country": ("CTY", "bright_green"), "location": ("LOC", "bright_black"),
          "other": ("---", "bright_black")}


def badge(kind: str) -> Text:
    label, color = BADGES.get(kind, ("---", "bright_black"))
    return Text(label, style=f"bold {color}")


class ActorFilter(OrderedInput):
    BINDINGS = [Binding("down", "to_list", "To the list", show=False, id="actors.tolist")]

    def action_to_list(self) -> None:
        listing = self.screen.query_one(ActorList)
        listing.focus()


class ActorList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Filter by actor", id="actors.filter"),
        Binding("s", "sort", "Sort", id="actors.sort"),
        Binding("m", "merge", "Merge into…", id="actors.merge"),
        Binding("r", "rename", "Rename", id="actors.rename"),
        Binding("h", "hide", "Hide", id="actors.hide"),
        Binding("f", "find", "Find", id="actors.find"),
        Binding("w", "with", "Appears with…", id="actors.with"),
        *list_keys("actors"),
    ]

    class Curate(Message):
        """The user asks to merge, rename or hide an actor."""

        def __init__(self, action: str, actor: Actor) -> None:
            super().__init__()
            self.action = action
            self.actor = actor

    laid_out_at = 0  # the row width the options were laid out to

    def row_width(self) -> int:
        return option_width(self, 12, 26)

    def on_resize(self) -> None:
        pane = self.parent
        if isinstance(pane, ActorPane) and self.row_width() != self.laid_out_at:
            pane.refill()

    def action_sort(self) -> None:
        pane = self.parent
        if isinstance(pane, ActorPane):
            pane.cycle_sort()

    def action_find(self) -> None:
        pane = self.parent
        if isinstance(pane, ActorPane):
            pane.query_one("#actor-filter", Input).focus()

    def _curate(self, action: str) -> None:
        pane = self.parent
        actor = pane.current if isinstance(pane, ActorPane) else None
        if actor is not None:
            self.post_message(self.Curate(action, actor))

    def action_merge(self) -> None:
        self._curate("merge")

    def action_rename(self) -> None:
        self._curate("rename")

    def action_hide(self) -> None:
        self._curate("hide")

    def action_with(self) -> None:
        pane = self.parent
        actor = pane.current if isinstance(pane, ActorPane) else None
        if actor is not None and isinstance(pane, ActorPane):
            pane.post_message(ActorPane.WithRequested(actor))

    def action_back(self) -> None:
        pane = self.parent
        if isinstance(pane, ActorPane) and pane.with_actor is not None:
            pane.show_all()  # back from "appears with" to every actor
            return
        self.app.action_focus_search()  # type: ignore[attr-defined]


class ActorPane(Vertical):
    """Filter box over the list. The app hands it the actors (`show`); it posts Chosen."""

    class Chosen(Message):
        """Filter by this actor; with `also`, by both (a pair from "appears with")."""

        def __init__(self, actor: Actor, also: Actor | None = None) -> None:
            super().__init__()
            self.actor = actor
            self.also = also

    class WithRequested(Message):
        def __init__(self, actor: Actor) -> None:
            super().__init__()
            self.actor = actor

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.actors: list[Actor] = []
        self.sort = "articles"
        self.shown: list[Actor] = []
        self.notice: str | None = None
        self.with_actor: Actor | None = None  # listing the actors that appear with it
        self.together: dict[int, int] = {}  # actor id -> articles shared with with_actor
        self._with_list: list[Actor] = []

    def compose(self) -> ComposeResult:
        yield ActorFilter(placeholder="filter actors (f)", id="actor-filter")
        yield ActorList(id="actor-list")

    def show(self, actors: list[Actor], notice: str | None = None) -> None:
        self.actors, self.notice = actors, notice
        if self.with_actor is None:
            self.refill()

    def show_with(self, actor: Actor, pairs: list[tuple[Actor, int]]) -> None:
        """List the actors that appear with `actor`, by articles in common."""
        self.with_actor = actor
        self.together = {a.id: n for a, n in pairs}
        self._with_list = [a for a, _ in pairs]
        self.border_title = f"With {terminal_safe(actor.name, False)}"
        self.border_subtitle = "Esc: all actors"
        with self.prevent(Input.Changed):
            self.query_one("#actor-filter", Input).value = ""  # it found the actor: done
        self.refill()
        self.query_one(ActorList).focus()

    def show_all(self) -> None:
        self.with_actor = None
        self.together = {}
        self.border_title = "Actors"
        self.border_subtitle = ""
        self.refill()

    def cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refill()
        self.app.notify(f"Actors sorted by {self.sort}", timeout=2)

    def _sorted(self, actors: list[Actor]) -> list[Actor]:
        if self.with_actor is not None:
            return sorted(actors, key=lambda a: (-self.together.get(a.id, 0), -a.articles))
        if self.sort == "mentions":
            return sorted(actors, key=lambda a: (-a.mentions, -a.articles, a.name))
        if self.sort == "name":
            return sorted(actors, key=lambda a: fold(a.name))
        return sorted(actors, key=lambda a: (-a.articles, -a.mentions, a.name))

    @on(Input.Changed, "#actor-filter")
    def _filter_changed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#actor-filter")
    def _filter_submitted(self) -> None:
        listing = self.query_one(ActorList)
        if self.shown:
            listing.focus()
            listing.highlighted = 0

    def _matches(self, actor: Actor, needle: str) -> bool:
        return needle in fold(actor.name) or any(needle in fold(s) for s, _ in actor.aliases)

    def refill(self) -> None:
        needle = fold(self.query_one("#actor-filter", Input).value.strip())
        listing = self.query_one(ActorList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        pool = self._with_list if self.with_actor is not None else self.actors
        found = [a for a in pool if not needle or self._matches(a, needle)]
        self.shown = self._sorted(found)[:SHOWN]
        listing.clear_options()
        if self.notice:
            listing.add_option(Option(Text(terminal_safe(self.notice, False), style="red"),
                                      disabled=True))
        elif self.with_actor is not None and not pool:
            listing.add_option(Option(Text("No other actor appears in its articles.",
                                           style="dim italic"), disabled=True))
        elif not self.actors:
            listing.add_option(Option(Text("Actors appear once the index is built.",
                                           style="dim italic"), disabled=True))
        elif not self.shown:
            listing.add_option(Option(Text("No actor matches the filter.", style="dim italic"),
                                      disabled=True))
        width = listing.row_width()
        listing.laid_out_at = width
        listing.add_options([Option(self._prompt(a, width), id=str(a.id)) for a in self.shown])
        ids = [str(a.id) for a in self.shown]
        if ids:
            offset = 1 if self.notice else 0
            listing.highlighted = (ids.index(keep) if keep in ids else 0) + offset

    def _prompt(self, actor: Actor, width: int) -> Text:
        """Badge, name and count on one line of `width` cells: plain Text laid out here. A
        Rich table a row cost a layout pass each on the app's thread, 300 of them whenever
        the list was resized or refilled."""
        if self.with_actor is not None:
            count = self.together.get(actor.id, 0)
        else:
            count = actor.mentions if self.sort == "mentions" else actor.articles
        figure = f"{count:,}"
        row = badge(actor.type)
        row.append(" ")
        name = Text(terminal_safe(actor.name, False))
        name.truncate(max(1, width - len(row) - len(figure) - 1), overflow="ellipsis", pad=True)
        row.append_text(name)
        row.append(" ")
        row.append(figure, style="cyan")
        return row

    @property
    def current(self) -> Actor | None:
        option = self.query_one(ActorList).highlighted_option
        return next((a for a in self.shown if option and str(a.id) == option.id), None)

    @on(OptionList.OptionSelected, "#actor-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        actor = next((a for a in self.shown if str(a.id) == event.option.id), None)
        if actor is not None:
            self.post_message(self.Chosen(actor, self.with_actor))
