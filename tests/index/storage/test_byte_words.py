"""A batch's words split as bytes (storage/byte_words.py) are analysis.WORD's words, text
by text, whatever mix of texts the batch has, across batches and when two words share a
hash."""

from __future__ import annotations

import random
import string

import numpy as np
import pytest

from newsdesk.index.analysis import WORD, word_regex
from newsdesk.index.storage import byte_words, term_ids

PIECES = ["U.S.", "end.The", "e.g.", "x.Ab@c.de", "3.5", "a.b", "Mr.Smith", "bbc.co.uk",
          "A.", ".Ab", "_x_", "x" * 15, "y" * 16, "z" * 17, "Telecommunications" * 2,
          "’", "£", "é", "Über", "\u00ad", "東京", "\n", "  ", "2.7.5", "A.B.c", "a.B"]


def _texts(rng: random.Random, count: int, ascii_only: bool) -> list[str]:
    alphabet = string.ascii_letters + string.digits + " .,_'\n"
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(PIECES) if rng.random() < 0.25 else rng.choice(alphabet)
                       for _ in range(rng.randrange(0, 80)))
        if ascii_only:
            text = text.encode("ascii", "ignore").decode()
        texts.append(text)
    return texts


def _words(vocabulary: term_ids.Vocabulary, tokens: term_ids.FieldTokens) -> list[list[str]]:
    assert tokens.forms is not None
    forms = [vocabulary.form_text[i] for i in tokens.forms.forms.tolist()]
    out, at = [], 0
    for count in tokens.forms.counts.tolist():
        out.append(forms[at:at + count])
        at += count
    return out


@pytest.mark.parametrize("ascii_only", [True, False])
def test_words_are_words_findall(ascii_only: bool) -> None:
    rng = random.Random(5)
    vocabulary = term_ids.Vocabulary()
    for _ in range(40):
        texts = _texts(rng, rng.randrange(1, 30), ascii_only)
        vocabulary.start_batch()
        tokens = vocabulary.tokens(texts, keep_forms=True)
        assert _words(vocabulary, tokens) == [word_regex(t).findall(t) for t in texts]
        # The indexed tokens: each document's in order, positions counted in it.
        assert int(tokens.lengths.sum()) == len(tokens.terms) == len(tokens.docs)


def test_which_texts_split_as_bytes() -> None:
    assert byte_words.splits_as_bytes("The U.S. envoy, 3.5 km")
    assert byte_words.splits_as_bytes("It’s £5 “now”")  # (no word character outside ASCII)
    for text in ("mail john@bbc.co.uk", "naïve", "Sole\u00adimani", "東京", "x\u00b2"):
        assert not byte_words.splits_as_bytes(text), text


def test_spans_are_words_of_ascii() -> None:
    rng = random.Random(11)
    alphabet = string.ascii_letters + string.digits + " ._,\n"
    for _ in range(2000):
        text = "".join(rng.choice(PIECES[:14]) if rng.random() < 0.2 else rng.choice(alphabet)
                       for _ in range(rng.randrange(0, 50)))
        if "@" in text:
            continue
        starts, ends = byte_words.spans(np.frombuffer(text.encode(), np.uint8))
        assert [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)] \
            == WORD.findall(text), repr(text)


def test_same_ids_across_batches_and_strings() -> None:
    vocabulary = term_ids.Vocabulary()
    vocabulary.start_batch()
    first = vocabulary.tokens(["naïve words here", "plain words here"], keep_forms=True)
    vocabulary.start_batch()
    second = vocabulary.tokens(["here plain naïve", "words"], keep_forms=True)
    assert first.forms is not None and second.forms is not None
    ids = dict(zip(_words(vocabulary, first)[0] + _words(vocabulary, first)[1],
                   first.forms.forms.tolist(), strict=True))
    again = dict(zip(sum(_words(vocabulary, second), []), second.forms.forms.tolist(),
                     strict=True))
    assert all(ids[word] == form for word, form in again.items())
    assert len(set(vocabulary.form_text)) == len(vocabulary.form_text)


def test_a_shared_hash_falls_back_to_the_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["alpha beta gamma", "beta delta", "", "epsilon.Zeta alpha"]
    expected = [WORD.findall(t) for t in texts]
    monkeypatch.setattr(byte_words, "mixed", lambda first, second: first * 0)
    vocabulary = term_ids.Vocabulary()
    vocabulary.start_batch()
    assert _words(vocabulary, vocabulary.tokens(texts, keep_forms=True)) == expected
    monkeypatch.undo()
    vocabulary.start_batch()  # (now by bytes, the forms already known by their strings)
    assert _words(vocabulary, vocabulary.tokens(texts, keep_forms=True)) == expected
    assert len(set(vocabulary.form_text)) == len(vocabulary.form_text)


def test_runs_of_bytes_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_ids, "BYTES_AT_ONCE", 40)
    rng = random.Random(3)
    texts = _texts(rng, 50, ascii_only=False)
    vocabulary = term_ids.Vocabulary()
    vocabulary.start_batch()
    assert _words(vocabulary, vocabulary.tokens(texts, keep_forms=True)) == \
        [word_regex(t).findall(t) for t in texts]


def test_a_combining_mark_keeps_its_text_off_the_byte_split() -> None:
    # "Zu\u0308rich" (NFD) is one word of analysis.word_regex: its bytes would make two.
    for text in ("Zu\u0308rich and more", "\u092e\u094b\u0926\u0940 said", "re\u0301sume\u0301"):
        assert not byte_words.splits_as_bytes(text), text
    assert byte_words.splits_as_bytes("Zurich \u2014 \u201cquoted\u201d")
