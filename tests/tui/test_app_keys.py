"""The dashboard's keys and what they show: keys handled in order (tui/key_order.py), the
"Searching" indicator, Ctrl+R history search, F5 re-index, the status line at 80 columns."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import pytest
from textual import events
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import Input, OptionList
from textual.worker import Worker

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.history import HistoryDialog, narrowed
from newsdesk.tui.key_order import BURST_GAP
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ENDED, ResultsList
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.screens.main import MainScreen
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready


def status_text(app: NewsdeskApp) -> str:
    return str(app.query_one(StatusLine).render())


def hold_searches(main: MainScreen, which: Callable[[str, bool], bool] = lambda q, t: True
                  ) -> tuple[threading.Event, threading.Event]:
    """The engine's searches that `which(query, typing)` picks wait for the gate returned
    (set it to let them run); the second event is set once one of them waits."""
    engine = main.index_bar.engine
    assert engine is not None
    gate, started = threading.Event(), threading.Event()
    real = engine.search

    def slow(query: str, *args: object, **kwargs: object) -> object:
        if which(query, bool(kwargs.get("typing"))):
            started.set()
            gate.wait(10)
        return real(query, *args, **kwargs)

    engine.search = slow  # type: ignore[method-assign]
    return gate, started


async def test_keys_queued_behind_a_focus_move_reach_the_new_focus(
        indexed_app_settings: Settings) -> None:
    """All posted before the app handles the first: "/" from the results list, then a
    word full of one-letter commands (o pager, e export, a actors, v facets, c ...)."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        await pilot.press("down")
        main = dashboard(app)
        assert app.focused is main.results
        for key in ["slash", *"oevcab"]:
            app.post_message(_key(key))
        await wait_for(pilot, lambda: main.box.value == "oevcab")
        await pilot.pause(0.2)
        assert main.box.value == "oevcab" and app.screen is main
        assert not main.has_class("-view-facets") and not main.has_class("-view-kwic")


async def typed_apart(pilot) -> None:  # type: ignore[no-untyped-def]
    """Long enough after the keys posted so far that the next are typed, not one burst
    with them (tui/key_order.py BURST_GAP)."""
    posted = time.monotonic()
    await wait_for(pilot, lambda: time.monotonic() - posted > 2 * BURST_GAP)


async def test_keys_after_enter_wait_for_the_article(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        await pilot.press("down")
        main = dashboard(app)
        for key in ["enter", "n", "slash", *"oil"]:  # open, next match, then a new search
            app.post_message(_key(key))
        await wait_for(pilot, lambda: main.box.value == "oil")
        reader = app.query_one(ArticleView)
        assert reader.document is not None and app.screen is main
        assert main.box.has_focus


async def test_keys_after_enter_in_the_box_wait_for_its_results(
        indexed_app_settings: Settings) -> None:
    """Typed fast: "kassem", Enter, Enter. The list still shows the newest articles when
    the first Enter arrives (the search runs); the second must open a hit of kassem, not
    the newest article (nor run a one-letter command on it: "o" opened the pager)."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await wait_for(pilot, lambda: len(main.results.hits) == 5)  # the newest articles
        assert not main.results.hits[0].id.startswith("001")
        gate, _ = hold_searches(main)
        for key in [*"kassem", "enter"]:
            app.post_message(_key(key))
        await typed_apart(pilot)  # not in the burst of the Enter, which the box would keep
        app.post_message(_key("enter"))
        await wait_for(pilot, lambda: main.box.value == "kassem")
        await pilot.pause(0.1)
        gate.set()
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: reader.has_focus)
        assert reader.document is not None and reader.document.article.id.startswith("001")
        assert main.box.value == "kassem" and main.results.shown_query == "kassem"


async def test_enter_while_the_same_text_is_searched_as_typed_runs_it_as_written(
        indexed_app_settings: Settings) -> None:
    """Enter arriving while "kassem" is still being searched as typed (its last word a
    prefix) searches it as written after: it was taken for the same search and dropped,
    and the status line said "Searching kassem…" for good."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        gate, started = hold_searches(
            main, lambda query, typing: query == "kassem" and typing)
        await pilot.press(*"kassem")
        await wait_for(pilot, started.is_set)
        await pilot.press("enter")
        gate.set()
        await wait_for(pilot, lambda: main.results.has_focus)
        await wait_for(pilot, lambda: "as a prefix" not in status_text(app))
        assert "1 hit" in status_text(app) and not main.search._typed_prefix


async def test_enter_on_a_query_without_hits_keeps_the_box(indexed_app_settings: Settings) -> None:
    """Enter, then more letters: with no hit for the query the letters stay in the box,
    even while the list still showed the hits of before (they were commands: "e" opened
    the export dialog of the old hits)."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await wait_for(pilot, lambda: len(main.results.hits) == 5)
        gate, _ = hold_searches(main)
        for key in [*"zqxj", "enter"]:
            app.post_message(_key(key))
        await typed_apart(pilot)
        for key in "oev":
            app.post_message(_key(key))
        await wait_for(pilot, lambda: main.box.value == "zqxj")
        await pilot.pause(0.1)
        gate.set()
        await wait_for(pilot, lambda: main.box.value == "zqxjoev")
        await pilot.pause(0.2)
        assert app.screen is main and main.box.has_focus
        assert not main.has_class("-view-facets")


async def test_a_paste_of_several_lines_is_one_query(indexed_app_settings: Settings) -> None:
    """A headline copied where it wrapped, or two lines of an article: every line reaches
    the box, joined by spaces (Textual kept the first line only, "oil" of "oil\nprices")."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        app.post_message(events.Paste("drone\r\n  strike\tbaghdad\n\n"))
        await wait_for(pilot, lambda: main.box.value != "")
        await pilot.pause(0.1)
        assert main.box.value == "drone strike baghdad"
        main.box.select_all()
        app.post_message(events.Paste("pompeo\nkhamenei"))
        await wait_for(pilot, lambda: main.box.value == "pompeo khamenei")
        app.post_message(events.Paste(" iraq"))
        await wait_for(pilot, lambda: main.box.value == "pompeo khamenei iraq")


async def test_holding_j_crosses_pages_and_never_wraps(distinct_settings: Settings) -> None:
    """j pressed faster than pages are fetched goes on down from where it was, page after
    page (it wrapped to the top hit at each page's end and went on from there); k at the
    top and j at the last hit of all stay."""
    distinct_settings.ui.page_size = 10
    app = NewsdeskApp(distinct_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await search(pilot, "*")
        results = main.results
        total = results.total
        assert total > 30 and len(results.hits) == 10
        await pilot.press("down")
        assert results.has_focus and results.highlighted == 0
        await pilot.press("k")
        assert results.highlighted == 0
        for _ in range(25):  # all posted before a page can come
            app.post_message(_key("j"))
        await wait_for(pilot, lambda: results.highlighted == 25)
        await pilot.pause(0.3)
        assert results.highlighted == 25 and len(results.hits) >= 26
        for _ in range(total):
            app.post_message(_key("j"))
        await wait_for(pilot, lambda: results.highlighted == total - 1, timeout=20)
        await pilot.pause(0.3)
        assert results.highlighted == total - 1 and len(results.hits) == total


async def test_searching_shows_after_a_while_and_goes_with_the_results(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        engine = dashboard(app).index_bar.engine
        assert engine is not None
        gate = threading.Event()
        real = engine.search

        def slow(query: str, *args: object, **kwargs: object) -> object:
            gate.wait(10)
            return real(query, *args, **kwargs)

        engine.search = slow  # type: ignore[method-assign]
        started = time.monotonic()
        await pilot.press(*"walrus")
        await wait_for(pilot, lambda: "Searching" in status_text(app))
        assert time.monotonic() - started >= 0.15
        assert "walrus" in status_text(app)
        gate.set()
        await wait_for(pilot, lambda: "hit" in status_text(app))
        assert "Searching" not in status_text(app)


async def test_a_quick_search_never_says_searching(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        seen = []
        status = app.query_one(StatusLine)
        real = status.show_searching
        status.show_searching = lambda q: (seen.append(q), real(q))  # type: ignore[method-assign]
        await search(pilot, "soleimani")
        await pilot.pause(0.3)
        # Under load a search can take 150 ms; then the indicator is right to show, and
        # it must be gone once the results are.
        assert "Searching" not in status_text(app) and "5 hits" in status_text(app), seen


def hold_search_ends(monkeypatch: pytest.MonkeyPatch) -> asyncio.Event:
    """From now on the results list hears that a search's worker ended only once the event
    returned is set: the window, on a busy machine, between a search's answer reaching the
    screen and its end being heard."""
    ended_held = asyncio.Event()
    dispatch = MessagePump._dispatch_message

    async def late_end(self: MessagePump, message: Message) -> None:
        if isinstance(self, ResultsList) and isinstance(message, Worker.StateChanged) \
                and message.state in ENDED:
            await ended_held.wait()
        await dispatch(self, message)

    monkeypatch.setattr(MessagePump, "_dispatch_message", late_end)
    return ended_held


async def held_until(condition: Callable[[], bool]) -> None:
    """(Pilot's pauses wait for every widget's queue, and the list's is held: plain sleeps.)"""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.02)
    assert condition()


async def test_asking_again_for_the_search_just_answered_never_says_searching_for_good(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The results of a search can reach the screen before the list hears its worker has
    ended (a busy machine): asking then for that same search (Enter on a saved search of
    the query on show) waited for an answer that had come already. The status line said
    "Searching soleimani…" for good, and every key that acts on the results waited for
    them (in CI: a rename's letters, after Escape "5 hits" never came back)."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        main.saved.store.put("Soleimani", "soleimani")
        main.saved.load()
        await wait_for(pilot, lambda: not main.search.results_due())
        ended_held = hold_search_ends(monkeypatch)
        main.open_saved("Soleimani")
        await held_until(lambda: "5 hits" in status_text(app))
        main.open_saved("Soleimani")  # its answer on show, its worker's end not heard
        await asyncio.sleep(0.3)
        ended_held.set()
        await wait_for(pilot, lambda: not main.search.results_due())
        await pilot.pause(0.3)
        assert "Searching" not in status_text(app) and "5 hits" in status_text(app)


def test_history_is_narrowed_by_every_word_typed() -> None:
    queries = ["iran oil", "oil prices", "soleimani", "Oil OR gas"]
    assert narrowed(queries, "oil") == ["iran oil", "oil prices", "Oil OR gas"]
    assert narrowed(queries, "oil iran") == ["iran oil"]
    assert narrowed(queries, "") == queries
    assert narrowed(queries, "xyz") == []


async def test_ctrl_r_searches_the_history_and_enter_runs_a_query(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        for query in ("soleimani", "walrus", "militia"):
            await search(pilot, query)
            await pilot.press("enter")  # a query acted on goes into the history
        await pilot.press("slash", "ctrl+u")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryDialog))
        dialog = app.screen
        assert isinstance(dialog, HistoryDialog)
        assert dialog.shown[:3] == ["militia", "walrus", "soleimani"]  # newest first
        await pilot.press(*"sol")
        await wait_for(pilot, lambda: dialog.shown == ["soleimani"])
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is main)
        assert main.box.value == "soleimani"
        await wait_for(pilot, lambda: main.results.shown_query == "soleimani")
        # Escape leaves the box as it was; Ctrl+R again moves down the list.
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryDialog))
        await pilot.press("ctrl+u", "ctrl+r")
        options = app.screen.query_one("#history-list", OptionList)
        assert options.highlighted == 1
        assert app.screen.query_one("#history-filter", Input).has_focus
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is main)
        assert main.box.value == "soleimani" and app.focused is main.box


async def test_f5_updates_the_index(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        bar = dashboard(app).index_bar
        called = []
        bar.reindex = lambda: called.append(True)  # type: ignore[method-assign]
        await pilot.press("f5")
        await wait_for(pilot, lambda: called == [True])


async def test_status_line_at_80_columns_ends_in_an_ellipsis(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        main.search.filters = ['source:"The Long Named Evening Chronicle of Record"']
        await pilot.press(*"soleimani")
        await wait_for(pilot, lambda: "filters: source" in status_text(app))
        line = "".join(s.text for s in app.query_one(StatusLine).render_line(0))
        assert line.rstrip().endswith("…"), line
        # What the results are and the filter stay whole; the notes (the prefix, the time
        # it took) give way first (tests/tui/test_status_fit.py).
        assert line.strip() == ('0 hits · filters: source:"The Long Named Evening Chronicle '
                                'of Record" · …'), line


def _key(name: str) -> events.Key:
    """A key as the terminal driver posts it (all posted before the app handles one)."""
    character = {"slash": "/", "enter": "\r"}.get(name, name if len(name) == 1 else None)
    return events.Key(name, character)


async def test_toasts_hide_no_hit_at_80_by_24(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        main = dashboard(app)
        main.notify("Narrowed to Islamic Revolutionary Guard Corps; x removes the filter.")
        await wait_for(pilot, lambda: bool(_all_toasts(app)))
        await pilot.pause(0.1)
        [toast] = _all_toasts(app)
        assert toast.region.height == 1 and toast.region.y == 23
        # The whole line: a column left over showed the footer's last letter through it.
        assert toast.region.x == 0 and toast.region.width == 80, toast.region
        assert not toast.region.overlaps(main.results.region)
        line = "".join(s.text for s in toast.render_line(0))
        assert "Narrowed to Islamic Revolutionary Guard" in line


def _all_toasts(app: NewsdeskApp) -> list[object]:
    from textual.widgets._toast import Toast

    found = []
    for screen in app.screen_stack:
        stack = list(screen._nodes)
        while stack:
            node = stack.pop()
            if isinstance(node, Toast):
                found.append(node)
            stack.extend(node._nodes)
    return found


async def test_a_typo_undone_before_the_search_was_heard_to_end_never_says_searching(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A letter typed and rubbed out at once ("soleimanix", Backspace) while the list had
    yet to hear that the search on show had ended (a busy machine): the letter's search was
    wanted and said "searching", then the box's text was again the one answered already,
    which asked for nothing more, and nothing ever cleared the "searching". The status line
    said "Searching soleimanix…" for good, and every key acting on the results waited."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        await search(pilot, "soleiman")
        ended_held = hold_search_ends(monkeypatch)
        main.box.value = "soleimani"
        await held_until(lambda: main.results.shown_query == "soleimani")
        main.box.value = "soleimanix"  # its end not heard: this search waits for it
        await asyncio.sleep(0.05)
        main.box.value = "soleimani"  # rubbed out: the answer on show is the one wanted
        await asyncio.sleep(0.3)
        ended_held.set()
        await wait_for(pilot, lambda: not main.search.results_due())
        await pilot.pause(0.3)
        assert "Searching" not in status_text(app) and "5 hits" in status_text(app)
