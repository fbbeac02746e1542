"""Regions (first-level subdivisions of ISO 3166-2, index/actors/data/regions.yaml) are
places: a state, province or Land whose articles give no cue of any kind ("Michigan
lawmakers", "Connecticut's") is typed a location, not "other"; the generator keeps only
names that name one region, and the committed file is what it writes."""

from __future__ import annotations

import importlib.util
import random

import pytest

from newsdesk.index.actors.dictionaries import load_dictionary
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.regions import REGIONS, region_keys
from tests.index.actors.test_precision_rules import clusters, stat

NAMES = ("Michigan", "Connecticut", "Ontario", "Queensland", "Saskatchewan", "Punjab",
         "Guangdong", "Sichuan", "Maharashtra", "Alberta", "Florida", "California", "Anbar")


def test_a_region_with_no_cue_of_a_kind_is_a_place() -> None:
    """Typed "other" before: mentions with no cue, or a modifier's ("Michigan lawmakers")."""
    rng = random.Random(24)
    for name in NAMES:
        n = rng.randrange(3, 80)
        cues = rng.choice([{}, {"modifier": n // 3}, {"thing": n // 5}])
        found = clusters([stat(name, n, **cues)])[name_key(name)]
        assert found[1] == "location", (name, cues, found)
    # Two keys of one actor ("Michigan", "Michigan's"): the same.
    found = clusters([stat("Florida", 30), stat("Floridas", 3)])["florida"]
    assert found[1] == "location"


def test_a_region_name_keeps_the_type_its_cues_give() -> None:
    """Cues that say a kind win: "Virginia said she" is a person's name, "Alberta Energy
    Regulator said" a body's, and a name that is no region stays "other"."""
    assert clusters([stat("Virginia", 20, person=12)])["virginia"][1] == "person"
    assert clusters([stat("Ontario", 20, organisation=15)])["ontario"][1] == "organisation"
    assert clusters([stat("Zorbland", 20)])["zorbland"][1] == "other"


def test_a_region_with_a_stray_cue_of_a_body_is_a_place() -> None:
    """A body's cue in under half a region's mentions ("Texas radio host Don Imus" once, of
    Texas's 19 mentions; "Bihar chief minister", "Bihar governor" 92 times of Bihar's 217,
    beside 87 place cues) is a stray: the region is the place. Each kind, many counts;
    from half on, with under half as many place cues, the cues' kind stands."""
    rng = random.Random(25)
    for name in NAMES:
        n = rng.randrange(6, 90)
        kind = rng.choice(["media", "organisation", "government", "party", "military"])
        stray = rng.randrange(1, (n + 1) // 2)  # under half
        assert stray * 2 < n
        found = clusters([stat(name, n, **{kind: stray})])[name_key(name)]
        assert found[1] == "location", (name, n, kind, stray, found)
        many = -(-n // 2) + rng.randrange(0, n // 2)  # half or more
        found = clusters([stat(name, n, **{kind: many})])[name_key(name)]
        assert found[1] == kind, (name, n, kind, many, found)
        # More place cues than half the body's: the place.
        placed = many // 2 + 1
        found = clusters([stat(name, n + placed, location=placed, **{kind: many})])[
            name_key(name)]
        assert found[1] == "location", (name, n, kind, many, placed, found)


def test_the_regions_shipped_name_one_place_each() -> None:
    keys = region_keys()
    entries = {name_key(e.name): e for e in load_dictionary(REGIONS)}
    for name in ("Texas", "Ontario", "Queensland", "Punjab", "Guangdong", "Anbar",
                 "Khyber Pakhtunkhwa", "Bihar", "Nagaland"):
        assert name_key(name) in keys, name
    assert all(e.type == "location" and "ISO 3166-2" in (e.source or "")
               for e in entries.values())
    # Names other shipped entries have stay theirs (Georgia the country, Washington the
    # capital and the United States' metonym); Victoria (a state, the Seychelles' capital,
    # a person's name) and words of direction name no one region.
    assert not keys & {name_key(n) for n in ("Georgia", "Washington", "Victoria", "Central",
                                             "Northern", "Plateau", "White")}
    # Punjab: one entry for India's and Pakistan's, saying so.
    assert "India" in entries["punjab"].source and "Pakistan" in entries["punjab"].source


def _generator():  # noqa: ANN202
    if importlib.util.find_spec("pycountry") is None \
            or importlib.util.find_spec("countryinfo") is None:
        pytest.skip("pycountry or countryinfo not installed (pip install -e '.[test]')")
    from tests.data_gen import subdivisions

    return subdivisions


def test_the_committed_regions_are_what_the_generator_writes() -> None:
    subdivisions = _generator()
    v = subdivisions.versions()
    committed = REGIONS.read_text(encoding="utf-8")
    stamp = f"# generated-from: pycountry {v['pycountry']}, countryinfo {v['countryinfo']}\n"
    if stamp not in committed:
        pytest.skip("regions.yaml was generated from other versions")
    first = subdivisions.render()
    assert first == subdivisions.render(), "two runs of the generator differ"
    assert first == committed, "regions.yaml differs from a fresh run: make actor-data"


def test_the_generator_refuses_names_that_clash() -> None:
    subdivisions = _generator()
    fold, clean = subdivisions.fold_marks, subdivisions.clean_name
    assert fold("Bihār") == "Bihar" and fold("Baden-Württemberg") == "Baden-Württemberg"
    assert fold("Būr Sa‘īd") == "Bur Said" and fold("L'Oriental") == "L'Oriental"
    assert clean("Wales [Cymru GB-CYM]") == "Wales"
    assert clean("Asturias, Principado de") == "Asturias"
    assert clean("Valenciana, Comunidad") is None
    names = {name_key(r.name) for r in subdivisions.collect_regions(set(), set())}
    assert {"texas", "georgia", "washington", "victoria", "punjab", "anhui"} <= names
    kept = subdivisions.collect_regions({"georgia", "washington"}, {"victoria"})
    names = {name_key(r.name) for r in kept}
    assert "texas" in names and not names & {"georgia", "washington", "victoria"}

