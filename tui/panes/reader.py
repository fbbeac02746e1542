"""The article reader: title, source, date, url, then the text with every match highlighted.
Opens on the first match; n / N step through them. Renders only the visible lines. It
loads the article it is asked for in a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.index.models import Document, Span
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.render import ACTOR, CURRENT, MATCH, fmt_date, plain
from newsdesk.tui.safe_text import terminal_safe
from newsdesk.tui.wrap import Line, line_of, wrap_lines

if TYPE_CHECKING:  # the engine (Whoosh, numpy) loads in a worker, after the first frame
    from newsdesk.index.engine import Engine


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = bindings("reader")

    current = reactive(-1, init=False)

    class Closed(Message):
        """The reader asks to go back to the results."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None  # set once the index is open
        self.document: Document | None = None
        self._text = Text()
        self._matches: list[Span] = []  # absolute spans of body matches, in order
        self._lines: list[Line] = []
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
        turn it reveals the reader in (a narrow terminal hides it until then)."""
        self.show(message.document)
        if message.at_match is not None and message.at_match < self.match_count:
            self.go_to_match(message.at_match)

    def show(self, document: Document | None) -> None:
        self.document = document
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
            self._text, self._matches = Text(), []
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
                                      fmt_date(article.date),
                                      terminal_safe(article.id, False)) if x)
        out.append("\n" + meta, style="dim")
        if article.url:
            out.append("\n" + terminal_safe(article.url, False), style="underline dim")
        out.append("\n\n")
        offset = len(out.plain)
        out.append(terminal_safe(article.text))
        self._matches = [(s + offset, e + offset) for s, e in doc.spans]
        for mention in doc.mentions:
            out.stylize(ACTOR, mention.span[0] + offset, mention.span[1] + offset)
        for start, end in self._matches:
            out.stylize(MATCH, start, end)
        self._text = out

    def _rewrap(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            self._width = 0  # hidden: wrapped when it is first rendered at a real width
            return
        width = max(10, width)
        if width == self._width and not force:
            return
        self._width = width
        self._lines = wrap_lines(self._text.plain, width) if self._text.plain else []
        self._cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

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

    def watch_current(self) -> None:
        self._cache.clear()
        self.refresh()
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        if self.document is None:
            self.border_subtitle = ""
        elif not self._matches:
            self.border_subtitle = "no matches in the text"
        else:
            self.border_subtitle = plain(f"match {self.current + 1} of {len(self._matches)}")

    def _scroll_to_match(self, index: int, animate: bool = True) -> None:
        if not self._lines or not self._matches:
            return
        line = line_of(self._lines, self._matches[index][0])
        height = self.scrollable_content_region.height
        first = int(self.scroll_offset.y)
        margin = min(2, height // 4)
        if first + margin <= line < first + height - margin:
            return  # already in view: moving the page would only lose the reader's place
        top = max(0, line - max(1, height // 3))
        # Forced: just revealed and wrapped, the reader may not have had the layout pass
        # that gives it a scrollbar, and an unforced scroll is then dropped.
        self.scroll_to(y=top, animate=animate, duration=0.15, force=True)

    def go_to_match(self, index: int) -> None:
        """Make match `index` the current one and bring it into view."""
        if 0 <= index < len(self._matches):
            self.current = index
            self._scroll_to_match(index, animate=False)

    def action_next_match(self) -> None:
        if self._matches:
            self.current = (self.current + 1) % len(self._matches)
            self._scroll_to_match(self.current)

    def action_previous_match(self) -> None:
        if self._matches:
            self.current = (self.current - 1) % len(self._matches)
            self._scroll_to_match(self.current)

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
            start, end = self._lines[index]
            line = self._text[start:end]
            if 0 <= self.current < len(self._matches):
                cs, ce = self._matches[self.current]
                if cs < end and ce > start:
                    line.stylize(CURRENT, max(cs, start) - start, min(ce, end) - start)
            segments = list(line.render(self.app.console))
            strip = Strip(segments).apply_style(self.rich_style)
            self._cache[index] = strip
        return strip.crop_extend(0, width, self.rich_style)

    def visible_match_on_screen(self) -> bool:
        """Whether the current match's line is inside the viewport (for tests)."""
        if self.current < 0:
            return False
        line = line_of(self._lines, self._matches[self.current][0])
        top = int(self.scroll_offset.y)
        return top <= line < top + self.scrollable_content_region.height
