"""The mentions that are no actor by their own words and the text around them alone, dropped
in one walk over an article's mentions: a word's use ("in English", "Oh no": word_uses.py),
a clock's zone ("4:00pm AEDT": clock_zones.py), a currency before an amount ("VT1.1
billion": amounts.py), a statute's code in a citation ("18 U.S.C. 1001": codes.py). Each
test reads one mention and the text, nothing another changes, so one walk drops what the
three walks one after the other did (a walk over ~35 mentions a pass cost about as much as
its tests)."""

from __future__ import annotations

from newsdesk.index.actors.amounts import amount
from newsdesk.index.actors.clock_zones import clock_zone
from newsdesk.index.actors.codes import legal_citation
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.word_uses import word_use, word_use_keys


def drop_word_uses_zones_amounts(found: list[Mention], text: str, demonyms: frozenset[str],
                                 known: frozenset[str]) -> None:
    """Drop (in place) the mentions of `found` that `word_use`, `clock_zone` or `amount`
    says are no actor (`known`: the dictionaries' keys, `demonyms`: their demonyms)."""
    maybe = word_use_keys(found, demonyms)  # (of the mentions before any is dropped)
    # (A surface of six characters or more, all letters, or of more than ten, is neither a
    # zone's, two to five capitals, nor an amount's, `amount`'s first test: most mentions,
    # told so with no call. A title's mention is none of the three's.)
    keep = [m for m in found if m.in_title or (
        (m.key not in maybe or not word_use(m, text, demonyms))
        and (((n := len(s := m.surface)) > 5 and (n > 10 or s.isalpha()))
             or not (clock_zone(m, text) or amount(m, text, known)
                     or (m.key not in known and legal_citation(s, text, m.start, m.end)))))]
    if len(keep) != len(found):
        found[:] = keep
