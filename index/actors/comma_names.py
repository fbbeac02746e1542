"""A dictionary's name written with a comma inside ("Washington, D.C.", "United Nations
Educational, Scientific and Cultural Organization"): the scan ends a name at a comma, so its
two halves came out as two mentions, the second an actor of its own ("D.C.", typed other, was #32 of
a Wikinews corpus's actors). Two mentions the text sets side by side with a comma, whose
keys together are a dictionary's name, are that one mention. Only a dictionary's: a
comma between two names is mostly a list's ("Britain, France")."""

from __future__ import annotations

from newsdesk.index.actors.records import Mention


def join_comma_names(found: list[Mention], text: str, known: frozenset[str]) -> None:
    """Join, in `found` (in the text's order), each pair of mentions written "A, B" whose
    keys together ("a b") are in `known`: the first takes the whole, the second goes."""
    gone: set[int] = set()
    previous: Mention | None = None
    for i, m in enumerate(found):
        if previous is not None and m.start == previous.end + 2 and not m.in_title \
                and not previous.in_title and text.startswith(", ", previous.end) \
                and (joined := f"{previous.key} {m.key}") in known:
            previous.end = m.end
            previous.surface = text[previous.start:m.end]
            previous.key = joined
            gone.add(i)
            continue
        previous = m
    if gone:
        found[:] = [m for i, m in enumerate(found) if i not in gone]
