"""A body named after a country's name or people's: one name across "and" where the sentence
opens with "The" ("The US Food and Drug Administration said": was "US Food" and "Drug
Administration"), and no person's cue from "said" where the country was cut off before it
("the US Geological Survey said": a person of 23 articles on Tonga news)."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))

AND_BODIES = ["Food and Drug Administration", "Fish and Wildlife Service",
              "Trade and Industry Department", "Health and Safety Executive Agency",
              "Drugs and Crime Office"]
COUNTRIES = ["US", "U.S.", "United States", "UK", "Australian", "British"]
LEADS = ["The {c} {b} said so.", "Officials at the {c} {b} said so.",
         "Later the {c} {b} met."]


@pytest.mark.parametrize(("body", "country", "lead"), product(AND_BODIES, COUNTRIES, LEADS))
def test_a_bodys_name_across_and_after_a_country_stays_one(
        body: str, country: str, lead: str) -> None:
    found = EXTRACTOR.extract("", lead.format(c=country, b=body))
    keys = [m.key for m in found.mentions]
    assert any(k.endswith(name_key(body)) for k in keys), keys
    assert name_key(body.split(" and ")[1]) not in keys, keys


@pytest.mark.parametrize(("country", "body", "verb"), product(
    ["US", "Australian", "British", "New Zealand"],
    ["Geological Survey", "Meteorological Bureau Watch", "Antarctic Division"],
    ["said", "says", "told reporters"]))
def test_a_body_after_the_and_a_country_gets_no_persons_cue(
        country: str, body: str, verb: str) -> None:
    text = f"The quake struck at noon, the {country} {body} {verb} on Monday."
    glued = f"A quake struck, officials said.The {country} {body} {verb} on Monday."
    found = EXTRACTOR.extract("", glued)  # (a scraper's sentences glued: ".The")
    assert not [m.key for m in found.mentions if m.person_cue], found.mentions
    found = EXTRACTOR.extract("", text)
    cued = [m.key for m in found.mentions if m.person_cue]
    assert not cued, found.mentions


@pytest.mark.parametrize("name", ["Lance Armstrong", "Serena Williams", "Maria Sharapova"])
def test_a_person_after_the_and_a_demonym_keeps_the_cue(name: str) -> None:
    found = EXTRACTOR.extract("", f"He won the race, the American {name} said on Monday.")
    assert any(m.person_cue and m.key == name_key(name) for m in found.mentions), \
        found.mentions
