"""Mentions of a whole corpus -> actors: spelling variants, surnames, acronyms and shorter
forms of one name become one actor with one canonical name.

Dictionary entries are anchors: every key a dictionary names belongs to its entry, and no
automatic rule may join two anchored groups. Keys that name no actor (holidays, events,
agreements, common acronyms, bare adjectives: not_actors.py) take no part. Rules, in order,
each at its one place:

1. transliteration: keys whose words have the same `translit` form (Qasem / Qassem / Kassem),
   never an acronym (compared letter for letter: OK is not UK) nor a word under five letters
   (Fed / Feed, Gulf / Golf), never into a dictionary's demonym (Suede / Swede), never two
   people's names whose surnames the corpus each gives two people or more (Davies / Davis);
2. a plural's last word to its singular (Liberal Democrats / Liberal Democrat), not a person's;
3. one differing given name within one edit (Hashd / Hashid al-Shaabi) or two letters swapped
   (Hamdi / Mahdi al-Muhandis), never the surname,
   the rarer at most a third as frequent, never two names one article uses side by side
   (nor two spellings that rule 1 would join) unless the rarer is a swap named once, and
   one edit apart as written or of one consonant skeleton (not Ziaur / Zillur Rahman);
4. a rare spelling to a frequent one within one edit (Exchance / Exchange Commission): long
   names only, the edit in a word of five letters or more (US / UK Treasury stay apart), ten
   times rarer, no chains, never two names of one article nor two families' (rule 1).
   (Rules 1, 3 and 4: "of one article" not for one person's spellings a long article uses
   side by side, one_person.py: Sergei / Sergey Lavrov in a live blog quoting wires.)
5. acronyms to the name they were defined with in the text (PMF -> Popular Mobilization
   Forces), else to the one name whose initials they are (ICO -> International Coffee
   Organization); never as words;
6. organisation variants: a shorter form inside exactly one longer name (Revolutionary Guards
   -> Islamic Revolutionary Guard Corps), adjectival and nominal forms (Islamic Revolution /
   Revolutionary Guards Corps), a parent's acronym before a name (IRGC Quds Force);
7. a lone surname to the full name that holds at least 80% of that surname's full-name
   mentions (Pompeo -> Mike Pompeo), so two people who share a surname stay apart (the
   extractor has already given a surname the full name its own article uses); where the
   articles wrote the surname alone often enough, 80% of those lone uses instead (Obama ->
   Barack Obama, though Michelle Obama has a third of the full-name mentions); a word used
   as a body's name more than once in ten of its person cues is no lone surname. A lone
   given name is joined by no rule: the extractor gives it the full name only in the
   articles that name that person in full (given_alone.py).

Capitalised words that the corpus mostly writes in lower case are not names ("Individuals").
Before the rules, a sentence's first word kept as a candidate ("^andy robinson", extract.py)
is read from the corpus: the full name where it is written whole elsewhere, else the name
without the word (`_sentence_firsts`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import attrgetter
from typing import Any, TypeVar

from newsdesk.index.actors.acronym_evidence import unevidenced_acronyms
from newsdesk.index.actors.added_surnames import join_added_surnames
from newsdesk.index.actors.bare_possessives import bare_possessives, possessed
from newsdesk.index.actors.bracketed import join_bracketed, split_bracketed
from newsdesk.index.actors.called_by import called_by_given
from newsdesk.index.actors.cluster_faults import PASSED, ClusterFaults
from newsdesk.index.actors.compass_regions import compass_region
from newsdesk.index.actors.contests import EVENT
from newsdesk.index.actors.country_bodies import country_forms
from newsdesk.index.actors.cue_heads import join_cue_heads
from newsdesk.index.actors.defined_types import defined_types, head_type
from newsdesk.index.actors.dictionaries import Dictionaries, Entry
from newsdesk.index.actors.electorate import electorate_of, with_electorate
from newsdesk.index.actors.eponyms import EPONYM_TAILS, eponym
from newsdesk.index.actors.extract import (
    FUNCTION,
    ORG_CUES,
    PLURAL_TITLES,
    REGNAL_TITLES,
    ROLE_NOUNS,
    SENTENCE_FIRST,
    TITLES,
    names_body,
)
from newsdesk.index.actors.federal import BARE, national_government
from newsdesk.index.actors.firm_cues import (
    FIRM,
    body_outvotes,
    firm_outvotes,
    suffixed_firm,
    suffixed_firm_of,
)
from newsdesk.index.actors.firm_heads import join_firm_heads
from newsdesk.index.actors.firm_prefixes import firm_prefixes, prefixed_firm
from newsdesk.index.actors.gc_pause import gc_paused
from newsdesk.index.actors.given_alone import NUMBER_WORDS
from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.given_person import (
    given_and_surname,
    no_cue_against,
    person_given_names,
)
from newsdesk.index.actors.glued_tails import glued_form, join_glued_tails
from newsdesk.index.actors.island_heads import join_island_heads
from newsdesk.index.actors.kind_words import no_place_nor_actor
from newsdesk.index.actors.languages import language_only
from newsdesk.index.actors.lone_guards import StartsOthers, given_name_elsewhere
from newsdesk.index.actors.missions import mission_head
from newsdesk.index.actors.names import (
    ACRONYM_SKIPS,
    ARTICLES,
    initials,
    keys_cached,
    name_key,
    significant,
    singular,
    skeleton,
    translit,
    translit_words,
    two_letters_swapped,
)
from newsdesk.index.actors.never_one import (
    PATRONYMICS,
    Held,
    person_words,
    ranked_office,
    ranks_apart,
    refused,
)
from newsdesk.index.actors.nicknames import join_nicknames
from newsdesk.index.actors.not_actors import (
    CONDITION,
    GROUPS,
    STORM_NOUN_STARTS,
    names_condition,
    not_actor,
    storm_name,
)
from newsdesk.index.actors.noun_acronyms import COMMON_NOUN
from newsdesk.index.actors.numbered import NUMBERED, names_numbered
from newsdesk.index.actors.offices import OFFICE, names_office
from newsdesk.index.actors.one_edit import edit_in_long_word, osa_within_one, slip_like
from newsdesk.index.actors.one_person import spellings_together
from newsdesk.index.actors.organ_names import join_organs
from newsdesk.index.actors.organ_owners import join_owned_organs
from newsdesk.index.actors.outlet_initials import join_outlet_initials
from newsdesk.index.actors.particle_names import full_over_particle
from newsdesk.index.actors.party_plurals import ideology_plurals, join_party_plurals
from newsdesk.index.actors.person_votes import person_by_pronouns, person_over_org
from newsdesk.index.actors.place_clubs import (
    club_named,
    club_over_person,
    join_place_clubs,
    nickname,
)
from newsdesk.index.actors.place_initials import join_dotted_places
from newsdesk.index.actors.pronouns import NEUTER, PERSONAL, PLACE_PART, SITED
from newsdesk.index.actors.region_demonyms import (
    people_regions,
    place_of_people,
    region_of_plural,
)
from newsdesk.index.actors.regions import region_keys
from newsdesk.index.actors.regnal_forms import join_regnal
from newsdesk.index.actors.repeated_lines import repeated_line
from newsdesk.index.actors.run_together import join_run_together
from newsdesk.index.actors.state_abbreviations import state_abbreviations
from newsdesk.index.actors.teams import TEAM, club_over_place, team_outvotes
from newsdesk.index.actors.title_tails import TAIL, names_tail
from newsdesk.index.actors.vessels import VESSEL, names_vessel
from newsdesk.index.actors.works import WORK, names_work
from newsdesk.index.option_values import ACTOR_TYPES

_T = TypeVar("_T")

# Whether two keys are used in one article (side by side: never one actor's two spellings).
Together = Callable[[str, str], bool]


class _NoCues(Counter[str]):
    """An empty cue table that stays empty: the one `read_key_stats` gives every key it
    reads no cue of (most keys of a corpus of many names: an empty Counter of its own was
    104 bytes a key, 44 MB at 425,499 keys). Adding to it is a bug (it is every such key's):
    a key given a cue gets a Counter of its own first."""

    __slots__ = ()

    def __init__(self) -> None:
        dict.__init__(self)  # (Counter's calls `update`, refused here)

    def _frozen(self, *args: object, **kwargs: object) -> None:
        raise TypeError("NO_CUES is shared: give the key a Counter of its own")

    __setitem__ = __delitem__ = update = subtract = clear = pop = popitem = \
        setdefault = __iadd__ = __isub__ = __ior__ = __iand__ = _frozen  # type: ignore[assignment]


NO_CUES: Counter[str] = _NoCues()


class OneSurface(Mapping[str, int]):
    """A key's one surface and its count, read only: what `read_key_stats` gives a key
    written one way (nearly every key of a corpus of many names: a Counter of one entry
    was 208 bytes a key, 88 MB at 425,499 keys; this is 48). Read as the Counter of that
    one entry would be; a second surface read makes it a Counter."""

    __slots__ = ("surface", "n")

    def __init__(self, surface: str, n: int) -> None:
        self.surface, self.n = surface, n

    def __getitem__(self, surface: str) -> int:
        if surface == self.surface:
            return self.n
        raise KeyError(surface)

    def __iter__(self) -> Iterator[str]:
        return iter((self.surface,))

    def __len__(self) -> int:
        return 1

    def __contains__(self, surface: object) -> bool:
        return surface == self.surface

    def get(self, surface: str, default: Any = None) -> Any:  # type: ignore[override]
        return self.n if surface == self.surface else default

    def items(self) -> tuple[tuple[str, int]]:  # type: ignore[override]
        return ((self.surface, self.n),)

    def keys(self) -> tuple[str]:  # type: ignore[override]
        return (self.surface,)

    def values(self) -> tuple[int]:  # type: ignore[override]
        return (self.n,)

    def most_common(self, n: int | None = None) -> list[tuple[str, int]]:
        return [(self.surface, self.n)] if n is None or n >= 1 else []

    def total(self) -> int:
        return self.n

    def counter(self) -> Counter[str]:
        return Counter({self.surface: self.n})

    def __add__(self, other: Mapping[str, int]) -> Counter[str]:
        return self.counter() + (other if isinstance(other, Counter) else Counter(other))

    def __radd__(self, other: Mapping[str, int]) -> Counter[str]:
        return (other if isinstance(other, Counter) else Counter(other)) + self.counter()

    def __repr__(self) -> str:
        return f"OneSurface({self.surface!r}, {self.n!r})"


# A key's surfaces with their counts (`read_key_stats` gives a key of one a OneSurface).
Surfaces = Counter[str] | OneSurface


@dataclass(slots=True)
class KeyStats:
    """What the corpus says of one name key."""

    key: str
    surfaces: Surfaces = field(default_factory=Counter)
    mentions: int = 0
    articles: int = 0
    person: int = 0
    location: int = 0
    lower: int = 0  # articles where its (first) word also appears in lower case
    org: Counter[str] = field(default_factory=Counter)
    line: int = 0  # articles naming it once, in its commonest short line bucket (repeated_lines.py)


@dataclass(slots=True)
class Kept:
    """What clustering works out of one key alone, kept by the caller between calls on much
    the same keys (a patch clusters its region again each round, most of it the same keys).
    `singles`: an actor of one key's (stats, type before the groups are read, name for that
    type), valid while the stats object is that one (checked by identity: this holds it, so
    no other object takes its id); `forms`: each key's transliteration form."""

    singles: dict[str, tuple[KeyStats, str, str]] = field(default_factory=dict)
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(slots=True)
class Cluster:
    name: str
    type: str
    code: str | None
    hidden: bool
    keys: list[str]


class _Groups:
    """Union-find over keys; a group may carry one dictionary anchor."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.anchor: dict[str, str] = {}
        self.held: dict[str, Held] = {}  # (empty: no guard set, `guard`)
        self._together: Together = _never_together
        self._anchored: Container[str] = ()

    def add(self, key: str, anchor: str | None = None) -> None:
        self.parent.setdefault(key, key)
        if anchor is not None:
            self.anchor[self.find(key)] = anchor

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def add_all(self, keys: dict[str, object], anchors: dict[str, str]) -> None:
        """`add` of each key, anchored where `anchors` has it, into groups still empty."""
        assert not self.parent
        self.parent = {key: key for key in keys}
        self.anchor = {key: anchors[key] for key in keys if key in anchors}

    def guard(self, held: dict[str, Held], together: Together, anchored: Container[str]) -> None:
        """From now on, no merge of two groups that never_one.py says are never one actor
        (`held`: what each key holds of what it weighs, keys with nothing left out)."""
        self.held = {}
        for key, h in held.items():
            root = self.find(key)
            if root in self.held:
                self.held[root].add(h)
            else:
                self.held[root] = h
        self._together, self._anchored = together, anchored

    def _root_of(self, key: str) -> str | None:
        return self.find(key) if key in self.parent else None

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        aa, ab = self.anchor.get(ra), self.anchor.get(rb)
        if aa and ab and aa != ab:
            return False  # two dictionary entries: never merged by a rule
        held = self.held
        if held:  # (the guard, once set: most groups hold nothing it weighs)
            ha, hb = held.get(ra), held.get(rb)
            if ha is not None or hb is not None:
                ha, hb = ha or _NOTHING_HELD, hb or _NOTHING_HELD
                if ranks_apart(ha, hb, ra, rb, self._root_of) or (
                        ha is not _NOTHING_HELD and hb is not _NOTHING_HELD
                        and refused(ha, hb, self._together, self._anchored)):
                    return False
                if hb is not _NOTHING_HELD:
                    del held[rb]
                    if ha is _NOTHING_HELD:
                        held[ra] = hb
                    else:
                        ha.add(hb)
        self.parent[rb] = ra
        if ab and not aa:
            self.anchor[ra] = ab
        return True


# A group's empty holding (never_one.py), never changed.
_NOTHING_HELD = Held()


# The types an acronym's definitions outvote where no type's cue says otherwise: none, or a
# body's by its acts or "it"s alone (cluster._by_pronoun).
_DEFINABLE = frozenset(("other", "organisation"))


# The letters of an acronym a body's name spells that lend it its type though they never
# meet in an article (rule 5's names by initials).
_APART_LETTERS = 4


def _is_org(stats: KeyStats) -> bool:
    words = significant(stats.key)
    return len(words) > 1 and words[-1] in ORG_CUES


_ADJECTIVE_ENDINGS = ("ic", "ical", "ern")
# Endings of adjectives of place and people: "European", "Scottish", "Congolese", "Iraqi".
_DEMONYM_ENDINGS = ("ean", "ian", "ish", "sh", "ese", "ic", "ern")
# Endings of a word that is an adjective's form, not a demonym's (`_adjective_word`).
_ADJECTIVE_FORMS = ("al", "ist")
_REAL_TYPES = frozenset(ACTOR_TYPES)
_BODY_TYPES = _REAL_TYPES - {"person", "other"}  # cues of a body's or a place's name
_CUED_BODIES = _BODY_TYPES - {"location"}  # cues of a body's name alone
# The one-word heads of places' names ("street", "county"): alone, a kind's word.
_PLACE_HEADS = frozenset(w for w, t in ORG_CUES.items() if t == "location" and " " not in w)
# Significant words of the longest name `_leads` counts (reach.py looks up as many).
LONGEST_LED = 12
_LEGAL_SUFFIXES = frozenset(("co", "inc", "corp", "corporation", "ltd", "plc", "llc", "ag",
                             "sa", "nv", "gmbh", "bv", "spa", "kk", "and"))
# A company's legal forms, a name's last word (firm_heads.py).
_FIRM_FORMS = _LEGAL_SUFFIXES - {"and"}
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}s")
_ADJECTIVAL = re.compile(r"(?:ary|ian|an|ic|al|ist|ese)$")


def _is_common_word(stats: KeyStats) -> bool:
    """A lone capitalised word the corpus also writes in lower case ("Individuals"), or a
    lone adjective ("Islamic", "Western"): not a name."""
    if len(stats.key.split()) != 1:
        return False
    return stats.lower * 2 >= stats.articles > 0 or stats.key.endswith(_ADJECTIVE_ENDINGS) \
        or _shouted_word(stats)


def _shouted_word(stats: KeyStats) -> bool:
    """A word of four letters or more written in capitals in most of its mentions, and in
    lower case in a quarter of its articles, with no cue of a person, a place or a body:
    a page shouting ("Subscribe to Canada Free Press for FREE", "FREE GIFT!"), no acronym
    (NASA, NATO: never in lower case)."""
    if len(stats.key) < 4 or stats.lower * 4 < stats.articles or stats.person \
            or stats.location or not _REAL_TYPES.isdisjoint(stats.org):
        return False
    shouted = sum(n for surface, n in stats.surfaces.items() if surface.isupper())
    return shouted * 2 > stats.mentions


def _kindless_word(stats: KeyStats) -> bool:
    """A lone word written in lower case in a third of its articles, with no cue of any
    kind of actor (no person's, no place's, no body's): a common word in the capitals of
    other names ("World": "the World at One", "Third World", "We Are the World"). Unless a
    full name ends with it (`_live`: "Mr Flight" is Howard Flight)."""
    return stats.lower * 3 >= stats.articles > 0 and " " not in stats.key \
        and not stats.person and not stats.location and _REAL_TYPES.isdisjoint(stats.org)


def _surnames_of(stats: dict[str, KeyStats]) -> set[str]:
    """The last words of the keys that may be people's full names (as rule 7 and
    reach.py's `_may_be_full_name` read them)."""
    return {significant(k)[-1] for k, s in stats.items()
            if s.person and " " in k and " of " not in k and k[:1] != SENTENCE_FIRST
            and _person_cued(s)
            and not any(w in ORG_CUES for w in significant(k))}


def _a_familys(singular: str, surnames: set[str], live: Mapping[str, KeyStats]) -> bool:
    """Whether a lone word's plural is a family's: its singular a person's surname in the
    corpus, no party's first word ("the Greens" of a Green Party are its members, though a
    Steve Green is named too) and, alone, cued as no body ("the Houses" of a "House" cued
    as a body, though one run made "Imran Awan House" a person)."""
    if singular not in surnames or singular + " party" in live:
        return False
    s = live.get(singular)
    return s is None or not any(s.org.get(t) for t in _BODY_TYPES)


def _peoples_plural(stats: KeyStats, corpus: dict[str, KeyStats],
                    demonyms: frozenset[str]) -> bool:
    """A people's plural ("Koreans", "Fulanis"): the plural of a bare adjective of people
    (`_is_bare_adjective`: "Korean" qualifies "peninsula", "nation", "People's Army"),
    written less than half as often as the adjective (the other way round it names people
    as a party's members do: `_used_as_noun`, "Tories"), with no cue of a group of its own
    (a type's, a person's) and no dictionary's name (a country's plural demonym is its
    alias: "North Koreans"). No actor: of two countries, or of none (an ethnic group's)."""
    singular = corpus.get(stats.key[:-1])
    return singular is not None and singular.mentions > 2 * stats.mentions \
        and _is_bare_adjective(singular, demonyms) and stats.person * 4 < stats.mentions \
        and _REAL_TYPES.isdisjoint(stats.org)


def _is_bare_adjective(stats: KeyStats, demonyms: frozenset[str]) -> bool:
    """A word of place or people used to qualify the noun after it ("European leaders",
    "Soviet troops", "West German exports") and linked to no country or region by a
    dictionary: no actor of its own."""
    if not stats.org.get("modifier"):  # most keys: never a modifier, so no share of one
        return False
    words = stats.key.split()
    if len(words) > 2 or not stats.mentions:
        return False
    used = stats.org.get("modifier", 0)
    if len(words) == 1 and (armed := stats.org.get("militia", 0)) \
            and not any(surface.isupper() for surface in stats.surfaces):
        used += armed  # "Islamist militants", "Takfiri militants": an adjective's nouns
    share = used / stats.mentions
    return share >= 0.9 or (share >= 0.5 and (words[-1].endswith(_DEMONYM_ENDINGS)
                                              or words[-1] in demonyms
                                              or _adjective_word(stats, words)))


def _adjective_word(stats: KeyStats, words: list[str]) -> bool:
    """A word of an adjective's form ("Presidential", "Federal", "Marxist"), not in
    capitals (JAL): used as a modifier half the time or more, an adjective, not a body's
    short name ("Presidential" 117 articles of a Sri Lankan corpus, typed a party by its
    "Presidential candidate"s; Reuters' "Federal funds", "Federal regulators")."""
    return len(words) == 1 and words[0].endswith(_ADJECTIVE_FORMS) \
        and not any(surface.isupper() for surface in stats.surfaces)


def _every_countrys(stats: dict[str, KeyStats], dictionaries: Dictionaries) -> set[str]:
    """Names of a kind of body that many countries have: a name the corpus also writes after
    three or more countries' names or demonyms ("Italian / French / Japanese Treasury",
    "West German / Korean / South African Finance Ministry") names no one actor alone
    ("Treasury" in world news is several countries'); with one or two ("UK Treasury", "US
    Treasury") it is left to the corpus's own use."""
    country_of: dict[str, str] = {}
    for key, head in dictionaries.alias.items():
        entry = dictionaries.entries.get(head)
        if entry is not None and entry.type == "country":
            country_of[key] = head
    countries: dict[str, set[str]] = defaultdict(set)
    firsts = _first_words(country_of)
    for key in stats:
        if key.partition(" ")[0] not in firsts:  # most keys: no country's name first
            continue
        words = key.split()
        for cut in range(1, min(len(words), 4)):
            country = country_of.get(" ".join(words[:cut]))
            if country:
                countries[" ".join(words[cut:])].add(country)
    # Not a dictionary's name or a country's ("West German"), nor an acronym: one body
    # coined it ("English / Scottish / Welsh FA").
    return {key for key, found in countries.items()
            if len(found) >= 3 and key in stats and key not in dictionaries.alias
            and not all(surface.isupper() for surface in stats[key].surfaces)}


def _first_words(names: dict[str, str]) -> set[str]:
    """The first words of the keys of `names`: a key whose first word is none of them starts
    with none of those keys."""
    return {name.partition(" ")[0] for name in names}


def _of_its_time(stats: dict[str, KeyStats], dictionaries: Dictionaries) -> dict[str, str]:
    """Dictionary names -> entry, where a former state the corpus names more often than its
    successor takes the successor's names: a corpus of its time ("Germany" in 1987 news is
    West Germany; in 2005 news, Germany)."""
    def used(entry: Entry) -> int:
        return sum(stats[k].mentions for k in entry.name_keys() if k in stats)

    alias = dictionaries.alias
    for head, entry in dictionaries.entries.items():
        if not entry.successor:
            continue
        later = dictionaries.entries.get(alias.get(name_key(entry.successor), ""))
        if later is None or later is entry or used(entry) <= used(later):
            continue
        later_head = alias[name_key(entry.successor)]
        alias = {k: head if h == later_head else h for k, h in alias.items()}
    return alias


# The media cues a dictionary's acronym needs, and their share of its typed mentions,
# before the corpus's usage outweighs the dictionary's entry of another kind.
_CONTRARY_MEDIA = 3
_CONTRARY_SHARE = 4


def _contrary_acronyms(stats: dict[str, KeyStats], anchored: dict[str, str],
                       acronym: set[str], dictionaries: Dictionaries) -> set[str]:
    """A dictionary's acronym that the corpus uses as a news agency's name: "PTI" of Indian
    news is the Press Trust of India ("New Delhi, Aug 9 (PTI)", "..., PTI reported"), not the
    Pakistani party the dictionary names so. Where most of its typed mentions have a
    medium's cues (outlet_cues.py) and the entry is no medium, the acronym is the corpus's
    own, and no definition joins it to the entry either."""
    out: set[str] = set()
    for key, head in anchored.items():
        if key == head or key not in acronym or (s := stats.get(key)) is None:
            continue
        media = s.org.get("media", 0)
        if media < _CONTRARY_MEDIA:
            continue
        entry = dictionaries.entries.get(head)
        if entry is None or entry.type == "media":
            continue
        typed = sum(n for t, n in s.org.items() if t in _REAL_TYPES) + s.person + s.location
        # (And a quarter of all its mentions: a row's one cue counts for each of its
        # mentions, so one "FBI website" in an article naming the FBI a dozen times made
        # a dozen media votes against a corpus that mostly writes "the FBI", untyped.)
        if media * 2 > typed and media * _CONTRARY_SHARE >= s.mentions:
            out.add(key)
    return out


def _names_event(stats: KeyStats) -> bool:
    """A name the corpus uses often before an event's noun ("Six Nations clash", "Champions
    League final") or with a contest's cue ("won Wimbledon", "the Wimbledon champion": a
    one-word name takes only these, contests.py): the name of a contest, not an actor."""
    events = stats.org.get(EVENT, 0)
    return events >= 3 and events * 5 >= stats.mentions


def _one_countrys(live: dict[str, KeyStats], dictionaries: Dictionaries, groups: _Groups,
                  anchored: dict[str, str], shared: set[str] = frozenset(),
                  acronym: set[str] = frozenset(),
                  forms: Mapping[tuple[str, str], list[str]] | None = None) -> None:
    """A body's name the corpus also writes after one country's name, and no other's, at
    least a quarter as often as alone ("Agriculture Department" beside "U.S. Agriculture
    Department"): that country's body. After three or more countries it names none
    (`_every_countrys`); one "US Air Force" among forty "Air Force" says nothing of them.
    `shared`: bodies the corpus names as two countries' or more in any form ("Supreme Court
    of India", "Kenyan Supreme Court": `_countries_bodies`), which stay apart; so do two
    names each written by its own initials (`_own_acronyms`: NRL and TNRL).
    `forms`: (country, body) -> every key naming that country's body (`_countries_bodies`),
    whose mentions count as the country's too: "Supreme Court of the United States", the
    key the bare name takes in the articles that name the US (country_bodies.py), 58
    mentions beside 66 bare ones in articles that name no country, and few "U.S. Supreme
    Court"s (the US court was two actors of a US politics corpus)."""
    country_of = {key: head for key, head in anchored.items()
                  if (e := dictionaries.entries.get(head)) is not None and e.type == "country"}
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    firsts = _first_words(country_of)
    for key in live:
        if key.partition(" ")[0] not in firsts:  # most keys: no country's name first
            continue
        words = key.split()
        for cut in range(1, min(len(words), 4)):
            country = country_of.get(" ".join(words[:cut]))
            if country:
                found[" ".join(words[cut:])][country].append(key)
    joins: dict[str, list[str]] = {}
    for body, by_country in found.items():
        if len(by_country) == 1 and body in live and body not in anchored \
                and body not in shared and _is_org(live[body]):
            [(country, prefixed)] = by_country.items()
            more = [k for k in (forms or {}).get((country, body), ()) if k not in prefixed]
            if sum(live[k].mentions for k in prefixed + more if k in live) * 4 \
                    >= live[body].mentions \
                    and not any(_own_acronyms(body, k, acronym, live) for k in prefixed):
                joins[body] = prefixed
    if not joins:
        return
    # A body's name the corpus also writes after another place's or people's word (a
    # region's, a continent's), as often, names no one country's body: "Development Bank"
    # of a Sri Lankan corpus is as much the Asian Development Bank's as China's (3 of the
    # 17 articles it gave China's). (Not after any word: the White House leaves "House"
    # the US House's.)
    others: dict[str, int] = {}
    ends = tuple(" " + body for body in joins)
    for key, s in live.items():
        if key.endswith(ends):
            body = next(b for b in joins if key.endswith(" " + b))
            first = key.partition(" ")[0]
            if key not in joins[body] and (first.endswith(_DEMONYM_ENDINGS)
                                           or first in dictionaries.demonym_keys
                                           or _a_place(key[:-len(body) - 1], dictionaries)):
                others[body] = others.get(body, 0) + s.mentions
    for body, prefixed in joins.items():
        if others.get(body, 0) < live[body].mentions:
            groups.union(prefixed[0], body)


def _a_place(words: str, dictionaries: Dictionaries) -> bool:
    """Whether `words` are a dictionary's place (a region, a continent)."""
    entry = dictionaries.entries.get(dictionaries.alias.get(words, ""))
    return entry is not None and entry.type == "location"


def _missions_sent(live: dict[str, KeyStats], anchored: dict[str, str],
                   groups: _Groups) -> None:
    """A mission's first half written alone ("the Regional Assistance Mission") joins the
    one whole name it starts that the corpus writes ("... to Solomon Islands"); with two
    ("EU Delegation to Fiji", "... to Vanuatu") it names neither."""
    whole: dict[str, set[str]] = defaultdict(set)
    for key in live:
        if (head := mission_head(key)) is not None and head in live and head not in anchored:
            whole[head].add(groups.find(key))
    for head, found in whole.items():
        if len(found) == 1:
            groups.union(next(iter(found)), head)


def _clipped_heads(live: dict[str, KeyStats], acronym: set[str], groups: _Groups,
                   anchored: dict[str, str], together: Together | None = None) -> None:
    """A lone common word that heads longer names ("the Community", "the House", "the
    Islamic Republic"): the one actor whose names it heads in 80% of their mentions
    (European Community), else no one actor, and it goes (House: of Representatives, of
    Commons, White House). Heads: the words before "of" ("House of Commons"), or the last
    ones ("White House"); no person's names (a surname is rule 7's). A word named before
    officers' titles where the longer names are not ("House Speaker") heads none of them."""
    # The words that may be clipped heads: one or two, no dictionary's, no acronym. (Asked
    # of `live` as it is here: a set of them, nearly every key of a corpus of many names,
    # was the clustering's peak at 425,499 keys.)
    def short(k: str) -> bool:
        return k in live and k.count(" ") <= 1 and k not in anchored and k not in acronym

    heads: dict[str, Counter[str]] = defaultdict(Counter)
    placed: dict[str, Counter[str]] = defaultdict(Counter)  # their place cues, alike
    titled: dict[str, Counter[str]] = defaultdict(Counter)  # their officers' cues, alike
    for key, s in live.items():
        words = key.split()
        if len(words) < 2 or key in acronym:
            continue
        found = [words[-1]] if short(words[-1]) and not _other_last_word(
            key, words[-1], anchored) else []
        if "of" in words[1:]:  # (the first "of" after the first word: "of of j" has one)
            before = words[:words.index("of", 1)]
            found += [h for h in (before[-1], " ".join(before[-2:])) if short(h)]
        if found and not _person_cued(s):
            group = groups.find(key)
            for head in dict.fromkeys(found):
                heads[head][group] += s.mentions
                if s.location:
                    placed[head][group] += s.location
                if officers := _officers(s):
                    titled[head][group] += officers
    formal: set[str] = set()  # heads of a dictionary's formal names
    # A dictionary's formal name heads its actor's other names: "the Islamic Republic" is
    # the one of Iran, Pakistan, Afghanistan and Mauritania ("Islamic Republic of ...") the
    # corpus names most, if it names that one most by far. Two words: "the Kingdom" or "the
    # Commonwealth" alone name too much.
    for key, head in anchored.items():
        words = key.split()
        if "of" in words[2:] and short(clipped := " ".join(words[:words.index("of")][-2:])):
            group = groups.find(head)
            used = sum(live[k].mentions for k, h in anchored.items() if h == head and k in live)
            heads[clipped][group] = max(heads[clipped][group], used)
            formal.add(clipped)
    grouped: set[str] | None = None  # roots of groups of more keys, found if one is to go
    sorted_keys: list[str] = []

    def ordered() -> list[str]:
        if not sorted_keys:
            sorted_keys.extend(sorted(live))
        return sorted_keys

    for key in [k for k in heads if k in live]:
        s, found = live[key], heads[key]
        if _person_cued(s) or groups.find(key) != key:
            continue
        if s.location * 4 >= s.mentions and not _placed_alike(s, found, placed.get(key)):
            continue
        # Used as a common noun's stand-in: mostly after "the" or before a noun (a company's
        # or a club's: "United keeper X", "the United board" are Manchester United's).
        weak = s.org.get("thing", 0) + s.org.get("modifier", 0) + s.org.get("organisation", 0)
        if weak * 2 < s.mentions:
            continue
        (best, count), total = found.most_common(1)[0], sum(found.values())
        if total < s.mentions:
            continue  # the longer names are rarer than the word: a name of its own
        # A word named before its officers' titles ("House Speaker", "Speaker of the
        # House") in a fifth of its mentions heads another body where the longer names are
        # not so named: "the House" of US news is no White House. So does one that starts
        # other names, no dictionary's, half as often as it stands alone ("House
        # Republicans", "House Democrats"; not football's "United" beside "United Bank"),
        # but for a dictionary's formal name ("the Islamic Republic", beside "Islamic
        # Republic News Agency").
        own = _officers(s)
        if s.lower == 0 and s.location * 2 > s.mentions:
            continue  # a place's own name ("York", the English city, beside New York)
        # (Where the store says which articles name what, `together`: a word none of whose
        # articles names the longer one is no clipped head of it, "The Sun newspaper in
        # London" beside the Herald Sun; one look-up per word that would join.)
        if count >= 0.8 * total and not (
                own * 5 >= s.mentions and titled[key][best] * 5 < count) \
                and (key in formal or _started_elsewhere(
                    key, best, live, groups, ordered(), anchored) * 2 < s.mentions) \
                and (together is None or together(key, best)):
            groups.union(best, key)
        elif " " not in key:
            if grouped is None:
                # (A key here is a root, as it was when these were found: alone unless one
                # of them. Few, where a count of every group was 425,499 entries.)
                grouped = {root for k in groups.parent if (root := groups.find(k)) != k}
            if key not in grouped:
                del live[key]  # its group has no other name: no actor


def _other_last_word(key: str, last: str, anchored: dict[str, str]) -> bool:
    """Whether `key` is a dictionary's other name for an actor whose own name ends in
    another word: "South African" is South Africa's, and "African" ("of African descent",
    "the east African nation of Djibouti") had become South Africa's clipped head
    (stranger9)."""
    head = anchored.get(key)
    return head is not None and head != key and head != last \
        and not head.endswith(" " + last)


def _started_elsewhere(word: str, owner: str, live: dict[str, KeyStats],
                       groups: _Groups, ordered: list[str], anchored: dict[str, str]) -> int:
    """Mentions of the longer names `word` starts ("house republicans" of "house") that are
    not `owner`'s group's, nor a dictionary's (United Nations and United States say nothing
    of football news' "United"); `ordered`: the keys of `live`, sorted."""
    prefix = word + " "
    total = 0
    for i in range(bisect_left(ordered, prefix), len(ordered)):
        k = ordered[i]
        if not k.startswith(prefix):
            break
        if (s := live.get(k)) is not None and k not in anchored and groups.find(k) != owner:
            total += s.mentions
    return total


# A firm's name cued as one this many times, the rarer of two at least this share of the
# other's mentions: two firms, not one firm's two transliterations.
_FIRM_CUES = 3
_FIRM_SHARE = 10


def _two_firms(a: KeyStats | None, b: KeyStats | None) -> bool:
    """Whether two keys of one transliteration signature are two companies' names: each
    cued as a company's more than as any other kind, and neither a rare form of the other
    ("Aveva", a software firm, and "Aviva", an insurer, in one business desk's news). A
    company writes its name one way; transliteration spells people, places and groups
    (Qassem / Qasem, Kata'ib / Kataeb)."""
    if a is None or b is None or min(a.mentions, b.mentions) * _FIRM_SHARE < max(
            a.mentions, b.mentions):
        return False
    return all(_firm_cued(s) for s in (a, b))


def _firm_cued(s: KeyStats) -> bool:
    firm = s.org.get("organisation", 0)
    return firm >= _FIRM_CUES and not s.person and all(
        n < firm for t, n in s.org.items() if t in _REAL_TYPES and t != "organisation")


def _officers(s: KeyStats) -> int:
    """Mentions of a name just before an officer's title or after one's "of the" (offices.py,
    title_tails.py)."""
    return s.org.get(OFFICE, 0) + s.org.get(TAIL, 0) if s.org else 0


def _placed_alike(s: KeyStats, found: Counter[str], placed: Counter[str] | None) -> bool:
    """Whether a clipped head's place cues say no more than those of the longer names it
    heads most: "in the Lords" as often as "in the House of Lords" (a chamber, a court,
    a firm are "in" as a place is), not "in Varnel" where "the Varnel Trust" is never "in"."""
    if not placed:
        return False
    best = found.most_common(1)[0][0]
    return s.location * found[best] <= 2 * placed[best] * s.mentions


def _used_as_noun(key: str, stats: dict[str, KeyStats]) -> bool:
    """An adjective whose plural is used at least half as often names people ("Tory" /
    "Tories", "Conservative" / "Conservatives"): it joins them rather than going."""
    plural = stats.get(key[:-1] + "ies" if key.endswith("y") else key + "s")
    return plural is not None and plural.mentions * 2 >= stats[key].mentions


def _acronym_keys(stats: dict[str, KeyStats], dictionaries: Dictionaries) -> set[str]:
    """Keys written mostly in capitals as one word (UK, U.S., ICCO), or so named by a
    dictionary: compared letter for letter, never as words."""
    out = set()
    for key, s in stats.items():
        if " " in key or not s.surfaces:
            continue
        caps = 0  # (a loop, not a generator: most keys have one surface)
        for surface, n in s.surfaces.items():
            if surface.replace(".", "").replace("&", "").isupper():
                caps += n
        if caps * 2 > sum(s.surfaces.values()):
            out.add(key)
    for entry in dictionaries.entries.values():
        for name in (entry.name, *entry.aliases):
            bare = name.replace(".", "").replace("-", "").replace("&", "")
            if bare.isupper() and " " not in bare:
                out.add(bare.lower())
    return out


def _plural_acronyms(stats: dict[str, KeyStats]) -> set[str]:
    """Acronyms the corpus puts in the plural ("MPs", "PCs", "DVDs") name kinds of things,
    not actors; their singulars neither."""
    out = set()
    fullmatch = _PLURAL_ACRONYM.fullmatch
    for key, s in stats.items():
        # (Only a surface ending in "s" can match: the others are not tried. A loop, not a
        # generator: most keys have one surface, and a generator a key cost more than it.)
        plural = 0
        for surface, c in s.surfaces.items():
            if surface[-1:] == "s" and fullmatch(surface):
                plural += c
        if plural and plural * 2 > sum(s.surfaces.values()):
            out.update((key, key[:-1]))
    return out


def _person_cued(s: KeyStats) -> bool:
    """More cues of a person than of a thing or an organisation ("Tony Blair said" outvotes
    a stray "Tony Blair supporters")."""
    if s.person <= 0:  # most keys: no cue of a person, and the sum below is not needed
        return False
    real = sum(n for t, n in s.org.items() if t in _REAL_TYPES)
    return s.person >= s.org.get("thing", 0) and s.person > real


def _never_together(key_a: str, key_b: str) -> bool:
    return False


def _always_apart(key_a: str, key_b: str) -> bool:
    """Two keys held apart: where the rule that tells shared surnames failed, no
    spelling joins on its word."""
    return True


def cluster(stats: dict[str, KeyStats], acronyms: dict[str, Counter[str]],
            dictionaries: Dictionaries, together: Together | None = None,
            titles: frozenset[str] | None = None, memo: Kept | None = None,
            given: frozenset[str] | None = None,
            faults: ClusterFaults | None = None) -> list[Cluster]:
    """The corpus's actors: its name keys merged by the rules below (`_cluster`), with the
    garbage collector paused (its passes over the heap were a third of the time).
    A rule's fault is contained (cluster_faults.py): its pass's merges left out, or one
    group's names listed apart, or, outside every pass, each name its own actor; said in
    `faults`.

    `titles`: the titles the whole corpus learns (`learned_titles`), and `given`: the first
    words that start two people's names of two words or more in the whole corpus
    (`shared_given`), for `stats` that are a region of it (a patch): the rules that count
    over every key, given from outside (`people_facts`).
    `memo`: kept by the caller between calls on much the same keys (`Kept`).
    The names' caches of KEYS_CACHED entries are asked only where `stats` fit in them
    (names.keys_cached)."""
    faults = ClusterFaults() if faults is None else faults
    with gc_paused(), keys_cached(len(stats)):
        try:
            return _cluster(stats, acronyms, dictionaries, together, titles, memo, given,
                            faults)
        except PASSED:
            raise
        except Exception as exc:  # noqa: BLE001 - a rule's fault outside the guarded passes
            faults.everything(exc)
            return _all_apart(stats, dictionaries)


def _held(live: dict[str, KeyStats]) -> dict[str, Held]:
    """What each key holds that a merge weighs (never_one.py): a person's full name (two
    words or more after its titles, cued as a person's or led by a given name with no
    body's cue), a body's name, a deputy's office whose office the corpus names."""
    out: dict[str, Held] = {}
    given = given_names()
    for key, s in live.items():
        if " " not in key:
            continue  # (most keys of one word: none of these)
        if (office := ranked_office(key)) is not None and office in live:
            out[key] = Held(ranks=[(key, office)])
        elif _is_org(s):
            out[key] = Held(bodies=[key])
        elif " of " not in key and " and " not in key and s.location * 2 < s.mentions \
                and len(words := person_words(key, TITLES)) >= 2 \
                and (_person_cued(s) or (words[0] in given and not any(
                    t in _REAL_TYPES for t in s.org))):
            out[key] = Held(people=[(key, words)])
    # A name of three words or more ending in a person's full name of two or more, with no
    # cue of its own, is a person's too where it has no body's cue: "Konda Srinivasa Rao",
    # once, beside a cued "Srinivasa Rao" (a namesake, never_one.namesakes; uncued, it was
    # joined to "Ganta Srinivasa Rao" through the name they share).
    for key, s in live.items():
        if key in out or key.count(" ") < 2 or " of " in key or " and " in key \
                or s.location * 2 >= s.mentions or any(t in _REAL_TYPES for t in s.org):
            continue
        words = person_words(key, TITLES)
        if len(words) >= 3 and any(
                (held := out.get(" ".join(words[-n:]))) is not None and held.people
                for n in range(2, len(words))):
            out[key] = Held(people=[(key, words)])
    return out


def _plain_name(key: str, s: KeyStats | None) -> str:
    """A key's commonest spelling (the key itself where it has none): the name of a key
    listed apart after a fault."""
    top = s.surfaces.most_common(1) if s is not None and s.surfaces else None
    return top[0][0] if top else key


def _apart(keys: list[str], live: Mapping[str, KeyStats]) -> list[Cluster]:
    """Each key the corpus uses its own actor, plainly named and typed "other": a group
    whose name or type could not be worked out."""
    return [Cluster(_plain_name(k, live[k]), "other", None, False, [k])
            for k in keys if k in live]


def _entry_whole(entry: Entry, keys: list[str]) -> Cluster:
    """A dictionary's group as its entry says (name, type, code, hidden): a curation
    edit still holds where the rules' naming or typing of its group failed."""
    return Cluster(entry.name, entry.type or "other", entry.code, bool(entry.hidden),
                   sorted(keys))


def _all_apart(stats: dict[str, KeyStats], dictionaries: Dictionaries) -> list[Cluster]:
    """The plainest clustering: each dictionary's names one actor as its entry says, every
    other key (but a sentence's first word's candidate) its own."""
    out: list[Cluster] = []
    by_entry: dict[str, list[str]] = {}
    try:
        for key in stats:
            head = dictionaries.alias.get(key)
            if head is not None and head in dictionaries.entries:
                by_entry.setdefault(head, []).append(key)
        out = [_entry_whole(dictionaries.entries[head], keys)
               for head, keys in by_entry.items()]
    except Exception:  # noqa: BLE001 - a damaged entry: no entry's group at all
        out, by_entry = [], {}
    held = {k for keys in by_entry.values() for k in keys}
    out += [Cluster(_plain_name(k, s), "other", None, False, [k]) for k, s in stats.items()
            if k not in held and k[:1] != SENTENCE_FIRST]
    return out


def _dropped(stats: dict[str, KeyStats], acronyms: dict[str, Counter[str]],
             every_countrys: set[str]) -> set[str]:
    """Keys that name no actor whatever their usage: plural acronyms, acronyms defined as
    no actor, names of a body many countries have (`every_countrys`)."""
    dropped = _plural_acronyms(stats) | _storms_names(stats) | _undefined_mixed(stats, acronyms)
    for short, expansions in acronyms.items():  # "JCPOA" defined as a plan: no actor either
        if not_actor(expansions.most_common(1)[0][0]):
            dropped.add(short)
        elif 2 * sum(n for e, n in expansions.items() if e[:1] == COMMON_NOUN) \
                >= expansions.total():
            dropped.add(short)  # "artificial intelligence (AI)": a common noun's (noun_acronyms.py)
    return dropped | every_countrys


# An acronym with the small word's initial in lower case: "CoM" (Council of Ministers), "MoH",
# "DfID" (Department for International Development).
_MIXED_ACRONYM = re.compile(r"[A-Z]+(?:[of][A-Z]+)+")


def _undefined_mixed(stats: dict[str, KeyStats], acronyms: dict[str, Counter[str]]) -> set[str]:
    """Acronyms written with a small word's initial in lower case that no article defines
    in brackets (written so once at least, else in capitals): a body's short form whose
    name the corpus never gives as one ("CoM" 7 times and "COM" 24 in a Vanuatu corpus,
    its "Council of Ministers" a bare body's words, dropped), no actor
    of its own (a dictionary's, "BoE", is anchored before this is asked)."""
    return {key for key, s in stats.items()
            if " " not in key and key not in acronyms and 3 <= len(key) <= 6
            and any(_MIXED_ACRONYM.fullmatch(surface) for surface in s.surfaces)
            and all(surface.isupper() or _MIXED_ACRONYM.fullmatch(surface)
                    for surface in s.surfaces)}


# A storm's name alone is the storm's where the storm is named so at least half as often,
# and the name alone hardly ever has a person's cue.
_STORM_SHARE = 2
_STORM_PERSON = 10


def _storms_names(stats: dict[str, KeyStats]) -> set[str]:
    """A named storm's own name alone ("Harold" beside "TC Harold", "Cyclone Harold"): no
    actor either (not_actors.storm_name)."""
    storms: dict[str, int] = {}
    for key, s in stats.items():
        if key.startswith(STORM_NOUN_STARTS) and (name := storm_name(key)) is not None:
            storms[name] = storms.get(name, 0) + s.mentions
    return {name for name, n in storms.items()
            if (s := stats.get(name)) is not None and n * _STORM_SHARE >= s.mentions
            and s.person * _STORM_PERSON < s.mentions}


# The last letters of a people's name (`place_of_people`: "Papuans", "Papuan", "Islander",
# "Brooklynite").
_PEOPLE_LAST = frozenset("snre")
_PLACE_SHARE = 8  # a place's cues in an eighth of a name's mentions at least
_PLACE_MIN = 3


def corpus_place(s: KeyStats) -> bool:
    """Whether the corpus names a place by a key: place cues ("in West Papua", a place's
    head word: "Pacific Islands") in an eighth of its mentions and three or more, hardly
    ever a person's."""
    placed = s.location + s.org.get("location", 0)
    return placed >= _PLACE_MIN and placed * _PLACE_SHARE >= s.mentions \
        and s.person * 4 < s.mentions


class _CorpusPlaces:
    """The keys `stats` names places by (`corpus_place`), as a container, asked of a few."""

    __slots__ = ("stats",)

    def __init__(self, stats: dict[str, KeyStats]) -> None:
        self.stats = stats

    def __contains__(self, key: object) -> bool:
        s = self.stats.get(key) if isinstance(key, str) else None
        return s is not None and corpus_place(s)


def _live(stats: dict[str, KeyStats], anchored: dict[str, str], dropped: set[str],
          demonyms: frozenset[str], plurals: dict[str, KeyStats] | None = None,
          places: frozenset[str] = frozenset()) -> dict[str, KeyStats]:
    """The keys that take part (in `stats`' order): a dictionary's, or none of the kinds
    of name that are no actor. (`plurals`: where `stats` is not the whole corpus, the
    stats `_used_as_noun` reads of a plural. `places`: the regions whose people's plurals
    name no actor: region_demonyms.py.)"""
    live: dict[str, KeyStats] = {}
    for k, s in stats.items():
        if k in anchored:
            live[k] = s
            continue
        if k in dropped or k[:1] == SENTENCE_FIRST or not_actor(k) or _is_common_word(s) \
                or (language_only(k) and s.person * 4 < s.mentions) \
                or (" " not in k and no_place_nor_actor(k, s.mentions, s.org, _CUED_BODIES,
                                                        _PLACE_HEADS)) \
                or (s.line and repeated_line(s.line, s.articles)) \
                or (k in GROUPS and not s.person) \
                or (k[-1] == "s" and region_of_plural(k, places) is not None) \
                or (k[-1] == "s" and " " not in k and _peoples_plural(s, stats, demonyms)) \
                or (k[-1] in _PEOPLE_LAST and " " in k and s.person * 4 < s.mentions
                    and place_of_people(k, _CorpusPlaces(stats)) is not None):
            # ("Black voters"; not "Mr White said"; "Victorians", "Queenslanders"; "West
            # Papuans", "Pacific Islander" of a place the corpus names; a language's name,
            # "Tamil parties", "in Sinhala", not "Mr Akan said": languages.py; a code, "in
            # FY18", or a kind's noun, "in the Capital": kind_words.py)
            continue  # (a sentence's first word's candidate: `_sentence_firsts`)
        org = s.org
        # (The rules of cues: only a key with an organisation's cue can meet them.)
        if org and (
                _names_event(s)
                # (a person's full name keeps the work cues its lone surname brought from a
                # show named after the family: "Keeping Up With the Kardashians")
                or (names_work(org.get(WORK, 0), s.mentions) and not _person_cued(s))
                or (VESSEL in org and names_vessel(org[VESSEL], s.mentions))
                or (CONDITION in org and names_condition(org[CONDITION], s.mentions))
                or (OFFICE in org and names_office(org[OFFICE], s.mentions)
                    and not _person_cued(s))
                or (TAIL in org and names_tail(org[TAIL], s.mentions) and not _person_cued(s))
                or (NUMBERED in org and names_numbered(org[NUMBERED], s.mentions))
                or (_is_bare_adjective(s, demonyms)
                    and not _used_as_noun(k, plurals or stats))):
            continue
        if (k[-4:] in EPONYM_TAILS and eponym(k, stats)) or k in _GENERATION_SUFFIXES:
            # "Obamacare": a programme named after a person (eponyms.py); "Jr" alone
            # ("Samuel A. Alito, Jr."): no one's name, nor a lone surname of one
            continue
        live[k] = s
    kindless = [k for k, s in live.items()
                if s.lower and not s.person and _kindless_word(s) and k not in anchored]
    if kindless:
        surnames = _surnames_of(stats)
        for k in kindless:
            if k not in surnames:
                del live[k]
    return live


def _people(live: dict[str, KeyStats], anchored: dict[str, str],
            dictionaries: Dictionaries) -> dict[tuple[str, ...], str]:
    """Full names of people: two words or more, cued as a person's, no organisation's
    name, no dictionary's place or body ("Capitol Hill"); by their significant words."""
    def _not_person(key: str) -> bool:
        entry = dictionaries.entries.get(anchored.get(key, ""))
        return entry is not None and entry.type not in (None, "person")

    # (`s.person` first: most keys have no person's cue, and their words are not read.)
    return {significant(k): k for k, s in live.items()
            if s.person > 0 and len(significant(k)) >= 2 and _person_cued(s)
            and not _is_org(s) and not _not_person(k)}


def _titled(live: dict[str, KeyStats], anchored: dict[str, str],
            people: dict[tuple[str, ...], str]) -> Iterator[tuple[str, str, str, int]]:
    """(the full name, the longer key, the word cut off before it, the longer key's
    mentions) for each key of three words or more that is a full name behind capitalised
    words: the full name used at least twice as often."""
    for key, s in live.items():
        words = significant(key)
        if len(words) >= 3 and key not in anchored and not _is_org(s):
            for cut in range(1, len(words) - 1):
                if words[cut - 1] in PATRONYMICS:
                    continue  # (a son's name: "Ahmed bin Mohammed bin Rashid" is no Mohammed)
                found = people.get(words[cut:])
                if found and live[found].mentions >= 2 * s.mentions:
                    yield found, key, words[cut - 1], s.mentions
                    break


def _learned(titled: Counter[str], people: dict[tuple[str, ...], str],
             cut_off: set[str]) -> frozenset[str]:
    """A word cut off is one of the corpus's titles when it stood before full names twice or
    more and starts no person's name."""
    given = {words[0] for words, key in people.items() if len(words) == 2
             and key not in cut_off}
    return frozenset(w for w, n in titled.items() if n >= 2 and w not in given)


def learned_titles(stats: dict[str, KeyStats], anchored: dict[str, str],
                   dictionaries: Dictionaries, dropped: set[str],
                   plurals: dict[str, KeyStats]) -> frozenset[str]:
    """The titles a corpus learns (rule 7), from the stats of every key that may be a
    person's full name and of every longer key that may end with one (the others take no
    part), in the corpus's order; `anchored` and `dropped` as the whole corpus has them."""
    return people_facts(stats, anchored, dictionaries, dropped, plurals)[0]


def people_facts(stats: dict[str, KeyStats], anchored: dict[str, str],
                 dictionaries: Dictionaries, dropped: set[str],
                 plurals: dict[str, KeyStats]) -> tuple[frozenset[str], Counter[str]]:
    """`learned_titles`, and how many people's names of two words each first word starts
    (`given_counts`): the two facts of rule 7 that count over the whole corpus, which a
    region of it (a patch's) cannot show."""
    live = _live(stats, anchored, dropped, dictionaries.demonym_keys, plurals,
                 people_regions())
    people = _people(live, anchored, dictionaries)
    titled: Counter[str] = Counter()
    cut_off: set[str] = set()
    for _, key, word, mentions in _titled(live, anchored, people):
        titled[word] += mentions
        cut_off.add(key)
    return _learned(titled, people, cut_off), given_counts(people)


def given_counts(people: dict[tuple[str, ...], str]) -> Counter[str]:
    """How many people's names of two words (`_people`) each first word starts: a name of
    two words whose first starts no other may be a longer name's surname
    (`_two_word_surnames`)."""
    return Counter(words[0] for words in people if len(words) == 2)


def shared_given(counts: Counter[str]) -> frozenset[str]:
    """The first words of `given_counts` that start two names or more."""
    return frozenset(w for w, n in counts.items() if n >= 2)


def _cluster(stats: dict[str, KeyStats], acronyms: dict[str, Counter[str]],
             dictionaries: Dictionaries, together: Together | None = None,
             titles: frozenset[str] | None = None, memo: Kept | None = None,
             shared_firsts: frozenset[str] | None = None,
             faults: ClusterFaults | None = None) -> list[Cluster]:
    # Each rule pass below in a guard of its own (`rule`): a fault leaves out its pass's
    # merges still to come, and the passes after it run (cluster_faults.py). What a later
    # pass reads of an earlier one has a plain value first, where the earlier may fail.
    rule = (ClusterFaults() if faults is None else faults).rule
    read_together = together  # (None: the articles' co-occurrences unknown, as in a test's)
    together = together or _never_together
    # (The names an acronym stood in brackets after, undefined: one rule's, bracketed.py.)
    acronyms, bracketed = split_bracketed(acronyms)
    groups = _Groups()
    anchored = _of_its_time(stats, dictionaries)
    acronym = _acronym_keys(stats, dictionaries)
    contrary = _contrary_acronyms(stats, anchored, acronym, dictionaries)
    # ("Conservatives" in a corpus that names no Conservative Party: party_plurals.py.)
    contrary |= ideology_plurals(stats, anchored, dictionaries.entries)
    # ("AP" in a corpus that never writes the Associated Press: acronym_evidence.py.)
    unevidenced = unevidenced_acronyms(stats, anchored, dictionaries)
    contrary |= unevidenced
    if contrary:
        anchored = {k: h for k, h in anchored.items() if k not in contrary}
    demonyms = dictionaries.demonym_keys
    dropped = _dropped(stats, acronyms, _every_countrys(stats, dictionaries))
    # (An acronym its entry let go of is an actor still, as its entry kept it: BBC's "G7",
    # a modifier always, and "FBI", a kindless word, were dropped once let go.)
    live = _live(stats, {**anchored, **dict.fromkeys(unevidenced, "")} if unevidenced
                 else anchored, dropped, demonyms, places=people_regions())
    groups.add_all(live, anchored)
    # (The spelling rules 1, 3 and 4 ask this: one person's two spellings in one long
    # article, one_person.py, are no two names set side by side.)
    spelt_together = spellings_together(together, live, _person_cued)
    # Dictionary names take part even when the corpus has not used them (yet).
    for key, head in anchored.items():
        groups.add(key, head)
        groups.add(head, head)  # a name given by curation may be one no article uses
        groups.union(head, key)

    # From here on no rule joins two names never_one.py says are two actors (two people one
    # article names, a family's firm and a person, a deputy's office and the office).
    with rule("names never one"):
        groups.guard(_held(live), spelt_together, anchored)

    firsts: list[tuple[str, str]] = []
    with rule("sentences' first words"):
        firsts = _sentence_firsts(stats, live, groups)

    # Words that end a longer name ("Cameron" of James Cameron, "Torres" of Fernando
    # Torres): a name of their own, never a misspelling of a dictionary's name.
    surnames = {words[-1] for k in live if " " in k and len(words := significant(k)) >= 2
                and k not in anchored}

    def _mentions(key: str) -> int:
        s = live.get(key)
        return s.mentions if s is not None else 0

    # 1. transliteration: one form per word; acronyms and short words only as written.
    # (A key of one word of five letters or more, most of them, is its own one word: no
    # article among them, so its signature is that word's form.)
    # (The forms of all of them worked out in one pass: `translit_words`.)
    sigs: dict[str, tuple[str, ...]] | None = None
    with rule("transliterated forms"):
        respelt = [key for key in groups.parent
                   if not (key in acronym or (" " not in key and len(key) < 5))]
        forms = _forms(respelt, memo)
        sigs = {key: forms[key] if key in forms else ("=" + key,) for key in groups.parent}
        del respelt, forms  # (`sigs` holds the forms)
    if sigs is None:  # (each key its own form: spelt as written)
        sigs = {key: ("=" + key,) for key in groups.parent}
    sig_of = sigs.__getitem__

    shared: Together = _always_apart
    with rule("shared surnames"):
        shared = _shared_surnames(live)
    with rule("transliteration"):
        regions = region_keys()
        by_signature = _shared_buckets(partial(_by_signature, sigs))
        for keys in by_signature.values():
            if len(keys) < 2:
                continue
            # Into a dictionary's name only within one edit of it (Morrocco, Lichtenstein,
            # Salvador): a transliteration is no licence to join another name to a known one
            # (Emmen / Yemen, Tebbit / Tibet, Toure / Tory). Not into a demonym: a country's
            # people and adjective are the dictionary's forms, each a common word's length
            # from other words (the band Suede is no Swede).
            known = [k for k in keys if k in anchored]
            if known:
                near = [k for k in keys if k not in anchored and k in live
                        and not _person_cued(live[k]) and k not in surnames
                        and not live[k].org.get(SITED)  # "Frankfort, Kentucky": as meant
                        and any(
                            osa_within_one(" ".join(significant(k)), " ".join(significant(d))) <= 1
                            and live[k].mentions * 10 <= _mentions(d)
                            for d in known if d not in demonyms)]
                kept = set(near)
                rest = [k for k in keys if k not in anchored and k not in kept]
                runs = [known + near, rest]
            elif len(region := [k for k in keys if k in regions]) == 1:
                # A shipped region's name is a known spelling too: another name of its form
                # joins it only as a slip, one edit away and ten times rarer, or one edit in a
                # long name (Tennesse, Massachussetts); not another place's name (Mysore /
                # Missouri, Gombi / Gombe).
                mine = " ".join(significant(region[0]))
                near = [k for k in keys if k != region[0]
                        and osa_within_one(" ".join(significant(k)), mine) <= 1
                        and (len(mine) >= _LONG_NAME
                             or _mentions(k) * 10 <= _mentions(region[0]))]
                runs = [region + near, [k for k in keys if k != region[0] and k not in near]]
            else:
                runs = [keys]
            for run in runs:
                joined = run[:1]
                for other in run[1:]:
                    if not spelt_together(run[0], other) \
                            and not any(shared(k, other) for k in joined) \
                            and not _two_firms(live.get(run[0]), live.get(other)):
                        groups.union(run[0], other)  # (two spellings one article sets side by
                        joined.append(other)  # side are two names)
        # (What each rule works with is let go of once it is done: held to the end, the rules'
        # structures of every key were all alive at the clusters' making, the peak of a
        # clustering of many keys.)
        del by_signature

    # 2. a plural's last word to its singular (not a person's name: Serena Williams); a lone
    # word only if "the" comes before the plural ("the Tories", not "Williams"), and not a
    # family's: "the Clintons", "the Rajapaksas" are no one of the people the corpus names
    # by that surname (7 of Hillary Clinton's 49 articles in a tester's corpus wrote only
    # "the Clintons" or Bill's name).
    person_surnames = _surnames_of(live)
    with rule("plurals"):
        for key, s in live.items():
            # (Only a last word in "s" has a singular of its own: most keys are let go here,
            # unless an article ends them and the last significant word is another.)
            if key[-1:] != "s" and key[key.rfind(" ") + 1:] not in ARTICLES:
                continue
            sig = sig_of(key)
            if key in acronym or not sig or sig[0].startswith("="):
                continue
            last = significant(key)[-1]
            one = singular(last)
            if one == last or (len(sig) == 1 and (s.org.get("thing", 0) * 4 < s.mentions
                                                  or _a_familys(one, person_surnames, live))):
                continue
            other = key[:len(key) - len(last)] + one
            if other in groups.parent and not (
                    _person_cued(s) or (other in live and _person_cued(live[other]))) \
                    and not _a_places_plural(other, anchored, dictionaries):
                groups.union(other, key)
    # A possessive with no apostrophe ("Bashar al-Assads"): its name's (bare_possessives.py).
    with rule("possessives without an apostrophe"):
        for stem, key in bare_possessives(live, [k for k in live if k[-1:] == "s"], anchored,
                                          demonyms, _person_cued):
            groups.union(stem, key)
    # A clipped form: each word the start of the longer one's ("Lib Dems", "Liberal
    # Democrats"), if only one longer name fits.
    with rule("clipped forms"):
        _clipped(live, acronym, groups)

    # 3. one given name within one edit; the surname must agree.
    with rule("given names one edit apart"):
        buckets = _shared_buckets(partial(_by_given_name, live, sig_of))
        for (_, at, _), items in buckets.items():
            if len(items) < 2:
                continue
            for (word_a, key_a, mentions_a), others in _given_name_pairs(items):
                for word_b, key_b, mentions_b in others:
                    # (The cheap tests first: a generated corpus's buckets hold many pairs.)
                    if word_a == word_b:
                        continue
                    rare, frequent = (mentions_a, mentions_b) if mentions_a <= mentions_b \
                        else (mentions_b, mentions_a)
                    if rare * 3 > frequent:
                        continue
                    # "Hamdi" for "Mahdi" (words of one length only: most pairs are not, and
                    # are told so with no call)
                    swapped = len(word_a) == len(word_b) and two_letters_swapped(word_a, word_b)
                    if word_a[0] != word_b[0] and not swapped:
                        continue
                    # A slip made once in the whole corpus ("Abu Hamdi" in an article that
                    # spells him "Abu Mahdi" above) joins even where the article uses both: two
                    # people whose given names are each other's letters swapped, one of them
                    # named once, are rarer than the slip.
                    if ((swapped and rare == 1) or (
                            (swapped or (osa_within_one(word_a, word_b) <= 1
                                         and _written_one_edit_apart(key_a, key_b, at)))
                            and not spelt_together(key_a, key_b))) \
                            and _told_apart(key_a, key_b, anchored) is None:  # Centre / Center
                        groups.union(key_a, key_b)
        del buckets
    del sigs, sig_of

    with rule("middle initials"):
        _middle_initials(live, groups, stats)
    with rule("added surnames"):
        # "Kim Kardashian West", "Kim Kardashian" (added_surnames.py)
        join_added_surnames(live, groups.union, _person_like, _NOT_SURNAMES,
                            _place_word(dictionaries))
    with rule("nicknames"):
        # "Joseph R. Biden" (nicknames.py)
        join_nicknames(live, groups.union, together, _person_cued)

    # 4. a rare spelling to a frequent one within one edit.
    with rule("near spellings"):
        _fuzzy(live, acronym, groups, spelt_together, osa_within_one, anchored, surnames, shared)

    # 5. acronyms: defined in the text, else the one name they are the initials of.
    with rule("acronyms' definitions"):
        for short, expansions in acronyms.items():
            if short in groups.parent and short not in contrary:
                expansions = _longest_readings(expansions)
                best = expansions.most_common(1)[0][0]
                if best in groups.parent and not _defined_otherwise(best, expansions, groups) \
                        and (short in anchored
                             or not _rarely_defined(live.get(short), live.get(best), expansions)
                             and not _unspelt_place(short, best, dictionaries)):
                    groups.union(best, short)
    # ... or the name it stood in brackets after consistently ("Boko Haram (JAS)").
    with rule("bracketed acronyms"):
        if bracketed:
            join_bracketed(live, bracketed, acronym, anchored, groups.find, groups.union,
                           _person_cued, _place_named(dictionaries, live), SENTENCE_FIRST)
    # (The names by initials, with the keys that spell them: the acronym and one of them
    # must meet in an article.)
    starts = StartsOthers(live, groups.find)  # (lone_guards.py)
    spelled_types: dict[str, str] = {}  # acronym -> the type its one spelling body gives
    with rule("acronyms by initials"):
        spelled: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for key, s in live.items():  # three words or more: two initials meet by chance
            # (Initials first: most keys have fewer than three, and their spellings are not read.)
            if s.mentions >= 2 and key not in acronym and len(letters := initials(key)) >= 3 \
                    and not _holds_acronym(s) and not _person_cued(s):
                spelled[letters][groups.find(key)].append(key)
        for key in live:
            if key in acronym and key not in acronyms and groups.find(key) == key:
                owners = spelled.get(key, {})
                if len(owners) == 1:
                    ((owner, spellers),) = owners.items()
                    if any(together(key, k) for k in spellers):
                        if not starts.heads_another(
                                key, owner, sum(live[k].mentions for k in spellers)):
                            groups.union(owner, key)
                    elif len(key) >= _APART_LETTERS and all(_is_org(live[k]) for k in spellers) \
                            and (kind := head_type(spellers[0], ORG_CUES)) is not None:
                        # Never together: apart, but a body's name of four initials or more
                        # that spells it lends its head's type where its own cues give none
                        # ("Civilian Joint Task Force" and CJTF, which ACLED's notes name in
                        # different articles: CJTF was typed other).
                        spelled_types[key] = kind
        del spelled

    # 6. organisation variants.
    country_of = {key: head for key, head in anchored.items()
                  if (e := dictionaries.entries.get(head)) is not None and e.type == "country"}
    countries = set(country_of)
    own_country = {key: country_of.get(name_key(e.country), name_key(e.country))
                   for key, head in anchored.items()
                   if (e := dictionaries.entries.get(head)) is not None and e.country}
    generic: set[tuple[str, ...]] = set()
    shared_bodies: set[str] = set()
    bodies_forms: dict[tuple[str, str], list[str]] = {}
    with rule("countries' bodies"):
        generic, shared_bodies, bodies_forms = _countries_bodies(
            live, groups, anchored, country_of, own_country)
    with rule("one country's bodies"):
        _one_countrys(live, dictionaries, groups, anchored, shared_bodies, acronym,
                      bodies_forms)
    with rule("organisation variants"):
        # (A country's names as the dictionaries know them, in the corpus or not: an
        # acronym's definition names the country, `_country_acronym`.)
        country_names = frozenset(k for k, head in dictionaries.alias.items()
                                  if (e := dictionaries.entries.get(head)) is not None
                                  and e.type == "country")
        _org_variants(live, acronym, groups, anchored, countries, generic, acronyms,
                      country_names, dictionaries.demonym_keys)
    # "Red Sox" of "Boston Red Sox" (place_clubs.py). (`person_surnames`: rule 2's.)
    with rule("place clubs"):
        join_place_clubs(live, _mentions, _place_named(dictionaries, live),
                         lambda k: k not in anchored
                         and nickname(k, _single(live[k], None)[0] == TEAM),
                         person_surnames, groups.union)
    with rule("names turned round"):
        _turned_round(live, groups, country_of)
    with rule("country-led entries"):
        _country_led_entries(live, groups, anchored, country_of, dictionaries)
    with rule("group suffixes"):
        _group_suffixes(live, groups, anchored)
    with rule("party plurals"):
        join_party_plurals(live, anchored, groups.union)  # "Liberals" (party_plurals.py)
    with rule("organs of bodies"):
        international = {key for key, head in anchored.items()
                         if (e := dictionaries.entries.get(head)) is not None
                         and e.type == "international"}
        join_organs(live, acronym, anchored, acronyms, countries, international,
                    groups.union)  # "VNPF Board" (organ_names.py)
    with rule("acronym-led names"):
        _acronym_led(live, acronyms, groups)
    with rule("island heads"):
        join_island_heads(live, countries, acronym, anchored, groups.find, groups.union)
    with rule("missions"):
        _missions_sent(live, anchored, groups)  # "Regional Assistance Mission" (missions.py)
    with rule("clipped heads"):
        _clipped_heads(live, acronym, groups, anchored, read_together)
    with rule("firm heads"):
        # "Goldman" of "Goldman Sachs", "Toyota" of "Toyota Motor Corp" (firm_heads.py)
        join_firm_heads(live, anchored, acronym, _FIRM_FORMS,
                        groups.find, groups.union, together)
    # "Sputnik" of "Sputnik News", "al-Nusra" of "al-Nusra Front" (cue_heads.py)
    with rule("cued heads"):
        joined: set[str] = set()  # (the roots of groups of more keys, found when first asked)

        def alone(key: str) -> bool:
            if not joined:
                joined.update(r for k in groups.parent if (r := groups.find(k)) != k)
                joined.add("")  # (found)
            return groups.find(key) == key and key not in joined
        join_cue_heads(live, anchored, groups.find, groups.union, alone, starts, person_surnames,
                       _person_cued, _place_named(dictionaries, live), _is_common_word,
                       read_together, _REAL_TYPES)
    with rule("possessive owners"):
        _possessive_owners(live, acronym, groups, anchored)
    with rule("run-together outlets"):
        _run_together_outlets(live, groups)
    with rule("run-together names"):
        join_run_together(live, groups.union)  # "TRTWorld" (run_together.py)
    with rule("glued tails"):
        join_glued_tails(live, lambda k, n: live[k].surfaces.most_common(1)[0][0][-n:].islower(),
                         groups.union)  # "Kim Jong Unreceived" (glued_tails.py)
    with rule("short acronyms"):
        _short_acronyms(live, acronym, acronyms, groups, together)  # (rule 5's, after 6)
    with rule("dotted places"):
        join_dotted_places(live, groups.find, anchored, groups.union,  # "L.A." (place_initials.py)
                           partial(_names_place, dictionaries, frozenset()))
    with rule("outlet initials"):
        join_outlet_initials(live, groups.find, anchored, groups.union)  # "HT" (outlet_initials.py)
    # "WPK Central Committee", "Party Central Committee", "Central Committee" (organ_owners.py;
    # after the acronyms: a short acronym is no part of a longer name its actor holds)
    with rule("owned organs"):
        join_owned_organs(
            live, lambda k: live[k].mentions,
            lambda k: _is_org(live[k]) and k[k.rfind(" ") + 1:] not in _LEGAL_SUFFIXES,
            lambda k: k in acronym and _owns_organs(live[k], True) and k not in countries,
            lambda k: {k, *(w for e in acronyms.get(k, ()) for w in e.split())},
            groups.find, groups.union)

    with rule("regnal names"):
        join_regnal(live, REGNAL_TITLES, together, groups.union)

    # 7. a full name behind capitalised common words ("Main Common Qassem Soleimani" in a
    # spun copy, "Exchequer Gordon Brown"), then lone surnames.
    def _not_person(key: str) -> bool:  # a dictionary's place or body ("Capitol Hill")
        entry = dictionaries.entries.get(anchored.get(key, ""))
        return entry is not None and entry.type not in (None, "person")

    people: dict[tuple[str, ...], str] = {}
    learned_titles = frozenset[str]() if titles is None else titles
    with rule("titled full names"):
        people = _people(live, anchored, dictionaries)
        # A word cut off is one of the corpus's titles when it stood before full names twice or
        # more and starts no person's name ("Common Qassem Soleimani" in a spun copy: "Common
        # Soleimani" is Soleimani; "Mark Blair" stays Mark Blair).
        titled: Counter[str] = Counter()
        cut_off: set[str] = set()
        for found, key, word, mentions in _titled(live, anchored, people):
            groups.union(found, key)
            titled[word] += mentions
            cut_off.add(key)
        learned_titles = _learned(titled, people, cut_off) if titles is None else titles
    # Lone surnames.
    with rule("lone surnames"):
        full_names: dict[str, Counter[str]] = defaultdict(Counter)
        # The surname alone, where articles that name the person in full wrote it so (the
        # extractor gave it that full name): who the surname means when it stands alone, better
        # than the full names' own counts ("Barack Obama" 97, "Michelle Obama" 51 times, but
        # "Obama" 149 times for him in his articles, 7 for her in hers).
        alone: dict[str, Counter[str]] = defaultdict(Counter)
        # What says a lone word outside those articles is that person (`_lone_means`): the
        # last words the full names are spelt with, and in how many articles they stand.
        spelt: dict[str, set[str]] = defaultdict(set)
        full_articles: Counter[str] = Counter()
        full_person: Counter[str] = Counter()  # and their person cues and mentions
        full_mentions: Counter[str] = Counter()
        # A given name's full names, and its lone uses in their own articles (given_alone.py).
        firsts_full: dict[str, Counter[str]] = defaultdict(Counter)
        firsts_alone: dict[str, Counter[str]] = defaultdict(Counter)
        # Each group's most mentioned full name: what a lone word is weighed against
        # (`_own_name`), whichever key the group's root is (a rare spelling joined first,
        # "Vadimir Putin", made lone "Putin" of 102 articles a name of its own beside it).
        lead: dict[str, str] = {}
        lead_mentions: dict[str, int] = {}
        for key, s in live.items():
            # (`s.person` first: most keys have no person's cue, and their words are not read.)
            if s.person > 0 and len(words := significant(key)) >= 2 and _person_cued(s) \
                    and " of " not in key and " and " not in key and not _not_person(key) \
                    and words[0] not in acronym and not any(w in ORG_CUES for w in words) \
                    and not _caps_led(s):
                # (Two people named together, "Kim and Kanye", are no one's full name.)
                root = groups.find(key)
                full_names[form := translit(words[-1])][root] += s.mentions
                # (The surname's own lone spellings only: "Melania" alone in Melania Trump's
                # articles says nothing of whom a lone "Trump" means, and counted as hers it
                # made "Trump" look shared with Donald Trump, 68 lone uses to her 21.)
                said_first = 0
                for surface, n in s.surfaces.items():
                    if " " not in surface:
                        one = name_key(surface)
                        if one == words[-1]:
                            alone[form][root] += n
                        elif one == words[0]:
                            said_first += n
                # (And the given name: `called_by_given`.)
                firsts_full[first := translit(words[0])][root] += s.mentions
                if said_first:
                    firsts_alone[first][root] += said_first
                spelt[root].add(words[-1])
                full_articles[root] += s.articles
                full_person[root] += s.person
                full_mentions[root] += s.mentions
                if s.mentions > lead_mentions.get(root, -1):
                    lead[root], lead_mentions[root] = key, s.mentions
        grouped: set[str] | None = None  # the groups of two keys or more, when first asked
        nickname_heads: Counter[str] | None = None  # first words of the keys, when first asked

        def _alone(key: str) -> bool:
            """Whether no rule has joined `key` to another key."""
            nonlocal grouped
            if grouped is None:
                grouped = {root for k in groups.parent if (root := groups.find(k)) != k}
            return groups.find(key) not in grouped
        for key, s in live.items():
            words = significant(key)
            titled_one = len(words) == 2 and words[0] in learned_titles  # a person's cue
            if titled_one:
                words = words[1:]
            if len(words) == 1 and key not in anchored and key not in acronym and len(key) > 2 \
                    and (s.location * 2 < s.mentions
                         or _left_over(s, alone.get(translit(words[0])))):
                candidates = full_names.get(form := translit(words[0]))
                if (given := alone.get(form)) and given.total() >= _ALONE_ENOUGH:
                    candidates = given
                if candidates:
                    (best, count), total = candidates.most_common(1)[0], sum(candidates.values())
                    if count >= 0.8 * total \
                            and _may_be_lone_surname(s, alone[form][best], _alone(key)) \
                            and not _own_name(s, live.get(lead.get(best, best))) \
                            and words[0] in spelt[best] \
                            and not given_name_elsewhere(words[0], lead.get(best, best),
                                                         alone[form][best], full_mentions[best]) \
                            and (s.person or s.org.get(PERSONAL, 0) or not starts.heads_another(
                                words[0], best, full_mentions[best])) \
                            and (titled_one or
                                 _lone_means(s, alone[form][best], full_articles[best],
                                             (full_person[best], full_mentions[best]))):
                        groups.union(best, key)
                        continue
                # (A lone given name is no one's alias over the corpus: "Vladimir" in articles
                # that never name Vladimir Putin, about a soldier called Vladimir, made them hits
                # of actor:"Vladimir Putin". The extractor gives it the full name in the
                # articles that name the person in full, given_alone.py; elsewhere it stands
                # for itself. A given name is many people's; a surname alone, rule 7 above,
                # mostly the one the corpus names in full. Unless the corpus calls one person
                # by it, `called_by_given`: "Hillary" in US election news.)
            if len(words) == 1 and not titled_one and firsts_alone and key not in anchored \
                    and key not in acronym and s.location * 2 < s.mentions:
                best = called_by_given(translit(words[0]), firsts_full, firsts_alone, full_names)
                if best is not None and best != groups.find(key) and not _is_common_word(s) \
                        and s.articles <= full_articles[best] \
                        and firsts_alone[translit(words[0])][best] >= s.mentions \
                        and _may_be_lone_surname(s, firsts_alone[translit(words[0])][best],
                                                 _alone(key)):
                    groups.union(best, key)
            elif len(words) == 2 and firsts_alone and key not in anchored and s.person > 0 \
                    and words[0] not in given_names() and words[0] not in TITLES \
                    and words[0] not in learned_titles and words[0] not in acronym:
                # A nickname: a word that starts no other name before a given name the corpus
                # calls one person by ("Crooked Hillary", "Sleepy Joe"): a full name ends with a
                # surname, not a given name.
                best = called_by_given(translit(words[1]), firsts_full, firsts_alone, full_names)
                if best is not None and best != groups.find(key) \
                        and s.articles <= full_articles[best] and _alone(key):
                    if nickname_heads is None:
                        nickname_heads = Counter(k.partition(" ")[0] for k in live)
                    if nickname_heads[key.partition(" ")[0]] == 1:
                        groups.union(best, key)
        del full_names, alone, spelt, full_articles, full_person, full_mentions, lead, lead_mentions
        del firsts_full, firsts_alone
    with rule("two-word surnames"):
        _two_word_surnames(live, people, groups, anchored, shared_firsts)
    del people
    with rule("sentences' first words"):
        # (joined last: a rule that counts a group's keys counts them not)
        for key, target in firsts:
            if target in live:
                groups.add(key)
                groups.union(key, target)

    if bracketed:
        with rule("acronyms' defined types"):
            spelled_types.update(defined_types(bracketed, ORG_CUES))
    return _clusters(groups, live, dictionaries, acronym, memo, stats, faults, spelled_types)


def _sentence_firsts(stats: dict[str, KeyStats], live: dict[str, KeyStats],
                     groups: _Groups) -> list[tuple[str, str]]:
    """A name whose first word, starting a sentence and capitalised nowhere else in its
    article, the extractor kept as a candidate ("^andy robinson" of "Andy Robinson said"):
    the full name where the corpus writes it whole elsewhere ("andy robinson" is a key that
    takes part), else the name without the word ("Later Robinson": "robinson") if that
    takes part, else a name of its own (named by its surfaces, "Robinson") if the corpus
    has no key of that name alone and it is no common word. To the rules its counts and
    cues stay the name's without the word, as they were before the word was kept (so a
    lone "Henman" keeps the person's cues that tell it is Tim Henman's, and no full name
    outweighs another by them). The (key, name it joins), joined at the end."""
    joins: list[tuple[str, str]] = []
    leads: Counter[str] | None = None  # each candidate word's surnames (`_repeated_first`)
    ends: Counter[str] | None = None  # the corpus's full names by their last word
    for key, s in stats.items():
        if key[:1] != SENTENCE_FIRST:
            continue
        full = key[1:]
        tail = full.rsplit(" ", 1)[-1]
        if full in live:
            pass
        elif s.articles >= _REPEATED_FIRST and _BODY_TYPES.isdisjoint(s.org) \
                and _repeated_first(full, stats, leads := leads or _leads(stats)) \
                and (tail not in live
                     or (ends := ends or _ends(stats))[tail] == 1):
            # "Narendra Modi spoke on Monday." (The surname alone, where the corpus writes
            # it so, is his; where another full name ends with it, "Anne Robinson", the
            # surname alone is the corpus's, as before: one it goes with.)
            live[key] = _with_given(s, full)
            groups.add(key)
            if tail in live:
                joins.append((key, tail))
            continue
        elif _given_first(full):
            live[key] = s  # ("Carma Johnson, Chee's cousin": hers, no lone Johnson's)
            groups.add(key)
            continue
        if tail in live:
            live[tail] = _with(live[tail], s)
        if full in live:
            joins.append((key, full))
        elif tail in live:
            joins.append((key, tail))
        elif tail not in stats and not not_actor(tail) and not _is_common_word(s):
            live[key] = s  # (a name the corpus writes no other way)
            groups.add(key)
        # (else the name without the word takes no part, nor does it: "Enrolling Minetest")
    return joins


# Articles that must open a sentence with the same word before the same surname, a
# candidate written nowhere else, before the word is read as that person's given name.
_REPEATED_FIRST = 2


def _leads(stats: dict[str, KeyStats]) -> Counter[str]:
    """How many of the corpus's names (a candidate's as its whole name) each word leads,
    itself alone counted: an ordinary word opens several ("Analysts Smith", "Analysts
    Jones"), or is a name of its own or the head of others ("Dow", "Dow Jones Industrial",
    "Detroit", "Super Bowl")."""
    # (Of its significant words, as reach.py's index of first words has them.)
    names = {k.lstrip(SENTENCE_FIRST) for k in stats}
    return Counter(words[0] for n in names
                   if (words := significant(n)) and len(words) <= LONGEST_LED)


def _ends(stats: dict[str, KeyStats]) -> Counter[str]:
    """How many names of two words or more (a candidate's as its own) end with each word."""
    return Counter(k.rsplit(" ", 1)[-1] for k in stats if " " in k)


def _repeated_first(full: str, stats: dict[str, KeyStats], leads: Counter[str]) -> bool:
    """Whether a sentence's first word kept before a surname ("^narendra modi"), in two
    articles or more and with no cue of a body, is a given name no list has. The word
    leads this name only, and no name is the word alone (`_leads`: an ordinary word leads
    many, "Analysts Smith", "Shares Vodafone", "Enrolling Minetest", or is a name, "Dow
    Jones"); it is no title, no particle ("Bin Qasim", "La Roche"), has no plural's shape
    ("Veterans Simon", "Automobiles Citroen": a listed given name ending in "s" the lists
    read) nor a verb's -ing ("Pushing Beyond"). The word after it is a surname's: no
    adjective ("Congressional Democratic"), never in lower case nor in capitals ("Finest
    Hour", "Current PC"), no body's name ("Often Pipex")."""
    first, _, last = full.partition(" ")
    if leads[first] != 1 or " " in last or first in TITLES or first in ROLE_NOUNS \
            or first in PLURAL_TITLES or not first.isalpha() or len(first) < 3 \
            or first in _NAME_PARTICLES or first.endswith("s") \
            or (first.endswith("ing") and len(first) > 5) \
            or last.endswith(("ic", "ical")):  # (not "-ern": Ardern, Ahern)
        return False
    s = stats[SENTENCE_FIRST + full]
    if s.lower or any(not (w[:1].isupper() and w[1:2].islower()) for w in s.surfaces):
        return False
    surname = stats.get(last)
    return surname is None or not (surname.lower or _BODY_TYPES.intersection(surname.org))


def _with_given(s: KeyStats, full: str) -> KeyStats:
    """`s` (a candidate's stats, its spellings the surname's) with each spelling led by the
    candidate word, capitalised as it opened the sentence: the actor is named "Narendra
    Modi", not "Modi"."""
    given = full.partition(" ")[0].capitalize()
    surfaces: Counter[str] = Counter()
    for surface, n in s.surfaces.items():
        surfaces[f"{given} {surface}"] += n
    # (A given name and a surname: a person's, as given_person.py reads a listed given name)
    return KeyStats(s.key, surfaces, s.mentions, s.articles, max(s.person, s.articles),
                    s.location, s.lower, s.org, s.line)


def _given_first(full: str) -> bool:
    """Whether a sentence's first word kept before a surname ("^carma johnson") is a given
    name of given_person.py's lists, no title: the name is a person's of its own, not the
    surname alone that the corpus gives its most named bearer (Daily Mail: "Carma Johnson,
    Chee's cousin" at a paragraph's start, and her lone "Johnson", were Boris Johnson's).
    (The shorter list's names the extractor keeps whole already, extract.py
    `_given_first`; one of them is kept as a candidate where its article writes it in lower
    case, a word there: "Will Smith".)"""
    first = full.split(" ", 1)[0]
    return first in person_given_names() and first not in given_names() \
        and first not in TITLES


def _with(base: KeyStats, more: KeyStats) -> KeyStats:
    """`base`'s stats with `more`'s counts, cues and spellings added (a new object: `base`
    is the store's, and a memo's key by identity)."""
    return KeyStats(base.key, base.surfaces + more.surfaces,
                    base.mentions + more.mentions, base.articles + more.articles,
                    base.person + more.person, base.location + more.location,
                    base.lower + more.lower, base.org + more.org)


# Letters from which one edit in a region's name is a slip, however common (rule 1).
_LONG_NAME = 8


def _a_places_plural(singular_key: str, anchored: dict[str, str],
                     dictionaries: Dictionaries) -> bool:
    """Whether the singular is a dictionary's country or place: a country's name has no
    plural of its own ("the Americas" is a region, not the United States; "the Koreas" are
    both; its dictionary lists the plurals it has, "Americans")."""
    entry = dictionaries.entries.get(anchored.get(singular_key, ""))
    return entry is not None and entry.type in ("country", "location")


# How many times more an acronym is used than its expansion is defined or named, before
# that expansion is taken for another body's sharing its letters (the RJD, 151 mentions, is
# the Rashtriya Janata Dal named 7 times; the NRL, 129, no Newcastle Rugby League named twice).
_RARE_EXPANSION = 40


def _rarely_defined(short: KeyStats | None, best: KeyStats | None,
                    expansions: Counter[str]) -> bool:
    """Whether an acronym's one definition is another body's: defined and named forty
    times less than the acronym is used ("Newcastle Rugby League (NRL)" twice, beside 129
    mentions of the NRL, the National Rugby League): the acronym keeps its own name and
    the rare body its own (a rule 5 join named the NRL after the rare one). Not asked of
    a dictionary's acronym: its name is the dictionary's ("OPEC" keeps the spelling of its
    name Reuters defines it with a few times)."""
    if short is None or best is None:
        return False
    return (expansions.total() * _RARE_EXPANSION < short.mentions
            and best.mentions * _RARE_EXPANSION < short.mentions)


def _longest_readings(expansions: Counter[str]) -> Counter[str]:
    """An acronym's definitions with one cut short counted for a longer one it begins, given
    as often at least: "Secretariat of the South Pacific (SPC)" and "... South Pacific
    Community (SPC)" read as "South Pacific" and "South Pacific Community", and SPC had
    joined the region (11 of 35 `actor:` hits never named it; stranger9). A longer one
    given less often is another body's ("Melanesian Spearhead Group Secretariat")."""
    if len(expansions) < 2:
        return expansions
    longer: Counter[str] = Counter()
    for name, count in expansions.items():
        longest = max((other for other in expansions if other.startswith(name + " ")
                       and expansions[other] >= count), key=len, default=name)
        longer[longest] += count
    return longer


# A definition given a tenth as often or less as the acronym's main one does not make it
# ambiguous: "The Vanuatu Tourism Office (VTO)" 18 times, a scrape's glued words once, and
# VTO was listed apart from the office (stranger9).
_MINOR_DEFINITION = 10


def _defined_otherwise(best: str, expansions: Counter[str], groups: _Groups) -> bool:
    """Whether the text defines an acronym as another name too, one sharing no word with
    `best` ("CBD": Central Business District in one article, Convention on Biological
    Diversity in another): then each definition holds where it is given alone, and the
    acronym joins neither (not "Bay Area Lab Co-operative" / "Bay Area Laboratory
    Cooperative": one name, two spellings)."""
    if len(expansions) < 2:
        return False
    words = set(significant(best))
    root = groups.find(best) if best in groups.parent else best
    main = expansions[best]
    return any(other != best and expansions[other] * _MINOR_DEFINITION > main
               and words.isdisjoint(significant(other))
               and (other not in groups.parent or groups.find(other) != root)
               for other in expansions)


# Words between a given name and a surname that are part of the surname, no middle name
# ("Osama bin Laden", "Ursula von der Leyen", "Rodrigo de Paul").
_NAME_PARTICLES = frozenset(("bin", "ibn", "ben", "bint", "abu", "abd", "van", "von", "der",
                             "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du",
                             "la", "le", "mac"))


def _written_one_edit_apart(key_a: str, key_b: str, at: int) -> bool:
    """Whether the given names at `at` of two keys whose forms there are one edit apart
    (rule 3) are one name: one edit apart as written too ("Volodomyr" / "Volodymyr"), or of
    one skeleton of consonants, a transliteration's respelling ("Mikhail" / "Mykhailo").
    Not a doubled letter the forms write once beside another letter ("Ziaur" / "Zillur"
    Rahman, two presidents of Bangladesh: forms "ziaur" / "zilur", skeletons "zr" / "zlr"):
    transliteration never crosses skeletons (names.py)."""
    a, b = significant(key_a)[at], significant(key_b)[at]
    return osa_within_one(a, b) <= 1 or skeleton(a) == skeleton(b)


def _middle_initials(live: dict[str, KeyStats], groups: _Groups,
                     stats: dict[str, KeyStats]) -> None:
    """A person's name with one middle initial joins the name without it ("Donald J. Trump",
    "Donald Trump"), where it is the only such name (with "George H W Bush" and "George W
    Bush" both, "George Bush" is neither's)."""
    variants: dict[str, list[str]] = defaultdict(list)
    middles: dict[str, list[str]] = defaultdict(list)
    for key, s in live.items():
        # (`s.person` first: most keys have no person's cue, and are not split.)
        if s.person > 0 and len(words := key.split()) >= 3 and _person_cued(s):
            kept = _without_suffix(words)
            kept = [kept[0], *(w for w in kept[1:-1] if len(w) > 1), kept[-1]]
            if len(kept) < len(words):
                variants[" ".join(kept)].append(key)
            elif len(words) == 3 and len(words[1]) >= 3 and words[1] not in _NAME_PARTICLES:
                middles[f"{words[0]} {words[2]}"].append(key)
    for base, keys in variants.items():
        if base not in live:
            continue
        if not _one_person_variants(base, keys, stats):
            # (the initialled names alone, as without a suffix: "Donald J. Trump" joins
            # Donald Trump where "Donald J. Trump Jr." is his son's)
            keys = [k for k in keys if k[k.rfind(" ") + 1:] not in _GENERATION_SUFFIXES]
            if not (len(keys) == 1 and _one_person_variants(base, keys, stats)):
                continue
        for key in keys:
            groups.union(base, key)
    # A whole middle name likewise ("James Wright Foley", "James Foley"), where the name
    # without it is a person's too, used more (or ten times less: a clipping of the full
    # name, "Recep Erdoğan" 13 times beside "Recep Tayyip Erdoğan" 542), no middle initial
    # also fits it, the middle
    # word is no common word the corpus writes in lower case too ("International Game
    # Technology") and the longer name is written as three words (a double surname is one:
    # "Clive Stafford-Smith" is no Clive Smith).
    # (Spellings of the one longer name a rule has joined already count as one, and so
    # do a few rare ones beside it: "Anura Kumar Dissanayake" 6 times beside "Anura Kumara
    # Dissanayake" 1,242 left "Anura Dissanayake", 48 articles, apart from the president's
    # 468, stranger14.)
    for base, keys in middles.items():
        if len(keys) > 1:
            top = max(keys, key=lambda k: live[k].mentions)
            if len({groups.find(k) for k in keys}) > 1 and live[top].mentions < _DOMINANT * sum(
                    live[k].mentions for k in keys if k != top):
                continue
            keys = [top]
        if base not in variants and (short := live.get(base)) is not None \
                and _person_like(short) \
                and _middle_dropped(short.mentions, (full := live[keys[0]]).mentions) \
                and any(surface.count(" ") == 2 for surface in full.surfaces) \
                and ((middle := stats.get(keys[0].split()[1])) is None
                     or not _is_common_word(middle)):
            groups.union(base, keys[0])


def _person_like(s: KeyStats) -> bool:
    """A person's name by its cues, or by its articles' calling it by its last word alone
    (a name opening sentences has few cues: "Hillary Clinton said" first in a sentence)."""
    return _person_cued(s) or (_by_surname(s) and not any(
        t in _BODY_TYPES for t in s.org) and s.location * 4 < s.mentions)


# Words no surname added to a full name is (added_surnames.py): titles, bodies' words,
# generations' suffixes, regnal numbers, particles, number words.
_NOT_SURNAMES = frozenset(TITLES) | frozenset(ORG_CUES) | frozenset(_LEGAL_SUFFIXES) | frozenset((
    "jr", "sr", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xiv",
    "xv", "xvi", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december")) | frozenset(FUNCTION) | NUMBER_WORDS


def _place_word(dictionaries: Dictionaries) -> Callable[[str], bool]:
    """Whether a word is a place's by the dictionaries or the shipped regions and cities
    alone (a patch's region holds no lone word's stats to ask)."""
    places = people_regions()

    def placed(word: str) -> bool:
        return word in places or _names_place(dictionaries, frozenset(), word)
    return placed


# How many times the other longer names' mentions the one a name without its middle name
# is given to needs, where they are not one already.
_DOMINANT = 20


# A generation's suffix after a surname ("John G. Roberts Jr.", "Martin Luther King Jr"):
# no part of the person's name, as a middle initial is none.
_GENERATION_SUFFIXES = frozenset(("jr", "sr", "iii"))


def _without_suffix(words: list[str]) -> list[str]:
    """A person's name's words without a generation's suffix after three words or more."""
    return words[:-1] if len(words) >= 3 and words[-1] in _GENERATION_SUFFIXES else words


def _one_person_variants(base: str, keys: list[str], stats: dict[str, KeyStats]) -> bool:
    """Whether the names that are `base` with one middle initial, or a generation's suffix,
    or both, are one person's: one initial at most between them all, and one suffix ("John
    G Roberts Jr", "John Roberts Jr", "John G Roberts"; not "George H W Bush" nor both
    "George W Bush" and "George H Bush", nor a Jr and a Sr: a father and a son). A suffix
    is the formal style's only where a name has it with an initial ("John G. Roberts Jr.",
    "Samuel A. Alito Jr.") and the corpus never calls anyone by the surname and the suffix
    alone: "Donald Trump Jr." (20 mentions, no initial) and "Trump Jr." (29) are the son of
    Donald Trump, no style of his name."""
    size = len(base.split())
    initials: set[str] = set()
    suffixes: set[str] = set()
    formal = False  # a name with an initial and a suffix
    for key in keys:
        words = key.split()
        kept = _without_suffix(words)
        letters = [w for w in kept[1:-1] if len(w) == 1]
        if len(letters) > 1 or len(kept) - len(letters) != size:
            return False
        if len(kept) < len(words):
            suffixes.add(words[-1])
            formal = formal or bool(letters)
        initials.update(letters)
    if not suffixes:
        return len(initials) <= 1
    return len(initials) <= 1 and len(suffixes) <= 1 and formal \
        and f"{base.rsplit(' ', 1)[-1]} {next(iter(suffixes))}" not in stats


def _middle_dropped(short: int, full: int) -> bool:
    """Whether a name of two words, mentioned `short` times, is one of three with the same
    first and last words, mentioned `full` times, its middle word dropped: written more, as
    that person's usual name, or far less, a clipping of it."""
    return short >= full or short * 10 <= full


def _own_name(s: KeyStats, full: KeyStats | None) -> bool:
    """Whether a lone word is a name of its own, not the surname of `full`: in more than
    twice the full name's articles, and used as a place or a modifier in a quarter of its
    mentions or more, over four times as often as a person ("Islam" in 77 articles, 64 of
    its 115 mentions "in Islam" or "Islam ...", 3 a person's, is not Mohammed Islam of 8
    articles; "Obama", 77 person cues to 50 modifiers, is Barack Obama)."""
    other = s.location + s.org.get("modifier", 0)
    return full is not None and s.articles > 2 * full.articles \
        and other > 4 * s.person and other * 4 >= s.mentions


def _lone_means(s: KeyStats, said_alone: int, full_articles: int,
                full_cued: tuple[int, int] = (0, 0)) -> bool:
    """Whether a lone word, in articles that do not name the person in full (those that do
    had it resolved per article), means the one full name its last word fits: it stands in
    no more articles than the full name, and is written as a person's there ("Mr Thatcher",
    "Geldof ... he") or the corpus calls that person by the word alone (`said_alone`: lone
    uses in the full name's own articles); or, in more articles, the corpus calls the
    person so and a third of the word's mentions or more are a person's ("Reagan": 491
    articles, 436 person cues of 1,017). Else it is a word of its own or many people's
    ("Islam" in 11 articles to one Mohammad Shahinur Islam never called so; "Lee" in 9,
    with 3 person cues of 37, to Michael Lee of one article)."""
    person = s.person + s.org.get("personal", 0)
    if s.articles <= full_articles:
        return person > 0 or said_alone > 0
    # (Or a third of its mentions are a person's or a modifier's, "the Obama
    # administration", "Obama era", and the full name's own articles call the person by
    # the word alone at least half as often as the word stands elsewhere: it is what the
    # corpus calls that person. A FakeNewsCorpus sample's "Obama": 59 mentions, 16 a
    # person's and 20 a modifier's, 57 lone uses in Barack Obama's articles. Not BBC's
    # "Ronaldo", 8 mentions and one cue, the Brazilian, beside Cristiano Ronaldo; "Islam"
    # and "Lee" above are never or once so called.)
    # Or, where the full name's articles call the person by the word alone often enough,
    # the word is a person's at least half as often as the full name is (`full_cued`: its
    # person cues and mentions), and in one mention of ten at least: a corpus that gives
    # its people few cues (US politics: "Barack Obama" 14 of 53, "Obama" alone 42 of 248).
    full_person, full_mentions = full_cued
    return said_alone > 0 and (person * 3 >= s.mentions or (
        person > 0 and said_alone * 2 >= s.mentions
        and (person + s.org.get("modifier", 0)) * 3 >= s.mentions) or (
        said_alone >= _ALONE_ENOUGH and person * 10 >= s.mentions
        and person * 2 * full_mentions >= full_person * s.mentions))


# A word written with a capital inside it after lower-case letters: "RadarOnline".
_INNER_CAPITAL = re.compile(r"[a-z]([A-Z])")


def _media_cued(s: KeyStats) -> bool:
    """Whether a medium's cues are the commonest of a key's body cues ("told Radar")."""
    media = s.org.get("media", 0)
    return media > 0 and all(n <= media for kind, n in s.org.items() if kind in _REAL_TYPES)


# The word before the capital cued as a medium in this share of its mentions at least:
# "told Radar"; not the Mac, 3 media cues of 37 mentions ("MacRumors", a site of its own).
_OUTLET_SHARE = 4


def _run_together_outlets(live: dict[str, KeyStats], groups: _Groups) -> None:
    """An outlet's name run together with a word of its own site or edition, written in
    one word with a capital inside ("RadarOnline", "MailOnline", "FoxNews"), is that
    outlet where the part before the capital is a key of its own and both are cued as
    media ("a source told Radar", "RadarOnline reported": #23 and #30 of a celebrity
    corpus's actors, two entries of one outlet). Not a medium named after a place or a
    word that is no medium ("HollywoodLife": Hollywood is a place), nor one a medium's
    cues are few of ("MacRumors": FNC-1's news joined it to the Mac)."""
    for key, s in live.items():
        if " " in key or not s.org.get("media"):
            continue
        surface = s.surfaces.most_common(1)[0][0]
        inner = _INNER_CAPITAL.search(surface)
        if inner is None:
            continue
        head = name_key(surface[:inner.start(1)])
        other = live.get(head)
        if other is not None and head != key and _media_cued(s) and _media_cued(other) \
                and other.org["media"] * _OUTLET_SHARE >= other.mentions:
            groups.union(head, key)


def _may_be_lone_surname(s: KeyStats, said_alone: int = 0, alone: bool = False) -> bool:
    """Whether a lone word may be a surname: used as a body's name at most once in ten of
    its person cues ("Obama": 77 person cues, one "organisation" cue, a slip; "Labour": only
    a body's), those counted up to twice where the full name's own articles write the word
    alone too (`said_alone`: BBC's "Bush", 3 body cues to 26 person cues, 51 such uses; not
    20 body cues to 77), and not mostly a modifier with no person cue ("Muslim" in "Muslim
    leaders" is not Anwar Muslim)."""
    bodies = sum(n for kind, n in s.org.items() if kind in _REAL_TYPES)
    if bodies and bodies * 10 > s.person + min(said_alone, s.person) \
            and not (alone and said_alone >= _ALONE_ENOUGH
                     and (s.person * 10 < s.mentions
                          or (bodies <= s.person and bodies * 10 <= said_alone))
                     and bodies * 4 <= s.mentions):
        # (Where its person cues are too few to weigh anything against, under one mention
        # in ten, and the full name's own articles call the person by the word alone often
        # enough, body cues count against a word no rule joined to another name (`alone`)
        # only from a quarter of its mentions: a corpus that gives its people few cues
        # gives a lone "Trump" 1 person cue of 78 mentions and 4 body cues, "Trump voters"
        # and the like; not Reuters' "Salomon", joined to Salomon Inc. Nor where its body
        # cues are no more than its person cues and a tenth of those lone uses: US
        # election news's lone "Clinton", 8 person cues to 5 body cues
        # ("the Clinton campaign") of 70 mentions, 286 lone uses in Hillary Clinton's
        # articles, was an actor of its own beside her.)
        return False
    # (A modifier with no person cue is the person's where the full name's own articles
    # call the person by the word alone often, and more often than the word stands
    # elsewhere: "the Trump administration" in articles not naming him in full, 91 lone
    # uses in his; not "Muslim leaders", no one's lone surname.)
    return s.person > 0 or s.org.get("modifier", 0) * 2 < s.mentions \
        or (said_alone >= _ALONE_ENOUGH and said_alone >= s.mentions)


# Lone surnames given to full names in their articles: enough to say whom the surname
# means (fewer are chance).
_ALONE_ENOUGH = 20
# A lone word's mentions left unresolved, at most one in so many of its lone uses that were.
_LEFT_OVER = 10


def _left_over(s: KeyStats, given: Counter[str] | None) -> bool:
    """Whether a lone word's own mentions are the few its articles left over (no full name
    there, or two the article names about as often: principal_names.py), beside the many
    lone uses given to full names in their articles: "Soleimani" once after "in", 110 times
    his in the articles naming him in full, whatever its cue there. Not a city's name
    beside a singer's ("in Houston" in ten articles beside Whitney Houston's 30)."""
    said = given.total() if given else 0
    return said >= _ALONE_ENOUGH and s.mentions * _LEFT_OVER <= said


# A bucket of rule 3 holding more keys than this is compared through its first letters and
# letters (a pair is compared in the same order either way).
_MANY_GIVEN_NAMES = 24


def _given_name_pairs(items: list[tuple[str, str, int]]
                      ) -> Iterator[tuple[tuple[str, str, int], list[tuple[str, str, int]]]]:
    """Each item of a bucket of rule 3 with those after it it may join: all of them, or in
    a large bucket ("X Inc": 530 keys of Reuters) only those whose given name starts with
    the same letter or has the same letters (two swapped: "Hamdi", "Mahdi"), the only
    pairs rule 3 can join, in the bucket's order."""
    if len(items) <= _MANY_GIVEN_NAMES:
        for n, item in enumerate(items):
            yield item, items[n + 1:]
        return
    by_first: dict[str, list[int]] = defaultdict(list)
    by_letters: dict[str, list[int]] = defaultdict(list)
    letters = ["".join(sorted(word)) for word, _, _ in items]
    for n, (word, _, _) in enumerate(items):
        by_first[word[0]].append(n)
        by_letters[letters[n]].append(n)
    for n, item in enumerate(items):
        after = {m for m in by_first[item[0][0]] if m > n}
        after.update(m for m in by_letters[letters[n]] if m > n)
        yield item, [items[m] for m in sorted(after)]


def _two_word_surnames(live: dict[str, KeyStats], people: dict[tuple[str, ...], str],
                       groups: _Groups, anchored: dict[str, str],
                       shared: frozenset[str] | None = None) -> None:
    """A person's name of two words that ends longer people's names ("Bra Kanon", "Lloyd
    Webber", "Bonham Carter"): the one whose names hold 80% of those longer names' mentions
    ("Denis Bra Kanon"), as a lone surname joins its full name (rule 7); not a name whose
    first word starts another person's name of two words ("Paul Keating" is a full name, not
    the surname of "Treasurer Paul Keating"). After the lone surnames: a lone "Kanon" or
    "Canon" weighs the two names apart. Both are people's names by their cues (`_people`),
    so reach.py links them (a name of three words or more and its tails that may be a
    person's). Whether a first word starts another name counts over the whole corpus:
    `shared`, the words that do (`shared_given`), where `live` is a region of it (on 600
    BBC articles a patch's region held no "John" but "John Taylor", joined him to "US
    Treasury Under-Secretary John Taylor", which a rebuild kept apart)."""
    tails: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for words, key in people.items():
        if len(words) >= 3:
            tails[words[-2:]][groups.find(key)] += live[key].mentions
    if not tails:
        return
    given = given_counts(people)
    if shared is not None:
        given.update(shared)  # (two or more: the whole corpus's count)
    for words, key in people.items():
        # (A particle is no given name: "De Clercq" and "De Gaulle" are both surnames.)
        found = tails.get(words) if len(words) == 2 and key not in anchored \
            and (given[words[0]] == 1 or words[0] in _NAME_PARTICLES) else None
        if found:
            (best, count), total = found.most_common(1)[0], sum(found.values())
            if count >= 0.8 * total:
                groups.union(best, key)


def _holds_acronym(s: KeyStats) -> bool:
    """Whether a name is written with a word in capitals ("U.S. State Department"): an
    acronym within a name is shortened by all its letters, not its first, so the name's
    initials ("USD") are no acronym of it (USD is the dollar)."""
    for surface in s.surfaces:
        for word in surface.split():
            word = word.replace(".", "")
            if len(word) >= 2 and word.isupper() and word.isalpha():
                return True
    return False


def _caps_led(s: KeyStats) -> bool:
    """A name each of whose forms starts with a word in capitals ("SDC Sydney", "GM Canada",
    "BP Australia"): a company's, not a person's full name (given names are not written in
    capitals), so no lone word joins it as a surname."""
    for surface in s.surfaces:
        first = surface.split(" ", 1)[0].replace(".", "")
        if len(first) < 2 or not first.isupper():
            return False
    return True


def _shared_surnames(live: dict[str, KeyStats]) -> Together:
    """Whether two people's full names end in two surnames each of which the corpus gives
    two people or more (by their given names' forms): two families' names, not two
    spellings of one (David Davies is no David Davis where Gavyn Davies and Steve Davis are
    named too; Qassem Suleimani and Qasem Soleimani, one man's, stay one)."""
    given: dict[str, set[str]] = defaultdict(set)
    people: dict[str, str] = {}
    for key, s in live.items():
        # (`s.person` first: most keys have no person's cue, and their words are not read.)
        # (As reach.py links them: a full name may be, with its surname's other people.)
        # (Two words: a given name and a surname; not "Chung In-yong", a family name first.)
        if s.person > 0 and len(words := significant(key)) == 2 and _person_cued(s) \
                and " of " not in key and not any(w in ORG_CUES for w in words):
            given[words[-1]].add(translit(words[0]))
            people[key] = words[-1]

    def apart(key_a: str, key_b: str) -> bool:
        a, b = people.get(key_a), people.get(key_b)
        return a is not None and b is not None and a != b \
            and len(given[a]) >= 2 and len(given[b]) >= 2
    return apart


def _fuzzy(live: dict[str, KeyStats], acronym: set[str], groups: _Groups,
           together: Together, distance: Callable[[str, str], int],
           anchored: dict[str, str] | None = None, surnames: set[str] | None = None,
           apart: Together | None = None) -> None:
    """Rule 4: a rare key (at most a tenth of the other's mentions) one edit from a frequent
    one of as many words, seven letters or more, the edit in a word of five letters or more
    (not "US" / "UK Treasury"): joined if that is the only such key, the
    frequent one is no rare spelling itself (no chains), no article uses both and no word
    that tells them apart is the `anchored` dictionaries' name of two actors; a word that
    ends a longer name (`surnames`: "Cameron" of David Cameron) is no slip of a dictionary's
    name (Cameroon), as in rule 1; and no two people's names `apart` says are two families'
    (`_shared_surnames`)."""
    # Two keys of seven letters or more within one edit (substitution, insertion, deletion
    # or transposition) share their first three letters or their last three: the edit
    # cannot touch both ends. So only the frequent keys that share one are compared.
    # Bucketed by (that end, words, length), as reach.py's "ends": a key is compared only
    # with keys of its words and a length one apart (by end alone, the frequent keys a
    # generated corpus's company names share, "...orp>", were scanned for every key: a
    # fifth of clustering 100,000 articles). (Each frequent key with its mentions.)
    # (Nested, end -> words -> length -> keys: a key whose end and number of words no
    # frequent key shares is let go after two look-ups, with no tuple made for them.)
    by_end: dict[str, dict[int, dict[int, list[tuple[str, int]]]]] = {}
    for key, s in live.items():
        if s.mentions >= 10 and len(key) >= 7 and key not in acronym:
            item = (key, s.mentions)
            words = len(key.split())
            for end in ("<" + key[:3], key[-3:] + ">"):
                by_end.setdefault(end, {}).setdefault(words, {}).setdefault(
                    len(key), []).append(item)
    if not by_end:
        return
    for by_words in by_end.values():
        for by_length in by_words.values():
            for items in by_length.values():
                items.sort(key=_fewer_mentions)
    found: dict[str, str] = {}
    # A name a dictionary or the regions' data know is no one's slip: "Indians" (India's)
    # one letter from "Indiana" (a state's).
    known = region_keys()
    for key, s in live.items():
        if len(key) < 7 or key in acronym or SITED in s.org \
                or (anchored is not None and key in anchored) or key in known:  # (sited.py)
            continue
        head, tail = "<" + key[:3], key[-3:] + ">"
        if head not in by_end and tail not in by_end:
            continue
        size, least, words = len(key), 10 * s.mentions, len(key.split())
        near: set[str] = set()
        for end in (head, tail):
            by_length = by_end.get(end, _NO_WORDS).get(words)
            if by_length is None:
                continue
            for length in (size - 1, size, size + 1):
                for k, k_mentions in by_length.get(length, ()):
                    if k_mentions < least:
                        break  # (most used first: the rest are rarer still)
                    if k != key and k not in near and distance(k, key) <= 1 \
                            and edit_in_long_word(k, key) and not _plural_of(k, key) \
                            and slip_like(k, key):  # (not "US" / "UK Treasury", "Twister")
                        near.add(k)
        if near and len({groups.find(k) for k in near}) == 1:  # (most keys: none near)
            # The most used of them (a set's order changes with the hash seed, and with
            # it the actor list)
            found[key] = max(near, key=lambda k: (live[k].mentions, k))
    families = _two_families(found, live, surnames) if surnames else set()
    for rare, target in found.items():
        if target not in found and not together(rare, target) and rare not in families \
                and (apart is None or not apart(rare, target)) \
                and (anchored is None or _told_apart(rare, target, anchored) is None) \
                and not (surnames and rare in surnames and anchored and target in anchored):
            groups.union(target, rare)


_NO_WORDS: dict[int, dict[int, list[tuple[str, int]]]] = {}


def _plural_of(frequent: str, rare: str) -> bool:
    """The rare name the frequent one with an "s" after it: no slip but another name ("the
    Americas", a region; "the Clintons", a family; "the Koreas"). (An "s" left off the
    frequent one's end, "Securitie", is a slip.)"""
    return rare == frequent + "s"


def _two_families(found: dict[str, str], live: dict[str, KeyStats],
                  surnames: set[str]) -> set[str]:
    """The rare words of `found` (rare -> frequent) that, like their frequent one, end a
    person's full name, where no given name is written before both: two families' names
    ("McDonnell" of Bob McDonnell is no slip of Mitch McConnell's "McConnell"; "Zelenskiy"
    and "Zelensky" both follow Volodymyr). (One pass over the keys, for the few pairs.)"""
    pairs = {rare: target for rare, target in found.items()
             if rare in surnames and target in surnames}
    if not pairs:
        return set()
    given: dict[str, set[str]] = {w: set() for pair in pairs.items() for w in pair}
    for key, s in live.items():
        if s.person and " " in key:
            words = significant(key)
            if len(words) >= 2 and words[-1] in given:
                given[words[-1]].add(words[0])
    return {rare for rare, target in pairs.items() if not given[rare] & given[target]}


def _fewer_mentions(item: tuple[str, int]) -> int:
    return -item[1]


def _clipped(live: dict[str, KeyStats], acronym: set[str], groups: _Groups) -> None:
    # Clipped words are short: the names made of them first, then the longer names that
    # could be theirs. A name whose first word is clipped and whose other words are the
    # longer one's or clipped too ("Man City", "Man Utd" of "Manchester City", "Manchester
    # United") is one as well (`_clips`), unless it is a person's ("Dan Smith").
    # (A key of one word has no two significant words: let go with no call.)
    short = {key: words for key in live if " " in key and key not in acronym
             and len(words := significant(key)) >= 2 and len(words[0]) <= 4}
    starts = {(len(w), w[0][:3]) for w in short.values()}
    by_first: dict[tuple[int, str], list[tuple[str, ...]]] = defaultdict(list)
    words_of: dict[tuple[str, ...], str] = {}
    for key in live:
        if " " not in key:  # (one word: no start of two words or more)
            continue
        words = significant(key)
        if (len(words), words[0][:3] if words else "") in starts and key not in acronym:
            # (A key's words are split by single spaces: where none ends in "s", each is
            # its own singular.)
            if key.endswith("s") or "s " in key:
                words = tuple(map(singular, words))
            by_first[len(words), words[0][:3]].append(words)
            words_of[words] = key
    for words, key in list(words_of.items()):
        if key not in short or min(map(len, words)) < 3:
            continue  # (a word under three letters is no longer one's clipped form)
        first = words[0]
        fits = [other for other in by_first[len(words), first[:3]]
                if len(other[0]) > len(first) and other[0].startswith(first) and other != words]
        if not fits:
            continue
        # Every word clipped ("Lib Dems"); else some only, of a name no person's.
        longer = {groups.find(words_of[other]) for other in fits
                  if max(len(w) for w in words) <= 4 and _clips(words, other, True)}
        if not longer and first not in given_names() and not _person_cued(live[key]):
            longer = {groups.find(words_of[other]) for other in fits
                      if _clips(words, other, False) and not _person_cued(live[words_of[other]])}
        if len(longer) == 1:
            groups.union(longer.pop(), key)


def _clips(words: tuple[str, ...], other: tuple[str, ...], every: bool) -> bool:
    """Whether each word of `words` is the start of `other`'s word there ("lib" of
    "liberal"); unless `every`, a word may also be that word itself or its abbreviation,
    its first letter and others in their order ("utd" of "united")."""
    for w, o in zip(words, other, strict=True):
        if o.startswith(w) and len(o) > len(w):
            continue
        if every or not (w == o or (w[0] == o[0] and len(o) > len(w) and _in_order(w, o))):
            return False
    # (A word the two share that is a company's generic word says no one name: "Bell Corp"
    # is no clipped "BellSouth Corp", "Bell Group" no "Bellway Group".)
    return every or any(w == o and ORG_CUES.get(w) != "organisation" and w not in _LEGAL_SUFFIXES
                        for w, o in zip(words, other, strict=True)) \
        or not any(w == o for w, o in zip(words, other, strict=True))


def _in_order(short: str, word: str) -> bool:
    """Whether the letters of `short` are in `word` in their order ("utd", "united")."""
    letters = iter(word)
    return all(c in letters for c in short)


def _owners_organ(short: str, longer: str, live: dict[str, KeyStats]) -> bool:
    """Whether a longer name is the shorter's organ: the shorter first, then an organ's name
    the corpus writes alone ("Qandor Labour Federation Central Committee"): the owner is
    not its organ (organ_owners.py)."""
    if not longer.startswith(short + " "):
        return False
    rest = longer[len(short) + 1:]
    organ = live.get(rest)
    # (Not a company's words: "Swiss Bank Corporation International Ltd" is the bank's.)
    return organ is not None and _is_org(organ) \
        and rest[rest.rfind(" ") + 1:] not in _LEGAL_SUFFIXES


def _another_owners(key: str, holders: set[str], live: dict[str, KeyStats],
                    acronym: set[str]) -> bool:
    """Whether the longer names holding an organ's name are another owner's organ, named
    after the owner's acronym ("KPA General Political Bureau": the army's), written less than
    a quarter as often as the organ's name alone: "Political Bureau", 25 times as frequent,
    is the party's (as a country's body is the bare name's only so, `_one_countrys`)."""
    if not any(k.partition(" ")[0] in acronym for k in holders):
        return False
    return sum(live[k].mentions for k in holders) * 4 < live[key].mentions


def _owns_organs(stats: KeyStats, capitals: bool) -> bool:
    """Whether a key may own an organ ("WPK" of "WPK Central Committee"): written in capitals
    or cued as a body, and no person's or place's name."""
    if stats.person * 4 >= stats.mentions or stats.location * 4 >= stats.mentions:
        return False
    return capitals or any(t in _REAL_TYPES and t not in ("person", "location", "country")
                           for t in stats.org) or _is_org(stats)


def _distinctive(key: str) -> bool:
    """A name with a word of its own, not only a company's generic words ("Industries Inc",
    "Holdings Ltd" name no one company; "Mobilization Forces" is a name)."""
    return any(ORG_CUES.get(w) not in ("organisation", "location") and w not in _LEGAL_SUFFIXES
               for w in significant(key))


@lru_cache(maxsize=1 << 16)
def _org_key(key: str) -> tuple[str, ...]:
    """An organisation's words with plurals and adjectival endings taken off: Islamic
    Revolution(ary) Guard(s) Corps meet."""
    return tuple(translit(_ADJECTIVAL.sub("", singular(w))) for w in significant(key))


def _plural_meets_adjective(short: str, long: str) -> bool:
    """Whether `short`'s `_org_key` words meet `long`'s only where a plural noun stands for
    an adjective, or one for the other ("National Security Council" in "United Nations
    Security Council": nations and national both end as "nation"). A plural and an
    adjective are two words; a noun and its adjective ("Revolution", "Revolutionary") or
    its plural ("Guard", "Guards") are one."""
    s_words, l_words = significant(short), significant(long)
    s_sig, l_sig = _org_key(short), _org_key(long)
    for start in range(len(l_sig) - len(s_sig) + 1):
        if l_sig[start:start + len(s_sig)] == s_sig and not any(
                _plural_and_adjective(a, b)
                for a, b in zip(s_words, l_words[start:], strict=False)):
            return False  # (a reading that meets word for word)
    return any(s_sig == l_sig[i:i + len(s_sig)] for i in range(len(l_sig) - len(s_sig) + 1))


def _plural_and_adjective(a: str, b: str) -> bool:
    """One word a plural ("nations"), the other an adjective ("national") of one stem."""
    def kind(word: str) -> str:
        one = singular(word)
        return "plural" if one != word else "adjective" if _ADJECTIVAL.search(one) else ""
    return {kind(a), kind(b)} == {"plural", "adjective"}


def held_forms(key: str, sig: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The shorter names an organisation's name `key` (its `_org_key` words `sig`) holds:
    each run of two words or more inside it, and of a site's name the name with one word in
    the middle left out ("Baghdad Airport" of "Baghdad International Airport"; of sites
    only: "National Council" is no shorter "National Security Council"). (reach.py links
    by the same forms.)"""
    if len(sig) < 3:
        return
    for size in range(2, len(sig)):
        for start in range(len(sig) - size + 1):
            yield sig[start:start + size]
    if ORG_CUES.get(significant(key)[-1]) == "location":
        for i in range(1, len(sig) - 1):
            yield sig[:i] + sig[i + 1:]


def _countries_bodies(live: dict[str, KeyStats], groups: _Groups, anchored: dict[str, str],
                      country_of: dict[str, str], own_country: dict[str, str] | None = None
                      ) -> tuple[set[tuple[str, ...]], set[str], dict[tuple[str, str], list[str]]]:
    """One country's body under its several names is one actor ("US Supreme Court",
    "United States Supreme Court", "Supreme Court of the United States"); a dictionary's
    bare name ("Democratic Party") joins them where the corpus qualifies it with that one
    country only. The bare names so qualified (by their `_org_key` words), which no
    longer name joins as a shorter form inside it: "Supreme Court" inside "United States
    Supreme Court" is as likely another country's (country_bodies.py); and those the
    corpus qualifies with two countries or more; and the keys of each (country, body)."""
    forms = country_forms(iter(live), country_of, names_body)
    by_body: dict[str, set[str]] = defaultdict(set)
    for (country, body), keys in forms.items():
        for other in keys[1:]:
            groups.union(keys[0], other)
        by_body[body].add(country)
    # A bare "Federal Government": the corpus's country's, where that is clear (federal.py).
    if BARE not in anchored:
        for key in national_government(live, country_of):
            groups.union(key, BARE)
    for body, found in by_body.items():
        if len(found) == 1 and body in anchored and body in live:
            [country] = found
            # (Not where the dictionary's body is another country's: ECB+'s "Democratic
            # Party of Turkmenistan" made the US Democrats' `actor:` hits half Turkmen.)
            if (own_country or {}).get(body, country) != country:
                continue
            groups.union(body, forms[country, body][0])
    return {_org_key(body) for body in by_body}, \
        {body for body, found in by_body.items() if len(found) > 1}, forms


def _told_apart(a: str, b: str, anchored: dict[str, str]) -> tuple[str, str] | None:
    """The two actors (entry keys) of a word where two names read as one organisation's
    variants differ in one that the dictionaries give to two different actors as written:
    "Labor Party" (Labor, Australia's) is no spelling of "Labour Party" (Labour, the UK's),
    whatever their letters share; else None."""
    for word_a, word_b in zip(significant(a), significant(b), strict=False):
        if word_a != word_b:
            head_a, head_b = anchored.get(word_a), anchored.get(word_b)
            if head_a is not None and head_b is not None and head_a != head_b:
                return head_a, head_b
    return None


_STATE_KINDS = frozenset(("government", "military"))


def _turned_round(live: dict[str, KeyStats], groups: _Groups,
                  country_of: dict[str, str]) -> None:
    """A body's name with "of" and its words turned round: "Government of Vanuatu" and
    "Vanuatu Government", "Ministry of Health" and "Health Ministry", with a country's
    other name in place of its name for a state's body ("Government of Tonga", "Tongan
    Government"): one
    body's (stranger9: two entries of the Vanuatu government in one top 40). The turned
    form ends in a body's word (ORG_CUES), so titles ("Secretary of State") join nothing."""
    names_of: dict[str, list[str]] = defaultdict(list)  # a country -> its one-word names
    for key, head in country_of.items():
        if " " not in key:
            names_of[head].append(key)
    for key, s in live.items():
        if " of " not in key:
            continue
        head, _, tail = key.partition(" of ")
        tail = tail.removeprefix("the ")
        if not head or not tail or head.count(" ") > 1 or tail.count(" ") > 2 \
                or _person_cued(s):
            continue
        tails = [tail]
        # (A country's other name only for its state's bodies: "American Bank", "Swiss
        # Bank" are no Bank of America's, of Switzerland's.)
        if (country := country_of.get(tail)) is not None \
                and ORG_CUES.get(head.rpartition(" ")[2]) in _STATE_KINDS:
            tails += [name for name in names_of[country] if name != tail]
        for turned in (f"{t} {head}" for t in tails):
            if (other := live.get(turned)) is not None and _is_org(other) \
                    and not _person_cued(other):
                groups.union(turned, key)


def _org_variants(live: dict[str, KeyStats], acronym: set[str], groups: _Groups,
                  anchored: dict[str, str], countries: set[str],
                  generic: set[tuple[str, ...]] = frozenset(),
                  acronyms: Mapping[str, Counter[str]] | None = None,
                  country_names: frozenset[str] = frozenset(),
                  demonym_keys: Container[str] = ()) -> None:
    """`acronyms`, `country_names` (where known): what tells a country's body led by its
    acronym from a bare name (`_country_acronym`)."""
    orgs = {k: s for k, s in live.items() if _is_org(s)}
    # Adjectival and nominal forms, plurals.
    variants: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in orgs:
        variants[_org_key(key)].append(key)
    for keys in variants.values():
        for other in keys[1:]:
            if _plural_meets_adjective(other, keys[0]):
                continue  # ("United Nations Party", "United National Party")
            apart = _told_apart(keys[0], other, anchored)
            if apart is None:
                groups.union(keys[0], other)
                continue
            # Each to the actor its word names, if its other words are that actor's name's.
            for key, head in zip((keys[0], other), apart, strict=True):
                if key not in anchored and set(significant(key)) <= set(significant(head)):
                    groups.union(head, key)
    # A shorter form inside exactly one longer name.
    containing: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key in orgs:
        for held in held_forms(key, _org_key(key)):
            if held not in generic:  # (`_countries_bodies`)
                containing[held].add(key)
    for key in orgs:
        owners = {groups.find(k) for k in containing.get(_org_key(key), ())
                  if not _placed_prefix(k, key) and not _plural_meets_adjective(key, k)
                  and not _owners_organ(key, k, live)
                  and not (k.endswith(" " + key) and k[:-len(key) - 1] in countries
                           and _own_acronyms(key, k, acronym, live))
                  and not (k.endswith(" " + key)  # ("FKF Premier League", Kenya's)
                           and _country_acronym(k[:-len(key) - 1], key, acronyms,
                                                country_names, demonym_keys))}
        if len(owners) == 1 and _distinctive(key):
            owner = owners.pop()
            if _another_owners(key, containing[_org_key(key)], live, acronym):
                continue  # (organ_owners.py)
            # A dictionary's name inside a longer one does not make the longer one that
            # actor: "National Security Council" holds the Security Council's name.
            if groups.find(key) in groups.anchor and owner not in groups.anchor:
                continue
            groups.union(owner, key)
    # A company's legal suffix: "General Motors Corp", "Merrill Lynch and Co Inc" are
    # "General Motors", "Merrill Lynch" (not "Ford Motor Co" and "Toyota Motor Co": their
    # names before the suffix differ).
    for key in live:
        if key[key.rfind(" ") + 1:] not in _LEGAL_SUFFIXES:
            continue  # (most keys: no suffix, nothing to cut)
        words = key.split()
        cut = len(words)
        while cut > 1 and words[cut - 1] in _LEGAL_SUFFIXES:
            cut -= 1
        if cut < len(words):
            base = " ".join(words[:cut])
            b = live.get(base)
            # Not a place's or a dictionary's name ("Canada Ltd", "Chicago Corp" are
            # companies of their own), nor a person's, unless the suffixed name outnumbers
            # its person cues: a firm named after people (firm_cues.suffixed_firm).
            if b is not None and base not in anchored and b.location * 4 < b.mentions \
                    and (not _person_cued(b) or suffixed_firm(live[key], b)) and (
                        cut > 1 or any(t in _REAL_TYPES for t in b.org)):
                groups.union(base, key)
    # A parent's acronym before an organisation's name: "IRGC Quds Force" is "Quds Force".
    parents: dict[str, list[str]] = defaultdict(list)
    for key in orgs:
        words = key.split()
        rest = " ".join(words[1:])
        # (A country's acronym is no parent: "US Agriculture Department" is `_one_countrys`.)
        if len(words) >= 3 and words[0] in acronym and words[0] not in countries \
                and rest in orgs and _distinctive(rest) \
                and not _country_acronym(words[0], rest, acronyms, country_names,
                                         demonym_keys):
            parents[rest].append(key)
    for rest, keys in parents.items():
        if len(keys) == 1:  # "AFG Stock Exchange", "IC Stock Exchange": no one reading
            groups.union(rest, keys[0])


def _country_acronym(acronym: str, rest: str, acronyms: Mapping[str, Counter[str]] | None,
                     country_of: Container[str], demonym_keys: Container[str] = ()) -> bool:
    """Whether a leading acronym is a body of one country by its definition, where the name
    after it says no country: "FKF Premier League" is the league of Football Kenya
    Federation (FKF), Kenya's, and no clipped "Premier League" (England's, 153 articles of a
    Kenyan site to its 13); "IRGC Quds Force" is the Quds Force (Islamic Revolutionary
    Guard Corps names no country)."""
    expansions = acronyms.get(acronym) if acronyms else None
    if not expansions or not country_of:
        return False
    words = expansions.most_common(1)[0][0].split()
    spans = [(i, j) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words) + 1))]
    # (A country's name inside a region's is the region's: "New South Wales" (NSW), and a
    # people's adjective says whose, not which country's: "British Petroleum" (BP).)
    regions = region_keys()
    inside = [(i, j) for i, j in spans if " ".join(words[i:j]) in regions]
    return any(" ".join(words[i:j]) in country_of and " ".join(words[i:j]) not in demonym_keys
               and not any(a <= i and j <= b and (a, b) != (i, j) for a, b in inside)
               for i, j in spans) \
        and not any(w in country_of for w in rest.split())


def _own_acronyms(short: str, longer: str, acronym: set[str],
                  live: dict[str, KeyStats]) -> bool:
    """Whether the corpus writes each of two bodies' names by its own initials, as two
    bodies' ("National Rugby League" and "NRL", Australia's league; "Tonga National Rugby
    League" and "TNRL", Tonga's: the shorter name was joined to the longer, and took the
    NRL with it; stranger9). Initials of three letters or more, of names with no acronym
    among their words ("CBC News" and "CBC News Network" are no CN and CNN)."""
    a, b = initials(short), initials(longer)
    return len(a) >= 3 and a != b and a in acronym and b in acronym and a in live \
        and b in live and acronym.isdisjoint(longer.split())


# The types of dictionary entries that name one body wherever it is: a country's adjective
# before the name only says where it is from ("Russian Wagner Group"); not a party's or a
# government's name, which several countries' bodies share ("Canadian Conservative Party"),
# nor an international body's, whose national branches are bodies of their own ("American
# Red Cross").
_ONE_BODY_TYPES = frozenset(("militia", "organisation", "media", "military"))


def _country_led_entries(live: dict[str, KeyStats], groups: _Groups, anchored: dict[str, str],
                         country_of: dict[str, str], dictionaries: Dictionaries) -> None:
    """A country's name or adjective before a dictionary's name of one body ("Russian Wagner
    Group", 8 articles of a Guardian corpus, an organisation of its own beside Wagner
    Group) is that body, where the corpus puts one country only before it (one reading).
    An entry that says where its knowledge comes from (`source`: the shipped ones), not
    one a curation edit wrote: renaming an actor lists its names in an entry, and must not
    join more names to it.
    (Rule 6's shorter form inside a longer name leaves a dictionary's name alone: "Security
    Council" inside "National Security Council" is not that council.)"""
    found: list[tuple[str, str, str]] = []
    countries: dict[str, set[str]] = defaultdict(set)
    for key in live:
        first, _, rest = key.partition(" ")
        if not rest or first not in country_of or key in anchored:
            continue  # (most keys: no country's word first)
        head = anchored.get(rest)
        entry = dictionaries.entries.get(head) if head is not None else None
        if entry is not None and entry.type in _ONE_BODY_TYPES and entry.source \
                and _of_country(entry, dictionaries.entries.get(country_of[first])):
            countries[head].add(country_of[first])
            found.append((rest, key, head))
    for rest, key, head in found:
        if len(countries[head]) == 1:
            groups.union(rest, key)


def _of_country(body: Entry, country: Entry | None) -> bool:
    """Whether a country's adjective before a dictionary body's name may be that body's
    own: the body's code is of no other country (CAMEO codes start with the country's:
    "AFGREB", the Taliban; "Pakistani Taliban" and "Iraqi Hezbollah" are other groups)."""
    code = body.code or ""
    return len(code) < 6 or (country is not None and country.code == code[:3])


# Words after a name that say what kind of body it is, as a legal suffix does ("Wagner
# Group", "Adani Group"): the name alone is that body where nothing says it is a person's
# or a place's.
# (and a private military company's initials, a kind of group as "Group" is: "Wagner PMC")
_GROUP_SUFFIXES = frozenset(("group", "holdings", "pmc"))


def _group_suffixes(live: dict[str, KeyStats], groups: _Groups, anchored: dict[str, str]) -> None:
    """A one-word name that the corpus also writes with "Group" after it ("Wagner" in 95
    articles, "Wagner Group" in 33: two actors of a Guardian corpus) is that group, where
    the word alone is cued as a firm (`_a_firms_cues`), hardly ever as a person (a surname:
    "Wagner said"), as a place, and has no dictionary entry of its own."""
    for key in live:
        first, _, last = key.partition(" ")
        if last not in _GROUP_SUFFIXES or first in anchored:
            continue  # (most keys: no such suffix)
        base = live.get(first)
        if base is not None and base.person * 10 <= base.mentions \
                and base.location * 4 < base.mentions and _a_firms_cues(base) \
                and first not in region_keys():
            groups.union(key, first)


def _a_firms_cues(s: KeyStats) -> bool:
    """Whether a word's commonest body cue is an organisation's, as "Group" after it says
    ("Wagner's fighters", "the Wagner company"; not "Eurasia", a region the corpus cues
    as a medium's once or twice: "Russia and Eurasia programme")."""
    firm = s.org.get("organisation", 0)
    return firm > 0 and all(n <= firm for kind, n in s.org.items() if kind in _REAL_TYPES)


def _placed_prefix(longer: str, key: str) -> bool:
    """Whether `longer` is `key` after a region's name (regions.yaml: a state's, a
    province's: "British Columbia Supreme Court", "Texas Supreme Court"): another body
    of that place, which the bare name is not a clipped form of ("the Supreme Court" of
    Indian news is India's, not British Columbia's)."""
    if not longer.endswith(" " + key):
        return False
    place = longer[:-len(key) - 1]
    # (Or a region's adjective whose last word the key starts with: "Western Australian
    # Government" is a state's, and the bare "Australian Government", the country's, was
    # its alias: the Commonwealth's government joined to a state's.)
    return place in region_keys() or (
        " " not in place and region_of_plural(
            f"{place} {key.partition(' ')[0]}s", people_regions()) is not None)


def _acronym_led(live: dict[str, KeyStats], acronyms: dict[str, Counter[str]],
                 groups: _Groups) -> None:
    """A body's name led by an acronym the text defines, and the name its definition's first
    word leads: "EC Commission" is the "European Commission" where the text writes "European
    Community (EC)"; "EC Council" is no one's where the corpus never writes "European
    Council"."""
    for key, s in live.items():
        first, _, rest = key.partition(" ")
        expansions = acronyms.get(first) if rest else None
        if not expansions or not _is_org(s):
            continue
        lead = expansions.most_common(1)[0][0].split()[0]
        other = f"{lead} {rest}"
        if other != key and other in groups.parent:
            groups.union(other, key)


_POSSESSIVE_INSIDE = re.compile(r"\w['’]s ")


def _possessive_owners(live: dict[str, KeyStats], acronym: set[str], groups: _Groups,
                       anchored: dict[str, str]) -> None:
    """"Moody's said": the owner of a possessive company name ("Moody's Investors Service
    Inc", "Standard and Poor's Corp") is that company, if the company names that start with
    it are one actor's in at least 80% of their mentions ("Standard and Poor's Asia Inc" is
    a subsidiary's) and it is no person's name, no place and no dictionary's."""
    owners: dict[str, Counter[str]] = defaultdict(Counter)
    for key, s in live.items():
        if key in acronym or " " not in key or not _company_name(key) or not any(
                _POSSESSIVE_INSIDE.search(surface) for surface in s.surfaces):
            continue
        words = key.split()
        for cut in range(1, len(words)):
            if words[cut - 1].endswith("s"):
                # A name of its own after the possessive is a parent's ("Dupont's Conoco
                # Inc": Dupont is no Conoco)
                rest = live.get(possessed(words, cut, _LEGAL_SUFFIXES))
                if rest is not None and rest.mentions >= 2:
                    continue
                owner = " ".join([*words[:cut - 1], words[cut - 1][:-1]])
                owners[owner][groups.find(key)] += s.mentions
    for owner, found in owners.items():
        s = live.get(owner)
        (best, count), total = found.most_common(1)[0], sum(found.values())
        # (Nor a word the corpus writes in lower case too: "People" of "People's
        # Liberation Army" is People magazine's, "told People", 17 of 18 `actor:` hits
        # of the army in ECB+; "Children's Hospital", "Women's Institute" alike.)
        if s is not None and count >= 0.8 * total and owner not in anchored \
                and owner not in acronym and not _person_cued(s) \
                and s.location * 4 < s.mentions and s.lower * 10 < s.articles:
            groups.union(best, owner)


def short_acronym_letters(key: str, s: KeyStats | None, acronym: set[str]) -> str | None:
    """The letters of an acronym that rule 5's initials leave out: two letters ("GM"), or
    letters joined by '&' ("S&P", "P&G", "AT&T": keys of one- and two-letter words), read
    letter for letter with the '&' left out."""
    if " " not in key:
        return key if len(key) == 2 and key in acronym and key.isalpha() else None
    words = key.split()
    if s is None or len(words) > 3 or any(len(w) > 2 for w in words):
        return None
    amp = sum(n for surface, n in s.surfaces.items()
              if "&" in surface and surface.replace("&", "").replace(" ", "").isupper())
    return key.replace(" ", "") if amp * 2 > s.mentions else None


def expansion_letters(key: str) -> str:
    """The initials of a name's words, legal suffixes and '&' aside ("General Motors Corp"
    -> "gm", "Standard & Poor's" -> "sp"): `initials` of the name without them."""
    return "".join([w[0] for w in key.split() if w not in _NOT_SPELLED])


def _core(key: str) -> str:
    return " ".join(w for w in key.split() if w not in _LEGAL_SUFFIXES)


_NOT_SPELLED = _LEGAL_SUFFIXES | ACRONYM_SKIPS


# The mentions an expansion's actor needs before a short acronym joins it undefined, and
# how many times the mentions of any other actor it spells (S&P: Standard & Poor's, not
# Schering-Plough or a Socialist Party named a few times).
_FREQUENT_EXPANSION = 10
_DOMINANT = 10


def _short_acronyms(live: dict[str, KeyStats], acronym: set[str],
                    acronyms: dict[str, Counter[str]], groups: _Groups,
                    together: Together) -> None:
    """Rule 5 for two letters ("GM") or letters joined by '&' ("S&P"), where initials
    meet by chance: never defined in the text, such an acronym joins the company or body
    whose words' initials are exactly its letters (legal suffixes aside), if that
    actor is frequent and one article names both ("General Motors Corp (GM.N) ... GM
    said"), and has ten times the mentions of any other it spells; not a place's or a
    person's name, nor an acronym that is a legal suffix."""
    short: dict[str, str] = {}
    for key, s in live.items():
        # (Most keys are let go by their length: two letters, or one- and two-letter words.)
        if len(key) > 8 or (len(key) != 2 and " " not in key):
            continue
        if key in acronyms or key in _LEGAL_SUFFIXES or groups.find(key) != key \
                or key in groups.anchor or _person_cued(s) or s.location * 4 >= s.mentions:
            continue  # (a dictionary's acronym is what the dictionary says: UN, US)
        letters = short_acronym_letters(key, s, acronym)
        if letters:
            short[key] = letters
    if not short:
        return
    wanted = set(short.values())
    starts = {letters[0] for letters in wanted}
    candidates: list[tuple[str, str, list[str]]] = []  # (key, its letters, its words)
    for key, s in live.items():
        if key[0] not in starts or " " not in key or key in acronym or key in short:
            continue
        letters = expansion_letters(key)
        if letters not in wanted:
            continue
        words = [w for w in significant(key) if w not in _LEGAL_SUFFIXES]
        if len(words) != len(letters) or s.mentions < 2 or _person_cued(s) \
                or s.location * 4 >= s.mentions or _holds_acronym(s):
            continue  # ("BNP Paribas" is no "BP": an acronym inside is spelled whole)
        base = live.get(" ".join(words))  # "New York Corp" is no "NY": New York is a place
        if base is not None and base.location * 4 >= base.mentions:
            continue
        candidates.append((key, letters, words))
    if not candidates:
        return
    parent, find = groups.parent, groups.find
    need = {find(key) for key, _, _ in candidates} | set(short)
    biggest: dict[str, int] = defaultdict(int)  # group -> the mentions of its most used key
    total: dict[str, int] = defaultdict(int)  # group -> its mentions
    members: dict[str, list[str]] = defaultdict(list)
    for key, s in live.items():
        root = parent[key]  # (most keys are their group's root, or one step from it)
        if root != key and parent[root] != root:
            root = find(key)
        if root in need:
            biggest[root] = max(biggest[root], s.mentions)
            total[root] += s.mentions
            members[root].append(key)
    owners: dict[str, dict[str, str]] = defaultdict(dict)  # letters -> group -> a key of it
    for key, letters, words in candidates:
        s, root = live[key], groups.find(key)
        # A body's or company's name, its actor's most used or nearly
        if (len(words) < len(key.split()) or _is_org(s)
                or any(t in _REAL_TYPES for t in s.org)) and s.mentions * 2 >= biggest[root]:
            owners[letters].setdefault(root, key)
    for key, letters in short.items():
        if len(members[key]) > 1:
            continue  # a name of its own, written with a legal suffix too ("BP Plc")
        found = sorted(owners.get(letters, {}).items(), key=lambda item: -total[item[0]])
        if not found or (len(found) > 1 and total[found[0][0]] < _DOMINANT * total[found[1][0]]):
            continue  # none, or two companies it spells (General Motors, General Mills)
        root, one = found[0]
        # Not a part of a longer name of its actor ("Football Association" of the Scottish
        # Football Association is no "FA")
        core = _core(one)
        # (A firm's name with its group word, "Goldman Sachs Group Inc", is no longer name:
        # firm_heads.py joins it.)
        if total[root] >= _FREQUENT_EXPANSION and together(one, key) \
                and not any(f" {core} " in f" {c} " and c != core
                            for c in map(_core, members[root]) if c.removesuffix(" group")
                            .removesuffix(" holdings").removesuffix(" holding") != core):
            groups.union(root, key)


def _company_name(name: str) -> bool:
    """Whether a name ends as a company's does (a legal suffix or a body's word): "Moody's
    Investors Service Inc", not "Google's Android" (the owner's product)."""
    last = name.rsplit(None, 1)[-1].lower().rstrip(".")
    return last in _LEGAL_SUFFIXES or last in ORG_CUES


def _clusters(groups: _Groups, live: dict[str, KeyStats], dictionaries: Dictionaries,
              acronym: set[str], memo: Kept | None = None,
              every: Mapping[str, KeyStats] | None = None,
              faults: ClusterFaults | None = None,
              defined: Mapping[str, str] | None = None) -> list[Cluster]:
    """One cluster per group the corpus mentions; a dictionary's group keeps all of its
    names, so the `actor:` filter finds a name the corpus has not used yet. A group whose
    name or type a rule fails on is listed apart (`_fallen`), said in `faults`. `defined`:
    acronyms' types by their bracketed definitions (defined_types.py)."""
    demonyms = dictionaries.demonym_keys
    regions = region_keys()  # a cluster its cues leave "other" is a place if it names one
    place = partial(_names_place, dictionaries, regions)
    placed = _place_named(dictionaries, live)
    # People's surnames, worked out once a name asks (place_clubs.py, the surname cue).
    people_surnames: list[set[str]] = []
    prefixes: list[dict[str, int]] = []  # suffixed firms' first words, once a person asks

    def firm_named(stats: Iterable[KeyStats]) -> bool:
        if not prefixes:
            prefixes.append(firm_prefixes(live, _LEGAL_SUFFIXES))
        return prefixed_firm(stats, prefixes[0], given_names().__contains__)

    def people() -> set[str]:
        if not people_surnames:
            people_surnames.append(_surnames_of(live))
        return people_surnames[0]
    parent, find = groups.parent, groups.find
    roots = []  # each key's group's root, in the keys' order
    for key in parent:
        root = parent[key]  # most keys are their group's root, or one step from it
        if root != key and parent[root] != root:
            root = find(key)
        roots.append(root)
    # The keys of each group of two keys or more, in the keys' order; a key alone is its own
    # cluster's list, made as it is reached (a list grown for each key of a corpus of many
    # names, by its root, was 50 MB of the clustering's peak at 420,000 keys alone).
    members: dict[str, list[str] | None] = {}
    for key, root in zip(parent, roots, strict=True):
        if root != key:
            members[root] = []
    for key, root in zip(parent, roots, strict=True):
        if root in members:
            members[root].append(key)  # type: ignore[union-attr]
    out = []
    anchors = groups.anchor
    for key, root in zip(parent, roots, strict=True):
        # (The clusters in the order of each group's first key, as they were made.)
        if root == key and root not in members:
            keys = [key]
        elif (keys := members[root]) is None:  # type: ignore[assignment]
            continue  # (its group's cluster is made)
        else:
            members[root] = None
        try:
            if len(keys) == 1 and root not in anchors:  # most: one key, no dictionary's
                one = live.get(root)
                if one is not None:
                    kind, name = _single(one, memo)
                    if kind == "other" and " " in root and club_named(keys, placed, people):
                        kind, name = TEAM, _single_name(one, TEAM)  # "Atlanta Braves"
                    elif defined and root in defined and kind in _DEFINABLE \
                            and _REAL_TYPES.isdisjoint(one.org):
                        # "National Workers Union (UNT)" (defined_types.py); over a body's
                        # acts alone too ("CJTF repelled": the Civilian Joint Task Force's)
                        kind = defined[root]
                        name = _single_name(one, kind)
                    elif kind == "other" and _given_person([one], place):
                        kind, name = "person", _single_name(one, "person")  # (given_person.py)
                    elif kind != "person" and kind != "location" and " " not in root \
                            and _surname_cued(one) and root in people():
                        kind, name = "person", _single_name(one, "person")
                    elif kind == "person" and firm_named((one,)):
                        # "Goldman", "Goldman Sachs and Co" (firm_prefixes.py)
                        kind = "organisation"
                        name = _single_name(one, kind)
                    if root in regions and _region_a_place(kind, (one,)):
                        kind = "location"  # "Michigan lawmakers" (regions.py)
                    elif kind == "other" and compass_region(root, place):
                        kind = "location"  # "South Pacific" (compass_regions.py)
                    if kind == "government" and _of_international(root, groups, dictionaries):
                        kind = "international"  # "EC Commission": the EC's body
                        name = _single_name(one, kind)
                    out.append(Cluster(name, kind, None, False, keys))
                continue
            stats = [live[k] for k in keys if k in live]
            if not stats:
                continue
            head = groups.anchor.get(root)
            entry = dictionaries.entries.get(head) if head else None
            kind = (entry.type if entry and entry.type else None) or _type(stats, acronym)
            if kind == "location" and entry and club_over_place(stats):
                kind = TEAM  # "Barcelona boss", "Barcelona have": the club's corpus (teams.py)
            if not entry and (kind == "other" and club_named(keys, placed, people)
                              or kind == "person"
                              and club_over_person(keys, placed, given_names())):
                # "Seattle Red Sox" with "Red Sox", "the Tigers ... their" (place_clubs.py)
                kind = TEAM
            elif kind == "other" and not entry and defined and (
                    known := [defined[k] for k in keys if k in defined]):
                kind = known[0]  # (defined_types.py)
            elif kind == "other" and not entry and _given_person(stats, place):
                kind = "person"  # "Yuvraj Singh", "Yuvraj" in its article (given_person.py)
            elif kind == "other" and not entry and every is not None and _by_surname_of(
                    [every[k] for k in keys if k in every], _SURNAME_SHARE):
                kind = "person"  # "Tiger Woods ... Woods said": sentences' first "Woods" too
            elif kind == "person" and not entry and (suffixed_firm_of(stats, _LEGAL_SUFFIXES)
                                                      or firm_named(stats)):
                kind = "organisation"  # "Merrill Lynch said" with "Merrill Lynch and Co Inc"
            elif kind == "person" and not entry and (body := _body_not_person(stats)):
                kind = body  # "Azizi Group" and the family's name alone (never_one.py)
            if not regions.isdisjoint(keys) and _region_a_place(kind, stats):
                kind = "location"  # (regions.py)
            elif kind == "other" and not entry and any(compass_region(k, place) for k in keys):
                kind = "location"  # "Asia-Pacific", "Asia Pacific" (compass_regions.py)
            if kind == "government" and not entry and any(
                    _of_international(k, groups, dictionaries) for k in keys):
                kind = "international"
            name = entry.name if entry else _canonical(stats, kind)
            if entry and head not in live and dictionaries.shipped(entry):
                # A name the corpus never uses ("Deutsche Bundesbank" where it writes
                # "Bundesbank"): the most frequent clean full form of the entry's own names it
                # does use, not an acronym, a demonym or a word used as a modifier ("Republican
                # senators" do not rename the Republican Party).
                # (A one-word alias of a country is a demonym to the dictionaries, "Britain" as
                # well as "Britons": a name of the place where the text puts it as one, "in
                # Britain", in an eighth of its mentions.)
                keys_of = set(entry.name_keys())
                own = [s for s in stats if s.key in keys_of
                       and s.org.get("modifier", 0) * 2 < s.mentions
                       and (s.key not in demonyms or s.location * 8 >= s.mentions)]
                used = _canonical(own, kind) if own else ""
                # (Not a body's first word alone: "Republican" of "Republican chairman" is
                # the adjective, the party "Republican Party"; "Bundesbank" of "Deutsche
                # Bundesbank" is the name, and "Gaza" a place's.)
                if used and _clean(used) and not (
                        " " not in used and kind not in _NO_FULLER
                        and entry.name.startswith(used + " ")):
                    name = used
            out.append(Cluster(name, kind, entry.code if entry else None,
                               bool(entry and entry.hidden), sorted(keys)))
        except PASSED:
            raise
        except Exception as exc:  # noqa: BLE001 - a rule's fault on this group alone
            out += _fallen(keys, root, live, anchors, dictionaries, faults, exc)
    return out


def _body_not_person(stats: list[KeyStats]) -> str | None:
    """The type a body's name among a group's keys gives ("Azizi Group": an organisation),
    where no key is a person's full name: a firm's name and a lone family name are no
    person (no rule joins them to one, never_one.py), whatever "Azizi said" cues."""
    body = None
    for s in stats:
        if " " not in s.key:
            continue
        if _is_org(s):
            body = body or head_type(s.key, ORG_CUES)
        elif _person_cued(s):
            return None
    return body


def _fallen(keys: list[str], root: str, live: Mapping[str, KeyStats],
            anchors: dict[str, str], dictionaries: Dictionaries,
            faults: ClusterFaults | None, exc: Exception) -> list[Cluster]:
    """A group whose name or type a rule failed on: its dictionary entry's as the entry
    says, else each key its own actor (`_apart`); said once in `faults`."""
    used = [live[k] for k in keys if k in live]
    if not used:
        return []
    if faults is not None:
        top = max(used, key=attrgetter("mentions"))
        faults.group(_plain_name(top.key, top), exc)
    head = anchors.get(root)
    entry = dictionaries.entries.get(head) if head else None
    return [_entry_whole(entry, keys)] if entry is not None else _apart(keys, live)


def _given_person(stats: list[KeyStats], place: Callable[[str], bool]) -> bool:
    """Whether an actor its cues left `other` is a person's by its name (given_person.py):
    one of its keys a given name and a surname, and none of its keys cued otherwise."""
    # (The name first: most keys of no cue are one word, or start with no given name.)
    return any(given_and_surname(s.key, s.surfaces, s.articles, s.lower, ORG_CUES, place)
               for s in stats) and all(
        no_cue_against(s.org, s.location, s.mentions) and not place(s.key) for s in stats)


def _unspelt_place(short: str, best: str, dictionaries: Dictionaries) -> bool:
    """Whether an acronym's reading is a dictionary's place whose initials it does not
    spell: a company's symbol after a name cut before its place ("Lloyd's of London
    LOL.UL" made "LOL" London's, a Reuters financial corpus's place list), no name of the
    place (its own initials are: "NY", "UAE"; the dictionaries' acronyms are anchored)."""
    return initials(best) != short and _names_place(dictionaries, frozenset(), best)


def _names_place(dictionaries: Dictionaries, regions: frozenset[str], word: str) -> bool:
    """Whether a dictionary names a place, a country or a region by `word` ("georgia")."""
    if word in regions:
        return True
    head = dictionaries.alias.get(word)
    entry = dictionaries.entries.get(head) if head else None
    return entry is not None and entry.type in ("country", "location")


def _place_named(dictionaries: Dictionaries, live: Mapping[str, KeyStats]) -> Callable[[str], bool]:
    """Whether a key names a place: a dictionary's country or place (not its people's
    adjective: "Irish", "American"), a region, a large city (cities.txt), or a name the
    corpus puts as a place in half its mentions ("in St. Louis", datelines). Asked of the
    first words of names (place_clubs.py)."""
    places = people_regions()
    demonyms = dictionaries.demonym_keys

    def placed(key: str) -> bool:
        if key in places or (key not in demonyms and _names_place(dictionaries, frozenset(), key)):
            return True
        s = live.get(key)
        return s is not None and s.location >= 2 and s.location * 2 >= s.mentions
    return placed


def _region_a_place(kind: str, stats: Iterable[KeyStats]) -> bool:
    """Whether an actor that names a region (regions.py) is listed as the place: where its
    cues gave no kind, or a body's kind in under half its mentions or under twice its place
    cues (one "Texas radio host" of Texas's 19 mentions in a Wikinews corpus made the state
    a media outlet). Cues that say a body most of the time ("the Alberta Energy Regulator
    said") or a person named so ("Virginia said she": a given name) keep their kind; a
    region's name no one is given is no person's ("Florida reported 9,000 cases", "Florida
    said": the state's)."""
    if kind == "person":
        return not any(one.key.split(" ", 1)[0] in given_names() for one in stats)
    if kind in ("location", "country"):
        return False
    if kind == "other":
        return True
    said = mentions = placed = 0
    for one in stats:
        said += one.org.get(kind, 0)
        mentions += one.mentions
        placed += one.location
    # (A body's cues win only overwhelmingly: in half its mentions or more and twice its
    # place cues. "Bihar chief minister", "Bihar governor", "Bihar assembly" gave an Indian
    # state 92 body cues of 217 mentions beside 87 place cues: a state's offices name the
    # state, no body of that name.)
    return said * 2 < mentions or said < 2 * placed


def _by_signature(sigs: dict[str, tuple[str, ...]]
                  ) -> Iterator[tuple[tuple[str, ...], str]]:
    """Rule 1's (bucket, item): the keys by their transliteration signature."""
    return ((sig, key) for key, sig in sigs.items() if sig)


def _by_given_name(live: dict[str, KeyStats], sig_of: Callable[[str], tuple[str, ...]]
                   ) -> Iterator[tuple[tuple, tuple[str, str, int]]]:
    """Rule 3's (bucket, item): each key by its signature less one given name of five
    letters or more (a given name under five letters is never compared)."""
    for key, s in live.items():
        sig = sig_of(key)
        for i in range(len(sig) - 1):
            if len(sig[i]) >= 5:
                yield (len(sig), i, sig[:i] + sig[i + 1:]), (sig[i], key, s.mentions)


def _shared_buckets(pairs: Callable[[], Iterable[tuple[Hashable, _T]]]
                    ) -> dict[Hashable, list[_T]]:
    """The buckets of the (bucket, item) `pairs()` that may hold two items or more, each
    with its items, in the order a `defaultdict(list)` of all of them has them (a bucket
    of one item, a hash shared by chance, may be among them: the rules skip those). The
    pairs are walked twice, the first time for their buckets' hashes alone (8 bytes a
    pair): a bucket and its list for every key, nearly all of one item, were the
    clustering's peak at many distinct keys (rule 3's: 300 bytes a key)."""
    import numpy as np

    hashes = np.fromiter((hash(bucket) for bucket, _ in pairs()), dtype=np.int64)
    hashes.sort()
    again = set(hashes[1:][hashes[1:] == hashes[:-1]].tolist())
    del hashes
    buckets: dict[Hashable, list[_T]] = defaultdict(list)
    if again:
        for bucket, item in pairs():
            if hash(bucket) in again:
                buckets[bucket].append(item)
    return buckets


# Keys whose forms `_forms` works out at once: the words, their text and its lines of all
# of them at once were that clustering's peak (425,499 keys: 80 MB over the forms made).
FORMS_AT_ONCE = 1 << 14


def _forms(keys: list[str], memo: Kept | None) -> dict[str, tuple[str, ...]]:
    """Each key's transliteration form (its words'), those `memo` has not kept worked out,
    FORMS_AT_ONCE keys at a time (each form one string in all of them)."""
    known: dict[str, tuple[str, ...]] = {} if memo is None else memo.forms
    new = keys if memo is None else [key for key in keys if key not in known]
    one: dict[str, str] = {}
    for at in range(0, len(new), FORMS_AT_ONCE):
        part = new[at:at + FORMS_AT_ONCE]
        known.update(zip(part, translit_words(
            [(key,) if key.isalnum() else significant(key) for key in part], one),
            strict=True))
    del one, new
    # (Nothing kept: every key's worked out, in a dict of its own.)
    return known if memo is None else {key: known[key] for key in keys}


def _surname_cued(one: KeyStats) -> bool:
    """Whether a lone word's cues say a person's as much as a body's, where no kind has a
    third of its mentions: "Clinton" alone in articles that name no Clinton in full (two
    of the corpus's people bear it), 8 person cues against 5 body cues ("the Clinton
    campaign") of 70 mentions, had been typed an organisation."""
    if not one.person:
        return False
    bodies = sum(n for t, n in one.org.items() if t in _REAL_TYPES) if one.org else 0
    return bodies * 3 < one.mentions and one.person >= bodies


def _single(one: KeyStats, memo: Kept | None) -> tuple[str, str]:
    """The type and name of an actor of the one key `one` (no dictionary's), by its stats
    alone; from `memo` where it holds them for these stats."""
    kept = memo.singles.get(one.key) if memo is not None else None
    if kept is not None and kept[0] is one:
        return kept[1], kept[2]
    # (Most of them have no cue at all: then `_type` has only the usage to go by; of one
    # key's stats, it reads no acronym.)
    if one.org or one.person or one.location:
        kind = _type([one], set())
    else:
        kind = "person" if _by_surname(one) else "other"
    name = _single_name(one, kind)
    if memo is not None:
        memo.singles[one.key] = (one, kind, name)
    return kind, name


def _single_name(one: KeyStats, kind: str) -> str:
    surfaces = one.surfaces
    if len(surfaces) != 1:
        return _canonical([one], kind)
    name = next(iter(surfaces))
    return _own_s(name, [one], kind) if name.endswith(_S_ENDS) else name


_S_ENDS = ("'s", "’s")


def _own_s(name: str, stats: list[KeyStats], kind: str) -> str:
    """`name` with its "'s" where that is its own, else without: the extractor keeps an
    "'s" only where an article never writes the name without it and follows it with a verb
    of saying, which no possessive is ("Moody's said"; own_possessives.py); a name takes it
    where the corpus's articles kept it three times or more, however many wrote it
    otherwise ("Standard & Poor's 500" is no sign either way), unless it is a person's (a
    slip: "Blair's said")."""
    bare = name[:-2] if name.endswith(_S_ENDS) else name
    if kind != "person":
        for end in _S_ENDS:
            if sum(s.surfaces.get(bare + end, 0) for s in stats) >= 3:
                return bare + end
    return bare


def _of_international(key: str, groups: _Groups, dictionaries: Dictionaries) -> bool:
    """Whether a body's name starts with a name of an international organisation ("EC
    Commission", "UN Commission on Human Rights", "EU Council": the organisation's organ,
    international as it is, not a government's)."""
    first, _, rest = key.partition(" ")
    if not rest or first not in groups.parent:
        return False
    head = groups.anchor.get(groups.find(first))
    entry = dictionaries.entries.get(head) if head else None
    return entry is not None and entry.type == "international"


def _clean(surface: str) -> bool:
    """A full form fit to name an actor: no acronym, no shouting, no function word at either
    end ("JCPOA The", "The Tories")."""
    words = surface.split()
    if len(words) == 1:
        return not surface.replace(".", "").replace("&", "").isupper()
    return not surface.isupper() and words[0].lower() not in FUNCTION \
        and words[-1].lower() not in FUNCTION


# How many times more often a word must be written in capitals than as a word for its
# capitals to name it ("ABC" over "Abc"; "Reuters" over a dateline's "REUTERS" stays).
_WRITTEN_UPPER = 4


def _canonical(stats: list[KeyStats], kind: str) -> str:
    return _own_s(_canonical_form(stats, kind), stats, kind)


def _canonical_form(stats: list[KeyStats], kind: str) -> str:
    """The most frequent clean full form: for a person a name of more than one word (not a
    lone surname), else any clean form (not an acronym); of an organisation or a place (not
    a country), a longer form that ends with it and is used at least a quarter as often
    ("Popular Mobilization Forces" over "Mobilization Forces"). Without one, the most used
    surface."""
    if len(stats) == 1:  # most actors: one key, its surfaces read as they are
        surfaces = stats[0].surfaces
    else:
        surfaces = Counter()
        for s in stats:
            surfaces.update(s.surfaces)
    if len(surfaces) == 1:
        return next(iter(surfaces))
    clean = [(n, surface) for surface, n in surfaces.items() if _clean(surface)]
    clipped = _clipped_forms(tuple(surface for _, surface in clean))
    clean = [item for item in clean if item[1] not in clipped] or clean
    if kind == "person":
        clean = [item for item in clean if len(item[1].split()) > 1] or clean
        if len(clean) > 1:  # "Kim Kardashian West", not "Kardashian West": a surname
            clean = [item for item in clean if not _double_surname(item[1], clean)] or clean
        # A possessive without its apostrophe is no clean form ("Donald Trumps" 14 times
        # beside "Donald Trump" 10: bare_possessives.py joined them).
        if len(clean) > 1:
            clean = [item for item in clean if item[1][-1:] != "s"
                     or item[1][:-1] not in surfaces] or clean
        if len(clean) > 1:  # "Kim Il Sung", not "Kim Il Sungand" (glued_tails.py)
            forms = [surface for _, surface in clean]
            clean = [item for item in clean if not glued_form(item[1], forms)] or clean
    elif kind == "government":  # the country's name over a bare "Federal Government"
        clean = [item for item in clean if name_key(item[1]) != BARE] or clean
    elif kind == "location":  # "Tennessee" over "Tenn" (state_abbreviations.py)
        states = state_abbreviations()
        clean = [item for item in clean if name_key(item[1]) not in states] or clean
    if not clean:
        return surfaces.most_common(1)[0][0]
    count, best = max(clean, key=lambda item: (item[0], len(item[1])))
    if " " not in best and surfaces.get(best.upper(), 0) > _WRITTEN_UPPER * count:
        # An acronym written as a word only where a title is in sentence case ("Abc to
        # broadcast tests"): the text's "ABC", 286 times against 2 (stranger9).
        return best.upper()
    if kind == "person":  # "Hicham El Guerrouj", not "El Guerrouj" (particle_names.py)
        best = full_over_particle(best, clean)
    elif " " not in best and kind not in _NO_FULLER:
        # A body's lone word where a full form holding it is written, more than a legal
        # form: "J.P. Morgan and Co Inc" (11) over "Morgan" (46), "Cable and Wireless Plc"
        # over "Wireless"; "Microsoft Corp", "USAir Group" are no fuller names.
        best, count = _fuller(best, count, clean)
    if kind != "person" and " " not in best and name_key(best) in given_names():
        # A given name alone over the full name it was resolved from (given_alone.py) where
        # the cues typed the actor no person: "Selena Gomez", not "Selena".
        fuller = [(n, surface) for n, surface in clean
                  if surface.startswith(best + " ") and n * 4 >= count]
        if fuller:
            count, best = max(fuller)
    # Not of a country, whose names a dictionary gave: "Great Britain" is no fuller
    # "Britain" (of a place the corpus names, "New Brunswick" is the fuller "Brunswick");
    # nor of a person, whose longer forms are a post's words left on ("House Nancy
    # Pelosi", once in Wikinews, beside "Nancy Pelosi" four times).
    longer = [(n, surface) for n, surface in clean if len(surface) > len(best)
              and surface.lower().endswith(best.lower()) and n * 4 >= count
              ] if kind not in ("country", "person") else []
    # A body's name "of" its country: "Supreme Court of the United Kingdom" over the
    # article's bare "Supreme Court" (country_bodies.py gave the bare one its key).
    if not longer and kind in ("government", "party"):
        longer = [(n, surface) for n, surface in clean
                  if surface.startswith(best + " of ") and n * 4 >= count]
    # "Moody's said": the owner of a possessive company name is named by that name.
    # ("Moody's" itself where its articles never write "Moody")
    stem = best[:-2] if best.endswith(_S_ENDS) else best
    owned = [(n, surface) for n, surface in clean
             if surface.startswith((stem + "'s ", stem + "’s ")) and _company_name(surface)]
    return max(longer)[1] if longer else max(owned)[1] if owned else best


def _double_surname(surface: str, clean: list[tuple[int, str]]) -> bool:
    """Whether a person's form of several words, its first no given name, is the end of
    another form after a given name: a double or married surname alone ("Kardashian West"
    of "Kim Kardashian West"), as a lone surname is (not "Nancy Pelosi" after a title's
    stray word, "House Nancy Pelosi")."""
    first = surface.split(" ", 1)[0]
    if name_key(first) in given_names():
        return False
    tail = " " + surface
    return any(other.endswith(tail) and name_key(other.split(" ", 1)[0]) in given_names()
               and other.count(" ") == surface.count(" ") + 1 for _, other in clean)


# Kinds whose lone word is not replaced by a fuller form holding it: a country's names are
# the dictionary's, a person's surname is handled above, a place's "New Brunswick" below.
_NO_FULLER = frozenset(("person", "country", "location"))
# Words that make no fuller name of a firm's: "Dixons Group PLC" is "Dixons".
_FIRM_FORMS = _LEGAL_SUFFIXES | _GROUP_SUFFIXES
# A full form is taken over the lone word where used at least this share of its times (1/10).
_FULLER_SHARE = 10


def _fuller(best: str, count: int, clean: list[tuple[int, str]]) -> tuple[str, int]:
    """The most used clean form of several words that holds the lone word `best` (used
    `count` times) and a word more than a firm's legal form, where used a tenth as often."""
    found = (0, "")
    for n, surface in clean:
        if n * _FULLER_SHARE >= count and n > found[0] and " " in surface:
            words = surface.split()
            if best in words and any(w.lower().rstrip(".") not in _FIRM_FORMS
                                     for w in words if w != best):
                found = (n, surface)
    return (found[1], found[0]) if found[0] else (best, count)


def _clipped_forms(surfaces: tuple[str, ...]) -> frozenset[str]:
    """The surfaces that are clipped forms of another ("Lib Dems" of "Liberal Democrats")."""
    # (Those of many forms kept: a patch's rounds ask it of the same large actors again, a
    # country's hundreds of forms compared pairwise.)
    return _many_clipped_forms(surfaces) if len(surfaces) >= 16 else \
        _clipped_forms_of(surfaces)


def _clipped_forms_of(surfaces: tuple[str, ...]) -> frozenset[str]:
    # (Only names of two words or more have clipped forms, or are the full ones.)
    words = {s: lowered for s in surfaces
             if len(lowered := [w.lower() for w in s.split()]) > 1}
    if len(words) < 2:
        return frozenset()
    return frozenset(s for s, short in words.items() for t, full in words.items()
                     if s != t and len(short) == len(full) and len(short) > 1
                     and all(f.startswith(singular(w)) and len(f) > len(w)
                             for w, f in zip(short, full, strict=True)))


_many_clipped_forms = lru_cache(maxsize=1 << 12)(_clipped_forms_of)


def _kind_cued(s: KeyStats) -> bool:
    """Whether a key has a cue of a kind (a body's, a place's...), not only "the", a
    pronoun or a modifier's place: a full name's weak cues leave its acronym's to speak
    ("Rashtriya Janata Dal" once after "the", its RJD 50 times a party's)."""
    return any(kind in _REAL_TYPES for kind in s.org)


# A party's cues ("RJD MLAs", "Labour MPs", "party workers") against the plain body's ("RJD
# chief", "RJD and the BJP"): the party where they are at least half as many.
_PARTY_SHARE = 2


def _party_over_body(best: str, org: dict[str, int]) -> str:
    """A party for a body whose party cues are at least half its plain body cues: a
    party's chief, delegation and leaders are any body's cues too, its members' titles
    are a party's only."""
    if best == "organisation" and org.get("party", 0) * _PARTY_SHARE >= org[best]:
        return "party"
    return best


def _person_of(s: KeyStats) -> int:
    """A key's person cues; none of a name with a possessive inside it ("National People's
    Power said": a party's, possessive_acronyms.py), which no person's name has."""
    if not s.person or not any("s " in surface and ("’s " in surface or "'s " in surface)
                               for surface in s.surfaces):
        return s.person
    return 0


def _type(stats: list[KeyStats], acronym: set[str]) -> str:
    """By the cues of the full names when they have any: an acronym's never outvote them."""
    # A plain dict in Counter's order: max() takes the first of equals, as most_common does.
    org: dict[str, int]
    if len(stats) == 1:  # most actors: one key, whose cues are its own, acronym or not
        one = stats[0]
        mentions = one.mentions or 1
        org = {t: n for t, n in one.org.items() if t in _REAL_TYPES} if one.org else {}
        thing, person, location = one.org.get("thing", 0), _person_of(one), one.location
        firm = one.org.get(FIRM, 0) if one.org else 0
    else:
        full = [s for s in stats if s.key not in acronym]
        if any(_person_of(s) or s.location or _kind_cued(s) for s in full):
            stats = full
        mentions = sum(s.mentions for s in stats) or 1
        org = {}
        firm = 0
        for s in stats:
            for t, n in s.org.items():
                if t in _REAL_TYPES:
                    org[t] = org.get(t, 0) + n
                elif t == FIRM:
                    firm += n
        thing = sum(s.org.get("thing", 0) for s in stats)
        person = sum(_person_of(s) for s in stats)
        location = sum(s.location for s in stats)
    # "X candidates", "X voters": a party's only where a body's cue says X is a body
    # (an exam's candidates, a place's or a people's voters: electorate.py)
    org = with_electorate(org, electorate_of([s.org for s in stats]))
    firm_won = False
    if firm and firm_outvotes(firm, person, sum(s.org.get(PERSONAL, 0) for s in stats)):
        org["organisation"] = org.get("organisation", 0) + firm  # "Piper Jaffray and Co"
        firm_won = True
    if org and sum(org.values()) * 3 >= mentions:
        best = max(org, key=org.__getitem__)
        if best == "location" and team_outvotes(org.get(TEAM, 0), mentions):
            return TEAM  # "Varnel City striker": a place's head noun, a team's cues (teams.py)
        return _party_over_body(best, org)
    if firm_won and person and max(org, key=org.__getitem__) == "organisation" \
            and org["organisation"] >= location:
        # A firm's cues outvote its person cues ("Smith Barney said", 6 times, against
        # "Smith Barney analyst" 7 and a body's cues 7, of 62 mentions): no share of the
        # mentions is asked of them, as "said" is a firm's as often as a person's. (Not
        # a place's: "Detroit", once "Detroit analyst", ten times "in Detroit".)
        return "organisation"
    if person and person >= location and person >= thing:
        if body_outvotes(sum(org.values()) + (0 if firm_won else firm)
                         + sum(s.org.get(NEUTER, 0) for s in stats), person,
                         sum(s.org.get(PERSONAL, 0) for s in stats),
                         any(s.key.lstrip("^").split(" ", 1)[0] in given_names()
                             for s in stats)):
            # "Morgan Stanley said" 24 times, "Morgan Stanley shares", "analyst at Morgan
            # Stanley" 78 (firm_cues.body_outvotes)
            return _party_over_body(max(org, key=org.__getitem__), org) if org \
                else "organisation"
        return "person"
    if location and not org and not person and location * 2 < mentions \
            and thing * 2 < mentions \
            and any(len(s.surfaces) > 1 and _by_surname(s, _SURNAME_SHARE) for s in stats):
        # "Saddam Hussein ... towards Saddam Hussein ... Hussein": a place is not called by
        # its last word alone; its place cues ("to", "towards") are a person's as well.
        # (Not a name mostly after "the": "the Catholic Church ... the Church", 55 of 80,
        # a body's usage; it was typed person.)
        return "person"
    if location * 4 >= mentions:
        return "location"
    if org and person and person + sum(s.org.get(PERSONAL, 0) for s in stats) \
            >= 3 * sum(org.values()) and any(
            len(significant(s.key)) in (2, 3) and _person_cued(s) for s in stats):
        # Stray body cues, a third of the person cues and "he"s of a full name's actor or
        # fewer ("Trump voters" among Donald Trump's 500 mentions), type no body.
        return "person"
    if org:
        # A stray cue ("according to the Hollywood reporter" once) against a place's many
        # ("in Hollywood"), where "the" does not say it is a body's ("the Treasury", and
        # "in Treasury bonds"): the place's.
        if location >= _STRAY * sum(org.values()) and location * 8 >= mentions \
                and location >= thing:
            return "location"
        # (Not a name mostly after "the": "the Solomon Star newspaper", 104 of 193, is no
        # one, though "Solomon" is a given name; stranger9.)
        if thing * 2 < mentions and person_over_org(
                person, sum(s.org.get(PERSONAL, 0) for s in stats),
                sum(org.values()), any(len(significant(s.key)) in (2, 3)
                                       and not s.key.isupper() for s in stats)):
            return "person"  # "Jennifer Aniston ... she", one stray "media" (person_votes.py)
        # (A party's cues count here as above: "APC chairman" 10 times, "APC candidate"
        # 8, of 140 mentions mostly "APC supporters", is the party beside the PDP.)
        return _party_over_body(max(org, key=org.__getitem__), org)
    if location >= _PLACE_CUES and location * 8 >= mentions and location >= _STRAY * person \
            and location > _PLACES_OVER_IT * sum(s.org.get(NEUTER, 0) for s in stats) \
            and location >= thing and not _capitals_written(stats):
        # Nothing but place cues speak, a stray "he" aside: "on Malekula", "in West Papua"
        # (an island's or a region's name has no cue word; stranger9). As the pronoun rule
        # below, with a person's cue in place of an "it". Not a name written in capitals:
        # a body's acronym ("shares in UNELCO", "from UNELCO"), not a place's name.
        return "location"
    # (No organisation's cue here: a person's outweighs "the" and pronouns, "the Dana Roe
    # biopic ... it": a full name's weak cues are often another's; not a name mostly after
    # "the", "the Pacific Islands Forum" 34 of 49 times, two stray "said"s: stranger9.)
    if person and thing * 2 < mentions and any(
            len(significant(s.key)) in (2, 3) and not s.key.isupper() for s in stats):
        return "person"
    # (A place's cues here are under a quarter of the mentions: stray, "to McGrath", "from
    # Peter Dutton", said of people as well; they do not outvote the usage of a name that
    # opens with a given name. "Google Assistant ... Assistant" is no one's.)
    if not (org or person or thing) and (not location or any(
            s.key.split(" ", 1)[0] in given_names() for s in stats)) \
            and any(_by_surname(s) for s in stats):
        return "person"  # "Bashar al-Assad ... backing Assad as he": no cue but the usage
    if not (org or person or location) and any(_by_surname(s, _SURNAME_SHARE) for s in stats):
        return "person"  # "the Dana Roe film", "Roe said": a person the text calls so
    if not (org or person) and (thing + location) * _STRAY_SHARE < mentions \
            and any(_by_surname(s, _SURNAME_SHARE, family_first=True) for s in stats):
        # As above where a few stray "the"s and places are all the cues there are: KCNA's
        # "Yoon Suk Yeol", 306 mentions, 178 as "Yoon" (a family name first, as East Asian
        # names write it), never "said" (5 "the", 1 "in").
        return "person"
    by_pronoun = _by_pronoun(stats)
    if not by_pronoun and person_by_pronouns(
            person, sum(s.org.get(PERSONAL, 0) for s in stats),
            sum(s.org.get(NEUTER, 0) for s in stats)):
        return "person"  # "Beyonce said", "she" twelve times (person_votes.py)
    if by_pronoun:
        neuter = sum(s.org.get(NEUTER, 0) for s in stats)
        if sum(s.org.get(PLACE_PART, 0) for s in stats) >= _PLACE_PARTS \
                and location > 2 * neuter:
            return "location"  # "London's X" twice, "in the X", against one "X ... it"
        if location > _PLACES_OVER_IT * neuter and location >= _PLACE_CUES \
                and location * 8 >= mentions:
            return "location"  # "in X" seven times, "X ... it" twice: a place's "it"s
    return by_pronoun or "other"


def _capitals_written(stats: list[KeyStats]) -> bool:
    """Whether half a name's mentions or more are written in capitals ("UNELCO")."""
    return any(n * 2 >= s.mentions and surface.isupper()
               for s in stats for surface, n in s.surfaces.items())


# A name's place cues outvote its "it"s where nothing else speaks when they are more than
# this many times as many (an "it" after a name is often another's: "in Quebec ... it said").
_PLACES_OVER_IT = 3
_PLACE_CUES = 5  # and at least so many


# Mentions as a place's part ("London's X") that let place cues outvote an "it" where
# nothing else speaks (with twice as many place cues as "it"s).
_PLACE_PARTS = 2


# How many times a type's cues a place's must be to outvote them, where neither has a
# share of the mentions of its own (a third, a quarter).
_STRAY = 5


def _by_pronoun(stats: list[KeyStats]) -> str | None:
    """Where no other cue speaks, the pronouns its sentences take it up with: "Sony said it
    would" more often than "he" or "she" makes a body (an organisation, the commonest kind
    with no cue word). The personal pronouns only outvote: a "he" after a name is as often
    another's ("the Italian Treasury ... he said")."""
    neuter = sum(s.org.get(NEUTER, 0) for s in stats)
    personal = sum(s.org.get(PERSONAL, 0) for s in stats)
    return "organisation" if neuter > personal else None


# Cues no more than one mention in so many: stray, a name's usage outweighs them.
_STRAY_SHARE = 20


# The share of a name's mentions by its last word alone that makes it a person's over the
# weak cues ("the", a pronoun) its other mentions have: "the Dana Roe film", "Roe said".
_SURNAME_SHARE = 0.2


def _by_surname_of(stats: list[KeyStats], share: float = 0.0) -> bool:
    """`_by_surname` of one of `stats`, or of them all read as one where the last word
    alone is another key's: a sentence's first "Woods" keeps a key of its own
    (extract.SENTENCE_FIRST), not among the live keys the cues are read from, beside "Tiger
    Woods" (AG News sport: 3 of 23 mentions alone mid-sentence, 5 more first in a sentence:
    typed other)."""
    if any(_by_surname(s, share) for s in stats):
        return True
    # (Some mid-sentence use of the word alone, as a person's surname has: a sentence's
    # first "Ocean" or "Mondays" is no one's surname.)
    if len(stats) < 2 or not any(s.key[0] == SENTENCE_FIRST for s in stats) \
            or not any(_by_surname(s) for s in stats):
        return False
    whole = max((s for s in stats if s.key[0] != SENTENCE_FIRST),
                key=attrgetter("mentions"), default=None)
    if whole is None or whole.lower or whole.org.get("thing", 0) * 5 >= whole.mentions:
        return False  # (a first word written in lower case, a fifth of the mentions after
        # "the": "the House Ways", no one's name)
    joined: Counter[str] = Counter()
    for s in stats:
        for surface, n in s.surfaces.items():
            joined[surface] += n
    return _by_surname(KeyStats(whole.key, joined), share)


def _by_surname(s: KeyStats, share: float = 0.0, family_first: bool = False) -> bool:
    """A name of two or three words its articles also call by its last word alone (the
    extractor gave that word the full name's key), in more than `share` of its mentions: a
    person's habit, not an organisation's."""
    if len(s.surfaces) < 2:  # most keys: one spelling, never both a whole name and a word
        return False
    words = significant(s.key)
    if len(words) not in (2, 3) or s.key.isupper():
        return False
    last = s.key.split()[-1]
    # (`family_first`: the first word alone counts too, "Yoon" of "Yoon Suk Yeol".)
    first = s.key.split(" ", 1)[0] if family_first else last
    alone, spaced = 0, False  # (one loop, no generators: asked of most one-key actors)
    for surface, n in s.surfaces.items():
        if " " in surface:
            spaced = True
        elif (word := name_key(surface)) == last or word == first:
            alone += n
    return alone > share * sum(s.surfaces.values()) and alone > 0 and spaced
