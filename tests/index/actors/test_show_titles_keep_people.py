"""A show named after a family ("Keeping Up With the Kardashians") gives its name a work's
cue, and the lone surname an article reads as one member counts under that member's key:
the member's full name was dropped as a work's (an outside tester's celebrity news had no
Khloe Kardashian, written in 13 articles). A name cued as a person more than as a thing
stays a person's whatever work cues its lone surname brought."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import names_of_keys

FAMILIES = [("Khloe", "Kardashian", "Keeping Up With"), ("Jana", "Duggar", "Counting On With"),
            ("Kelly", "Osbourne", "Living With"), ("Savannah", "Chrisley", "Growing Up With"),
            ("Sadie", "Robertson", "Dancing With"), ("Mama", "Thompson", "Keeping Up With")]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(load_dictionaries([]))


def _articles(given: str, surname: str, show: str) -> list[str]:
    full = f"{given} {surname}"
    title = f'"{show} the {surname}s"'
    return [
        f"A promo of the new season of her family's series {title} aired. The star is shown "
        f"on a call with her sister, {full}. \"The person's pregnant?\" {given} asks. There "
        f"were reports {full} may be pregnant too. Keeping up with the {surname} baby news, "
        f"the premiere of {title} airs Sunday.",
        f"{full} has no time for haters. {full} said on Monday that she was happy.",
        f"Recently her older sister, {full}, confirmed the news, saying it was true.",
        f"{full} wrote to her fans. {given} said the show {title} would go on."]


@pytest.mark.parametrize("given,surname,show", FAMILIES)
def test_a_family_shows_name_leaves_its_members_listed(
        extractor: Extractor, given: str, surname: str, show: str) -> None:
    names = names_of_keys(extractor, load_dictionaries([]), _articles(given, surname, show))
    assert names.get(f"{given} {surname}".lower()) == f"{given} {surname}", names
