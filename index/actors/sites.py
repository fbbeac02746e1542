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

Both run per article, on the extractor's mentions (extract.Extractor.extract), and change
keys only: the clustering sees one body, so no clustering rule (nor reach.py link) is
needed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsdesk.index.actors.names import name_key

if TYPE_CHECKING:
    from newsdesk.index.actors.extract import Mention

FACILITY_NOUNS = frozenset(("compound", "compounds", "complex", "grounds", "premises",
                            "headquarters", "building", "buildings", "campus", "site"))
_FACILITY_ENDS = tuple(f" {w}" for w in FACILITY_NOUNS)
# Body types whose head noun may be followed by a facility noun (not a place's: "Park Site").
_BODY_TYPES = frozenset(("government", "military", "organisation", "international",
                         "media", "party"))
# "<Body> [facility] in <City>": the city after the body's name.
_IN_CITY = re.compile(r"(?:\s+(?:" + "|".join(sorted(FACILITY_NOUNS)) + r"))?\s+in\s+"
                      r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})")


def resolve_sites(found: list[Mention], text: str, title: str, org_cues: dict[str, str],
                  known: frozenset[str], places: frozenset[str]) -> None:
    """Rewrite, in place, the mentions of a body's site to the body's, then the mentions of
    "<City> <Body>" to the one "<X> <Body> in <City>" of the article (module docstring)."""
    for m in found:
        if m.key.endswith(_FACILITY_ENDS):
            _cut_facility(m, org_cues, known, places)
    bodies: dict[str, list[Mention]] | None = None
    for m in found:
        space = m.key.rfind(" ")
        # (Most mentions: one word, or no body's head noun last.)
        if space < 0 or org_cues.get(m.key[space + 1:]) not in _BODY_TYPES \
                or m.key[:space] not in places:
            continue
        if bodies is None:
            bodies = _sited_bodies(found, text, title, org_cues, places)
        owners = {o.key: o for o in bodies.get(m.key, ()) if o.key != m.key}
        if len(owners) == 1:
            [owner] = owners.values()
            m.key, m.org_type = owner.key, owner.org_type


def _cut_facility(m: Mention, org_cues: dict[str, str], known: frozenset[str],
                  places: frozenset[str]) -> None:
    """"the Baghdad Embassy Compound": the mention becomes the body's, "Baghdad Embassy"."""
    cut = m.surface.rstrip().rfind(" ")
    if cut <= 0 or m.surface[cut + 1:].lower() not in FACILITY_NOUNS:
        return
    body = m.surface[:cut].rstrip()
    key = name_key(body)
    kind = org_cues.get(key[key.rfind(" ") + 1:])
    if kind not in _BODY_TYPES and (key not in known or key in places):
        return
    m.key, m.surface, m.end = key, body, m.start + len(body)
    if kind in _BODY_TYPES and " " in key:
        m.org_type = kind  # the body's head noun types it, as it would have alone


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
