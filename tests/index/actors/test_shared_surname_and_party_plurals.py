"""Two classes an outside tester found in US election news, on generated names:

- a lone surname two people bear ("Clinton": Hillary and Bill), which the articles naming
  one of them in full write alone for one of them by a wide majority, joins that one even
  where its person cues are a little over one in ten and a few body cues ("the Clinton
  campaign") are among them: more person cues never count against a surname. Two bearers
  of like weight stay apart, and so does a word whose body cues outnumber its person cues;
- a party's plural alias that is an ideology's ("Conservatives", also written lower case)
  joins the party only where the corpus names the party in as many articles."""

from __future__ import annotations

import json
import random
from collections import Counter

from newsdesk.index.actors.cluster import KeyStats
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from tests.index.actors.test_precision_rules import clusters

_SYLLABLES = ("ka", "ro", "mi", "ten", "sul", "vak", "do", "ren", "bas", "ul", "zo", "lin")


def _names(seed: int, n: int = 10) -> list[tuple[str, str, str]]:
    """(given, other given, surname) no dictionary holds."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        first, second = ("".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() + end
                         for end in ("o", "a"))
        surname = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        if len(surname) >= 6 and first[:-1] != second[:-1]:
            out.append((first, second, surname))
    return out


def _full(given: str, surname: str, articles: int, said_alone: int) -> KeyStats:
    surfaces = Counter({f"{given} {surname}": articles * 2})
    if said_alone:
        surfaces[surname] = said_alone
    return KeyStats(name_key(f"{given} {surname}"), surfaces, articles * 2 + said_alone,
                    articles, person=articles // 2 + 1)


def _lone(surname: str, articles: int, mentions: int, person: int, bodies: int) -> KeyStats:
    org = Counter(organisation=bodies - bodies // 2, party=bodies // 2, modifier=mentions // 4)
    return KeyStats(name_key(surname), Counter({surname: mentions}), mentions, articles,
                    person=person, org=org)


def _joined_to(stats: list[KeyStats], lone: KeyStats) -> set[str]:
    return clusters([*stats, lone])[lone.key][2] - {lone.key}


def test_a_shared_surname_written_alone_for_one_bearer_by_far_is_that_bearers() -> None:
    for first, second, surname in _names(3):
        her, him = _full(first, surname, 102, 286), _full(second, surname, 24, 12)
        for person, bodies, mentions in ((8, 5, 70), (12, 9, 80), (30, 6, 70)):
            lone = _lone(surname, 28, mentions, person, bodies)
            assert _joined_to([her, him], lone) == {her.key}, (surname, person, bodies)
        # More body cues than person cues (over one mention in ten): a body's name.
        assert _joined_to([her, him], _lone(surname, 28, 70, 8, 12)) == set()
        # Body cues over a quarter of its mentions: apart.
        assert _joined_to([her, him], _lone(surname, 28, 36, 11, 10)) == set()


def test_two_bearers_of_like_weight_keep_a_shared_surname_apart() -> None:
    for first, second, surname in _names(4):
        # Father and son: each written alone about as often in his own articles.
        one, other = _full(first, surname, 60, 150), _full(second, surname, 50, 120)
        assert _joined_to([one, other], _lone(surname, 28, 70, 8, 5)) == set()


def _party(word: str) -> list[dict]:
    return [{"name": f"{word} Party", "type": "party",
             "aliases": [f"{word}s", f"{word[:3]}zy"]}]


def _keyed(surface: str, articles: int, lower: int = 0, mentions: int | None = None
           ) -> KeyStats:
    n = mentions or articles
    return KeyStats(name_key(surface), Counter({surface: n}), n, articles, lower=lower)


def test_an_ideologys_plural_is_no_party_unless_the_corpus_names_the_party(tmp_path) -> None:
    rng = random.Random(5)
    for _ in range(8):
        word = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() + "ive"
        path = tmp_path / f"{word}.yaml"
        path.write_text("actors:\n" + "".join(f"  - {json.dumps(e)}\n" for e in _party(word)))
        d = load_dictionaries([path])
        party = name_key(f"{word} Party")
        plural = _keyed(f"{word}s", 7, lower=2)
        # The party named in 1 article (a satire's), its nickname in 2: the plural, also
        # written in lower case, is the ideology's people, apart.
        named = [_keyed(f"{word} Party", 1), _keyed(f"{word[:3]}zy", 2)]
        assert party not in clusters([plural, *named], d)[plural.key][2]
        # Named in as many articles as the plural: the party's.
        named = [_keyed(f"{word} Party", 5), _keyed(f"{word[:3]}zy", 4)]
        assert party in clusters([plural, *named], d)[plural.key][2]
        # Named in a quarter of the plural's many articles, five or more (Reuters 1987's
        # Conservatives, 61 articles, the party named in 28): the party's.
        many = _keyed(f"{word}s", 61, lower=3, mentions=72)
        named = [_keyed(f"{word} Party", 20), _keyed(f"{word[:3]}zy", 8)]
        assert party in clusters([many, *named], d)[many.key][2]
        # Named in four articles, a quarter of a plural's sixteen: too few to say.
        few = _keyed(f"{word}s", 16, lower=3)
        assert party not in clusters([few, _keyed(f"{word} Party", 4)], d)[few.key][2]
        # Never in lower case (a party's name only, "the Greens"): the party's however
        # rarely named.
        alone = _keyed(f"{word}s", 7)
        assert party in clusters([alone, _keyed(f"{word} Party", 1)], d)[alone.key][2]
