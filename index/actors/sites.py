"""A body's site and a body named by the city it sits in, resolved within one article.

- A facility's noun after a body's name names the body's site, and the body acts for it:
  "the Baghdad Embassy Compound", "the Pentagon Building", "the UN Compound" are mentions of
  the embassy, the Pentagon, the UN. Only after a body's name (its last word a body's head
  noun, "Embassy", "Ministry", or a dictionary's name that is no place): "Olympic Complex"
  and "Barbican Complex" stay names of their own.
- "<City> <Body>" ("the Baghdad Embassy") is the "<X> <Body> in <City>" the same article
  names ("the U.S. Embassy in Baghdad"), when it names exactly one: an embassy, a consulate
  or an office is the city's only as one country's or one company's. With two ("the U.S.
  Embassy in Baghdad", "the Iranian Embassy in Baghdad") it stays as written.

The first is read from a name's words (`site_body`, extract._name_facts), the second per
article on the extractor's mentions (`resolve_sites`, extract.Extractor.extract): both
change keys only, so the clustering sees one body, and no clustering rule (nor reach.py
link) is needed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsdesk.index.actors.names import name_key

if TYPE_CHECKING:
    from newsdesk.index.actors.records import Mention

FACILITY_NOUNS = frozenset(("compound", "compounds", "complex", "grounds", "premises",
                            "headquarters", "building", "buildings", "campus", "site"))
# Body types whose head noun may be followed by a facility noun (not a place's: "Park Site").
_BODY_TYPES = frozenset(("government", "military", "organisation", "international",
                         "media", "party"))
# "<Body> [facility] in <City>": the city after the body's name.
_IN_CITY = re.compile(r"(?:\s+(?:" + "|".join(sorted(FACILITY_NOUNS)) + r"))?\s+in\s+"
                      r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})")


def resolve_sites(found: list[Mention], text: str, title: str, org_cues: dict[str, str],
                  places: frozenset[str]) -> None:
    """Rewrite, in place, the mentions of "<City> <Body>" to the one "<X> <Body> in <City>"
    of the article (module docstring). (A body's site is the extractor's, `site_body`.)"""
    bodies: dict[str, list[Mention]] | None = None
    for m in found:
        if m.org_type not in _BODY_TYPES:
            continue  # most mentions: a body's head noun last would have typed them
        space = m.key.rfind(" ")
        if space < 0 or org_cues.get(m.key[space + 1:]) not in _BODY_TYPES \
                or m.key[:space] not in places:
            continue
        if bodies is None:
            bodies = _sited_bodies(found, text, title, org_cues, places)
        owners = {o.key: o for o in bodies.get(m.key, ()) if o.key != m.key}
        if len(owners) == 1:
            [owner] = owners.values()
            m.key, m.org_type = owner.key, owner.org_type


def city_body(key: str, org_type: str | None, places: frozenset[str]) -> bool:
    """Whether a name of two words or more is "<City> <Body>": typed a body by its head noun,
    the words before it a dictionary's place ("Baghdad Embassy")."""
    return org_type in _BODY_TYPES and (space := key.rfind(" ")) > 0 and key[:space] in places


def site_body(names: list[str], org_cues: dict[str, str], known: frozenset[str],
              places: frozenset[str]) -> tuple[str, str | None] | None:
    """Of a name's words ending in a facility's noun ("Baghdad Embassy Compound"), the
    body's key and the type its head noun says ("baghdad embassy", "government"); None if
    the words before it name no body ("Olympic Complex", "London Complex")."""
    if len(names) < 2 or names[-1].lower() not in FACILITY_NOUNS:
        return None
    key = name_key(" ".join(names[:-1]))
    kind = org_cues.get(key[key.rfind(" ") + 1:])
    if kind in _BODY_TYPES:
        return key, kind if " " in key else None
    return (key, None) if key in known and key not in places else None


def _sited_bodies(found: list[Mention], text: str, title: str, org_cues: dict[str, str],
                  places: frozenset[str]) -> dict[str, list[Mention]]:
    """"<city key> <body word>" -> the mentions of bodies of that head noun that the article
    writes as "<X> <Body> in <City>", the city a dictionary's place."""
    out: dict[str, list[Mention]] = {}
    for m in found:
        head = m.key.rsplit(" ", 1)[-1]
        if " " not in m.key or org_cues.get(head) not in _BODY_TYPES:
            continue
        source = title if m.in_title else text
        after = _IN_CITY.match(source, m.end)
        if after is None:
            continue
        city = name_key(after.group(1))
        while city and city not in places:  # "in Baghdad Friday", "in Baghdad on"
            city = city.rpartition(" ")[0]
        if city:
            out.setdefault(f"{city} {head}", []).append(m)
    return out
