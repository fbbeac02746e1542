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
        _join_unnamed_first(found, text, acronyms, known)
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
    _join_unnamed_first(found, text, acronyms, known)


# The capitalised words before " and " that no mention holds whole: "U.S. Immigration" of
# "U.S. Immigration and Customs Enforcement (ICE)", the country a mention of its own and
# the word left over (two to three words before; the last one nearest "and").
_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w.'’-]* ){0,2}[A-Z][\w'’-]*)$")
_BEFORE_REACH = 60
# The bracket after the name, or after its possessive: "Customs Enforcement’s (ICE) agents".
_DEFINED_AFTER = re.compile(r"(?:['’]s)? \(([A-Z][A-Za-z&.-]{1,11})\)")


def _join_unnamed_first(found: list[Mention], text: str, acronyms: list[tuple[str, str]],
                        known: frozenset[str]) -> None:
    """As `join_and_names` where the first half is no mention of its own: a country's name
    before it was cut off as its own mention and the word left went with no key ("U.S. |
    Immigration and Customs Enforcement (ICE)": ICE, "Customs Enforcement" and the whole
    name were three actors of a US politics corpus, none typed a government's). The
    fewest words before "and" whose whole run the bracket spells, and its second half
    does not; the mentions inside the run give way to it, the country's before it stays."""
    for n, b in enumerate(found):
        if b.in_title or " " not in b.key or b.key in known \
                or text[b.start - len(_AND):b.start] != _AND:
            continue
        bracket = _DEFINED_AFTER.match(text, b.end)
        if bracket is None:
            continue
        short = bracket.group(1).replace(".", "")
        if defines(short, b.key):
            continue
        end = b.start - len(_AND)
        before = _WORDS_BEFORE.search(text, max(0, end - _BEFORE_REACH), end)
        if before is None:
            continue
        words = before.group(1).split(" ")
        for size in range(1, len(words) + 1):
            start = end - len(" ".join(words[-size:]))
            key = name_key(text[start:b.end])
            if defines(short, key):
                break
        else:
            continue
        # (A mention that runs into it from before keeps its part before the run: "US
        # Immigration" written as one mention is the country's; those inside it go, below.)
        b.start = start
        for m in found[:n]:
            if m.end > start and m.start < start and not m.in_title:
                m.end = start - 1 if text[start - 1] == " " else start
                m.surface = text[m.start:m.end]
                m.key = name_key(m.surface)
        acronym = name_key(short)
        acronyms[:] = [(s, e) for s, e in acronyms if s != acronym]
        acronyms.append((acronym, key))
        # The article's other "Immigration and Customs Enforcement", bracket or not.
        first = text[start:end] + _AND
        half = b.key
        spans: list[Mention] = []  # the whole names, in the text's order
        for m in found:
            if m is b or m.key == half and not m.in_title \
                    and text[m.start - len(first):m.start] == first:
                m.start -= 0 if m is b else len(first)
                m.key, m.surface = key, text[m.start:m.end]
                spans.append(m)
        kept: list[Mention] = []
        at = 0  # (one pass: the spans do not overlap, the mentions are in order)
        for m in found:
            while at < len(spans) and spans[at].end <= m.start:
                at += 1
            if m.in_title or at == len(spans) or m is spans[at] \
                    or not (spans[at].start <= m.start and m.end <= spans[at].end):
                kept.append(m)
        found[:] = kept
        return  # (one such name an article: the rest are rare, and left as they are)
