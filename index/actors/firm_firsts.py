"""A firm's first word alone stands for the firm its article names in full, as a lone
surname for the person's full name: "Azizi Developments said on Tuesday ... Azizi said in a
statement" (an outside tester found "Azizi" an entry apart from "Azizi Developments");
"Tata Motors ... Tata said". Read in one article: the word alone takes the full name's key
where the article names one firm led by it, no person whose name holds the word ("Mirwais
Azizi", "Ratan Tata": then "Azizi said" may be his), and the word is no dictionary's name
("Dubai" of "Dubai Holding"), no body's head noun ("the Bank") and never written in lower
case in the article. A firm's full name: its key's last word a firm's or body's head
(`heads`: "Motors", "Inc", "Bank") or a body's cue on one of its mentions ("Azizi
Developments said it", "the developer Azizi Developments")."""

from __future__ import annotations

from collections.abc import Container, Sequence

from newsdesk.index.actors.records import Mention

# The extractor's cues that say a body's name (no person's, no place's).
BODY_CUES = frozenset(("organisation", "firm", "neuter", "media"))
# The cues a lone word may carry and still be the firm's ("Azizi said it", "Tata shares").
_LONE_CUES = frozenset((None, "organisation", "firm", "neuter", "modifier"))


def resolve_firm_firsts(found: Sequence[Mention], known: Container[str],
                        heads: Container[str]) -> None:
    """Give (in place) a lone word the key of the one firm its article names led by it."""
    # (Most articles: no one-word mention and no firm's name led by it; a set each.)
    lone = {m.key for m in found if m.key.isalpha() and m.key not in known
            and not m.person_cue and not m.lower_seen}
    if not lone:
        return
    firms: dict[str, set[str]] = {}  # a firm's first word -> its full names
    person_words: set[str] = set()  # the words of the article's other names of two or more
    for m in found:
        first, space, rest = m.key.partition(" ")
        if not space:
            continue
        if first in lone and (m.org_type in BODY_CUES or m.key.rpartition(" ")[2] in heads) \
                and not m.person_cue:
            firms.setdefault(first, set()).add(m.key)
        else:
            person_words.update(rest.split())
            person_words.add(first)
    if not firms:
        return
    for m in found:
        names = firms.get(m.key)
        if names is not None and len(names) == 1 and m.key not in person_words \
                and m.org_type in _LONE_CUES and not m.location_cue and not m.person_cue \
                and m.key not in heads:
            m.key = next(iter(names))
