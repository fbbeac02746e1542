"""A dictionary's name written with a comma inside ("Washington, D.C.", "United Nations
Educational, Scientific and Cultural Organization"): the scan ends a name at a comma, so its
two halves came out as two mentions, the second an actor of its own ("D.C.", typed other, was #32 of
a Wikinews corpus's actors). Two mentions the text sets side by side with a comma, whose
keys together are a dictionary's name, are that one mention. Only a dictionary's: a
comma between two names is mostly a list's ("Britain, France")."""

from __future__ import annotations

from collections.abc import Callable, Container
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


def join_campus_names(found: list[Mention], text: str, regions: Container[str],
                      bodies: Container[str]) -> None:
    """A state university's campus named after a comma: "the University of California, San
    Francisco (UCSF)", "University of Texas, Austin", "University of Wisconsin, Madison". The
    scan ends a name at the comma, so every campus was counted as the whole university (a
    health corpus's "University of California", #9 of its actors, held UCSF, UCLA, UC Davis
    and UC San Diego's studies). A university named "of" a region (a state, a province:
    `regions`), then a comma and a place's name of one or two words, no region's nor a
    dictionary body's itself, and no item of a list (a body's name may follow: "University
    of California, Davis, School of Medicine") ("University of California, Stanford
    and MIT"; "University of Toronto, Canada"; "University of Oxford, England" is named of
    no region), is one name: the first mention takes the whole, the second goes."""
    gone: set[int] = set()
    for i in range(len(found) - 1):
        m, nxt = found[i], found[i + 1]
        if nxt.start != m.end + 2 or m.in_title or not m.key.startswith(_CAMPUS_HEAD) \
                or m.key[len(_CAMPUS_HEAD):] not in regions or not text.startswith(", ", m.end):
            continue
        after = found[i + 2] if i + 2 < len(found) else None
        if nxt.key in regions or nxt.key in bodies or nxt.org_type not in _CAMPUS_CUES \
                or nxt.person_cue or nxt.key.count(" ") > 1 \
                or (_listed_after(text, nxt.end)  # (but "..., Davis, School of Medicine")
                    and not (after is not None and after.start == nxt.end + 2
                             and after.org_type == "organisation" and " " in after.key)):
            continue
        m.end = nxt.end
        m.surface = text[m.start:nxt.end]
        m.key = f"{m.key} {nxt.key}"
        gone.add(i + 1)
    if gone:
        found[:] = [m for i, m in enumerate(found) if i not in gone]


_CAMPUS_HEAD = "university of "
# A campus's cues: none, a sited place's, a modifier's ("..., Davis found that").
_CAMPUS_CUES = frozenset((None, "sited", "modifier"))


def _listed_after(text: str, end: int) -> bool:
    """Whether another item of a list follows: ", X", " and X", " or X" with X capitalised."""
    after = text[end:end + 6]
    for gap in (", ", " and ", " or ", " & "):
        if after.startswith(gap):
            return text[end + len(gap):end + len(gap) + 1].isupper()
    return False
