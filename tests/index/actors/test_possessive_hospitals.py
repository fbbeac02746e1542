"""A hospital's or a school's name holding a common noun's possessive is one name
("Brigham and Women's Hospital", "Children's Hospital"), as a firm's is ("Moody's Investors
Service Inc"); a firm's, a city's or a university's possessive before a body of its own is
not ("Microsoft's Media Center", "Penn's Abramson Cancer Center")."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def test_a_common_nouns_possessive_inside_a_hospitals_name() -> None:
    for owner, head in itertools.product(("Brigham and Women", "Children", "Women"),
                                         ("Hospital", "Clinic", "College", "Cancer Center")):
        name = f"{owner}'s {head}"
        text = f"Doctors at {name} in Boston said so. Many women and children were seen."
        key = name.lower().replace("'", "")
        assert key in _keys(text), (name, _keys(text))


def test_a_bodys_possessive_before_a_body_of_its_own_stays_apart() -> None:
    for owner, body in (("Microsoft", "Media Center"), ("Penn", "Abramson Cancer Center"),
                        ("Philadelphia", "Fox Chase Cancer Center")):
        text = f"Doctors at {owner}'s {body} said so. Women and children were seen."
        assert not any(k.startswith(owner.lower() + "s ") for k in _keys(text)), _keys(text)
