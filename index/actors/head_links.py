"""A body's name that goes on after "in" once its head has taken a "for" name: "Center for
Science in the Public Interest", "Institute for Research in the Social Sciences". The scan
joins "Center for Science" (on_names.py) and leaves "Public Interest" as a name of its own,
a place's by its "in the" (an organisation listed as a location). Where the run before
starts with a body's head noun (the heads a "for" name takes) and was joined on "for", the
run right after " in the " is the name's tail, unless that run is a name of its own (a
dictionary's or a place's: "Institute for Fiscal Studies in the Netherlands"): one more
connector, no more (a name's connectors are bounded: a second "in" is never joined, nor a
tail of more than three words; "in London" is a place's "in")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.index.actors.on_names import JOINED_ON

if TYPE_CHECKING:
    from newsdesk.index.actors.records import Tok as _Tok

_IN_GAP = " in the "
_TAIL_WORDS = 3  # words of the tail at most


def join_in_tail(runs: list[list[_Tok]], text: str, heads: Callable[[str], bool],
                 common: frozenset[str], named: Callable[[str], bool]) -> list[list[_Tok]]:
    """`runs` with a run led by a head noun (`heads`) and joined on "for" joined to the
    run right after " in the " (the tail's first word not `common`, the tail no name of
    its own: `named` of its words, "the Netherlands", "the Gulf")."""
    out = runs
    i = 1
    while i < len(out):
        prev, run = out[i - 1], out[i]
        if text[prev[-1].end:run[0].start] == _IN_GAP and len(run) <= _TAIL_WORDS \
                and not prev[-1].possessive and not run[0].initial \
                and any(t.joined_by_and == JOINED_ON for t in prev[1:]) \
                and not any(t.joined_by_and == JOINED_ON for t in prev[:1]) \
                and heads(prev[0].text.lower()) and run[0].text.lower() not in common \
                and _once(prev, text) \
                and not named(text[run[0].start:run[-1].end]):
            if out is runs:
                out = list(runs)
            run[0].joined_by_and = JOINED_ON
            out[i - 1:i + 1] = [prev + run]
        else:
            i += 1
    return out


def _once(prev: list[_Tok], text: str) -> bool:
    """Whether the run holds no " in " already (one "in" tail a name)."""
    return " in " not in text[prev[0].start:prev[-1].end]
