"""A name written in one word with its words' capitals kept ("TRTWorld", "RadarOnline",
"DeSantis") is the name the corpus writes with the spaces ("TRT World", "De Santis"): a
page's logo, a handle, a slip; an outside tester's Syrian war news listed "TRT World" and
"TRTWorld" as two actors (#25 and #30). The words are read at each capital that starts a
word inside: after a small letter ("Radar|Online") or after capitals, before a small letter
("TRT|World"). Only a name the corpus has as the words joined is joined to."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from newsdesk.index.actors.names import name_key

if TYPE_CHECKING:
    from newsdesk.index.actors.records import KeyCounts

# Where a word starts inside a run of letters: "aB" or "ABc" (before the B).
_INSIDE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
MAX_WORDS = 3  # the words a run may hold (reach.py links one-word keys to their splits)


def splits(key: str) -> list[str]:
    """The keys a one-word key is, run together, of two or three words (reach.py's link)."""
    out = []
    for i in range(1, len(key)):
        out.append(f"{key[:i]} {key[i:]}")
        out.extend(f"{key[:i]} {key[i:j]} {key[j:]}" for j in range(i + 1, len(key)))
    return out


def spaced(surface: str) -> str | None:
    """The words of a one-word surface written run together, spaced ("TRT World"), else
    None."""
    if not surface.isalpha() or _INSIDE.search(surface, 1) is None:
        return None
    return _INSIDE.sub(" ", surface)


def join_run_together(live: Mapping[str, KeyCounts], union: Callable[[str, str], bool]) -> None:
    """Join each one-word name written run together to the name of its words spaced."""
    for key, s in live.items():
        if " " in key:
            continue
        for surface in s.surfaces:
            if surface[1:].islower() or (words := spaced(surface)) is None:
                continue
            other = name_key(words)
            if other != key and other.count(" ") < MAX_WORDS and other in live:
                union(other, key)
                break
