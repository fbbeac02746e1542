"""Short keys joined to the one longer name whose initials spell them, for the rules that
pick which short keys and which longer names may be so joined (outlet_initials.py,
place_initials.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from newsdesk.index.actors.names import initials
from newsdesk.index.actors.records import KeyCounts


def join_spelled(live: Mapping[str, KeyCounts], short: Collection[str],
                 expands: Callable[[str, KeyCounts, str], bool],
                 find: Callable[[str], str], union: Callable[[str, str], bool]) -> None:
    """Join each key of `short` to the longer names of `live` its letters spell
    (`expands(key, stats, letters)` says which may), where those all are one actor."""
    if not short:
        return
    firsts = {key[0] for key in short}
    spelled: dict[str, list[str]] = {}
    for key, s in live.items():
        if " " in key and key[0] in firsts:
            letters = initials(key)
            if letters in short and expands(key, s, letters):
                spelled.setdefault(letters, []).append(key)
    for letters, keys in spelled.items():
        if len({find(k) for k in keys}) == 1:
            union(keys[0], letters)
