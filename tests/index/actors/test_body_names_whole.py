"""Bodies' names kept whole (an outside tester's Daily Mail science news, stranger16 F5):
"King's College London" and "University College London" had become one actor "College
London" (the possessive owner cut as if it named someone), and "the Scientific Advisory
Group for Emergencies (SAGE)" had become "Sage" and an organisation "Emergencies" (a group's,
a panel's or a programme's name goes on after "for" as a council's does)."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def _names(extractor: Extractor, text: str) -> list[str]:
    return [text[m.start:m.end] for m in extractor.extract("", text).mentions]


@pytest.mark.parametrize("name", [
    "King's College London", "Queen's University Belfast", "St John's College Cambridge",
    "St Mary's Hospital", "Prince's Trust School", "Saint Joseph's University",
    "Queen's College Oxford"])
def test_a_monarchs_or_saints_school_keeps_its_possessive(extractor: Extractor,
                                                           name: str) -> None:
    text = f"Researchers at {name} found that the drug worked, the team said on Monday."
    assert _names(extractor, text) == [name]


@pytest.mark.parametrize(("owner", "body"), [
    ("Britain", "Foreign Office"), ("Iran", "Revolutionary Guards"),
    ("Microsoft", "Media Center"), ("Oxford", "University College")])
def test_an_actors_possessive_stays_an_owner(extractor: Extractor, owner: str,
                                             body: str) -> None:
    text = f"Officials said {owner}'s {body} had agreed to the plan on Monday."
    assert _names(extractor, text) == [owner, body]


@pytest.mark.parametrize("name", [
    "Scientific Advisory Group for Emergencies", "Consultative Group for Senegal",
    "Independent Panel for Pandemic Preparedness", "United Nations Programme for Development",
    "National Service for Veterans", "Global Partnership for Education"])
def test_a_groups_name_goes_on_after_for(extractor: Extractor, name: str) -> None:
    text = f"Members of the {name} met on Monday and warned of a second wave."
    assert _names(extractor, text) == [name]
