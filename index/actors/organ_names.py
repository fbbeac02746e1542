"""A body's organ named by the body and a common word after it ("VNPF Board", "FIFA
Council", "Forum Secretariat"): the body's own board, council or secretariat, the actor the
body is, as "Federal Reserve Board" is the Federal Reserve. A Vanuatu corpus listed "VNPF
Board" (23 articles) apart from the Vanuatu National Provident Fund, whose acronym the
corpus names alone in many more (stranger9).

Joined where the name before the word is a body the corpus names alone: written in
capitals (an acronym) or cued as an organisation, a government or an international body
(not a party: a party's "Labour Council" is a council of its own; not a place: "Toronto
Council" is the city's; not an international body, whose councils are bodies of their own:
"EU Council"), and where the organ is no body the text defines on its own (an
acronym of its own: "Board of Airline Representatives (BAR)")."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Protocol

# The common words that name a body's organ after the body's name.
ORGAN_WORDS = frozenset(("board", "council", "secretariat"))
_BODY_TYPES = ("organisation", "government")


class _Counts(Protocol):
    mentions: int
    person: int
    location: int
    org: Mapping[str, int]


def organ_body(key: str) -> str | None:
    """The body's key an organ's key names ("vnpf board" -> "vnpf"), or None."""
    head, _, last = key.rpartition(" ")
    return head if head and last in ORGAN_WORDS else None


def _a_body(s: _Counts, written_capitals: bool) -> bool:
    if s.person * 4 >= s.mentions or s.location * 4 >= s.mentions:
        return False
    if written_capitals:
        return s.org.get("party", 0) * 2 < s.mentions
    best = max((n for t, n in s.org.items() if t in _BODY_TYPES), default=0)
    return best > 0 and best >= s.org.get("party", 0) and best >= s.org.get("media", 0)


def join_organs(live: Mapping[str, _Counts], acronym: Collection[str],
                anchored: Mapping[str, str], acronyms: Mapping[str, Mapping[str, int]],
                countries: Collection[str], international: Collection[str],
                union: Callable[[str, str], object]) -> None:
    """`acronym`: the keys written in capitals; `acronyms`: each acronym's definitions in
    the corpus; `countries`, `international`: the keys a dictionary gives a country, an
    international body (whose councils and boards are bodies of their own: "EU Council",
    the "UN Security Council"). An acronym's organ
    named by its definition's first word as well ("NL Council", "Northern Council" where
    NL is the Northern League) is cluster._acronym_led's, and left to it."""
    defined = {e for found in acronyms.values() for e in found}
    for key in live:
        if key[-5:] not in ("board", "uncil", "ariat") or (body := organ_body(key)) is None:
            continue  # (most keys)
        base, organ = live.get(body), live[key]
        if base is None or key in anchored or key in defined or body in countries \
                or body in international \
                or organ.person * 4 >= organ.mentions:
            continue
        word = key[len(body) + 1:]
        if any(f"{e.split(' ', 1)[0]} {word}" in live for e in acronyms.get(body, ())):
            continue
        if _a_body(base, body in acronym):
            union(body, key)
