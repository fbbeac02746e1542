"""Keys every list pane shares: j / k move like the arrows, Escape goes back to the search."""

from __future__ import annotations

from textual.binding import Binding


def list_keys(pane: str, back: str = "Search") -> list[Binding]:
    return [
        Binding("j", "cursor_down", "Down", show=False, id=f"{pane}.down"),
        Binding("k", "cursor_up", "Up", show=False, id=f"{pane}.up"),
        Binding("escape", "back", back, id=f"{pane}.back"),
    ]
