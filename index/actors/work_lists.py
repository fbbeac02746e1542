"""A work's cue said of one name of a list is said of them all: "It is up against Ember
Tide, Glass Orchard and the film Low Harbour" (three films), "the games Vox, Tilt and
Ardent". A list sets names of one kind side by side, and a film, a game or an album is
listed with its own kind far more often than with a person or a company; its cue word
("the film X") is written once, before one of them. Only names no other cue types take it
(a person's or a body's cue stays theirs, and a name the article calls by its surname or
cues as a person's is a person's), and a list is read only through its separators: ", ",
" and ", " or "."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Protocol

from newsdesk.index.actors.works import WORK

# What may stand between two names of one list (a title's "The" is not in its name).
_BARE_GAPS = (", ", " and ", ", and ", " or ", ", or ")
LIST_GAPS = frozenset((*_BARE_GAPS, *(g + "the " for g in _BARE_GAPS),
                       *(g + "The " for g in _BARE_GAPS)))
_UNTYPED = frozenset((None, "thing", "modifier", "neuter", "personal"))
_START = attrgetter("start")


class _Named(Protocol):
    key: str
    surface: str
    start: int
    end: int
    in_title: bool
    person_cue: bool
    org_type: str | None


_SEPARATORS = (", and ", ", or ", " and ", " or ", ", ")


def _lower_words(gap: str) -> bool:
    """One to three lower-case words between spaces: " film ", " hit comedy "."""
    words = gap.split()
    return gap[:1] == " " and gap[-1:] == " " and 0 < len(words) <= 3 and all(
        w.isalpha() and w.islower() for w in words)


def _list_gap(gap: str, before_cue: bool) -> bool:
    """Whether `gap` separates two names of one list; `before_cue`: the second is the cued
    name, whose cue words may follow the separator ("X and the film Y")."""
    if gap in LIST_GAPS:
        return True
    if not before_cue or not gap.endswith(" "):
        return False
    for separator in _SEPARATORS:
        if gap.startswith(separator):
            return _lower_words(gap[len(separator) - 1:])
    return False


def spread_work(mentions: Sequence[_Named], text: str) -> None:
    """Give WORK to the untyped names listed with a name that has it (in place). `mentions`
    in the text's order (title mentions are skipped)."""
    body = [m for m in mentions if not m.in_title]
    body.sort(key=_START)
    # People of the article: cued as such, or also called by their surname alone (the
    # extractor gave the surname the full name's key): "Ember Tide, starring Dana Roe and
    # Ivo Lind, Glass Orchard" lists two films and two actors. (Worked out when a list is.)
    people: set[str] | None = None
    for i in [i for i, m in enumerate(body) if m.org_type == WORK]:
        for step in (-1, 1):
            j = i
            loose = step < 0  # (the cue's words may stand between it and the list)
            while 0 <= j + step < len(body):
                a, b = (body[j + step], body[j]) if step < 0 else (body[j], body[j + step])
                other = body[j + step]
                gap = text[a.end:b.start]
                if loose and other.org_type == "modifier" and _lower_words(gap):
                    j += step  # "and British film X": the adjective is the cue's
                    continue
                if not _list_gap(gap, loose):
                    break
                loose = False
                if people is None:
                    people = {m.key for m in body
                              if m.person_cue or (" " in m.key and " " not in m.surface)}
                if other.key in people or (other.org_type not in _UNTYPED
                                           and other.org_type != WORK):
                    break
                other.org_type = WORK
                j += step
