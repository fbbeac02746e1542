"""People known by one name ("Beyoncé", "Drake", "Rajinikanth") were typed other: a lone
word takes no person's type from "said", and celebrity copy gives few other cues. An age in
apposition ("Drake, 30, said") and a kinship noun before the name ("boyfriend Drake",
"daughter Shiloh") are a person's cues, a lone word's too; a table's numbers are not."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import types_of

DICTIONARIES = load_dictionaries([])
STAGE_NAMES = ["Kovalo", "Brixanne", "Tamzelle", "Oruvel", "Quenzy", "Varlowe"]
KIN = ["boyfriend", "girlfriend", "fiancée", "daughter", "cousin", "twin", "mum", "widow"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def _types(extractor: Extractor, texts: list[str]) -> dict[str, str]:
    return types_of(extractor, DICTIONARIES, texts)


@pytest.mark.parametrize("n,name", enumerate(STAGE_NAMES))
def test_an_age_or_a_kin_makes_a_lone_name_a_person(extractor: Extractor, n: int,
                                                    name: str) -> None:
    kin = KIN[n % len(KIN)]
    texts = [f"{name}, {20 + n}, is rumoured to be single again after a long tour.",
             f"Fans cheered when {name}, {21 + n}, arrived at the gala in a gold dress.",
             f"Her {kin} {name} left the party early on Sunday night.",
             f"{name} performed in Amsterdam on Monday before the tour ended.",
             f"The crowd waited for {name} at the arena for an hour."]
    assert _types(extractor, texts).get(name) == "person"
    kin_only = [texts[2], f"His {KIN[(n + 1) % len(KIN)]} {name} smiled for the cameras.",
                f"Her {KIN[(n + 2) % len(KIN)]} {name} wore white.", texts[3]]
    assert _types(extractor, kin_only).get(name) == "person"


def test_a_tables_numbers_are_no_age(extractor: Extractor) -> None:
    texts = ["Medals so far: Brazil, 12, Argentina, 9, Chile, 4.",
             "Points: Brazil, 30, Argentina, 28, Chile, 20, after the last round.",
             "Brazil beat Chile in Santiago on Sunday."]
    types = _types(extractor, texts)
    assert types.get("Brazil") not in (None, "person") and types.get("Chile") != "person"
