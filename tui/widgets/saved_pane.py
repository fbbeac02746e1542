"""Saved searches, like folders: name, live hit count, and how many hits are new since the
search was last opened."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.index.models import SavedCount
from newsdesk.index.userdata.bookmarks import Bookmark
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.widgets.list_keys import list_keys
from newsdesk.tui.widgets.option_width import option_width


class SavedPane(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Open", id="saved.open"),
        Binding("r", "rename", "Rename", id="saved.rename"),
        Binding("d,delete", "delete", "Delete", id="saved.delete"),
        *list_keys("saved"),
    ]

    class Rename(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class Delete(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.bookmarks: list[Bookmark] = []
        self.counts: dict[str, SavedCount] = {}
        self.notice: str | None = None

    def show(self, bookmarks: list[Bookmark], counts: dict[str, SavedCount],
             notice: str | None = None) -> None:
        keep = self.highlighted
        self.bookmarks, self.counts, self.notice = list(bookmarks), dict(counts), notice
        self.clear_options()
        if notice:
            self.add_option(Option(Text(terminal_safe(notice, False), style="red"),
                                   disabled=True))
        elif not bookmarks:
            self.add_option(Option(Text("Ctrl+S saves the current search here.",
                                        style="dim italic"), disabled=True))
        for bookmark in bookmarks:
            self.add_option(Option(self._prompt(bookmark), id=bookmark.name))
        if bookmarks:
            self.highlighted = min(keep or 0, len(bookmarks) - 1) + (1 if notice else 0)

    def _width(self) -> int:
        return option_width(self, 12, 28)

    def on_resize(self) -> None:
        if self.bookmarks:
            self.show(self.bookmarks, self.counts, self.notice)

    def _prompt(self, bookmark: Bookmark) -> Text:
        """Name on the left, count and new on the right of one line; the query below."""
        width = self._width()
        count = self.counts.get(bookmark.name, SavedCount(None))
        tail = Text()
        if count.error:
            tail.append("⚠ bad query", style="red")
        elif count.count is None:
            tail.append("…", style="dim")
        else:
            tail.append(f"{count.count:,}", style="cyan")
            if count.new:
                tail.append(f" +{count.new:,} new", style="bold green")
        name = Text(terminal_safe(bookmark.name, False), style="bold")
        name.truncate(max(4, width - tail.cell_len - 1), overflow="ellipsis")
        line = Text()
        line.append_text(name)
        line.append(" " * max(1, width - name.cell_len - tail.cell_len))
        line.append_text(tail)
        query = Text(terminal_safe(bookmark.query, False), style="dim")
        query.truncate(width, overflow="ellipsis")
        line.append("\n")
        line.append_text(query)
        return line

    @property
    def current(self) -> Bookmark | None:
        option = self.highlighted_option
        return next((b for b in self.bookmarks if option and b.name == option.id), None)

    def action_rename(self) -> None:
        if self.current:
            self.post_message(self.Rename(self.current.name))

    def action_delete(self) -> None:
        if self.current:
            self.post_message(self.Delete(self.current.name))

    def action_back(self) -> None:
        self.app.action_focus_search()  # type: ignore[attr-defined]
