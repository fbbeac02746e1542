"""Names that go on after "on": "General Agreement on Tariffs and Trade", "Conference on
Trade and Development", "Commission on Human Rights", "Subcommittee on Conservation". The
scan makes two runs of capitalised words either side of the lower-case "on", so the tail
("Tariffs", "Trade") became a name of its own. Where the run before ends with a head noun of
an agreement, an event or a body (not_actors.EVENT_NOUNS, the organisation words of
extract.ORG_CUES) and the run after starts with no common word ("Budget on March 3",
"Commission on Monday"), the two are one name, its "and"s kept ("Tariffs and Trade" is no
list of two). What the whole name is (an agreement is no actor; a body is) is then told as
of any name. The same after "for", where the head is a body's ("Centers for Disease Control
and Prevention")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.index.actors.records import Tok as _Tok

_ON = " on "
# So do bodies' names after "for": "Centers for Disease Control and Prevention", "Institute
# for Fiscal Studies", "Office for National Statistics" (heads: a body's words that take a
# "for" name; not a firm's, "Texaco Inc for Getty Oil").
FOR = " for "
JOINED_ON = "on"  # a token's `joined_by_and` where " on " joined it to the name before


def join_on(runs: list[list[_Tok]], text: str, base: int, heads: Callable[[str], bool],
            common: frozenset[str], link: str = _ON,
            whole: Callable[[str], bool] | None = None) -> list[list[_Tok]]:
    """`runs` with each run ending in a head noun (`heads` of its lower-cased last word)
    joined to the run right after " on " (or `link`: " for ", `FOR`) when that run's first
    word is not `common` (and, given `whole`, where it holds of the two runs' text)."""
    at = text.find(link)
    if at < 0:
        return runs
    after: set[int] = set()  # where a run after "<Head> on " starts
    while at >= 0:
        word = text[text.rfind(" ", 0, at) + 1:at]
        if word[:1].isupper() and heads(word.lower()):
            after.add(at + len(link) + base)
        at = text.find(link, at + 1)
    if not after:
        return runs  # most articles: no head noun before "on"
    found = [i for i, run in enumerate(runs) if i and run[0].start in after]
    if not found:
        return runs
    out = list(runs)
    for i in reversed(found):  # (from the end: a join moves only what comes after it)
        prev, run = out[i - 1], out[i]
        if run[0].start - prev[-1].end == len(link) and not prev[-1].possessive \
                and not prev[-1].cut and not run[0].initial \
                and run[0].text.lower() not in common and heads(prev[-1].text.lower()) \
                and (whole is None or whole(text[prev[0].start - base:run[-1].end - base])):
            for tok in run:
                if tok.joined_by_and:
                    tok.joined_by_and = "kept"
            run[0].joined_by_and = JOINED_ON  # (no person's name: extract._person_like)
            out[i - 1:i + 1] = [prev + run]
    return out
