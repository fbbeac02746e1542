"""Two groups named with one plural head: "Ukele and Izzi Ethnic Militias", "Fulani and
Zamfara Militias", "Agbaduma and Abogbe Communal Militias" are two actors each, the first's
name read with the shared words ("Ukele Ethnic Militias"). The scan joins a name across
"and" before an organisation's head word ("Securities and Exchange Commission"), which made
them one actor, or an alias of the second ("Fulani and Zamfara Militias" of Zamfara
Militias; an outside tester's Nigerian event reports). A singular head stays one name (one
body of two topics); a plural one whose singular is a body's head word too ("militias",
"forces", "parties": armed and political groups) says two bodies, unless the word before
"and" is itself a head word ("Army and Air Forces" stays as the scan reads it), an acronym
or a dictionary's name, or the words after "and" open with an acronym ("AFG Industries")."""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import TYPE_CHECKING

from newsdesk.index.actors.names import name_key

# The heads of armed and political groups: a firm's plural head ("Wagner and Brown and AFG
# Industries") is its own name's word, no two firms.
GROUP_TYPES = frozenset(("militia", "military", "party"))

if TYPE_CHECKING:
    from newsdesk.index.actors.records import Mention, Tok


def shared_plural_head(part: list[Tok], after: list[Tok], org_cues: Mapping[str, str],
                       known: Container[str]) -> bool:
    """Whether one word before "and" (`part`) and the words after it (`after`, two or more)
    name two groups of the plural head `after` ends in."""
    if len(part) != 1 or len(after) < 2 or part[0].connector or after[0].text.isupper():
        return False
    word = part[0].text
    if word.isupper() or word.lower() in org_cues or name_key(word) in known:
        return False
    head = after[-1].text.lower()
    one = _singular(head)
    return one != head and org_cues.get(head) in GROUP_TYPES and one in org_cues


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"  # ("parties")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def name_shared_head(m: Mention, shared: list[Tok], org_cues: Mapping[str, str]) -> None:
    """Name the first group with the shared words ("Ukele" -> "Ukele Ethnic Militias") and
    give it the head's type, as the second has; its span stays the word written."""
    m.surface = f"{m.surface} {' '.join(t.text for t in shared)}"
    m.key = name_key(m.surface)
    if m.org_type is None and not m.person_cue:
        m.org_type = org_cues[shared[-1].text.lower()]
