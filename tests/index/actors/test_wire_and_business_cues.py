"""News agencies named by how wire copy credits them ("New Delhi, Aug 9 (PTI)", "..., PTI
reported.", "..., reports ANI.") are media, and a dictionary's acronym that the corpus
uses so (PTI: a Pakistani party in the dictionary, India's wire in Indian news) is left to
the corpus; a member's title in capitals after a body ("Labour MPs", "Congress MLAs")
types the body and is no word of its name; business abbreviations are no actors."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from newsdesk.index.actors.cluster import cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.not_actors import not_actor
from tests.index.actors.test_precision_rules import stat

EXTRACTOR = Extractor()
AGENCIES = ["PTI", "ANI", "IANS", "AFP", "Xinhua", "Bernama"]
PLACES = ["New Delhi", "Mumbai", "Beijing", "Kuala Lumpur"]


def _types(text: str) -> dict[str, str | None]:
    return {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}


@pytest.mark.parametrize(("agency", "place", "month"), itertools.product(
    AGENCIES, PLACES, ["Aug", "August", "Sept.", "Jan"]))
def test_an_agency_after_a_dateline_is_media(agency: str, place: str, month: str) -> None:
    text = f"Some news first.\n{place}, {month} 9 ({agency}) Bomb squads arrived at the scene."
    assert _types(text).get(agency.lower()) == "media", text


@pytest.mark.parametrize(("agency", "form"), itertools.product(AGENCIES, [
    "The bridge fell in the district, {a} reported. Police came.",
    "The bridge fell in the district, {a} reports.\nPolice came.",
    "The ministers met the governor, reports {a}. Police came.",
    "The ministers met the governor: reported {a}.\nPolice came."]))
def test_a_clause_closing_attribution_is_media(agency: str, form: str) -> None:
    text = form.format(a=agency)
    assert _types(text).get(agency.lower()) == "media", text


@pytest.mark.parametrize("text", [
    "The minister met Smith, Jones reported on Friday that prices rose.",
    "He thanked Smith, who reported the crime.",
    "Investors met in Mumbai, Aug 9 (Reuters said) on Friday."])
def test_no_report_cue_where_the_clause_goes_on(text: str) -> None:
    types = _types(text)
    assert "media" not in {types.get("jones"), types.get("smith")}, types


def test_a_dictionary_acronym_used_as_a_wire_is_the_corpus_own() -> None:
    dictionaries = load_dictionaries([])
    pti = stat("PTI", 60, media=40)
    party = stat("Pakistan Tehreek-e-Insaf", 2, party=1)
    found = cluster({s.key: s for s in (pti, party)},
                    {"pti": Counter({"pakistan tehreek-e-insaf": 1})}, dictionaries)
    owner = {k: c for c in found for k in c.keys}
    assert owner["pti"].keys != owner[party.key].keys
    assert owner["pti"].type == "media"
    # Used as the party (no medium's cues), it stays the dictionary's.
    pti = stat("PTI", 60, party=20)
    found = cluster({s.key: s for s in (pti, party)}, {}, dictionaries)
    owner = {k: c for c in found for k in c.keys}
    assert owner["pti"].keys == owner[party.key].keys


@pytest.mark.parametrize("media", [4, 8, 13, 20])
def test_a_few_rows_of_media_cues_leave_a_dictionary_acronym_its_entry(media: int) -> None:
    # Court news: "the FBI" 195 times, untyped mostly; one "FBI website" in an article
    # naming it a dozen times is a dozen media votes (a row's cue counts for its mentions).
    dictionaries = load_dictionaries([])
    fbi = stat("FBI", 195, location=8, thing=120, modifier=26, media=media, organisation=4)
    full = stat("Federal Bureau of Investigation", 2, organisation=2)
    found = cluster({s.key: s for s in (fbi, full)}, {}, dictionaries)
    owner = {k: c for c in found for k in c.keys}
    assert owner["fbi"].keys == owner[full.key].keys
    assert owner["fbi"].type == "government"


@pytest.mark.parametrize(("body", "title", "kind"), [
    ("Labour", "MPs", None), ("Tory", "MPs", None), ("SNP", "MSPs", "party"),
    ("Green", "MEPs", None), ("RJD", "MLAs", "party"), ("BJP", "MLAs", "party"),
    ("Gujarat", "MLAs", None), ("London", "MPs", None)])
def test_a_members_title_after_a_body_is_no_word_of_its_name(body: str, title: str,
                                                             kind: str | None) -> None:
    # It types only a body in capitals ("RJD MLAs"): "Gujarat MLAs" are a place's members.
    for text in (f"{body} {title} met the governor on Friday.",
                 f"On Friday {body} {title} met the governor."):
        types = _types(text)
        assert f"{body} {title}".lower() not in types and f"^{body} {title}".lower() \
            not in types, types
        assert body.lower() in types, (text, types)
        if kind is not None:
            assert types[body.lower()] == kind, (text, types)
        else:
            assert types[body.lower()] != "party", (text, types)


@pytest.mark.parametrize("key", ["eps", "cagr", "vp", "q1", "q4", "h1", "rs", "cm", "ebitda"])
def test_business_abbreviations_are_no_actors(key: str) -> None:
    assert not_actor(key)
