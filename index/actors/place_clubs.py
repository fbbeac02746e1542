"""Clubs named by a place and a nickname: "Boston Red Sox", "New York Yankees", "Houston
Astros", "Atlanta Braves"; and the nickname alone, "the Red Sox", "the Yankees". Sports
news writes the full name once and the nickname after it, so the two were two actors
(AG News sport: "Boston Red Sox" 34 articles and "Red Sox" 33), and the full name, whose
words carry no body's head noun and whose mentions rarely have a cue, was typed "other".

Two rules, both generic English, no corpus's teams:

- a name that is a place's name and then a plural ("Houston Astros", "Japan Airlines",
  "Texas Instruments") is a body's, an organisation, where its cues gave it no type at
  all; a place's own plural ("Florida Keys", "Niagara Falls") is left out;
- the rest of such a name after its place ("Red Sox" of "Boston Red Sox") joins it where
  the corpus writes exactly one place's name before it and the rest is a nickname: a
  plural, or a name its cues type a body's; not a body's or a place's name by its head
  noun ("Supreme Court" of "Texas Supreme Court" is another court: cluster._placed_prefix;
  "Court of Appeals"), nor a dictionary's, nor a surname of the corpus's people ("Victoria
  Beckham" beside "David Beckham ... Beckham"). A place here is named, not an adjective
  ("Irish Lions", "British Telecom": a demonym leads many bodies)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable

from newsdesk.index.actors.extract import ORG_CUES
from newsdesk.index.actors.not_actors import head_noun


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A place's own plurals: a name ending in one is a place, not a club ("Florida Keys",
# "Colorado Springs", "Cook Islands", "Golan Heights"); and numbers' ("Iraq Billions", a
# spun headline's words).
GEOGRAPHIC_PLURALS = _words("""
islands isles keys falls springs heights hills lakes mountains plains rapids woods gardens
highlands lowlands sands waters fields downs dales cliffs flats shores banks glades valleys
territories provinces states regions districts counties
""") | _words("hundreds thousands millions billions trillions dozens")  # ("Iraq Billions")
# The most words a place's name before a nickname has ("new york", "salt lake city").
_PLACE_WORDS = 3


def place_tail(key: str, is_place: Callable[[str], bool]) -> str | None:
    """The rest of `key` after its longest leading place name ("red sox" of "boston red
    sox"), or None when no place's name starts it or nothing is left after it."""
    words = key.split(" ")
    for n in range(min(_PLACE_WORDS, len(words) - 1), 0, -1):
        if is_place(" ".join(words[:n])):
            return " ".join(words[n:])
    return None


def _plural(word: str) -> bool:
    """Whether a word is an English plural by its ending ("astros", "yankees", "sox" is
    not: the Sox are told by their nickname alone, the second rule)."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def club_named(keys: Iterable[str], is_place: Callable[[str], bool],
               surnames: Callable[[], Collection[str]] = frozenset) -> bool:
    """Whether an actor holding `keys` is named by a place and a plural ("houston
    astros"), or holds both a place-led name and its rest ("boston red sox", "red sox").
    Not where that rest is a surname of the corpus's people (`surnames()`, asked only
    then): "Dallas Adams" is a person's name."""
    keys = list(keys)
    held = set(keys)
    for key in keys:
        if " " not in key:
            continue
        tail = place_tail(key, is_place)
        if tail is None or (" " not in tail and tail in surnames()):
            continue
        last = tail.rsplit(" ", 1)[-1]
        if last in GEOGRAPHIC_PLURALS:
            continue
        if _plural(last) or tail in held:
            return True
    return False


def club_over_person(keys: Iterable[str], is_place: Callable[[str], bool],
                     given: frozenset[str]) -> bool:
    """Whether an actor its cues typed a person's is a club all the same: it holds a
    place's name and a plural ("detroit tigers") and that plural alone ("tigers"), whose
    "they" and "their" read as a person's cues. Not where the place's name is a given name
    as well ("Victoria Adams", "Adams": a person's surname ends in "s" too), nor where the
    plural is a name the actor holds without its "s" (a possessive: "Bashar Assads")."""
    keys = list(keys)
    held = set(keys)
    for key in keys:
        tail = place_tail(key, is_place) if " " in key else None
        if tail is None or tail not in held or key[:-len(tail) - 1] in given:
            continue
        last = tail.rsplit(" ", 1)[-1]
        # (Not a possessive written without its apostrophe, whose owner the actor holds:
        # "Russia Bashar Assads" typed an outside tester's Bashar al-Assad a club.)
        if _plural(last) and last not in GEOGRAPHIC_PLURALS and tail[:-1] not in held:
            return True
    return False


def nickname(tail: str, typed_body: bool) -> bool:
    """Whether the rest of a place-led name may be a club's nickname alone: a plural
    ("yankees") or a name of two words its own cues type a body's ("red sox": "Red Sox
    pitcher"); not a body's or a place's name by its head noun ("court of appeals",
    "islands")."""
    last = tail.rsplit(" ", 1)[-1]
    if last in GEOGRAPHIC_PLURALS or head_noun(tail) in ORG_CUES:
        return False
    # (One word that is no plural is a common word's or a firm's name as well: "Opera" of
    # "Turin Opera", "Sport" of "UK Sport".)
    return _plural(last) or (typed_body and " " in tail)


# The fewest mentions of the place-led name, a share of its rest's, for the rest to join
# it: the full name is written where the nickname is ("Boston Red Sox" 35 times beside
# "Red Sox" 38 in AG News sport); a rest written far more often is another's as well
# ("Blues", Chelsea's, beside two "Cardiff Blues" in BBC sport).
_FULL_SHARE = 1 / 3


def join_place_clubs(keys: Iterable[str], mentions: Callable[[str], int],
                     is_place: Callable[[str], bool], joins: Callable[[str], bool],
                     surnames: Collection[str], union: Callable[[str, str], None]) -> None:
    """Join each name that is the rest of exactly one place-led name to it ("red sox" to
    "boston red sox"). `keys`: the corpus's live keys; `joins`: whether a rest may join
    (no dictionary's name, a `nickname`); a surname of the corpus's people joins no one
    ("Victoria Beckham" beside "David Beckham ... Beckham")."""
    keys = list(keys)
    live = set(keys)
    owners: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        if " " not in key:
            continue
        tail = place_tail(key, is_place)
        if tail is not None and tail in live:
            owners[tail].append(key)
    for tail, longer in owners.items():
        if len(longer) == 1 and tail not in surnames and not is_place(tail) \
                and mentions(longer[0]) >= _FULL_SHARE * mentions(tail) and joins(tail):
            union(longer[0], tail)
