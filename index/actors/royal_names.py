"""A royal's title before one given name ("Prince Alwaleed", "Princess Haya") keeps the
title in the name's key (extract.py, `REGNAL_TITLES`): the word is a given name, no surname
of the article's other people ("Prince Charles" is no Ray Charles, "Prince Harry" no Harry
Kane). Where the article writes the full name after the same title ("Prince Alwaleed bin
Talal"), the titled given name is that full name, as a lone surname is its article's full
name."""

from __future__ import annotations

from newsdesk.index.actors.records import Mention

ROYAL_TITLES = frozenset(("prince", "princess"))


def _title_before(m: Mention, text: str) -> str:
    before = text[m.start - 12 if m.start > 12 else 0:m.start].split()
    return before[-1].lower() if before else ""


def resolve_royal_given(found: list[Mention], text: str) -> None:
    """Give "prince X" (the title kept) the one full name led by X that the article writes
    right after a royal title, if there is one such."""
    titled = [m for m in found if m.key.startswith(("prince ", "princess "))
              and m.key.count(" ") == 1]
    if not titled:
        return
    full: dict[tuple[str, str], set[str]] = {}
    for m in found:
        words = m.key.split()
        if len(words) >= 2 and words[0] not in ROYAL_TITLES and not m.in_title \
                and (title := _title_before(m, text)) in ROYAL_TITLES:
            full.setdefault((title, words[0]), set()).add(m.key)
    for m in titled:
        title, given = m.key.split()
        names = full.get((title, given))
        if names is not None and len(names) == 1:
            m.key = next(iter(names))
