"""Issue 23, a stranger's search defects: the word being typed stays a prefix under filters,
the word as typed ranks first among the words it begins, a field name with no value, a
proximity with no number, and dup: of an id no article has, each said plainly."""

from __future__ import annotations

from newsdesk.index.engine import Engine
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
