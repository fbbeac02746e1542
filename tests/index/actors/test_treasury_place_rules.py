"""A government body's bare head noun ("the Treasury"), and a place told by the place that
owns it (index/actors/cluster.py, extract.py): made-up names, each rule tried both ways."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import NEUTER, PLACE_PART
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def mentions(text: str) -> dict[str, tuple[str | None, bool]]:
    return {m.key: (m.org_type, m.location_cue) for m in EXTRACTOR.extract("", text).mentions}


def stat(surface: str, n: int, location: int = 0, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, location=location,
                    org=Counter(org))


def listed(stats: list[KeyStats]) -> dict[str, str]:
    return {k: c.type for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES)
            for k in c.keys}


def test_a_treasury_is_a_government_bodys_head_noun() -> None:
    assert mentions("The Vennish Treasury said it would act.")["vennish treasury"][0] \
        == "government"
    assert "treasury" not in mentions("The Treasury said it would act.")  # alone: no name


def test_a_name_a_dictionarys_place_owns_has_a_places_cue() -> None:
    assert mentions("The show opened in London's Varnel End.")["varnel end"] \
        == (PLACE_PART, True)
    # Not a person's, nor one word ("Tehran's Soleimani"), nor after a name no dictionary
    # calls a place.
    assert not mentions("He met London's mayor Rosk Varnel.")["rosk varnel"][1]
    assert not mentions("It was London's Varnel revenge.")["varnel"][1]
    assert not mentions("The show opened at Brambles's Varnel End.")["varnel end"][1]


def test_a_places_part_with_place_cues_outvotes_an_it_where_nothing_else_speaks() -> None:
    found = listed([stat("Varnel End", 20, location=4, **{NEUTER: 1, PLACE_PART: 3})])
    assert found["varnel end"] == "location"
    # Twice as many place cues as "it"s, and twice a place's part.
    found = listed([stat("Varnel End", 20, location=4, **{NEUTER: 2, PLACE_PART: 3})])
    assert found["varnel end"] != "location"
    found = listed([stat("Varnel End", 20, location=4, **{NEUTER: 1, PLACE_PART: 1})])
    assert found["varnel end"] != "location"
