"""Actors typed as places (issue 24): a person's name by a weak place cue, and the other
classes (index/actors/cluster.py, shared_prepositions.py): made-up names, each rule tried
both ways."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def stat(surfaces: dict[str, int], location: int = 0, person: int = 0, **org: int) -> KeyStats:
    n = sum(surfaces.values())
    key = name_key(max(surfaces, key=len))
    return KeyStats(key, Counter(surfaces), n, n, person=person, location=location,
                    org=Counter(org))


def listed(stats: list[KeyStats]) -> dict[str, str]:
    return {k: c.type for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES)
            for k in c.keys}


def test_a_lone_surname_after_a_shared_preposition_is_its_articles_full_name() -> None:
    assert keys("The regime of Tarik al-Varnel fell. Troops loyal to Varnel fought on.") \
        == ["tarik al varnel", "tarik al varnel"]
    # After a preposition of places alone it stays a place's name.
    assert keys("The regime of Tarik al-Varnel fell. Troops in Varnel fought on.")[-1] \
        == "varnel"


def test_a_name_called_by_its_last_word_is_no_place_by_a_minority_of_place_cues() -> None:
    found = listed([stat({"Tarik Varnel": 2, "Varnel": 1}, location=1)])
    assert found["tarik varnel"] == "person"
    # Place cues in half the mentions or more: a place's (nothing else speaks).
    found = listed([stat({"Tarik Varnel": 3, "Varnel": 1}, location=2)])
    assert found["tarik varnel"] == "location"
    # Never called by its last word alone: the place cues type it.
    found = listed([stat({"Tarik Varnel": 3}, location=1)])
    assert found["tarik varnel"] == "location"


def test_a_clipped_head_placed_as_the_names_it_heads_joins_them() -> None:
    # "in the Lords" as often as "in the House of Lords": the chamber's.
    found = {k: c for c in cluster({s.key: s for s in (
        stat({"House of Varnels": 44}, location=17, thing=44),
        stat({"Varnels": 39}, location=16, thing=31))}, {}, DICTIONARIES) for k in c.keys}
    assert found["varnels"] is found["house of varnels"]
    # Place cues the longer name never has: a place's of its own.
    found = {k: c for c in cluster({s.key: s for s in (
        stat({"House of Varnels": 44}, location=1, thing=44),
        stat({"Varnels": 39}, location=16, thing=31))}, {}, DICTIONARIES) for k in c.keys}
    assert found["varnels"] is not found["house of varnels"]
    assert found["varnels"].type == "location"


def test_a_team_named_by_a_place_is_told_by_its_members_and_appositions() -> None:
    found = [(m.key, m.org_type) for m in EXTRACTOR.extract("", (
        "Rival club Varnel City lost. The Varnel City striker scored. Prices rose in "
        "Varnel City. The Varnel City workers struck.")).mentions]
    assert found == [("varnel city", "organisation"), ("varnel city", "organisation"),
                     ("varnel city", "location"), ("varnel city", "location")]
    # The head noun's place cue on every other mention: a fifth of team cues outvote it.
    def typed(team: int) -> str:
        s = stat({"Varnel City": 17}, location=6, organisation=team)
        s.org["location"] = 17 - team  # the head noun's cue
        return listed([s])["varnel city"]

    assert typed(5) == "organisation"
    assert typed(1) == "location"


def test_a_name_led_by_capitals_is_no_full_name_for_a_lone_word() -> None:
    def joined(full: str) -> bool:
        # (Thirty lone uses in the full name's two articles' number, two a person's: the
        # evidence cluster._lone_means asks for.)
        lone = stat({"Tarlow": 30}, location=2, person=2)
        lone.articles = 2
        found = {k: c for c in cluster({s.key: s for s in (
            stat({full: 2}, person=2), lone)}, {}, DICTIONARIES) for k in c.keys}
        return found["tarlow"] is found[name_key(full)]

    assert joined("Dena Tarlow")
    assert not joined("SDX Tarlow")


def test_ratings_and_stock_symbols_are_no_names() -> None:
    assert keys("Moody's cut Varnel's debt to Ba-3 from Baa-2 and the notes to BB from B, "
                "and affirmed the AA-minus rating.") == ["varnel"]
    assert keys("It bought jets from Varnel Corp <VRN> and Tolan Inc (NYSE: TLN).") \
        == ["varnel corp", "tolan inc", "nyse"]  # (the exchange is a name)
    # The same letters as a name: "staff at BA", "the BB said", "<BA>" with no name before.
    assert keys("Staff at BA struck, and the BB said so.") == ["ba", "bb"]


def test_a_kindless_word_in_lower_case_in_a_third_of_its_articles_is_no_name() -> None:
    def kept(lower: int, **cues: int) -> bool:
        s = stat({"Varld": 30}, **cues)
        s.articles, s.lower = 30, lower
        return "varld" in listed([s])

    assert not kept(10, thing=12, modifier=5)
    assert kept(9, thing=12, modifier=5)  # under a third
    assert kept(10, thing=12, organisation=3)  # a body's cue
    assert kept(10, location=8)  # a place's
    # A full name ends with it: a surname ("Mr Varld").
    s = stat({"Varld": 30})
    s.articles, s.lower = 30, 10
    assert "varld" in listed([s, stat({"Dena Varld": 4}, person=4)])


def test_a_point_of_the_compass_alone_is_no_actor() -> None:
    assert "west" not in listed([stat({"West": 30}, location=12, thing=20)])
    assert "north west" in listed([stat({"North West": 30}, location=12)])


def test_a_posts_place_run_into_its_holders_name_is_two_names() -> None:
    found = [(m.key, m.person_cue) for m in EXTRACTOR.extract(
        "", "It was said, the envoy to Iraq Dena Tarlow told reporters.").mentions]
    assert found == [("iraq", False), ("dena tarlow", True)]
    # With no title's head before the preposition: one run, as before (a first word that
    # is no given name: before one, body_heads.py cuts a body's name off anywhere).
    assert "iraq grelbo tarlow" in keys("He flew to Iraq Grelbo Tarlow said.")
    # (body_heads.py cuts only where the article names the person alone too)
    assert keys("He flew to Iraq Dena Tarlow said. Tarlow left.")[:2] == ["iraq", "dena tarlow"]
    assert keys("He flew to Iraq Dena Tarlow said.") == ["iraq dena tarlow"]


def test_a_hyphen_before_a_dotted_acronym_ends_the_name() -> None:
    assert keys("A downturn in Varnelia-U.S. relations followed.")[0] == "varnelia"


def test_a_shared_preposition_before_the_is_no_places_cue() -> None:
    def cue(text: str) -> bool:
        return next(m.location_cue for m in EXTRACTOR.extract("", text).mentions
                    if m.key == "varns")

    assert not cue("It was a letter to the Varns on Monday.")
    assert not cue("It was a verse from the Varns on Monday.")
    assert cue("It was a house in the Varns on Monday.")
    assert cue("It was a flight to Varns on Monday.")


def test_place_cues_more_than_three_times_the_its_outvote_them() -> None:
    assert listed([stat({"Varnel Bay": 30}, location=7, neuter=2)])["varnel bay"] \
        == "location"
    assert listed([stat({"Varnel Bay": 20}, location=4, neuter=1)])["varnel bay"] \
        == "organisation"  # five at least
    assert listed([stat({"Varnel Bay": 30}, location=6, neuter=2)])["varnel bay"] \
        == "organisation"
    # An eighth of the mentions at least.
    assert listed([stat({"Varnel Bay": 60}, location=7, neuter=2)])["varnel bay"] \
        == "organisation"


def test_a_two_word_surname_joins_the_one_full_name_it_ends() -> None:
    def together(short: str, *others: str) -> bool:
        stats = [stat({"Dena Bra Varnel": 12}, person=12), stat({short: 16}, person=2),
                 *(stat({o: 5}, person=5) for o in others)]
        found = {k: c for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES)
                 for k in c.keys}
        return found[name_key(short)] is found["dena bra varnel"]

    assert together("Bra Varnel")
    # Its first word starts another person's name of two words: a full name of its own.
    assert not together("Bra Varnel", "Bra Tolan")


def test_a_name_goes_on_after_on_from_an_agreements_or_bodys_head_noun() -> None:
    found = EXTRACTOR.extract("", "Talks under the Varnel Agreement on Tarlows and Trade "
                                  "(VATT) went on.")
    assert [m.key for m in found.mentions] == ["varnel agreement on tarlows and trade", "vatt"]
    assert not found.mentions[0].person_cue
    assert found.acronyms == [("vatt", "varnel agreement on tarlows and trade")]
    # Not after another word, nor before a common word: two names, or one.
    assert keys("The Varnel Bay on Tarlows Street was shut.") == ["varnel bay",
                                                                  "tarlows street"]
    assert keys("The Varnel Commission on Monday said so.") == ["varnel commission"]


def test_a_name_led_by_a_demonym_is_no_full_name_for_a_lone_word() -> None:
    assert keys("They were exploiting Iraqi Varns. It was a boon to the Varns of the north.") \
        == ["iraqi varns", "varns"]
    assert keys("They were exploiting Tarik Varns. It was a boon to Varns at last.") \
        == ["tarik varns", "tarik varns"]
    assert keys("Members of the pro-Iran Iraqi Varns militia came. The Varns fought.")[-1] \
        == "varns"


def test_a_preposition_before_an_owner_of_a_name_places_what_it_owns() -> None:
    def cue(text: str) -> bool:
        return next(m.location_cue for m in EXTRACTOR.extract("", text).mentions
                    if m.key == "varnel")

    assert not cue("It was filmed in Varnel's Tolan Studios last year.")
    assert cue("Prices rose in Varnel's eurodollar market last year.")
    assert cue("Prices rose in Varnel last year.")
