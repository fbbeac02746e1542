"""Curation edits are applied to the dictionary as it is on disk, and can be taken back:
undo (the newest edit), unhide, and unmerge (a merged actor's names form their own actor
again). `actor:` with any alias keeps finding the same articles; nothing is re-indexed."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionary
from newsdesk.index.actors.table import Curation, curation_path, recluster, recluster_if_changed
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import NewsdeskError


@pytest.fixture
def own_seeds(app_settings: Settings) -> Settings:
    Indexer(app_settings).run()
    return app_settings


def test_unmerge_restores_both_actors_and_every_alias_still_filters(
        own_seeds: Settings) -> None:
    with Engine(own_seeds) as engine:
        generation = engine.ix.latest_generation()
        curation = Curation(curation_path(own_seeds))
        pompeo, us = engine.actors.resolve("Pompeo"), engine.actors.resolve("United States")
        alone = {name: engine.count(f'actor:"{name}"') for name in ("Pompeo", "US")}
        curation.merge(pompeo, us)
        recluster(own_seeds, engine.actors)
        merged = engine.actors.resolve("Mike Pompeo")
        assert merged.id == engine.actors.resolve("US").id
        curation.rename(merged, "America")  # an edit after the merge: unmerge keeps it
        recluster(own_seeds, engine.actors)

        assert "merge of 'Mike Pompeo'" in curation.unmerge(engine.actors.resolve("America"))
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Pompeo").name == "Mike Pompeo"
        assert engine.actors.resolve("US").name == "America"
        assert engine.actors.resolve("Pompeo").id != engine.actors.resolve("US").id
        for name, count in alone.items():  # any alias, no re-index
            assert engine.count(f'actor:"{name}"') == count
        assert engine.count('actor:"Mike Pompeo"') == alone["Pompeo"]
        with pytest.raises(NewsdeskError, match="not made by a merge"):
            curation.unmerge(engine.actors.resolve("Pompeo"))

        curation.undo()  # the unmerge: merged again
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Pompeo").id == engine.actors.resolve("US").id
        assert engine.ix.latest_generation() == generation


def test_undo_and_unhide(own_seeds: Settings) -> None:
    with Engine(own_seeds) as engine:
        curation = Curation(curation_path(own_seeds))
        baghdad, trump = engine.actors.resolve("Baghdad"), engine.actors.resolve("Trump")
        curation.hide(baghdad)
        curation.rename(trump, "President Trump")
        recluster(own_seeds, engine.actors)
        assert "Baghdad" not in {a.name for a in engine.actors.list()}

        assert curation.undo() == "rename of 'Donald Trump' to 'President Trump'"
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Trump").name == "Donald Trump"
        hidden = engine.actors.resolve("Baghdad")
        assert hidden.hidden and hidden in engine.actors.list(hidden=True)

        curation.unhide(hidden)
        recluster(own_seeds, engine.actors)
        assert "Baghdad" in {a.name for a in engine.actors.list()}
        curation.undo()  # the unhide
        curation.undo()  # the hide
        with pytest.raises(NewsdeskError, match="no actor edit to undo"):
            curation.undo()
        assert load_dictionary(curation_path(own_seeds)) == []


def test_an_edit_keeps_what_another_process_wrote(own_seeds: Settings) -> None:
    """Hide from a stale copy after a merge made elsewhere: the merge survives."""
    with Engine(own_seeds) as engine:
        pompeo, us = engine.actors.resolve("Pompeo"), engine.actors.resolve("United States")
        Curation(curation_path(own_seeds)).merge(pompeo, us)  # "another process"
        Curation(curation_path(own_seeds)).hide(us)  # `us` read before the merge
        assert recluster_if_changed(own_seeds, engine.actors)
        assert not recluster_if_changed(own_seeds, engine.actors)
        assert engine.actors.resolve("Mike Pompeo").id == engine.actors.resolve("US").id
        assert engine.actors.resolve("US").hidden


def test_a_hand_broken_curation_is_named_and_never_written(own_seeds: Settings) -> None:
    path = curation_path(own_seeds)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("actors:\n  - name: A\n  - name: [B\n")
    with Engine(own_seeds) as engine, pytest.raises(NewsdeskError, match=f"{path}:4"):
        Curation(path).hide(engine.actors.resolve("Baghdad"))
    assert path.read_text() == "actors:\n  - name: A\n  - name: [B\n"
