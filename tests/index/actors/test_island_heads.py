"""An island state's name clipped to its first word ("Solomon students": Solomon Islands),
a body's name holding a country's ("Transparency Solomon Islands said") and a body named
mostly after "the" with two stray "said"s ("the Pacific Islands Forum"): no one's name.
A ninth outside tester's Solomon Islands news; each class in generated variants."""

from __future__ import annotations

from collections import Counter
from itertools import product
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.reach import KeyIndex, Reach
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.storage.article_store import Store

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

ISLAND_STATES = [("Solomon", "Solomon Islands"), ("Marshall", "Marshall Islands"),
                 ("Cook", "Cook Islands"), ("Cayman", "Cayman Islands"),
                 ("Faroe", "Faroe Islands")]


def stat(surface: str, n: int, person: int = 0, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=person,
                    org=Counter(org))


def actor_of(stats: list[KeyStats], key: str) -> set[str]:
    """The keys of `key`'s actor; none where it is no actor (a word used before nouns
    only is dropped as an adjective's before this rule)."""
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    return next((set(c.keys) for c in found if name_key(key) in c.keys), set())


@pytest.mark.parametrize(("word", "country", "uses"),
                         [(*pair, uses) for pair, uses in product(
                             ISLAND_STATES, [(37, 13), (20, 30), (66, 0)])])
def test_an_island_states_first_word_used_before_nouns_is_the_state(
        word: str, country: str, uses: tuple[int, int]) -> None:
    modifier, thing = uses
    stats = [stat(country, 2000), stat(word, 66, modifier=modifier, thing=thing)]
    assert actor_of(stats, word) in (set(), actor_of(stats, country))
    assert name_key(country) in actor_of(stats, word) or modifier == 66


@pytest.mark.parametrize(("word", "country"), ISLAND_STATES)
@pytest.mark.parametrize("how", ["person", "rare country", "plain"])
def test_the_word_stays_apart_where_the_corpus_uses_it_otherwise(
        word: str, country: str, how: str) -> None:
    if how == "person":  # "Marshall said", "King Solomon told"
        stats = [stat(country, 2000), stat(word, 60, person=15, modifier=30)]
    elif how == "rare country":  # a US corpus's Marshall, the islands named now and then
        stats = [stat(country, 100), stat(word, 60, modifier=40)]
    else:  # named as itself, not before nouns
        stats = [stat(country, 2000), stat(word, 60, modifier=5, thing=5)]
    assert name_key(country) not in actor_of(stats, word)


def test_a_patch_reaches_from_the_word_to_the_state(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    # (One use an article: a row's weak cue is the one at least half its mentions have.)
    texts = ["Solomon students left Solomon Islands. Solomon Islands voted.",
             "In Solomon Islands the Solomon's health sector grew. Solomon Islands won.",
             "Solomon's Prime Minister spoke in Solomon Islands. In Solomon Islands it rained.",
             ] * 4 + ["Solomon Islands voted. In Solomon Islands rain fell."] * 12
    for n, text in enumerate(texts):
        found = EXTRACTOR.extract("", text)
        store.mark_done(mention_rows(str(n), found), [])
    table = ActorTable(store)
    table.rebuild(DICTIONARIES)
    assert table.resolve("Solomon").id == table.resolve("Solomon Islands").id  # (the rule)
    reach = Reach(store.db, DICTIONARIES, (), KeyIndex(store.db))
    assert "solomon islands" in reach.linked("solomon")
    assert "solomon" in reach.linked("solomon islands")
    store.close()


BODIES = ["Transparency {c}", "{c} Red Cross", "Oxfam {c}", "{c} Football Federation",
          "World Vision {c}"]
COUNTRIES = ["Solomon Islands", "New Zealand", "Papua New Guinea", "South Africa",
             "Sri Lanka"]
SAID = ["{b} said the plan was wrong.", "Meanwhile, {b} says it is concerned.",
        "The chair of {b} says MPs must act.", "The head of {b} said so on Monday."]


@pytest.mark.parametrize(("body", "country", "said"), product(BODIES, COUNTRIES, SAID))
def test_a_name_holding_a_countrys_gets_no_persons_cue_from_said(
        body: str, country: str, said: str) -> None:
    name = body.format(c=country)
    # (Named mid-sentence first: a word capitalised only at a sentence's start is cut.)
    found = EXTRACTOR.extract("", f"Officials met {name} on Monday. " + said.format(b=name))
    named = [m for m in found.mentions if m.key == name_key(name)]
    assert len(named) == 2 and not any(m.person_cue for m in named), found.mentions


@pytest.mark.parametrize("text", ["Chad Johnson said the plan was wrong.",
                                  "Israel Folau said he was sorry.",
                                  "Jordan Henderson says the side is ready."])
def test_a_person_named_like_a_one_word_country_keeps_the_cue(text: str) -> None:
    found = EXTRACTOR.extract("", text)
    assert any(m.person_cue for m in found.mentions), found.mentions


@pytest.mark.parametrize(("name", "thing", "person"),
                         product(["Pacific Islands Forum", "Melanesian Spearhead Group",
                                  "Asian Development Bank Institute"],
                                 [34, 26], [1, 2, 3]))
def test_a_name_mostly_after_the_is_no_persons_by_stray_said(
        name: str, thing: int, person: int) -> None:
    s = stat(name, 49, person=person, thing=thing, event=7)
    assert cluster({s.key: s}, {}, DICTIONARIES)[0].type != "person"


def test_a_name_with_a_persons_cues_and_few_thes_is_still_a_person() -> None:
    s = stat("Dana Roe", 40, person=5, thing=6)
    assert cluster({s.key: s}, {}, DICTIONARIES)[0].type == "person"


@pytest.mark.parametrize(("body", "country", "said"), product(
    ["Statistics {c}", "Health {c}", "Elections {c}", "Transport {c}"],
    ["Canada", "Australia", "Ireland", "Kenya"], SAID))
def test_a_body_ending_in_a_countrys_name_gets_no_persons_cue_from_said(
        body: str, country: str, said: str) -> None:
    name = body.format(c=country)
    found = EXTRACTOR.extract("", f"Officials met {name} on Monday. " + said.format(b=name))
    named = [m for m in found.mentions if m.key == name_key(name)]
    assert named and not any(m.person_cue for m in named), found.mentions


@pytest.mark.parametrize("name", ["Michael Jordan", "Kelly Chad", "Paul Georgia"])
def test_a_persons_name_ending_in_a_countrys_keeps_the_cue(name: str) -> None:
    found = EXTRACTOR.extract("", f"Officials met {name} on Monday. Later {name} said so.")
    assert any(m.person_cue for m in found.mentions if m.key == name_key(name)), \
        found.mentions
