"""The actor pane: the actors of the current results (every actor when nothing is searched)
by article count (or mentions, or name) with a type badge, narrowed as you type in its
filter box; p switches to the places (cities, regions, sites), listed apart so that a city
never pushes an actor off the screen, and back. Enter filters the search by the actor
(Chosen goes up to the screen), from the list or from the filter box (the highlighted, else
the top actor); m, r and h merge, rename and hide (or unhide), asked here and saved to the
user's actor dictionary; U unmerges (a merge of the user's, or a name the rules joined),
u undoes the newest edit, H lists the hidden actors and places; w lists the actors (or
places) that appear with it in the most articles, where Enter filters by both and Escape
returns to the same place.
The pane loads, follows the query, curates and pairs in workers, and polls (in a worker) for
curation changed by another process or by hand; once focused and the app quiet, it readies
in a worker what an edit's re-clustering needs, so the first edit is as quick as later ones."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import get_current_worker

from newsdesk.index.actors.name_find import names_match
from newsdesk.index.actors.sort_orders import sort_key
from newsdesk.index.config import Settings
from newsdesk.index.folding import fold
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.index.option_values import ACTOR_SORTS, DEFAULT_ACTOR_SORT, is_place
from newsdesk.tui import messages as msg
from newsdesk.tui.panes.actor_list import ActorFilter, ActorList, badge
from newsdesk.tui.panes.option_width import sidebar_width
from newsdesk.tui.render import plain
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.actors.curation import UnmergeChoice
    from newsdesk.index.actors.editing import RenameIsMerge
    from newsdesk.index.engine import Engine

CHOICE_KEYS = "123456789abcdefghilmnoprstuvwxyz"  # a dialog's keys (no j, k, q)
# An ordered list of actors and what it was ordered from (_ordered): the source list, the
# counts it was sorted by ("appears with", in the results), the result.
_Ordered = tuple[list[Actor], dict[int, int], "dict[int, int] | None", list[Actor]]
SHOWN = 300  # rows listed at most: the filter narrows the rest
ROWS_AT_ONCE = 60  # rows built at a time, more as the list is scrolled to them (_build_rows)
FOLLOW_LIMIT = 300  # actors (and as many places) of the current results listed
WITH_LIMIT = 100  # actors (and as many places) listed as appearing with one
POLL_SECONDS = 2.0  # how soon curation changed elsewhere shows here
FOLLOW_PAUSE = 0.25  # results unchanged this long: count their actors

WAITING = "Waiting for another newsdesk to finish an actor edit…"


class _Stopped(Exception):
    """A background preparation given up (its worker cancelled)."""


class ActorPane(Vertical):
    """Filter box over the list."""

    class Chosen(Message):
        """Filter by this actor; with `also`, by both (a pair from "appears with")."""

        def __init__(self, actor: Actor, also: Actor | None = None) -> None:
            super().__init__()
            self.actor = actor
            self.also = also

    class UnmergeAsked(Message):
        """The ways to unmerge an actor, found in a worker: the dialog asks which."""

        def __init__(self, actor: Actor, choices: list[UnmergeChoice]) -> None:
            super().__init__()
            self.actor = actor
            self.choices = choices

    class Followed(Message):
        """The actors of the articles a query matches, with how many of them each is in."""

        def __init__(self, query: str, pairs: list[tuple[Actor, int]],
                     typing: bool = False) -> None:
            super().__init__()
            self.query = query
            self.typing = typing
            self.pairs = pairs

    def __init__(self, settings: Settings, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.settings = settings
        self.actors: list[Actor] = []
        self.sort = DEFAULT_ACTOR_SORT
        self.shown: list[Actor] = []
        self.notice: str | None = None
        self.with_actor: Actor | None = None  # listing the actors that appear with it
        self.together: dict[int, int] = {}  # actor id -> articles shared with with_actor
        self._with_list: list[Actor] = []
        self.hidden_actors: list[Actor] = []
        self.show_hidden = False  # listing the hidden actors and places (h unhides)
        self.places = False  # listing the places instead of the actors (p switches)
        self.following = ""  # the query whose results the list follows ("" for none)
        # ... searched as it was being typed (its last word a prefix), as the results were
        self.following_typing = False
        self._followed_typing = False
        self.in_results: dict[int, int] | None = None  # actor id -> matching articles
        self._results_list: list[Actor] = []
        self._place: tuple[str | None, float, str] = (None, 0.0, "")  # before "with"
        self._loaded = False  # the list was loaded (the poll waits until then)
        self._loaded_stamp: str | None = None  # the actor table the list was loaded from
        self._poll_error: str | None = None
        self._curating = False
        # What this pane's last edit changed, if it was patched: (the ids taken out or
        # written again, the actors written), read in its worker; None: load all again.
        self._patched: tuple[set[int], list[Actor]] | None = None
        # The dashboard's own indexer is at work (a first build): it clusters the actors at
        # its end, which is no change "elsewhere", and the table is not to be re-clustered
        # under it.
        self.building = False
        self._follow_timer: Timer | None = None
        self._held = False  # typing: a count of the results on show is not wanted
        self.followed = ""  # the query whose actors in_results holds
        self._outside = False  # the filter found none in the results: all actors shown
        self._order_memo: dict[tuple[object, ...], _Ordered] = {}  # see _ordered
        self._unbuilt: list[Actor | Text] = []  # rows listed and not yet built

    def on_mount(self) -> None:
        self._retitle()
        self.query_one(ActorList).more_rows = self._build_rows
        self.set_interval(POLL_SECONDS, self.poll)

    # -- loading, pairing and curating, in workers ----------------------------------------------

    def index_ready(self, building: bool) -> None:
        """The index is open (again); `building`: the dashboard's own indexer goes on. The
        poll waits until the list is loaded from it: on a first build the list was loaded
        from a table not clustered yet, and the build's own clustering, or the poll
        re-clustering the unstamped table beside it, showed "Actors changed elsewhere"."""
        self.building = building
        self._loaded = False
        self.load()

    @work(thread=True, exclusive=True, group="actors", exit_on_error=False)
    def load(self) -> None:
        engine = self.engine
        if engine is None:
            return
        worker = get_current_worker()
        engine.wait_for_quiet(lambda: worker.is_cancelled)  # a search typed goes first
        try:
            stamp = engine.actors.stamp()
            actors = engine.actors.list(hidden=True)
        except Exception as exc:  # noqa: BLE001 - shown in the pane, never a traceback
            self.post_message(msg.ActorsLoaded([], f"Actors not loaded: {exc}"))
            return
        self.post_message(msg.ActorsLoaded(actors, None, stamp))

    def on_actors_loaded(self, message: msg.ActorsLoaded) -> None:
        self._loaded, self._loaded_stamp = message.error is None, message.stamp
        self.hidden_actors = [a for a in message.actors if a.hidden]
        self.show([a for a in message.actors if not a.hidden], message.error)
        if self.following:  # counts and names as the table is now
            self._follow(self.following, self.following_typing)
        if self._loaded and not self.building and self.has_focus_within:
            self.prepare_edits()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The list or its filter box focused: an edit may follow (ready for it then, not
        at start: the key index held costs about 95 MB at 100,000 articles)."""
        if self._loaded and not self.building:
            self.prepare_edits()

    @work(thread=True, exclusive=True, group="actors-prepare", exit_on_error=False)
    def prepare_edits(self) -> None:
        """Once the pane is focused and the dashboard quiet, ready what a curation edit's
        re-clustering looks keys up in (the store's key index, read from the store where the
        table's build left it, and the titles' facts), so that the session's first edit
        costs about what later ones do. In slices, each after the searches typed meanwhile;
        a failure, or an index not stored, is left to the edit that meets it (which builds
        it: about a second at 100,000 articles). Quick when ready already."""
        engine = self.engine
        if engine is None:
            return
        worker = get_current_worker()

        def pause() -> None:
            engine.wait_for_quiet(lambda: worker.is_cancelled)
            if worker.is_cancelled:
                raise _Stopped

        with contextlib.suppress(Exception):
            pause()
            engine.actors.prepare(pause)

    @work(thread=True, exclusive=True, group="actors-poll", exit_on_error=False)
    def poll(self) -> None:
        """Re-cluster if the curation changed elsewhere (a few stats when not), and reload
        the list if the actor table is not the one it was loaded from."""
        from newsdesk.index.actors.table import recluster_if_changed  # 150 ms: not at start

        engine, loaded = self.engine, self._loaded_stamp
        if engine is None or not self._loaded or self._curating or self.building:
            return  # not loaded yet, this pane's own edit or the dashboard's build at work
        try:
            changed = recluster_if_changed(self.settings, engine.actors)
            stamp = engine.actors.stamp()
        except Exception as exc:  # noqa: BLE001 - e.g. a hand-broken dictionary: said once
            if str(exc) != self._poll_error:
                self._poll_error = str(exc)
                self.post_message(msg.BackgroundError("Actors not updated", str(exc)))
            return
        self._poll_error = None
        if changed or stamp != loaded:
            # (With a rule's fault its clustering contained, if one: cluster_faults.py.)
            faults = engine.actors.new_faults if changed else ()
            said = "\n".join(["Actors changed elsewhere: list updated.",
                              *(f"actors: {m}" for m in faults)])
            self.post_message(msg.ActorsCurated(said, "elsewhere", "", None))

    def follow(self, query: str, typing: bool = False) -> None:
        """List the actors of `query`'s results (every actor for an empty query), searched
        as the results were (`typing`: its last word as a prefix). Counted once the results
        stop changing: typing must not wait behind it."""
        self._held = False
        query = query.strip()
        if query == self.following and typing == self.following_typing and (
                self._follow_timer is not None
                or (self.followed == query and self._followed_typing == typing)):
            return  # shown, or about to be
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        self.following, self.following_typing = query, typing
        if not query:
            self.in_results, self._results_list, self.followed = None, [], ""
            self._retitle()
            if self.with_actor is None:
                self.refill()
            return
        self._follow_timer = self.set_timer(FOLLOW_PAUSE, self._count_following)

    def hold_follow(self) -> None:
        """A key was typed: the results on show are about to be replaced. Their count, due
        or running, is dropped: it would take the interpreter and refill this list while
        the next search runs and paints (the keystroke p95 on long articles). The next
        results shown are followed again."""
        self._held = True
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None

    def _count_following(self) -> None:
        self._follow_timer = None
        self._follow(self.following, self.following_typing)

    @work(thread=True, exclusive=True, group="follow", exit_on_error=False)
    def _follow(self, query: str, typing: bool = False) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            pairs = engine.top_actors(query, FOLLOW_LIMIT, each_kind=True, typing=typing)
        except Exception:  # noqa: BLE001 - a query that fails says so in the status line
            return
        self.post_message(self.Followed(query, pairs, typing))

    @on(Followed)
    def _followed(self, message: Followed) -> None:
        message.stop()
        if message.query != self.following or message.typing != self.following_typing \
                or self._held:
            return  # the query changed meanwhile, or is changing
        self.in_results = {a.id: n for a, n in message.pairs}
        self._results_list = [a for a, _ in message.pairs]
        self.followed, self._followed_typing = message.query, message.typing
        self._retitle()
        if self.with_actor is None:
            self.refill()

    @work(thread=True, exclusive=True, group="cooccur", exit_on_error=False)
    def load_cooccurring(self, actor: Actor) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            pairs = engine.actors.cooccurring(actor.id, WITH_LIMIT, each_kind=True)
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        self.post_message(msg.CooccurrenceLoaded(actor, pairs))

    def on_cooccurrence_loaded(self, message: msg.CooccurrenceLoaded) -> None:
        self.show_with(message.actor, message.pairs)

    def _ask_curation(self, action: str, actor: Actor) -> None:
        from newsdesk.tui.dialogs.confirm import ConfirmDialog
        from newsdesk.tui.dialogs.name import NameDialog

        name = terminal_safe(actor.name, False)
        if action == "hide" and actor.hidden:
            self.curate("unhide", actor)
        elif action == "unmerge":
            self.find_unmerges(actor)
        elif action == "type":
            self._ask_type(actor)
        elif action == "hide":
            self.app.push_screen(ConfirmDialog(f"Hide '{name}' from the actor list?"),
                                 lambda yes: self.curate("hide", actor) if yes else None)
        elif action == "rename":
            self.app.push_screen(NameDialog(f"Rename '{name}' to:", actor.name),
                                 lambda new: self.curate("rename", actor, new) if new else None)
        else:
            self.app.push_screen(NameDialog(f"Merge '{name}' into which actor?", "",
                                            "Type the other actor's name (any alias works)"),
                                 lambda into: self.curate("merge", actor, into) if into else None)

    def _ask_type(self, actor: Actor) -> None:
        """Which kind of actor it is, by a key each (its type now marked)."""
        from newsdesk.index.option_values import ACTOR_TYPES
        from newsdesk.tui.dialogs.choice import ChoiceDialog

        keyed = dict(zip(CHOICE_KEYS, ACTOR_TYPES, strict=False))
        labels = [(key, f"{kind}{' (now)' if kind == actor.type else ''}"
                   f"{' (a place: listed with the places)' if kind == 'location' else ''}")
                  for key, kind in keyed.items()]
        self.app.push_screen(
            ChoiceDialog(f"What kind of actor is '{terminal_safe(actor.name, False)}'?",
                         labels),
            lambda key: self.curate("type", actor, keyed[key]) if key in keyed else None)

    @work(thread=True, exclusive=True, group="curate", exit_on_error=False)
    def find_unmerges(self, actor: Actor) -> None:
        """The ways to unmerge `actor` (the journal of edits is read here, not on the app's
        thread); the dialog asks which."""
        from newsdesk.index.actors.editing import unmerge_choices

        if self.engine is None:
            return
        try:
            choices = unmerge_choices(self.settings, self.engine.actors, actor)
        except (NewsdeskError, OSError) as exc:
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        self.post_message(self.UnmergeAsked(actor, choices))

    @on(UnmergeAsked)
    def _unmerge_asked(self, message: UnmergeAsked) -> None:
        from newsdesk.tui.dialogs.choice import ChoiceDialog

        message.stop()
        actor, choices = message.actor, message.choices[:len(CHOICE_KEYS)]
        if not choices:
            self.notify(f"'{terminal_safe(actor.name, False)}' has one name and no merge: "
                        "nothing to unmerge.", timeout=4)
            return
        keyed = dict(zip(CHOICE_KEYS, choices, strict=False))
        self.app.push_screen(
            ChoiceDialog(f"Unmerge what from '{terminal_safe(actor.name, False)}'?",
                         [(key, terminal_safe(c.label, False)) for key, c in keyed.items()]),
            lambda key: self.curate("unmerge", actor, keyed[key].name) if key in keyed
            else None)

    def _ask_merge(self, asked: RenameIsMerge) -> None:
        """A rename onto another actor's name: asked as the merge it is."""
        from newsdesk.tui.dialogs.confirm import ConfirmDialog

        actor, other = asked.actor, asked.other
        question = (f"'{terminal_safe(asked.new_name, False)}' is the actor "
                    f"'{terminal_safe(other.name, False)}' ({other.articles:,} articles).\n"
                    f"Merge '{terminal_safe(actor.name, False)}' into it? (u undoes it)")
        self.app.push_screen(ConfirmDialog(question), lambda yes: self.curate(
            "rename", actor, asked.new_name, merge=True) if yes else None)

    @work(thread=True, exclusive=True, group="curate", exit_on_error=False)
    def curate(self, action: str, actor: Actor | None, value: str | None = None,
               merge: bool = False) -> None:
        """Save the edit to the user's actor dictionary, then re-cluster (no re-index). A
        rename onto another actor's name asks first whether to merge (RenameIsMerge)."""
        # Imported here, in the worker: the actor table's imports cost 150 ms of start-up.
        from newsdesk.index.actors.editing import RenameIsMerge, apply
        from newsdesk.index.userdata.lock import said_when_waiting

        engine = self.engine
        if engine is None:
            return
        self._curating = True  # the poll waits: this edit is not "elsewhere"
        try:
            engine.actors.last_patch = None  # (an edit that changes nothing re-clusters none)
            # Another newsdesk's edit (a command re-clustering) holds the curation's lock
            # for seconds on a large corpus: this edit waits its turn, and says so.
            with said_when_waiting(lambda: self.app.call_from_thread(
                    self.notify, WAITING, timeout=4)):
                done = apply(self.settings, engine.actors, action, actor, value, merge=merge)
            # Patched: the few actors it wrote are read here and put in place in the list
            # (reading all again took 0.2-0.5 s at 100,000 articles); rebuilt, all again.
            change = engine.actors.last_patch
            self._patched = None if change is None else \
                (change[0], engine.actors.by_ids(change[1]))
            self._loaded_stamp = engine.actors.stamp()  # reloaded on ActorsCurated
        except RenameIsMerge as asked:
            self.app.call_from_thread(self._ask_merge, asked)
            return
        except NewsdeskError as exc:
            self.post_message(msg.BackgroundError("Actors", str(exc)))
            return
        except OSError as exc:
            self.post_message(msg.BackgroundError("Actors not saved", str(exc)))
            return
        finally:
            self._curating = False
        self.post_message(msg.ActorsCurated(done.message, action, done.old_name,
                                            done.new_name if action == "rename" else value))

    def on_actors_curated(self, message: msg.ActorsCurated) -> None:
        """Shown here, then up to the screen (its filters may name the actor)."""
        # (A rule's fault its re-clustering contained, "actors: ..." lines: a warning, left
        # up long enough to be read.)
        faulty = "\nactors: " in message.done
        self.notify(message.done, timeout=12 if faulty else 4,
                    severity="warning" if faulty else "information")
        patched, self._patched = self._patched, None
        if patched is None or message.action == "elsewhere" or not self._loaded:
            self.load()
            return
        gone, written = patched  # (the ids taken out or written again, those written)
        everyone = [a for a in (*self.actors, *self.hidden_actors) if a.id not in gone]
        everyone += written
        self.hidden_actors = [a for a in everyone if a.hidden]
        self.show([a for a in everyone if not a.hidden], self.notice)
        if self.following:  # counts and names as the table is now
            self._follow(self.following, self.following_typing)

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
        elif what in ("merge", "rename", "hide", "unmerge", "type") and actor is not None:
            self._ask_curation(what, actor)
        elif what == "undo":
            self.curate("undo", None)
        elif what == "hidden":
            self.toggle_hidden()
        elif what == "places":
            self.toggle_places()
        elif what == "unfilter":
            self._unfilter()
            self.query_one(ActorList).focus()
        elif what == "back":
            if self.query_one("#actor-filter", Input).value:
                self._unfilter()  # a step back: the filter first, then the search box
            elif self.with_actor is not None:
                self.show_all()  # back from "appears with", to where it was
            elif self.show_hidden:
                self.toggle_hidden()
            else:
                await self.run_action("screen.focus_search")

    def _unfilter(self) -> None:
        """The filter's text cleared, the list whole again, on the actor highlighted."""
        box = self.query_one("#actor-filter", Input)
        if box.value:
            option = self.query_one(ActorList).highlighted_option
            with self.prevent(Input.Changed):
                box.value = ""
            self.refill(keep=option.id if option else None)

    # -- showing --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ActorFilter(placeholder="filter actors (f)", id="actor-filter")
        yield ActorList(id="actor-list")

    def show(self, actors: list[Actor], notice: str | None = None) -> None:
        self.actors, self.notice = actors, notice
        if self.with_actor is None:
            self.refill()
        self.fit_sidebar()

    def fit_sidebar(self) -> None:
        """On a roomy terminal, widen the sidebar so whole names show (not cut at 30)."""
        sidebar = self.parent
        if not isinstance(sidebar, Widget) or not self.screen.has_class("-wide"):
            if isinstance(sidebar, Widget):
                sidebar.styles.width = None  # newsdesk.tcss decides (narrow: full width)
            return
        listing = self.query_one(ActorList)
        longest = max((4 + cell_len(terminal_safe(a.name, False)) + 1
                       + len(f"{max(a.mentions, a.articles):,}") for a in self.actors),
                      default=0)
        chrome = max(0, sidebar.size.width - listing.row_width())
        width = sidebar_width(longest, chrome or 8, self.screen.size.width)
        if sidebar.styles.width is None or sidebar.styles.width.value != width:
            sidebar.styles.width = width

    def show_with(self, actor: Actor, pairs: list[tuple[Actor, int]]) -> None:
        """List the actors that appear with `actor`, by articles in common."""
        listing = self.query_one(ActorList)
        if self.with_actor is None:  # Escape comes back here: this filter, row and scroll
            option = listing.highlighted_option
            self._place = (option.id if option else None, listing.scroll_y,
                           self.query_one("#actor-filter", Input).value)
        self.with_actor = actor
        self.together = {a.id: n for a, n in pairs}
        self._with_list = [a for a, _ in pairs]
        self._retitle()
        with self.prevent(Input.Changed):
            self.query_one("#actor-filter", Input).value = ""  # it found the actor: done
        self.refill()
        self.query_one(ActorList).focus()

    def show_all(self) -> None:
        """Back from "appears with": the row and the scroll it was left at."""
        self.with_actor = None
        self.together = {}
        self._retitle()
        keep, scroll, needle = self._place
        with self.prevent(Input.Changed):
            self.query_one("#actor-filter", Input).value = needle
        self.refill(keep=keep)
        listing = self.query_one(ActorList)
        listing.call_after_refresh(listing.scroll_to, y=scroll, animate=False)

    def toggle_hidden(self) -> None:
        """List the hidden actors and places (h unhides one), or go back to the others."""
        self.show_hidden = not self.show_hidden
        self._retitle()
        self.refill()

    def toggle_places(self) -> None:
        """List the places instead of the actors, or the actors again: in every list the
        pane shows (all, the results', those that appear with one)."""
        if self.show_hidden:
            self.notify("The hidden list holds actors and places alike; Esc goes back.",
                        timeout=3)
            return
        self.places = not self.places
        self.query_one(ActorList).show_places(self.places)
        self.query_one("#actor-filter", Input).placeholder = f"filter {self.kind} (f)"
        self._retitle()
        self.refill(keep="")
        self.fit_sidebar()

    @property
    def kind(self) -> str:
        """What the list holds, as its title says it: "actors" or "places"."""
        return "places" if self.places else "actors"

    def _retitle(self) -> None:
        other = "p: actors" if self.places else "p: places"
        if self.with_actor is not None:
            self.border_title = plain(f"{self.kind.capitalize()} with {self.with_actor.name}")
            self.border_subtitle = plain(f"{other} · Esc: back")
        elif self.show_hidden:
            self.border_title, self.border_subtitle = ("Hidden actors and places",
                                                       "h: unhide · Esc: back")
        elif self.in_results is not None:
            self.border_title = plain(f"{self.kind.capitalize()} in results")
            self.border_subtitle = other
        else:
            self.border_title, self.border_subtitle = self.kind.capitalize(), other

    def _cycle_sort(self) -> None:
        self.sort = ACTOR_SORTS[(ACTOR_SORTS.index(self.sort) + 1) % len(ACTOR_SORTS)]
        self.refill()
        self.app.notify(f"Actors sorted by {self.sort}", timeout=2)

    def _following(self) -> bool:
        """Whether the list shows the actors of the current results."""
        return self.with_actor is None and not self.show_hidden and self.in_results is not None

    def _sorted(self, actors: list[Actor]) -> list[Actor]:  # (through _ordered)
        if self.with_actor is not None:
            return sorted(actors, key=lambda a: (-self.together.get(a.id, 0), -a.articles))
        if self._following() and self.sort == "articles":
            counts = self.in_results or {}
            return sorted(actors, key=lambda a: (-counts.get(a.id, 0), -a.articles))
        return sorted(actors, key=sort_key(self.sort))

    @on(Input.Changed, "#actor-filter")
    def _filter_changed(self) -> None:
        self.refill(keep="")  # a new filter: its best match on top, highlighted (as fzf)

    @on(Input.Submitted, "#actor-filter")
    def _filter_submitted(self) -> None:
        """Enter in the filter box filters the search by the highlighted actor (the top one
        the filter found), and moves to the list to go on from there."""
        listing = self.query_one(ActorList)
        if not self.shown:
            return
        listing.focus()
        actor = self.current or self.shown[0]
        if self.current is None:
            listing.highlighted = self._row_of(str(actor.id))
        if not self.show_hidden:
            self.post_message(self.Chosen(actor, self.with_actor))

    def _matches(self, actor: Actor, needle: str) -> bool:
        return names_match(actor, needle)  # (as `newsdesk actors --find`)

    def _pool(self, other_kind: bool = False) -> list[Actor]:
        """The actors (or places) the list draws from, in its order: those that appear with
        one, the hidden ones (actors and places alike), the results', or all."""
        if self.show_hidden:
            return self._ordered(self.hidden_actors, None)
        if self.with_actor is not None:
            pool = self._with_list
        else:
            pool = self._results_list if self._following() else self.actors
        return self._ordered(pool, self.places != other_kind)

    def _ordered(self, source: list[Actor], places: bool | None) -> list[Actor]:
        """`source`'s places (or actors; None: both) in the list's order. Kept while the
        source, the sort and the counts it sorts by stay the same: the list is refilled at
        every search and every key of its filter, and sorting 13,000 actors in Python held
        the app's thread 40-100 ms each time (keys typed meanwhile waited)."""
        key = (id(source), places, self.sort, self.with_actor is not None, self._following())
        kept = self._order_memo.get(key)
        if kept is not None and kept[0] is source and kept[1] is self.together \
                and kept[2] is self.in_results:
            return kept[3]
        chosen = source if places is None else [a for a in source
                                                 if is_place(a.type) == places]
        ordered = self._sorted(chosen)
        if len(self._order_memo) >= 16:
            self._order_memo.clear()
        self._order_memo[key] = (source, self.together, self.in_results, ordered)
        return ordered

    def refill(self, keep: str | None = None) -> None:
        needle = fold(self.query_one("#actor-filter", Input).value.strip())
        listing = self.query_one(ActorList)
        if keep is None:
            keep = listing.highlighted_option.id if listing.highlighted_option else None
        pool = self._pool()
        found = [a for a in pool if self._matches(a, needle)] if needle else pool
        # One these results lack is looked for in the whole corpus, and that is said. A
        # filter finds the other kind too, listed after this one's under its own heading
        # (a place looked for among the actors is not hidden by the switch).
        self._outside = bool(needle and not found and self._following())
        if self._outside:
            found = [a for a in self._ordered(self.actors, self.places)
                     if self._matches(a, needle)]
        others: list[Actor] = []
        if needle and not self.show_hidden:
            there = self._ordered(self.actors, not self.places) \
                if self._outside else self._pool(other_kind=True)
            others = [a for a in there if self._matches(a, needle)]
        note = ""
        if self._outside and found:
            note = "None in these results; in all articles:"
        elif others and not found:
            note = f"No {self.kind[:-1]} matches; {self._other_kind}:"
        elif others:  # said on top, listed at the bottom: p lists them first
            noun = self._other_kind if len(others) > 1 else self._other_kind[:-1]
            note = f"{len(others):,} {noun} match too, below (p: {self._other_kind} first)"
        here = found[:SHOWN]
        there = others[:max(0, SHOWN - len(here))]
        self.shown = here + there
        listing.clear_options()
        thing = self.kind[:-1]  # "actor" or "place"
        if self.notice:
            listing.add_option(Option(Text(terminal_safe(self.notice, False), style="red"),
                                      disabled=True))
        elif note:
            listing.add_option(Option(Text(note, style="dim italic"), disabled=True))
        elif self.with_actor is not None and not pool:
            listing.add_option(Option(Text(f"No other {thing} appears in its articles.",
                                           style="dim italic"), disabled=True))
        elif self.show_hidden and not pool:
            listing.add_option(Option(Text("Nothing hidden. Esc: back.",
                                           style="dim italic"), disabled=True))
        elif self._following() and not pool:
            listing.add_option(Option(Text(f"No {thing} in these results.",
                                           style="dim italic"), disabled=True))
        elif not self.actors:
            listing.add_option(Option(Text("Actors appear once the index is built.",
                                           style="dim italic"), disabled=True))
        elif not pool:
            listing.add_option(Option(Text(f"No {thing} in this corpus.", style="dim italic"),
                                      disabled=True))
        elif not self.shown:
            listing.add_option(Option(Text(f"No {thing} matches the filter.",
                                           style="dim italic"), disabled=True))
        listing.laid_out_at = listing.row_width()
        heading = [Text(f"{self._other_kind.capitalize()}:", style="dim italic")] \
            if here and there else []
        self._unbuilt = [*here, *heading, *there, *self._more_note(
            len(found) - len(here) + len(others) - len(there))]
        self._build_rows(ROWS_AT_ONCE)
        if self.shown:
            ids = [str(a.id) for a in self.shown]
            listing.highlighted = self._row_of(ids[ids.index(keep)] if keep in ids
                                               else ids[0])

    @staticmethod
    def _more_note(more: int) -> list[Text]:
        """The last row when the list stops at SHOWN: how many it leaves out and how to reach
        them. A disabled row, so End and the arrows stop at the last actor, not on it."""
        return [Text(f"… {more:,} more: f filters", style="dim italic")] if more > 0 else []

    def _build_rows(self, count: int | None) -> None:
        """Add the next `count` rows (None: all) of the list, as they are scrolled to: a
        row is laid out and measured by the OptionList as it is added, and 300 of them at
        every refill held the app's thread 20-90 ms."""
        if not self._unbuilt:
            return
        listing = self.query_one(ActorList)
        rows = self._unbuilt if count is None else self._unbuilt[:count]
        self._unbuilt = [] if count is None else self._unbuilt[count:]
        width = listing.laid_out_at
        listing.add_options([Option(self._prompt(row, width), id=str(row.id))
                             if isinstance(row, Actor) else Option(row, disabled=True)
                             for row in rows])

    def _row_of(self, actor_id: str) -> int:
        """The row of the list that shows this actor (notes and headings are rows too),
        built if it was not yet."""
        listing = self.query_one(ActorList)
        while True:
            try:
                return listing.get_option_index(actor_id)
            except OptionDoesNotExist:
                if not self._unbuilt:
                    raise
                self._build_rows(ROWS_AT_ONCE)

    @property
    def _other_kind(self) -> str:
        return "actors" if self.places else "places"

    def _prompt(self, actor: Actor, width: int) -> Text:
        """Badge, name and count on one line of `width` cells: plain Text laid out here. A
        Rich table a row cost a layout pass each on the app's thread, 300 of them whenever
        the list was resized or refilled."""
        if self.with_actor is not None:
            count = self.together.get(actor.id, 0)
        elif self._following() and not self._outside and self.sort != "mentions":
            count = (self.in_results or {}).get(actor.id, 0)
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
