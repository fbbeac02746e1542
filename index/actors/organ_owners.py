"""An organ named with and without its owner ("WPK Central Committee", "Party Central
Committee", "Eighth Central Committee", "Central Committee"): one body where the corpus names
one owner of it, as a lone surname is the one full name the corpus uses. A KCNA corpus listed
the Workers' Party's Central Committee as four actors (stranger12).

An owner is an acronym before the organ's name that the corpus names as a body of its own
(a name before a company's words is the company's own: "Westinghouse Electric Corp" is no
owner's "Electric Corp", and Reuters' "Progressive Conservative Party" is Canada's, no
organ of the UK's Conservatives; an organ's name ends in no legal suffix): not a country
(`country_bodies.py` reads those, with its guards for a name many countries' bodies have),
a place ("Pyongyang Municipal Committee" is the city's) or a person. The owner's head noun
alone ("Party Central Committee", where the owner is the "Workers' Party of Korea") is that
owner; so is an ordinal before the name, a session's ("Eighth Central Committee"), where the
corpus writes the organ with one ordinal only (the 3rd and the 4th Infantry Division are
two). Two owners' organs ("UN Security Council", "AU Security Council") are never joined:
the bare name then stays apart, each owner's its own, unless one owner has 80% of the
organ's mentions with an owner (the KCNA's Central Committee is the Party's, beside a few of the
Communist Party of Vietnam's)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping

_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth")
ORDINAL_WORDS = frozenset(_ORDINALS.split(" "))
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
# The words before an organ's name, ordinals and owner's (reach.py's `by_tail` links names
# after 1-3 words: "WPK Central Committee", "Eighth WPK Central Committee").
MAX_BEFORE = 3


def _ordinal(word: str) -> bool:
    return word in ORDINAL_WORDS or _ORDINAL.fullmatch(word) is not None


def _main_owner(by_owner: Mapping[str, list[str]], mentions: Callable[[str], int]
                ) -> str | None:
    """The owner with 80% of the organ's mentions with an owner, as a lone surname is the
    full name with 80% of its full-name mentions; else None."""
    counts = {g: sum(mentions(k) for k in keys) for g, keys in by_owner.items()}
    group = max(counts, key=lambda g: (counts[g], g))
    return group if counts[group] * 5 >= sum(counts.values()) * 4 else None


def join_owned_organs(live: Mapping[str, object], mentions: Callable[[str], int],
                      is_organ: Callable[[str], bool],
                      is_owner: Callable[[str], bool], owner_names: Callable[[str], set[str]],
                      find: Callable[[str], str],
                      union: Callable[[str, str], object]) -> None:
    """Join each organ's bare name to its forms with its one owner (see the module's doc).
    `is_organ`: whether a live key names a body by its words ("central committee");
    `is_owner`: whether a live key may own an organ (an acronym of a body, not a country's,
    a place's or a person's); `owner_names`: the words of an owner's names (an acronym's
    and its definitions': "wpk", "workers", "party", "korea"); `mentions`: a key's
    mentions; `find`: a key's group, so that an owner's several names are one owner."""
    owned: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    headed: dict[str, list[tuple[str, str]]] = defaultdict(list)  # organ -> (head word, key)
    ordinals: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    unowned: dict[str, int] = defaultdict(int)  # organ -> its mentions after other names
    owner_words: dict[str, set[str]] = defaultdict(set)  # owner's group -> its names' words
    for key in live:
        if key.count(" ") < 2 and not _ordinal(key.partition(" ")[0]):
            continue  # (most keys: too short to hold an owner and an organ)
        words = key.split()
        first = 0
        while first < len(words) - 1 and _ordinal(words[first]):
            first += 1
        if first and first <= MAX_BEFORE:
            core = " ".join(words[first:])
            if core in live:
                ordinals[core][" ".join(words[:first])].append(key)
        for cut in range(first + 1, min(len(words) - 1, MAX_BEFORE + 1)):
            organ = " ".join(words[cut:])
            if organ not in live or not is_organ(organ):
                continue
            owner = " ".join(words[first:cut])
            if owner in live and is_owner(owner):
                group = find(owner)
                owned[organ][group].append(key)
                owner_words[group].update(owner_names(owner))
                break  # (the longest organ's name after an owner's)
            if cut == first + 1:
                headed[organ].append((owner, key))
            else:
                unowned[organ] += mentions(key)  # ("Mark IV Stock Exchange": no owner's)
    one_owner: set[str] = set()  # the organs, and their owners' forms, of one owner
    for organ, by_owner in owned.items():
        group = _main_owner(by_owner, mentions)
        if group is None:
            continue  # two owners' organs as often: the bare name is neither's
        others = unowned.get(organ, 0) + sum(
            mentions(key) for head, key in headed.get(organ, ()) if head not in owner_words[group])
        if sum(mentions(k) for k in by_owner[group]) * 5 < (
                sum(mentions(k) for keys in by_owner.values() for k in keys) + others) * 4:
            continue  # ("Zenith Stock Exchange" beside "AFG Stock Exchange": no one's)
        keys = by_owner[group]
        one_owner.add(organ)
        one_owner.update(keys)
        for key in keys:
            union(organ, key)
        # "Party Central Committee": a word of the main owner's name
        for head, key in headed.get(organ, ()):
            if head in owner_words[group]:
                union(organ, key)
                one_owner.add(key)
    for core, by_ordinal in ordinals.items():
        if len(by_ordinal) == 1 and core in one_owner:  # (the 82nd Airborne Division alone)
            [keys] = by_ordinal.values()
            for key in keys:
                union(core, key)
