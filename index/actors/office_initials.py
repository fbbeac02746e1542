"""An office's initials: "the General Manager (GM) of VNPF, Parmod Achary ... GM Achary said
... the GM agreed", "Deputy Prime Minister (DPM) Ishmael Kalsakau ... DPM Kalsakau".

Business and Pacific news abbreviate a title as it abbreviates a body, and the initials
were read as a name: "GM" was #10 of a Vanuatu paper's actors (typed other), "GM Achary"
#29, a split of Parmod Achary. The initials are a title where the article says so:

- it defines them after the title's words, in brackets: "General Manager (GM)", "Chief
  Executive Officer (CEO)" (the words' initials, the last a title's or a role's noun); or
- it writes them before the last word of a person's full name it also writes ("GM
  Achary" beside "Parmod Achary"), and no dictionary knows them (not "BBC Smith"), nor are they the
  initials of that name's words ("TC Harold" beside "Tropical Cyclone Harold").

Then, in that article, the initials alone are no mention, and before a name they are cut
from it, the name taking the title's cue of a person ("GM Achary" -> "Achary")."""

from __future__ import annotations

import re
from collections.abc import Container

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import COMPASS
from newsdesk.index.actors.records import Mention

_INITIALS = re.compile(r"[A-Z]{2,4}")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def cut_office_initials(found: list[Mention], text: str, titles: Container[str],
                        known: Container[str], org_cues: Container[str]) -> None:
    """Drop, in `found`, the mentions of an office's initials alone, and cut them off the
    names they open (see the module's doc)."""
    # (Most articles: no mention opens with two capitals, or none is initials so used.)
    initials = [m for m in found if m.surface[:2].isupper()]
    if not initials:
        return
    offices = {m.surface for m in initials if _INITIALS.fullmatch(m.surface)
               and _defined_as_title(m, text, titles)}
    led = [m for m in initials if _led(m)]
    if not offices and not led:
        return
    surnames: dict[str, list[Mention]] = {}
    for m in found:
        if _full_name(m.key, org_cues) and not _led(m):
            surnames.setdefault(m.key.rsplit(" ", 1)[-1], []).append(m)
    for m in led:
        head, _, rest = m.surface.partition(" ")
        if head in offices or (name_key(rest) in surnames and name_key(head) not in known
                               and not any(_spelled_before(head, full, text)
                                           for full in surnames[name_key(rest)])):
            m.start += len(head) + 1
            m.surface = rest
            m.key = name_key(rest)
            m.person_cue = True
    if offices:
        found[:] = [m for m in found if m.in_title or m.surface not in offices]


def _spelled_before(initials: str, full: Mention, text: str) -> bool:
    """Whether the words before a full name's last word are the initials' ("TC Harold"
    beside "Tropical Cyclone Harold": the name's own short form, no title)."""
    words = text[max(0, full.end - 80):full.end].split()[-1 - len(initials):-1]
    return "".join(w[:1] for w in words).upper() == initials


def _full_name(key: str, org_cues: Container[str]) -> bool:
    """Whether a key may be a person's full name: two or three words, none a connector's or
    a body's head noun, nor opening with a point of the compass ("University of the South
    Pacific", "South Pacific": "RNZ Pacific" is no title's)."""
    words = key.split()
    return 2 <= len(words) <= 3 and words[0] not in COMPASS \
        and not any(w in _SMALL or w in org_cues for w in words)


_SMALL = frozenset(("of", "the", "and", "for", "de", "la", "al"))


def _led(m: Mention) -> bool:
    """Whether a mention is initials before one word ("GM Achary")."""
    head, _, rest = m.surface.partition(" ")
    return bool(rest) and " " not in rest and _INITIALS.fullmatch(head) is not None


def _defined_as_title(m: Mention, text: str, titles: Container[str]) -> bool:
    """Whether the initials at `m` stand in brackets after title words they spell."""
    if m.in_title or text[m.start - 1:m.start] != "(" or text[m.end:m.end + 1] != ")":
        return False
    words: list[str] = []
    at = m.start - 1
    while len(words) < len(m.surface):
        word = _WORD_BEFORE.search(text, max(0, at - 30), at)
        if word is None:
            return False
        words.insert(0, word.group(1))
        at = word.start()
    return "".join(w[0] for w in words) == m.surface and words[-1].lower() in titles
