"""A body's name that many places have, written bare: The Hindu's city pages write "the High
Court" for each article's own court, and name eight ("Madras High Court", "Kerala High
Court", "Delhi High Court"...); "the High Court" was one actor, third in the list, of 43
articles about different courts (stranger15, corpus A). The same for "Legislative Assembly"
beside the Delhi, Tamil Nadu and Telangana ones.

A key of two words or more ending with a government body's head word (ORG_CUES) that the
corpus also writes after three names or more (no title's or common word first: "Deputy
High Court" is no court's name) names no one actor alone, as `_every_countrys` in
cluster.py has it for three countries' bodies. Where one of those names starts with a
country's ("US Supreme Court" beside "New York Supreme Court"), the bare name is left to
the rules of a country's bodies (Reuters's "Supreme Court" is the US Supreme Court's). A
dictionary's name is kept. The words of the key, no list of bodies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Mapping

# Names of so many places at least before the bare body's name: several bodies of its kind.
_PLACES = 3


def many_places_bodies(keys: Iterable[str], heads: Mapping[str, str], starters: Container[str],
                       countries: Container[str], known: Container[str]) -> set[str]:
    """The keys among `keys` that name a kind of body many places have (see above).
    `heads`: a name's last word -> its kind (ORG_CUES); `starters`: lower-case words that
    start no place's name (titles, common words); `countries`: keys of countries' names and
    demonyms; `known`: the dictionaries' keys."""
    keys = list(keys)
    present = set(keys)
    before: dict[str, set[str]] = defaultdict(set)
    countrys: set[str] = set()
    for key in keys:
        if " " not in key or heads.get(key.rpartition(" ")[2]) != "government":
            continue
        words = key.split()
        for cut in range(1, len(words) - 1):
            body = " ".join(words[cut:])
            if body not in present or words[0] in starters or not words[0].isalpha():
                continue
            if any(" ".join(words[:n]) in countries for n in range(1, cut + 1)):
                countrys.add(body)
            else:
                before[body].add(" ".join(words[:cut]))
    return {body for body, names in before.items()
            if len(names) >= _PLACES and body not in countrys and body not in known}
