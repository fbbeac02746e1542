"""A city's name standing for the team an article names in full: "the Boston Celtics" once,
then "Boston coach Doc Rivers", "Boston's players", "over Boston, 88-83". The article's
resolution of lone names (`Extractor._resolve_in_article`) gives most lone "Boston"s the
full name's key, as it gives a lone surname the person's; a mention a cue word typed (a
team's officer after it: "Boston coach", "Boston fans") kept its own key, and so counted
for an entry "Boston" that mixes the city and every club named after it. Where the article
has resolved the same written name to exactly one longer name, its other mentions typed an
organisation's with a team's member or officer after them take that name too ("in Boston"
stays the city's; a company's "Honeywell shares" stays the parent's, not its "Honeywell
Bull" unit's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter

from newsdesk.index.actors.teams import MEMBERS as TEAM_MEMBERS

_ORG_TYPE = attrgetter("org_type")
_TEAM = "organisation"  # the type a team's cue gives ("Boston coach": teams.py, KIND_BEFORE)


def resolve_lone_teams(found: Sequence, text: str) -> None:
    """Give (in place) a mention typed an organisation's by a cue the longer key its
    article resolves its written name to elsewhere, where that key is one and the mention
    has no place's or person's cue."""
    # (Most articles have no one-word mention a team's cue typed: nothing looked at.)
    if _TEAM not in map(_ORG_TYPE, found):
        return
    cued = {m.surface for m in found if m.org_type == _TEAM and " " not in m.surface
            and _team_word_after(text, m.end)}
    if not cued:
        return
    longer: dict[str, str | None] = {}
    for m in found:
        surface = m.surface
        if surface in cued and m.key != (own := _plain(surface)) \
                and m.key.startswith(own + " "):
            known = longer.get(surface, m.key)
            longer[surface] = m.key if known == m.key else None
    if not any(longer.values()):
        return
    for m in found:
        to = longer.get(m.surface)
        if to and m.org_type == _TEAM and m.key == _plain(m.surface) and not m.location_cue \
                and not m.person_cue and not m.in_title and _team_word_after(text, m.end):
            m.key = to


# A team's member or officer after its name ("Boston coach", "Boston's players"): the
# words teams.py reads, and a few of other sports. (Not a company's "shares", "unit".)
_TEAM_WORDS = TEAM_MEMBERS | frozenset((
    "players", "player", "gm", "guard", "guards", "forward", "forwards", "pitcher", "pitchers",
    "quarterback", "fan", "coaches", "roster", "lineup", "bench", "rookie", "starter"))
_NEXT = re.compile(r"(?:'s|’s)? ([a-z]+)")


def _team_word_after(text: str, end: int) -> bool:
    after = _NEXT.match(text, end)
    return after is not None and after.group(1) in _TEAM_WORDS


def _plain(surface: str) -> str:
    """A one-word surface's own key ("Boston's" -> "boston")."""
    word = surface.lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word
