"""The status line under the search box: hit count, time, filters, errors, suggestions."""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from newsdesk.index.models import Results
from newsdesk.tui.render import counted, plain
from newsdesk.tui.safe_text import terminal_safe


class StatusLine(Static):
    class SuggestionAccepted(Message):
        def __init__(self, suggestion: str) -> None:
            super().__init__()
            self.suggestion = suggestion

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.suggestion: str | None = None
        self.message_kind = "idle"

    def _set(self, text: Text, kind: str) -> None:
        self.message_kind = kind
        self.set_classes(f"-{kind}")
        self.update(text, layout=False)  # one line, always: no layout pass needed

    def show_text(self, text: str, kind: str = "info") -> None:
        self.suggestion = None
        self._set(plain(text), kind)

    def show_results(self, results: Results, doc_count: int, operator: str,
                     filters: list[str] | None = None, stories: int | None = None) -> None:
        """`stories`: how many stories the list shows of the hits fetched (copies fold)."""
        self.suggestion = results.suggestion
        if results.total == 0 and results.suggestion:
            text = Text("No hits. Did you mean ")
            text.append(terminal_safe(results.suggestion, False), style="bold underline")
            text.append("?  (Enter or click to search it)")
            self._set(text, "suggest")
            return
        # Most important first: a narrow terminal cuts the line's end (with an ellipsis).
        noun = "hit" if results.total == 1 else "hits"
        text = Text(f"{results.total:,} {noun}", style="bold")
        text.append(f" of {counted(doc_count, 'article')} · ")
        # What changes the list first: the narrowest terminal still shows it.
        if results.sort != "relevance":
            text.append(f"{results.sort} first", style="bold")
            text.append(" · ")
        if results.prefix:
            text.append(terminal_safe(results.prefix, False) + "…", style="bold")
            text.append(" as a prefix (Enter: as typed) · ", style="dim")
        if filters:
            text.append("filters: ")
            text.append(terminal_safe(", ".join(filters), False),
                        style="bold magenta")
            text.append(" (x removes)", style="dim")
        else:
            text.append("filters: none")
        for note in results.notes:
            text.append(" · " + terminal_safe(note, False), style="italic")
        if results.reached < results.total:
            if stories is not None and stories < results.reached:
                text.append(f" · showing top {counted(stories, 'story', 'stories')} "
                            f"({results.reached:,} hits)")
            else:
                text.append(f" · showing top {results.reached:,}")
        text.append(f" · {results.elapsed * 1000:.0f} ms · default {operator}")
        self._set(text, "results" if results.total else "empty")

    def show_searching(self, query: str) -> None:
        """A search has run for a while (tui/screens/search.py): say so, until it ends."""
        self.suggestion = None
        text = Text("Searching ", style="bold")
        text.append(terminal_safe(query, False), style="italic")
        text.append("…")
        self._set(text, "searching")

    def show_hint(self, hint: str, shown_query: str) -> None:
        """A query being typed that is not complete yet: say what is open, quietly, over
        the results of the last query that was (they stay on show)."""
        self.suggestion = None
        text = Text("… " + terminal_safe(hint, False), style="italic")
        if shown_query:
            text.append(" · showing ", style="dim")
            text.append(terminal_safe(shown_query, False), style="dim")
        self._set(text, "hint")

    def show_error(self, query: str, error: str) -> None:
        self.suggestion = None
        text = Text("⚠ ", style="bold")
        text.append(terminal_safe(error, False))
        self._set(text, "error")

    def on_click(self, event: Click) -> None:
        if self.suggestion:
            self.post_message(self.SuggestionAccepted(self.suggestion))
