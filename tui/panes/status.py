"""The status line under the search box: hit count, time, filters, errors, suggestions."""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from newsdesk.index.models import Results
from newsdesk.tui.render import counted, plain
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.status_fit import KEEP, Part, fit


class StatusLine(Static):
    class SuggestionAccepted(Message):
        def __init__(self, suggestion: str) -> None:
            super().__init__()
            self.suggestion = suggestion

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.suggestion: str | None = None
        self.message_kind = "idle"
        self._parts: list[Part] = []  # the results' line, fitted again on a resize

    def _set(self, text: Text, kind: str, keep_parts: bool = False) -> None:
        if not keep_parts:
            self._parts = []
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
        self._parts = results_parts(results, doc_count, operator, filters, stories)
        self._set(fit(self._parts, self.content_size.width),
                  "results" if results.total else "empty", keep_parts=True)

    def on_resize(self) -> None:
        if self._parts:  # given way to the new width (tui/status_fit.py)
            self.update(fit(self._parts, self.content_size.width), layout=False)

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
        else:  # (no list under it: tui/screens/search.py)
            text.append(" · not searched yet", style="dim")
        self._set(text, "hint")

    def show_error(self, query: str, error: str, note: str = "") -> None:
        self.suggestion = None
        text = Text("⚠ ", style="bold")
        text.append(terminal_safe(error, False))
        if note:
            text.append(f" · {note}", style="dim")
        self._set(text, "error")

    def on_click(self, event: Click) -> None:
        if self.suggestion:
            self.post_message(self.SuggestionAccepted(self.suggestion))


# When each part gives way to a narrow terminal (tui/status_fit.py): the higher the rank,
# the sooner. What the results are (the count, the sort, how many are listed) and the
# filters stay longest; the notes (the prefix, the time, the operator) go first.
_DROP_TIME, _DROP_NO_FILTER, _DROP_NOTE = 10, 9, 8
_SHORT_PREFIX, _SHORT_FILTERS, _SHORT_SHOWING = 7, 6, 6  # ("x removes", "(95 hits)")
_DROP_PREFIX, _SHORT_COUNT, _DROP_SHOWING, _DROP_SORT = 5, 4, 3, 2


DID_YOU_MEAN = "; did you mean "


def _no_hit_note(note: str) -> Part:
    """A note on no hits, kept; one that offers a name ("...: no actor has this name; did you
    mean actor:"United Kingdom"?") is shortened to the offer when the line is narrow: at 80
    columns the name offered was cut ('did you mean actor:"United …')."""
    text = Text(terminal_safe(note, False), style="italic")
    if DID_YOU_MEAN not in note:
        return Part(text, KEEP)
    offer = "Did you mean " + note.split(DID_YOU_MEAN, 1)[1]
    return Part(text, KEEP, Text(terminal_safe(offer, False), style="italic"), _DROP_NOTE)


def results_parts(results: Results, doc_count: int, operator: str,
                  filters: list[str] | None = None, stories: int | None = None
                  ) -> list[Part]:
    """The status line of `results`, in the order shown, each part with its ranks."""
    noun = "hit" if results.total == 1 else "hits"
    count = Text(f"{results.total:,} {noun}", style="bold")
    parts = [Part(count + Text(f" of {counted(doc_count, 'article')}"),
                  short=count, shorten=_SHORT_COUNT)]
    if not results.total:
        # No hits: the notes say why (an actor: name no actor goes by), kept first and
        # last (they were the first part to go: the line said "0 hits" and nothing else).
        parts += [_no_hit_note(note) for note in results.notes]
    if results.sort != "relevance":
        parts.append(Part(Text(f"{results.sort} first", style="bold"), _DROP_SORT))
    if results.reached < results.total:  # (folded: the stories and their copies)
        if stories is not None and stories < results.reached:
            top = f"top {counted(stories, 'story', 'stories')}"
            showing = Text(f"showing {top} ({results.reached:,} hits)")
        else:
            top = f"top {results.reached:,}"
            showing = Text(f"showing {top}")
        parts.append(Part(showing, _DROP_SHOWING, Text(top), _SHORT_SHOWING))
    if filters:
        named = Text("filters: ") + Text(terminal_safe(", ".join(filters), False),
                                         style="bold magenta")
        parts.append(Part(named + Text(" (x removes)", style="dim"), short=named,
                          shorten=_SHORT_FILTERS))
    else:
        parts.append(Part(Text("filters: none"), _DROP_NO_FILTER))
    if results.prefix:
        word = Text(terminal_safe(results.prefix, False) + "…", style="bold")
        parts.append(Part(word + Text(" as a prefix (Enter: as typed)", style="dim"),
                          _DROP_PREFIX, word, _SHORT_PREFIX))
    parts += [Part(Text(terminal_safe(note, False), style="italic"), _DROP_NOTE)
              for note in results.notes if results.total]
    parts.append(Part(Text(f"{results.elapsed * 1000:.0f} ms"), _DROP_TIME))
    parts.append(Part(Text(f"default {operator}"), _DROP_TIME))
    return parts
