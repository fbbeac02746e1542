"""A body's name that many countries have ("Supreme Court", "National Assembly", "Foreign
Ministry", "Communist Party"), read as the one country's body its article names.

Per article (`qualify_bodies`): where an article writes the body with one country's name
or demonym ("U.S. Supreme Court", "Kuwait's National Assembly", "the Kuwaiti National
Assembly", "National Assembly of Kuwait"), its bare mentions ("the National Assembly") are
that country's body, as a lone surname is the full name its article uses. An article that
qualifies the name with two countries' leaves its bare mentions alone. An article that does
not qualify it, but most of whose mentions of countries are one country's, one whose body of
that name a dictionary knows ("United States House of Representatives"), reads its bare
mentions as that body: "the House of Representatives" in an article on US politics. Only a
dictionary's body, so that every such mention joins one actor (no new key of the country's
that the bare name's other articles would split from) and a name the corpus's country has
no such body of stays bare.

Corpus-wide (`country_forms`): the keys that name one country's body by its several
names ("US Supreme Court", "United States Supreme Court", "American Supreme Court") are
one actor; cluster.py joins them, and reads the bare name as generic.

A demonym or a possessive before the body becomes one mention of the whole ("Kuwaiti
National Assembly"), beside the demonym's own mention of the country: the text names
both."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention

# Between a country's word and the body's name: nothing but a space or a possessive.
_JOINS = (" ", "'s ", "’s ")
_OF = (" of ", " of the ")
# A capitalised word after the country's name: the name goes on ("of the U.S. Treasury").
_NAME_GOES_ON = re.compile(r" [A-Z]")


def country_split(key: str, country_of: Mapping[str, str]) -> tuple[str, str] | None:
    """(country, body) of a key that is a country's name or demonym (of any length)
    before a body's name, or a body's name "of" a country's; else None."""
    words = key.split()
    # (The longest first, up to the whole key but its last word: a country's long name is
    # five words, "Democratic People's Republic of Korea Foreign Ministry", and another
    # country's may start it: "Hong Kong Special Administrative Region of China".)
    for cut in range(len(words) - 1, 0, -1):
        country = country_of.get(" ".join(words[:cut]))
        if country:
            return country, " ".join(words[cut:])
    # Each " of " from the first: a country's long name holds one of its own ("Foreign
    # Ministry of the Democratic People's Republic of Korea"), where the last one would cut
    # it ("... Republic" of "Korea").
    at = key.find(" of ")
    while at > 0:
        place = key[at + 4:].removeprefix("the ")
        country = country_of.get(place)
        if country:
            return country, key[:at]
        at = key.find(" of ", at + 1)
    return None


def dictionary_bodies(known: Iterable[str], country_of: Mapping[str, str],
                      is_body: Callable[[str], bool]) -> dict[str, dict[str, str]]:
    """body -> country -> a dictionary's key of that country's body of that name ("house
    of representatives" -> "united states" -> "us house of representatives"), for the
    names the dictionaries know only with their country's (not the bare name: "Labour
    Party" names one actor as it is)."""
    known = frozenset(known)
    out: dict[str, dict[str, str]] = {}
    for key in sorted(known):
        if " " not in key:
            continue
        split = country_split(key, country_of)
        if split and split[1] not in known and is_body(split[1]):
            out.setdefault(split[1], {}).setdefault(split[0], key)
    return out


def body_split_of(country_of: Mapping[str, str], is_body: Callable[[str], bool],
                  ) -> Callable[[str], tuple[str, str] | None]:
    """A key's (country, body) where the body `is_body`, else None: `country_split`,
    cached (the country names are fixed for an extractor, its keys repeat)."""
    # (Most keys split by none are told so with no look-up in the cache, which then keeps
    # the others: `splits_none`.)
    firsts = country_firsts(country_of)

    @lru_cache(maxsize=1 << 12)  # (the commonest keys: a small cache for the memory)
    def cached(key: str) -> tuple[str, str] | None:
        found = country_split(key, country_of)
        return found if found and is_body(found[1]) else None

    def split(key: str) -> tuple[str, str] | None:
        return None if splits_none(key, firsts) else cached(key)
    return split


def country_firsts(country_of: Mapping[str, str]) -> frozenset[str]:
    """The first words of the country names and demonyms of `country_of` (`splits_none`)."""
    return frozenset(k.split(" ", 1)[0] for k in country_of)


def splits_none(key: str, firsts: frozenset[str]) -> bool:
    """Whether `country_split` finds no country in a key, as told by its first word alone:
    one that starts no country's name (`country_firsts`), and no " of " in the key. (A
    string test and a look-up, where the split joins and looks up one to three prefixes;
    most keys are no country's.)"""
    words = key.split(None, 1)
    return (not words or words[0] not in firsts) and " of " not in key


def qualify_bodies(found: list[Mention], text: str, title: str,
                   country_of: Mapping[str, str], is_body: Callable[[str], bool],
                   known: frozenset[str], demonyms: frozenset[str] = frozenset(),
                   known_bodies: Mapping[str, Mapping[str, str]] | None = None,
                   body_split: Callable[[str], tuple[str, str] | None] | None = None,
                   own_country: Mapping[str, frozenset[str]] | None = None) -> None:
    """Give the bare body names of one article the key of the one country's body the
    article names (see the module's doc). `is_body`: whether a key names a body by its
    words (a government's or a party's head noun); `known`: a dictionary's names, which
    name one actor as they are ("Labour Party" is left as it is after "British");
    `demonyms`: no country's name after "of" ("of the Swiss banks"); `known_bodies`:
    `dictionary_bodies`, for the bare names the article does not qualify; `body_split`:
    the (country, body) of a key whose body `is_body`, else None (`body_split_of`: an
    extractor keeps one, cached, for its articles repeat their keys); `own_country`: a
    dictionary's name -> the country its entry is of, with that country's parts
    ("democratic party" -> "united states"): an article that qualifies that name with one
    other country only ("the Democratic Party of Turkmenistan") reads its bare mentions as
    that country's body, as it does a name no dictionary knows."""
    if body_split is None:
        body_split = body_split_of(country_of, is_body)
    qualified: dict[str, dict[str, str]] = {}  # body -> country -> the article's key
    previous: Mention | None = None
    bare: list[Mention] = []  # a dictionary's country's body by its bare name
    own_country = own_country or {}

    def free(key: str, country: str) -> bool:
        """Whether a body's name may take the country's: no dictionary's name, or one
        whose entry is another country's; a dictionary's body of this very country is
        recorded as the article's (its bare mentions stay its own)."""
        if key not in known:
            return True
        own = own_country.get(key)
        if own is not None and country in own:
            qualified.setdefault(key, {}).setdefault(country, key)
        return own is not None and country not in own

    for m in found:
        source = title if m.in_title else text
        split = body_split(m.key) if " " in m.key else None
        if known_bodies and split is None and m.key in known_bodies \
                and country_split(m.key, country_of) is None:
            bare.append(m)
        # (The cheapest tests first: most mentions follow no country's name, and are none.)
        if split:
            qualified.setdefault(split[1], {}).setdefault(split[0], m.key)
        elif previous is not None and previous.key in country_of \
                and previous.in_title == m.in_title and is_body(m.key) \
                and source[previous.end:m.start] in _JOINS \
                and free(m.key, country_of[previous.key]):
            # "Kuwaiti National Assembly", "Kuwait's National Assembly": one name of both
            m.start = previous.start
            m.surface = source[m.start:m.end]
            m.key = f"{previous.key} {m.key}"
            qualified.setdefault(m.key[len(previous.key) + 1:], {}).setdefault(
                country_of[previous.key], m.key)
        elif previous is not None and m.key in country_of \
                and previous.in_title == m.in_title and m.key not in demonyms \
                and is_body(previous.key) and source[previous.end:m.start] in _OF \
                and not _NAME_GOES_ON.match(source, m.end) \
                and free(previous.key, country_of[m.key]):
            # "Supreme Court of the United Kingdom" (the scan cut it before the country)
            body = previous.key
            previous.end = m.end
            previous.surface = source[previous.start:previous.end]
            previous.key = name_key(previous.surface)
            qualified.setdefault(body, {}).setdefault(country_of[m.key], previous.key)
        previous = m
    if qualified:
        for m in found:
            countries = qualified.get(m.key)
            if countries is not None and len(countries) == 1 and (
                    m.key not in known or next(iter(countries))
                    not in own_country.get(m.key, countries)):
                m.key = next(iter(countries.values()))
    if bare:
        _of_main_country(found, bare, qualified, country_of, known_bodies)


def _of_main_country(found: list[Mention], bare: list[Mention],
                     qualified: Mapping[str, object], country_of: Mapping[str, str],
                     known_bodies: Mapping[str, Mapping[str, str]]) -> None:
    """The bare bodies an article leaves unqualified (of `bare`), read as the dictionary's
    body of the country that has most of the article's mentions of countries (more than
    half)."""
    bare = [m for m in bare if m.key in known_bodies and m.key not in qualified]
    if not bare:
        return
    named = Counter(country_of[m.key] for m in found if m.key in country_of)
    if not named:
        return
    [(country, n)] = named.most_common(1)
    if 2 * n <= named.total():
        return  # (no one country the article is about: "the Senate" is anyone's)
    for m in bare:
        key = known_bodies[m.key].get(country)
        if key is not None:
            m.key = key


def country_forms(keys: Iterator[str], country_of: Mapping[str, str],
                  is_body: Callable[[str], bool]) -> dict[tuple[str, str], list[str]]:
    """(country, body) -> the keys that name that country's body."""
    out: dict[tuple[str, str], list[str]] = {}
    firsts = country_firsts(country_of)
    for key in keys:
        if " " not in key or splits_none(key, firsts):
            continue
        split = country_split(key, country_of)
        if split and is_body(split[1]):
            out.setdefault(split, []).append(key)
    return out


def body_words(key: str, org_cues: Mapping[str, str], of_heads: frozenset[str]) -> bool:
    """Whether a key's words name a government's or a party's body: its head noun (the
    word before "of", else the last) is one ("Supreme Court", "Foreign Ministry",
    "Communist Party"), or a head such as "House" before "of" ("House of
    Representatives")."""
    words = name_key(key).split()
    if not words:
        return False
    if "of" in words[1:]:
        head = words[words.index("of") - 1]
        return org_cues.get(head) in ("government", "party") or head in of_heads
    return len(words) > 1 and org_cues.get(words[-1]) in ("government", "party")
