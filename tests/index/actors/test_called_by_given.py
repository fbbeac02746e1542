"""A given name the corpus calls one person by (called_by.py): US election news's lone
"Hillary" (12 articles of its own, 91 lone uses in Hillary Clinton's articles) and the
nickname "Crooked Hillary" were entries apart from her. On generated names, both ways:
two people of one given name, too few lone uses, a word in more articles than the person,
a nickname's head that starts other names, all stay apart."""

from __future__ import annotations

import random
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats
from newsdesk.index.actors.names import name_key
from tests.index.actors.test_precision_rules import clusters

_SYLLABLES = ("ka", "ro", "mi", "ten", "sul", "vak", "do", "ren", "bas", "ul", "zo", "lin")


def _word(rng: random.Random, n: int, end: str = "") -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize() + end


def _cases(seed: int, n: int = 8) -> list[tuple[str, str, str, str]]:
    """(given, surname, other surname, a nickname's head) no dictionary holds."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        given, head = _word(rng, 2, "y"), _word(rng, 2, "ed")
        surname, other = _word(rng, 3), _word(rng, 3, "er")
        if len(surname) >= 6 and surname[:4] != other[:4]:
            out.append((given, surname, other, head))
    return out


def _full(given: str, surname: str, articles: int, given_alone: int) -> KeyStats:
    surfaces = Counter({f"{given} {surname}": articles * 2, surname: articles})
    if given_alone:
        surfaces[given] = given_alone
    return KeyStats(name_key(f"{given} {surname}"), surfaces, sum(surfaces.values()),
                    articles, person=articles // 2 + 1)


def _lone(name: str, articles: int, mentions: int, person: int = 1) -> KeyStats:
    return KeyStats(name_key(name), Counter({name: mentions}), mentions, articles,
                    person=person, org=Counter(modifier=1))


def _with(stats: list[KeyStats], key: str) -> set[str]:
    return clusters(stats)[key][2] - {key}


def test_a_given_name_the_corpus_calls_one_person_by_is_that_persons() -> None:
    for given, surname, other, head in _cases(6):
        her = _full(given, surname, 102, 91)
        lone = _lone(given, 12, 23)
        assert _with([her, lone], lone.key) == {her.key}
        nick = _lone(f"{head} {given}", 7, 12, person=2)
        assert _with([her, nick], nick.key) == {her.key}
        # Another person of that given name, called so about as often: apart.
        him = _full(given, other, 80, 70)
        assert her.key not in _with([her, him, lone], lone.key)
        assert her.key not in _with([her, him, nick], nick.key)
        # Too few lone uses in her articles to say the corpus calls her so.
        assert _with([_full(given, surname, 102, 12), lone], lone.key) == set()
        # In more articles than she is named in full: a word of its own or many people's.
        assert _with([_full(given, surname, 10, 91), _lone(given, 12, 23)], lone.key) == set()
        # Written more often elsewhere than her articles call her so.
        assert _with([_full(given, surname, 102, 30), _lone(given, 12, 40)], lone.key) \
            == set()


def test_a_nickname_needs_a_head_that_starts_no_other_name() -> None:
    for given, surname, _other, head in _cases(7):
        her = _full(given, surname, 102, 91)
        nick = _lone(f"{head} {given}", 7, 12, person=2)
        # "<Head> Rock", a place, shares the head: the head is a name's word, no epithet.
        place = KeyStats(name_key(f"{head} Rock"), Counter({f"{head} Rock": 9}), 9, 5,
                         location=5)
        assert her.key not in _with([her, nick, place], nick.key)
        # A given name as the head ("Mary Ann"): a person's two given names.
        named = _lone(f"Mary {given}", 7, 12, person=2)
        assert her.key not in _with([her, named], named.key)
