"""Stop words are not indexed: a query says which of its words it did not search for,
instead of silently turning "to say" into "say" and "to be" into nothing."""

from __future__ import annotations

import pytest

from newsdesk.index.engine import Engine


@pytest.mark.parametrize(("query", "said"), [
    ('"to say"', '"to say": searched without to'),
    ('"war on the"', '"war on the": searched without on, the'),
    ('"to be"', '"to be": every word is too common to be indexed; not searched'),
    ("the", "'the' is too common to be indexed; not searched"),
    ('title:"of the"', '"of the": every word is too common'),
])
def test_what_was_left_out_is_said(seed_engine: Engine, query: str, said: str) -> None:
    results = seed_engine.search(query)
    assert any(note.startswith(said) for note in results.notes), results.notes


def test_a_phrase_with_a_stop_word_still_finds_the_rest(seed_engine: Engine) -> None:
    with_stop = seed_engine.search('"strike on"')
    assert with_stop.total == seed_engine.search("strike").total > 0
    assert not seed_engine.search("soleimani").notes
    assert seed_engine.search('"to be"').total == 0


@pytest.mark.parametrize("query", ["-the", "NOT the", "-the -and", 'NOT "of the"'])
def test_not_of_only_stop_words_is_every_article(seed_engine: Engine, query: str) -> None:
    """NOT of a word no article has is every article; NOT of a stop word (not searched) was
    no article at all, while "oil -the" was oil's hits."""
    results = seed_engine.search(query)
    assert results.total == seed_engine.doc_count > 0
    assert any("too common to be indexed" in note for note in results.notes), results.notes
    assert seed_engine.search("strike -the").total == seed_engine.search("strike").total > 0
