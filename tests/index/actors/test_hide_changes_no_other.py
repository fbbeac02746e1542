"""Hiding an actor changes no other actor: a hide (merge, rename) writes one spelling of
each of the actor's own name keys (curation.own_spellings), never a spelling it holds under
another actor's key ("Agriculture Department", said of the U.S. department on Reuters, is
another body's key too) nor a headline's capitals ("AMERICAN", which the rules would read
as an acronym)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.index.actors.curation import own_spellings
from newsdesk.index.actors.editing import apply
from newsdesk.index.actors.table import settings_dictionaries, settings_stamp
from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Actor

REUTERS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora" / "reuters-21578.jsonl"


def _actor(aliases: list[tuple[str, int]]) -> Actor:
    return Actor(1, aliases[0][0], "country", None, 10, sum(n for _, n in aliases), aliases)


def test_one_spelling_of_each_own_key() -> None:
    us = _actor([("U.S.", 120), ("American", 40), ("AMERICAN", 45), ("Agriculture Department", 9),
                 ("US", 3)])
    names = [s for s, _ in own_spellings(us, ["us", "american", "^later us"]).aliases]
    # (US and U.S. are one key, in capitals: its most mentioned; of "american" not the
    # headline's capitals, though more mentioned; no spelling of a key not the actor's, nor
    # of a sentence's first word's candidate, which follows its names)
    assert names == ["U.S.", "American"]
    # Capitals most of a key's mentions: an acronym, written so.
    assert [s for s, _ in own_spellings(_actor([("NATO", 9), ("Nato", 2)]), ["nato"]).aliases] \
        == ["NATO"]
    # A key none of whose spellings is its own (a body the article's country qualifies).
    usda = _actor([("U.S. Agriculture Department", 20), ("Agriculture Department", 5)])
    assert [s for s, _ in own_spellings(usda, ["us agriculture department",
                                                "united states department of agriculture"]
                                        ).aliases] == ["U.S. Agriculture Department",
                                                       "united states department of agriculture"]


def _listing(engine: Engine) -> set[tuple]:
    return {(a.name, a.type, a.articles, a.mentions, tuple(sorted(a.aliases)))
            for a in engine.actors.list(hidden=False, places=None)}


def _hides_change_no_other(settings: Settings, top: int) -> None:
    """Each of the top actors hidden in turn (and the hide undone): the table rebuilt from
    the dictionaries, as the rules read them, is the one before but for the hidden actor.
    (Rebuilt, not patched: what is checked is the hide the rules read.)"""
    with Engine(settings) as engine:
        table = engine.actors

        def rebuilt() -> set[tuple]:
            table.rebuild(settings_dictionaries(settings), settings_stamp(settings))
            return _listing(engine)

        before = rebuilt()
        shown = table.list(places=False, limit=top)
        assert len(shown) == top
        for actor in shown:
            apply(settings, table, "hide", actor)
            after = rebuilt()
            hidden = [a for a in table.list(only_hidden=True) if a.name == actor.name]
            assert [(a.articles, sorted(a.aliases)) for a in hidden] == \
                [(actor.articles, sorted(actor.aliases))], actor.name
            apply(settings, table, "undo", None)
            others = {x for x in before if x[0] != actor.name}
            assert {x for x in after if x[0] != actor.name} == others, actor.name
        assert rebuilt() == before


def test_hiding_a_top_actor_of_the_seeds_changes_no_other(app_settings: Settings) -> None:
    Indexer(app_settings).run()
    _hides_change_no_other(app_settings, 12)


@pytest.mark.slow
def test_hiding_a_top_actor_of_reuters_changes_no_other(tmp_path: Path) -> None:
    if not REUTERS.exists():
        pytest.skip("no Reuters corpus beside the checkout")
    corpus = tmp_path / "reuters"
    corpus.mkdir()
    shutil.copy(REUTERS, corpus / REUTERS.name)
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    Indexer(settings).run()
    _hides_change_no_other(settings, 20)
