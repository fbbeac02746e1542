"""`actor:NAME` where NAME is not the actor's own name (an alias, or an actor merged into
it) says which actor it is: after `actors merge Japan "United States"`, actor:Japan found
the United States' articles with no word (stranger4 F2). Each actor of the seeds merged
into another in turn: its old name is noted, its new owner's own name is not."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.table import Curation, curation_path, recluster
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.query.language import quoted


@pytest.fixture
def own_seeds(app_settings: Settings) -> Settings:
    Indexer(app_settings).run()
    return app_settings


def test_a_merged_name_says_whose_it_is_now(own_seeds: Settings) -> None:
    with Engine(own_seeds) as engine:
        curation = Curation(curation_path(own_seeds))
        names = [a.name for a in engine.actors.list(limit=8)]
        assert len(names) >= 4
        for source_name, target_name in zip(names[::2], names[1::2], strict=False):
            own = engine.search(f"actor:{quoted(source_name)}")
            assert own.notes == []  # its own name: nothing to say
            source = engine.actors.resolve(source_name)
            target = engine.actors.resolve(target_name)
            curation.merge(source, target)
            recluster(own_seeds, engine.actors)
            merged = engine.search(f"actor:{quoted(source_name)}")
            assert merged.total == engine.search(f"actor:{quoted(target_name)}").total
            assert merged.notes == [f"actor:{quoted(source_name)} is {target_name}: a name "
                                    "it goes by (an alias, or an actor merged into it)"]
            assert engine.search(f"actor:{quoted(target_name)}").notes == []
            curation.undo()
            recluster(own_seeds, engine.actors)
            assert engine.search(f"actor:{quoted(source_name)}").notes == []
