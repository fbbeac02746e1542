"""Two names the corpus knows on their own, joined by "and", are no longer form of the
second (and_pairs.py, stranger13 A5: "Ford and Chrysler Group LLC" an alias of Chrysler,
"Leaf and General Motors Co" of General Motors), in generated variants; one name holding
"and" still joins its halves' fragments ("Cable and Wireless Plc")."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.and_pairs import two_names
from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import ORG_CUES
from newsdesk.index.actors.names import name_key

DICTIONARIES = load_dictionaries([])
FIRSTS = ["Zorvath", "Quilmer", "Brannock", "Tessival"]
SECONDS = ["Ombrecht Motors", "Halvane", "Corvelle Group", "Drissel Foods"]
FORMS = [" Co", " Corp", " LLC", " Inc"]


def stat(surface: str, mentions: int, articles: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: mentions}), mentions, articles,
                    0, 0, org=Counter(org))


def actor_of(stats: list[KeyStats], key: str) -> set[str]:
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES, lambda a, b: True)
    return next(set(c.keys) for c in found if key in c.keys)


@pytest.mark.parametrize(("first", "second", "form"), product(FIRSTS, SECONDS, FORMS))
def test_two_known_firms_joined_by_and_are_no_form_of_the_second(
        first: str, second: str, form: str) -> None:
    firm = stat(f"{second}{form}", 40, 38, organisation=40)
    pair = stat(f"{first} and {second}{form}", 1, 1, organisation=1)
    stats = [stat(first, 90, 30, organisation=40), stat(second, 200, 80, organisation=60),
             firm, pair]
    assert pair.key not in actor_of(stats, firm.key)


@pytest.mark.parametrize(("first", "second", "form"), product(FIRSTS, SECONDS, FORMS))
def test_one_name_with_and_keeps_its_fragments(first: str, second: str, form: str) -> None:
    """Halves about as common as the run are its own name cut at "and" ("Cable and
    Wireless Plc"); a first half never cued as a body, or of head words only ("Securities
    and Exchange Commission", "Bank and ..."), is no name of its own."""
    tail = stat(f"{second}{form}", 20, 18, organisation=20)
    whole = stat(f"{first} and {second}{form}", 33, 30, organisation=33)
    stats = [stat(first, 30, 26, organisation=17), tail, whole]
    assert whole.key in actor_of(stats, tail.key)
    whole = stat(f"{first} and {second}{form}", 1, 1, organisation=1)
    stats = [stat(first, 54, 53, thing=33), tail, whole]
    assert whole.key in actor_of(stats, tail.key)
    heads = stat(f"Bank and {second}{form}", 1, 1, organisation=1)
    live = {s.key: s for s in [stat("Bank", 30, 26, organisation=17), tail, heads]}
    assert not two_names(heads.key, live, ORG_CUES, {"co", "corp", "llc", "inc"})
    live[name_key("Zorvath")] = stat("Zorvath", 30, 26, organisation=17)
    assert two_names(name_key(f"Zorvath and {second}{form}"),
                     {**live, name_key(f"Zorvath and {second}{form}"): heads},
                     ORG_CUES, {"co", "corp", "llc", "inc"})
