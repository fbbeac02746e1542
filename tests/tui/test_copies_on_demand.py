"""A folded search builds hits (snippets, highlights) for its stories only: the copies
are named, counted as before ("+N copies", agreeing with dup:ID), and their hits built once
d opens them (the engine's hit building counted, not timed)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.app import NewsdeskApp
from tests.helpers.copies import COPIES, write_copies_corpus
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready


@pytest.fixture
def copies_settings(tmp_path: Path) -> Settings:
    settings = load_settings()
    settings.corpus.sources = [write_copies_corpus(tmp_path / "corpus")]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    Indexer(settings).run()
    return settings


def count_built(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every article the engine builds a hit of, counted."""
    built: Counter[str] = Counter()
    hits = Engine._hits

    def counting(self: Engine, ranked: list[tuple[str, float]], *args: object,
                 **kwargs: object) -> object:
        built.update(i for i, _ in ranked)
        return hits(self, ranked, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "_hits", counting)
    return built


def test_a_folded_search_builds_the_stories_hits_only(copies_settings: Settings,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    built = count_built(monkeypatch)
    with Engine(copies_settings) as engine:
        results = engine.search("soleimani", 20, fold=True)
        stories = [h.id for h in results.hits]
        assert len(stories) == 5 and set(built) == set(stories)  # (were 8, copies too)
        named = {i for copies in results.copies.values() for i, _ in copies}
        assert len(named) == 3 and results.reached == 8 and not named & set(built)
        assert set(COPIES) <= set(stories) | named  # each copy file is a story or a copy
        for story in results.hits:  # "+N copies" as dup:ID counts them
            copies = [i for i, _ in results.copies.get(story.id, [])]
            if story.group is not None:
                family = engine.search(f"dup:{story.id}", 50)
                assert {story.id, *copies} == {h.id for h in family.hits}
            else:
                assert copies == []
        built.clear()
        first = next(h for h in results.hits if h.id in results.copies)
        copies = engine.copy_hits("soleimani", results.copies[first.id])
        assert [h.id for h in copies] == [i for i, _ in results.copies[first.id]]
        assert all(h.group == first.group and h.spans for h in copies)  # highlighted
        assert set(built) == {h.id for h in copies}


async def test_d_has_the_copies_hits_built(copies_settings: Settings,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    built = count_built(monkeypatch)
    app = NewsdeskApp(copies_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await search(pilot, "soleimani")
        results = dashboard(app).results
        built.clear()
        await pilot.press("enter")  # searched as written, then to the results
        await wait_for(pilot, lambda: app.focused is results and not results.shown_typing)
        named = {i for copies in results.copies.values() for i, _ in copies}
        assert len(named) == 3 and results.reached == 8
        assert set(built) == {h.id for h in results.fetched}  # the stories' hits alone
        assert [m.copies for m in results.marks].count(1) == 3
        head = next(i for i, m in enumerate(results.marks) if m.copies)
        results.highlighted = head
        await pilot.pause()
        await pilot.press("d")
        await wait_for(pilot, lambda: len(results.hits) == 6)
        copy = results.hits[head + 1]
        assert results.marks[head + 1].copy and copy.group == results.hits[head].group
        assert named & set(built) == {copy.id} and built[copy.id] == 1
        assert results.highlighted == head and results.marks[head].copies == 1
        await pilot.press("d")  # folded and opened again: built once
        await pilot.press("d")
        await wait_for(pilot, lambda: len(results.hits) == 6)
        assert built[copy.id] == 1
