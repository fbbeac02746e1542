"""A name whose head word is a venue's, a building's or a landform's is a place, never an
actor ("Meydan Racecourse", "Conrad Hotel", "Dubai Creek": extract.ORG_CUES' "location"
words); a word cut off a name with a number inside is no name ("the Expo 2020 Route metro
line"). Made-up names, many heads, several sentences each; bodies named after a place or a
venue stay bodies."""

from __future__ import annotations

import itertools
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.numbered import NUMBERED

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      DICTIONARIES.capital_keys)

NAMES = ["Tolvane", "Okarro", "Quastel Bay", "Brevik"]
HEADS = ["Racecourse", "Hotel", "Creek", "Gardens", "Garden", "Grandstand", "Mall", "Beach",
         "Stadium", "Airport", "Road", "Resort", "Lagoon", "Waterfront", "Riviera"]
WRITINGS = ["The gala was held at the {n} {h} on Friday.",
            "Guests flocked to {n} {h}, which opened in May.",
            "A spokesman for {n} {h} said it was full.",
            "The project overlooks {n} {h} and the sea."]


def cues(text: str) -> dict[str, str | None]:
    return {m.key.lstrip("^"): m.org_type for m in EXTRACTOR.extract("", text).mentions}


def test_a_venue_or_landform_head_makes_a_place() -> None:
    for n, h, writing in itertools.product(NAMES, HEADS, WRITINGS):
        text = writing.format(n=n, h=h)
        key = f"{n} {h}".lower()
        assert cues(text).get(key) == "location", (text, cues(text))


def test_and_joins_no_two_names_before_a_venues_head() -> None:
    # (The venue heads; the older place heads, "Stadium", "Road", join as before.)
    venues = [h for h in HEADS if h not in ("Stadium", "Airport", "Road")]
    for n, h in itertools.product(NAMES[:2], venues):
        found = cues(f"It is near Varnel and {n} {h}.")
        assert "varnel" in found and f"{n} {h}".lower() in found, found


def test_a_work_named_by_a_venues_head_is_a_work() -> None:
    from newsdesk.index.actors.works import WORK

    for n, h in itertools.product(NAMES[:2], HEADS[:6]):
        text = f"She starred in the film {n} {h} last year."
        assert cues(text).get(f"{n} {h}".lower()) == WORK, (text, cues(text))


def test_bodies_named_after_a_venue_or_a_place_stay_bodies() -> None:
    for text, key, kind in (("The Hotel Association said so.", "hotel association",
                             "organisation"),
                            ("The Bank of England said so.", "bank of england", "organisation"),
                            ("The Tolvane Beach Club said so.", "tolvane beach club",
                             "organisation"),
                            ("The Racecourse Holdings board met.", "racecourse holdings",
                             "organisation"),
                            ("The Westin Hotels chain said so.", "westin hotels", None)):
        assert cues(text).get(key) == kind, (text, cues(text))


def test_a_word_after_a_names_number_is_no_name() -> None:
    for n, num, word in itertools.product(("Expo", "Vision", "Tolvane"), ("2020", "21", "3"),
                                          ("Route", "Track", "Phase")):
        found = cues(f"It is near the {n} {num} {word} metro line.")
        assert word.lower() not in found, found
    # Before the number: a common noun the article writes in lower case too.
    for word, num in itertools.product(("Route", "Phase", "Line", "Vision"), ("2020", "9")):
        found = cues(f"It is part of {word} {num}, the new {word.lower()} that links it.")
        assert word.lower() not in found, found
    # No lower-case use: the word before the number is cued, and dropped where more than
    # half its mentions are so ("Route 2020"), not where a few are ("Tolvane 747 jets").
    assert cues("It is near the Route 2020 metro line.")["route"] == NUMBERED
    for word, n in itertools.product(("Route", "Tolvane", "Phase"), (2, 5, 40)):
        assert name_key(word) not in listed([stat(word, n, **{NUMBERED: n})]), (word, n)
        assert name_key(word) not in listed([stat(word, n, **{NUMBERED: max(2, n // 2 + 1)})])
        assert name_key(word) in listed([stat(word, n, organisation=n,
                                              **{NUMBERED: n // 2})]), (word, n)
    # A score, a date, a name known to a dictionary, a name no prose writes in lower case
    # are read as before.
    assert "tolvane" in cues("The Tolvane 747 jets flew, said the pilots.")
    assert "chelsea" in cues("Arsenal 2 Chelsea 1 was the score.")
    assert "biden" in cues("In March 2020 Biden said so.")
    assert "dubai" in cues("Since Expo 2020 Dubai opened, sales rose.")


def stat(surface: str, n: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))


def listed(stats: list[KeyStats]) -> set[str]:
    return {k for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES) for k in c.keys}
