"""Names of market things that business news writes like companies' names: a rating, a
ranked list, a market index. None is an actor, yet each is a capitalised name with no head
noun ("Strong Buy", "Zacks Rank", "S&P", "Dow"), so `not_actors.py` cannot tell it from
the name alone. Told by the syntax around it, generic to business writing, not by any list
of ratings or indexes:

- a rating in brackets after a rank's number: "a Zacks Rank #1 (Strong Buy)", "Rank 3
  (Hold)", "a Zacks #1 Rank (Strong Buy)": what a number is glossed with is its label;
- a ranked list before a rank's number: "Zacks Rank #3", "Rank 3 (Hold)": a name a rank
  follows ranks things, it does not act;
- a market index before its quote code or its index's words: Reuters' instrument code of
  an index, a dot and capitals after a space ("the Dow .DJI", "S&P 500 .SPX", "Nikkei
  .N225": a company's code is glued to its symbol, "AAPL.O"), or "index", "futures",
  "e-minis" right after the name or after its number ("the S&P 500 index", "Dow e-minis");
  or, after a name in capitals, the index's size, a round number of members ("S&P 500",
  "FTSE 100", "CAC 40"), never a year; a name in letters before a number is as often a
  model's ("Audi 5000", "Dodge 600", "Boeing 737");
- a group of stocks before "stocks" ('the "Magnificent Seven" stocks'); not a name in
  capitals, where stocks are a body's stores of a commodity ("CCC stocks", "LME stocks").

Such mentions take a work's cue (works.WORK), and the cluster step drops a name with one in
a fifth of its mentions and three at least (`works.names_work`), as it drops films, games
and products: a company named now and then beside its rating ("Apple has a Zacks Rank #3")
keeps its name, for the cue is the rating's, not the company's."""

from __future__ import annotations

import re

from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.works import WORK

# Before a rating in brackets: a rank's number ("#1 (", "#1 Rank (", "Rank 3 (", "rated
# 2 ("); a number alone is not one ("Nov 5 (Reuters)": a dateline's).
_RATING_BEFORE = re.compile(r"(?:#\s?\d{1,2}(?:\s+[A-Z][a-z]+)?|\b(?:[Rr]ank|[Rr]ated|[Rr]ating)"
                            r"\s+\d{1,2})\s*\($")
# After a ranked list's name: a rank's number ("Zacks Rank #3").
_RANK_AFTER = re.compile(r" #\s?\d{1,2}\b")
# After an index's name (and its number): its instrument code, or an index's words.
_INDEX_AFTER = re.compile(r"(?: \d{2,5})? (?:\.[A-Z][A-Z0-9]{1,5}\b(?!\.)|index\b|futures\b"
                          r"|e-minis?\b)")
# After a group of stocks' name ("the Magnificent Seven stocks"); not after capitals, where
# stocks are a body's stores of a commodity ("CCC stocks", "LME stocks").
_STOCKS_AFTER = re.compile(r"(?: \d{1,5})? stocks\b")
# What may begin the word after a name's space for any of these to follow.
_FIRSTS = frozenset("#.0123456789ifes")
_WORDS = ("index", "futures", "e-mini", "stocks")
_CLOSING_QUOTES = ('"', "”", "’")
_SIZE_AFTER = re.compile(r" (\d{2,4})\b(?![.,]\d|-|%| ?(?:percent|per cent|million|billion))")


def _index_size(number: str) -> bool:
    """A round number of an index's members (30, 40, 50, 100, ..., 5000), not a year."""
    n = int(number)
    return (n in (30, 40) or (n >= 50 and n % 50 == 0)) and not 1900 <= n <= 2099


def mark_market_terms(found: list[Mention], text: str) -> None:
    """Give WORK to each mention of `found` that names a rating, a ranked list or a market
    index by the syntax around it (see the module's doc)."""
    for m in found:
        if m.in_title or m.org_type == WORK:
            continue
        after = text[m.end:m.end + 1]
        if after == ")":
            if _RATING_BEFORE.search(text, max(0, m.start - 14), m.start):
                m.org_type = WORK
        elif after == " " and text[m.end + 1:m.end + 2] in _FIRSTS \
                and _market_after(text, m.end, m.surface.isupper()):  # (`_market_after`'s
            # first test, made here: after most names no term begins, and no call is made)
            m.org_type = WORK
        elif after in _CLOSING_QUOTES and _market_after(text, m.end + 1, m.surface.isupper()):
            m.org_type = WORK  # 'the so-called "Magnificent Seven" stocks'


def _market_after(text: str, end: int, capitals: bool) -> bool:
    """Whether a rank's number, an index's code or words, a group of stocks' word, or an
    index's size follow a name (`capitals`: the name is written in capitals)."""
    # (The character after the space first: after most names, none of these begins there.)
    c = text[end + 1:end + 2]
    if c not in _FIRSTS or (c.islower() and not text.startswith(_WORDS, end + 1)):
        return False
    if _RANK_AFTER.match(text, end) or _INDEX_AFTER.match(text, end):
        return True
    if not capitals:
        return _STOCKS_AFTER.match(text, end) is not None
    size = _SIZE_AFTER.match(text, end)
    return size is not None and _index_size(size.group(1))
