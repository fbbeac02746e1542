"""Clubs and sides named by a place: "Manchester City", "Bristol City", "Varnel Town". Their
last word is a place's head noun (extract.ORG_CUES: "city", "town"), which types every
mention of them as a place's; the words around them say a team: an apposition before ("rival
club X", "the side X") or a team's member or officer after ("X striker", "X fans", "X boss").
The extractor takes that cue over the head noun's (`team_cue`); the cluster step lets such
cues in a fifth of the mentions outvote the head noun (cluster._type), which says nothing
new at each mention. Things a place has as well as a team ("London shares", "Tokyo
workers", "the Downing Street spokesman") are no cue here."""

from __future__ import annotations

import re
from collections.abc import Iterable

TEAM = "organisation"
_APPOSITIVES = frozenset(("club", "clubs", "side", "sides", "team", "outfit"))
MEMBERS = frozenset((
    "striker", "strikers", "midfielder", "midfielders", "defender", "defenders", "goalkeeper",
    "winger", "wingers", "squad", "fans", "supporters", "boss", "coach", "manager", "captain",
    "skipper", "keeper", "flanker", "fly-half", "scrum-half", "full-back"))
# Positions and people of a side more (act24m, a sports desk's corpus: "Juventus forward",
# "Real Madrid left-back", "Ajax team-mates", "the Crystal Palace side"); none of them is a
# place's, a firm's or a person's ("Hollywood star", "Trump fans": not here).
POSITIONS = frozenset((
    "forward", "forwards", "midfielders", "goalkeepers", "left-back", "right-back",
    "centre-back", "centre-half", "wing-back", "team-mate", "team-mates", "teammate",
    "teammates", "loanee", "academy", "youngsters", "outfit", "side"))
MEMBERS = MEMBERS | POSITIONS
# A team takes a plural verb in British sports copy ("Juventus have", "City are", "Crystal
# Palace were"), where a place, a person or a firm of one name takes a singular one.
PLURAL_VERBS = frozenset(("have", "are", "were"))
_NEXT_WORD = re.compile(r" ([a-z][a-z-]*)")
# Words before a place-worded name that say a side it plays ("against Crystal Palace",
# "beat Leicester City", "Liverpool v Manchester City"): no place is beaten or played.
_OPPONENTS = frozenset(("against", "beat", "beating", "v", "vs", "versus"))
# Words before "from" or "to" and a name that say a club a player comes from or goes to
# ("signed from Ajax", "joined from Roma", "a loan to Marseille"), where "from" and "to" are
# a place's cues elsewhere; "a loan spell at Roma". (Not "moved", "arrived", "returned": a
# place's as often.)
TRANSFERS = {"from": frozenset(("signed", "joined", "joining", "signing", "loan", "transfer",
                                "switch", "deal", "bid")),
             "to": frozenset(("loan", "loaned", "switch")),
             "at": frozenset(("loan", "on-loan", "spell"))}


def transfer_cue(previous: str, before: str) -> bool:
    """Whether `previous` ("from", "to") after the word `before` says a club's name."""
    words = TRANSFERS.get(previous)
    return words is not None and before.lower().strip(",") in words


# Words before a name that make it no subject of the verb after it: a joined name's ("Silva
# and Chilwell are": both people's verb) and a preposition's object's ("protesters in Iraq
# have": the protesters').
_NO_SUBJECT = frozenset(("and", "&", "or", "nor", "in", "at", "from", "to", "of", "for", "with",
                         "by", "on", "into", "near", "over", "against", "than"))


# English plurals with no "s" that start a sentence in capitals.
_PLURALS_WITHOUT_S = frozenset(("people", "police", "children", "men", "women", "staff",
                                "folk", "cattle", "media", "data", "clergy", "youth"))


def plural_verb(surface: str, noun: str, previous: str = "") -> bool:
    """Whether `noun`, the word after a name written `surface` (the word `previous` before
    it), is a plural verb said of a name that is no plural itself ("Juventus have",
    "Barcelona are"; not "Americans are", "Spurs have": a plural's verb says nothing of a
    team)."""
    if noun not in PLURAL_VERBS or previous in _NO_SUBJECT:
        return False
    if surface.lower() in _PLURALS_WITHOUT_S:
        return False  # "People have", "Police are": a plural noun
    last = surface.rsplit(" ", 1)[-1]
    return not last.endswith("s") or last.endswith(("us", "ss"))

# The share of a name's mentions with a team's cue that outvotes its place's head noun.
# (A fifth left "Manchester City", 30 team cues of 167 mentions beside 31 place cues in a
# sports desk's 550 articles, a place: a team's cues are its people and doings, which no
# town has, where "in", "at" and "to" are said of a club as well.)
TEAM_SHARE = 0.15


def team_cue(previous: str, text: str, end: int) -> str | None:
    """`TEAM` if the word before a place-worded name ending at `end` is a team's apposition
    or the word after it a team's member or officer, else None."""
    if previous in _APPOSITIVES or previous in _OPPONENTS:
        return TEAM
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return None
    noun = following.group(1)
    return TEAM if noun in MEMBERS or plural_verb(text[:end].rsplit(" ", 1)[-1], noun, previous) \
        else None


def team_outvotes(team: int, mentions: int) -> bool:
    """Whether `team` cues of a place-worded name's `mentions` make it a team."""
    return team >= 2 and team >= TEAM_SHARE * mentions


def club_over_place(stats: Iterable) -> bool:
    """Whether a dictionary's place ("Barcelona", "Milan") is the club named after it in
    this corpus: its body's cues (a team's people after it, its plural verbs: `team_cue`)
    at least as many as its place cues ("in Barcelona") and in a third of its mentions, as
    a body's cues type any name (cluster._type). Where the corpus uses the town as a place
    the place cues outvote them ("Madrid": "in Madrid" beside "Real Madrid" and "Atletico
    Madrid" written in full), and so in political and business news."""
    team = placed = mentions = 0
    for one in stats:
        team += one.org.get(TEAM, 0)
        placed += one.location + one.org.get("location", 0)
        mentions += one.mentions
    return team >= 2 and team >= placed and team * 3 >= mentions
