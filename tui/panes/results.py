"""The ranked results: title, source, date and a snippet with the matched words highlighted.
The pane runs the searches too, one at a time in a worker, a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from newsdesk.index.models import Hit, IncompleteQuery, QueryError, Results
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.render import highlighted, meta_line
from newsdesk.tui.wrap import wrap_lines

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine

SNIPPET_LINES = 2


def results_grew(before: list[Hit], after: list[Hit]) -> bool:
    """True when `after` is `before` with more hits at the end (a next page was fetched)."""
    return len(after) > len(before) > 0 and all(
        a.id == b.id for a, b in zip(before, after, strict=False))


class ResultsList(OptionList):
    BINDINGS = bindings("results")

    def __init__(self, page_size: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.page_size = page_size
        self.limit = page_size  # hits the next search asks for
        self.hits: list[Hit] = []
        self.shown_query = ""  # the query whose hits are on show
        self.total = 0  # its hits in all
        # (query, limit, as written) of the running search, and the latest asked for while
        # it runs: Enter's exact search of the query being searched as typed is another one.
        self._searching: tuple[str, int, bool] | None = None
        self._wanted: tuple[str, int, bool] | None = None
        self._width = 0
        self.sort = "relevance"  # or newest / oldest (Ctrl+O)
        self.exact = ""  # a query Enter asked to run as written (no prefix while typing)
        self._ahead = 0  # moves down past the last hit fetched, made when the next page is in

    # -- searching ------------------------------------------------------------------------------

    def search_latest(self, query: str) -> None:
        """Search now if no search is running; else search once it ends, for the latest query
        asked by then. Keys typed during a search cost one search after it, not one each, and
        a key typed when the engine is idle is searched at once (no fixed delay)."""
        wanted = (query, self.limit, query == self.exact)
        if self._searching is not None:
            self._wanted = wanted
            return
        self._searching, self._wanted = wanted, None
        self.run_search(query, typing=not wanted[2])

    @on(Worker.StateChanged)
    def _search_ended(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search" or not event.worker.is_finished:
            return
        ran, wanted = self._searching, self._wanted
        self._searching = self._wanted = None
        if wanted is not None and wanted != ran and not self.app._exit:
            self.limit = wanted[1]
            self.search_latest(wanted[0])

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, typing: bool = False) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            results = engine.search(query, self.limit, self.sort, typing=typing)
        except IncompleteQuery as exc:
            hint = exc.hint if typing else None
            self.post_message(msg.SearchFailed(query, str(exc), hint))
        except QueryError as exc:
            self.post_message(msg.SearchFailed(query, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a search must never take the app down
            self.post_message(msg.SearchFailed(query, f"search failed: {exc}"))
        else:
            self.post_message(msg.SearchDone(query, results))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """At the last hit shown, fetch the next page (the screen may preview the hit)."""
        if not self.is_attached:  # this may arrive as the app closes
            return
        if event.option_index == len(self.hits) - 1 and self.total > len(self.hits):
            self.limit = len(self.hits) + self.page_size
            self.search_latest(self.shown_query)

    # -- showing --------------------------------------------------------------------------------

    def show_results(self, query: str, results: Results) -> bool:
        """Show the results of `query`; True when they are the next page of those on show
        (the cursor then stays where it is)."""
        more = query == self.shown_query and results_grew(self.hits, results.hits)
        self.shown_query = query
        self.total = results.total
        self.show(results.hits, keep_position=more)
        return more

    def clear(self) -> None:
        self.shown_query = ""
        self.show([])

    def show(self, hits: list[Hit], keep_position: bool = False) -> None:
        """Show new hits; with keep_position (a next page), the cursor stays where it is, or
        goes on down as far as j was pressed while the page was fetched."""
        self.hits = hits
        self._render_options(keep_position)
        if hits and not keep_position:
            self.highlighted = 0
        ahead, self._ahead = self._ahead, 0
        if keep_position and ahead and hits and self.highlighted is not None:
            target, last = self.highlighted + ahead, len(hits) - 1
            if target > last and self.total > len(hits):
                self._ahead = target - last  # beyond this page too: the next one
            self.highlighted = min(target, last)

    def action_cursor_down(self) -> None:
        """Down, never round to the first hit: at the last hit fetched, the move waits for
        the next page (holding j crossed the page's end back to the top hit, and went on
        from there); at the last hit of all, it stays."""
        index = self.highlighted
        if index is not None and self.hits and index >= len(self.hits) - 1:
            if self.total > len(self.hits):
                self._ahead += 1
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up, never round to the last hit fetched (not the last hit of all)."""
        if self.highlighted == 0:
            return
        super().action_cursor_up()

    def _content_width(self) -> int:
        return option_width(self, 20, 80)

    def _render_options(self, keep_position: bool = True) -> None:
        width = self._content_width()
        self._width = width
        keep = self.highlighted if keep_position else None
        self.clear_options()
        self.add_options([Option(self._prompt(hit, width), id=hit.id) for hit in self.hits])
        if keep is not None and self.hits:
            self.highlighted = min(keep, len(self.hits) - 1)

    def on_resize(self) -> None:
        if self.hits and self._content_width() != self._width:
            self._render_options()

    @staticmethod
    def _prompt(hit: Hit, width: int) -> Text:
        title = highlighted(hit.title, hit.title_spans, keep_newlines=False)
        title.stylize("bold")
        title.truncate(width, overflow="ellipsis")
        out = Text()
        out.append_text(title)
        out.append("\n")
        meta = Text(meta_line(hit.source, hit.date), style="dim")
        meta.truncate(width, overflow="ellipsis")
        out.append_text(meta)
        # At most SNIPPET_LINES lines: wrap here, so the list never wraps a third line.
        snippet = highlighted(hit.snippet.text, hit.snippet.spans, keep_newlines=False)
        lines = wrap_lines(snippet.plain, width)
        for number, (start, end) in enumerate(lines[:SNIPPET_LINES]):
            line = snippet[start:end]
            if number == SNIPPET_LINES - 1 and len(lines) > SNIPPET_LINES:
                line.truncate(width - 1)
                line.append("…")
            out.append("\n")
            out.append_text(line)
        return out

    @property
    def current_hit(self) -> Hit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and index < len(self.hits) else None
