"""A batch gives the words of the forms met first in it; those of forms met in an earlier
batch were given then: the words given over a run are every word indexed, and after
`give_all_words` (a store started again) or a vocabulary started again, all of a batch's."""

from __future__ import annotations

import pytest

from newsdesk.index.analysis import words as analysed_words
from newsdesk.index.storage import term_ids
from newsdesk.index.storage.term_ids import Vocabulary

BATCHES = [
    ["The Prime Minister said", "Oil prices rose in the U.S. market"],
    ["the prime minister SAID again", "New words: Straße, İstanbul"],
    ["prime minister said, prices", "Nothing"],
]


def _given(vocabulary: Vocabulary, texts: list[str]) -> set[str]:
    vocabulary.start_batch()
    words: set[str] = set()
    vocabulary.tokens(texts, words)
    return words


def _all(texts: list[str]) -> set[str]:
    return {word for text in texts for word, _, _ in analysed_words(text)}


def test_each_word_is_given_once_and_all_of_them_are() -> None:
    vocabulary = Vocabulary()
    given = [_given(vocabulary, texts) for texts in BATCHES]
    assert given[0] == _all(BATCHES[0])
    assert set().union(*given) == _all([t for texts in BATCHES for t in texts])
    assert "straße" in given[1]
    assert given[2] == {"nothing"}  # every other form was met before
    vocabulary.give_all_words()
    assert _given(vocabulary, BATCHES[2]) == _all(BATCHES[2])
    assert _given(vocabulary, BATCHES[2]) == set()  # (once)


def test_a_vocabulary_started_again_gives_all_words(monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = Vocabulary()
    _given(vocabulary, BATCHES[0])
    monkeypatch.setattr(term_ids, "MAX_FORMS", 1)
    assert _given(vocabulary, BATCHES[0]) == _all(BATCHES[0])


def _terms_and_positions(vocabulary: Vocabulary, texts: list[str]) -> list[tuple[str, int, int]]:
    tokens = vocabulary.tokens(texts)
    return [(vocabulary.term_text[t], d, p) for t, d, p in
            zip(tokens.terms.tolist(), tokens.docs.tolist(), tokens.positions.tolist(),
                strict=True)]


def test_a_start_over_keeps_the_forms_met_often_and_tokens_as_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Zorbak said the market rose; the market fell", "Quillon and Zorbak said so"]
    fresh = _terms_and_positions(Vocabulary(), texts)
    vocabulary = Vocabulary()
    monkeypatch.setattr(term_ids, "MAX_FORMS", 8)  # (9 forms: starts over, keeps 4 at most)
    vocabulary.start_batch()
    assert _terms_and_positions(vocabulary, texts) == fresh
    generation = vocabulary.generation
    analysed: list[str] = []
    original = term_ids.analysed

    def counted(form: str) -> tuple[str, str] | None:
        analysed.append(form)
        return original(form)

    monkeypatch.setattr(term_ids, "analysed", counted)
    vocabulary.start_batch()
    assert vocabulary.generation == generation + 1
    # Met twice or more: Zorbak, said, the, market; the rest once.
    assert sorted(vocabulary.form_text) == ["Zorbak", "market", "said", "the"]
    assert _terms_and_positions(vocabulary, texts) == fresh
    assert sorted(analysed) == ["Quillon", "and", "fell", "rose", "so"]
