"""A city's name standing for the team an article names in full: "the Boston Celtics" once,
then "Boston coach Doc Rivers", "Boston's players", "over Boston, 88-83". The article's
resolution of lone names (`Extractor._resolve_in_article`) gives most lone "Boston"s the
full name's key, as it gives a lone surname the person's; a mention a cue word typed (a
team's officer after it: "Boston coach", "Boston fans") kept its own key, and so counted
for an entry "Boston" that mixes the city and every club named after it. Where the article
has resolved the same written name to exactly one longer name, its other mentions typed an
organisation's by such a cue take that name too ("in Boston" stays the city's)."""

from __future__ import annotations

from collections.abc import Sequence

_TEAM = "organisation"  # the type a team's cue gives ("Boston coach": teams.py, KIND_BEFORE)


def resolve_lone_teams(found: Sequence) -> None:
    """Give (in place) a mention typed an organisation's by a cue the longer key its
    article resolves its written name to elsewhere, where that key is one and the mention
    has no place's or person's cue."""
    longer: dict[str, str | None] = {}
    for m in found:
        surface = m.surface
        if m.key != _plain(surface) and " " not in surface and m.key.startswith(
                _plain(surface) + " "):
            known = longer.get(surface, m.key)
            longer[surface] = m.key if known == m.key else None
    if not longer:
        return
    for m in found:
        to = longer.get(m.surface)
        if to and m.org_type == _TEAM and m.key == _plain(m.surface) and not m.location_cue \
                and not m.person_cue and not m.in_title:
            m.key = to


def _plain(surface: str) -> str:
    """A one-word surface's own key ("Boston's" -> "boston")."""
    word = surface.lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word
