"""Saved searches, like folders: name, live hit count, and how many hits are new since the
search was last opened. The pane keeps the bookmarks file: it loads, counts (in a worker),
saves, renames and deletes them itself (each change made to the file as it is on disk, under
its lock: userdata/bookmarks.py); opening one is the screen's (Enter posts an
OptionSelected it acts on). A worker looks at the file every POLL_SECONDS (one stat) and
shows what another process or an editor changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.index.models import NewsdeskError, SavedCount
from newsdesk.index.userdata.bookmarks import (
    SORTS,
    Bookmark,
    BookmarkExists,
    BookmarkStore,
    SavedFileError,
)
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.safe_text import terminal_safe

POLL_SECONDS = 2.0

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine


def groups(bookmarks: list[Bookmark]) -> list[tuple[str, list[Bookmark]]]:
    """The bookmarks with each group's together, where its first one is ("" no group)."""
    found: dict[str, list[Bookmark]] = {}
    order: list[tuple[str, list[Bookmark]]] = []
    for bookmark in bookmarks:
        if not bookmark.group:
            order.append(("", [bookmark]))
        elif bookmark.group in found:
            found[bookmark.group].append(bookmark)
        else:
            found[bookmark.group] = [bookmark]
            order.append((bookmark.group, found[bookmark.group]))
    return order


def in_order(bookmarks: list[Bookmark], sort: str, counts: dict[str, SavedCount]
             ) -> list[Bookmark]:
    """The bookmarks in the pane's order (SORTS): as saved, by name, by hit count (most
    first; not counted yet or a bad query last), newest first. A group's searches stay
    together, where the first of them comes."""
    if sort == "name":
        return sorted(bookmarks, key=lambda b: (b.name.casefold(), b.name))
    if sort == "count":
        def hits(b: Bookmark) -> int:
            count = counts.get(b.name)
            return -1 if count is None or count.count is None else count.count
        return sorted(bookmarks, key=lambda b: -hits(b))
    if sort == "newest":
        return sorted(bookmarks, key=lambda b: -b.created)
    return list(bookmarks)


class SavedPane(OptionList):
    BINDINGS = bindings("saved")

    class Saved(Message):
        """A search was saved under a name (the screen remembers its query)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, store: BookmarkStore, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.store = store
        self.bookmarks: list[Bookmark] = []
        self.counts: dict[str, SavedCount] = {}
        self.notice: str | None = None
        # Deletes and renames made here, newest last, for u: ("delete", search, its place
        # in the file) or ("rename", old name, new name).
        self.undo: list[tuple[str, Bookmark | str, int | str]] = []

    class Reloaded(Message):
        """The file changed elsewhere and was read again (error: it no longer parses)."""

        def __init__(self, error: str | None) -> None:
            super().__init__()
            self.error = error

    # -- the bookmarks file ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.poll)

    @work(thread=True, exclusive=True, group="saved-poll", exit_on_error=False)
    def poll(self) -> None:
        """Read the file again if it changed since this pane last read or wrote it."""
        before = self.store.error
        try:
            if not self.store.reload_if_changed():
                return
        except SavedFileError as exc:
            if str(exc) != before:
                self.post_message(self.Reloaded(str(exc)))
            return
        except OSError:
            return  # tried again at the next tick
        self.post_message(self.Reloaded(None))

    def on_saved_pane_reloaded(self, message: Reloaded) -> None:
        message.stop()
        if message.error:
            self._not_loaded(message.error)
        self._reshow()
        self.count()

    def load(self) -> None:
        notice = None
        try:
            self.store.load()
        except SavedFileError as exc:
            notice = str(exc)
            self._not_loaded(notice)
        for note in self.store.notes:  # a newer newsdesk's keys: loaded, kept, said
            self.notify(note.replace(str(self.store.path), self.store.path.name, 1),
                        title="Saved searches", severity="warning", timeout=10)
        self.show(self.store.bookmarks, self.counts, notice)

    def _not_loaded(self, error: str) -> None:
        """The file by its name alone: at 80 columns a toast is one line, which the folder
        filled; the pane (b) shows the whole path."""
        self.notify(error.replace(str(self.store.path), self.store.path.name, 1),
                    title="Saved searches not loaded", severity="error", timeout=20)

    def _reshow(self) -> None:
        self.show(self.store.bookmarks, self.counts, self.store.error)

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def count(self) -> None:
        engine = self.engine
        if engine is None:
            return
        self.post_message(msg.SavedCounted(engine.saved_counts(list(self.store.bookmarks))))

    def on_saved_counted(self, message: msg.SavedCounted) -> None:
        self.counts = message.counts
        self._reshow()

    def _failed(self, what: str, exc: Exception) -> None:
        self.notify(f"{what}: {exc}", severity="error", timeout=15)

    def save(self, query: str) -> None:
        """Ask for a name (and whether to replace a search of that name), then save."""
        from newsdesk.tui.dialogs.confirm import ConfirmDialog
        from newsdesk.tui.dialogs.name import NameDialog

        if self.store.error:
            self._failed("Not saved", SavedFileError(self.store.error))
            return

        def named(name: str | None) -> None:
            if not name:
                return
            name = name.strip()
            if not name:
                return
            existing = self.store.get(name)  # (the same name but for case too)
            if existing is not None or not self._put(name, query, False):
                saved_name = existing.name if existing is not None else name
                self.app.push_screen(ConfirmDialog(f"Replace the saved search '{saved_name}'?"),
                                     lambda yes: self._put(name, query) if yes else None)

        self.app.push_screen(NameDialog("Save this search as:", query[:60]), named)

    def _put(self, name: str, query: str, replace: bool = True) -> bool:
        """Save; False if not `replace` and a search of that name is on disk already."""
        try:
            self.store.put(name, query, replace)
        except BookmarkExists:
            self._reshow()
            return False
        except (OSError, NewsdeskError) as exc:
            self._failed("Not saved", exc)
            return True
        self.post_message(self.Saved(query))
        self.notify(f"Saved '{name}'.")
        self._reshow()
        self.count()
        return True

    def open(self, name: str) -> str | None:
        """Mark the search `name` opened (none of its hits new now); its query."""
        bookmark = self.store.get(name)
        if bookmark is None:
            return None
        try:
            self.store.mark_opened(bookmark.name)  # on the file as it is: others' kept
        except (OSError, NewsdeskError) as exc:
            self._failed("Could not mark it opened", exc)
        if bookmark.name in self.counts:
            self.counts[bookmark.name].new = 0
        self._reshow()
        return bookmark.query

    def action_rename(self) -> None:
        from newsdesk.tui.dialogs.name import NameDialog

        if self.current is None:
            return
        old = self.current.name

        def renamed(new: str | None) -> None:
            new = (new or "").strip()
            if not new or new == old:
                return
            try:
                self.store.rename(old, new)
            except (OSError, NewsdeskError) as exc:
                self._failed("Not renamed", exc)
                self._reshow()
                return
            if old in self.counts:
                self.counts[new] = self.counts.pop(old)
            self.undo.append(("rename", old, new))
            self.notify(f"Renamed '{old}' to '{new}'; u undoes it.", timeout=4)
            self._reshow()

        self.app.push_screen(NameDialog(f"Rename '{old}' to:", old), renamed)

    def action_delete(self) -> None:
        from newsdesk.tui.dialogs.confirm import ConfirmDialog

        if self.current is None:
            return
        name = self.current.name
        bookmark = self.current

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            at = next((i for i, b in enumerate(self.store.bookmarks) if b.name == name), 0)
            try:
                self.store.remove(name)
            except (OSError, NewsdeskError) as exc:
                self._failed("Not deleted", exc)
                self._reshow()
                return
            self.undo.append(("delete", bookmark, at))
            self.notify(f"Deleted '{name}'; u undoes it.", timeout=4)
            self._reshow()

        self.app.push_screen(ConfirmDialog(f"Delete the saved search '{name}'? (u undoes "
                                           "it)"), answered)

    def action_undo(self) -> None:
        """Take back the newest delete or rename made here (the actor pane's u)."""
        if not self.undo:
            self.notify("Nothing to undo in the saved searches.", timeout=3)
            return
        what, first, second = self.undo[-1]
        try:
            if what == "delete":
                assert isinstance(first, Bookmark) and isinstance(second, int)
                self.store.restore(first, second)
                said = f"Put back '{first.name}'."
            else:
                assert isinstance(first, str) and isinstance(second, str)
                self.store.rename(second, first)
                if second in self.counts:
                    self.counts[first] = self.counts.pop(second)
                said = f"Renamed '{second}' back to '{first}'."
        except (OSError, NewsdeskError) as exc:
            self._failed("Not undone", exc)
            self.undo.pop()  # (it cannot be: a search of that name exists, or it is gone)
            return
        self.undo.pop()
        self.notify(said, timeout=3)
        self._reshow()
        self.count()

    def action_sort(self) -> None:
        """The next order (as saved, name, count, newest), kept in saved.yaml."""
        sort = SORTS[(SORTS.index(self.store.sort) + 1) % len(SORTS)]
        try:
            self.store.set_sort(sort)
        except (OSError, NewsdeskError) as exc:
            self._failed("Order not kept", exc)
            return
        self.notify(f"Saved searches {'as saved' if sort == 'saved' else 'by ' + sort}.",
                    timeout=2)
        self._reshow()

    # -- showing --------------------------------------------------------------------------------

    def show(self, bookmarks: list[Bookmark], counts: dict[str, SavedCount],
             notice: str | None = None) -> None:
        keep = self.highlighted
        kept = self.highlighted_option.id if keep is not None and self.highlighted_option \
            else None
        self.bookmarks, self.counts, self.notice = list(bookmarks), dict(counts), notice
        self.clear_options()
        if notice:
            self.add_option(Option(Text(terminal_safe(notice, False), style="red"),
                                   disabled=True))
        elif not bookmarks:
            self.add_option(Option(Text("Ctrl+S saves the current search here.",
                                        style="dim italic"), disabled=True))
        ordered = in_order(bookmarks, self.store.sort, counts)
        # (A Text: the sort's name is read from saved.yaml, never parsed as markup.)
        self.border_subtitle = "" if self.store.sort == "saved" else \
            Text(f"by {self.store.sort} (s)")
        for group, members in groups(ordered):
            if group:  # a group made from a batch file: a heading, its searches under it
                self.add_option(Option(Text.assemble(("▾ ", "dim"), (terminal_safe(
                    group, False), "bold magenta"), (f" · {len(members):,}", "dim")),
                    disabled=True))
            for bookmark in members:
                self.add_option(Option(self._prompt(bookmark), id=bookmark.name))
        if bookmarks:
            ids = [b.name for _, members in groups(ordered) for b in members]
            at = ids[min(keep or 0, len(ids) - 1)] if kept not in ids else kept
            self.highlighted = self.get_option_index(at)

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
        shown = bookmark.name.removeprefix(f"{bookmark.group}/") if bookmark.group \
            else bookmark.name
        name = Text(("  " if bookmark.group else "") + terminal_safe(shown, False),
                    style="bold")
        name.truncate(max(4, width - tail.cell_len - 1), overflow="ellipsis")
        line = Text()
        line.append_text(name)
        line.append(" " * max(1, width - name.cell_len - tail.cell_len))
        line.append_text(tail)
        if bookmark.group and shown == " ".join(bookmark.query.split())[:60]:
            return line  # a group's search named by its query: one line each
        query = Text(terminal_safe(bookmark.query, False), style="dim")
        query.truncate(width, overflow="ellipsis")
        line.append("\n")
        line.append_text(query)
        return line

    @property
    def current(self) -> Bookmark | None:
        option = self.highlighted_option
        return next((b for b in self.bookmarks if option and b.name == option.id), None)
