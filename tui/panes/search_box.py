"""The search box across the top, with shell-like history on Up / Down. It keeps the
history file: a query the user acted on is remembered, not every keystroke."""

from __future__ import annotations

from textual import events

from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.bookmarks import History, SavedFileError
from newsdesk.tui.actions import bindings
from newsdesk.tui.ordered_input import OrderedInput

PLACEHOLDER = ("Search: words", '"phrases"', "title:", "source:", "date:[2020-01 TO 2020-03]",
               "milit*", "Soleimany~", "AND OR NOT")
MORE = ", … (? help)"


def placeholder(width: int | None = None) -> str:
    """The syntax the box takes, as much of it as fits in `width` cells, whole examples
    only: at 80 columns it was cut in the middle of one ("date:[2020-01 TO 2020-03], mil")."""
    whole = ", ".join(PLACEHOLDER)
    if width is None or len(whole) <= width:
        return whole
    for count in range(len(PLACEHOLDER) - 1, 0, -1):
        text = ", ".join(PLACEHOLDER[:count]) + MORE
        if len(text) <= width:
            return text
    return PLACEHOLDER[0][:max(width, 0)]


class SearchBox(OrderedInput):
    BINDINGS = bindings("search")

    def __init__(self, history: History, **kwargs: object) -> None:
        super().__init__(placeholder=placeholder(), **kwargs)  # type: ignore[arg-type]
        self.store = history
        self.history: list[str] = []  # oldest first
        self._position: int | None = None  # index into history while browsing it
        self._draft = ""

    def on_resize(self, event: events.Resize) -> None:
        self.placeholder = placeholder(self.content_region.width - 1)  # a cell for the cursor

    async def _on_key(self, event: events.Key) -> None:
        # "/" means "search" everywhere else, and people type it by habit when the box
        # already has the focus (it has at start): in an empty box, or over a selection
        # that holds the whole query, no query starts with "/", so it is that habit.
        if event.character == "/" and self._starts_the_query():
            event.stop()
            event.prevent_default()
            return
        # "?" is help everywhere and the placeholder says so ("… (? help)"): the
        # placeholder shows only while the box is empty, and no query starts with "?" (a
        # wildcard needs a letter or digit before it), so there it is help, not a query
        # that can only fail. After a letter it is the wildcard ("hezb?llah").
        if event.character == "?" and self._starts_the_query():
            event.stop()
            event.prevent_default()
            await self.run_action("screen.help")
            return
        await super()._on_key(event)

    def _starts_the_query(self) -> bool:
        """Whether a character typed now would be the query's first (an empty box, or a
        selection that holds the whole query)."""
        if not self.value:
            return True
        start, end = sorted(self.selection)
        return start == 0 and end == len(self.value)

    def load_history(self) -> None:
        try:
            self.history = list(self.store.load())
        except SavedFileError as exc:
            # The file by its name (at 80 columns a toast is one line; the folder filled it).
            self.notify(str(exc).replace(str(self.store.path), self.store.path.name, 1),
                        title="History not loaded", severity="error", timeout=20)
        for note in self.store.notes:  # a newer newsdesk's keys: loaded, kept, said
            self.notify(note.replace(str(self.store.path), self.store.path.name, 1),
                        title="History", severity="warning", timeout=10)

    def _pick_up_history(self) -> None:
        """Queries another newsdesk added since (one stat; read only when it changed)."""
        try:
            if self.store.reload_if_changed():
                self.history = list(self.store.queries)
        except (OSError, NewsdeskError):
            pass  # said when it was loaded, or when the next query is saved

    def remember(self, query: str) -> None:
        """Add a query to the history (a run the user acted on, not every keystroke)."""
        try:  # added to the file as it is on disk now (other processes' queries kept)
            self.store.add(query)
        except (OSError, NewsdeskError) as exc:
            self.notify(f"History not saved: {exc}", severity="error")
        self.history = list(self.store.queries)
        self._position = None

    def action_history_back(self) -> None:
        if self._position is None:
            self._pick_up_history()
        if not self.history:
            return
        if self._position is None:
            self._draft, self._position = self.value, len(self.history)
        self._position = max(0, self._position - 1)
        self._recall(self.history[self._position])

    async def action_history_forward(self) -> None:
        if self._position is None:
            await self.run_action("screen.focus_results")
            return
        self._position += 1
        if self._position >= len(self.history):
            self._position = None
            self._recall(self._draft)
        else:
            self._recall(self.history[self._position])

    def recalled(self, value: str) -> bool:
        """Whether `value` is the query Up / Down recalled from the history, unedited."""
        position = self._position
        return position is not None and 0 <= position < len(self.history) and \
            value == self.history[position]

    def _recall(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)

    def set_query(self, query: str) -> None:
        """Put `query` in the box, the cursor at its end."""
        self._recall(query)
