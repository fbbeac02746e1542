"""A name whose "'s" is its own: "Moody's", "Standard & Poor's", "McDonald's". The scan cuts
a word's "'s" off as a possessive ("Blair's plan" names Blair). Where an article never
writes the name's last word without it, and somewhere follows it with what no possessive
is followed by, a verb of saying ("Moody's said", "Standard & Poor's says"), the "'s" is
kept in the mention's surface (its key is the same: `name_key` drops it), and the canonical
name keeps it (cluster.py: not a person's, nor from a form kept once or twice only). (A
figure after it is no such sign: "Time's 100" is the magazine's list.)"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.index.actors.long_text import LONG
from newsdesk.index.actors.records import Mention

_ENDS = ("'s", "’s")
# The characters before an "'s" its places are filed under in a long text (`_places`): as
# many as the word has of the longer key, else of the shorter.
_KEYS = (8, 3)
_END_MARK = re.compile("['’]s")


def keep_own_possessives(found: list[Mention], text: str, title: str,
                         speech: Callable[[str, int], bool]) -> None:
    """Extend the mentions right before an "'s" over it where the article (title and
    text) writes the name's last word with its "'s" every time, and at least once before a
    verb of saying (`speech(text, end)`)."""
    owners: dict[str, bool] = {}  # a last word -> whether its "'s" is its own here
    places = _places(text) if len(text) >= LONG else None
    for m in found:
        source = title if m.in_title else text
        if not source.startswith(_ENDS, m.end) or source[m.end + 2:m.end + 3].isalnum():
            continue
        word = m.surface.rsplit(None, 1)[-1]
        own = owners.get(word)
        if own is None:
            own = owners[word] = _owns(word, text, title, speech, places)
        if own:
            m.end += 2
            m.surface = source[m.start:m.end]


def _places(text: str) -> dict[tuple[str, str], list[int]]:
    """Where each "'s" of a long text stands, filed under its ending and the characters
    before it (each of `_KEYS` many): one pass, where a search of the whole text per name
    made a long article's extraction quadratic (thousands of names, each searched for)."""
    places: dict[tuple[str, str], list[int]] = {}
    for m in _END_MARK.finditer(text, min(_KEYS)):
        at = m.start()
        for key in _KEYS:
            if at >= key:
                places.setdefault((text[at - key:at], m.group()), []).append(at)
    return places


def _owns(word: str, text: str, title: str, speech: Callable[[str, int], bool],
          places: dict[tuple[str, str], list[int]] | None = None) -> bool:
    if not word[-1:].isalpha() or word.isupper():
        return False  # (an acronym's "'s" is a possessive: "IBM's" would read as no acronym)
    said = False
    for end in _ENDS:
        if said:
            break
        mark = word + end
        key = next((k for k in _KEYS if len(word) >= k), 0)
        if places is not None and key:
            # The places of "'s" after the word's last letters, those after the word whole
            # kept, from left to right without overlaps, as the search below finds them.
            after = 0
            for at in places.get((word[-key:], end), ()):
                start = at - len(word)
                if start >= after and text.startswith(word, start):
                    after = at + len(end)
                    said = speech(text, after)
                    if said:
                        break
            continue
        at = text.find(mark)
        while at >= 0 and not said:
            after = at + len(mark)
            said = speech(text, after)
            at = text.find(mark, after)
    if not said:  # (most: the counts below need not be taken)
        return False
    owned = sum(text.count(word + end) + title.count(word + end) for end in _ENDS)
    return owned == text.count(word) + title.count(word)
