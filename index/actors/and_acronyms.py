"""A body's name with "and" inside, defined by an acronym: "National Transport and Safety
Authority (NTSA)", "Independent Electoral and Boundaries Commission (IEBC)". The scan reads
"and" as a list's, so the name came out as two ("National Transport", "Safety Authority":
two bogus actors of an outside tester's Kenyan news, stranger13 A1) and the acronym went to
the first half, whose letters it does not spell (IEBC is no "Independent Electoral"). The
bracket whose letters spell the whole "X and Y Z" run, letter for letter as acronym_def
reads them, and neither half alone, is the evidence that the "and" is inside the name: the
two mentions become one, the acronym its own, and so does every other "X and Y Z" of the
article written the same way without the bracket."""

from __future__ import annotations

import re

from newsdesk.index.actors.acronym_def import defines
from newsdesk.index.actors.bracketed import BRACKETED
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention

_AND = " and "
_DEFINED = re.compile(r" \(([A-Z][A-Za-z&.-]{1,11})\)")


def join_and_names(found: list[Mention], text: str, acronyms: list[tuple[str, str]],
                   known: frozenset[str]) -> None:
    """Join in `found` each two mentions set side by side with " and " that an acronym
    after them defines together (module docstring); `acronyms`, the article's (acronym,
    expansion) pairs, have the acronym's pair given the whole name instead of either half.
    Not two of the dictionaries' names (`known`: "Britain and France")."""
    whole: dict[tuple[str, str], str] = {}  # (first key, second key) -> the whole's key
    for a, b in zip(found, found[1:], strict=False):
        if a.in_title or b.in_title or text[a.end:b.start] != _AND or a.key in known \
                or b.key in known:
            continue
        bracket = _DEFINED.match(text, b.end)
        if bracket is None:
            continue
        short = bracket.group(1).replace(".", "")
        key = name_key(text[a.start:b.end])
        if " " in b.key and defines(short, key) and not defines(short, b.key) \
                and not defines(short, a.key):
            whole[a.key, b.key] = key
            halves = {a.key, b.key}
            acronym = name_key(short)
            acronyms[:] = [(s, e) for s, e in acronyms if s != acronym or (
                e not in halves and e.removeprefix(BRACKETED) not in halves)]
            acronyms.append((acronym, key))
    if not whole:
        return
    kept: list[Mention] = []
    skip = False
    for n, m in enumerate(found):
        if skip:
            skip = False
            continue
        nxt = found[n + 1] if n + 1 < len(found) else None
        if nxt is not None and (m.key, nxt.key) in whole and not m.in_title \
                and not nxt.in_title and text[m.end:nxt.start] == _AND:
            m.key, m.end = whole[m.key, nxt.key], nxt.end
            m.surface, m.org_type = text[m.start:m.end], nxt.org_type
            skip = True
        kept.append(m)
    found[:] = kept
