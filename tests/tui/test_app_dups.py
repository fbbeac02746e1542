"""Near-duplicates folded in the dashboard, driven with Pilot at 80x24: one entry a story
with "+1 copy", d shows the copy under it (↳) and folds it again, the palette does the same,
help lists the key and dup:, and dup:ID lists a story with its copy; a page is a page of
stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.help import HelpScreen
from newsdesk.tui.panes.results import HIT_LINES, ResultsList
from tests.helpers.copies import seed_id, write_copies_corpus
from tests.helpers.pilot import dashboard, palette, search, wait_for, wait_ready


@pytest.fixture
def copies_settings(tmp_path: Path) -> Settings:
    settings = load_settings()
    settings.corpus.sources = [write_copies_corpus(tmp_path / "corpus")]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    Indexer(settings).run()
    return settings


def entry_text(results: ResultsList, index: int) -> str:
    """The rows of one entry as painted (its strips, before the cursor's style)."""
    return "\n".join(strip.text for strip in results._hit_strips(index))


async def test_copies_fold_and_unfold(copies_settings: Settings) -> None:
    app = NewsdeskApp(copies_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        results = dashboard(app).results
        assert results.total == 8 and results.reached == 8
        assert len(results.hits) == 5  # one entry a story
        folded = [i for i, mark in enumerate(results.marks) if mark.copies]
        assert len(folded) == 3 and all(results.marks[i].copies == 1 for i in folded)
        assert "+1 copy" in entry_text(results, folded[0])
        assert len(results._hit_strips(folded[0])) == HIT_LINES

        await pilot.press("enter")  # to the results
        await wait_for(pilot, lambda: app.focused is results)
        results.highlighted = folded[1]
        head = results.hits[folded[1]]
        await pilot.press("d")
        await wait_for(pilot, lambda: len(results.hits) == 6)  # built in a worker
        copy = results.hits[folded[1] + 1]
        assert results.marks[folded[1] + 1].copy and copy.group == head.group
        assert "+1 copy ▾" in entry_text(results, folded[1])
        assert entry_text(results, folded[1] + 1).lstrip().startswith("↳ ")
        assert len(results._hit_strips(folded[1] + 1)) == HIT_LINES
        assert results.highlighted == folded[1]

        results.highlighted = folded[1] + 1  # from the copy, d folds its story
        await pilot.press("d")
        assert len(results.hits) == 5 and results.highlighted == folded[1]

        unfolded = [i for i, m in enumerate(results.marks) if not m.copies]
        results.highlighted = unfolded[0]
        await pilot.press("d")  # a story without copies: said, nothing changes
        assert len(results.hits) == 5

        results.highlighted = folded[0]
        await palette(pilot, "fold copies")
        await wait_for(pilot, lambda: len(results.hits) == 6)

        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.plain_text()
        assert "Copies: show / fold" in help_text and "dup:ID" in help_text
        await pilot.press("escape")

        # dup:ID lists a story and its copy: one entry, the copy folded under it.
        await search(pilot, f"dup:{seed_id('002')}")
        assert results.total == 2 and len(results.hits) == 1
        assert results.marks[0].copies == 1


async def test_a_page_is_a_page_of_stories(copies_settings: Settings) -> None:
    """A page counts stories, not hits: with pages of 4, "soleimani" (8 hits, 5 stories)
    shows 4 stories with their copies fetched under them, and the cursor at the last
    fetches the fifth (10 hits fetched used to show as 5 stories)."""
    copies_settings.ui.page_size = 4
    app = NewsdeskApp(copies_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        results = dashboard(app).results
        assert results.total == 8
        assert len(results.hits) == 4 and not any(m.copy for m in results.marks)
        assert results.reached > 4 and sum(m.copies for m in results.marks) >= 1
        await pilot.press("enter")  # to the results
        await wait_for(pilot, lambda: app.focused is results)
        for _ in range(3):
            await pilot.press("j")
        await wait_for(pilot, lambda: len(results.hits) == 5)
        assert results.reached == 8 and results.highlighted == 3


def test_a_next_page_grows_the_stories_though_it_finds_more_copies() -> None:
    """Paging keeps the cursor when the stories on show begin the next page (the hits are
    the stories; the copies a longer ranking found more of are named beside them)."""
    from newsdesk.index.models import Hit, Snippet
    from newsdesk.tui.panes.results import results_grew

    def hit(article: str, group: str | None) -> Hit:
        return Hit(article, article, None, None, None, "", 1.0, Snippet("", []), group=group)

    first = [hit("a1", "a"), hit("b", None)]
    more = [hit("a1", "a"), hit("b", None), hit("c", None)]
    assert results_grew(first, more)
    assert not results_grew(first, [hit("b", None), hit("a1", "a"), hit("c", None)])
    assert not results_grew(first, first) and not results_grew([], more)
