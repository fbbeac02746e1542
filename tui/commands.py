"""Command palette (Ctrl+P): the app's actions by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import NewsdeskApp

ACTIONS = [
    ("Focus search box", "focus_search", "Jump to the search box (/)"),
    ("Focus results", "focus_results", "Move to the list of hits"),
    ("Open selected article", "open_selected", "Show the highlighted hit in the reader"),
    ("Next match in article", "next_match", "Jump to the next match in the reader (n)"),
    ("Previous match in article", "previous_match", "Jump to the previous match (N)"),
    ("Update index now", "reindex", "Index new and changed files of the corpus"),
    ("Clear search", "clear_search", "Empty the search box"),
    ("Help: keys and query language", "help", "Every key binding and the query syntax (?)"),
    ("Quit", "quit", "Leave newsdesk (q)"),
]


class NewsdeskCommands(Provider):
    @property
    def _app(self) -> NewsdeskApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for name, action, help_text in ACTIONS:
            yield DiscoveryHit(name, partial(self._app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._app.run_action, action),
                          help=help_text)
