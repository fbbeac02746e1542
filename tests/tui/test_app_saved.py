"""Saved searches and history in the dashboard, driven with Pilot."""

from __future__ import annotations

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.userdata.bookmarks import BookmarkStore, corpus_data_dir
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.saved import SavedPane
from newsdesk.tui.panes.search_box import SearchBox
from tests.helpers.pilot import dashboard, keys_done, notices, palette, search, wait_for, wait_ready


async def save_as(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NameDialog))
    await pilot.press(*name)  # the pre-filled name is selected: typing replaces it
    await pilot.press("enter")
    await pilot.pause()


def pane_counts(app: NewsdeskApp) -> dict[str, tuple[int | None, int]]:
    pane = app.query_one(SavedPane)
    return {b.name: (pane.counts[b.name].count, pane.counts[b.name].new)
            for b in pane.bookmarks if b.name in pane.counts}


async def test_save_replace_rename_delete(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, '"drone strike"')
        await save_as(pilot, "Strikes")
        await wait_for(pilot, lambda: pane_counts(app).get("Strikes", (None,))[0] == 3)
        await search(pilot, "pompeo")
        await save_as(pilot, "Strikes")  # the name exists: asks first
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        assert dashboard(app).saved.store.get("Strikes").query == '"drone strike"'
        await save_as(pilot, "Strikes")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: pane_counts(app).get("Strikes", (None,))[0] == 2)
        assert dashboard(app).saved.store.get("Strikes").query == "pompeo"

        await pilot.press("down")  # to the results (`b` in the search box is a letter)
        await pilot.press("b")
        pane = app.query_one(SavedPane)
        assert app.focused is pane
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press(*"Pompeo", "enter")
        await wait_for(pilot, lambda: [b.name for b in pane.bookmarks] == ["Pompeo"])
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        assert [b.name for b in pane.bookmarks] == ["Pompeo"]
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: pane.bookmarks == [])
    assert BookmarkStore(corpus_data_dir(indexed_app_settings)).load() == []


async def test_open_runs_it_and_new_count_follows_the_index(app_settings: Settings) -> None:
    folder = corpus_data_dir(app_settings)
    store = BookmarkStore(folder)
    store.put("Hashd", "hashd OR okapi")
    Indexer(app_settings).run()  # indexed after the bookmark: all new so far
    store.mark_opened("Hashd")
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await wait_for(pilot, lambda: pane_counts(app).get("Hashd") == (1, 0))
        corpus = app_settings.corpus.sources[0]
        (corpus / "okapi.txt").write_text("Okapi news\n\nAn okapi walked into Baghdad.")
        Indexer(app_settings).run()  # `newsdesk index` run beside the dashboard
        dashboard(app).index_bar.check_for_changes()
        await wait_for(pilot, lambda: pane_counts(app).get("Hashd") == (2, 1))
        pane = app.query_one(SavedPane)
        pane.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: dashboard(app).results.shown_query == "hashd OR okapi")
        assert app.query_one(SearchBox).value == "hashd OR okapi"
        assert len(app.query_one(ResultsList).hits) == 2
        assert pane_counts(app)["Hashd"] == (2, 0)
    reopened = BookmarkStore(folder)
    reopened.load()
    from newsdesk.index.engine import Engine

    with Engine(app_settings) as engine:
        assert engine.count("hashd OR okapi", reopened.get("Hashd").opened) == 0


async def test_history_recalled_with_up_and_down(indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        box = app.query_one(SearchBox)
        for query in ("iran", "pompeo", "muhandis"):
            await search(pilot, query)
            await pilot.press("enter")  # a run the user acted on: into the history
            await pilot.press("slash")
        # Each key goes through the key gate, which can keep it (Enter's results, the
        # focus moving): the "/" reached the box after the test had set it ('draft/').
        await keys_done(pilot, lambda: box.has_focus)
        box.value = "draft"
        for keys, recalled in ((["up"], "muhandis"), (["up", "up"], "iran"), (["up"], "iran"),
                               (["down"], "pompeo"), (["down", "down"], "draft")):
            await pilot.press(*keys)
            await keys_done(pilot)
            assert box.value == recalled, keys
    app2 = NewsdeskApp(indexed_app_settings)  # history outlives the app
    async with app2.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("up")
        await keys_done(pilot)
        assert app2.query_one(SearchBox).value == "muhandis"


async def test_corrupt_saved_file_leaves_app_running_and_file_untouched(
        indexed_app_settings: Settings) -> None:
    path = corpus_data_dir(indexed_app_settings) / "saved.yaml"
    path.parent.mkdir(parents=True)
    broken = "bookmarks:\n  - name: x\n    query: [broken\n"
    path.write_text(broken)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        pane = app.query_one(SavedPane)
        assert pane.notice and str(path) in pane.notice and ":4:" in pane.notice
        await search(pilot, "iran")
        await pilot.press("ctrl+s")  # refused, with the reason
        await pilot.pause()
        assert not isinstance(app.screen, NameDialog)
    assert path.read_text() == broken


async def test_palette_jumps_to_a_bookmark(indexed_app_settings: Settings) -> None:
    BookmarkStore(corpus_data_dir(indexed_app_settings)).put("Muhandis", "muhandis")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await palette(pilot, "saved: muhandis")
        await wait_for(pilot, lambda: dashboard(app).results.shown_query == "muhandis")
        assert len(app.query_one(ResultsList).hits) == 4


async def test_saved_and_history_queries_run_as_written(app_settings: Settings) -> None:
    """Opening a saved search, or a query from the history (Ctrl+R), searches it as it was
    saved, as `newsdesk saved run` and the saved pane's count do: not its last word as a
    prefix, as for a word being typed (a saved "iran" showed Iranian too, 25 hits beside
    its count of 24)."""
    from newsdesk.index.userdata.bookmarks import History
    from newsdesk.tui.dialogs.history import HistoryDialog
    from newsdesk.tui.panes.status import StatusLine

    folder = corpus_data_dir(app_settings)
    BookmarkStore(folder).put("Iran", "iran")
    History(folder).add("soleimani")
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        status = app.query_one(StatusLine)
        await pilot.press("down")  # to the results (`b` in the search box is a letter)
        await pilot.press("b")
        await wait_for(pilot, lambda: app.focused is main.saved and main.saved.bookmarks)
        await pilot.press("enter")
        await wait_for(pilot, lambda: main.results.shown_query == "iran" and
                       "hit" in str(status.render()))
        await pilot.pause(0.2)
        assert not main.search._typed_prefix
        assert "as a prefix" not in str(status.render())

        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryDialog))
        await pilot.press(*"solei", "enter")
        await wait_for(pilot, lambda: main.results.shown_query == "soleimani" and
                       "hit" in str(status.render()))
        await pilot.pause(0.2)
        assert not main.search._typed_prefix
        assert "as a prefix" not in str(status.render())


async def test_a_hand_edited_file_with_one_name_twice_is_a_notice(
        indexed_app_settings: Settings) -> None:
    """The dashboard stopped at start on an internal error (DuplicateID in the list)."""
    path = corpus_data_dir(indexed_app_settings) / "saved.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("bookmarks:\n  - {name: a, query: iran}\n  - {name: a, query: oil}\n")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        assert app.is_running and dashboard(app).results.total == 5
        assert any("second bookmark named 'a'" in n for n in notices(app))
    assert path.read_text().count("name: a") == 2  # left as it is


async def test_a_misspelt_saved_file_at_80_columns_names_file_line_and_is_kept(
        indexed_app_settings: Settings) -> None:
    """'searches:' for 'bookmarks:' (or a newer newsdesk's key): the dashboard starts, the
    one-line toast says which file, line and key (not the title alone, nor the folder's
    path filling it), searching works, and a search saved leaves the key as it was."""
    path = corpus_data_dir(indexed_app_settings) / "saved.yaml"
    path.parent.mkdir(parents=True)
    text = "version: 1\nsearches:\n  - {name: iran, query: iran}\n"
    path.write_text(text)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        said = notices(app)
        assert any(n.startswith("Saved searches: saved.yaml:2: key 'searches' not known")
                   for n in said), said
        await search(pilot, "iran")
        assert dashboard(app).results.total > 0
        dashboard(app).saved.store.put("oil", "oil")
    assert "searches:" in path.read_text() and "name: iran" in path.read_text()
    assert "name: oil" in path.read_text()
