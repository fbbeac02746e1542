"""The rows of the actor pane: its filter box, its list, and the type badge of an actor. The
keys of the list ask the pane (tui/panes/actors.py) for what they mean, by message."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList

from newsdesk.tui.actions import bindings
from newsdesk.tui.ordered_input import OrderedInput
from newsdesk.tui.panes.option_width import option_width

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
    BINDINGS = bindings("actor-filter")

    def action_to_list(self) -> None:
        self.screen.query_one(ActorList).focus()

    def action_unfilter(self) -> None:
        """Escape: the filter cleared and back to the list, on the actor highlighted (a
        filter kept out of sight narrowed the list for good: "br" left 8 rows)."""
        self.post_message(ActorList.Asked("unfilter"))


class ActorList(OptionList):
    BINDINGS = bindings("actors")

    class Asked(Message):
        """A key asks the pane to sort, find, merge, rename, hide (or unhide), unmerge,
        undo, list the "hidden" actors, the "places" (or the actors again) or those that
        appear "with" the current one, go "back", or "refill" the rows (resized)."""

        def __init__(self, what: str) -> None:
            super().__init__()
            self.what = what

    laid_out_at = 0  # the row width the options were laid out to
    more_rows: Callable[[int | None], None] | None = None  # the pane builds rows as they near
    MORE_AT_ONCE = 60  # rows asked for when the cursor or the scroll nears the last built

    def _more(self, count: int | None) -> None:
        if self.more_rows is not None:
            self.more_rows(count)

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is not None and highlighted >= self.option_count - 10:
            self._more(self.MORE_AT_ONCE)
        super().watch_highlighted(highlighted)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.max_scroll_y - new_value < 2 * self.size.height:
            self._more(self.MORE_AT_ONCE)

    def action_last(self) -> None:
        self._more(None)  # the last row listed, not the last one built
        super().action_last()  # the last actor: a note after it ("… N more") is disabled
        self.call_after_refresh(self.scroll_end, animate=False)  # and the note in sight

    def action_page_down(self) -> None:
        self._more(max(self.MORE_AT_ONCE, self.size.height))
        super().action_page_down()
    places = False  # listing the places: Enter filters by a place (the footer says which)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            return not self.places
        if action == "select_place":
            return self.places
        return True

    def action_select_place(self) -> None:
        self.action_select()

    def show_places(self, places: bool) -> None:
        self.places = places
        self.refresh_bindings()

    def row_width(self) -> int:
        return option_width(self, 12, 26)

    def on_resize(self) -> None:
        if self.row_width() != self.laid_out_at:
            self.post_message(self.Asked("refill"))

    def action_sort(self) -> None:
        self.post_message(self.Asked("sort"))

    def action_find(self) -> None:
        self.post_message(self.Asked("find"))

    def action_merge(self) -> None:
        self.post_message(self.Asked("merge"))

    def action_rename(self) -> None:
        self.post_message(self.Asked("rename"))

    def action_hide(self) -> None:
        self.post_message(self.Asked("hide"))

    def action_unmerge(self) -> None:
        self.post_message(self.Asked("unmerge"))

    def action_retype(self) -> None:
        self.post_message(self.Asked("type"))

    def action_undo(self) -> None:
        self.post_message(self.Asked("undo"))

    def action_hidden(self) -> None:
        self.post_message(self.Asked("hidden"))

    def action_places(self) -> None:
        self.post_message(self.Asked("places"))

    def action_with(self) -> None:
        self.post_message(self.Asked("with"))

    def action_back(self) -> None:
        self.post_message(self.Asked("back"))
