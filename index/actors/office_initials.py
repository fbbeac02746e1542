"""An office's initials: "the General Manager (GM) of VNPF, Parmod Achary ... GM Achary said
... the GM agreed", "Deputy Prime Minister (DPM) Ishmael Kalsakau ... DPM Kalsakau".

Business and Pacific news abbreviate a title as it abbreviates a body, and the initials
were read as a name: "GM" was #10 of a Vanuatu paper's actors (typed other), "GM Achary"
#29, a split of Parmod Achary. The initials are a title where the article says so: it
defines them after the title's words, in brackets ("General Manager (GM)", "Chief Executive
Officer (CEO)": the words' initials, all of them a title's or a role's words). Then, in that
article, the initials alone are no mention, and before a name of one word they are cut from
it, the name taking the title's cue of a person ("GM Achary" -> "Achary").

(Initials before a surname the article also writes whole, "GM Achary" beside "Parmod
Achary", with no definition, are as often a company's before its own word: "AGIP Canada",
"UBS Securities", "VWR Textiles" in Reuters; not read so.)"""

from __future__ import annotations

import re
from collections.abc import Container

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention

_INITIALS = re.compile(r"[A-Z]{2,4}")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def cut_office_initials(found: list[Mention], text: str, titles: Container[str]) -> None:
    """Drop, in `found`, the mentions of an office's initials alone, and cut them off the
    names they open (see the module's doc)."""
    # (Most articles: no mention is initials in brackets after words they spell; a text
    # with no "(" has none, and its mentions are not walked.)
    if "(" not in text:
        return
    offices = {m.surface for m in found if text[m.start - 1:m.start] == "("
               and _INITIALS.fullmatch(m.surface) and _defined_as_title(m, text, titles)}
    if not offices:
        return
    for m in found:
        head, _, rest = m.surface.partition(" ")
        if rest and " " not in rest and head in offices:
            m.start += len(head) + 1
            m.surface = rest
            m.key = name_key(rest)
            m.person_cue = True
    found[:] = [m for m in found if m.in_title or m.surface not in offices]


def _defined_as_title(m: Mention, text: str, titles: Container[str]) -> bool:
    """Whether the initials at `m` stand in brackets after title words they spell."""
    if m.in_title or text[m.end:m.end + 1] != ")":
        return False
    words: list[str] = []
    at = m.start - 1
    while len(words) < len(m.surface):
        word = _WORD_BEFORE.search(text, max(0, at - 30), at)
        if word is None:
            return False
        words.insert(0, word.group(1))
        at = word.start()
    return "".join(w[0] for w in words) == m.surface \
        and all(w.lower() in titles for w in words)  # (not "Islamic State (IS)")
