"""whole_word_starts gives the matches of the `\\bword\\b` pattern it stands in for."""

from __future__ import annotations

import random
import re

import pytest

from newsdesk.index.actors.whole_words import whole_word_starts

_PIECES = ["Nia", "nia", "Nia-Nia", "aa", "a", "_", "-", "'", "’", " ", ".", "é", "É", "ß",
           "٣", "2", "Mr. ", "B.", "\n"]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 12)))


@pytest.mark.parametrize("seed", range(20))
def test_the_pattern_s_matches(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text, word = _random_text(rng), _random_text(rng).strip() or "a"
        pattern = re.compile(r"\b" + re.escape(word) + r"\b")
        assert list(whole_word_starts(text, word)) == [m.start() for m in
                                                         pattern.finditer(text)]
        # Overlapping: every start the pattern matches at, tried at each offset.
        every = [i for i in range(len(text)) if pattern.match(text, i)]
        assert list(whole_word_starts(text, word, overlapping=True)) == every


def test_overlapping_whole_words() -> None:
    text = "aa-aa-aa"
    assert list(whole_word_starts(text, "aa-aa")) == [0]
    assert list(whole_word_starts(text, "aa-aa", overlapping=True)) == [0, 3]
