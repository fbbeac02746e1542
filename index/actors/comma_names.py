"""A dictionary's name written with a comma inside ("Washington, D.C.", "United Nations
Educational, Scientific and Cultural Organization"): the scan ends a name at a comma, so its
two halves came out as two mentions, the second an actor of its own ("D.C.", typed other, was #32 of
a Wikinews corpus's actors). Two mentions the text sets side by side with a comma, whose
keys together are a dictionary's name, are that one mention. Only a dictionary's: a
comma between two names is mostly a list's ("Britain, France")."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter, sub

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention


def join_comma_names(found: list[Mention], text: str, known: frozenset[str]) -> None:
    """Join, in `found` (in the text's order), each pair of mentions written "A, B" whose
    keys together ("a b") are in `known`: the first takes the whole, the second goes."""
    gone: set[int] = set()
    previous: Mention | None = None
    for i, m in enumerate(found):
        if previous is not None and m.start == previous.end + 2 and not m.in_title \
                and not previous.in_title and text.startswith(", ", previous.end) \
                and (joined := f"{previous.key} {m.key}") in known:
            previous.end = m.end
            previous.surface = text[previous.start:m.end]
            previous.key = joined
            gone.add(i)
            continue
        previous = m
    if gone:
        found[:] = [m for i, m in enumerate(found) if i not in gone]


# What may stand between the items of a body's name listed with commas: "Heart, Lung, and
# Blood", "Heart, Lung and Blood".
_LIST_GAPS = (", ", ", and ", " and ")
_START = attrgetter("start")
# The types a body's head noun gives a name (extract.ORG_CUES; not "location").
_BODY_TYPES = frozenset(("government", "military", "militia", "party", "media", "organisation"))
_END = attrgetter("end")


def join_listed_names(found: list[Mention], text: str, org_cues: dict[str, str],
                      known: frozenset[str], places: frozenset[str],
                      written_lower: Callable[[str, str], bool]) -> list[Mention]:
    """A body's name listing its topics with commas: "National Heart, Lung, and Blood
    Institute" came out as "National Heart", "Lung" and "Blood Institute" (#45 and #47 of a
    health-news corpus's actors were two of them). Mentions set side by side with commas
    (and an "and" before the last), the last ending with a body's head noun ("Institute",
    "Foundation"), are one name where every item before the last ends with a common noun,
    one the article writes in lower case too ("heart", "lung"), the items after the first are
    one word each, and none is a dictionary's name or starts with a place's: a list of names
    ("Harvard, Yale, and Stanford University", "Mississippi Power, Arkansas Power and Light
    Co") has no such words.
    The first mention takes the whole, in `found`; the ones joined are returned."""
    # (Where mentions stand side by side so: few in an article; the gaps between them
    # worked out in C, `map`, and only the short ones read.)
    ends = list(map(_END, found))
    gaps = map(sub, map(_START, found[1:]), ends)
    linked = [j for j, gap in enumerate(gaps, 1) if gap <= 6
              and text[ends[j - 1]:ends[j - 1] + gap] in _LIST_GAPS]
    joined: list[Mention] = []
    if not linked:
        return joined
    chains: list[list[int]] = []
    for j in linked:  # runs of mentions, each linked to the one before
        if chains and chains[-1][-1] == j - 1:
            chains[-1].append(j)
        else:
            chains.append([j - 1, j])
    for chain in reversed(chains):  # (from the end: a join moves only what comes after it)
        i = chain[0]
        run = [found[j] for j in chain]
        if not _BODY_TYPES.intersection([m.org_type for m in run[1:]]) \
                or any(m.in_title for m in run):
            continue  # (most: a list of places or people, no body's name typed by its head)
        for end in range(len(run), 1, -1):  # the longest run that ends with a body's name
            if _one_name(run[:end], text, org_cues, known, places, written_lower):
                first, last = run[0], run[end - 1]
                first.end = last.end
                first.surface = text[first.start:last.end]
                first.key = name_key(first.surface)
                first.org_type = last.org_type
                del found[i + 1:i + end]
                joined.append(first)
                break
    return joined


def _one_name(run: list[Mention], text: str, org_cues: dict[str, str], known: frozenset[str],
              places: frozenset[str], written_lower: Callable[[str, str], bool]) -> bool:
    """Whether mentions listed side by side make one body's name (`join_listed_names`)."""
    last = run[-1]
    if not (len(run) >= 3 or (len(run) == 2 and " and " in last.surface
                              and written_lower(last.key.split(" ", 1)[0], text))):
        return False
    head = org_cues.get(last.key.rsplit(" ", 1)[-1])
    return head is not None and head != "location" \
        and all(m.key not in known and m.org_type in (None, "thing", "neuter")
                and m.key.split(" ", 1)[0] not in places
                and (k == 0 or " " not in m.key)
                and written_lower(m.key.rsplit(" ", 1)[-1], text)
                for k, m in enumerate(run[:-1]))
