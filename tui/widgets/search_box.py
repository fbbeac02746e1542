"""The search box across the top, with shell-like history on Up / Down."""

from __future__ import annotations

from textual.binding import Binding

from newsdesk.tui.widgets.ordered_input import OrderedInput


class SearchBox(OrderedInput):
    BINDINGS = [
        Binding("up", "history_back", "Older query", show=False, id="search.older"),
        Binding("down", "history_forward", "Newer query, then the results", show=False,
                id="search.newer"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(placeholder='Search: words, "phrases", title:, source:, '
                         "date:[2020-01 TO 2020-03], milit*, Soleimany~, AND OR NOT",
                         **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []  # set by the app, oldest first
        self._position: int | None = None  # index into history while browsing it
        self._draft = ""

    def action_history_back(self) -> None:
        if not self.history:
            return
        if self._position is None:
            self._draft, self._position = self.value, len(self.history)
        self._position = max(0, self._position - 1)
        self._recall(self.history[self._position])

    def action_history_forward(self) -> None:
        if self._position is None:
            self.app.action_focus_results()  # type: ignore[attr-defined]
            return
        self._position += 1
        if self._position >= len(self.history):
            self._position = None
            self._recall(self._draft)
        else:
            self._recall(self.history[self._position])

    def _recall(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)

    def stop_browsing(self) -> None:
        self._position = None
