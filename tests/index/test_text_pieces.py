"""One long article read a piece at a time (index/text_pieces.py): the segment writer's
tokens and the near-duplicates' word pairs are those of the whole text, and the memory the
reading holds is a piece's, not the text's (an article of 20 MB, the ingest's limit, held
300 MB in each at once)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import numpy as np
import pytest

from newsdesk.index import text_pieces
from newsdesk.index.dups import sketch
from newsdesk.index.storage.term_ids import Vocabulary
from tests.helpers import newswire


def _texts() -> list[str]:
    stories = [r["text"] for r in newswire.records(40)]
    return [*stories, "", "one", "Straße STRASSE  straße\u00a0ΣΊΣΥΦΟΣ " * 40,
            "x" * 3000, "U.S. officials e.mail@example.com I.B.M. " * 30, "\n".join(stories)]


def test_pieces_are_the_text_cut_after_whitespace() -> None:
    text = "\n".join(_texts())
    for size in (1, 7, 100, 5000):
        found = list(text_pieces.pieces(text, size))
        assert "".join(found) == text
        assert all(len(p) > size and p[-1].isspace() for p in found[:-1])
    assert list(text_pieces.pieces("x" * 50, 10)) == ["x" * 50]
    assert list(text_pieces.pieces("", 10)) == [""]


def test_a_long_texts_pairs_and_tokens_are_the_whole_texts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    whole_pairs = sketch.pairs_of(*sketch.word_hashes(texts))
    whole_vocabulary = Vocabulary()
    whole_tokens = whole_vocabulary.tokens(texts, set(), True)
    assert len(whole_pairs[0]) > 5000
    monkeypatch.setattr(text_pieces, "PIECE", 97)
    pairs = sketch.word_pairs(texts)
    for whole, found in zip(whole_pairs, pairs, strict=True):
        assert found.dtype == whole.dtype
    # The same offsets and distinct counts; each text's pairs the same, sorted; so the same
    # signatures.
    assert np.array_equal(pairs[1], whole_pairs[1]) and np.array_equal(pairs[2], whole_pairs[2])
    bounds = whole_pairs[1].astype(np.int64).tolist()
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        assert np.array_equal(pairs[0][start:end], np.sort(whole_pairs[0][start:end]))
    assert np.array_equal(sketch.signatures(*pairs[:2]), sketch.signatures(*whole_pairs[:2]))
    vocabulary = Vocabulary()
    tokens = vocabulary.tokens(texts, set(), True)
    # (The terms by their text: a vocabulary numbers them as it meets them, and the texts
    # split as bytes, storage/byte_words.py, meet them in another order than pieces do.)
    assert [vocabulary.term_text[i] for i in tokens.terms.tolist()] == \
        [whole_vocabulary.term_text[i] for i in whole_tokens.terms.tolist()]
    for name in ("docs", "positions", "lengths"):
        assert np.array_equal(getattr(tokens, name), getattr(whole_tokens, name)), name


def _peak(make: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        make()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("what", ["tokens", "pairs"])
def test_a_long_text_is_read_in_the_memory_of_a_piece(monkeypatch: pytest.MonkeyPatch,
                                                      what: str) -> None:
    """128,000 words (770 KB) of few distinct ones: their strings at once are 7-9 MB; a
    piece's of 64 KB and arrays of a few bytes a word stay under 5 MB."""
    text = " ".join([r["text"] for r in newswire.records(8)] * 160)
    assert len(text.split()) > 100_000
    make = (lambda: Vocabulary().tokens([text], set(), True)) if what == "tokens" else \
        (lambda: sketch.word_pairs([text]))
    bound = 5_000_000
    monkeypatch.setattr(text_pieces, "PIECE", 1 << 16)
    assert _peak(make) < bound
    monkeypatch.setattr(text_pieces, "PIECE", 1 << 30)  # (the whole text at once)
    assert _peak(make) > bound
