"""A capitalised word that is no name's, run into a person's full name, left in the name:
"former secretary of State Colin Powell" made the alias "State Colin Powell", "moderate
Muslim Hamid Karzai" the alias "Muslim Hamid Karzai". On generated names and words, both
ways: after prose (a lower-case word) with the surname alone elsewhere, and after a
lower-case title and "of", the word is cut; after "the", with no evidence, or before a
word that is no given name, the run stays whole."""

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


def test_a_capitalised_word_after_prose_is_cut_from_the_full_name_it_precedes() -> None:
    for word, given, surname in _cases(11):
        full = f"{given} {surname}".lower()
        text = (f"The council was headed by moderate {word} {given} {surname}, the envoys "
                f"said. The appointment of {surname}, a tribal leader, was welcomed.")
        found = _keys(text)
        assert full in found and f"{word} {given} {surname}".lower() not in found, found
        # A word of kinship starts an Arabic name: "Abu Mahdi al-Muhandis".
        kin = text.replace(f"moderate {word}", "moderate Abu")
        assert f"abu {given} {surname}".lower() in _keys(kin), _keys(kin)
        # After "the" the word may be the name's own start ("the San Jose Sharks").
        text = text.replace("by moderate", "by the")
        assert f"{word} {given} {surname}".lower() in _keys(text)
        # No evidence: the surname never stands alone.
        text = (f"The council was headed by moderate {word} {given} {surname}, the envoys "
                f"said. The appointment was welcomed.")
        assert f"{word} {given} {surname}".lower() in _keys(text)
        # The whole run written again is no evidence: "the now-disbanded Sigma Alpha
        # Epsilon chapter ... cut ties with Sigma Alpha Epsilon" is a name.
        text = (f"Members of the disbanded {word} {given} {surname} chapter left. The "
                f"university cut ties with {word} {given} {surname}, as did others.")
        assert _keys(text).count(f"{word} {given} {surname}".lower()) == 2, _keys(text)


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
