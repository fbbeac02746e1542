"""Stars, tags and notes from the dashboard: * stars the article the user is on (the
highlighted hit, or the one in the reader), t opens the tag dialog, and the palette makes a
group of saved searches from a batch file. Changes are written in a worker, to the tags file
as it is on disk under the saved searches' lock (index/userdata/tags.py), so a second
dashboard or the CLI tagging at the same time loses nothing; what they change shows here
within POLL_SECONDS (one stat). The main screen owns one, as it owns its Handoff."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.tags import Change, Marks
from newsdesk.tui.render import counted
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine
    from newsdesk.tui.dialogs.tags import TagEdit
    from newsdesk.tui.panes.reader import ArticleView
    from newsdesk.tui.panes.results import ResultsList
    from newsdesk.tui.panes.saved import SavedPane
    from newsdesk.tui.panes.views import ViewsPane
    from newsdesk.tui.screens.handoff import Handoff

POLL_SECONDS = 2.0
# A query that selects by a person's marks: its hits change when the marks do.
_BY_MARKS = re.compile(r"(?i)(?<![\w.])(tags?|is):")


def edit_change(before: Marks, edit: TagEdit) -> Change:
    """The change from `before` to what the dialog was left with, as a difference: tags
    another dashboard added meanwhile are kept, not overwritten."""
    return Change(tuple(t for t in edit.tags if t not in before.tags),
                  tuple(t for t in before.tags if t not in edit.tags),
                  edit.starred if edit.starred != before.starred else None,
                  edit.note if edit.note != before.note else None)


class Marking:
    def __init__(self, screen: Screen[object], results: ResultsList, views: ViewsPane,
                 saved: SavedPane, handoff: Handoff) -> None:
        self.screen = screen
        self.results = results
        self.views = views
        self.saved = saved
        self.handoff = handoff
        self.engine: Engine | None = None  # set once the index is open
        self._polling = False
        self._shown_revision = -1  # the tags' revision the dashboard shows (TagStore.revision)

    @property
    def reader(self) -> ArticleView:
        return self.views.reader

    def _notify(self, text: str, **options: object) -> None:
        self.screen.notify(text, **options)  # type: ignore[arg-type]

    def _target(self) -> tuple[str, str] | None:
        """(id, title) of the article the user is on; None (and a word) if none."""
        if self.engine is None:
            self._notify("The index is still opening.", severity="warning", timeout=3)
            return None
        article_id = self.handoff.selected_article_id()
        if article_id is None:
            self._notify("Search and pick an article first.", severity="warning", timeout=3)
            return None
        document = self.reader.document
        if document is not None and document.article.id == article_id:
            return article_id, document.article.title
        hit = next((h for h in self.results.hits if h.id == article_id), None)
        return article_id, hit.title if hit and hit.built else article_id

    def _marks(self, article_id: str) -> Marks | None:
        assert self.engine is not None
        try:
            self.engine.tags.fresh()
        except (OSError, NewsdeskError) as exc:
            self._notify(f"Tags not loaded: {exc}", severity="error", timeout=15)
            return None
        return self.engine.tags.of(article_id)

    # -- the keys -------------------------------------------------------------------------------

    def toggle_star(self) -> None:
        target = self._target()
        marks = self._marks(target[0]) if target else None
        if target is None or marks is None:
            return
        star = not marks.starred
        self._write([target[0]], Change(star=star),
                    f"{'Starred' if star else 'Unstarred'}: {target[1]}")

    def edit(self, note: bool = False) -> None:
        from newsdesk.tui.dialogs.tags import TagDialog

        target = self._target()
        marks = self._marks(target[0]) if target else None
        if target is None or marks is None or self.engine is None:
            return
        known = self.engine.tags.tag_counts().most_common()
        article_id, title = target

        def done(edit: TagEdit | None) -> None:
            if edit is None:
                return
            change = edit_change(marks, edit)
            if change:
                self._write([article_id], change, f"Saved the tags and note of: {title}")

        self.screen.app.push_screen(TagDialog(title, marks, known, focus_note=note), done)

    # -- writing, in a worker -------------------------------------------------------------------

    def _write(self, ids: list[str], change: Change, said: str) -> None:
        self.screen.run_worker(partial(self._written, ids, change, said), thread=True,
                               group="tags", exit_on_error=False)

    def _written(self, ids: list[str], change: Change, said: str) -> None:
        engine = self.engine
        if engine is None:
            return
        app = self.screen.app
        try:
            engine.tags.change(ids, change)
        except (OSError, NewsdeskError) as exc:
            app.call_from_thread(self._notify, f"Not saved: {exc}", severity="error",
                                 timeout=15)
            return
        app.call_from_thread(self.shown_changed, said)

    def shown_changed(self, said: str | None = None) -> None:
        """Show the marks as they are now: on the hits listed, in the reader, in the saved
        searches' counts and the facets; a search by marks runs again."""
        if self.engine is None or not self.screen.is_attached:
            return
        self._shown_revision = self.engine.tags.revision
        if said:
            self._notify(terminal_safe(said, False), timeout=3)
        tags = self.engine.tags
        for hit in [*self.results.hits, *self.results.copy_hits.values()]:  # (folded too)
            marks = tags.of(hit.id)
            hit.starred, hit.tags, hit.note = marks.starred, list(marks.tags), marks.note
        self.results.restyle()
        self.reader.show_marks()
        self.saved.count()
        views = self.views
        views.facets_query = ""  # counted again when next shown
        shown = self.results.shown_query
        if _BY_MARKS.search(shown):
            self.screen.start_search(self.screen.box.value)  # type: ignore[attr-defined]
        elif views.view == "facets" and shown:
            views.compute(shown, self.results.total, views.timeline_by, facets=True)

    # -- changes made elsewhere -----------------------------------------------------------------

    def start_polling(self) -> None:
        if not self._polling:
            self._polling = True
            self.screen.set_interval(POLL_SECONDS, self._poll)

    def _poll(self) -> None:
        self.screen.run_worker(self._check, thread=True, exclusive=True, group="tags-poll",
                               exit_on_error=False)

    def _check(self) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            engine.tags.fresh()  # (one stat when nothing changed)
        except (OSError, NewsdeskError):
            return  # reported when the user next tags
        # By revision, not by the file's stamp: a search or the facets may have taken the
        # change in since the last look (they read the tags fresh), and it is shown still.
        if engine.tags.revision != self._shown_revision:
            self.screen.app.call_from_thread(self.shown_changed)

    # -- a group of saved searches from a batch file --------------------------------------------

    def ask_group(self) -> None:
        from newsdesk.tui.dialogs.name import NameDialog

        def named(path: str | None) -> None:
            if path and path.strip():
                self._make_group(Path(path.strip()).expanduser())

        self.screen.app.push_screen(NameDialog(
            "Saved-search group from a file of queries (one a line):", "",
            "The group is named after the file; # lines are skipped. Enter makes it, "
            "Escape cancels"), named)

    def _make_group(self, path: Path) -> None:
        from newsdesk.index.query.batch import group_searches, read_batch

        settings = self.screen.settings  # type: ignore[attr-defined]
        group = path.stem.replace("/", "-") or "batch"
        try:
            lines = read_batch(path, settings.search.default_operator)
            if not lines:
                raise NewsdeskError(f"{path}: no queries in it")
            made = self.saved.store.put_group(group, group_searches(lines, group,
                                                                    path.name))
        except (OSError, NewsdeskError) as exc:
            self._notify(f"No group made: {exc}", severity="error", timeout=15)
            return
        self._notify(f"Saved the group '{group}': {counted(len(made), 'search', 'searches')}",
                     timeout=10)
        self.saved.load()
        self.saved.count()

    def ask_remove_group(self) -> None:
        """Delete the group of the saved search highlighted (asking first)."""
        from newsdesk.tui.dialogs.confirm import ConfirmDialog

        current = self.saved.current
        if current is None or not current.group:
            self._notify("Highlight a search of the group in Saved searches (b) first.",
                         severity="warning", timeout=4)
            return
        group = current.group
        searches = sum(1 for b in self.saved.store.bookmarks if b.group == group)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.saved.store.remove_group(group)
            except (OSError, NewsdeskError) as exc:
                self._notify(f"Not deleted: {exc}", severity="error", timeout=15)
                return
            self.saved.load()
            self.saved.count()

        self.screen.app.push_screen(ConfirmDialog(
            f"Delete the group '{group}' and its {counted(searches, 'search', 'searches')}?"),
            answered)
