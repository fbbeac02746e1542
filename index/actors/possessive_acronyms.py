"""A name with a possessive inside, defined by an acronym: "National People's Power (NPP)",
"President's Media Division (PMD)". The scan cuts a run at a possessive ("Blair's plan"
names Blair); a possessive inside a name is joined only where the name ends in a firm's, a
school's or a body's head (extract.py: `_possessive_companies`), so a party named "...
Power" came out as two actors, "National People" and "Power", and its acronym a third
(stranger14, Sri Lanka's governing party: three of the top ten entries). As for a name
holding "and" (and_acronyms.py), the bracket whose letters spell the whole "X's Y" run,
letter for letter as acronym_def reads them, and not the run after the possessive alone
("Sri Lanka's Election Commission (EC)" stays Sri Lanka's), is the evidence that the
possessive is inside the name; the article's other runs written the same way without the
bracket are joined too. An owner that is a dictionary's name ("Iran's") is its own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from newsdesk.index.actors.acronym_def import defines
from newsdesk.index.actors.names import name_key

_GAPS = frozenset({"'s ", "’s ", "' ", "’ "})
_DEFINED = re.compile(r" ?\(([A-Z][A-Za-z&.-]{1,11})\)")
# The owner's words tried before the possessive, the fewest first ("Marxist | National
# People's Power (NPP)": two).
_MAX_OWNER = 4


class _Tok(Protocol):
    start: int
    end: int
    possessive: bool


T = TypeVar("T", bound=_Tok)


def join_possessive_acronyms(runs: list[list[T]], text: str,
                             known: frozenset[str]) -> list[list[T]]:
    """`runs` with each owner's run and the run after its possessive joined where an
    acronym defines them together (module docstring); the runs unchanged (the same list)
    where none does."""
    names: dict[tuple[str, str], int] = {}  # (owner's key, body's key) -> owner's words
    for prev, run in zip(runs, runs[1:], strict=False):
        if not prev[-1].possessive or text[prev[-1].end:run[0].start] not in _GAPS:
            continue
        bracket = _DEFINED.match(text, run[-1].end)
        if bracket is None:
            continue
        short = bracket.group(1).replace(".", "")
        body = name_key(text[run[0].start:run[-1].end])
        if defines(short, body):
            continue
        for n in range(1, min(len(prev), _MAX_OWNER) + 1):
            owner = name_key(text[prev[-n].start:prev[-1].end])
            if owner in known:
                break
            if defines(short, name_key(text[prev[-n].start:run[-1].end])):
                names[owner, body] = n
                break
    if not names:
        return runs
    out: list[list[T]] = []
    for run in runs:
        prev = out[-1] if out else None
        if prev is not None and prev[-1].possessive \
                and text[prev[-1].end:run[0].start] in _GAPS \
                and (n := _owner_words(prev, run, text, names)):
            out[-1:] = ([prev[:-n]] if len(prev) > n else []) + [prev[-n:] + run]
        else:
            out.append(run)
    return out


def _owner_words(prev: Sequence[_Tok], run: Sequence[_Tok], text: str,
                 names: dict[tuple[str, str], int]) -> int:
    """How many of `prev`'s last words own `run` in one of the article's defined `names`."""
    body = name_key(text[run[0].start:run[-1].end])
    for (owner, of), n in names.items():
        if of == body and len(prev) >= n \
                and name_key(text[prev[-n].start:prev[-1].end]) == owner:
            return n
    return 0
