"""The fuzzy rule (clustering rule 4) finds its candidates by shared first or last three
letters instead of every one-deletion variant of every key: the same joins, checked against
the deletion-variant version on made-up keys dense with one-edit spellings (substitutions,
insertions, deletions and transpositions at every position, both ends included)."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from rapidfuzz.distance import OSA

from newsdesk.index.actors.cluster import KeyStats, _fuzzy, _Groups
from newsdesk.index.actors.one_edit import edit_in_long_word, slip_like


def _deletion_variant_fuzzy(live: dict[str, KeyStats], acronym: set[str], groups: _Groups,
                            together, distance) -> None:  # noqa: ANN001
    """Rule 4 as it was before the rewrite (with the guards added since: the edit in a word
    of five letters or more, no far consonant for a consonant)."""
    frequent: dict[str, list[str]] = defaultdict(list)
    for key, s in live.items():
        if s.mentions >= 10 and len(key) >= 7 and key not in acronym:
            for i in range(len(key)):
                frequent[key[:i] + key[i + 1:]].append(key)
            frequent[key].append(key)
    if not frequent:
        return
    found: dict[str, str] = {}
    for key, s in live.items():
        if len(key) < 7 or key in acronym:
            continue
        near = set(frequent.get(key, ()))
        for i in range(len(key)):
            near.update(frequent.get(key[:i] + key[i + 1:], ()))
        near.discard(key)
        near = {k for k in near if live[k].mentions >= 10 * s.mentions
                and len(k.split()) == len(key.split()) and distance(k, key) <= 1
                and edit_in_long_word(k, key) and slip_like(k, key)}
        if len({groups.find(k) for k in near}) == 1:
            found[key] = max(near, key=lambda k: (live[k].mentions, k))
    for rare, target in found.items():
        if target not in found and not together(rare, target):
            groups.union(target, rare)


def _edits(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word) + 1)
    c = rng.choice("abex ")
    match rng.randrange(4):
        case 0:
            return word[:i] + c + word[i + 1:]
        case 1:
            return word[:i] + c + word[i:]
        case 2:
            return word[:i] + word[i + 1:]
        case _:
            return word[:i] + word[i + 1:i + 2] + word[i:i + 1] + word[i + 2:]


def _keys(seed: int) -> dict[str, KeyStats]:
    rng = random.Random(seed)
    bases = ["".join(rng.choice("abex ") for _ in range(rng.randrange(6, 12))).strip()
             for _ in range(40)]
    keys = set(bases)
    for base in bases:
        for _ in range(12):
            keys.add(_edits(base, rng).strip())
            keys.add(_edits(_edits(base, rng), rng).strip())
    live = {}
    for key in sorted(k for k in keys if k):
        live[key] = KeyStats(key, mentions=rng.choice((1, 1, 2, 3, 10, 25, 40, 400)))
    return live


def test_same_joins_as_the_deletion_variants() -> None:
    joined = 0
    for seed in range(30):
        live = _keys(seed)
        acronym = {k for k in live if len(k) % 7 == 0}
        partitions = []
        for rule in (_fuzzy, _deletion_variant_fuzzy):
            groups = _Groups()
            for key in live:
                groups.add(key)
            rule(live, acronym, groups, lambda a, b: len(a) == 9, OSA.distance)
            partitions.append({key: groups.find(key) for key in live})
        assert partitions[0] == partitions[1], seed
        joined += sum(key != root for key, root in partitions[0].items())
    assert joined > 100  # the made-up keys do exercise the rule


@pytest.mark.parametrize(("frequent", "rare"), [
    (("Mitch", "McConnell"), ("Bob", "McDonnell")),
    (("Hillary", "Clinton"), ("Bill", "Clintan")),
    (("Angela", "Merkel"), ("Jan", "Merkal")),
])
def test_two_surnames_one_edit_apart_with_other_given_names_are_two_families(
        frequent: tuple[str, str], rare: tuple[str, str]) -> None:
    from tests.index.actors.test_precision_rules import clusters, stat
    found = clusters([stat(" ".join(frequent), 300, person=100),
                      stat(frequent[1], 400, person=100),
                      stat(" ".join(rare), 20, person=10), stat(rare[1], 10, person=3)])
    assert frequent[1].lower() not in found[rare[1].lower()][2]


def test_one_persons_two_spellings_of_a_surname_still_join() -> None:
    from tests.index.actors.test_precision_rules import clusters, stat
    found = clusters([stat("Volodymyr Zelensky", 300, person=100),
                      stat("Zelensky", 400, person=100),
                      stat("Volodymyr Zelenskiy", 20, person=10), stat("Zelenskiy", 10, person=3)])
    assert "zelensky" in found["zelenskiy"][2]


@pytest.mark.parametrize(("known", "frequent"), [
    ("Indians", "Indiana"), ("Oklahoma", "Oklahomas")])
def test_a_name_a_dictionary_knows_is_no_slip_of_another(known: str, frequent: str) -> None:
    # "Indians" (India's demonym), rare in US news, one letter from the state of Indiana;
    # a region's name (Oklahoma) one letter from a frequent name.
    from tests.index.actors.test_precision_rules import clusters, stat
    found = clusters([stat(frequent, 400, location=100), stat(known, 5, modifier=3)])
    assert frequent.lower() not in found[known.lower()][2]
