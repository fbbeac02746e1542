"""A lone word joins a full name corpus-wide only on evidence that it means that person
(cluster._lone_means): the worldwide-newswire corpus had "Islam" (the religion, 11
articles) in Mohammad Shahinur Islam of one article, "Yoon" in Teng Yun, "Lee" of nine
articles in Michael Lee of one. Each case on generated names, both ways."""

from __future__ import annotations

import random
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats
from newsdesk.index.actors.names import name_key, translit
from tests.index.actors.test_precision_rules import clusters

_SYLLABLES = ("ka", "ro", "mi", "ten", "sul", "vak", "do", "ren", "bas", "ul", "zo", "lin")


def _names(seed: int, n: int = 12) -> list[tuple[str, str]]:
    """(given name, surname) pairs no dictionary holds."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        given = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() + "o"
        surname = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        if len(surname) >= 6:
            out.append((given, surname))
    return out


def _full(given: str, surname: str, articles: int, said_alone: int) -> KeyStats:
    """A full name in `articles` articles, each naming it once with a person's cue, and
    writing the surname alone `said_alone` times there."""
    surfaces = Counter({f"{given} {surname}": articles})
    if said_alone:
        surfaces[surname] = said_alone
    return KeyStats(name_key(f"{given} {surname}"), surfaces, articles + said_alone, articles,
                    person=articles)


def _lone(surname: str, articles: int, mentions: int, person: int = 0,
          personal: int = 0) -> KeyStats:
    return KeyStats(name_key(surname), Counter({surname: mentions}), mentions, articles,
                    person=person, org=Counter(personal=personal) if personal else Counter())


def _joined(full: KeyStats, lone: KeyStats) -> bool:
    return clusters([full, lone])[lone.key][2] == {lone.key, full.key}


def test_a_word_in_many_articles_never_said_of_the_person_stays_apart() -> None:
    for given, surname in _names(1):
        # "Islam": 11 articles, no person cue; the full name in one, never called so.
        full = _full(given, surname, 1, 0)
        assert not _joined(full, _lone(surname, 11, 17))
        # The same word in fewer articles than the full name, written as a person's
        # ("Mr X", "X ... he"), is that person.
        assert _joined(_full(given, surname, 6, 0), _lone(surname, 2, 3, person=1))
        assert _joined(_full(given, surname, 6, 0), _lone(surname, 2, 3, personal=2))
        # Or the corpus calls the person so in the full name's articles.
        assert _joined(_full(given, surname, 6, 4), _lone(surname, 3, 5))
        # Neither: a word of two articles to a name of six, nothing said: apart.
        assert not _joined(_full(given, surname, 6, 0), _lone(surname, 2, 3))


def test_a_word_in_more_articles_than_the_person_needs_person_cues_and_the_surname_used(
        ) -> None:
    for given, surname in _names(2):
        # "Reagan": 491 articles, over a third of its mentions a person's, the full name's
        # articles say "Reagan": joined.
        full = _full(given, surname, 24, 28)
        assert _joined(full, _lone(surname, 491, 1017, person=385, personal=51))
        # "Lee": nine articles, 3 person cues of 37, to a name of one article that says
        # "Lee" eight times: many people, apart.
        assert not _joined(_full(given, surname, 1, 8), _lone(surname, 9, 37, person=2,
                                                              personal=1))
        # Person cues but a full name never called so ("Hussein" of five articles, Fuad
        # Hussein of one): apart.
        assert not _joined(_full(given, surname, 1, 0), _lone(surname, 5, 6, person=3,
                                                              personal=2))


def _respelt(surname: str) -> str:
    """Another spelling of one transliteration form ("Yoon" / "Yun", "Kasem" / "Qasem")."""
    low = surname.lower()
    for a, b in (("u", "oo"), ("k", "ck"), ("i", "y"), ("s", "ss"), ("l", "ll"), ("n", "nn")):
        if a in low[1:]:
            at = low.index(a, 1)
            other = low[:at] + b + low[at + len(a):]
            if translit(other) == translit(low):
                return other.capitalize()
    raise AssertionError(f"no respelling of {surname}")


def test_a_lone_word_joins_only_the_full_name_it_spells() -> None:
    for given, surname in _names(3):
        # "Yoon" for "Teng Yun": one transliteration form, another spelling: apart. The
        # spelling the full name has: joined.
        full = _full(given, surname, 6, 4)
        assert _joined(full, _lone(surname, 2, 5, person=2))
        assert not _joined(full, _lone(_respelt(surname), 2, 5, person=2))


def test_stray_body_cues_weigh_against_the_full_names_lone_uses_too() -> None:
    for given, surname in _names(4):
        # BBC's "Bush": 3 body cues ("media", "party") to 26 person cues, more than one in
        # ten; his full name's articles say "Bush" alone 51 times: a surname, joined.
        full = _full(given, surname, 32, 51)
        lone = _lone(surname, 24, 37, person=26)
        lone.org.update(media=2, party=1)
        assert _joined(full, lone)
        # Never said alone there: the body cues count against its own person cues only.
        assert not _joined(_full(given, surname, 32, 0), lone)


def test_a_countrys_name_has_no_plural_of_its_own() -> None:
    # worldwide-newswire: "the Americas" (a region, 10 articles) was the United States. A
    # plural of another name still joins its singular ("Liberal Democrats").
    from tests.index.actors.test_precision_rules import stat
    for country in ("America", "Canada", "Germany"):
        plural = stat(country + "s", 10, thing=8)
        found = clusters([stat(country, 30), plural])
        assert found[plural.key][2] == {plural.key}, found[plural.key]
    for name in ("Liberal Democrat", "Young Farmer"):
        found = clusters([stat(name, 30), stat(name + "s", 10)])
        assert found[name_key(name + "s")][2] == {name_key(name), name_key(name + "s")}
