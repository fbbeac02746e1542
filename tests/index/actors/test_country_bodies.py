"""A body's name many countries have ("Supreme Court", "National Assembly"), read as the
one country's its article names, and kept apart corpus-wide where several countries' are
named (index/actors/country_bodies.py, cluster.py): generated over several countries, body
names and ways of writing the country."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

COUNTRIES = [("Kuwait", "Kuwaiti"), ("Kenya", "Kenyan"), ("Nicaragua", "Nicaraguan"),
             ("Japan", "Japanese"), ("South Korea", "South Korean")]
BODIES = ["National Assembly", "Supreme Court", "Foreign Ministry", "Communist Party",
          "Electoral Commission"]
FORMS = ["{country}'s {body}", "the {demonym} {body}", "the {body} of {country}",
         "the {body} of the {country}"]


def keys(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.surface) for m in EXTRACTOR.extract("", text).mentions]


def country_key(name: str) -> str:
    return DICTIONARIES.alias[name_key(name)]


@pytest.mark.parametrize("country,demonym", COUNTRIES)
@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("form", FORMS)
def test_a_bare_body_is_the_one_countrys_its_article_names(
        country: str, demonym: str, body: str, form: str) -> None:
    named = form.format(country=country, demonym=demonym, body=body)
    found = keys(f"Officials said {named} met on Monday. Later the {body} voted on it.")
    bodies = [(k, s) for k, s in found if s.endswith(body) or s.startswith(body)]
    assert len(bodies) == 2, found
    (qualified, _), (bare, surface) = bodies
    assert surface == body and bare == qualified != name_key(body)
    # The country is still named on its own where its word stands apart from the body's
    # (a demonym of two words is not split off a name: "South Korean National Assembly").
    if form.startswith("{country}") or (form.startswith("the {demonym}") and " " not in demonym):
        assert country_key(country) in {DICTIONARIES.alias.get(k) for k, _ in found}


@pytest.mark.parametrize("body", BODIES)
def test_two_countries_bodies_in_one_article_leave_the_bare_name_alone(body: str) -> None:
    (_, a_dem), (b, _) = COUNTRIES[0], COUNTRIES[1]
    found = keys(f"The {a_dem} {body} and {b}'s {body} met. The {body} said no.")
    assert (name_key(body), body) in found


def test_a_dictionarys_body_is_left_as_it_is() -> None:
    """"Labour Party" names one actor in the dictionary: "British Labour Party" is the
    country and that party, as before."""
    found = keys("The British Labour Party met. The Labour Party said it would win.")
    assert ("labour party", "Labour Party") in found and ("british", "British") in found


def stat(surface: str, n: int, **org: int) -> KeyStats:
    # (A possessive's key as the extractor gives it: "Kuwait's X" is "kuwait x".)
    key = name_key(surface.replace("'s ", " "))
    return KeyStats(key, Counter({surface: n}), n, n, org=Counter(org))


def actors(stats: list[KeyStats]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(c.keys) for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES)
            for k in c.keys}


@pytest.mark.parametrize("body", BODIES)
def test_one_countrys_names_of_a_body_are_one_actor(body: str) -> None:
    for country, demonym in COUNTRIES:
        forms = [f"{country}'s {body}", f"{demonym} {body}", f"{body} of {country}"]
        stats = [stat(f, 3, government=3) for f in forms]
        found = actors(stats)
        keys_ = {name_key(f.replace("'s ", " ")) for f in forms}
        assert set(found[name_key(forms[1])]) >= keys_, (country, body)


@pytest.mark.parametrize("body", BODIES)
def test_a_bare_body_named_as_several_countries_joins_none(body: str) -> None:
    """The bare name joins one country's body where the corpus qualifies it with that
    country only (the rule before this one); named as two countries' or more in any form,
    it stays apart, under no country's name."""
    bare = stat(body, 12, government=12)
    one = [bare, stat(f"Kenyan {body}", 4, government=4)]
    joined = tuple(sorted((name_key(body), f"kenyan {name_key(body)}")))
    assert actors(one)[name_key(body)] == joined
    several = [bare, stat(f"Kenyan {body}", 4, government=4),
               stat(f"{body} of Japan", 4, government=4)]
    found = actors(several)
    assert found.get(name_key(body), (name_key(body),)) == (name_key(body),)


def test_a_dictionarys_bare_body_joins_its_one_countrys_form() -> None:
    """"Democratic Party" (a dictionary's, the US's) and "United States Democratic Party"."""
    found = actors([stat("Democratic Party", 20, party=20),
                    stat("United States Democratic Party", 3, party=3)])
    assert "united states democratic party" in found["democratic party"]
    found = actors([stat("Democratic Party", 20, party=20),
                    stat("United States Democratic Party", 3, party=3),
                    stat("Kenyan Democratic Party", 3, party=3)])
    assert "united states democratic party" not in found["democratic party"]


def test_a_countrys_forms_of_the_supreme_court_meet_the_dictionarys() -> None:
    found = actors([stat("U.S. Supreme Court", 5, government=5),
                    stat("United States Supreme Court", 3, government=3)])
    assert "united states supreme court" in found["us supreme court"]


def test_a_body_of_a_country_is_named_with_its_country() -> None:
    """The article's bare mentions are "Supreme Court": the actor is named by the form that
    says whose."""
    s = KeyStats("supreme court of the united kingdom",
                 Counter({"Supreme Court": 3, "Supreme Court of the United Kingdom": 2}), 5, 2,
                 org=Counter(government=5))
    [found] = [c for c in cluster({s.key: s}, {}, DICTIONARIES) if s.key in c.keys]
    assert found.name == "Supreme Court of the United Kingdom"


# -- a bare body in an article on one country ---------------------------------------------------

# (body as written, a sentence naming the country, the dictionary's actor of that body)
US_BODIES = [("House of Representatives", "united states house of representatives"),
             ("Supreme Court", "supreme court of the united states"),
             ("Commerce Department", "united states department of commerce")]
US_NAMES = ["the United States", "the U.S.", "American voters", "US officials"]


def actor_of(key: str) -> str | None:
    return DICTIONARIES.alias.get(key)


@pytest.mark.parametrize("body,actor", US_BODIES)
@pytest.mark.parametrize("country", US_NAMES)
def test_a_bare_body_in_an_article_on_one_country_is_that_countrys(
        body: str, actor: str, country: str) -> None:
    text = (f"Lawmakers in {country} argued for days. The {body} voted on Tuesday, and "
            f"critics in {country} said the {body} had gone too far. Mexico said nothing.")
    found = [k for k, s in keys(text) if s == body]
    assert len(found) == 2 and {actor_of(k) for k in found} == {actor}, keys(text)


@pytest.mark.parametrize("body,actor", US_BODIES)
def test_a_bare_body_stays_bare_where_no_one_country_has_most_mentions(
        body: str, actor: str) -> None:
    text = (f"The United States and Mexico argued. The {body} voted on Tuesday; "
            f"Canada and Mexico said the {body} was wrong.")
    assert (name_key(body), body) in keys(text)


@pytest.mark.parametrize("body,actor", US_BODIES)
@pytest.mark.parametrize("country", ["Australia", "Puerto Rico", "Kenya"])
def test_a_bare_body_of_a_country_the_dictionary_has_no_such_body_of_stays_bare(
        body: str, actor: str, country: str) -> None:
    """Most of the article is Australia's: its "House of Representatives" is no US body,
    and the dictionary names no Australian one."""
    text = (f"Voters in {country} are angry. The {body} met, and {country} waited; "
            f"the United States said nothing.")
    assert (name_key(body), body) in keys(text)


def test_a_bare_party_in_an_article_on_its_country_is_the_dictionarys() -> None:
    """A party many countries have ("Labor Party") in an article on the one whose party of
    that name a dictionary knows."""
    for country in ("Australia", "Australian voters", "Canberra and Australia"):
        text = f"In {country}, the Labor Party won. The Labor Party leader spoke."
        found = {actor_of(k) for k, s in keys(text) if s == "Labor Party"}
        assert found == {actor_of("australian labor party")}, keys(text)
