"""The actor pane: actors by article count (or mentions, or name) with a type badge,
narrowed as you type in its filter box. Enter filters the search by the actor (Chosen goes
up to the screen); m, r and h merge, rename and hide, asked here and saved to the user's
actor dictionary; w lists the actors that appear with it in the most articles, where Enter
filters by both. The pane loads the actors, curates and pairs them in workers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from newsdesk.index.actors.sort_orders import ACTOR_SORTS, DEFAULT_SORT, sort_key
from newsdesk.index.analysis import fold
from newsdesk.index.config import Settings
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.tui import messages as msg
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.actor_list import ActorFilter, ActorList, badge
from newsdesk.tui.render import plain
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine

SHOWN = 300  # rows built at most: the filter narrows the rest


class ActorPane(Vertical):
    """Filter box over the list."""

    class Chosen(Message):
        """Filter by this actor; with `also`, by both (a pair from "appears with")."""

        def __init__(self, actor: Actor, also: Actor | None = None) -> None:
            super().__init__()
            self.actor = actor
            self.also = also

    def __init__(self, settings: Settings, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.settings = settings
        self.actors: list[Actor] = []
        self.sort = DEFAULT_SORT
        self.shown: list[Actor] = []
        self.notice: str | None = None
        self.with_actor: Actor | None = None  # listing the actors that appear with it
        self.together: dict[int, int] = {}  # actor id -> articles shared with with_actor
        self._with_list: list[Actor] = []

    # -- loading, pairing and curating, in workers ----------------------------------------------

    @work(thread=True, exclusive=True, group="actors", exit_on_error=False)
    def load(self) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            actors = engine.actors.list()
        except Exception as exc:  # noqa: BLE001 - shown in the pane, never a traceback
            self.post_message(msg.ActorsLoaded([], f"Actors not loaded: {exc}"))
            return
        self.post_message(msg.ActorsLoaded(actors, None))

    def on_actors_loaded(self, message: msg.ActorsLoaded) -> None:
        self.show(message.actors, message.error)

    @work(thread=True, exclusive=True, group="cooccur", exit_on_error=False)
    def load_cooccurring(self, actor: Actor) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            pairs = engine.actors.cooccurring(actor.id, 100)
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        self.post_message(msg.CooccurrenceLoaded(actor, pairs))

    def on_cooccurrence_loaded(self, message: msg.CooccurrenceLoaded) -> None:
        self.show_with(message.actor, message.pairs)

    def _ask_curation(self, action: str, actor: Actor) -> None:
        name = terminal_safe(actor.name, False)
        if action == "hide":
            self.app.push_screen(ConfirmDialog(f"Hide '{name}' from the actor list?"),
                                 lambda yes: self.curate("hide", actor) if yes else None)
        elif action == "rename":
            self.app.push_screen(NameDialog(f"Rename '{name}' to:", actor.name),
                                 lambda new: self.curate("rename", actor, new) if new else None)
        else:
            self.app.push_screen(NameDialog(f"Merge '{name}' into which actor?", "",
                                            "Type the other actor's name (any alias works)"),
                                 lambda into: self.curate("merge", actor, into) if into else None)

    @work(thread=True, exclusive=True, group="curate", exit_on_error=False)
    def curate(self, action: str, actor: Actor, value: str | None = None) -> None:
        """Save the edit to the user's actor dictionary, then re-cluster (no re-index)."""
        # Imported here, in the worker: the actor table's imports cost 150 ms of start-up.
        from newsdesk.index.actors.table import Curation, curation_path, recluster

        engine = self.engine
        if engine is None:
            return
        try:
            curation = Curation(curation_path(self.settings))
            if action == "merge":
                target = engine.actors.resolve(value or "")
                if target is None:
                    engine.actors.filter_keys(value or "")  # raises with a "did you mean"
                    return
                curation.merge(actor, target)
                done = f"Merged '{actor.name}' into '{target.name}'."
            elif action == "rename":
                curation.rename(actor, value or "")
                done = f"Renamed '{actor.name}' to '{value}'."
            else:
                curation.hide(actor)
                done = f"Hid '{actor.name}'."
            recluster(self.settings, engine.actors)
        except NewsdeskError as exc:
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        except OSError as exc:
            self.post_message(msg.BackgroundError("Actors not saved", str(exc)))
            return
        self.post_message(msg.ActorsCurated(done, action, actor.name, value))

    def on_actors_curated(self, message: msg.ActorsCurated) -> None:
        """Shown here, then up to the screen (its filters may name the actor)."""
        self.notify(message.done, timeout=4)
        self.load()

    # -- the keys of the list -------------------------------------------------------------------

    @on(ActorList.Asked)
    async def _asked(self, event: ActorList.Asked) -> None:
        event.stop()
        what, actor = event.what, self.current
        if what == "refill":
            self.refill()
        elif what == "sort":
            self._cycle_sort()
        elif what == "find":
            self.query_one("#actor-filter", Input).focus()
        elif what == "with" and actor is not None:
            self.load_cooccurring(actor)
        elif what in ("merge", "rename", "hide") and actor is not None:
            self._ask_curation(what, actor)
        elif what == "back":
            if self.with_actor is not None:
                self.show_all()  # back from "appears with" to every actor
            else:
                await self.run_action("screen.focus_search")

    # -- showing --------------------------------------------------------------------------------

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
        self.border_title = plain(f"With {actor.name}")
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

    def _cycle_sort(self) -> None:
        self.sort = ACTOR_SORTS[(ACTOR_SORTS.index(self.sort) + 1) % len(ACTOR_SORTS)]
        self.refill()
        self.app.notify(f"Actors sorted by {self.sort}", timeout=2)

    def _sorted(self, actors: list[Actor]) -> list[Actor]:
        if self.with_actor is not None:
            return sorted(actors, key=lambda a: (-self.together.get(a.id, 0), -a.articles))
        return sorted(actors, key=sort_key(self.sort))

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
