"""Issue 23, a stranger's search defects: the word being typed stays a prefix under filters,
the word as typed ranks first among the words it begins, a field name with no value, a
proximity with no number, and dup: of an id no article has, each said plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import IncompleteQuery, QueryError
from newsdesk.index.query.language import parse, typed_prefix, with_filters


def ids(engine: Engine, query: str, **kwargs: object) -> list[str]:
    return sorted(h.id for h in engine.search(query, limit=50, **kwargs).hits)


def test_the_word_being_typed_is_a_prefix_whatever_the_filters(seed_engine: Engine) -> None:
    for clauses in (['source:"Arab News"'], ['source:"Arab News"', '-source:"Reuters"']):
        typed = with_filters("iranian solei", clauses)
        results = seed_engine.search(typed, typing=True)
        assert results.prefix == "solei", typed
        assert ids(seed_engine, typed, typing=True) == ids(
            seed_engine, with_filters("iranian soleimani", clauses))
        assert results.hits
    # A group the user closed, a finished word: no prefix, filters or not.
    for box in ("(iran OR solei)", "solei "):
        query = with_filters(box, ['source:"Arab News"'])
        node = parse(query)
        assert node is not None and typed_prefix(node, query) is None, query


@pytest.fixture
def corn_engine(corpus_dir: Path, corpus_settings: Settings) -> Engine:
    """Corn in long stories, the words it begins (rarer, so scoring higher) in short titles."""
    filler = " ".join(f"word{i}" for i in range(120))
    rows = [{"id": f"corn{i}", "title": f"Growers report {i}",
             "text": f"The corn harvest {filler} corn."} for i in range(4)]
    rows += [{"id": "cornea", "title": "Cornea product", "text": "A lens for the eye."},
             {"id": "cornucopia", "title": "Cornucopia Resources", "text": "A miner."},
             {"id": "other", "title": "Wheat", "text": "wheat " * 3}]
    with open(corpus_dir / "wire.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({**row, "date": "2020-01-02"}) + "\n")
    Indexer(corpus_settings).run()
    engine = Engine(corpus_settings)
    yield engine
    engine.close()


def test_the_word_as_typed_ranks_as_for_the_exact_word(corn_engine: Engine) -> None:
    exact = [h.id for h in corn_engine.search("corn", limit=10).hits]
    typed = corn_engine.search("corn", limit=10, typing=True)
    assert typed.prefix == "corn"
    order = [h.id for h in typed.hits]
    assert order[:len(exact)] == exact  # the words it begins come after
    assert set(order[len(exact):]) == {"cornea", "cornucopia"}
    # Not a whole word ("corne" stems to corn by chance): all weigh alike, as before.
    assert corn_engine.search("corne", limit=10, typing=True).hits[0].id == "cornea"


@pytest.mark.parametrize("field", ["title", "source", "date", "tag", "id", "is", "dup"])
def test_a_field_name_with_no_value_says_so(seed_engine: Engine, field: str) -> None:
    for query in (f"{field}:", f"iran {field}:"):
        with pytest.raises(IncompleteQuery) as typing:
            seed_engine.search(query, typing=True)
        assert typing.value.hint == f"{field}: needs a value"
        with pytest.raises(QueryError, match=f"'{field}:' needs a value"):
            seed_engine.search(query)
    with pytest.raises(QueryError, match="right after the colon") as spaced:
        seed_engine.search(f"{field}: iran")
    assert spaced.value.column == 1
    assert seed_engine.search("note: iran").total == seed_engine.search("note iran").total


@pytest.mark.parametrize(("query", "column"), [('"oil"~x', 7), ('"oil price"~5x', 14),
                                               ('iran "oil"~x', 12)])
def test_a_proximity_needs_a_number(query: str, column: int) -> None:
    with pytest.raises(QueryError, match="proximity needs a number") as error:
        parse(query)
    assert error.value.column == column
    assert parse('"oil"~3 iran') is not None and parse('("oil"~)') is not None


def test_dup_of_an_id_no_article_has_says_so(seed_engine: Engine) -> None:
    results = seed_engine.search("dup:nonexistent")
    assert results.total == 0
    assert "no article has the id \"nonexistent\"" in results.notes
    some = seed_engine.search("iran", limit=1).hits[0].id
    assert not any("no article" in n for n in seed_engine.search(f"dup:{some}").notes)
