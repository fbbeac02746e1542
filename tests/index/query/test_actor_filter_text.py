"""`actor:` checked as a stranger checks it: on a generated corpus, random actors and places
are filtered by every name the pane shows for them, as listed and as a user types them (lower
case, capitals), and every hit's stored mention is found in the article's own text; no
article with a mention is left out."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.actors.extract import SENTENCE_FIRST
from newsdesk.index.actors.names import name_key
from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.folding import fold
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Actor
from tests.bench.actor_filter_check import stored_mentions
from tests.helpers.generated_engine import generated_engine

ARTICLES = 400
PICKED = 25  # actors and places drawn at random from those of 2 or more articles


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with generated_engine(tmp_path_factory.mktemp("actorfilter"), ARTICLES, seed=24) as opened:
        yield opened


def _picked(engine: Engine) -> list[Actor]:
    every = [a for a in engine.actors.list(None, "articles", None, places=None) if a.articles > 1]
    return random.Random(24).sample(every, min(PICKED, len(every)))


def _mentions(engine: Engine, actor: Actor) -> dict[str, list[tuple[int, int]]]:
    return stored_mentions(engine, actor.id)


def _typed(actor: Actor) -> list[str]:
    """The names a user filters by: canonical and each alias, as written, lower, capitals."""
    names = [actor.name, *(alias for alias, _ in actor.aliases)]
    return list(dict.fromkeys(n for name in names for n in (name, name.lower(), name.upper())))


def test_every_hit_of_every_name_mentions_the_actor_in_its_text(engine: Engine) -> None:
    picked = _picked(engine)
    assert len(picked) >= 10, "too few actors to check"
    checked = 0
    for actor in picked:
        expected = _mentions(engine, actor)
        forms = {fold(actor.name)} | {fold(alias) for alias, _ in actor.aliases}
        keys = set(engine.actors.keys_of(actor.id))
        for name in _typed(actor):
            meant = engine.actors.resolve(name)
            assert meant is not None, f"{name!r}, shown for {actor.name!r}, names no actor"
            if meant.id != actor.id:  # the name is another listed actor's own
                assert name_key(name) in engine.actors.keys_of(meant.id), (name, meant.name)
                continue
            hits = engine.ids(f'actor:"{name}"')
            assert len(hits) == len(set(hits))
            assert set(hits) == set(expected), f"actor:{name!r}"
            for article_id, text in ((a.id, a.text) for a in
                                     engine.store.articles(hits).values()):
                for start, end in expected[article_id]:
                    seen = text[start:end]
                    # (A sentence's first word's candidate, "^kilroy silk", is spelt as
                    # the name without the word: "Silk".)
                    assert fold(seen) in forms or name_key(seen) in keys or any(
                        k.startswith(SENTENCE_FIRST) and name_key(seen) ==
                        k[1:].partition(" ")[2] for k in keys), \
                        f"{article_id}: {seen!r} is no name of {actor.name!r}"
                checked += 1
    assert checked > 100


def test_a_shown_name_filters_alike_in_any_case(engine: Engine) -> None:
    """A surface kept only under a longer name's key (a lone surname in an article that also
    gives the full name, a plural demonym) finds its actor however the user types it."""
    with engine.actors._db() as db:
        keys = {k for (k,) in db.execute("SELECT key FROM actor_keys")}
        surfaces = [s for (s,) in db.execute("SELECT surface FROM actor_aliases "
                                             "ORDER BY n DESC, surface")
                    if name_key(s) not in keys and s.lower() != s]
    assert surfaces, "no surface kept under a longer key to check"
    for surface in surfaces[:20]:
        count = engine.count(f'actor:"{surface}"')
        assert count > 0
        for typed in (surface.lower(), surface.upper(), f"  {surface.lower()} "):
            assert engine.actors.resolve(typed).id == engine.actors.resolve(surface).id
            assert engine.count(f'actor:"{typed}"') == count, typed


def test_alias_of_no_ascii_letters_matches_without_its_accents(tmp_path: Path) -> None:
    """NOCASE folds ASCII only: a surface with accents is found by its key instead."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = ("Abu Mahdi al-Muhandís met officials in Baghdad on Monday. Later al-Muhandís "
            "said the talks went well, and Abu Mahdi al-Muhandís left for Tehran.")
    (corpus / "a.jsonl").write_text(
        f'{{"id": "a1", "title": "Talks", "text": "{text}"}}\n', encoding="utf-8")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    Indexer(settings).run()
    with Engine(settings) as opened:
        actor = opened.actors.resolve("Abu Mahdi al-Muhandís")
        assert actor is not None
        for alias, _ in actor.aliases:
            for typed in (alias, fold(alias), fold(alias).upper()):
                assert opened.actors.resolve(typed).id == actor.id, typed
                assert opened.ids(f'actor:"{typed}"') == ["a1"]
