"""The article reader: title, source, date, url, then the text with every match highlighted.
Opens on the first match; n / N step through them. It loads the article it is asked for in
a worker.

Renders only the visible lines, as toolong does: the text is wrapped once per width into
(start, end) lines, each line knows the style spans that touch it, and a visible line becomes
a small Text of its own slice when it is painted (cached as a Strip until the width or the
current match changes). Nothing costs in proportion to the article's length after the wrap,
so n / N on a 60 KB article costs what it costs on a 2 KB one. (Slicing one Text of the whole
article per line, as before, divided and re-cleaned all of it each time: 0.8 s a press.)

Memory is a few bytes a character, whatever the article: the text is held once (the
document's own string, unless it had to be made terminal-safe; the header is a string of its
own, not joined to it), the lines are two arrays, and the matches and the actor mentions are
arrays of starts and ends, those touching a line found by bisection when it is painted.
(A StyleSpan for each of the 216,000 mentions of an article of 20 MB, filed in a list for
each line, and the text joined to its header, took the dashboard past 800 MB.)"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from time import perf_counter
from typing import TYPE_CHECKING

from rich.text import Span as StyleSpan
from rich.text import Text
from textual import work
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.index.models import Document, Mentions, Span
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.render import ACTOR, CURRENT, MATCH, fmt_date, marks_line, plain
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.wrap import Lines, line_of, wrap_compact

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine


CACHED_LINES = 2_000  # painted lines kept as Strips: a few screens of any terminal


class Marks:
    """Spans of one style over the reader's text, in order of their starts, as two arrays
    of offsets `base` characters before the text's (the body's spans, under the header);
    those touching a line are found by bisection."""

    __slots__ = ("starts", "ends", "base", "widest")

    def __init__(self, starts: array[int] | None = None, ends: array[int] | None = None,
                 base: int = 0) -> None:
        self.starts = array("q") if starts is None else starts
        self.ends = array("q") if ends is None else ends
        self.base = base
        self.widest = max(map(int.__sub__, self.ends, self.starts), default=0)

    @classmethod
    def of(cls, spans: Iterable[Span], base: int = 0) -> Marks:
        ordered = sorted(spans)
        return cls(array("q", (start for start, _ in ordered)),
                   array("q", (end for _, end in ordered)), base)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> Span:
        return self.starts[index] + self.base, self.ends[index] + self.base

    def touching(self, start: int, end: int) -> Iterator[Span]:
        """The spans (as offsets into the whole text) that share a character with
        [start, end)."""
        start, end = start - self.base, end - self.base
        first = bisect_left(self.starts, start - self.widest + 1)
        for i in range(first, bisect_left(self.starts, end)):
            if self.ends[i] > start:
                yield self.starts[i] + self.base, self.ends[i] + self.base


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = bindings("reader")

    current = reactive(-1, init=False)

    class Closed(Message):
        """The reader asks to go back to the results."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.document: Document | None = None
        self.shown_query: str | None = None  # the query `document`'s matches are of
        # The text shown is the header (title, meta, marks) then the body: offsets run
        # over both, the body's from len(_head) on; a display line never spans the two.
        self._head = ""  # terminal-safe
        self._head_spans: list[StyleSpan] = []  # styles over _head, in the order they apply
        self._body = ""  # terminal-safe: the document's text itself where it was already
        self._matches = Marks()  # the body's matches (absolute offsets), in order
        self._actors = Marks()  # the body's actor mentions
        self._lines = Lines()
        self._width = 0
        self._cache: dict[int, Strip] = {}

    # -- content --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="document", exit_on_error=False)
    def load(self, article_id: str, query: str, focus: bool,
             at_match: int | None = None) -> None:
        """Fetch the article with `query`'s matches; DocumentLoaded goes up to the screen,
        which has it shown (and moves the focus here when `focus`)."""
        engine = self.engine
        if engine is None:
            return
        try:
            document = engine.document(article_id, query)
        except Exception as exc:  # noqa: BLE001
            self.post_message(msg.BackgroundError("Opening the article", str(exc)))
            return
        self.post_message(msg.DocumentLoaded(document, query, focus, at_match))

    def show_loaded(self, message: msg.DocumentLoaded) -> None:
        """Show what `load` fetched, on the match asked for. The screen calls it in the
        turn it reveals the reader in (a narrow terminal hides it until then). The document
        shown already (an article opened where it was previewed) stays as it is."""
        if message.document is not None and message.document is self.document \
                and message.at_match is None:
            return
        self.show(message.document)
        self.shown_query = message.query if message.document is not None else None
        if message.at_match is not None and message.at_match < self.match_count:
            self.go_to_match(message.at_match)

    def shows(self, article_id: str, query: str) -> bool:
        """Whether the reader shows that article with that query's matches."""
        return self.document is not None and self.document.article.id == article_id \
            and self.shown_query == query

    def show(self, document: Document | None) -> None:
        self.document = document
        self.shown_query = None  # (show_loaded says which, after)
        self._build()
        self._rewrap(force=True)
        self.current = 0 if self._matches else -1
        self.scroll_to(0, 0, animate=False, immediate=True)
        if self._matches:
            self._scroll_to_match(0, animate=False)
        self._update_subtitle()

    def _build(self) -> None:
        doc = self.document
        if doc is None:
            self._head, self._head_spans, self._body = "", [], ""
            self._matches, self._actors = Marks(), Marks()
            return
        article = doc.article
        out = Text()
        title = Text(terminal_safe(article.title, keep_newlines=False), style="bold")
        for mention in doc.title_mentions:
            title.stylize(ACTOR, *mention.span)
        for start, end in doc.title_spans:
            title.stylize(MATCH, start, end)
        out.append_text(title)
        meta = " · ".join(x for x in (terminal_safe(article.source or "unknown source", False),
                                      fmt_date(article.date, article.date_text),
                                      terminal_safe(article.id, False)) if x)
        out.append("\n" + meta, style="dim")
        if article.url:
            out.append("\n" + terminal_safe(article.url, False), style="underline dim")
        marks = self.engine.tags.of(article.id) if self.engine is not None else None
        if marks:  # the person's star, tags and note
            out.append("\n" + marks_line(marks.starred, marks.tags, marks.note),
                       style="yellow")
        out.append("\n\n")
        self._head, self._head_spans = out.plain, list(out.spans)
        # The body stays a plain string (the document's own when it is terminal-safe): a
        # Text of it would be cleaned and copied whole, and only the visible lines ever
        # become Text (see _line_text).
        self._body = terminal_safe(article.text)
        offset = len(self._head)
        self._matches = Marks.of(doc.spans, offset)
        mentions = doc.mentions if isinstance(doc.mentions, Mentions) else \
            Mentions.of(sorted(doc.mentions, key=lambda m: m.span))
        self._actors = Marks(mentions.starts, mentions.ends, offset)

    @property
    def text_length(self) -> int:
        """Characters shown: the header's and the body's."""
        return len(self._head) + len(self._body)

    def _text(self, start: int, end: int) -> str:
        """The characters [start, end) of the header then the body (never of both)."""
        at = len(self._head)
        return self._head[start:end] if start < at else self._body[start - at:end - at]

    def show_marks(self) -> None:
        """Lay the article out again with its marks as they are now, where it was."""
        if self.document is None:
            return
        top, current = self.scroll_offset.y, self.current
        self._build()
        self._rewrap(force=True)
        self.current = current if current < len(self._matches) else -1
        self._cache.clear()
        self.scroll_to(y=top, animate=False, immediate=True)

    def _rewrap(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            self._width = 0  # hidden: wrapped when it is first rendered at a real width
            self._lines = Lines()
            self._cache.clear()
            return
        width = max(10, width)
        if width == self._width and not force:
            return
        self._width = width
        self._lines = Lines()
        if self._head or self._body:
            # The header less its last newline: its lines, then the blank line before the
            # body, as the two wrapped as one string gave them.
            wrap_compact(self._head[:-1], width, into=self._lines)
            wrap_compact(self._body, width, base=len(self._head), into=self._lines)
        self._cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _line_text(self, index: int) -> Text:
        """Display line `index` as a Text of its own slice, styled by the spans touching it
        (the header's, or the body's mentions then matches); the current match goes last so
        that it wins over the plain match style."""
        start, end = self._lines[index]
        if start < len(self._head):
            spans = [StyleSpan(max(span.start, start) - start, min(span.end, end) - start,
                               span.style)
                     for span in self._head_spans if span.start < end and span.end > start]
        else:
            spans = [StyleSpan(max(s, start) - start, min(e, end) - start, style)
                     for marks, style in ((self._actors, ACTOR), (self._matches, MATCH))
                     for s, e in marks.touching(start, end)]
        if 0 <= self.current < len(self._matches):
            cs, ce = self._matches[self.current]
            spans.append(StyleSpan(max(cs, start) - start, min(ce, end) - start, CURRENT))
        # A span may only touch the space a wrap dropped after this line: nothing to draw.
        return Text(self._text(start, end), spans=[s for s in spans if s.end > s.start],
                    end="")

    def _match_lines(self, index: int) -> range:
        """The display lines that match `index` covers."""
        if not (0 <= index < len(self._matches)) or not self._lines:
            return range(0)
        start, end = self._matches[index]
        return range(line_of(self._lines, start, self._lines.starts),
                     line_of(self._lines, max(start, end - 1), self._lines.starts) + 1)

    def on_show(self) -> None:
        # Filled while hidden (narrow layout), it was wrapped to a width it never had.
        self._rewrap()

    def on_resize(self) -> None:
        self._rewrap()
        if self.current >= 0:
            self._scroll_to_match(self.current, animate=False)

    # -- matches --------------------------------------------------------------------------------

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def watch_current(self, old: int, new: int) -> None:
        # Only the lines of the match left and the match reached change their look.
        for index in (*self._match_lines(old), *self._match_lines(new)):
            self._cache.pop(index, None)
        self.refresh()
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        if self.document is None:
            self.border_subtitle = ""
        elif not self._matches:
            self.border_subtitle = "no matches in the text"
        elif not self.document.spans_complete:  # (the text's first matches only)
            self.border_subtitle = plain(f"match {self.current + 1:,} of the first "
                                         f"{len(self._matches):,}; more after them")
        else:
            self.border_subtitle = plain(f"match {self.current + 1:,} of {len(self._matches):,}")

    def _scroll_to_match(self, index: int, animate: bool = False) -> None:
        if not self._lines or not self._matches:
            return
        line = line_of(self._lines, self._matches[index][0], self._lines.starts)
        height = self.scrollable_content_region.height
        first = int(self.scroll_offset.y)
        margin = min(2, height // 4)
        if first + margin <= line < first + height - margin:
            return  # already in view: moving the page would only lose the reader's place
        top = max(0, line - max(1, height // 3))
        # Forced: just revealed and wrapped, the reader may not have had the layout pass
        # that gives it a scrollbar, and an unforced scroll is then dropped. Not animated
        # by default: n/N jump as in less and vim (a 150 ms scroll put the match in view
        # 150 ms after the key, in nine frames sent down an SSH link).
        self.scroll_to(y=top, animate=animate, duration=0.15, force=True)

    def go_to_match(self, index: int) -> None:
        """Make match `index` the current one and bring it into view."""
        if 0 <= index < len(self._matches):
            self.current = index
            self._scroll_to_match(index, animate=False)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if not self._matches:
            return
        started = perf_counter()
        self.current = (self.current + step) % len(self._matches)
        self._scroll_to_match(self.current)
        probe = getattr(self.screen, "probe", None)  # the latency benchmark's (if on)
        if probe is not None and probe.on:
            self.call_after_refresh(probe.match_painted, started, self.text_length)

    def action_close(self) -> None:
        self.post_message(self.Closed())

    # -- rendering ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width and width > 0:
            # Shown or resized without a Resize reaching us yet: wrap for this width now.
            self._rewrap()
            if self.current >= 0:
                self.call_after_refresh(self._scroll_to_match, self.current, False)
        index = y + int(self.scroll_offset.y)
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(index)
        if strip is None:
            segments = list(self._line_text(index).render(self.app.console))
            strip = Strip(segments).apply_style(self.rich_style)
            if len(self._cache) >= CACHED_LINES:  # scrolled through pages: start afresh
                self._cache.clear()
            self._cache[index] = strip
        return strip.crop_extend(0, width, self.rich_style)

    def visible_match_on_screen(self) -> bool:
        """Whether the current match's line is inside the viewport (for tests)."""
        if self.current < 0:
            return False
        line = line_of(self._lines, self._matches[self.current][0], self._lines.starts)
        top = int(self.scroll_offset.y)
        return top <= line < top + self.scrollable_content_region.height
