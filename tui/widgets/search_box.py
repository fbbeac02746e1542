"""The search box across the top."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBox(Input):
    BINDINGS = [
        Binding("down", "to_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(placeholder='Search: words, "phrases", title:, source:, '
                         "date:[2020-01 TO 2020-03], milit*, Soleimany~, AND OR NOT",
                         **kwargs)  # type: ignore[arg-type]

    def action_to_results(self) -> None:
        self.app.action_focus_results()  # type: ignore[attr-defined]
