"""A company's product named by the company's name and a common noun ("the Apple Watch",
"the Apple Watch Edition") is no actor (index/actors/products.py): generated over makers,
kinds of product and ways of writing them, each with the near cases it must leave (a
company whose name ends in a surname, a body's name before a noun, a place's or a person's
name first, an adjective first, a body's head noun last, a dictionary's name)."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor, mention_rows
from newsdesk.index.actors.works import WORK

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

MAKERS = ["Apple", "Zentrix", "Norvale", "Samsung", "Korvik"]
PRODUCTS = [("Watch", "watch"), ("Tablet", "tablet"), ("Galaxy", "phone"),
            ("Camera", "camera"), ("Reader", "reader")]
# An article on the product: the maker named alone, the product after "the", the noun in
# lower case (not always the product's own word: "the Galaxy ... the phone").
ARTICLES = [
    "{maker} unveiled its {low} on Monday. The {maker} {product} will cost $300, and the "
    "{low} comes in two sizes. Reviewers said the {maker} {product} was fast, and {maker} "
    "said it would ship the {maker} {product} Edition in May.",
    "Analysts expect {maker} to sell ten million of them. The {maker} {product} went on "
    "sale in April; a {low} costs less. {maker} has said the {maker} {product} has sold "
    "out, and the {maker} {product} Edition followed.",
]


def cues(text: str) -> dict[str, Counter[str | None]]:
    out: dict[str, Counter[str | None]] = {}
    for m in EXTRACTOR.extract("", text).mentions:
        out.setdefault(m.key, Counter())[m.org_type] += 1
    return out


@pytest.mark.parametrize("maker", MAKERS)
@pytest.mark.parametrize("product,low", PRODUCTS)
@pytest.mark.parametrize("article", ARTICLES)
def test_a_makers_product_takes_a_works_cue(maker: str, product: str, low: str,
                                            article: str) -> None:
    # (the lower-case noun of the product's own word where the article has none other)
    text = article.format(maker=maker, product=product, low=product.lower()
                          if "{low}" not in article else low) + f" The {product.lower()} works."
    found = cues(text)
    name = f"{maker} {product}".lower()
    assert found[name][WORK] >= 1, found
    assert WORK in found[f"{name} edition"], found  # its model, however written
    assert WORK not in found[maker.lower()], found  # the maker is still an actor


def listed(texts: list[str]) -> dict[str, str]:
    """key -> the type of its actor, the texts read as an index stores them."""
    stats: dict[str, KeyStats] = {}
    for i, text in enumerate(texts):
        for row in mention_rows(str(i), EXTRACTOR.extract("", text)):
            _, key, surface, n, _, _, person, location, cue, _ = row
            s = stats.setdefault(key, KeyStats(key))
            s.surfaces[surface] += n
            s.mentions += n
            s.articles += 1
            s.person += person
            s.location += location
            if cue:
                s.org[cue] += n
    return {k: c.type for c in cluster(stats, {}, DICTIONARIES) for k in c.keys}


@pytest.mark.parametrize("maker", MAKERS)
@pytest.mark.parametrize("product,low", PRODUCTS[:3])
def test_a_product_is_no_actor_and_its_maker_is(maker: str, product: str, low: str) -> None:
    texts = [a.format(maker=maker, product=product, low=low) + f" The {product.lower()} works."
             for a in ARTICLES] * 2
    found = listed(texts)
    name = f"{maker} {product}".lower()
    assert name not in found and f"{name} edition" not in found, found
    assert maker.lower() in found


NEAR = [
    # a company whose name ends in a word of its own: never written in lower case
    ("Goldman rose. Shares of the Goldman Sachs fell, and Goldman said so.", "goldman sachs"),
    # a body's name before the noun it qualifies: the noun is the thing
    ("Verizon said the wireless market grew. The Verizon Wireless board met, and the "
     "wireless unit grew.", "verizon wireless"),
    # a place's name first
    ("He lives in Boston. The Boston Globe said the globe was warming. Boston is cold.",
     "boston globe"),
    # a person's name first
    ("Trump said he would stay. The Trump Tower is tall, and the tower has 58 floors.",
     "trump tower"),
    # an adjective first (written in lower case too)
    ("Solar panels were cheap. The Solar System is old; solar power and the system grew.",
     "solar system"),
    # a body's head named after "the" more often than not ("the House"), first
    ("The House voted on Monday. The House Agriculture Subcommittee met; the subcommittee "
     "chairman said the House would act.", "house agriculture subcommittee"),
    # a body's head noun last
    ("Members of Unification met. The Unification Church said the church would pay.",
     "unification church"),
]


@pytest.mark.parametrize("text,key", NEAR)
def test_names_that_are_no_product_keep_their_cues(text: str, key: str) -> None:
    found = cues(text)
    assert key in found and WORK not in found[key], found


@pytest.mark.parametrize("product", ["Watch", "Tablet", "Camera"])
def test_a_dictionarys_name_is_no_product(product: str) -> None:
    """A name the dictionaries know names an actor ("the European Union")."""
    text = ("Europe spoke. The European Union said the union would act; European "
            f"leaders agreed. The Apple {product} sold, Apple said.")
    assert WORK not in cues(text)["european union"]
