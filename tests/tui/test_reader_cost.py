"""The reader costs the same on a 60 KB article as on a 2 KB one: it renders only the visible
lines, so `n` / `N` and the wide layout's preview do not grow with the article.

Measured inside the app, not by the wall clock of a Pilot press (which waits for the whole
machine to go idle): the time spent handling the key and in the screen refreshes it causes.
On a busy machine both articles are slowed alike, so the test compares them as a ratio,
interleaving the two so that a burst of load hits both; the absolute figures are printed:
`.venv/bin/pytest -s tests/tui/test_reader_cost.py`."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.screen import Screen

from newsdesk.index.config import Settings, load_settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.render import CURRENT, MATCH
from tests.helpers.paths import SEEDS
from tests.helpers.pilot import dashboard, wait_for, wait_ready

LONG = "003_e90d1dc293122756"  # the 61 KB seed
QUERY = "iran"


def two_sizes_corpus(root: Path) -> Path:
    """The 61 KB seed and a 2 KB article cut from its start (same words, same matches)."""
    corpus = root / "sizes"
    corpus.mkdir()
    text = (SEEDS / f"{LONG}.txt").read_text(encoding="utf-8")
    (corpus / f"{LONG}.txt").write_text(text, encoding="utf-8")
    short, size = [], 0
    for para in text.split("\n\n"):
        if size + len(para) > 2200:
            break
        short.append(para)
        size += len(para) + 2
    (corpus / "short.txt").write_text("\n\n".join(short), encoding="utf-8")
    return corpus


@pytest.fixture
def sizes_settings(tmp_path: Path) -> Settings:
    settings = load_settings()
    settings.corpus.sources = [two_sizes_corpus(tmp_path)]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings


class Meter:
    """Seconds spent in the reader's handlers and the screen's refreshes while `measure` runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.spent = 0.0
        self.on = False
        for owner, name in ((Screen, "_compositor_refresh"), (ArticleView, "action_next_match"),
                            (ArticleView, "action_previous_match"),
                            (ArticleView, "show_loaded")):
            monkeypatch.setattr(owner, name, self._timed(getattr(owner, name)))

    def _timed(self, method):  # type: ignore[no-untyped-def]
        meter = self

        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            if not meter.on:
                return method(*args, **kwargs)
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                meter.spent += time.perf_counter() - started
        return timed

    @contextmanager
    def measure(self, into: list[float]) -> Iterator[None]:
        self.spent, self.on = 0.0, True
        try:
            yield
        finally:
            self.on = False
            into.append(self.spent)


async def open_article(pilot, article_id: str, focus: bool) -> ArticleView:  # type: ignore[no-untyped-def]
    reader = pilot.app.query_one(ArticleView)
    # The wide layout previews the highlighted hit once the list has been still for a
    # moment: on a slow machine that preview can land after this load. Load again then.
    for _ in range(5):
        reader.document = None
        dashboard(pilot.app).views.reader.load(article_id, QUERY, focus=focus)
        await wait_for(pilot, lambda: reader.document is not None)
        await pilot.pause()
        if reader.document is not None and reader.document.article.id == article_id:
            return reader
    raise AssertionError(f"{article_id} was never shown: the preview kept replacing it")


async def press_costs(pilot, meter: Meter, article_id: str, presses: int,  # type: ignore[no-untyped-def]
                      into: list[float]) -> None:
    reader = await open_article(pilot, article_id, focus=True)
    assert reader.match_count > presses  # every press moves to a new match
    assert reader.virtual_size.height > reader.scrollable_content_region.height  # fills it
    for key in ["n"] * presses + ["N"]:
        with meter.measure(into):
            await pilot.press(key)
            await pilot.pause()
        assert reader.visible_match_on_screen()


async def test_n_costs_the_same_on_a_60kb_article_as_on_a_2kb_one(
        sizes_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    meter = Meter(monkeypatch)
    app = NewsdeskApp(sizes_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        app.animation_level = "none"  # the scroll lands at once: cost, not animation time
        await wait_ready(pilot)
        long_costs: list[float] = []
        short_costs: list[float] = []
        for _ in range(3):  # interleaved, so that load on the machine hits both alike
            await press_costs(pilot, meter, LONG, 4, long_costs)
            await press_costs(pilot, meter, "short", 4, short_costs)
    long_ms = statistics.median(long_costs) * 1000
    short_ms = statistics.median(short_costs) * 1000
    print(f"n/N in the reader: 60 KB {long_ms:.1f} ms, 2 KB {short_ms:.1f} ms (medians)")
    # Before lines were virtualised this ratio was above 20 (about 100 ms against 4 ms).
    assert long_ms < 3 * max(short_ms, 1.0)


async def test_the_wide_preview_costs_the_same_on_a_60kb_article(
        sizes_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    meter = Meter(monkeypatch)
    app = NewsdeskApp(sizes_settings)
    async with app.run_test(size=(160, 40)) as pilot:
        app.animation_level = "none"
        await wait_ready(pilot)
        assert dashboard(app).has_class("-wide")
        long_costs: list[float] = []
        short_costs: list[float] = []
        for _ in range(4):
            for article_id, into in ((LONG, long_costs), ("short", short_costs)):
                with meter.measure(into):
                    await open_article(pilot, article_id, focus=False)
    long_ms = statistics.median(long_costs) * 1000
    short_ms = statistics.median(short_costs) * 1000
    print(f"preview in the reader: 60 KB {long_ms:.1f} ms, 2 KB {short_ms:.1f} ms (medians)")
    # Wrapping the text once is the only part that grows with it (a few ms at 60 KB).
    assert long_ms < 4 * max(short_ms, 2.0)


async def test_the_current_match_stands_out_more_than_the_others(
        sizes_settings: Settings) -> None:
    app = NewsdeskApp(sizes_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        reader = await open_article(pilot, "short", focus=True)
        await pilot.press("n")
        await pilot.pause()
        styles = {}
        top = int(reader.scroll_offset.y)
        for y in range(reader.scrollable_content_region.height):
            for segment in reader.render_line(y):
                if segment.text.strip() and segment.style and segment.style.bgcolor:
                    styles.setdefault(segment.style.bgcolor.name, set()).add(
                        (top + y, segment.text.lower()))
        current = reader.document.spans[reader.current]
        word = reader.document.article.text[current[0]:current[1]].lower()
        assert CURRENT.bgcolor and MATCH.bgcolor
        assert {text for _, text in styles[CURRENT.bgcolor.name]} == {word}
        assert len(styles[MATCH.bgcolor.name]) >= 2  # the other matches keep their look
    # More prominent: every attribute the other matches have, and more.
    for attribute in ("bold", "underline", "reverse", "italic"):
        if getattr(MATCH, attribute):
            assert getattr(CURRENT, attribute)
    assert CURRENT.underline and not MATCH.underline
    assert CURRENT.bgcolor != MATCH.bgcolor


async def test_lines_render_spans_cut_by_the_wrap_and_hostile_text_inertly() -> None:
    """Styles are filed per display line: a match broken over two lines is drawn on both, a
    span touching only the space a wrap dropped draws nothing (and does not break Rich),
    and text that looks like markup or control codes is shown as it is."""
    from textual.app import App, ComposeResult

    from newsdesk.index.models import Article, Document

    text = "aaaa bbbb [bold]x[/bold] \x1b[31mred cccc dddd"
    first = text.index("bbbb")
    spans = [(4, 5),  # only the space the wrap drops
             (first, first + len("bbbb [bold]x"))]  # crosses the wrap at width 10
    document = Document(Article("a1", "p", "Title", text), spans, [])

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView()

    app = Host()
    async with app.run_test(size=(14, 12)) as pilot:
        reader = app.query_one(ArticleView)
        reader.show(document)
        reader.go_to_match(1)
        await pilot.pause()
        painted = []
        for y in range(reader.scrollable_content_region.height):
            painted.append([(seg.text, seg.style) for seg in reader.render_line(y)])
    flat = "".join(text for line in painted for text, _ in line)
    assert "[bold]x[/bold]" in flat and "\x1b" not in flat and "␛[31mred" in flat
    current = [text for line in painted for text, style in line
               if style is not None and style.bgcolor == CURRENT.bgcolor]
    assert "".join(current).replace(" ", "") == "bbbb[bold]x"


async def test_opening_the_previewed_article_does_not_fetch_it_again(
        sizes_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the wide layout the highlighted hit is previewed; Enter on it opens the article
    as shown (fetching and highlighting it again cost an article of 20 MB 1.5 s of CPU).
    Another query's preview, or another article, is fetched as before."""
    from newsdesk.index.engine import Engine
    from tests.helpers.pilot import search

    fetched: list[tuple[str, str]] = []
    document = Engine.document

    def counted(self, article_id, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        fetched.append((article_id, query))
        return document(self, article_id, query, *args, **kwargs)

    monkeypatch.setattr(Engine, "document", counted)
    app = NewsdeskApp(sizes_settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_ready(pilot)
        screen = dashboard(app)
        assert screen.has_class("-wide")
        await search(pilot, QUERY)
        screen.action_focus_results()
        reader = screen.views.reader
        hit = screen.results.current_hit
        assert hit is not None
        await wait_for(pilot, lambda: reader.shows(hit.id, screen.results.shown_query))
        await wait_for(pilot, lambda: not screen._loading(reader))
        before = len(fetched)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.focused is reader)
        assert len(fetched) == before
        assert reader.document is not None and reader.document.article.id == hit.id
        # Back to the list, the other hit: previewed (fetched), and opened as shown.
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is screen.results)
        await pilot.press("j")
        other = screen.results.current_hit
        assert other is not None and other.id != hit.id
        await wait_for(pilot, lambda: reader.shows(other.id, screen.results.shown_query))
        assert fetched[-1][0] == other.id
        await wait_for(pilot, lambda: not screen._loading(reader))
        before = len(fetched)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.focused is reader)
        assert len(fetched) == before and reader.document.article.id == other.id
