"""A capitalised word that is no name's, run into a person's full name, left in the name:
"former secretary of State Colin Powell" made the alias "State Colin Powell". On generated
names and words, both ways: after a minister's or a secretary's title and "of" the
portfolio's word is cut; after a firm's head's title, or before a word that is no given
name, the run stays whole."""

from __future__ import annotations

import random

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
_GIVEN = ("Colin", "Hamid", "Maria", "Peter", "Ahmed", "Susan", "Daniel", "Laura")
_SYLLABLES = ("ka", "ro", "mi", "ten", "sul", "vak", "do", "ren", "bas", "ul", "zo", "lin")


def _cases(seed: int, n: int = 8) -> list[tuple[str, str, str]]:
    """(a capitalised word that is no name, a given name, a surname) no dictionary holds."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() + "ic"
        surname = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        if len(surname) >= 6:
            out.append((word, rng.choice(_GIVEN), surname))
    return out


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def test_a_posts_one_word_after_a_lower_case_title_and_of_is_cut_from_its_holder() -> None:
    for word, given, surname in _cases(12):
        text = (f"Three voted for former secretary of {word} {given} {surname} and one "
                f"for a write-in candidate.")
        found = _keys(text)
        assert f"{given} {surname}".lower() in found, found
        assert f"{word} {given} {surname}".lower() not in found
        # Not after a firm's head's title: "vice president of Morgan Stanley International".
        firm = text.replace("secretary", "vice president")
        assert f"{word} {given} {surname}".lower() in _keys(firm)
        # Not before a word that is no given name: "director of Harvard Kennedy School".
        other = surname[:3].capitalize() + "ove"
        text = text.replace(f"{given} {surname}", f"{other} {surname}")
        assert f"{word} {other} {surname}".lower() in _keys(text)
