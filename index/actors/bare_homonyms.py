"""A body's bare head noun that two countries' dictionary bodies are called by ("Congress":
India's party, the Indian National Congress, also written "Congress Party"; the United
States' legislature, "US Congress"), read by its article's country. The dictionary leaves
such a word out of both entries' aliases (it names one actor in Indian news and another in
US news), and the extractor dropped it as a lone generic word ("Embassy", "Division"): the
Indian National Congress, in 72 of 499 Indian news articles ("Congress MLAs", "RJD and
Congress", "the Congress"), was no actor at all.

Which words and bodies (`bare_homonyms`): an entry is called by a head noun where one of
its names is, but for a country's name or demonym, that head noun alone or before another
head noun ("US Congress", "Congress Party"); it is a country's where one of its names
carries one country's name or demonym ("Indian National Congress"). A word so called by
bodies of two countries or more, one body a country, is a homonym read here.

Per article (`read_bare_homonyms`): a lone capitalised mention of such a word is the body
of the one country the article's other names say more than twice as often as all the
word's other countries together: the country's names and demonyms, its regions
(regions.yaml: "Bihar", "Gujarat" are India's; "Ohio" the United States'), its other
dictionary bodies. With no such country it is dropped, as before."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from newsdesk.index.actors.records import Mention

# The article's country: named more than so many times as the word's other countries
# together ("US dialect" twice beside "Bihar" once, in an Indian article on a word, is
# no US article: the mention is dropped, as before).
_MARGIN = 2


def bare_homonyms(alias: Mapping[str, str], countries: Mapping[str, str],
                  head_nouns: Iterable[str],
                  country_split: Callable[[str, Mapping[str, str]], tuple[str, str] | None],
                  ) -> dict[str, dict[str, str]]:
    """word -> country -> the dictionary head (canonical key) of that country's body called
    by the word. `alias`: every dictionary key -> its entry's head; `countries`: a country's
    names and demonyms -> the country; `head_nouns`: the government's and party's head
    nouns ("congress", "party", "senate")."""
    heads = frozenset(head_nouns)
    called: dict[str, set[str]] = {}  # entry head -> words it is called by
    country_of: dict[str, set[str]] = {}  # entry head -> countries its names carry
    for key, head in alias.items():
        if " " not in key or head in countries.values():
            continue
        split = country_split(key, countries)
        body = split[1] if split else key
        if split:
            country_of.setdefault(head, set()).add(split[0])
        words = body.split()
        if 1 <= len(words) <= 2 and all(w in heads for w in words):
            called.setdefault(head, set()).add(words[0])
    by_word: dict[str, dict[str, set[str]]] = {}
    for head, words in called.items():
        places = country_of.get(head, set())
        if len(places) != 1:
            continue
        (country,) = places
        for word in words:
            by_word.setdefault(word, {}).setdefault(country, set()).add(head)
    return {word: {c: next(iter(hs)) for c, hs in bodies.items() if len(hs) == 1}
            for word, bodies in by_word.items()
            if sum(len(hs) == 1 for hs in bodies.values()) >= 2}


def read_bare_homonyms(found: list[Mention], bare: Mapping[str, Mapping[str, str]],
                       countries: Mapping[str, str],
                       regions_of: Mapping[str, frozenset[str]]) -> None:
    """Re-key in place the article's mentions of a bare homonym (`bare`'s words) to the
    body of the article's country, or drop them (the list is filtered)."""
    words = {m.key for m in found if m.key in bare}
    if not words:
        return
    for word in words:
        bodies = bare[word]
        score: Counter[str] = Counter()
        owner = {head: country for country, head in bodies.items()}
        for m in found:
            key = m.key
            if key == word:
                continue
            country = countries.get(key) or owner.get(key)
            if country is None:
                for c in bodies:
                    if key in regions_of.get(c, ()):
                        country = c
                        break
            if country in bodies:
                score[country] += 1
        ranked = score.most_common()
        chosen = ranked[0][0] if ranked and ranked[0][1] > _MARGIN * sum(
            n for _, n in ranked[1:]) else None
        for m in found:
            if m.key == word:
                m.key = bodies[chosen] if chosen is not None else ""
    found[:] = [m for m in found if m.key]
