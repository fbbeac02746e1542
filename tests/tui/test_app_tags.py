"""Stars, tags and notes in the dashboard, and a saved-search group from a file, driven with
Pilot: the keys, the tag dialog's completion, what the list, the reader and the facets show,
and changes another process makes. The reader's keys and the palette's group are slow
tests (each a dashboard of its own costs seconds on a busy machine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from newsdesk.index.config import Settings
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.tags import Change, TagStore
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.confirm import ConfirmDialog
from newsdesk.tui.dialogs.name import NameDialog
from newsdesk.tui.dialogs.tags import StarBox, TagDialog, completed, completions
from newsdesk.tui.panes.facets import FacetsView
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.panes.results import ResultsList, hit_rows
from newsdesk.tui.panes.saved import SavedPane
from tests.helpers.pilot import dashboard, palette, search, wait_for, wait_ready


def _store(settings: Settings) -> TagStore:
    store = TagStore(corpus_data_dir(settings))
    store.load()
    return store


def test_completion_takes_the_word_being_typed() -> None:
    known = ["lead", "legal", "todo"]
    assert completed("todo le", known) == "todo lead "
    assert completed("todo ", known) is None and completed("x", known) is None
    assert completions("le", known) == ["lead", "legal"]
    assert completions("lead le", known) == ["legal"]  # not one typed already
    assert completions("lead ", known) == ["legal", "todo"]
    assert completions("x", known) == []


async def test_star_tag_and_note_from_the_results(indexed_app_settings: Settings) -> None:
    other = _store(indexed_app_settings)
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        main = dashboard(app)
        results = app.query_one(ResultsList)
        first, second = results.hits[0].id, results.hits[1].id
        other.change([second], Change.of(add=["legal"]))  # a tag in use, from elsewhere
        await pilot.press("down")  # into the results
        assert app.focused is results
        await pilot.press("asterisk")
        await wait_for(pilot, lambda: results.hits[0].starred)
        assert "★" in hit_rows(results.hits[0], 80)[1].plain
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
        await pilot.press("l", "e", "g", "tab")  # completed from the tags in use
        await wait_for(pilot, lambda: app.screen.query_one("#tag-words").value == "legal ")
        await pilot.press(*"lead", "tab")  # no completion: Tab goes on to the note
        await pilot.press(*"ring the desk", "enter")
        await wait_for(pilot, lambda: results.hits[0].tags == ["lead", "legal"])
        marks = _store(indexed_app_settings).of(first)
        assert (marks.starred, marks.tags, marks.note) == (True, ["lead", "legal"],
                                                           "ring the desk")
        assert _store(indexed_app_settings).of(second).tags == ["legal"]  # kept, not overwritten
        # Searched, and counted in the facets.
        await search(pilot, "tag:legal")
        await wait_for(pilot, lambda: {h.id for h in results.hits} == {first, second})
        await pilot.press("down", "v")  # (v in the search box is a letter)
        facets = app.query_one(FacetsView)
        await wait_for(pilot, lambda: facets.facets is not None and facets.facets.tags)
        assert [(v.label, v.count) for v in facets.facets.tags] == [
            ("★ starred", 1), ("legal", 2), ("lead", 1)]
        # Another process takes a tag off: the list shows it without a search.
        _store(indexed_app_settings).change([second], Change.of(remove=["legal"]))
        await wait_for(pilot, lambda: main.results.shown_query == "tag:legal"
                       and [h.id for h in results.hits] == [first])


@pytest.mark.slow  # (the keys are those of the results, tested above)
async def test_star_from_the_reader_and_escape_leaves_all_as_it_was(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "iran")
        await pilot.press("down", "enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: app.focused is reader and reader.document is not None)
        article = reader.document.article.id
        await pilot.press("asterisk")
        await wait_for(pilot, lambda: "★" in reader._head)
        assert _store(indexed_app_settings).of(article).starred
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
        await pilot.press(*"x y", "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TagDialog))
        assert _store(indexed_app_settings).of(article).tags == []
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
        await pilot.press(*"bad[tag", "enter")  # refused, said in the dialog
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        assert "bad[tag" in str(app.screen.query_one("#tag-hint").render())


@pytest.mark.slow  # (groups from a file: tests/tui/cli/test_tag.py in the suite)
async def test_a_saved_search_group_from_a_file(indexed_app_settings: Settings,
                                                tmp_path: Path) -> None:
    names = tmp_path / "people.txt"
    names.write_text("soleimani\n# skipped\nrouhani\n(broken\n")
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_ready(pilot)
        await palette(pilot, "saved-search group")
        await wait_for(pilot, lambda: isinstance(app.screen, NameDialog))
        app.screen.query_one(Input).value = str(names)  # (typed: a key a character)
        await pilot.press("enter")
        pane = app.query_one(SavedPane)
        await wait_for(pilot, lambda: len(pane.bookmarks) == 3
                       and all(b.name in pane.counts for b in pane.bookmarks))
        assert [(b.name, b.group) for b in pane.bookmarks] == [
            ("people/soleimani", "people"), ("people/rouhani", "people"),
            ("people/(broken", "people")]
        assert pane.counts["people/soleimani"].count == 5
        assert pane.counts["people/(broken"].error
        heading = pane.get_option_at_index(0)
        assert heading.disabled and "people · 3" in str(heading.prompt)
        # Deleted whole from the palette, with the group's search highlighted.
        await palette(pilot, "delete saved-search group")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: not pane.bookmarks)


async def test_the_star_box_says_its_state_and_enter_on_it_saves(
        indexed_app_settings: Settings) -> None:
    """Its label tells starred from not in words (a terminal without colour drew the same
    box both ways); Space toggles it; Enter on it saves, as the hint says, not toggles."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        results = app.query_one(ResultsList)
        first = results.hits[0].id
        await pilot.press("down", "t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
        star = app.screen.query_one("#tag-star", StarBox)
        assert not star.value and "not starred" in str(star.label)
        await pilot.press("tab", "tab")  # tags -> note -> the star
        assert app.focused is star
        await pilot.press("space")
        assert star.value and "not" not in str(star.label) and "starred" in str(star.label)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, TagDialog))
        await wait_for(pilot, lambda: _store(indexed_app_settings).of(first).starred)
