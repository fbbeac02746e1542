"""A word cut off a name with a number inside: "Route" of "the Route 2020 metro line",
"Route" of "the Expo 2020 Route metro line". No run of capitalised words goes on over a
number, so the name's word before or after it was read as a name of its own: a Dubai
developer's press releases listed "Route" (a metro line) as an actor in 42 articles.

- After the number ("Expo 2020 Route metro line": a capitalised word, a number, this word,
  prose in lower case): no name at all (extract.py drops it).
- Before the number ("Route 2020 metro line"): no name where the article writes the word in
  lower case too ("the metro route"); else the mention takes `NUMBERED`, a weak cue, and the
  cluster step drops a name used so in more than half its mentions (`names_numbered`): "Boeing
  747 jets" is a few of Boeing's mentions, "Route 2020" all of Route's.
Not a channel's word ("Channel 4"), a score ("Arsenal 2 Chelsea 1"), a month ("March 2020
Biden said") or a dictionary's name ("Expo 2020 Dubai")."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.index.actors.records import Tok

NUMBERED = "numbered"  # the extractor's org_type for a name's word before its number

# A name's capitalised word, then a number, before a word (`numbered_tail`).
_NUMBERED_BEFORE = re.compile(r"([A-Z][\w'’-]*) \d+ $")
_LOWER_AFTER = re.compile(r" [a-z]")
_NUMBER_THEN_PROSE = re.compile(r" \d+(?: [a-z]|[,.;:])")


def numbered_tail(tok: Tok, text: str, function: Callable[[str], object]) -> bool:
    """Whether a one-word run is the tail of a name with a number inside ("the Expo 2020
    Route metro line"): a capitalised word (no function word nor month's name: `function`)
    and a number before it, prose in lower case after it."""
    before = _NUMBERED_BEFORE.search(text, max(0, tok.start - 32), tok.start)
    return before is not None and not function(before.group(1)) \
        and _LOWER_AFTER.match(text, tok.end) is not None


def before_number(tok: Tok, text: str) -> bool:
    """Whether a one-word run stands before a number and prose ("Route 2020 metro line",
    "Route 2020, the metro"), not before a capitalised word ("Arsenal 2 Chelsea 1")."""
    return text[tok.end:tok.end + 1] == " " and _NUMBER_THEN_PROSE.match(text, tok.end) is not None


def names_numbered(numbered: int, mentions: int) -> bool:
    """A name used before a number in two mentions and more than half of them (BBC's
    "Tandy": "the Tandy 100" in two of its four, "Tandy did not" in the others)."""
    return numbered >= 2 and numbered * 2 > mentions
