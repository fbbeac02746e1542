"""A person's formal given name joins the nickname the corpus calls them by: "Joseph R.
Biden, Jr." (13 Guardian articles, apart) and "Joe Biden" (443). The pairs are English given
names and their nicknames from a maintained dataset (data/nicknames.txt, generated at
development time from the `nicknames` package, Apache-2.0: tests/data_gen/nicknames.py),
no corpus's names.

Only where the surname and a shared context make it one person: the formal name (a middle
initial and a generation's suffix aside) has one nickname form among the corpus's people of
that surname, every formal name that leads to it has the same given name and at most one
initial and one suffix ("Joseph P. Kennedy" with "Joseph Kennedy III" do not both join "Joe
Kennedy"), and one article names both forms (`together`): a readout's "Joseph R. Biden, Jr."
in an article that says "Joe Biden" as well."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Protocol

NICKNAMES = Path(__file__).resolve().parent / "data" / "nicknames.txt"
# A generation's suffix after a surname (as cluster._GENERATION_SUFFIXES).
_SUFFIXES = frozenset(("jr", "sr", "iii"))


class _Stats(Protocol):
    person: int


@lru_cache(maxsize=1)
def nicknames() -> dict[str, tuple[str, ...]]:
    """Formal given name -> its nicknames, lower-cased (read once)."""
    out: dict[str, tuple[str, ...]] = {}
    with NICKNAMES.open(encoding="utf-8") as f:
        for line in f:
            if line[:1] != "#" and (words := line.split()):
                out[words[0]] = tuple(words[1:])
    return out


def _formal_parts(words: list[str]) -> tuple[str, str, str] | None:
    """(surname, initial, suffix) of a formal name's words after its given name: a surname,
    one middle initial and one suffix at most ("r biden jr" -> ("biden", "r", "jr"))."""
    suffix = ""
    if len(words) > 1 and words[-1] in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
    initial = ""
    if len(words) == 2 and len(words[0]) == 1:
        initial, words = words[0], words[1:]
    return (words[0], initial, suffix) if len(words) == 1 else None


def join_nicknames(live: Mapping[str, _Stats], union: Callable[[str, str], object],
                   together: Callable[[str, str], bool],
                   person_cued: Callable[[_Stats], bool]) -> None:
    """Join each formal name to the one nickname form of it the corpus uses (the module's
    doc). One dictionary lookup a person's key; `together` asked of the few pairs found."""
    table = nicknames()
    formals: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for key, s in live.items():
        if s.person <= 0:  # most keys: no person's cue
            continue
        given, _, rest = key.partition(" ")
        nicks = table.get(given)
        if nicks is None or not rest or not person_cued(s):
            continue
        parts = _formal_parts(rest.split())
        if parts is None:
            continue
        surname = parts[0]
        found = [f for n in nicks if (f := f"{n} {surname}") in live and person_cued(live[f])]
        if len(found) == 1:
            formals[found[0]].append((key, given, parts[1], parts[2]))
    for nick_key, keys in formals.items():
        if len({g for _, g, _, _ in keys}) == 1 and len({i for _, _, i, _ in keys} - {""}) <= 1 \
                and len({x for _, _, _, x in keys} - {""}) <= 1:
            for key, *_ in keys:
                if together(key, nick_key):
                    union(nick_key, key)
