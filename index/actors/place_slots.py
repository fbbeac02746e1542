"""Slots that only places fill, read where nothing else types a name (an outside tester's
event reports on Nigeria: 11 of the top 30 actors were villages and local government areas
of no dictionary, typed other).

- A place's hierarchy after a place: "in Gujeri (Konduga, Borno)", "Shiroro LGA (Niger)", a
  bracket holding names only, after a place; "Attack in Minna, Niger", a name after a place
  and a comma that ends its clause (not "In Paris, Chirac said"; not a list's item).
- A list that a plural place noun announces: "The villages attacked are: Kadaga, Wyam and
  Malawi", "the communities of Irina and Kugu".

Each name in such a slot takes a place's cue (no name with a cue of its own: a person's, a
body's, a dictionary's name other than a place's). A name of a country in such a slot is
read there too:
- a region named as its country's neighbour is ("Niger", a state of Nigeria; regions.yaml,
  near homonyms) is the region in a hierarchy's slot, unless the article says the country
  (its demonym or another of its names, one of its own regions): key "niger nigeria", as
  homonyms.py keys a far country's homonym;
- a country's name in an announced list of names no dictionary knows ("villages ...:
  Kukoki, Malawi, Baduku") is a village of that name, no country: dropped."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from newsdesk.index.actors.pronouns import SITED
from newsdesk.index.actors.records import Mention

# Plural nouns of places that announce a list of them (English, any country's news).
LIST_NOUNS = frozenset((
    "villages", "communities", "towns", "settlements", "localities", "districts",
    "counties", "provinces", "areas", "locations", "lgas", "hamlets", "camps",
    "residents", "inhabitants"))
# Place nouns a bracket of a place's hierarchy may follow ("villages (Chibok, Borno)").
PLACE_WORDS = LIST_NOUNS | frozenset((
    "village", "community", "town", "settlement", "locality", "district", "county",
    "province", "area", "location", "lga", "hamlet", "camp", "state", "region"))
# Words that open an announced list after its noun ("the villages attacked are X, Y").
_OPENERS = (": ", " are ", " were ", " include ", " including ", " namely ")
# What ends a clause after "TOWN, X" ("Minna, Niger." / ")" / the title's end).
_CLAUSE_END = frozenset(".;:)\n")
# What joins a list's or a bracket's names.
_JOINS = (", ", " and ", ", and ")
_WORD = re.compile(r"[A-Za-z]+")
# "in Shiroro, " / "near Kwaki Town, " before a name: a place's name and a comma.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near) $")
_TOWN_BEFORE = re.compile(r"\b(?:in|at|near) [A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}, $")
# A list's items before a name: "Kadaga, Wyam, Durumi, " after "...: ".
_ITEMS_BEFORE = re.compile(r"(?:: | are | were | include | including | namely )"
                           r"(?:[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}, )+$")


def mark_place_slots(found: list[Mention], title: str, text: str, known: Container[str],
                     places: Container[str], countries: Mapping[str, str],
                     near: Mapping[str, str], regions_of: Mapping[str, frozenset[str]]
                     ) -> list[Mention]:
    """Give place cues to the mentions in place slots, re-key or drop the countries' names
    read there as said above; return the mentions kept. `known`: the dictionaries' keys;
    `places`: keys of places that dictionaries and shipped lists know (countries, regions,
    cities); `countries`: a country's names and demonyms -> the country; `near`: a near
    homonym's key -> its region's country's key; `regions_of`: a country -> its regions."""
    dropped: set[int] = set()
    keys = {m.key for m in found}
    for in_title, s in ((False, text), (True, title)):
        ms = sorted((m for m in found if m.in_title == in_title), key=_START)
        listed = 0  # (the mentions up to which a list was read)
        for i, m in enumerate(ms):
            if _in_hierarchy(ms, i, s, places):
                _place(m, keys, known, places, countries, near, regions_of)
                if i and s[ms[i - 1].end:m.start] == " (":  # "Gujeri (Konduga, Borno)"
                    _place(ms[i - 1], keys, known, places, countries, near, regions_of)
            elif i >= listed and _announced(s, m.start):
                listed = _listed(ms, i, s, known, places, countries, dropped)
            elif i and _noun_after(s, m.end) and s[ms[i - 1].end:m.start] in _JOINS:
                # "Mboa, Yarchida, Tshata and Bamzir villages": the list the noun ends
                j = i
                while j and s[ms[j - 1].end:ms[j].start] in _JOINS:
                    j -= 1
                for item in ms[j:i + 1]:
                    if _free(item, known, places):
                        item.location_cue = True
            elif i >= listed and m.location_cue and s.startswith(", ", m.end) \
                    and _PLACE_BEFORE.search(s, max(0, m.start - 6), m.start):
                # "staged in Jos, Kebbi, Minna and Hadejia": a list after "in", of three
                # names or more (no country dropped: "in Lilongwe, Mzuzu, Malawi")
                listed = _listed(ms, i, s, known, places, countries, None)
    if not dropped:
        return found
    return [m for m in found if id(m) not in dropped]


def _START(m: Mention) -> int:
    return m.start


def _free(m: Mention, known: Container[str], places: Container[str]) -> bool:
    """Whether nothing else says what a name is: no cue of its own but a weak one ("sited":
    "Ruwan Bore, Dorka"), no dictionary's name but a place's."""
    return not m.person_cue and m.org_type in (None, SITED, "modifier") \
        and (m.key not in known or m.key in places)


def _is_place(m: Mention, places: Container[str]) -> bool:
    return not m.person_cue and (m.location_cue or m.key in places)


def _ends_clause(s: str, end: int) -> bool:
    return end == len(s) or s[end] in _CLAUSE_END


def _after_town(s: str, start: int) -> bool:
    """Whether a name follows ", " after capitalised words that a preposition of place
    leads, no mention (a title's "Attack in Shiroro, Niger": "Shiroro" no name the text
    vouches for)."""
    m = _TOWN_BEFORE.search(s, max(0, start - 60), start)
    return m is not None


def _in_hierarchy(ms: list[Mention], i: int, s: str, places: Container[str]) -> bool:
    """Whether ms[i] follows a place in its hierarchy: a bracket of names after the place
    (any of them), or ", " after the place and its clause's end."""
    m = ms[i]
    gap = s[ms[i - 1].end:m.start] if i else None
    if gap in _JOINS:
        j = i - 1  # back to the bracket's first name, or to the place before the comma
        while j >= 1 and s[ms[j - 1].end:ms[j].start] in _JOINS:
            j -= 1
        if _bracket_open(ms, j, s):
            return _bracket_after_place(ms, j, s, places)
        return gap == ", " and j == i - 1 and _ends_clause(s, m.end) \
            and _is_place(ms[j], places) \
            and s[ms[j].start - 2:ms[j].start] != ", "  # (a list's item: "Paris, London")
    if _bracket_open(ms, i, s):
        return _bracket_after_place(ms, i, s, places)
    return _ends_clause(s, m.end) and s[m.start - 2:m.start] == ", " \
        and _after_town(s, m.start)


def _bracket_open(ms: list[Mention], j: int, s: str) -> bool:
    """Whether ms[j] opens a bracket right after a name or a place noun ("villages (")."""
    if s[ms[j].start - 2:ms[j].start] != " (":
        return False
    if j and ms[j - 1].end == ms[j].start - 2:
        return True
    word = s[max(0, ms[j].start - 14):ms[j].start - 2].rsplit(None, 1)[-1:]
    return bool(word) and word[0].lower() in PLACE_WORDS


def _bracket_after_place(ms: list[Mention], j: int, s: str, places: Container[str]) -> bool:
    """Whether ms[j] opens a bracket that holds only names joined by ", " or "and", after a
    place or a place noun: one name that lists or dictionaries know as a place ("Shiroro LGA
    (Niger)"; not "Boko Haram (JAS)" after "from"), or more names, after a place or ending
    in a known one ("attacked Kopa (Michika, Borno)")."""
    close = s.find(")", ms[j].end)
    if close < 0:
        return False
    k = j
    while ms[k].end != close:
        if k + 1 >= len(ms) or s[ms[k].end:ms[k + 1].start] not in _JOINS:
            return False
        k += 1
    noun = not (j and ms[j - 1].end == ms[j].start - 2)  # (after "villages (")
    if k == j:
        return ms[j].key in places and (noun or _is_place(ms[j - 1], places))
    return noun or _is_place(ms[j - 1], places) or ms[k].key in places


def _noun_after(s: str, end: int) -> bool:
    """Whether a plural place noun follows a name ("Bamzir villages")."""
    word = _WORD.match(s, end + 1) if s.startswith(" ", end) else None
    return word is not None and word.group() in LIST_NOUNS


def _announced(s: str, start: int) -> bool:
    """Whether a name opens a list that a plural place noun announces: "villages attacked
    are: X", "the communities of X"."""
    opener = next((o for o in _OPENERS if s.startswith(o, start - len(o))), None)
    if opener is None and s[start - 2:start] == ", " and (
            items := _ITEMS_BEFORE.search(s, max(0, start - 200), start)) is not None:
        opener = next(o for o in _OPENERS if s.startswith(o, items.start()))
        start = items.start() + len(opener)
    if opener is not None:
        cut = start - len(opener)
        head = s[max(0, s.rfind(".", 0, cut) + 1, cut - 80):cut]
    elif s[start - 3:start] == "of ":
        head = s[max(0, start - 20):start - 3].rsplit(None, 1)[-1:]
        head = head[0] if head else ""
    else:
        return False
    return any(w.lower() in LIST_NOUNS for w in _WORD.findall(head))


def _listed(ms: list[Mention], i: int, s: str, known: Container[str],
            places: Container[str], countries: Mapping[str, str],
            dropped: set[int] | None) -> int:
    """Place cues for the list that ms[i] opens; a country's name in it among names no
    dictionary or list knows is a village's, dropped (into `dropped`; None: a list after
    "in" of three names or more, none dropped). Returns the index after the list."""
    items = [ms[i]]
    for k in range(i + 1, len(ms)):
        if s[ms[k - 1].end:ms[k].start] not in (", ", " and ", ", and "):
            break
        items.append(ms[k])
    last = items[-1]
    if (dropped is None and len(items) < 3) or not (
            (len(items) > 1 and "and" in s[items[-2].end:last.start])
            or _ends_clause(s, last.end) or s.startswith(" (", last.end)):
        return i + 1  # (no list's end: "in Matane, Quebec, Peladeau said")
    unknown = sum(1 for m in items if m.key not in known and m.key not in places)
    for m in items:
        if dropped is not None and m.key in countries and unknown * 2 >= len(items) \
                and unknown >= 2:
            dropped.add(id(m))  # "Kukoki, Malawi, Baduku": a village's name
        elif _free(m, known, places):
            m.location_cue = True
    return i + len(items)


def _place(m: Mention, keys: set[str], known: Container[str],
           places: Container[str], countries: Mapping[str, str], near: Mapping[str, str],
           regions_of: Mapping[str, frozenset[str]]) -> None:
    if m.key in near:
        own = countries.get(m.key, m.key)
        says_country = any(k != m.key and (countries.get(k) == own or k in regions_of.get(own, ()))
                           for k in keys)
        if not says_country:
            m.key = f"{m.key} {near[m.key]}"
            m.location_cue, m.person_cue = True, False
        return
    if _free(m, known, places):
        m.location_cue = True
