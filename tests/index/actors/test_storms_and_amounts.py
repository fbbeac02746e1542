"""Named storms are weather, no actors ("Cyclone Pam", "TC Harold": Vanuatu and Tonga news
listed them in their top 40); a currency's short name written as a word and glued to a
number is an amount ("Vt25", "the Vt200 million": Vatu listed as the actor "Vt"). Each in
generated variants, beside names of the same shape that stay."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import not_actor
from newsdesk.index.actors.reach import KeyIndex, Reach
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.storage.article_store import Store

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

STORMS = ["Cyclone", "Tropical Cyclone", "TC", "Hurricane", "Typhoon", "Super Typhoon",
          "Tropical Storm", "Storm", "Severe Tropical Cyclone"]
NAMES = ["Pam", "Harold", "Winston", "Katrina", "Haiyan", "Gita", "Ian"]


@pytest.mark.parametrize(("storm", "name"), product(STORMS, NAMES))
def test_a_named_storm_is_no_actor(storm: str, name: str) -> None:
    assert not_actor(name_key(f"{storm} {name}"))
    s = KeyStats(name_key(f"{storm} {name}"), {f"{storm} {name}": 40}, 40, 30)
    assert cluster({s.key: s}, {}, DICTIONARIES) == []


@pytest.mark.parametrize("name", ["Tropical Cyclone Warning Centre", "Miami Hurricanes",
                                  "Carolina Hurricanes", "Storm Prediction Center"])
def test_a_body_named_after_storms_stays(name: str) -> None:
    assert not not_actor(name_key(name))


CURRENCIES = ["Vt", "Rs", "Tk", "Sh"]
AMOUNTS = ["25", "1,100", "200 million", "1, 139, 144, 036", "5bn", "38, 000"]
FRAMES = ["It cost {a} in Port Vila.", "He said the {a} is part of it.",
          "A fee of {a} was paid by Digicel."]


@pytest.mark.parametrize(("currency", "amount", "frame"), product(CURRENCIES, AMOUNTS, FRAMES))
def test_a_currency_written_as_a_word_glued_to_a_number_is_no_actor(
        currency: str, amount: str, frame: str) -> None:
    found = EXTRACTOR.extract("", frame.format(a=currency + amount))
    assert name_key(currency) not in [m.key for m in found.mentions], found.mentions


@pytest.mark.parametrize(("text", "key"), [("The G20 met in Rome.", "g20"),
                                           ("Leaders of the G7 met.", "g7"),
                                           ("Then Vt said no, the Vt party agreed.", "vt")])
def test_codes_in_capitals_and_words_without_numbers_stay(text: str, key: str) -> None:
    assert key in [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("storm", "alone", "person"),
                         [(27, 17, 0), (10, 20, 1), (40, 5, 0)])
def test_a_storms_name_alone_goes_with_the_storm(storm: int, alone: int, person: int) -> None:
    stats = [KeyStats("tc harold", {"TC Harold": storm}, storm, storm),
             KeyStats("harold", {"Harold": alone}, alone, alone, person=person)]
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    assert "harold" not in {k for c in found for k in c.keys}


@pytest.mark.parametrize(("storm", "alone", "person"), [(5, 40, 0), (27, 17, 9)])
def test_a_name_used_more_or_as_a_persons_stays(storm: int, alone: int, person: int) -> None:
    stats = [KeyStats("cyclone harold", {"Cyclone Harold": storm}, storm, storm),
             KeyStats("harold", {"Harold": alone}, alone, alone, person=person)]
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    assert "harold" in {k for c in found for k in c.keys}


def test_a_patch_reaches_from_a_storms_name_to_the_storm(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    texts = ["TC Harold hit Santo. Officials said TC Harold was strong.",
             "On Monday, Harold flattened Luganville."] * 4
    for n, text in enumerate(texts):
        store.mark_done(mention_rows(str(n), EXTRACTOR.extract("", text)), [])
    table = ActorTable(store)
    table.rebuild(DICTIONARIES)
    assert table.resolve("Harold") is None and table.resolve("TC Harold") is None
    reach = Reach(store.db, DICTIONARIES, (), KeyIndex(store.db))
    assert "tc harold" in reach.linked("harold") and "harold" in reach.linked("tc harold")
    store.close()
