"""An outlet's initials join the one outlet they spell, both cued as outlets
(outlet_initials.py): "HT" and "Hindustan Times" were two entries on Indian news; and a
police force is a government body ("Dhaka Metropolitan Police" was `other`)."""

from __future__ import annotations

from tests.index.actors.test_given_person import _types


def test_an_outlets_initials_join_the_outlet_they_spell() -> None:
    texts = ["The minister told HT on Monday that talks went well.",
             "Officials told HT the plan was ready. HT had reported it first.",
             "In an interview with the Harbour Tribune, the minister said more.",
             "According to the Harbour Tribune, the talks ended."]
    types = _types(texts)
    assert "HT" not in types and types.get("Harbour Tribune") == "media", types
    # A second outlet of those initials: neither is its reading.
    both = _types([*texts, "The Hill Telegraph reported it. According to the Hill Telegraph, "
                           "it was so."])
    assert "HT" in both, both


def test_a_police_force_is_a_government_body() -> None:
    types = _types(["Officers of the Dhaka Metropolitan Police arrested two men.",
                    "The Dhaka Metropolitan Police said the roads were closed."])
    assert types.get("Dhaka Metropolitan Police") == "government", types
