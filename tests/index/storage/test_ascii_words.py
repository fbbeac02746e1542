"""The writer's regex for texts all in ASCII (storage/term_ids.py) finds the words
analysis.WORD finds."""

from __future__ import annotations

import random
import string

from newsdesk.index.analysis import WORD
from newsdesk.index.storage import term_ids


def test_ascii_words_are_the_words() -> None:
    assert term_ids._ASCII_WORD.pattern == WORD.pattern
    rng = random.Random(9)
    alphabet = string.printable + "..@@__"
    pieces = ["U.S.", "end.The", "e.g.", "x.Ab@c.de", "3.5", "John.Smith@bbc.co.uk", "a.b"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.2 else rng.choice(alphabet)
                       for _ in range(rng.randrange(1, 60)))
        assert text.isascii()
        assert term_ids._ASCII_WORD.findall(text) == WORD.findall(text), repr(text)


def test_form_ids_of_ascii_and_other_texts() -> None:
    vocabulary = term_ids.Vocabulary()
    for text in ("Mr.Smith met the U.S. envoy.", "Ünal met the U.S. envoy.", "naïve.Über"):
        ids = vocabulary.form_ids(text)
        assert [vocabulary.form_text[i] for i in ids] == WORD.findall(text)
