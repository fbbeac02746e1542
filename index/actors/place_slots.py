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
# Where slots may be: a name after ", " that ends its clause; a plural place noun as
# written (looked for as text: a regular expression of them cost more than the rest).
_COMMA_SLOT = re.compile(r", ([A-Z])[\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?=[.;:)\n]|$)")
_LIST_WRITTEN = (*sorted(LIST_NOUNS - {"lgas"}), "LGAs", "Villages", "Communities")
_PLACE_BEFORE = (" in ", " at ")  # (and "near ")
# The nouns as read around a name: after it, before "of", and their first letters after
# the space.
_NOUNS_AFTER = tuple(f" {n}" for n in _LIST_WRITTEN)
_NOUNS_OF = tuple(f"{n} of " for n in _LIST_WRITTEN)
_NOUN_HEADS = frozenset(f" {n[:3]}" for n in _LIST_WRITTEN)
_OPENER_ENDS = frozenset(o[-2:] for o in _OPENERS)
# An opener, then one item that is no name, before a name: "are: Kadaga, " before "Wyam".
_ITEM_BEFORE = re.compile(r"(?:: | are | were | include | including | namely )"
                          r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}, )$")
# "in Shiroro, " / "near Kwaki Town, " before a name: a place's name and a comma.
_TOWN_BEFORE = re.compile(r"\b(?:in|at|near) [A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}, $")


def mark_place_slots(found: list[Mention], title: str, text: str, known: Container[str],
                     places: Container[str], countries: Mapping[str, str],
                     near: Mapping[str, str], regions_of: Mapping[str, frozenset[str]]
                     ) -> list[Mention]:
    """Give place cues to the mentions in place slots, re-key or drop the countries' names
    read there as said above; return the mentions kept. `known`: the dictionaries' keys;
    `places`: keys of places that dictionaries and shipped lists know (countries, regions,
    cities); `countries`: a country's names and demonyms -> the country; `near`: a near
    homonym's key -> its region's country's key; `regions_of`: a country -> its regions.
    (The slots are found in the text first, by regular expressions: most articles have
    few or none, and a look at each mention cost more than the rest of it.)"""
    dropped: set[int] = set()
    in_text = [m for m in found if not m.in_title]
    for s, ms in ((text, in_text), (title, [m for m in found if m.in_title] if title else ())):
        if not ms:
            continue
        read = _Reader(s, ms, found, known, places, countries, near, regions_of)
        bracket = s.find(" (")
        while bracket >= 0:
            if s[bracket + 2:bracket + 3].isupper():
                read.bracket(bracket)
            bracket = s.find(" (", bracket + 2)
        comma = _COMMA_SLOT.search(s)
        if comma is not None:
            for at in _COMMA_SLOT.finditer(s, comma.start()):
                read.after_comma(at.start(1))
        read.lists(dropped)
    if not dropped:
        return found
    return [m for m in found if id(m) not in dropped]


def _free(m: Mention, known: Container[str], places: Container[str]) -> bool:
    """Whether nothing else says what a name is: no cue of its own but a weak one ("sited":
    "Ruwan Bore, Dorka"), no dictionary's name but a place's."""
    return not m.person_cue and m.org_type in (None, SITED, "modifier") \
        and (m.key not in known or m.key in places)


def _is_place(m: Mention, places: Container[str]) -> bool:
    return not m.person_cue and (m.location_cue or m.key in places)


def _ends_clause(s: str, end: int) -> bool:
    return end == len(s) or s[end] in _CLAUSE_END


class _Reader:
    """The hierarchy slots of one string: its mentions by start and by end."""

    def __init__(self, s: str, ms: list[Mention], found: list[Mention], known: Container[str],
                 places: Container[str], countries: Mapping[str, str],
                 near: Mapping[str, str], regions_of: Mapping[str, frozenset[str]]) -> None:
        self.s, self.ms, self.found = s, ms, found
        self.known, self.places, self.countries = known, places, countries
        self.near, self.regions_of = near, regions_of
        self._starts: dict[int, Mention] | None = None
        self._ends: dict[int, Mention] | None = None

    @property
    def starts(self) -> dict[int, Mention]:
        """The mentions by start (made when a slot is found: most strings have none)."""
        if self._starts is None:
            self._starts = {m.start: m for m in self.ms}
        return self._starts

    @property
    def ends(self) -> dict[int, Mention]:
        if self._ends is None:
            self._ends = {m.end: m for m in self.ms}
        return self._ends

    def _next(self, m: Mention) -> Mention | None:
        """The name joined to `m` by ", " or "and", if any."""
        for join in _JOINS:
            if self.s.startswith(join, m.end) and (nxt := self.starts.get(m.end + len(join))):
                return nxt
        return None

    def bracket(self, at: int) -> None:
        """A bracket that opens at `at` (" (") and holds only names joined by ", " or
        "and", after a place or a place noun: one name that lists or dictionaries know as a
        place ("Shiroro LGA (Niger)"; not "Boko Haram (JAS)" after "from"), or more names,
        after a place or ending in a known one ("attacked Kopa (Michika, Borno)")."""
        s, places = self.s, self.places
        first = self.starts.get(at + 2)
        if first is None:
            return
        items = [first]
        while (nxt := self._next(items[-1])) is not None:
            items.append(nxt)
        if not s.startswith(")", items[-1].end):
            return
        before = self.ends.get(at)
        if before is None:
            word = s[max(0, at - 12):at].rsplit(None, 1)[-1:]
            if not word or word[0].lower() not in PLACE_WORDS:  # ("villages (Chibok, Borno)")
                return
        if len(items) == 1:
            ok = first.key in places and (before is None or _is_place(before, places))
        else:
            ok = before is None or _is_place(before, places) or items[-1].key in places
        if not ok:
            return
        if before is not None:
            self.place(before)  # "Gujeri (Konduga, Borno)"
        for m in items:
            self.place(m)

    def after_comma(self, at: int) -> None:
        """A name at `at`, after ", " and ending its clause: a place's where a place stands
        before the comma, itself no list's item ("Minna, Niger."; not "Paris, London and
        Rome."), or capitalised words no name that "in", "at" or "near" lead (a title's
        "Attack in Shiroro, Niger": "Shiroro" no name the text vouches for)."""
        s = self.s
        m = self.starts.get(at)
        if m is None or not _ends_clause(s, m.end):
            return
        before = self.ends.get(at - 2)
        if before is None:
            if not _TOWN_BEFORE.search(s, max(0, at - 60), at):
                return
        elif not _is_place(before, self.places) or s[before.start - 2:before.start] in (
                ", ", "d "):  # (a list's item: "Paris, London", "Paris and Rome, Milan")
            return
        self.place(m)

    def _previous(self, m: Mention) -> Mention | None:
        for join in _JOINS:
            if self.s.startswith(join, m.start - len(join)) \
                    and (before := self.ends.get(m.start - len(join))):
                return before
        return None

    def lists(self, dropped: set[int]) -> None:
        """The lists of places: one a plural place noun announces ("the villages attacked
        are: X, Y", "residents of X and Y") or ends ("X, Y and Z villages"), one after "in"
        of three names or more ("staged in Jos, Kebbi and Hadejia"). Read from the two
        characters around each mention first (a look for the nouns in the text cost more
        than all the rest)."""
        s = self.s
        for m in self.ms:
            if s[m.end:m.end + 4] in _NOUN_HEADS \
                    and s.startswith(_NOUNS_AFTER, m.end):  # "Tshata and Bamzir villages"
                self._ended(m)
                continue
            before = s[m.start - 2:m.start]
            if before == "f ":
                if s.endswith(_NOUNS_OF, 0, m.start):  # "residents of Tura and Kusau"
                    self._listed(m, dropped)
            elif before in _OPENER_ENDS:
                if s.endswith(_OPENERS, 0, m.start) and self._announced(m.start):
                    self._listed(m, dropped)  # "the villages attacked are: Kadaga, Wyam"
            elif before == ", ":
                if (opened := self._opened(m.start)) >= 0 and m.start - 2 not in self.ends \
                        and self._announced(opened):
                    self._listed(m, dropped)  # ("are: Kadaga, Wyam": "Kadaga" no name)
            elif m.location_cue and s.startswith(", ", m.end) and (
                    s[m.start - 4:m.start] in _PLACE_BEFORE or s[m.start - 5:m.start] == "near "):
                self._listed(m, None)  # (no country dropped: "in Lilongwe, Mzuzu, Malawi")

    def _ended(self, last: Mention) -> None:
        items = [last]
        while (before := self._previous(items[-1])) is not None:
            items.append(before)
        if len(items) > 1:
            for m in items:
                if _free(m, self.known, self.places):
                    m.location_cue = True

    def _announced(self, opened: int) -> bool:
        """Whether the clause before an opener at `opened` names a plural place noun."""
        s = self.s
        cut = opened - next(len(o) for o in _OPENERS if s.endswith(o, 0, opened))
        head = s[max(0, s.rfind(".", 0, cut) + 1, cut - 80):cut]
        return any(n in head for n in _LIST_WRITTEN)

    def _opened(self, start: int) -> int:
        """Where an opener ends before a list's first item that is no name ("are: Kadaga,
        " before "Wyam"), or -1."""
        window = self.s[max(0, start - 40):start]
        if not any(o in window for o in _OPENERS):
            return -1
        found = _ITEM_BEFORE.search(self.s, max(0, start - 40), start)
        return -1 if found is None else found.start(1)

    def _listed(self, first: Mention, dropped: set[int] | None) -> None:
        """Place cues for the list `first` opens, that ends in "and" or its clause; a
        country's name in an announced list among names no dictionary or list knows is a
        village's, dropped (into `dropped`; None: a list after "in", of three names or
        more, none dropped)."""
        s, known, places = self.s, self.known, self.places
        items = [first]
        while (nxt := self._next(items[-1])) is not None:
            items.append(nxt)
        last = items[-1]
        if (dropped is None and len(items) < 3) or not (
                (len(items) > 1 and "and" in s[items[-2].end:last.start])
                or _ends_clause(s, last.end) or s.startswith(" (", last.end)):
            return  # (no list's end: "in Matane, Quebec, Peladeau said")
        unknown = sum(1 for m in items if m.key not in known and m.key not in places)
        for m in items:
            if dropped is not None and m.key in self.countries and unknown * 2 >= len(items) \
                    and unknown >= 2:
                dropped.add(id(m))  # "Kukoki, Malawi, Baduku": a village's name
            elif _free(m, known, places):
                m.location_cue = True

    def place(self, m: Mention) -> None:
        if m.key in self.near:
            own = self.countries.get(m.key, m.key)
            regions = self.regions_of.get(own, ())
            if not any(o.key != m.key and (self.countries.get(o.key) == own or o.key in regions)
                       for o in self.found):
                m.key = f"{m.key} {self.near[m.key]}"
                m.location_cue, m.person_cue = True, False
            return
        if _free(m, self.known, self.places):
            m.location_cue = True
