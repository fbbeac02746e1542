"""Rule 3 compares, in a bucket of many keys, only the given names that share a first
letter or their letters (`_given_name_pairs`): every pair the rule could join is still
offered, in the order the plain loop over every pair offers it."""

from __future__ import annotations

import random

from newsdesk.index.actors.cluster import _MANY_GIVEN_NAMES, _given_name_pairs
from newsdesk.index.actors.names import two_letters_swapped


def _bucket(seed: int, size: int) -> list[tuple[str, str, int]]:
    rng = random.Random(seed)
    words = []
    for _ in range(size):
        word = "".join(rng.choice("abdhimr") for _ in range(rng.randrange(5, 8)))
        if words and rng.random() < 0.3:  # a swap of another's letters, the first included
            other = list(rng.choice(words))
            i, j = rng.sample(range(len(other)), 2)
            other[i], other[j] = other[j], other[i]
            word = "".join(other)
        words.append(word)
    return [(w, f"{w} key{n}", rng.randrange(1, 20)) for n, w in enumerate(words)]


def test_large_buckets_offer_every_pair_rule_3_can_join_in_order() -> None:
    offered_less = 0
    for seed in range(20):
        items = _bucket(seed, _MANY_GIVEN_NAMES * 3 + seed)
        wanted = [(a, b) for n, a in enumerate(items) for b in items[n + 1:]
                  if a[0][0] == b[0][0] or two_letters_swapped(a[0], b[0])]
        offered = [(a, b) for a, others in _given_name_pairs(items) for b in others]
        assert [p for p in offered if p in set(wanted)] == wanted, seed
        offered_less += len(offered) < len(items) * (len(items) - 1) // 2
    assert offered_less == 20  # the large buckets were cut down


def test_small_buckets_offer_every_pair() -> None:
    items = _bucket(1, _MANY_GIVEN_NAMES)
    offered = [(a, b) for a, others in _given_name_pairs(items) for b in others]
    assert offered == [(a, b) for n, a in enumerate(items) for b in items[n + 1:]]
