"""A name written alone and with a body's head word after it is one actor: "Sputnik" and
"Sputnik News", "al-Nusra" and "al-Nusra Front" (an outside tester's Syrian war news listed
each pair as two actors in its top 30). The rules for clipped forms join a lone word that
ends a longer name (cluster.py's `_clipped_heads`: "Colts" of "Indianapolis Colts") or that
the name's group suffix follows ("Wagner Group"); here the name's first words, one or two,
before the head word that types it (extract.ORG_CUES: "Front", "News", "Party", "Army").

Only where one reading is the corpus's: the other names the words start are named less than
half as often as the longer name ("Sky" of BBC news, beside "Sky News" 5 times and "Sky
Plus", "Sky Movies", "Sky One" 17, stays the broadcaster; the National Front and the
National Party leave "National" apart), the words are joined to no other name yet, the
words alone are no person's (no person's cue, no full name's last word: "Green" of Green
Party stays the surname), no place's ("Washington" of the Washington Post) and no common
word's, and their own body cues, if any, are of the head word's kind ("Google", cued as a
company, is not Google News, a medium). A dictionary's name is what its entry says."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING

from newsdesk.index.actors.extract import ORG_CUES
from newsdesk.index.actors.names import significant

if TYPE_CHECKING:
    from newsdesk.index.actors.lone_guards import StartsOthers
    from newsdesk.index.actors.records import KeyCounts

# The head words' kinds a name is joined by: a place's ("Euphrates River", a street) is the
# places' list's, and a company's legal suffix and "Group" have rules of their own.
_KINDS = frozenset(("government", "military", "militia", "party", "media"))
_OTHERS_NAMED = 2  # the mentions another name it starts counts from


# A campaign's head words: a name of up to three words before them is its bare form
# ("Hands Off Venezuela" of the Hands Off Venezuela Campaign: HOV lists them apart), and its
# members' cues are a party's as often as a body's ("Hands Off Venezuela activists").
# (Not "Initiative": a plan's head, no actor's, not_actors.py.)
CAMPAIGN_HEADS = frozenset(("campaign", "movement", "coalition", "network"))
_CAMPAIGN_CUES = frozenset(("organisation", "party"))


def cue_head(key: str) -> tuple[str, str] | None:
    """(the name's first words, the kind its head word gives) of a name of two or three
    words whose last is a body's head word ("sputnik news": sputnik, media), or of up to
    four whose last is a campaign's, else None."""
    head, _, last = key.rpartition(" ")
    if not head:
        return None
    if last in CAMPAIGN_HEADS:
        kind = ORG_CUES.get(last)
        return (head, kind) if kind is not None and head.count(" ") <= 2 else None
    if head.count(" ") > 1 or (kind := ORG_CUES.get(last)) not in _KINDS:
        return None
    return head, kind


def _acronym(s: KeyCounts) -> bool:
    """Whether a name is written in capitals mostly: an acronym before a medium's head word
    names the body whose outlet it is ("LTTE Radio", "PTV News"), not the outlet: a Sri
    Lankan corpus's LTTE (110 mentions, 23 articles) became "LTTE Radio", written once and
    typed a medium. (A word's name before it, "Sputnik News", may be the outlet's own.)"""
    caps = sum(n for surface, n in s.surfaces.items() if surface.isupper())
    return caps * 2 > s.mentions


def join_cue_heads(live: Mapping[str, KeyCounts], anchored: Collection[str],
                   find: Callable[[str], str], union: Callable[[str, str], bool],
                   alone: Callable[[str], bool], starts: StartsOthers,
                   surnames: Collection[str],
                   person: Callable[[KeyCounts], bool], place: Callable[[str], bool],
                   common: Callable[[KeyCounts], bool], together: Callable[[str, str], bool] | None,
                   real_types: Collection[str]) -> None:
    """Join each name alone to the one longer name it heads before a body's head word (the
    module's doc)."""
    headed: dict[str, list[tuple[str, str]]] = {}
    for key in live:
        if key[-1:] in "abcdefghijklmnopqrstuvwxyz" and (found := cue_head(key)) is not None:
            head, kind = found
            if head in live:
                headed.setdefault(head, []).append((key, kind))
    for head, longer in headed.items():
        s = live[head]
        if head in anchored or find(head) != head or person(s) \
                or " ".join(significant(head)) in surnames \
                or s.location * 4 >= s.mentions or place(head) or common(s):
            continue
        owners = {find(k) for k, _ in longer}
        kinds = {kind for _, kind in longer}
        if len(owners) != 1 or len(kinds) != 1:
            continue  # two bodies of its name ("Hamas Movement", "Hamas Government")
        (owner,), (kind,) = owners, kinds
        if kind == "media" and _acronym(s):
            continue  # "LTTE Radio" is the LTTE's station, "LTTE" the group (`_acronym`)
        cues = {t: n for t, n in s.org.items() if t in real_types}
        if cues and (best := max(cues, key=cues.__getitem__)) != kind and not (
                best in _CAMPAIGN_CUES and longer[0][0].rpartition(" ")[2] in CAMPAIGN_HEADS):
            continue
        # Its one longer name: the others it starts (each named twice: not a photo
        # credit's run "Sputnik Ilya Pitalev") are named less than half as often.
        if starts.names_starting(head, owner, _OTHERS_NAMED) * 2 \
                >= sum(live[k].mentions for k, _ in longer):
            continue
        if not alone(head):
            continue  # joined to names of its own ("People" of People's Finance Corp)
        if together is not None and not any(together(head, k) for k, _ in longer):
            continue  # never in one article: nothing says the corpus means one body
            # (None: which articles name what is not known, as in a test's clustering)
        union(owner, head)
