"""A name no cue types is a person's where it reads as a given name and a surname
(given_person.py): "FDA deputy commissioner for foods Mike Taylor" and "Dawn Sweeney,
president and CEO of the National Restaurant Association" were `other` on an outside
tester's science and health news, "Yuvraj Singh broke through" on sports news."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.given_person import given_and_surname, person_given_names
from newsdesk.index.actors.table import make_extractor, mention_rows
from tests.bench.corpus_totals import CorpusTotals
from tests.helpers.generated_data import assert_generated

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def _types(texts: list[str]) -> dict[str, str]:
    totals = CorpusTotals()
    for n, text in enumerate(texts):
        found = EXTRACTOR.extract("", text)
        totals.add(f"a{n}", mention_rows(f"a{n}", found), found.acronyms, KeyStats)
    totals.finish()
    return {c.name: c.type for c in cluster(totals.stats, totals.acronyms, DICTIONARIES,
                                             totals.together)}


def test_a_given_name_and_a_surname_with_no_cue_is_a_person() -> None:
    types = _types([
        "Rules were set by the deputy commissioner for foods Mike Tallon on Monday.",
        "Dawn Sweeley, president and chief of the restaurant group, spoke first.",
        "The bowlers struggled until Yuvraj Sandhu broke through in the final overs.",
    ])
    assert types["Mike Tallon"] == "person", types
    assert types["Dawn Sweeley"] == "person", types
    assert types["Yuvraj Sandhu"] == "person", types  # (the wider list's given name)


def test_what_says_otherwise_keeps_its_type() -> None:
    types = _types([
        "Morgan Stanwick grew as it hired staff. Later Morgan Stanwick shrank as it cut jobs.",
        "Crowds gathered in West Lonford and near Victoria Parkside Park on Sunday.",
        "The deal was signed with Warner Bros and Marvel Studios in the spring.",
        "Fans of La Rochelle cheered on Sunday.",
    ])
    for name in ("Morgan Stanwick", "Warner Bros", "Marvel Studios", "La Rochelle",
                 "West Lonford"):
        assert types.get(name, "person") != "person", (name, types)


def test_the_reading_itself() -> None:
    never = lambda word: False  # noqa: E731 (no dictionary place)
    heads = frozenset(("park", "group"))
    one = Counter({"Dawn Sweeney": 3})
    assert given_and_surname("dawn sweeney", one, 3, 0, heads, never)
    assert not given_and_surname("dawn sweeney", one, 3, 1, heads, never)  # "dawn" a word
    assert given_and_surname("dawn sweeney", one, 8, 1, heads, never)  # once in eight
    assert not given_and_surname("dawn", Counter({"Dawn": 3}), 3, 0, heads, never)
    assert not given_and_surname("dawn park", Counter({"Dawn Park": 3}), 3, 0, heads, never)
    assert not given_and_surname("dawn sweeney", Counter({"DAWN SWEENEY": 3}), 3, 0, heads,
                                 never)
    assert not given_and_surname("georgia sweeney", Counter({"Georgia Sweeney": 3}), 3, 0,
                                 heads, lambda word: word == "georgia")
    assert {"mike", "dawn", "yuvraj"} <= person_given_names()



def test_the_committed_wide_list_is_what_the_generator_writes() -> None:
    from newsdesk.index.actors.given_lists import GIVEN_NAMES_WIDE

    assert_generated("nomquamgender", "pip install --no-deps nomquamgender==0.1.4",
                     "given_names_wide", GIVEN_NAMES_WIDE)
