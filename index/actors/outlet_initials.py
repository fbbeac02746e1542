"""An outlet's initials ("HT") joined to the one outlet the corpus names whose words they are
the initials of ("Hindustan Times").

Indian news listed "HT" (23 articles: "told HT", "HT had published") and "Hindustan Times"
(9) apart, both typed media: the text never defines the acronym, and cluster.py's rule 5
for short acronyms wants a frequent expansion that one article names beside it. Here the
cues of both say the kind, which chance initials seldom share: an acronym in capitals
cued as an outlet in half its mentions or more ("told HT", "HT reported") joins the one
name whose initials are its letters (function words aside: "Press Trust of India"), cued
as an outlet in half its mentions or more; two such outlets leave it alone, and a
dictionary's name on the acronym's side keeps what the dictionary says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from newsdesk.index.actors.records import KeyCounts
from newsdesk.index.actors.spelled_initials import join_spelled

MEDIA = "media"


def _outlet(s: KeyCounts) -> bool:
    return not s.person and s.org.get(MEDIA, 0) * 2 >= s.mentions > 0


def outlet_acronym(s: KeyCounts) -> bool:
    """Whether a short key reads as an outlet's acronym: 2-4 letters, in capitals always,
    cued as an outlet in half its mentions or more."""
    key = s.key
    return 2 <= len(key) <= 4 and key.isalpha() and _outlet(s) \
        and all(surface.replace(".", "").isupper() for surface in s.surfaces)


def join_outlet_initials(live: Mapping[str, KeyCounts], find: Callable[[str], str],
                         anchored: Mapping[str, str], union: Callable[[str, str], bool]
                         ) -> None:
    """Each outlet's acronym joined to the one outlet it spells (the module's doc)."""
    short = {key for key, s in live.items()
             if len(key) <= 4 and key not in anchored and outlet_acronym(s) and find(key) == key}
    join_spelled(live, short, lambda key, s, letters: s.mentions >= 2 and _outlet(s),
                 find, union)
