"""The fast paths of the name functions (issue 24's cost) give what their plain forms gave:
`name_key` (ASCII names without the translate table, one-word keys without the
substitution) and `translit` (steps looked for first, one pass over runs of a letter) are
compared with the code they replaced on every capitalised run of the seeds and of a sample
of the shared corpora, and on made-up words built to catch the shortcuts out."""

from __future__ import annotations

import random
import re

from newsdesk.index.actors.names import name_key, skeleton, translit, translit_words
from newsdesk.index.folding import fold
from tests.index.actors.test_extraction_speedups import ARTICLES, TRICKY

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "‐": "-", "‑": "-"})


def _plain_name_key(surface: str) -> str:
    text = surface.translate(_APOSTROPHES)
    if "'" in text:
        text = re.sub(r"'[sS]?$", "", text)
    text = text.replace(".", "")
    if "'" in text:
        text = re.sub(r"(?<=\w)'(?=\w)", "", text)
    return re.sub(r"[^\w]+", " ", fold(text)).strip()


def _plain_translit(word: str) -> str:
    t = word.replace("ph", "f").replace("kh", "k").replace("q", "k").replace("ck", "k")
    t = re.sub(r"c(?!h)", "k", t)
    t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("dh", "d")
    t = t.translate(str.maketrans("eoyw", "iuiu"))
    t = re.sub(r"([^aiu])\1+", r"\1", t)
    return re.sub(r"([iu])\1+", r"\1", t)


def _made_up(letters: str, count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(letters) for _ in range(rnd.randint(0, 9)))
            for _ in range(count)]


def _surfaces() -> list[str]:
    runs = set(TRICKY)
    for _, title, text in ARTICLES:
        runs.update(re.findall(r"[A-Z][\w'’.`‐-]*(?: [A-Z][\w'’.`‐-]*)*", f"{title}\n{text}"))
    runs.update(_made_up("aAzZ '’`‐-._ÉéİıßǅＡ1\t²", 20_000, 1))
    return sorted(runs)


def test_name_key_is_the_plain_normal_form() -> None:
    for surface in _surfaces():
        assert name_key.__wrapped__(surface) == _plain_name_key(surface), surface


def test_translit_is_the_plain_respelling() -> None:
    words = {w for s in _surfaces() for w in _plain_name_key(s).split()}
    words.update(_made_up("aaeiouuyqwckhphdcsl1_éç", 20_000, 2))
    for word in sorted(words):
        assert translit.__wrapped__(word) == _plain_translit(word), word
        assert skeleton.__wrapped__(word) == re.sub(r"[aiu]+", "", _plain_translit(word))


def test_translit_words_respells_each_word_as_translit_does() -> None:
    """Respelt in one pass, joined: no letter's neighbours across a word's end (a doubled
    letter, "c" before an "h"), no empty item, change a word's form."""
    words = sorted({w for s in _surfaces() for w in _plain_name_key(s).split()}
                   | set(_made_up("aaeiouuyqwckhphdcsl1_éç", 5_000, 3)) - {""})
    words += ["ss", "s", "c", "h", "cc", "hh", "ee", "e", "o", "ou", "k", "kh", "ph"]
    rnd = random.Random(4)
    items: list[tuple[str, ...]] = [(), ("c",), ("h",), ("s",), ("s", "s"), ("c", "h"), ()]
    while words:
        size = rnd.randint(0, 4)
        items.append(tuple(words[:size]))
        del words[:size]
    assert translit_words(items) == [tuple(map(translit.__wrapped__, w)) for w in items]
    assert translit_words([]) == [] and translit_words([()]) == [()]
