"""Classes found on sport and science news (AG News' Sports and Sci/Tech articles, act24r),
each tried in generated variants: a club named by its place and a plural, and its nickname
alone ("Boston Red Sox", "the Red Sox"); races and games by their head noun ("Grand Prix",
"Super Bowl", "Formula One") and a league's competition by the nouns after it ("a
Champions League group"); craft, browsers and worlds by the words around them ("the
Cassini spacecraft", "the Firefox browser", "the moon Titan"); a person called by the last
word alone first in sentences ("Tiger Woods ... Woods")."""

from __future__ import annotations

from collections import Counter
from itertools import product
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.contests import EVENT
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import not_actor
from newsdesk.index.actors.place_clubs import club_named, join_place_clubs, nickname, place_tail
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.actors.works import WORK

DICTIONARIES = load_dictionaries([])
DATA = Path(__file__).resolve().parents[3] / "index" / "actors" / "data"
EXTRACTOR = make_extractor(DICTIONARIES)

# Large cities (cities.txt) and regions (regions.yaml) the shipped lists hold, none of them
# a given name as well (Boston, Dallas and Victoria are: `test_a_given_names_place_...`).
PLACES = ["Atlanta", "Toronto", "Chicago", "Detroit", "Texas", "Florida", "Seattle"]
NICKNAMES = ["Astros", "Red Sox", "Blue Jays", "Comets", "Thunderbolts"]


def stats_of(surface: str, n: int, surfaces: dict[str, int] | None = None,
             location: int = 0, person: int = 0, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter(surfaces or {surface: n}), n, n,
                    person=person, location=location, org=Counter(org))


def actors(*stats: KeyStats) -> dict[str, tuple[str, set[str]]]:
    """Each key -> (type, keys) of the actor holding it."""
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    return {k: (c.type, set(c.keys)) for c in found for k in c.keys}


@pytest.mark.parametrize(("place", "nickname", "counts"),
                         product(PLACES, NICKNAMES, [(30, 20), (14, 40), (12, 3)]))
def test_a_nickname_joins_its_place_led_club(place: str, nickname: str,
                                             counts: tuple[int, int]) -> None:
    """A plural nickname, or one its cues type a body's ("Red Sox pitcher")."""
    full = stats_of(f"{place} {nickname}", counts[0])
    alone = stats_of(nickname, counts[1], organisation=2)
    kind, keys = actors(full, alone)[full.key]
    assert keys == {full.key, alone.key}
    assert kind == "organisation"


@pytest.mark.parametrize(("place", "nickname"), product(PLACES, ["Astros", "Braves",
                                                                 "Thunderbolts", "Cardinals"]))
def test_a_place_and_a_plural_with_no_cue_is_an_organisation(place: str, nickname: str) -> None:
    full = stats_of(f"{place} {nickname}", 14)
    assert actors(full)[full.key][0] == "organisation"


@pytest.mark.parametrize(("given", "surname"), product(["Dallas", "Victoria", "Denver"],
                                                       ["Adams", "Jones", "Roberts"]))
def test_a_given_names_place_and_a_surname_stay_a_person(given: str, surname: str) -> None:
    """"Dallas Adams said ... Adams": a person whose given name is a city's too, not a club
    (a club's type is given only where no cue gave one)."""
    full, alone = stats_of(f"{given} {surname}", 12, person=3), stats_of(surname, 9)
    assert actors(full, alone)[full.key][0] == "person"


@pytest.mark.parametrize(("place", "plural"), product(PLACES, ["Keys", "Springs", "Heights",
                                                               "Islands", "Falls", "Billions"]))
def test_a_places_own_plural_makes_no_club(place: str, plural: str) -> None:
    """"Florida Keys", "Colorado Springs": a place's plural, not a nickname."""
    assert not club_named([name_key(f"{place} {plural}")], lambda k: k == name_key(place))


@pytest.mark.parametrize(("nickname", "full"), product(["Blues", "Reds", "Saints"], [1, 2, 4]))
def test_a_nickname_written_far_more_than_its_club_joins_it_not(nickname: str,
                                                                full: int) -> None:
    """"Cardiff Blues" twice beside Chelsea's "the Blues" sixteen times: another's."""
    longer, alone = stats_of(f"Seattle {nickname}", full), stats_of(nickname, 16)
    assert actors(longer, alone)[alone.key][1] == {alone.key}


@pytest.mark.parametrize(("place", "word"), product(["Turin", "Toronto"],
                                                    ["Opera", "Sport", "Standard"]))
def test_a_singular_word_after_a_place_is_no_nickname(place: str, word: str) -> None:
    """"Turin Opera" beside the browser maker "Opera": a word, no club's nickname."""
    longer, alone = stats_of(f"{place} {word}", 10), stats_of(word, 12, organisation=3)
    assert actors(longer, alone)[alone.key][1] == {alone.key}


@pytest.mark.parametrize("nickname", NICKNAMES)
def test_a_nickname_two_places_use_joins_neither(nickname: str) -> None:
    """"Texas Rangers" and "New York Rangers" beside "Rangers": no one club."""
    one, two, alone = (stats_of(f"Boston {nickname}", 20), stats_of(f"Houston {nickname}", 20),
                       stats_of(nickname, 30))
    found = actors(one, two, alone)
    assert found[alone.key][1] == {alone.key}


@pytest.mark.parametrize(("place", "body"), product(["Texas", "Florida", "Toronto"],
                                                    ["Supreme Court", "City Council",
                                                     "Police", "Stock Exchange",
                                                     "Court of Appeals", "Islands"]))
def test_a_bodys_name_after_a_place_keeps_apart(place: str, body: str) -> None:
    """"Texas Supreme Court" is another court than the "Supreme Court" of the news."""
    unions: list[tuple[str, str]] = []
    keys = [name_key(f"{place} {body}"), name_key(body)]
    join_place_clubs(keys, lambda k: 10, lambda k: k == name_key(place),
                     lambda k: nickname(k, True), frozenset(), lambda a, b: unions.append((a, b)))
    assert unions == []


@pytest.mark.parametrize(("lead", "name"), product(["Brazilian", "Irish", "Scottish"],
                                                  ["Lions", "Conservatives", "Ronaldo"]))
def test_a_peoples_adjective_leads_no_club(lead: str, name: str) -> None:
    """"Irish Lions", "Scottish Conservatives": a demonym before a name says whose, and
    leads many bodies; the name alone joins none of them."""
    dictionaries = load_dictionaries(sorted(DATA.glob("*.yaml")))
    longer, alone = stats_of(f"{lead} {name}", 6), stats_of(name, 30, organisation=4)
    found = cluster({longer.key: longer, alone.key: alone}, {}, dictionaries)
    assert longer.key not in next(set(c.keys) for c in found if alone.key in c.keys)


@pytest.mark.parametrize(("given", "surname"), product(["Victoria", "Dallas", "Denver"],
                                                       ["Beckham", "Adams", "Jones"]))
def test_a_peoples_surname_joins_no_place_led_name(given: str, surname: str) -> None:
    """"Victoria Beckham" beside "David Beckham ... Beckham": the wife is no club, and the
    lone surname stays the husband's."""
    wife = stats_of(f"{given} {surname}", 5)
    husband = stats_of(f"David {surname}", 30, {f"David {surname}": 20, surname: 10},
                       person=12)
    alone = stats_of(surname, 8, person=3)
    found = actors(wife, husband, alone)
    assert wife.key not in found[alone.key][1]
    assert found[wife.key][0] != "organisation"


@pytest.mark.parametrize(("key", "tail"), [
    ("boston red sox", "red sox"), ("new york yankees", "yankees"), ("houston astros", "astros"),
    ("salt lake city stars", "stars"), ("red sox", None), ("boston", None)])
def test_the_longest_place_leads(key: str, tail: str | None) -> None:
    places = {"boston", "new york", "new", "houston", "salt lake city", "salt lake"}
    assert place_tail(key, places.__contains__) == tail


@pytest.mark.parametrize("place", ["Varnel", "Oskarby", "Tallow Creek"])
def test_a_place_the_corpus_puts_as_one_leads_a_club(place: str) -> None:
    """A town no list holds, written as a place ("in Varnel", datelines) in its articles."""
    town = stats_of(place, 10, location=8)
    full, alone = stats_of(f"{place} Comets", 12), stats_of("Comets", 9)
    found = actors(town, full, alone)
    assert found[full.key] == ("organisation", {full.key, alone.key})


@pytest.mark.parametrize(("lead", "name"), product(
    ["", "Japanese ", "Monaco ", "Brazilian ", "European "], ["Grand Prix", "Super Bowl"]))
def test_races_and_games_by_their_head_noun_are_no_actors(lead: str, name: str) -> None:
    assert not_actor(name_key(f"{lead}{name}"))


@pytest.mark.parametrize("number", ["One", "1", "Two", "Three", "3"])
def test_a_racing_formula_is_no_actor(number: str) -> None:
    assert not_actor(name_key(f"Formula {number}"))
    assert not not_actor(name_key(f"Formula {number} Group"))  # a firm's name


@pytest.mark.parametrize(("league", "noun", "lead"), product(
    ["Champions League", "Europa League", "Premier League"],
    ["group", "stage", "qualifier", "campaign", "berth", "holders"],
    ["Chelsea reached the", "Porto are in the", "It was a"]))
def test_a_leagues_competition_by_the_noun_after_it(league: str, noun: str, lead: str) -> None:
    text = f"{lead} {league} {noun} on Tuesday night."
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}
    assert found.get(name_key(league)) == EVENT, found


@pytest.mark.parametrize(("name", "noun"), product(
    ["Firefox", "Cassini", "Opportunity", "Huygens", "Beagle"],
    ["browser", "spacecraft", "rover", "lander", "orbiter", "telescope"]))
def test_a_craft_or_a_browser_by_the_noun_after_it(name: str, noun: str) -> None:
    text = f"Engineers said the {name} {noun} was working well on Monday."
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}
    assert found.get(name_key(name)) == WORK, found


@pytest.mark.parametrize(("kind", "name"), product(
    ["moon", "comet", "asteroid", "spacecraft", "probe"],
    ["Titan", "Enceladus", "Tempel", "Eros"]))
def test_a_world_or_a_craft_by_the_noun_before_it(kind: str, name: str) -> None:
    text = f"Images of the {kind} {name} were sent back on Monday."
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}
    assert found.get(name_key(name)) == WORK, found


@pytest.mark.parametrize(("given", "surname"), product(["Tiger", "Retief", "Vijay", "Shigeki"],
                                                       ["Woods", "Els", "Goosen", "Singh"]))
@pytest.mark.parametrize("firsts", [3, 5, 9])
def test_a_surname_first_in_sentences_makes_a_person(given: str, surname: str,
                                                     firsts: int) -> None:
    """"Tiger Woods" 20 times, "Woods" alone 3 times mid-sentence and `firsts` times first
    in a sentence (a key of its own): a person, as "Saddam Hussein ... Hussein" is."""
    full = f"{given} {surname}"
    whole = stats_of(full, 20 + 3, {full: 20, surname: 3}, location=2)
    first = KeyStats("^" + name_key(full), Counter({surname: firsts}), firsts, firsts)
    assert actors(whole, first)[whole.key][0] == "person"
    # (Without the sentences' first words, three of 23 mentions alone are not a habit.)
    assert actors(whole)[whole.key][0] != "person"


@pytest.mark.parametrize(("name", "word"), [("House Ways", "Ways"), ("Senate Rules", "Rules"),
                                            ("Indian Ocean", "Ocean")])
@pytest.mark.parametrize("the", [8, 12])
def test_a_name_after_the_is_no_persons_by_its_last_word(name: str, word: str, the: int) -> None:
    """"the House Ways (and Means Committee)" 31 times, "Ways" alone: a body's name cut
    short, no person's."""
    whole = stats_of(name, 35, {name: 31, word: 4}, location=2, thing=the)
    first = KeyStats("^" + name_key(name), Counter({word: 5}), 5, 5)
    assert actors(whole, first)[whole.key][0] != "person"


@pytest.mark.parametrize("lead", ["wherever on this", "life on the", "the whole"])
def test_a_planet_before_a_comma_makes_no_work(lead: str) -> None:
    """"wherever on this planet, Qassem Soleimani": the planet is no apposition's kind."""
    text = f"They struck {lead} planet, Qassem Soleimani, the general, on Friday."
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}
    assert found.get("qassem soleimani") != WORK, found


@pytest.mark.parametrize(("place", "person"), [("Russia", "Bashar Assad"),
                                               ("Syria", "Bashar al-Assad"),
                                               ("Iran", "Qassem Soleimani"),
                                               ("France", "Emmanuel Macron")])
def test_a_possessive_without_its_apostrophe_is_no_club(place: str, person: str) -> None:
    """"Russia Bashar Assads" (a scrape that strips apostrophes: "Russia, Bashar Assad's
    ally") is a place before a person's possessive, not a club's plural: the person's
    actor stays a person (an outside tester's FA-KES listed Bashar al-Assad an
    organisation)."""
    from newsdesk.index.actors.place_clubs import club_over_person

    owner = name_key(person)
    keys = [owner, owner + "s", f"{name_key(place)} {owner}s"]
    assert not club_over_person(keys, lambda k: k == name_key(place), frozenset())
    # (A club's plural whose singular the actor does not hold is still one.)
    assert club_over_person(["detroit tigers", "tigers"], lambda k: k == "detroit",
                            frozenset())
