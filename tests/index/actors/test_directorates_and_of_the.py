"""A stranger's Kenyan news (stranger16 F3): "the Directorate of Criminal Investigations
(DCI)" was three entries, "Directorate" (other), "Criminal Investigations" (typed person)
and "DCI", and "Directorate of Immigration Services" lost its head to join the US agency
USCIS by its tail; "Democratic Republic of Congo" (news writes "of Congo" as often as "of
the Congo") was an actor typed other and "DRC" joined nothing, and written whole it was a
location "Democratic Republic" and a dropped "Congo" ("the" is no connector, as "of" is). A
directorate, an inspectorate, a secretariat are government bodies' heads, as a ministry
is; a dictionary's "of the" name is one name. (Its "of" form, "Democratic Republic of
Congo", is left: read as the dictionary's name it broke the curation's patch of the actor
table, tests/index/actors/test_patch_*.py.)"""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import clusters_of

DICTIONARIES = load_dictionaries([])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


@pytest.mark.parametrize("name", [
    "Directorate of Criminal Investigations", "Directorate of Immigration Services",
    "Directorate of Occupational Safety and Health", "Inspectorate of Prisons",
    "Secretariat of Commerce", "Labour Directorate", "Bank Inspectorate"])
def test_a_directorate_is_one_government_body(extractor: Extractor, name: str) -> None:
    texts = [f"Officers from the {name} arrested two men on Monday, police said.",
             f"The {name} said more arrests would follow."]
    found = [c for c in clusters_of(extractor, DICTIONARIES, texts) if c.type != "person"]
    assert [(c.name, c.type) for c in found] == [(name, "government")]


@pytest.mark.parametrize(("written", "acronym", "country"), [
    ("Democratic Republic of the Congo", "DRC", "Democratic Republic of the Congo"),
    ("Republic of the Congo", None, "Republic of the Congo")])
def test_of_the_written_of_is_the_dictionarys_name(extractor: Extractor, written: str,
                                                   acronym: str | None, country: str) -> None:
    texts = [f"Fighting in the {written} displaced thousands on Monday, officials said.",
             f"Aid reached the {written} after the talks." + (
                 f" The {acronym} army said rebels attacked." if acronym else "")]
    found = {c.name: c for c in clusters_of(extractor, DICTIONARIES, texts)}
    country_entry = DICTIONARIES.entries[DICTIONARIES.alias[written.lower()]]
    assert country_entry.name == country
    actor = next(c for c in found.values() if c.type == "country")
    assert {written.lower(), *((acronym.lower(),) if acronym else ())} <= set(actor.keys)
    assert len([c for c in found.values() if c.type == "country"]) == 1


@pytest.mark.parametrize(("before", "name"), [
    ("Rebels in the", "Democratic Republic of the Congo"),
    ("Rebels in Eastern", "Democratic Republic of the Congo"),
    ("Talks with the", "Organization of the Petroleum Exporting Countries"),
    ("A ruling of the", "Court of Justice of the European Union"),
    ("Aid from the", "International Committee of the Red Cross"),
    ("Ships of the", "Kingdom of the Netherlands")])
def test_a_dictionarys_name_with_of_the_is_one_mention(extractor: Extractor, before: str,
                                                      name: str) -> None:
    text = f"{before} {name} arrived on Monday. The President of the United States spoke."
    found = [text[m.start:m.end] for m in extractor.extract("", text).mentions]
    assert name in found and "United States" in found, found
    assert "President of the United States" not in found
