"""Command palette (Ctrl+P): the dashboard's actions by name (from the table of actions,
tui/actions.py), then its saved searches, actors and history."""

from __future__ import annotations

from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsdesk.index.models import Actor
from newsdesk.index.userdata.bookmarks import Bookmark
from newsdesk.tui.actions import palette_actions
from newsdesk.tui.safe_text import terminal_safe


@runtime_checkable
class PaletteHost(Protocol):
    """The screen the palette acts on (the main screen): what it offers and runs."""

    async def run_action(self, action: str) -> bool: ...
    def palette_bookmarks(self) -> list[Bookmark]: ...
    def palette_actors(self) -> list[Actor]: ...
    def palette_history(self) -> list[str]: ...  # newest first
    def open_saved(self, name: str) -> None: ...
    def add_actor_filter(self, name: str) -> None: ...
    def accept_suggestion(self, query: str) -> None: ...


class NewsdeskCommands(Provider):
    def _host(self) -> PaletteHost | None:
        """The dashboard's screen, under the palette or under a dialog or help."""
        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, PaletteHost)),
                    None)

    def _commands(self) -> list[tuple[str, object, str]]:
        host = self._host()
        if host is None:
            return []
        found: list[tuple[str, object, str]] = [
            (a.palette, partial(host.run_action, a.action), a.palette_help)
            for a in palette_actions()]
        for bookmark in host.palette_bookmarks():
            found.append((f"Saved: {terminal_safe(bookmark.name, False)}",
                          partial(host.open_saved, bookmark.name),
                          terminal_safe(bookmark.query, False)))
        for actor in host.palette_actors():
            found.append((f"Actor: {terminal_safe(actor.name, False)}",
                          partial(host.add_actor_filter, actor.name),
                          f"filter the search by this {actor.type}"))
        for query in host.palette_history():
            found.append((f"History: {terminal_safe(query, False)}",
                          partial(host.accept_suggestion, query), "search again"))
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
