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

TEAM = "organisation"
_APPOSITIVES = frozenset(("club", "clubs", "side", "sides", "team", "outfit"))
MEMBERS = frozenset((
    "striker", "strikers", "midfielder", "midfielders", "defender", "defenders", "goalkeeper",
    "winger", "wingers", "squad", "fans", "supporters", "boss", "coach", "manager", "captain",
    "skipper", "keeper", "flanker", "fly-half", "scrum-half", "full-back"))
_NEXT_WORD = re.compile(r" ([a-z][a-z-]*)")

# The share of a name's mentions with a team's cue that outvotes its place's head noun.
TEAM_SHARE = 0.2


def team_cue(previous: str, text: str, end: int) -> str | None:
    """`TEAM` if the word before a place-worded name ending at `end` is a team's apposition
    or the word after it a team's member or officer, else None."""
    if previous in _APPOSITIVES:
        return TEAM
    following = _NEXT_WORD.match(text, end)
    return TEAM if following and following.group(1) in MEMBERS else None


def team_outvotes(team: int, mentions: int) -> bool:
    """Whether `team` cues of a place-worded name's `mentions` make it a team."""
    return team >= 2 and team >= TEAM_SHARE * mentions
