"""The dashboard driven as a person drives it, with Textual's Pilot."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import OLDER_INDEX, Indexer
from newsdesk.index.paths import index_paths
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.help import HelpScreen
from newsdesk.tui.panes.actor_list import ActorList
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.old_index import write_as_before_the_move
from tests.helpers.pilot import dashboard, notices, palette, search, wait_for, wait_ready


async def test_starts_builds_index_and_searches_as_you_type(app_settings: Settings) -> None:
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        assert app.focused is app.query_one(SearchBox)
        await search(pilot, "soleimani")
        results = app.query_one(ResultsList)
        assert len(results.hits) == 5
        status = app.query_one(StatusLine)
        assert "5 hits" in str(status.render()) and "ms" in str(status.render())
        await search(pilot, '"drone strike"')
        assert sorted(h.id[:3] for h in results.hits) == ["002", "003", "004"]


async def test_an_index_of_an_older_newsdesk_is_rebuilt_with_a_notice(
        app_settings: Settings) -> None:
    """An index whose table of contents names the modules of the newsdesk before the move
    (index.codec, ...) opens as a rebuild from the store, said once, then searches."""
    Indexer(app_settings).run()
    write_as_before_the_move(index_paths(app_settings))
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        assert notices(app).count(OLDER_INDEX) == 1
        await search(pilot, "soleimani")
        assert len(app.query_one(ResultsList).hits) == 5


async def test_stale_result_never_overwrites_newer(indexed_app_settings: Settings) -> None:
    from newsdesk.index.models import Results
    from newsdesk.tui.messages import SearchDone

    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "pompeo")
        assert len(app.query_one(ResultsList).hits) == 2
        # A slow, older search for "p" finishes after "pompeo" was shown: it is dropped.
        app.post_message(SearchDone("p", Results("p", 0, [], 5.0)))
        await pilot.pause()
        assert len(app.query_one(ResultsList).hits) == 2
        assert dashboard(app).results.shown_query == "pompeo"


async def test_keys_typed_during_a_search_are_searched_once_after_it(
        indexed_app_settings: Settings) -> None:
    """No fixed delay before searching, and no search per key while one runs: the first key
    is searched at once, the keys typed meanwhile once, together, when it ends."""
    import threading

    indexed_app_settings.ui.debounce_ms = 0
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        assert dashboard(app).index_bar.engine is not None
        searched: list[str] = []
        release = threading.Event()
        real_search = dashboard(app).index_bar.engine.search

        def slow_search(text, limit=None, *args, **kwargs):  # type: ignore[no-untyped-def]
            searched.append(text)
            release.wait(120)  # (5 s ran out at load 55: the keys typed then were searched)
            return real_search(text, limit, *args, **kwargs)

        dashboard(app).index_bar.engine.search = slow_search  # type: ignore[method-assign]
        await pilot.press("p")
        await wait_for(pilot, lambda: searched == ["p"])  # at once, while nothing ran
        await pilot.press(*"ompeo")
        await pilot.pause(0.2)
        assert searched == ["p"]  # the other keys wait for it
        release.set()
        await wait_for(pilot, lambda: dashboard(app).results.shown_query == "pompeo")
        assert searched == ["p", "pompeo"]
        assert len(app.query_one(ResultsList).hits) == 2


async def test_full_garbage_collections_wait_for_a_pause(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full collection took 100 ms at 100,000 articles and met a keystroke every few
    seconds of typing: while the app runs they wait for a pause in the searching, and
    Python's own settings are back once it has closed."""
    import gc

    from newsdesk.tui.collector import RARE_FULL
    from newsdesk.tui.screens import main as main_module

    monkeypatch.setattr(main_module, "PAUSE_SECONDS", 1.0)  # keys come every 0.05 s
    before = gc.get_threshold()
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        assert gc.get_threshold()[2] == RARE_FULL
        await wait_for(pilot, lambda: dashboard(app)._collector.collections >= 1)  # the index shown
        done = dashboard(app)._collector.collections
        for key in "pompe":  # typed faster than the pause: no collection meanwhile
            await pilot.press(key)
            await pilot.pause(0.05)
        assert dashboard(app)._collector.collections == done
        await search(pilot, "pompeo")
        await wait_for(pilot, lambda: dashboard(app)._collector.collections > done)
        assert gc.get_freeze_count() > 0  # what survived is not walked again
        collector = dashboard(app)._collector
        full = collector.full_collections
        collector.collect()  # a pause soon after: only what is new is walked
        assert collector.full_collections == full
        collector.collect_all()  # a long idle: everything
        assert collector.full_collections == full + 1
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


async def test_open_article_highlights_and_steps_through_matches(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "strikes")
        await pilot.press("down")
        assert app.focused is app.query_one(ResultsList)
        await pilot.press("enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: app.focused is reader and reader.document is not None)
        total = reader.match_count
        assert total >= 1
        assert reader.current == 0 and reader.border_subtitle == f"match 1 of {total:,}"
        text = reader.document.article.text
        words = {text[s:e].lower() for s, e in reader.document.spans}
        assert words <= {"strike", "strikes", "struck"} and "strike" in words | {"strikes"}
        await pilot.press("n")
        await wait_for(pilot, lambda: reader.current == 1 % total)
        await pilot.press("N", "N")
        await wait_for(pilot, lambda: reader.current == (total - 1) % total)
        await wait_for(pilot, lambda: reader.border_subtitle
                       == f"match {reader.current + 1} of {total}")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is app.query_one(ResultsList))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is app.query_one(SearchBox))


async def test_reader_opens_scrolled_to_first_match(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "Petraeus")  # only late in the long seed 003
        await pilot.press("down", "enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: reader.document is not None and reader.size.height > 0)
        await pilot.pause()
        assert reader.scroll_offset.y > 50
        assert reader.visible_match_on_screen()
        for _ in range(reader.match_count):
            await pilot.press("n")
            await pilot.pause(0.25)
            assert reader.visible_match_on_screen()


async def test_n_jumps_to_the_next_match_at_once(indexed_app_settings: Settings) -> None:
    """n/N bring the match into view in the frame that follows the key, as less and vim
    do: a scroll animated over 150 ms showed it only after nine frames."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "iran")
        await pilot.press("down", "enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: reader.document is not None and reader.size.height > 0)
        await pilot.pause()
        assert reader.match_count > 30  # the long seed: its matches span many screens
        scrolled = 0
        # The key's actions called here, not pressed: Pilot waits for animations to end.
        for step in [reader.action_next_match] * 30 + [reader.action_previous_match] * 5:
            top = reader.scroll_offset.y
            step()
            assert not app.animator.is_being_animated(reader, "scroll_y")
            assert reader.visible_match_on_screen()
            scrolled += reader.scroll_offset.y != top
            await pilot.pause()
        assert scrolled >= 3


async def test_malformed_query_and_suggestion(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        app.query_one(SearchBox).focus()
        await pilot.press(*'"drone strike')
        status = app.query_one(StatusLine)
        # Being typed: a quiet hint over the last results; Enter: the error as written.
        await wait_for(pilot, lambda: status.message_kind == "hint")
        assert "unclosed quote" in str(status.render())
        await pilot.press("enter")
        await wait_for(pilot, lambda: status.message_kind == "error")
        assert "unbalanced quote" in str(status.render())
        await search(pilot, "soleimanu")
        assert status.message_kind == "suggest" and status.suggestion == "soleimani"
        await pilot.press("enter")
        await wait_for(pilot, lambda: dashboard(app).results.shown_query == "soleimani")
        assert app.query_one(SearchBox).value == "soleimani"
        assert len(app.query_one(ResultsList).hits) == 5


async def test_suggestion_accepted_by_click(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "muhandiss")
        await pilot.click(StatusLine)
        await wait_for(pilot, lambda: dashboard(app).results.shown_query == "muhandis")
        assert len(app.query_one(ResultsList).hits) == 4


async def test_keys_slash_g_G_j_k_help_and_quit(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "iran")
        results = app.query_one(ResultsList)
        await pilot.press("down")
        await pilot.press("G")
        assert results.highlighted == len(results.hits) - 1
        await pilot.press("g")
        assert results.highlighted == 0
        await pilot.press("j", "j", "k")
        assert results.highlighted == 1
        await pilot.press("slash")
        assert app.focused is app.query_one(SearchBox)
        # Left to right: saved searches, the actors' filter box and list, then results.
        await pilot.press("tab", "tab", "tab", "tab")
        assert app.focused is results
        await pilot.press("shift+tab")
        assert app.focused is app.query_one(ActorList)
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.query_one(SavedPane)
        await pilot.press("tab", "tab", "tab")  # back to the results: `?` there is help
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.plain_text()
        for words in ("Next match", "Command palette", "Open", "Quit", "date:"):
            assert words in help_text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_typing_q_in_search_box_does_not_quit(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "iraq")
        assert app.is_running and app.query_one(SearchBox).value == "iraq"


async def test_command_palette_runs_actions(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await palette(pilot, "help: keys")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_narrow_layout_reader_takes_over(indexed_app_settings: Settings,
                                               size: tuple[int, int]) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot)
        reader = app.query_one(ArticleView)
        assert not reader.display or reader.region.width == 0
        await search(pilot, "khamenei")
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.focused is reader)
        await pilot.pause()
        assert reader.region.width >= size[0] - 10
        assert app.query_one(ResultsList).region.width == 0
        # Wrapped to the width it is shown at, not the width it had while hidden.
        width = reader.scrollable_content_region.width
        assert max(end - start for start, end in reader._lines) > width - 15
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one(ResultsList).region.width >= size[0] - 10


async def test_new_articles_appear_after_refresh(app_settings: Settings) -> None:
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "okapi")
        assert app.query_one(ResultsList).hits == []
        corpus = app_settings.corpus.sources[0]
        (corpus / "new.txt").write_text("Okapi sighted\n\nAn okapi was seen in Baghdad.")
        from newsdesk.index.ingest.indexer import Indexer

        Indexer(app_settings).run()  # `newsdesk index` beside the dashboard
        dashboard(app).index_bar.check_for_changes()
        await wait_for(pilot, lambda: len(app.query_one(ResultsList).hits) == 1)


async def test_next_page_is_fetched_at_the_end_of_the_list(indexed_app_settings: Settings) -> None:
    indexed_app_settings.ui.page_size = 2
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        results = app.query_one(ResultsList)
        assert len(results.hits) == 2
        await pilot.press("down", "j")  # the cursor reaches the last hit shown
        await wait_for(pilot, lambda: len(results.hits) == 4)
        assert results.highlighted == 1  # the cursor stayed on its hit
        await pilot.press("G")
        await wait_for(pilot, lambda: len(results.hits) == 5)
        assert "5 hits" in str(app.query_one(StatusLine).render())


async def test_worker_reports_arriving_as_the_app_closes_are_dropped(
        indexed_app_settings: Settings) -> None:
    """A worker may finish after the user quit: its report finds the panes gone."""
    from newsdesk.tui import messages as msg

    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        hit = app.query_one(ResultsList).hits[0]
        assert dashboard(app).index_bar.engine is not None
        document = dashboard(app).index_bar.engine.document(hit.id, "soleimani")
        close_panes = app._close_all

        async def close_panes_then_report() -> None:  # as a late worker would
            await close_panes()
            app.post_message(msg.DocumentLoaded(document, "soleimani", True, 0))
            app.post_message(msg.KwicReady("soleimani", [], 5, 100))

        app._close_all = close_panes_then_report  # type: ignore[method-assign]
    # Leaving the block shut the app down; the reports came after its panes were gone.


async def test_search_goes_on_while_the_dashboard_adds_to_its_index(
        indexed_app_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long ingest into an index already there (a new archive joins the corpus): the
    dashboard searches what is committed meanwhile, and more as batches are committed."""
    import json
    import threading

    from newsdesk.index.ingest.indexer import Indexer

    Indexer(indexed_app_settings).run()
    corpus = indexed_app_settings.corpus.sources[0]
    with open(corpus / "archive.jsonl", "w", encoding="utf-8") as out:
        for i in range(30):
            out.write(json.dumps({"id": f"z{i}", "title": f"Zebra report {i}",
                                  "text": f"A zebra crossed the road, number {i}."}) + "\n")
    indexed_app_settings.index.batch_size = 5
    go_on = threading.Event()
    real = Indexer._commit_pending
    commits: list[int] = []

    def held(self: Indexer, *args: object, **options: object) -> int:
        done = real(self, *args, **options)  # type: ignore[arg-type]
        commits.append(done)
        if sum(commits) == 10:  # two batches in: hold the rest
            go_on.wait(timeout=30)
        return done

    monkeypatch.setattr(Indexer, "_commit_pending", held)
    monkeypatch.setattr("newsdesk.tui.panes.indexing.REFRESH_SECONDS", 0.1)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        main = dashboard(app)
        await wait_for(pilot, lambda: main.index_bar.engine is not None and sum(commits) >= 10)
        assert main.index_bar.indexing.is_set()
        await wait_for(pilot, lambda: main.search.doc_count >= 15)  # the seeds and two batches
        await search(pilot, "zebra")
        assert 0 < len(app.query_one(ResultsList).hits) < 30
        assert "results grow" in str(app.query_one("#indexing-label", Static).render())
        go_on.set()
        await wait_for(pilot, lambda: not dashboard(app).index_bar.indexing.is_set())
        # All 30 found: the list holds a page of them (10, more as it is scrolled), and
        # had held as many before the last batches came in.
        await wait_for(pilot, lambda: app.query_one(ResultsList).total == 30)
        assert dashboard(app).search.doc_count == 35
