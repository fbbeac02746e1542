"""An acronym in brackets after a name is that name's short form even where its letters are
not the name's initials: "Boko Haram (JAS)" (Jama'atu Ahlis Sunna..., the group's own name
in Arabic), a translation's or an older name's letters. The extractor keeps such a pair
with the acronyms' definitions (`Extraction.acronyms`), the name marked by `BRACKETED`
before it (a name key never starts so), and the cluster step joins the acronym to the name
only where the corpus writes it so consistently: nine in ten of its brackets after that one
name, three times at least, and a quarter of the acronym's mentions at least. A person's
party ("Senator Abbo (PDP)"), a place's outlet ("LAGOS (NAN)") or a dictionary's acronym
(its entry says what it is) is never joined so."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.index.actors.records import KeyCounts

# Marks a name an acronym stood in brackets after without spelling it (acronym_def.defines).
BRACKETED = "("

# The times an acronym must stand in brackets after one name, the share of its brackets
# that name must hold (in tenths), and the share of its mentions so written (1 in N).
MIN_TIMES = 3
CONSISTENT_TENTHS = 9
MENTIONS_SHARE = 4


def split_bracketed(acronyms: Mapping[str, Counter[str]]
                    ) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """(the acronyms' definitions, the names each stood in brackets after undefined): the
    first is what every other rule reads, as before such pairs were kept."""
    defined: dict[str, Counter[str]] = {}
    bracketed: dict[str, Counter[str]] = {}
    for short, found in acronyms.items():
        if not any(e[:1] == BRACKETED for e in found):
            defined[short] = found  # (most acronyms: kept as they are)
            continue
        own = Counter({e: n for e, n in found.items() if e[:1] != BRACKETED})
        if own:
            defined[short] = own
        bracketed[short] = Counter({e[1:]: n for e, n in found.items() if e[:1] == BRACKETED})
    return (dict(acronyms) if not bracketed else defined), bracketed


def unmarked(expansion: str) -> str:
    """An expansion's name key, its mark taken off (reach.py links the pair as rule 5's)."""
    return expansion[1:] if expansion[:1] == BRACKETED else expansion


def join_bracketed(live: Mapping[str, KeyCounts], bracketed: Mapping[str, Counter[str]],
                   capitals: set[str], anchored: Mapping[str, str],
                   find: Callable[[str], str], union: Callable[[str, str], bool],
                   person: Callable[[KeyCounts], bool], place: Callable[[str], bool],
                   sentence_first: str) -> None:
    """Join each acronym (`capitals`: written mostly so) to the name it stands in brackets
    after consistently (the module's doc); not one already joined to a name of its own.
    `sentence_first`: the mark of a sentence's first name's key (extract.SENTENCE_FIRST)."""
    for short, names in bracketed.items():
        s = live.get(short)
        if s is None or short in anchored or short not in capitals or find(short) != short:
            continue
        # (By actor: a sentence's first name, "^boko haram", is the whole name's where the
        # corpus writes it so: cluster._sentence_firsts joins them at the end.)
        read: Counter[str] = Counter()
        for name, n in names.items():
            read[name[1:] if name[:1] == sentence_first and name[1:] in live else name] += n
        owners: Counter[str] = Counter()
        for name, n in read.items():
            owners[find(name) if name in live else name] += n
        owner, times = owners.most_common(1)[0]
        name = max((k for k in read if k in live and find(k) == owner),
                   key=read.__getitem__, default="")
        full = live.get(name)
        if full is None or times < MIN_TIMES or times * 10 < names.total() * CONSISTENT_TENTHS \
                or times * MENTIONS_SHARE < s.mentions:
            continue
        if person(full) or full.location * 4 >= full.mentions or place(name):
            continue
        union(name, short)
