"""A work's title in quotation marks: “Mad Men”, "Pirates of the Caribbean: On Stranger
Tides". News sets the titles of films, shows, books and songs in quotes (where print set them
in italics); the scan reads such a title as names ("Pirates", and the place "Caribbean"
inside it), and a show's name has no head noun that says it is no actor.

The cue: a span opened by a double quote, made only of capitalised words and the small
words of a title ("of", "the", "in" ...), closed by a quote (a comma, a full stop or a
question mark may stand before it), in a sentence that speaks of works (a film, a season,
an episode, a novel, a star ...: `_WORKS_WORD`). Every name inside the span takes the
work's cue, and so does every other mention of those names in the same article ("the first
Pirates flick" after the film's title). A span that is one person's name (cued as a
person's, or led by a given name: a cast list "Anil Kapoor", "Kriti Kulhari") is left alone,
as is a dictionary's name. Quotes around a name in a sentence about no work (scare quotes:
the "Freedom Convoy", a nickname "Merchant of Death") are no cue. The cluster step drops a
name whose mentions carry the work's cue in a fifth of its uses (`works.names_work`)."""

from __future__ import annotations

import re
from operator import attrgetter

from newsdesk.index.actors.works import WORK

_START = attrgetter("start")

_OPENING = frozenset('"“')
# A title's words after its first: capitalised words, or a title's small words, each after a
# space, a colon and a space, or a hyphen; a comma, full stop, "?" or "!" maybe, then the
# closing quote (not a letter or a digit after it: "the "A" shares" is no title).
_TITLE_REST = re.compile(
    r"(?:(?::? |-)(?:[A-Z0-9][\w'’&-]*|(?:of|the|a|an|and|in|on|for|to|with|at|from|by|or)"
    r"(?![\w'’])))*[,.!?]?[\"”](?![\w'’])")
# Words of a sentence that speaks of a work (lower case, whole words).
_WORKS_WORD = re.compile(
    r"\b(?:films?|movies?|series|shows?|seasons?|episodes?|albums?|songs?|novels?|books?|"
    r"plays?|opera|premiered?|premieres|starring|starred|stars|actor|actress|director|"
    r"directed|sequels?|sitcom|dramas?|comedy|musical|documentary|TV|television|trilogy|"
    r"franchise|blockbusters?|memoir|biography|cast)\b")
_UNTYPED = frozenset((None, "thing", "modifier", "neuter", "personal", "organisation",
                      "location"))


def _opened(text: str, start: int) -> bool:
    """Whether a double quote opens right before `start`, after a space, a bracket or the
    line's start (one quote or two: a CSV's doubled ""Mad Men"")."""
    at = start - 1
    if at < 0 or text[at] not in _OPENING:
        return False
    if at >= 1 and text[at - 1] == '"':
        at -= 1
    return at == 0 or text[at - 1] in " \n\t(["


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] (by ". " and line ends)."""
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    e = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0),
            default=len(text))
    return text[s:e]


def _person_shaped(m, given: frozenset[str]) -> bool:
    """A person's name: cued as one, or led by a given name."""
    return m.person_cue or (" " in m.key and m.key.split(" ", 1)[0] in given)


def mark_quoted_titles(found: list, text: str, known: frozenset[str],
                       given: frozenset[str]) -> None:
    """Give WORK (in place) to the names inside a quoted title in a sentence about a work,
    and to the other mentions of those names in the article; drop a dictionary's name that
    is only a word of such a title (the place "Caribbean" of "Pirates of the Caribbean")."""
    # Where a name may open a quote: right after each double quote of the text (a few a
    # text; most of its mentions start after none of them).
    opens = set()
    for mark in _OPENING:
        at = text.find(mark)
        while at >= 0:
            opens.add(at + 1)
            at = text.find(mark, at + 1)
    if opens.isdisjoint(map(_START, found)):
        return
    keys: set[str] = set()
    dropped: set[int] = set()
    span_end = -1
    inside: list = []
    body = sorted((m for m in found if not m.in_title), key=_START)
    for m in body:
        if m.start < span_end:
            inside.append(m)
            continue
        if inside:
            _mark(inside, keys, dropped, known, given)
            inside = []
        if m.start not in opens or not _opened(text, m.start):
            continue
        rest = _TITLE_REST.match(text, m.end)
        if rest is None or not _WORKS_WORD.search(_sentence(text, m.start, rest.end())):
            continue
        span_end = rest.end()
        inside.append(m)
    if inside:
        _mark(inside, keys, dropped, known, given)
    if not keys:
        return
    after_work = -1
    for m in body:
        if m.key in keys and not m.person_cue and m.org_type in _UNTYPED:
            m.org_type = WORK
        elif m.start == after_work and id(m) not in dropped:
            # "Pirates Of The Caribbean film": the title's tail, as in its quoted form
            if m.key in known:
                dropped.add(id(m))
            elif not m.person_cue:
                m.org_type = WORK
        after_work = m.end + len(_OF_THE) if m.org_type == WORK \
            and text[m.end:m.end + len(_OF_THE)].lower() == _OF_THE else -1
    if dropped:
        found[:] = [m for m in found if id(m) not in dropped]


_OF_THE = " of the "


def _mark(inside: list, keys: set[str], dropped: set[int], known: frozenset[str],
          given: frozenset[str]) -> None:
    """Mark the names of one quoted title (not one person's name); a dictionary's name is
    left alone as the whole title, dropped as one of its words."""
    if len(inside) == 1 and (_person_shaped(inside[0], given) or inside[0].key in known):
        return
    for m in inside:
        if m.key in known:
            dropped.add(id(m))
        elif not m.person_cue:
            m.org_type = WORK
            keys.add(m.key)
