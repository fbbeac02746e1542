"""A place's dotted initials join the one place the corpus names that they spell
(place_initials.py)."""

from __future__ import annotations

from tests.index.actors.test_given_person import _types


def test_a_places_dotted_initials_join_the_one_place_they_spell() -> None:
    """"L.A." and "Los Angeles" were two places on an outside tester's arts news
    (place_initials.py); "N.J." with two places it may spell stays apart."""
    texts = ["Fans flew in from L.A. on Monday. The club moved to Lomar Anders in May.",
             "She lives in L.A. now and works in Lomar Anders.",
             "Back in LA the crowds were large. Lomar Anders was warm."]
    types = _types(texts)
    assert "L.A." not in types and types.get("Lomar Anders") == "location", types
    two = _types([*texts, "The tour went on to Lisbon Avenida and to Lisbon Avenida again.",
                  "In Lisbon Avenida, crowds gathered."])
    assert "L.A." in two, two


def test_initials_in_two_articles_stay_apart() -> None:
    """Reuters' "O.C. Davis", "F.W. Woolworth": a person's or a firm's initials, with a
    place's cue now and then ("from O.C. Davis"), in two articles each."""
    types = _types(["The post went from O.C. Davis to his deputy.",
                    "He took the title from O.C. Davis in May.",
                    "Sales rose in Orange County. Orange County was warm.",
                    "Homes in Orange County sold fast."])
    # (Read with their surname now: "O.C. Davis", a name of its own either way.)
    assert "O.C." in types or "O.C. Davis" in types, types
    assert types.get("Orange County") == "location", types
