"""Latin letters with a stroke or bar (Đ, Ł, Ø, Ħ, Ŧ, Ð) and the dotless ı have no Unicode
decomposition, so NFKD kept them and "Łódź", "Wałęsa", "Ørsted" were not found by lodz,
walesa, orsted as English-language copy writes them. Generated words holding them, in any
case and with other accents, are found by their plain ASCII spelling and as written,
exactly where a regex over the text folded the same way finds them, each mark covering the
word; a quoted phrase of them is found and marked too."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator

import pytest

from newsdesk.index.engine import Engine
from newsdesk.index.folding import LETTERS_WITHOUT_DECOMPOSITION, fold
from tests.helpers.indexed import indexed_texts

STROKES = sorted(LETTERS_WITHOUT_DECOMPOSITION)
PLAIN = "abcdeghiklmnoprstuvwyz"
ACCENTED = "áéíóúüöäčšžćęąśź"


def _reference(text: str) -> str:
    """Lower case, accents dropped, stroke letters as their base letter: by hand, not by
    the code under test."""
    lower = text.lower()
    out = "".join(LETTERS_WITHOUT_DECOMPOSITION.get(c, c) for c in lower)
    decomposed = unicodedata.normalize("NFKD", out)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word(rng: random.Random) -> str:
    letters = [rng.choice(PLAIN) for _ in range(rng.randint(5, 9))]
    for _ in range(rng.randint(1, 2)):
        letters[rng.randrange(len(letters))] = rng.choice(STROKES)
    if rng.random() < 0.5:
        letters[rng.randrange(len(letters))] = rng.choice(ACCENTED)
    word = "".join(letters)
    return word.capitalize() if rng.random() < 0.5 else word


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Engine, dict[str, str], list[str]]]:
    rng = random.Random(20261206)
    words = list(dict.fromkeys(_word(rng) for _ in range(30)))
    filler = ["the", "minister", "said", "in", "a", "statement", "on", "monday"]
    texts = {}
    for i in range(40):
        pieces = [rng.choice(words + filler * 3) for _ in range(rng.randint(12, 25))]
        texts[f"s{i}"] = " ".join(w.upper() if rng.random() < 0.1 else w for w in pieces) + "."
    texts["pair"] = f"Then {words[0]} {words[1]} spoke."
    # Other forms of their stems: a quoted phrase's texts are then read for the forms
    # written (Engine._confirmed, highlight.holds).
    texts["forms"] = f"The {words[0]}s and {words[1]}s, {words[0]}s {words[1]}s."
    folder = tmp_path_factory.mktemp("strokes")
    with Engine(indexed_texts(folder, texts)) as built:
        yield built, texts, words


def _expected(texts: dict[str, str], word: str) -> set[str]:
    wanted = re.compile(rf"(?<!\w){re.escape(_reference(word))}(?!\w)")
    return {k for k, t in texts.items() if wanted.search(_reference(t))}


def test_fold_gives_the_base_letter_one_for_one() -> None:
    for letter, base in LETTERS_WITHOUT_DECOMPOSITION.items():
        assert fold(letter) == base and fold(letter.upper()) == base
        assert len(fold(f"x{letter}y")) == 3
    assert [fold(w) for w in ("Łódź", "Wałęsa", "Ørsted", "ĐUKIĆ", "İstanbul")] == \
        ["lodz", "walesa", "orsted", "dukic", "istanbul"]


def test_each_word_is_found_by_its_plain_spelling_and_as_written(
        corpus: tuple[Engine, dict[str, str], list[str]]) -> None:
    engine, texts, words = corpus
    searched = 0
    for word in words:
        expected = _expected(texts, word)
        for query in (word, _reference(word), word.upper()):
            found = engine.search(query, limit=100)
            # (Unquoted, a word is stemmed: "forms" holds its plural, found too.)
            assert {h.id for h in found.hits} - {"forms"} == expected - {"forms"}, \
                (query, found.notes)
            for hit in found.hits:
                assert hit.spans
                for start, end in hit.spans:
                    assert _reference(texts[hit.id][start:end]).removesuffix("s") == \
                        _reference(word).removesuffix("s")
        searched += bool(expected)
    assert searched >= len(words) // 2


def test_a_quoted_phrase_of_them_is_found_and_marked(
        corpus: tuple[Engine, dict[str, str], list[str]]) -> None:
    engine, texts, words = corpus
    a, b = words[:2]  # (side by side in the article "pair", maybe in others)
    phrase = f'"{_reference(a)} {_reference(b)}"'
    pattern = re.compile(rf"(?<!\w){re.escape(_reference(a))}\s+{re.escape(_reference(b))}(?!\w)")
    expected = {k for k, t in texts.items() if pattern.search(_reference(t))}
    found = engine.search(phrase, limit=100)
    assert {h.id for h in found.hits} == expected, found.notes
    assert all(h.spans for h in found.hits)
