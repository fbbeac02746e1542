"""A post's place before its holder, after "from" and "of" too and where no dictionary has
the place (posts.holder_cut): Wikinews 2019-20 had "Vermont Bernie Sanders" ("Senator from
Vermont Bernie Sanders"), "Minnesota Amy Klobuchar", "House Nancy Pelosi". Generated
places and holders no dictionary knows, in generated sentences; and the near cases left
whole."""

from __future__ import annotations

import itertools

from tests.index.actors.test_precision_rules import keys

PLACES = ("Varnelia", "North Tarlow", "East Dunmore Valley")
HOLDERS = ("Bernie Sandrow", "Amy Klobek", "Joe B. Manchet")
OFFICES = ("Senator", "Governor", "ambassador", "Representative")


def _key(name: str) -> str:
    return name.lower().replace(".", "")


def test_the_place_after_from_is_cut_from_the_holder() -> None:
    for place, holder, office in itertools.product(PLACES, HOLDERS, OFFICES):
        text = f"Yesterday the {office} from {place} {holder} won the vote in Ohio."
        found = keys(text)
        assert _key(holder) in found and _key(place) in found, (text, found)


def test_after_of_to_or_for_the_holder_is_cut_where_the_article_names_him_again() -> None:
    for place, holder, (office, prep) in itertools.product(
            PLACES, HOLDERS, (("governor", "of"), ("Speaker", "of the"), ("envoy", "to"),
                              ("Minister", "for"))):
        surname = holder.split()[-1]
        text = f"Yesterday the {office} {prep} {place} {holder} spoke. {surname} said so."
        found = keys(text)
        assert _key(holder) in found and _key(place) in found, (text, found)
        # Named once: no sign the last two words are a person's ("chairman of Goldman
        # Sachs Asset Management"): left whole.
        once = f"Yesterday the {office} {prep} {place} {holder} spoke in Ohio."
        assert _key(holder) not in keys(once), once


def test_an_organisation_after_a_post_stays_whole() -> None:
    assert "goldman sachs asset management" in keys(
        "Then the chairman of Goldman Sachs Asset Management said so.")
    # A demonym heads no holder's name.
    assert "royal dutch shell" in keys("Then the chairman of Royal Dutch Shell spoke. Shell "
                                       "rose.")


def test_a_surname_ending_another_name_is_no_sign_of_the_holder() -> None:
    # Seeds: "Colonel of the Guards Shahroud Mozaffari Nia" beside "Hussein Jafari Nia": the
    # second "Nia" ends another man's name, and says nothing of where the first splits.
    for place, holder in itertools.product(PLACES, HOLDERS):
        surname = holder.split()[-1]
        text = (f"Yesterday the envoy to {place} {holder} spoke. Later Colonel Rami Tavor "
                f"{surname} spoke in Ohio.")
        assert _key(holder) not in keys(text), text
