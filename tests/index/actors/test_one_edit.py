"""`osa_within_one` (clustering's one-edit test without rapidfuzz) answers as rapidfuzz's
OSA distance does wherever that is 0 or 1, and says 2 for any greater distance: on random
short strings of three letters (edits of one another and not) and on name keys."""

from __future__ import annotations

import random

from rapidfuzz.distance import OSA

from newsdesk.index.actors.one_edit import osa_within_one


def _edited(rnd: random.Random, word: str) -> str:
    letters = list(word)
    for _ in range(rnd.randint(1, 2)):
        op = rnd.randint(0, 3)
        if op == 0 and letters:
            letters[rnd.randrange(len(letters))] = rnd.choice("abcd")
        elif op == 1:
            letters.insert(rnd.randint(0, len(letters)), rnd.choice("abc"))
        elif op == 2 and letters:
            del letters[rnd.randrange(len(letters))]
        elif op == 3 and len(letters) > 1:
            j = rnd.randrange(len(letters) - 1)
            letters[j], letters[j + 1] = letters[j + 1], letters[j]
    return "".join(letters)


def test_one_edit_is_osa_distance_capped_at_two() -> None:
    rnd = random.Random(7)
    pairs = [("", ""), ("", "a"), ("ab", "ba"), ("abc", "acb"), ("abc", "cba"), ("ab", "ab"),
             ("hamdi", "mahdi"), ("qassem", "qasem"), ("exchance", "exchange"), ("a b", "ab")]
    for _ in range(40_000):
        a = "".join(rnd.choice("abc") for _ in range(rnd.randint(0, 7)))
        b = _edited(rnd, a) if rnd.random() < 0.6 else "".join(
            rnd.choice("abc") for _ in range(rnd.randint(0, 7)))
        pairs.append((a, b))
    for a, b in pairs:
        assert osa_within_one(a, b) == min(OSA.distance(a, b), 2), (a, b)
