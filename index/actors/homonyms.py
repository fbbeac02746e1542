"""A name that is a country's and a region's of another, far country (Georgia: the country,
and a state of the United States; regions.yaml lists them, generated from ISO 3166-2 with
neighbours and former countries left out), read by its article's context.

The country's dictionary entry keeps the name. An article whose context is the region's
country reads it as that region: it names another region of that country ("Pennsylvania,
Georgia, Florida", "Doug Collins of Georgia" beside "Jim Jordan of Ohio"), or writes it
after a town's name ("Savannah, Georgia") or as a state ("the US state of Georgia"); and
nothing in it says the country (its demonym, "Georgian", another of its names, or one of its
own regions: "Abkhazia"). The region's
mentions then take a key of their own, the name and its country's ("georgia united
states"), a place; the country's stay as they are."""

from __future__ import annotations

from collections.abc import Container, Mapping

from newsdesk.index.actors.records import Mention


def read_homonyms(found: list[Mention], text: str, homonyms: Mapping[str, str],
                  countries: Mapping[str, str], regions_of: Mapping[str, frozenset[str]],
                  known: Container[str]) -> None:
    """Re-key in place the mentions of a homonym (`homonyms`: its key -> its region's
    country's key) that the article reads as the region. `countries`: a country's names and
    demonyms -> the country; `regions_of`: a country -> its regions' keys."""
    keys = {m.key for m in found}
    for name, country in homonyms.items():
        if name not in keys:
            continue
        own = countries.get(name, name)  # the country of that name
        its_regions = regions_of.get(country, frozenset())
        says_country = any(
            k != name and (countries.get(k) == own or k in regions_of.get(own, ()))
            for k in keys)
        if says_country:
            continue
        region = any(k != name and k in its_regions for k in keys) \
            or any(m.key == name and (_after_a_town(text, m.start, countries, known)
                                      or _after_state_of(text, m.start)) for m in found)
        if region:
            for m in found:
                if m.key == name:
                    m.key = f"{name} {country}"
                    m.location_cue = True
                    m.person_cue = False


def _after_a_town(text: str, start: int, countries: Mapping[str, str],
                  known: Container[str]) -> bool:
    """Whether a capitalised word no dictionary knows stands before ", " and the name
    ("Savannah, Georgia"; not "Italy, Georgia", a list of countries)."""
    if text[start - 2:start] != ", ":
        return False
    before = text[max(0, start - 40):start - 2].split()
    word = before[-1] if before else ""
    key = word.lower().strip(".'\"")
    return word[:1].isupper() and word.isalpha() and key not in countries and key not in known


def _after_state_of(text: str, start: int) -> bool:
    """Whether the name follows "state of" ("the US state of Georgia", "in the state of
    Georgia"): a region's, as a country is not called a state of anything (a stranger's
    Daily Mail health news counted "counties in the US state of Georgia" for the country)."""
    return text[max(0, start - 9):start].lower() == "state of "
