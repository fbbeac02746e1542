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

A rating, a ranked list and a group of stocks take a work's cue (works.WORK), and the cluster
step drops a name with one in a fifth of its mentions and three at least (`works.names_work`),
as it drops films, games and products: a company named now and then beside its rating ("Apple
has a Zacks Rank #3") keeps its name, for the cue is the rating's, not the company's.

A market index named in letters is dropped, mention by mention: an index is often named after a
body that is an actor in its own right ("the Standard & Poor's 500 Index" and the rating
agency, "the Dow Jones industrial average" and the publisher, "the Nikkei 225" and the
newspaper), and the article that names only the index is no hit of the body. Its name in
letters may be possessive before its size ("Standard & Poor's 500 Index"), and its index word
capitalised ("Index", "Composite", "Average") or after "industrial" ("the Dow Jones industrial
average"); not a possessive without a number ("the Conference Board's index": the body's own
index, it acts). An article that names an index so names it again in short, and those mentions
are the index's too: its name's first word alone ("the Dow edged up" after "the Dow Jones
industrial average"), its name before the same size ("Standard & Poor's 500 companies"), or
before an index word a few lower-case words on ("S&P energy index"); not such a word before a
verb of saying ("S&P said": the agency). A name in capitals ("S&P 500", "FTSE 100") takes a
work's cue instead, as before, and so does a name of one word before an index's words ("the
Nikkei 225 index", "the MSCI World Index"): such a name is most often an index's or a code's
alone ("VIX", "KES 500", "World"), and the cluster step drops it whole where a fifth of its
mentions are so."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.works import WORK

# Before a rating in brackets: a rank's number ("#1 (", "#1 Rank (", "Rank 3 (", "rated
# 2 ("); a number alone is not one ("Nov 5 (Reuters)": a dateline's).
_RATING_BEFORE = re.compile(r"(?:#\s?\d{1,2}(?:\s+[A-Z][a-z]+)?|\b(?:[Rr]ank|[Rr]ated|[Rr]ating)"
                            r"\s+\d{1,2})\s*\($")
# After a ranked list's name: a rank's number ("Zacks Rank #3").
_RANK_AFTER = re.compile(r" #\s?\d{1,2}\b")
# After an index's name (and its number): its instrument code, or an index's words; a
# possessive name only before a number ("Standard & Poor's 500 Index", not "the Conference
# Board's index": the body's own). "average" only after a number or "industrial" ("the EU
# average" is no index).
_INDEX_AFTER = re.compile(r"(?:(?:['’]s)?( \d{2,5}))?(?:  ?\.[A-Z][A-Z0-9]{1,5}\b(?!\.)| [Ii]ndex\b"
                          r"| (?:[Ii]ndexes\b|[Ii]ndices\b|[Cc]omposite\b|[Ii]ndustrials\b"
                          r"|[Ii]ndustrial [Aa]verages?\b|futures\b|e-minis?\b))"
                          r"|(?:['’]s)?( \d{2,5}) [Aa]verages?\b")
# A name's last word that makes the whole an index's name ("Nasdaq Composite Index").
_INDEX_LAST = frozenset(("Index", "Indices", "Composite", "Average"))
# After an index's short name in the same article: lower-case words, then an index word
# ("S&P energy index .GSPE", "S&P financial sector index").
_INDEX_ON = re.compile(r"(?: [a-z][a-z-]*){1,3} [Ii]ndex\b")
# After a group of stocks' name ("the Magnificent Seven stocks"); not after capitals, where
# stocks are a body's stores of a commodity ("CCC stocks", "LME stocks").
_STOCKS_AFTER = re.compile(r"(?: \d{1,5})? stocks\b")
# What may begin the word after a name's space for any of these to follow.
_FIRSTS = frozenset("#.0123456789ifesICAac")
_AFTERS = frozenset(" '’")  # a space, or a possessive's apostrophe
_WORDS = ("index", "futures", "e-mini", "stocks", "indices", "composite", "industrial",
          "average")
_CLOSING_QUOTES = ('"', "”", "’")
# Contracts after a name with no size: an exchange's as often as an index's ("Chicago Board
# of Trade futures", "Dow e-minis"): a work's cue, no mention dropped.
_CONTRACTS = ("futures", "e-mini", "e-minis")
_CONTRACT = "contract"
# A possessive before a size: an index's name where the article names an index ("the Dow
# Jones industrial average and the Standard & Poor's 500 each shed 4 percent"); not before
# a plural noun ("the firm's 500 workers").
_POSSESSIVE_SIZE = re.compile(r"['’]s (\d{2,4})\b(?![.,]\d|-|%| ?(?:percent|per cent|million"
                              r"|billion)| (?!was\b|has\b|is\b)[a-z]+s\b)")
_SIZE_AFTER = re.compile(r" (\d{2,4})\b(?![.,]\d|-|%| ?(?:percent|per cent|million|billion))")


def _index_size(number: str) -> bool:
    """A round number of an index's members (30, 40, 50, 100, ..., 5000), not a year."""
    n = int(number)
    return (n in (30, 40) or (n >= 50 and n % 50 == 0)) and not 1900 <= n <= 2099


def mark_market_terms(found: list[Mention], text: str, title: str = "",
                      said: Callable[[str, int], bool] = lambda text, end: False,
                      known: frozenset[str] = frozenset()) -> None:
    """Give WORK to each mention of `found` that names a rating, a ranked list or a group
    of stocks, and drop (in place) those that name a market index, by the syntax around it
    (see the module's doc; `said`: whether a verb of saying follows a name's end; `known`:
    the dictionaries' keys, never dropped for a short name of an index)."""
    indexes: dict[str, str] = {}  # an index's key: its size ("" if none written)
    dropped: list[Mention] = []
    owned: list[tuple[Mention, str]] = []  # a possessive before an index's size, its size
    for m in found:
        if m.in_title:
            continue
        after = text[m.end:m.end + 1]
        if after == ")":
            if m.org_type != WORK and _RATING_BEFORE.search(text, max(0, m.start - 14),
                                                            m.start):
                m.org_type = WORK
        elif after in _AFTERS and text[m.end + 1:m.end + 2] in _FIRSTS:  # (most names: no)
            size = _index_after(text, m.end, m.surface.isupper())
            if size == _CONTRACT:
                m.org_type = WORK  # (a cue, as before: the name is an exchange's as often)
            elif size is not None:
                indexes[m.key] = size
                dropped.append(m)
            elif after != " " and (sized := _POSSESSIVE_SIZE.match(text, m.end)) \
                    and _index_size(sized.group(1)):
                owned.append((m, sized.group(1)))
            elif m.org_type != WORK and after == " " and _ranked_or_stocks(
                    text, m.end, m.surface.isupper()):
                m.org_type = WORK
        elif after in _CLOSING_QUOTES and m.org_type != WORK \
                and _ranked_or_stocks(text, m.end + 1, m.surface.isupper()):
            m.org_type = WORK  # 'the so-called "Magnificent Seven" stocks'
        if " " in m.surface and m.surface[m.surface.rfind(" ") + 1:] in _INDEX_LAST:
            indexes.setdefault(m.key, "")  # "Nasdaq Composite Index": its short name's
    if indexes:
        for m, size in owned:  # "the Standard & Poor's 500 was up" beside another index
            indexes.setdefault(m.key, size)
            dropped.append(m)
        _drop_short_names(found, text, title, indexes, dropped, said, known)


def _ranked_or_stocks(text: str, end: int, capitals: bool) -> bool:
    """Whether a rank's number ("Zacks Rank #3") or, after a name not in capitals, a group
    of stocks' word follows a name ending at `end`."""
    return _RANK_AFTER.match(text, end) is not None or (
        not capitals and _STOCKS_AFTER.match(text, end) is not None)


def _index_after(text: str, end: int, capitals: bool) -> str | None:
    """The size written after a name ending at `end` that names a market index ("" if the
    index has none written), None if it names none (`capitals`: the name is in capitals)."""
    if text[end] != " ":  # a possessive: only before a size ("Standard & Poor's 500 Index")
        if not (text.startswith("s ", end + 1) and text[end + 3:end + 4].isdigit()):
            return None
    else:
        c = text[end + 1:end + 2]
        if c.islower() and not text.startswith(_WORDS, end + 1):
            return None
    named = _INDEX_AFTER.match(text, end)
    if named:
        size = (named.group(1) or named.group(2) or " ")[1:]
        if not size and named.group().endswith(_CONTRACTS):
            return _CONTRACT  # "Chicago Board of Trade futures": the exchange's contracts
        return size
    if capitals and text[end] == " ":
        size = _SIZE_AFTER.match(text, end)
        if size is not None and _index_size(size.group(1)):
            return size.group(1)
    return None


def _drop_short_names(found: list[Mention], text: str, title: str, indexes: dict[str, str],
                      dropped: list[Mention], said: Callable[[str, int], bool],
                      known: frozenset[str]) -> None:
    """Drop the index mentions (`dropped`) and the article's short names of its indexes
    (`indexes`, by key: their sizes): the first word of an index's name, the name again
    before its size or before an index word a few words on, never before a verb of saying
    (see the module's doc); the first two not of a dictionary's name (`known`)."""
    firsts = {k.split()[0] for k in indexes if " " in k}
    gone = {id(m) for m in dropped}
    # (A name of one word before an index's words is most often the index's own, "Nikkei",
    # "Kospi", "MSCI World": cued, as one in capitals, so the name goes where a fifth of
    # its mentions are so. A body's name of several words, "Standard & Poor's", "Dow
    # Jones", and a short name in its article are dropped mention by mention.)
    cued = {id(m) for m in dropped if " " not in m.surface}
    for m in found:
        if id(m) in gone:
            continue
        size = indexes.get(m.key)
        spelled = size is None and m.key not in firsts  # (only its initials an index's)
        if spelled:
            if " " not in m.key or not indexes.get(_initials(m.key)):
                continue
            size = indexes[_initials(m.key)]  # "Standard & Poor's 500" after "S&P 500"
        source = title if m.in_title else text
        if said(source, m.end):
            continue
        if not spelled and m.key not in known and (m.key in firsts or size):
            # "the Dow" of "the Dow Jones industrial average", "the S&P" of "the S&P 500";
            # not a dictionary's name, a country's of "the Japan Nikkei index"
            gone.add(id(m))
        elif size and re.match(r"(?:['’]s)? " + size + r"\b", source[m.end:m.end + 9]):
            gone.add(id(m))  # "Standard & Poor's 500 companies"
        elif _INDEX_ON.match(source, m.end):
            gone.add(id(m))  # "S&P energy index"
    if not gone:
        return
    kept = []
    for m in found:
        if id(m) not in gone:
            kept.append(m)
        elif id(m) in cued or not any(c.islower() for c in m.surface):
            # A name in capitals ("S&P 500", "FTSE 100", "VIX", "KES 500") keeps its
            # mention with a work's cue: the cluster step drops the name where a fifth of
            # its mentions are so (works.names_work), as most such are an index's or a
            # code's, and it no body named apart from its index in letters.
            m.org_type = WORK
            kept.append(m)
    found[:] = kept


def _initials(key: str) -> str:
    """The key of a name's initials ("standard poor": "s p", the key of "S&P")."""
    return " ".join(word[0] for word in key.split())
