"""Finding actors by a part of a name, as the actor pane's filter (`f`) and `newsdesk actors
--find` do: the text at a word's start in the name or one of its aliases, accents and case
aside ("TD" is no find of "Ltd" names: an outside tester's two-letter filter listed Teck
Resources Ltd and WestJet Airlines Ltd)."""

from __future__ import annotations

from newsdesk.index.folding import fold
from newsdesk.index.models import Actor


def at_word_start(hay: str, needle: str) -> bool:
    """Whether `needle` is in `hay` where a word starts (after no letter or digit)."""
    at = hay.find(needle)
    while at > 0 and hay[at - 1].isalnum():
        at = hay.find(needle, at + 1)
    return at >= 0


def names_match(actor: Actor, needle: str) -> bool:
    """`needle` (folded) at a word's start in the actor's name or an alias."""
    return at_word_start(fold(actor.name), needle) \
        or any(at_word_start(fold(s), needle) for s, _ in actor.aliases)
