"""Command palette (Ctrl+P): the dashboard's actions by name (from the table of actions,
tui/actions.py), then its saved searches, actors and history.

Textual parses a palette entry's prompt and help as markup when they are strings (and its
matcher's highlight parses the candidate too): every entry here is a `Content` made from
terminal-safe plain text, so a saved search named "[/b] weekly" is shown as typed."""

from __future__ import annotations

from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from newsdesk.index.models import Actor
from newsdesk.index.option_values import is_place
from newsdesk.index.userdata.bookmarks import Bookmark
from newsdesk.tui.actions import palette_actions
from newsdesk.tui.render import plain
from newsdesk.tui.safe_text import terminal_safe


@runtime_checkable
class PaletteHost(Protocol):
    """The screen the palette acts on (the main screen): what it offers and runs."""

    async def run_action(self, action: str) -> bool: ...
    def palette_bookmarks(self) -> list[Bookmark]: ...
    def palette_actors(self) -> list[Actor]: ...
    def palette_history(self) -> list[str]: ...  # newest first
    def open_saved(self, name: str) -> None: ...
    def add_actor_filter(self, actor: Actor) -> None: ...
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
            found.append((f"Saved: {bookmark.name}", partial(host.open_saved, bookmark.name),
                          bookmark.query))
        for actor in host.palette_actors():
            found.append((f"{'Place' if is_place(actor.type) else 'Actor'}: {actor.name}",
                          partial(host.add_actor_filter, actor),
                          f"filter the search by this {actor.type}"))
        for tag in getattr(host, "palette_tags", list)():  # the tags in use, most used first
            found.append((f"Tag: {tag}", partial(host.accept_suggestion, f"tag:{tag}"),
                          "search the articles with this tag"))
        for query in host.palette_history():
            found.append((f"History: {query}",
                          partial(host.accept_suggestion, query), "search again"))
        return found

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            if not name.startswith("History: "):
                yield DiscoveryHit(_plain(name), callback, text=terminal_safe(name, False),  # type: ignore[arg-type]
                                   help=_plain(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback,  # type: ignore[arg-type]
                          text=terminal_safe(name, False), help=_plain(help_text))  # type: ignore[arg-type]


def _plain(text: str) -> Content:
    return Content.from_rich_text(plain(text))


def _highlight(matcher: Matcher, name: str) -> Content:
    """What Matcher.highlight does, without parsing `name` as markup."""
    content = _plain(name)
    score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets if score else ():
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
