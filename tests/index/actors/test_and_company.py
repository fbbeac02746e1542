""""X and Co" then a plural verb is the colloquial "and company" (a player's or a team's
side), not a firm's legal form: an outside tester's Daily Mail sports news (stranger16 F3)
had "Paul Pogba and Co have started the season miserably" type the midfielder an
organisation in all of his 19 articles. A firm's "and Co" takes a singular verb or another
legal form ("Merrill Lynch and Co said", "Piper Jaffray and Co Inc")."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import clusters_of

DICTIONARIES = load_dictionaries([])
PEOPLE = ["Paul Pogba", "Daniel Levy", "Harry Kane", "Jurgen Klopp", "Marcus Rashford"]
PLURAL = ["have", "are", "were", "'ve"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def _type_of(extractor: Extractor, texts: list[str], name: str) -> str:
    found = [c for c in clusters_of(extractor, DICTIONARIES, texts) if name_key(name) in c.keys]
    assert len(found) == 1, name
    return found[0].type


@pytest.mark.parametrize(("person", "verb"), zip(PEOPLE, PLURAL * 2, strict=False))
def test_and_co_with_a_plural_verb_keeps_a_person(extractor: Extractor, person: str,
                                                  verb: str) -> None:
    surname = person.split()[-1]
    texts = [f"After a short but turbulent summer, {person} and Co {verb} started badly.",
             f"Fans wanted more. {person} was left out of the squad for the trip.",
             f"The club could sell {person} in January, and {surname} may go."]
    assert _type_of(extractor, texts, person) == "person"
    names = {k for c in clusters_of(extractor, DICTIONARIES, texts) for k in c.keys}
    assert not any(k.endswith(" co") for k in names), names


@pytest.mark.parametrize("firm", ["Piper Jaffray", "Merrill Lynch", "Goldman Sachs"])
def test_a_firms_and_co_with_a_singular_verb_stays_a_firm(extractor: Extractor,
                                                          firm: str) -> None:
    texts = [f"The bonds rose after {firm} and Co said it would buy them.",
             f"Its broker, {firm} and Co, has raised its estimate for the company.",
             f"Analysts at {firm} and Co Inc expect a rise."]
    names = {k for c in clusters_of(extractor, DICTIONARIES, texts) for k in c.keys}
    assert name_key(f"{firm} and Co") in names, names
