"""A shipped dictionary's short acronym joins its entry only where the corpus gives evidence
of that entry: Indian local news writes "AP"/"A.P." for Andhra Pradesh and ends agency copy
with "PTI" (the Press Trust of India), and the dictionary made them the Associated Press and
Pakistan Tehreek-e-Insaf, names none of its 992 articles wrote (issue 24: an acronym is
joined only to a definition or an exact expansion).

Evidence is the entry written otherwise anywhere in the corpus: its name or an alias that is
no acronym ("United States", "America" for "US"; "Federal Bureau of Investigation" for
"FBI"). A definition in brackets ("Press Trust of India (PTI)") is a key of its own and
joins by the acronym rules.

Short acronyms only: two or three letters (AP, PTI, US, UN, FBI) have many owners, news
of one country or trade reuses them for its own bodies and places; one of four letters or
more (NATO, IAEA, UNHCR) seldom names anything but its entry, and is kept; so is one with
a digit (G7, G20: a coined name, no one's initials; BBC never writes "Group of Seven"), one the
dictionary spells with a small word's initial in lower case (BoE, DoJ: one body's own
spelling, and such an acronym left alone would be dropped as undefined). The corpus's
own dictionaries (a corpus's actors.yaml, the config's, curation) are the user's evidence
and are kept. An acronym left alone is a key of its own, typed by its own cues."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.names import name_key

# An acronym of so many letters at most needs evidence (see above).
_SHORT = 3


def unevidenced_acronyms(stats: Collection[str], anchored: Mapping[str, str],
                         dictionaries: Dictionaries) -> set[str]:
    """The keys of `anchored` (name key -> entry head) that are a shipped entry's short
    acronym, used by the corpus, whose entry the corpus never writes otherwise."""
    out: set[str] = set()
    capitals = dictionaries.capitals
    entries = dictionaries.entries
    evidenced: dict[str, bool] = {}  # head -> whether the corpus writes it out
    for key, head in anchored.items():
        if key == head or len(key) > _SHORT or key not in stats \
                or not capitals.get(key) or " " in key or not key.isalpha():
            continue
        found = evidenced.get(head)
        if found is None:
            entry = entries.get(head)
            found = entry is None or not Dictionaries.shipped(entry) or any(
                k in stats for k in entry.name_keys() if not capitals.get(k))
            evidenced[head] = found
        if not found and all(a.replace(".", "").isupper() for a in entries[head].aliases
                             if name_key(a) == key):
            out.add(key)
    if out:  # (most corpora: none, and no pass over the keys)
        out -= _written_inside(stats, {k: anchored[k] for k in out}, dictionaries)
    return out


def _written_inside(stats: Collection[str], short: Mapping[str, str],
                    dictionaries: Dictionaries) -> set[str]:
    """The acronyms of `short` (key -> entry head) whose entry's spelled-out name ends a
    longer name of the corpus: "US Federal Bureau of Investigation" is evidence for the FBI
    (BBC's only spelling of it)."""
    names: dict[str, set[str]] = {}  # an entry's spelled-out name key -> its acronyms
    for key, head in short.items():
        for name in dictionaries.entries[head].name_keys():
            if " " in name and not dictionaries.capitals.get(name):
                names.setdefault(name, set()).add(key)
    lasts = {name.rpartition(" ")[2] for name in names}
    out: set[str] = set()
    for key in stats:
        if " " in key and key.rpartition(" ")[2] in lasts:
            for name, acronyms in names.items():
                if key.endswith(" " + name):
                    out |= acronyms
    return out
