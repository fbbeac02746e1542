"""Command palette (Ctrl+P): the app's actions by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.widgets.actor_pane import ActorPane

if TYPE_CHECKING:
    from newsdesk.tui.app import NewsdeskApp

ACTIONS = [
    ("Focus search box", "focus_search", "Jump to the search box (/)"),
    ("Focus results", "focus_results", "Move to the list of hits"),
    ("Open selected article", "open_selected", "Show the highlighted hit in the reader"),
    ("Next match in article", "next_match", "Jump to the next match in the reader (n)"),
    ("Previous match in article", "previous_match", "Jump to the previous match (N)"),
    ("Save current search", "save_search", "Save the query under a name (Ctrl+S)"),
    ("Saved searches", "focus_saved", "Go to the saved searches (b)"),
    ("Actors", "focus_actors", "Go to the actor list (a)"),
    ("Remove all filters", "clear_filters", "Search without the actor, source or date filters"),
    ("Facets", "show_facets", "Hits by source, period and actor; Enter narrows (v)"),
    ("Concordance (keyword in context)", "show_kwic", "Every match on a line, sortable (c)"),
    ("Export results", "export", "Write the results to a CSV or JSON Lines file (e)"),
    ("Copy url, title, text or query", "copy", "To the clipboard, over SSH too (y)"),
    ("Open article in pager", "pager", "Read the article in $PAGER (o)"),
    ("Open article url in browser", "open_url", "Where there is a browser (O)"),
    ("Update index now", "reindex", "Index new and changed files of the corpus"),
    ("Clear search", "clear_search", "Empty the search box"),
    ("Help: keys and query language", "help", "Every key binding and the query syntax (?)"),
    ("Quit", "quit", "Leave newsdesk (q)"),
]


class NewsdeskCommands(Provider):
    @property
    def _app(self) -> NewsdeskApp:
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self._app
        found: list[tuple[str, object, str]] = [
            (name, partial(app.run_action, action), help_text)
            for name, action, help_text in ACTIONS]
        for bookmark in app.bookmarks.bookmarks:
            found.append((f"Saved: {terminal_safe(bookmark.name, False)}",
                          partial(app.open_saved, bookmark.name),
                          terminal_safe(bookmark.query, False)))
        for actor in app.query_one(ActorPane).actors[:200]:
            found.append((f"Actor: {terminal_safe(actor.name, False)}",
                          partial(app.add_actor_filter, actor.name),
                          f"filter the search by this {actor.type}"))
        for query in reversed(app.history.queries[-100:]):
            found.append((f"History: {terminal_safe(query, False)}",
                          partial(app.accept_suggestion, query), "search again"))
        return found

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            if not name.startswith("History: "):
                yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback,  # type: ignore[arg-type]
                          help=help_text)
