"""Classes an eleventh outside tester found on ECB+ (crime, courts, sport): a name's dotted
initials before its surname ("A.J. Smith" was "A.J.", and "Smith" alone another Smith's),
titles newsdesk did not cut ("Troy Police Chief Charles Craft", then joined to Kraft by
sound), a possessive's owner that is a common word (People magazine joined the People's
Liberation Army), a party's dictionary name joined to another country's party."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

INITIALS = ["A.J.", "J.K.", "C.J.", "T.J.", "J.R.R.", "R.J."]
SURNAMES = ["Smith", "Rowling", "Houshmandzadeh", "Wilson", "Tolkien", "O'Brien"]
LEADS = ["", "Then ", "On Monday, ", "The team said "]
AFTERS = [" said.", " scored twice.", ", 34, was hurt.", " and his wife left."]


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("initials", "surname", "lead", "after"),
                         product(INITIALS, SURNAMES, LEADS, AFTERS))
def test_dotted_initials_start_their_name(initials: str, surname: str, lead: str,
                                          after: str) -> None:
    text = f"{lead}{initials} {surname}{after} It was late."
    assert name_key(f"{initials} {surname}") in _keys(text), _keys(text)


@pytest.mark.parametrize(("text", "key", "not_key"), [
    ("Sales rose 100 mln U.S. Dlrs in March.", "us", "us dlrs"),
    ("He moved to the U.S. The firm said so.", "us", "us the"),
    ("Troops of the U.N. Peacekeepers stayed.", "un", "un peacekeepers"),
    ("He met A.J. in Paris.", "aj", "aj in"),
])
def test_a_known_dotted_name_still_ends_its_sentence(text: str, key: str, not_key: str
                                                     ) -> None:
    assert not_key not in _keys(text) and not any(k.startswith(f"{key} ") and "dlrs" in k
                                                  for k in _keys(text)), _keys(text)


TITLES = ["Police Chief", "Fire Chief", "Chief", "Sheriff", "Detective", "Superintendent",
          "Head Coach", "Coach", "General Manager", "Chief Executive", "Chief Inspector",
          "Deputy Sheriff"]
PEOPLE = ["Charles Craft", "Joe Arpaio", "Bill Belichick", "Tim Cook", "A.J. Smith"]
PLACES = ["", "Troy ", "Maricopa County ", "San Diego Chargers "]


@pytest.mark.parametrize(("title", "person", "place"), product(TITLES, PEOPLE, PLACES))
def test_a_title_before_a_full_name_is_cut(title: str, person: str, place: str) -> None:
    text = f"He was seen there, {place}{title} {person} said on Monday."
    keys = _keys(text)
    assert name_key(person) in keys, keys
    assert not any(k.endswith(name_key(person)) and k != name_key(person) for k in keys)


@pytest.mark.parametrize("text", ["Then Chief Keef said so.", "Shares of Coach Inc rose.",
                                  "He joined the Coach Inc board."])
def test_a_name_of_one_word_after_chief_or_a_firm_stays(text: str) -> None:
    keys = _keys(text)
    assert any(k in ("chief keef", "coach inc") for k in keys), keys


def stat(surface: str, n: int, lower: int = 0, **org: int) -> KeyStats:
    s = KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))
    s.lower = lower
    return s


def _group(stats: list[KeyStats], key: str) -> set[str]:
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    return next((set(c.keys) for c in found if name_key(key) in c.keys), set())


@pytest.mark.parametrize(("owner", "body"), [
    ("People", "People's Liberation Army"), ("Children", "Children's Hospital Trust"),
    ("Women", "Women's Institute Co"), ("Workers", "Workers's Party Inc")])
@pytest.mark.parametrize("lower", [2, 3, 9])
def test_a_common_word_owns_no_possessive_body(owner: str, body: str, lower: int) -> None:
    stats = [stat(owner, 20, lower=lower, media=5), stat(body, 2)]
    assert name_key(body) not in _group(stats, owner)


def test_a_firms_owner_still_joins_its_firm() -> None:
    stats = [stat("Moody", 2), stat("Moody's Investors Service Inc", 20)]
    stats[0].surfaces = Counter({"Moody": 2})
    stats[1].surfaces = Counter({"Moody's Investors Service Inc": 20})
    assert "moody" in _group(stats, "Moody's Investors Service Inc")


@pytest.mark.parametrize("country", ["Turkmenistan", "Japan", "Serbia"])
def test_a_partys_dictionary_name_joins_no_other_countrys_party(country: str) -> None:
    stats = [stat("Democratic Party", 8, party=8),
             stat(f"Democratic Party of {country}", 2, party=2), stat(country, 40)]
    assert name_key(f"Democratic Party of {country}") not in _group(stats, "Democratic Party")


# A dictionary's party of one country ("Democratic Party": the United States), bare in an
# article that names another country's party of that name: that article's party.
OTHER_PARTIES = [("Democratic Party", ["Turkmenistan", "Serbia", "Japan", "Albania"]),
                 ("Labour Party", ["Norway", "Ireland", "Malta"]),
                 ("Liberal Democratic Party", ["Russia", "Moldova"])]
QUALIFIED = ["the {body} of {country}", "{country}'s {body}", "{country}’s {body}"]
BARE_AFTER = ["The {body} said the vote was fair.", "Leaders of the {body} met on Monday.",
              "A spokesman for the {body} declined to comment."]


@pytest.mark.parametrize(("body", "country", "qualified", "after"), [
    (body, country, q, a) for body, countries in OTHER_PARTIES for country in countries
    for q in QUALIFIED for a in BARE_AFTER])
def test_a_bare_dictionary_party_is_the_articles_other_country_party(
        body: str, country: str, qualified: str, after: str) -> None:
    text = f"In elections, {qualified.format(body=body, country=country)} won every seat. " \
        + after.format(body=body)
    keys = _keys(text)
    assert name_key(body) not in keys, keys
    assert any(k != name_key(country) and name_key(country) in k for k in keys), keys


@pytest.mark.parametrize(("body", "country"), [
    ("Democratic Party", "U.S."), ("Democratic Party", "United States"),
    ("Labour Party", "British"), ("Labour Party", "Britain"), ("Labour Party", "Scottish"),
    ("Conservative Party", "Welsh"), ("Labour Party", "Scotland")])
def test_a_bare_dictionary_party_of_its_own_country_stays(body: str, country: str) -> None:
    for qualified in (f"the {country} {body}", f"the {body} of the {country}"):
        keys = _keys(f"Leaders of {qualified} met. The {body} said so.")
        assert keys.count(name_key(body)) >= 1, keys


def test_two_countries_parties_leave_the_bare_name_alone() -> None:
    keys = _keys("The Democratic Party of Turkmenistan and the Democratic Party of the "
                 "United States differ. The Democratic Party said so.")
    assert keys.count("democratic party") == 2, keys
