"""A body's site ("the X Embassy Compound") and a body named by its city ("the Paris
Embassy"), resolved within one article (index/actors/sites.py): made-up names, each rule
tried both ways."""

from __future__ import annotations

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def test_a_facility_noun_after_a_bodys_name_is_the_body() -> None:
    found = keys("Troops guarded the Vennish Ministry Compound.")
    assert "vennish ministry" in found and "vennish ministry compound" not in found
    # After no body's name (no head noun of a body, no dictionary's body): a name of its own.
    assert "varnel complex" in keys("Crowds filled the Varnel Complex on Sunday.")
    assert "london complex" in keys("Crowds filled the London Complex on Sunday.")  # a place's


def test_a_citys_body_is_the_one_the_article_places_in_that_city() -> None:
    text = ("The Vennish Embassy in Paris said it was safe. Later protesters stormed the "
            "Paris Embassy Compound.")
    assert keys(text).count("vennish embassy") == 2
    assert "paris embassy" not in keys(text)
    # Two countries' embassies in that city: no one reading.
    text = ("The Vennish Embassy in Paris and the Tolan Embassy in Paris closed. Crowds "
            "gathered at the Paris Embassy.")
    assert "paris embassy" in keys(text)
    # Another city's: stays.
    text = "The Vennish Embassy in Paris said it was safe. The London Embassy did not."
    assert "london embassy" in keys(text) and "vennish embassy" in keys(text)
    # Not across articles: alone, the Paris Embassy is the Paris Embassy.
    assert "paris embassy" in keys("Crowds gathered at the Paris Embassy.")
