"""A full name opening a sentence keeps its given name where no shipped list has it
(cluster.py `_repeated_first`): "Narendra Modi spoke on Monday. Modi said ..." gave "Modi"
(other), as did Shinzo Abe, Fumio Kishida, Jacinda Ardern, Kithure Kindiki (an outside
tester's report, A11), where mid-sentence the names come out whole. The evidence: the same
word before the same surname in two articles, a word that leads no other name. Ordinary
capitalised words before a name stay cut. Made-up and real names in made-up sentences."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.given_lists import person_given_names
from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.rows import mention_rows
from newsdesk.index.actors.table import make_extractor
from tests.bench.corpus_totals import CorpusTotals

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

GIVEN = ("Narendra", "Shinzo", "Fumio", "Kithure", "Uhuru", "Olusegun", "Taavita",
         "Bolormaa", "Nkosazana", "Xochitl")
SURNAMES = ("Modi", "Abe", "Kishida", "Kindiki", "Obasanjo", "Tuilagi", "Dlamini",
            "Gálvez", "Nyamweya", "Batbayar")
OPENERS = ("{full} spoke on Monday. {last} said the talks went well.",
           "{full} arrived in the capital. Aides said {last} would meet the cabinet.",
           "{full} told reporters the plan was sound, and {last} thanked the party.")


def actors(texts: list[str]) -> dict[str, tuple[str, str]]:
    """Every key of the actors not hidden: its actor's (name, type)."""
    totals = CorpusTotals()
    for n, text in enumerate(texts):
        found = EXTRACTOR.extract("", text)
        totals.add(f"a{n}", mention_rows(f"a{n}", found), found.acronyms, KeyStats)
    totals.finish()
    return {key: (c.name, c.type) for c in cluster(totals.stats, totals.acronyms, DICTIONARIES,
                                                   totals.together)
            if not c.hidden for key in c.keys}


def test_the_given_names_are_on_no_list() -> None:
    """(Else the lists, not the rule, would keep them.)"""
    assert not {g.lower() for g in GIVEN} & (given_names() | person_given_names())


@pytest.mark.parametrize("shift", range(len(SURNAMES)))
def test_a_full_name_opening_sentences_keeps_its_given_name(shift: int) -> None:
    # every given name with another surname each round: ten people a corpus
    people = [(g, SURNAMES[(i + shift) % len(SURNAMES)]) for i, g in enumerate(GIVEN)]
    texts = [frame.format(full=f"{g} {s}", last=s) for g, s in people for frame in OPENERS]
    found = actors(texts)
    for given, last in people:
        full = f"{given} {last}"
        key = "^" + f"{given} {last}".lower().replace("á", "a")
        assert found.get(key) == (full, "person"), (full, found)
        lone = [k for k, (name, _) in found.items() if name == full]
        assert len(lone) == 2, (full, lone)  # the surname alone joins it


def test_one_article_is_no_evidence() -> None:
    """One sentence may open with any capitalised word before a name."""
    found = actors([OPENERS[0].format(full="Narendra Modi", last="Modi")])
    assert ("Narendra Modi", "person") not in found.values(), found


# Ordinary capitalised words that open sentences before names, each in several articles.
ORDINARY = ("Undeterred", "Separately", "Unusually", "Privately", "Asked", "Reporting",
            "Analysts", "Shares", "Critics", "Enrolling", "Pushing", "Veterans")
NAMES = ("Kowalczyk", "Nakamura", "Okonkwo", "Vianello")


@pytest.mark.parametrize("word", ORDINARY)
def test_an_ordinary_word_before_names_stays_cut(word: str) -> None:
    texts = [f"{word} {last} said the deal was off. {last} declined to comment."
             for last, _ in itertools.product(NAMES, range(2))]
    found = actors(texts)
    assert not any(name.startswith(word) for name, _ in found.values()), found


@pytest.mark.parametrize("word", ("Undeterred", "Separately", "Unusually", "Privately"))
def test_a_word_before_one_name_in_many_articles_stays_cut_if_it_leads_others(
        word: str) -> None:
    """The same word before the same name in three articles, and before another name
    once: an ordinary word, not a given name."""
    texts = [f"{word} Kowalczyk said the deal was off. Kowalczyk declined to comment."] * 3
    texts.append(f"{word} Nakamura said the deal was off.")
    found = actors(texts)
    assert not any(name.startswith(word) for name, _ in found.values()), found


def test_a_word_that_is_a_name_of_its_own_stays_cut() -> None:
    """"Dow Jones": "Dow" is a name alone elsewhere ("the Dow fell")."""
    texts = ["Dow Jones said its index rose. Jones added more."] * 2
    texts.append("The Dow fell 20 points on Monday, traders said.")
    found = actors(texts)
    assert ("Dow Jones", "person") not in found.values(), found


@pytest.mark.parametrize("text", [
    "Finest Hour was shown again. The hour was late, Hour said.",  # a surname in lower case
    "Current PC makers said sales fell. PC shipments rose.",  # in capitals
    "Congressional Democratic leaders met. Democratic aides said so.",  # an adjective
])
def test_a_word_after_the_opener_that_is_no_surname_stays_cut(text: str) -> None:
    found = actors([text] * 3)
    first = text.split(" ", 2)
    assert (f"{first[0]} {first[1]}", "person") not in found.values(), found
