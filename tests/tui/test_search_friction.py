"""The search loop as a new user meets it: a corpus with nothing to read is an error, not
"0 hits"; the newest articles before anything is typed; sorting by date; a half-typed last
word searched as a prefix; an incomplete query keeps the last results."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.pilot import search, wait_for, wait_ready


@pytest.mark.parametrize("make", ["empty", "json"])
async def test_a_corpus_with_nothing_to_read_says_so(make: str, app_settings: Settings,
                                                     tmp_path: Path) -> None:
    source = tmp_path / "nothing"
    source.mkdir()
    if make == "json":
        source = source / "articles.json"
        source.write_text("[]")
    app_settings.corpus.sources = [source]
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: status.message_kind == "error")
        shown = str(status.render())
        assert str(source) in shown.replace("\n", "") or source.name in shown
        assert "0 hits" not in shown


async def test_newest_articles_before_anything_is_typed_and_sorting(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        results = app.query_one(ResultsList)
        await wait_for(pilot, lambda: len(results.hits) == 5)
        dated = [h.date for h in results.hits if h.date]
        assert dated == sorted(dated, reverse=True)
        status = app.query_one(StatusLine)
        await wait_for(pilot, lambda: "newest first" in str(status.render()))
        await search(pilot, "soleimani")
        by_rank = [h.id for h in results.hits]
        await pilot.press("ctrl+o")  # relevance -> newest, from the search box
        await wait_for(pilot, lambda: "newest first" in str(status.render()))
        newest = list(results.hits)
        assert sorted(h.id for h in newest) == sorted(by_rank)
        dated = [h.date for h in newest if h.date]
        assert dated == sorted(dated, reverse=True)
        results.focus()
        await pilot.press("s")  # newest -> oldest, from the results
        await wait_for(pilot, lambda: "oldest first" in str(status.render()))
        await pilot.press("s")
        await wait_for(pilot, lambda: "first" not in str(status.render()))
        assert [h.id for h in results.hits] == by_rank


async def test_typing_narrows_by_prefix_and_never_blanks(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_ready(pilot)
        results, status = app.query_one(ResultsList), app.query_one(StatusLine)
        for typed in ("solei", "soleim", "soleima"):
            await search(pilot, typed)
            assert len(results.hits) == 5, typed
            assert f"{typed}… as a prefix" in str(status.render())
        await search(pilot, "pompeo")
        shown = [h.id for h in results.hits]
        assert shown
        box = app.query_one(SearchBox)
        for more in (' "drone', " AND", " (iran"):
            box.value = "pompeo"
            await pilot.pause()
            await pilot.press(*more)
            await wait_for(pilot, lambda: status.message_kind == "hint")
            assert [h.id for h in results.hits] == shown  # the last good results stay
            assert "showing pompeo" in str(status.render())
        box.value = 'pompeo "drone'
        await wait_for(pilot, lambda: "unclosed quote" in str(status.render()))
        assert status.message_kind == "hint"
        await pilot.press("enter")  # as written: the error itself
        await wait_for(pilot, lambda: status.message_kind == "error")
        assert "unbalanced quote" in str(status.render())
        box.focus()
        box.value = "solei"
        await wait_for(pilot, lambda: results.shown_query == "solei")
        await pilot.press("enter")  # as written: no word "solei"
        await wait_for(pilot, lambda: status.message_kind in ("empty", "suggest"))
        assert not results.hits


async def test_a_search_ends_once_though_its_running_message_comes_after_its_end(
        indexed_app_settings: Settings) -> None:
    """A search that ends at once is finished by the time its "running" message is
    handled: only the message that says it ended may start the next query asked for."""
    from textual.worker import Worker, WorkerState

    class Ended:  # a search worker as it is by then
        group, is_finished = "search", True

    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        results = app.query_one(ResultsList)
        await wait_for(pilot, lambda: results._searching is None)
        asked = []
        results.search_latest = asked.append  # type: ignore[method-assign]
        results._searching, results._wanted = ("iran", 20, False), ("iran oil", 20, False)
        worker = Ended()
        results._search_ended(Worker.StateChanged(worker, WorkerState.RUNNING))  # type: ignore[arg-type]
        assert results._searching == ("iran", 20, False) and asked == []
        results._search_ended(Worker.StateChanged(worker, WorkerState.SUCCESS))  # type: ignore[arg-type]
        assert asked == ["iran oil"]


@pytest.mark.parametrize(("pasted", "before"), [('Warren Jeffs sentenced "life', "prison"),
                                               ("(iran OR", "soleimani")])
async def test_the_last_results_are_dimmed_under_a_query_that_cannot_run(
        indexed_app_settings: Settings, pasted: str, before: str) -> None:
    """A paste with an open quote left the list under it bright, the status saying only
    "unclosed quote" (an outside tester's F13): the last query's list is dimmed, the status
    says whose it is, and a query that runs brightens it again. (Over no search yet there
    is no list at all: tests/tui/test_paste_controls.py.)"""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_ready(pilot)
        results, status = app.query_one(ResultsList), app.query_one(StatusLine)
        if before:
            await search(pilot, before)
        box = app.query_one(SearchBox)
        box.value = pasted
        await wait_for(pilot, lambda: status.message_kind == "hint")
        assert results.has_class("-stale")
        assert f"showing {before}" in str(status.render())
        box.value = "pompeo"
        await wait_for(pilot, lambda: results.shown_query == "pompeo")
        assert not results.has_class("-stale")
