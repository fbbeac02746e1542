"""The ranked results: title, source, date and a snippet with the matched words highlighted.
The pane runs the searches too, one at a time in a worker, a page at a time.

Rendered line by line, as the reader is: every hit is HIT_LINES rows (title, source and
date, SNIPPET_LINES of snippet), laid out as strips only when a row is first painted and
kept until the hits or the width change. A new page of hits thus costs the rows on screen,
not a layout of every hit (OptionList wrapped and measured each option's prompt anew: about
half of a keystroke's time from search done to results painted on a 30,000-article corpus).

Near-duplicates fold (index/dups): the list shows one entry a story, its best-ranked hit,
with "+N copies" on its source line; d shows the copies under it (marked ↳) or folds them
again. The engine builds hits for the stories only (`fetched`, one a story, what the next
page extends) and names their copies (`copies`); d has the copies' hits built, in a worker,
the first time it shows them (`copy_hits`, kept for the query on show). `hits` is what is
on show, and `marks` says of each entry how many copies it folds and whether it is a
copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, WorkerState

from newsdesk.index.models import Hit, IncompleteQuery, QueryError, Results
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.render import copies_label, highlighted, marks_line, meta_line
from newsdesk.tui.wrap import wrap_lines

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine

SNIPPET_LINES = 2
HIT_LINES = 2 + SNIPPET_LINES  # title, source and date, the snippet
PAD = 1  # cells of padding either side of a row, inside the highlight


def results_grew(before: list[Hit], after: list[Hit]) -> bool:
    """True when the stories `after` are the stories `before` with more at the end (a next
    page was fetched; a longer ranking may have found more copies of them)."""
    old, new = [h.id for h in before], [h.id for h in after]
    return len(new) > len(old) > 0 and new[:len(old)] == old


class CopiesBuilt(msg.WorkerReport):
    """The hits of copies d opened, built for the query on show."""

    def __init__(self, query: str, typing: bool, hits: list[Hit]) -> None:
        super().__init__()
        self.query, self.typing = query, typing
        self.hits = hits


COPY_MARK = "↳ "


class Mark(NamedTuple):
    """What an entry of the list is besides its hit: how many copies it folds (or shows
    under it, when `open`), and whether it is itself a copy shown under its story."""

    copies: int = 0
    open: bool = False
    copy: bool = False


PLAIN = Mark()


def hit_rows(hit: Hit, width: int, mark: Mark = PLAIN) -> list[Text]:
    """The HIT_LINES rows of one hit, each at most `width` cells: the bold title, the dim
    source and date, the snippet wrapped here (an ellipsis when it goes on), blank rows
    where it is shorter. A story with copies says so after its date ("+2 copies", "▾" when
    they are shown); a copy's title and source line begin with ↳."""
    title = highlighted(hit.title, hit.title_spans, keep_newlines=False)
    title.stylize("bold")
    meta = Text(meta_line(hit.source, hit.date, written=hit.date_text), style="dim")
    if mark.copy:
        title = Text(COPY_MARK, style="bold").append_text(title)
        meta = Text(COPY_MARK + "copy · ", style="dim").append_text(meta)
    if mark.copies:
        meta.append(" · ", style="dim")
        meta.append(f"{copies_label(mark.copies)}{' ▾' if mark.open else ''}",
                    style="bold yellow")
    if hit.starred or hit.tags or hit.note:  # the person's marks, after where and when
        meta.append("  ")
        meta.append(marks_line(hit.starred, hit.tags, "✎" if hit.note else ""),
                    style="not dim yellow")
    title.truncate(width, overflow="ellipsis")
    meta.truncate(width, overflow="ellipsis")
    rows = [title, meta]
    snippet = highlighted(hit.snippet.text, hit.snippet.spans, keep_newlines=False)
    lines = wrap_lines(snippet.plain, width)
    for number, (start, end) in enumerate(lines[:SNIPPET_LINES]):
        line = snippet[start:end]
        if number == SNIPPET_LINES - 1 and len(lines) > SNIPPET_LINES:
            line.truncate(width - 1)
            line.append("…")
        rows.append(line)
    rows.extend(Text() for _ in range(HIT_LINES - len(rows)))
    return rows


ENDED = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)


class ResultsList(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        # Shown, first: at 80 columns the footer had room for "esc Search  * Star  t Tags"
        # and never said how to read a hit (walking BBC as a new user, ux35).
        Binding("enter", "select", "Open", show=True),
        *bindings("results"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"results--highlighted"}

    highlighted: reactive[int | None] = reactive(None, init=False, always_update=True)

    class Highlighted(Message):
        """The cursor is on another hit (the wide layout previews it)."""

        def __init__(self, results: ResultsList, index: int, hit: Hit) -> None:
            super().__init__()
            self.results, self.index, self.hit = results, index, hit

    class Selected(Message):
        """Enter or a click on a hit: open it."""

        def __init__(self, results: ResultsList, index: int, hit: Hit) -> None:
            super().__init__()
            self.results, self.index, self.hit = results, index, hit

    def __init__(self, page_size: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.page_size = page_size
        self.limit = page_size  # stories the next search asks for (copies fold under them)
        self.hits: list[Hit] = []  # on show: stories, and the copies of those opened
        self.marks: list[Mark] = []  # of each hit on show
        self.fetched: list[Hit] = []  # the stories, as ranked: what the next page extends
        self.copies: dict[str, list[tuple[str, float]]] = {}  # a story's copies (Results)
        self.copy_hits: dict[str, Hit] = {}  # those built, for the query on show
        self._building: set[str] = set()  # copies being built
        self.reached = 0  # hits fetched: the stories and their copies
        self.opened: set[str] = set()  # groups whose copies are shown
        self.shown_query = ""  # the query whose hits are on show
        self.shown_typing = False  # searched as typed (its last word a prefix)
        self.total = 0  # its hits in all
        # (query, limit, as written) of the running search, and the latest asked for while
        # it runs: Enter's exact search of the query being searched as typed is another one.
        self._searching: tuple[str, int, bool] | None = None
        self._wanted: tuple[str, int, bool] | None = None
        self._delivered = False  # the running search's answer is on its way to the screen
        self._again = False  # _wanted is the running search, asked after its answer went
        self._width = 0  # the row width the cached strips were laid out for
        self._rows: dict[int, list[Strip]] = {}  # hit index -> its rows, unhighlighted
        # (line, under the cursor) -> the row as painted with _styles (base, cursor)
        self._styled: dict[tuple[int, bool], Strip] = {}
        self._styles: tuple[Style, Style] = (Style(), Style())
        self._content_width = 0
        self._after_paint: list[Callable[[], object]] = []
        self.sort = "relevance"  # or newest / oldest (Ctrl+O)
        self.exact = ""  # a query Enter asked to run as written (no prefix while typing)
        self._ahead = 0  # moves down past the last hit fetched, made when the next page is in
        self._to_last = False  # G asked for the last hit: every story is being fetched
        self._filling = False  # a _fill_shown is on its way

    # -- searching ------------------------------------------------------------------------------

    def search_latest(self, query: str) -> None:
        """Search now if no search is running; else search once it ends, for the latest query
        asked by then. Keys typed during a search cost one search after it, not one each, and
        a key typed when the engine is idle is searched at once (no fixed delay).

        Every call is answered by a SearchDone (or SearchFailed) of its own, which is what
        ends the screen's "searching" (tui/screens/search.py). The search running is this
        very one and its answer was passed on already: it runs again once it ends. Taking
        the answer passed on as this call's left the screen waiting for good where it was
        not the one the screen was waiting for: on a busy machine, "soleimani" answered,
        then "x" typed and rubbed out before this list heard the worker had ended, the
        status line said "Searching soleimanix…" for ever and keys acting on the results
        waited 10 s each (a saved search of the query on show, opened then, was the same)."""
        wanted = (query, self.limit, query == self.exact)
        if self._searching is not None:
            self._wanted = wanted
            self._again = wanted == self._searching and self._delivered
            return
        self._searching, self._wanted, self._delivered = wanted, None, False
        self._again = False
        self.run_search(query, typing=not wanted[2])

    @on(msg.SearchDone)
    @on(msg.SearchFailed)
    def _answered(self) -> None:
        """(Before the screen, which the answer bubbles on to.)"""
        self._delivered = self._searching is not None

    @on(Worker.StateChanged)
    def _search_ended(self, event: Worker.StateChanged) -> None:
        # The state the message carries, not the worker's own: a search that ends at once
        # is finished by the time its "running" message is handled, and ending twice here
        # forgot the search started after it (a next key then ran one beside it).
        if event.worker.group != "search" or event.state not in ENDED:
            return
        ran, wanted, again = self._searching, self._wanted, self._again
        self._searching = self._wanted = None
        if wanted is not None and (wanted != ran or again) and not self.app._exit:
            self.limit = wanted[1]
            self.search_latest(wanted[0])

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, typing: bool = False) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            # G (every story fetched): only the stories fetched already and the last screen
            # are built; the rest when shown (_fill_shown). Building all 11,340 of `said`'s
            # stories at bbc-30000 took 2.4 s of CPU.
            build = (len(self.fetched), self._page() + 2) if self._to_last else None
            results = engine.search(query, self.limit, self.sort, typing=typing, fold=True,
                                    all_spans=False, build=build)
        except IncompleteQuery as exc:
            hint = exc.hint if typing else None
            self.post_message(msg.SearchFailed(query, str(exc), hint))
        except QueryError as exc:
            self.post_message(msg.SearchFailed(query, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a search must never take the app down
            self.post_message(msg.SearchFailed(query, f"search failed: {exc}"))
        else:
            self.post_message(msg.SearchDone(query, results))

    # -- showing --------------------------------------------------------------------------------

    def show_results(self, query: str, results: Results) -> bool:
        """Show the results of `query`; True when they are the next page of those on show
        (the cursor then stays where it is)."""
        more = query == self.shown_query and results_grew(self.fetched, results.hits)
        typing = results.prefix is not None
        if query != self.shown_query:
            self.opened = set()
        if query != self.shown_query or typing != self.shown_typing:  # other highlights
            self.copy_hits, self._building = {}, set()
        self.shown_query, self.shown_typing = query, typing
        self.total = results.total
        self.copies = results.copies
        self.show(results.hits, keep_position=more)
        return more

    def clear(self) -> None:
        self.shown_query = ""
        self.opened, self.copies, self.copy_hits, self._building = set(), {}, {}, set()
        self.show([])

    def show(self, hits: list[Hit], keep_position: bool = False) -> None:
        """Show new hits; with keep_position (a next page), the cursor stays where it is, or
        goes on down as far as j was pressed while the page was fetched."""
        keep = self.highlighted if keep_position else None
        if not keep_position:
            self._to_last = False  # (another query's, or another order's hits)
        else:  # a hit left bare (Hit.built) that was built already stays built
            built = {h.id: h for h in self.fetched if h.built}
            hits = [h if h.built else built.get(h.id, h) for h in hits]
        self.fetched = hits
        self.reached = len(hits) + sum(len(self.copies.get(h.id, ())) for h in hits)
        self._lay_out(keep_rows=keep_position)
        hits = self.hits
        if not hits:
            self.set_reactive(ResultsList.highlighted, None)
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        if keep is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            self.highlighted = 0
            return
        ahead, self._ahead = self._ahead, 0
        target, last = keep + ahead, len(hits) - 1
        if self._to_last:  # G asked for the last hit of all
            self._to_last = False
            self.highlighted = last
            return
        if ahead and target > last and self.total > self.reached:
            self._ahead = target - last  # beyond this page too: the next one
        self.highlighted = min(target, last)

    def _lay_out(self, keep_rows: bool) -> None:
        """The entries on show from the hits fetched: one a story, the copies of the opened
        ones under them (those built: the others are asked for, and follow). With
        keep_rows, entries that are as they were keep their rows."""
        before = list(zip((h.id for h in self.hits), self.marks, strict=True))
        hits: list[Hit] = []
        marks: list[Mark] = []
        wanted: list[tuple[str, float]] = []
        for hit in self.fetched:
            copies = self.copies.get(hit.id, [])
            shown = hit.group in self.opened and bool(copies)
            hits.append(hit)
            marks.append(Mark(len(copies), shown))
            if shown:
                built = [self.copy_hits[i] for i, _ in copies if i in self.copy_hits]
                hits.extend(built)
                marks.extend(Mark(copy=True) for _ in built)
                wanted.extend(c for c in copies if c[0] not in self.copy_hits)
        same = 0
        if keep_rows:
            for old, new in zip(before, zip((h.id for h in hits), marks, strict=True),
                                strict=False):
                if old != new:
                    break
                same += 1
        self._rows = {i: rows for i, rows in self._rows.items() if i < same}
        self._styled = {k: v for k, v in self._styled.items() if k[0] < same * HIT_LINES}
        self.hits, self.marks = hits, marks
        self._resize(Size(self._row_width() + 2 * PAD, len(hits) * HIT_LINES))
        self.refresh()
        wanted = [c for c in wanted if c[0] not in self._building]
        if wanted and self.engine is not None:
            self._building.update(i for i, _ in wanted)
            self.build_copies(self.shown_query, wanted, self.shown_typing)

    @work(thread=True, group="copies", exit_on_error=False)
    def build_copies(self, query: str, copies: list[tuple[str, float]], typing: bool) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            hits = engine.copy_hits(query, copies, typing, all_spans=False)
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Copies", str(exc)))
            hits = []
        self.post_message(CopiesBuilt(query, typing, hits))

    def on_copies_built(self, message: CopiesBuilt) -> None:
        message.stop()
        if (message.query, message.typing) != (self.shown_query, self.shown_typing):
            return  # built for results no longer on show
        bare = {h.id: n for n, h in enumerate(self.fetched) if not h.built}
        for hit in message.hits:
            if hit.id in bare:  # a story left bare, built as it came into view
                self.fetched[bare[hit.id]] = hit
            else:
                self.copy_hits[hit.id] = hit
            self._building.discard(hit.id)
        at = self.highlighted
        on = (self.hits[at].id, self.marks[at]) if at is not None and at < len(self.hits) \
            else None
        self._lay_out(keep_rows=True)
        if on is not None:  # the cursor stays on its entry, whatever opened above it
            entries = list(zip((h.id for h in self.hits), self.marks, strict=True))
            if on in entries and entries.index(on) != at:
                self.highlighted = entries.index(on)

    def _resize(self, size: Size) -> None:
        """A new virtual size without a layout pass of the whole screen. Textual's
        virtual_size asks for one (20-60 ms on the dashboard's thread, at nearly every
        search: folding makes the number of rows differ), though only the scroll bar and
        the scroll range depend on it here: the list's own size is set by the CSS, and its
        scroll bar's gutter is always kept (scrollbar-gutter: stable). The scroll bar is
        updated as Textual does after a layout (and asks for one when it appears or goes)."""
        if not self.is_mounted or not self.container_size:
            self.virtual_size = size
            return
        if size != self.virtual_size:
            self.set_reactive(ResultsList.virtual_size, size)
            self._scroll_update(size)

    def action_toggle_copies(self) -> None:
        """Show the copies of the story under the cursor, or fold them again (from a copy:
        fold its story's, the cursor back on the story)."""
        index = self.highlighted
        if index is None or index >= len(self.hits):
            return
        hit, mark = self.hits[index], self.marks[index]
        if hit.group is None or not (mark.copies or mark.copy):
            self.app.notify("This story has no copies among the hits.", timeout=3)
            return
        head = next(i for i in range(index, -1, -1)
                    if self.hits[i].group == hit.group and not self.marks[i].copy)
        self.opened ^= {hit.group}
        self._lay_out(keep_rows=True)
        self.highlighted = head if mark.copy or hit.group not in self.opened else index

    def restyle(self) -> None:
        """Lay the hits' rows out again (their marks changed), keeping the cursor."""
        self._rows, self._styled = {}, {}
        self.refresh()

    @property
    def stories(self) -> int:
        """How many stories the list shows (each one entry, its copies folded or not)."""
        return sum(not mark.copy for mark in self.marks)

    @property
    def current_hit(self) -> Hit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and index < len(self.hits) else None

    # -- the cursor -----------------------------------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self.hits:
            return None
        return max(0, min(index, len(self.hits) - 1))

    def watch_highlighted(self, index: int | None) -> None:
        self.refresh()
        if index is None:
            return
        self.scroll_to_region(Region(0, index * HIT_LINES, 1, HIT_LINES), animate=False,
                              force=True, immediate=True)
        self.post_message(self.Highlighted(self, index, self.hits[index]))
        # At the last hit fetched, fetch the next page.
        if index == len(self.hits) - 1 and self.total > self.reached and not self._to_last:
            self.limit = len(self.fetched) + self.page_size
            self.search_latest(self.shown_query)

    def action_cursor_down(self) -> None:
        """Down, never round to the first hit: at the last hit fetched, the move waits for
        the next page (holding j crossed the page's end back to the top hit, and went on
        from there); at the last hit of all, it stays."""
        index = self.highlighted
        if index is None:
            if self.hits:
                self.highlighted = 0
            return
        if index >= len(self.hits) - 1:
            if self.total > self.reached:
                self._ahead += 1
            return
        self.highlighted = index + 1

    def action_cursor_up(self) -> None:
        """Up, never round to the last hit fetched (not the last hit of all)."""
        if self.highlighted:
            self.highlighted -= 1

    def action_first(self) -> None:
        if self.hits:
            self.highlighted = 0

    def action_last(self) -> None:
        """The last hit of all: with more than those fetched, every story is fetched (one
        search; 25,470 hits of `said` at 30,000 articles are 11,340 stories, 2.4 s of CPU)
        and the cursor goes to the last once they are in. (G fetched one more page: the
        bottom of 25,470 hits took some 1,270 presses.)"""
        if not self.hits:
            return
        if self.total > self.reached:
            self._to_last = True
            self._ahead = 0
            self.limit = max(self.limit, self.total)  # stories: never more than the hits
            self.app.notify(f"Fetching all {self.total:,} hits for the last…", timeout=2)
            self.search_latest(self.shown_query)
        self.highlighted = len(self.hits) - 1

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // HIT_LINES)

    def action_page_down(self) -> None:
        if self.hits:
            self.highlighted = min(len(self.hits) - 1, (self.highlighted or 0) + self._page())

    def action_page_up(self) -> None:
        if self.hits:
            self.highlighted = max(0, (self.highlighted or 0) - self._page())

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and index < len(self.hits):
            self.post_message(self.Selected(self, index, self.hits[index]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_offset.y)) // HIT_LINES
        if 0 <= index < len(self.hits):
            self.highlighted = index
            self.action_select()

    # -- rendering ------------------------------------------------------------------------------

    def after_paint(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the frame that draws the hits on show now is out (the
        latency probe: a callback after the next refresh could run before the list had
        even told the screen it changed)."""
        self._after_paint.append(callback)
        self.refresh()

    def _row_width(self) -> int:
        """Cells a row's text may fill: the content width less the padding either side. The
        list keeps a stable scrollbar gutter (newsdesk.tcss), so the width does not change
        when a scrollbar appears."""
        return max(20, (self.scrollable_content_region.width or 80) - 2 * PAD)

    def on_resize(self) -> None:
        self._check_width()

    def _check_width(self) -> None:
        width = self._row_width()
        if width != self._width:
            self._width = width
            self._rows, self._styled = {}, {}
            self.virtual_size = Size(width + 2 * PAD, len(self.hits) * HIT_LINES)
            self.refresh()

    def _fill_shown(self) -> None:
        """Build the bare hits (Hit.built) on screen now, in one worker (they follow in a
        CopiesBuilt); each is asked for once."""
        self._filling = False
        first = int(self.scroll_offset.y) // HIT_LINES
        shown = self.hits[first:first + self._page() + 2]
        wanted = [(h.id, h.score) for h in shown if not h.built and h.id not in self._building]
        if wanted and self.engine is not None:
            self._building.update(i for i, _ in wanted)
            self.build_copies(self.shown_query, wanted, self.shown_typing)

    def _hit_strips(self, index: int) -> list[Strip]:
        hit = self.hits[index]
        if not hit.built:  # painted as a dim "…" till it is built (not kept)
            if not self._filling:
                self._filling = True
                self.call_later(self._fill_shown)
            pad = [Segment(" " * PAD)]
            total = self._width + 2 * PAD
            waiting = [Text("…", style="dim"), *(Text() for _ in range(HIT_LINES - 1))]
            return [Strip([*pad, *t.render(self.app.console), *pad]).extend_cell_length(
                total).crop(0, total) for t in waiting]
        rows = self._rows.get(index)
        if rows is None:
            pad = [Segment(" " * PAD)]
            total = self._width + 2 * PAD
            rows = []
            for text in hit_rows(self.hits[index], self._width, self.marks[index]):
                segments = [*pad, *text.render(self.app.console), *pad]
                rows.append(Strip(segments).extend_cell_length(total).crop(0, total))
            self._rows[index] = rows
        return rows

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once a frame, not once a line: the width, and the styles (computing a widget's
        # style walks its ancestors; a row's look changes with the focus and the theme).
        self._check_width()
        if self._after_paint:  # this frame draws them: once it is written out
            for callback in self._after_paint:
                self.call_after_refresh(callback)
            self._after_paint.clear()
        base = self.rich_style
        styles = (base, base + self.get_component_rich_style("results--highlighted"))
        width = self.scrollable_content_region.width
        if styles != self._styles or width != self._content_width:
            self._styles, self._content_width = styles, width
            self._styled.clear()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, (base, cursor) = self._content_width, self._styles
        line = y + int(self.scroll_offset.y)
        index, row = divmod(line, HIT_LINES)
        if index >= len(self.hits):
            return Strip.blank(width, base)
        lit = index == self.highlighted
        strip = self._styled.get((line, lit))
        if strip is None:
            strip = self._hit_strips(index)[row].apply_style(cursor if lit else base)
            strip = strip.crop_extend(0, width, base)
            if self.hits[index].built:
                self._styled[(line, lit)] = strip
        return strip
