"""Sports clubs named after places (act24m; an outside tester's 550 Daily Mail sports
articles): a club is an organisation whatever town it is named after, judged from the
corpus's team cues (a side's people after it, its plural verbs, "signed from X", "against
X") weighed against its place cues; its clipped forms join it ("Man City", "Man Utd"); and a
near spelling never joins a name that starts with another letter ("Anfield" / "Enfield" /
"Banfield"). Each rule tried on generated names and towns."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.one_edit import slip_like
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def stats_of(surface: str, n: int, location: int = 0, person: int = 0, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=person,
                    location=location, org=Counter(org))


def actors(*stats: KeyStats) -> dict[str, tuple[str, set[str]]]:
    """Each key -> (type, keys) of the actor holding it."""
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    return {k: (c.type, set(c.keys)) for c in found for k in c.keys}


# Places the shipped dictionaries type "location" (news_actors.yaml, countries.yaml).
DICTIONARY_PLACES = ["Barcelona", "Milan", "Munich", "Chicago", "Toronto"]


@pytest.mark.parametrize(("place", "counts"),
                         product(DICTIONARY_PLACES, [(100, 60, 20), (40, 15, 6)]))
def test_a_dictionary_place_whose_team_cues_outvote_is_the_club(
        place: str, counts: tuple[int, int, int]) -> None:
    mentions, team, placed = counts
    kind, _ = actors(stats_of(place, mentions, location=placed, organisation=team))[name_key(place)]
    assert kind == "organisation"


@pytest.mark.parametrize(("place", "counts"),
                         product(DICTIONARY_PLACES, [(100, 20, 40), (100, 25, 10), (30, 1, 0)]))
def test_a_dictionary_place_used_as_one_stays_a_place(place: str,
                                                       counts: tuple[int, int, int]) -> None:
    """More place cues than team cues, or team cues in under a third of its mentions
    ("Barcelona boss" now and then in a city's news)."""
    mentions, team, placed = counts
    kind, _ = actors(stats_of(place, mentions, location=placed, organisation=team))[name_key(place)]
    assert kind == "location"


TOWNS = ["Varnel", "Oskarby", "Kenwood", "Tallow"]
SENTENCES = [
    "This week {x} have signed a new striker.",
    "After a fine run {x} are top of the table.",
    "The {x} forward scored twice on Saturday.",
    "He impressed his {x} team-mates in training.",
    "The midfielder was signed from {x} in the summer.",
    "The defender spent a loan spell at {x} last season.",
]


@pytest.mark.parametrize(("town", "sentence"), product(TOWNS, SENTENCES))
def test_a_teams_cue_types_a_town_named_club_a_body(town: str, sentence: str) -> None:
    text = "Rain fell all week. " + sentence.format(x=town) + " Nothing else happened."
    found = {m.key: m for m in EXTRACTOR.extract("", text).mentions}
    mention = found[name_key(town)]
    assert mention.org_type == "organisation"
    assert not mention.location_cue


@pytest.mark.parametrize(("town", "sentence"), product(TOWNS, [
    "Rain fell in {x} all week.", "She moved from {x} in the summer.",
    "Americans are used to it, and {x} has grown.", "He returned to {x} last year.",
    "Both Silva and {x} are fit again.", "He played with Kante, {x} have said.",
    "Protesters in {x} have gathered again."]))
def test_a_places_own_words_are_no_teams_cue(town: str, sentence: str) -> None:
    """A town's own uses, a plural's verb ("Americans are"), two names' verb ("Silva and
    Chilwell are": people) and a preposition's object's ("protesters in Iraq have": the
    protesters') stay as they were."""
    text = "It was late. " + sentence.format(x=town)
    found = {m.key: m for m in EXTRACTOR.extract("", text).mentions}
    assert found[name_key(town)].org_type != "organisation"


@pytest.mark.parametrize(("town", "head"), product(["Varnel", "Oskarby", "Kenwood"],
                                                    ["City", "Palace", "Town"]))
def test_opponents_words_type_a_place_worded_club(town: str, head: str) -> None:
    """"against X City", "beat X Palace": a side that is played, not a place."""
    for sentence in (f"Liverpool won against {town} {head} on Sunday.",
                     f"Arsenal beat {town} {head} at home."):
        found = {m.key: m.org_type for m in EXTRACTOR.extract("", sentence).mentions}
        assert found[name_key(f"{town} {head}")] == "organisation"


# (full name, clipped form) of clubs; the clipped form's first word the full one's start,
# its other words the full name's own or their abbreviation.
CLIPPED = [("Manchester City", "Man City"), ("Manchester United", "Man Utd"),
           ("Manchester United", "Man United"), ("Sheffield Wednesday", "Shef Wed"),
           ("Varnelford Athletic", "Varn Athletic"), ("Oskarby Albion", "Osk Alb")]


@pytest.mark.parametrize(("full", "clipped"), CLIPPED)
def test_a_clubs_clipped_form_joins_its_full_name(full: str, clipped: str) -> None:
    found = actors(stats_of(full, 60, location=5, organisation=20),
                   stats_of(clipped, 12, organisation=3),
                   stats_of("Liverpool", 80, organisation=30))
    assert found[name_key(clipped)][1] == {name_key(full), name_key(clipped)}


@pytest.mark.parametrize(("full", "clipped"), CLIPPED[:3])
def test_a_clipped_form_of_two_longer_names_joins_neither(full: str, clipped: str) -> None:
    """"Man Rovers" beside "Manchester Rovers" and "Mansfield Rovers": no one reading."""
    words = clipped.split(" ", 1)[1]
    other = "Mansfield " + full.split(" ", 1)[1]
    found = actors(stats_of(full, 60, organisation=20), stats_of(other, 30, organisation=9),
                   stats_of(clipped, 12, organisation=3))
    assert found[name_key(clipped)][1] == {name_key(clipped)}, words


@pytest.mark.parametrize(("full", "short"), [("BellSouth Corp", "Bell Corp"),
                                             ("Varnelway Group", "Varn Group"),
                                             ("Oskarbyson Inc", "Osk Inc")])
def test_a_firms_shared_generic_word_makes_no_clipped_form(full: str, short: str) -> None:
    """"Bell Corp" beside "BellSouth Corp": the shared word is any company's."""
    found = actors(stats_of(full, 30, organisation=10), stats_of(short, 8, organisation=3))
    assert found[name_key(short)][1] == {name_key(short)}


@pytest.mark.parametrize(("full", "short"), [("Daniel Smith", "Dan Smith"),
                                             ("Samuel Jones", "Sam Jones"),
                                             ("Thomas Varnel", "Tom Varnel")])
def test_a_persons_shorter_given_name_is_no_clipped_form(full: str, short: str) -> None:
    """Two people may be "Dan Smith" and "Daniel Smith" (nicknames.py joins people)."""
    found = actors(stats_of(full, 30, person=10), stats_of(short, 8, person=3))
    assert found[name_key(short)][1] == {name_key(short)}


# A frequent place's or club's name and rarer names one edit away at their first letter.
FIRST_LETTER = [("Anfield", ["Enfield", "Banfield"]), ("Wembley", ["Bembley", "Embley"]),
                ("Selhurst", ["Telhurst", "Aelhurst"]), ("Varnelby", ["Tarnelby", "Arnelby"])]


@pytest.mark.parametrize(("frequent", "others"), FIRST_LETTER)
def test_a_name_one_first_letter_away_is_another_name(frequent: str, others: list[str]) -> None:
    found = actors(stats_of(frequent, 40, location=30),
                   *(stats_of(other, 1, location=1) for other in others))
    assert found[name_key(frequent)][1] == {name_key(frequent)}
    for other in others:
        assert not slip_like(name_key(frequent), name_key(other))


@pytest.mark.parametrize("frequent", ["Anfield", "Wembley", "Selhurst", "Varnelby"])
def test_a_slip_inside_the_word_still_joins(frequent: str) -> None:
    """The bound is the first letter only: a letter swapped inside is a slip as before."""
    word = frequent[:3] + frequent[4] + frequent[3] + frequent[5:]
    found = actors(stats_of(frequent, 40, location=30), stats_of(word, 1, location=1))
    assert found[name_key(frequent)][1] == {name_key(frequent), name_key(word)}


@pytest.mark.parametrize("word", ["People", "Police", "Children"])
def test_a_plural_without_s_takes_no_teams_cue(word: str) -> None:
    """"People have" (a sentence's first word in capitals) is a plural noun's verb."""
    text = f"It was late. Then {word} have gathered outside."
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}
    assert found.get(name_key(word)) != "organisation"
