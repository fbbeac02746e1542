"""A portfolio listed after a ministry's or a minister's "of": "Ministry of Agriculture,
Livestock, Forestry, Fisheries and Biosecurity (MALFFB)", "Minister of Finance and Economic
Management, Johnny Koanapo".

The list's commas and "and" cut the name into pieces, each read as a name of its own: four
of the top 50 actors of a Vanuatu business paper were "Livestock", "Fisheries", "Forestry"
and "Biosecurity" (typed other), and "Economic Management" a fifth. A body's or an office's
"of" (or "for") takes the whole list: its pieces are the body's name (joined to the mention
that opens it, "Ministry of Agriculture", which then owns the acronym after it), or, after a
title whose run the extractor cut as a title, the title's words (dropped).

Only where the words say so: the word before "of" is a government body's head noun
(ORG_CUES: "Ministry", "Department", "Office") or a title that holds a portfolio
("Minister", "Secretary", "Director", "Commissioner"); each piece is capitalised words with no
cue of its own (no person's, place's or organisation's head noun, no dictionary's name, no
place's); a body's list of two ("Department of Justice and Acme") joins only where the
article writes the piece's last word in lower case too ("... and Economic Management" beside
"management"), three or more always ("Trades, Tourism, Commerce and Ni-Vanuatu Business")."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention

# Titles whose "of" or "for" opens a portfolio (a seat's holder's does not: "MP for Hornsey").
PORTFOLIO_TITLES = frozenset(("minister", "ministers", "secretary", "director", "commissioner",
                              "undersecretary", "under-secretary", "directorate"))
_ITEM = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}"
_SEP = r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)"
# The text before a piece: the head, its "of", the items before the piece and a separator.
_LIST_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(" + _ITEM + r"(?:" + _SEP + _ITEM
    + r")*)" + _SEP + r"$")
_SEPS = re.compile(_SEP)
_AND = re.compile(r"[ \t,](?:and|&)[ \t]|&")
_LIST_AFTER = re.compile(r"(?:[ \t]*,[ \t]*" + _ITEM + r")*(?:[ \t]*,?[ \t]*(?:and|&)[ \t]+"
                         + _ITEM + ")?")
_REACH = 160  # characters before a piece where its list's head may stand
_GAPS = (", ", " and ", " & ", ",and ")  # how a piece's text before it ends
_LAST_GAPS = (" and ", " & ", ",and ")


def join_portfolio_lists(found: list[Mention], text: str, org_cues: Mapping[str, str],
                         known: Container[str], places: Container[str], given: Container[str],
                         written_lower: Callable[[str, str], bool]) -> list[Mention]:
    """Join or drop, in `found`, the pieces of portfolio lists; the body mentions that took
    a list are returned (their acronym is looked for after them). `given`: given names
    (lower case): an item opening with one is a person set beside the title ("the Minister
    of Defence, John Smith, and ..."), no portfolio's."""
    joined: list[Mention] = []
    i = 0
    while i < len(found):
        m = found[i]
        if m.in_title or not text.endswith(_GAPS, max(0, m.start - 6), m.start) \
                or not _bare(m, known, places):
            i += 1
            continue
        before = _LIST_BEFORE.search(text, max(0, m.start - _REACH), m.start)
        head = before.group(1).lower() if before else ""
        body = org_cues.get(head) == "government"
        if before is None or (not body and head not in PORTFOLIO_TITLES):
            i += 1
            continue
        # (after a piece the "and" opens, the list has ended: ", John Smith, said" is none)
        last = text.endswith(_LAST_GAPS, max(0, m.start - 6), m.start)
        after = "" if last else _LIST_AFTER.match(text, m.end).group()
        listed = text[before.start(2):m.end] + after
        items = [w for w in _SEPS.split(listed) if w]
        # (a list ends with "and": a piece after a comma comes before it, else the comma sets
        # an apposition apart, "the Director of the Disaster Office, Loti Yates", "the
        # Office of Management and Budget, OMB")
        if not (_AND.search(after) if not last else _AND.search(listed)) \
                or m.surface.isupper() \
                or (not body and not _topic_ends(m, text, written_lower)) \
                or any(_named(item, known, places, given, org_cues) for item in items) \
                or (body and len(items) < 3
                    and not written_lower(m.key.rsplit(" ", 1)[-1], text)):
            i += 1
            continue
        # The mention opening the list, if a body's name opens it ("Ministry of
        # Agriculture"): the one before, reaching over the head.
        opener = found[i - 1] if body and i and found[i - 1].start <= before.start(1) \
            < found[i - 1].end else None
        if opener is not None:
            opener.end = m.end
            opener.surface = text[opener.start:m.end]
            opener.key = name_key(opener.surface)
            if not joined or joined[-1] is not opener:
                joined.append(opener)
        del found[i]  # (`i` is then the mention after the piece)
    return joined


def _topic_ends(m: Mention, text: str, written_lower: Callable[[str, str], bool]) -> bool:
    """Whether a title's piece is a topic's words alone, no holder's name run into it
    ("Minister of Mines and Energy Subroto", "Industry and Trade Cahit Aral"): of two words
    at most, and the clause or the list goes on after it, or the article writes its last
    word in lower case ("management", "trade")."""
    if m.surface.count(" ") > 1:
        return False
    return text[m.end:m.end + 1] in _PIECE_ENDS \
        or written_lower(m.key.rsplit(" ", 1)[-1], text)


_PIECE_ENDS = frozenset(",;(")


def _bare(m: Mention, known: Container[str], places: Container[str]) -> bool:
    """Whether a mention may be a portfolio's piece: capitalised words with no cue of a
    place or a body of its own, no dictionary's name."""
    return not m.location_cue and m.org_type in (None, "thing", "neuter", "modifier") \
        and m.surface.count(" ") < 4 and m.key not in known \
        and m.key.split(" ", 1)[0] not in places


def _named(item: str, known: Container[str], places: Container[str], given: Container[str],
           org_cues: Mapping[str, str]) -> bool:
    """Whether a list's item is a name of its own: a dictionary's, a place's, a body's (its
    head noun: "National Disaster Management Office"), or opening with a given name."""
    key = name_key(item)
    first, last = key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]
    return key in known or first in places or first in given \
        or (last in org_cues and " " in key)  # (a head noun alone, "Industry", is a topic)
