"""What a query's note says about what it did not search is true: punctuation has no word
("'", "\\\\" were "too common to be indexed"), a letter alone is too short, a stop word too
common, and `word^5` (a boost elsewhere) searches the word and says boosts are not
supported, where it searched for "5" and called it "too common"."""

from __future__ import annotations

import random
import string

import pytest

from newsdesk.index.analysis import STOP_WORDS
from newsdesk.index.engine import Engine
from newsdesk.index.models import QueryError

PUNCTUATION = [c for c in string.punctuation if c not in "\"()*?~:-^+"]


def _notes(engine: Engine, query: str) -> list[str] | None:
    try:
        return engine.search(query, limit=3).notes
    except QueryError:  # a query the language refuses says so itself
        return None


@pytest.mark.parametrize("seed", range(30))
def test_punctuation_alone_has_no_word(seed_engine: Engine, seed: int) -> None:
    rng = random.Random(seed)
    query = "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 3)))
    notes = _notes(seed_engine, query)
    if notes is None:
        return
    assert not any("too common" in n for n in notes), (query, notes)
    assert any("has no letter or digit" in n for n in notes), (query, notes)


@pytest.mark.parametrize("word", sorted(STOP_WORDS))
def test_stop_words_are_too_common(seed_engine: Engine, word: str) -> None:
    notes = _notes(seed_engine, f"{word} soleimani")
    assert notes is not None
    assert any(f"'{word}' is too common to be indexed" in n for n in notes), notes


@pytest.mark.parametrize("letter", list("bxz7") + ["é"])
def test_a_letter_alone_is_too_short(seed_engine: Engine, letter: str) -> None:
    notes = _notes(seed_engine, f"{letter} soleimani")
    assert notes is not None
    assert any(f"'{letter}' is too short to be indexed" in n for n in notes), notes
    assert not any("too common" in n for n in notes)


@pytest.mark.parametrize("boost", ["^5", "^2", "^0.5", "^10", "^"])
@pytest.mark.parametrize("word", ["soleimani", "pompeo", "Baghdad", "strikes"])
def test_a_boost_searches_the_word(seed_engine: Engine, word: str, boost: str) -> None:
    plain = seed_engine.search(word, limit=50)
    boosted = seed_engine.search(word + boost, limit=50)
    assert [h.id for h in boosted.hits] == [h.id for h in plain.hits]
    assert [h.spans for h in boosted.hits] == [h.spans for h in plain.hits]
    assert any("boosts (^) are not supported" in n and n.endswith(f"searched for {word}")
               for n in boosted.notes), boosted.notes
    assert not any("too common" in n for n in boosted.notes)
