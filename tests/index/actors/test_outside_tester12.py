"""Classes a twelfth outside tester found on KCNA's English service (East Asian names):
a family name written alone after the full name ("Xi" after "Xi Jinping", "Moon" after
"Moon Jae-in") is that person, as "Blair" is Tony Blair; a title set after a full name in
apposition ("to Xi Jinping, general secretary of the ...") says a person, not a place
(Xi Jinping was filed among the places by "message to")."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))

NAMES = ["Xi Jinping", "Li Keqiang", "Moon Jae-in", "Wang Yi", "Hu Jintao", "Kim Yo Jong",
         "Zhou Enlai", "Chen Muhua"]
LATER = ["Later, {family} said trade mattered.", "Officials said {family} agreed.",
         "On Monday {family} met reporters."]


def _mentions(text: str) -> list[tuple[str, bool, bool]]:
    return [(m.key, m.person_cue, m.location_cue)
            for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("name", "later"), product(NAMES, LATER))
def test_a_family_name_alone_is_the_full_name_the_article_uses(name: str, later: str
                                                               ) -> None:
    family = name.split()[0]
    text = f"{name} and officials talked in Beijing. " + later.format(family=family)
    keys = [key for key, _, _ in _mentions(text)]
    full = " ".join(name.lower().replace("-", " ").split())
    assert keys.count(full) == 2 and family.lower() not in keys, keys


def test_a_places_first_word_alone_stays() -> None:
    keys = [key for key, _, _ in _mentions("Hong Kong police said. Later, Hong said so.")]
    assert keys.count("hong kong") == 1, keys


TITLES = ["general secretary of the Central Committee", "president of the State Affairs",
          "prime minister of Britain", "chairman of the board", "the president of Chile",
          "vice-president of the company", "former governor of Texas"]
BEFORE = ["sent a message to", "received a letter from", "spoke in Seoul with"]


@pytest.mark.parametrize(("title", "before", "name"),
                         [(t, BEFORE[i % 3], NAMES[i % len(NAMES)]) + () for i, t in
                          enumerate(TITLES)] + [(TITLES[0], "wrote to", "Tony Blair")])
def test_a_title_in_apposition_says_a_person(title: str, before: str, name: str) -> None:
    found = _mentions(f"KCNA {before} {name}, {title}, on Monday.")
    full = " ".join(name.lower().replace("-", " ").split())
    assert (full, True, False) in found, found


@pytest.mark.parametrize("text", [
    "He flew to Kuala Lumpur, capital of Malaysia.",
    "They went to New York, home of the United Nations.",
    "Talks moved to Hong Kong, chairman of both said."])
def test_a_place_with_an_apposition_is_no_person(text: str) -> None:
    assert all(not person for _, person, _ in _mentions(text)), _mentions(text)


@pytest.mark.parametrize(("place", "body"), [
    ("Montreal", "Hands Off Venezuela Montreal"), ("Leeds", "Campaign Against Arms Trade Leeds"),
    ("Ottawa", "Haiti Action Ottawa"), ("Glasgow", "Friends of Palestine Glasgow")])
def test_a_place_the_article_names_is_no_surname_of_a_body(place: str, body: str) -> None:
    # (An outside tester's "Montreal" was joined to "Hands Off Venezuela Montreal" where
    # the article also wrote "in Montreal"; unmerge could not split it out.)
    text = f"A meeting was held in {place}. {body} held a rally. The {place} coordinator spoke."
    keys = [key for key, _, _ in _mentions(text)]
    assert keys.count(place.lower()) == 2, keys


def test_a_surname_after_in_is_still_the_persons() -> None:
    keys = [key for key, _, _ in _mentions(
        "Arsene Wenger said so. Fans in Wenger's home town cheered. Wenger agreed.")]
    assert "wenger" not in keys, keys


@pytest.mark.parametrize(("dateline", "word"), [
    (d, w) for d in ["Pyongyang, August 3 (KCNA) -- ", "WASHINGTON (Reuters) - ",
                     "LONDON, March 3 - ", "Tehran, June 2 (Mehr) — "]
    for w in ["Following", "According", "Despite", "Meanwhile"]])
def test_the_word_after_a_datelines_dash_starts_a_sentence(dateline: str, word: str) -> None:
    keys = [key for key, _, _ in _mentions(f"{dateline}{word} the talks, officials met.")]
    assert word.lower() not in keys and f"^{word.lower()}" not in keys, keys


@pytest.mark.parametrize("lead", ["Respected Comrade", "Comrade", "Dear Comrade"])
def test_comrade_is_a_title(lead: str) -> None:
    found = _mentions(f"Officials said {lead} Kim Jong Un visited a farm.")
    assert ("kim jong un", True, False) in found, found
