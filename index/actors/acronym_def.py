"""Whether an acronym in brackets after a name is that name's ("International Cocoa
Organization (ICCO)"): its letters, in order, are the name's word initials, with a letter
taken from inside a word now and then, as the short-form/long-form match of Schwartz and
Hearst (2003) allows ("ICCO": International COCoa Organization), under guards that keep
chance out: the first letter is the name's first initial, every content word but one gives
its initial, and at most one letter in three comes from inside a word."""

from __future__ import annotations

from functools import lru_cache

from newsdesk.index.actors.names import ACRONYM_SKIPS

INNER_SHARE = 3  # at most one letter in three (and one at least) from inside a word
MAX_WORDS_LEFT = 1  # content words of the name whose initial is not in the acronym


def defines(acronym: str, key: str) -> bool:
    """`acronym` (its letters, lower case) is the short form of the name `key`."""
    words = tuple(key.split())
    letters = acronym.lower().replace("&", "").replace("-", "").replace(".", "")
    if len(words) < 2 or not letters or not words[0] or letters[0] != words[0][0]:
        return False
    content = tuple(w not in ACRONYM_SKIPS for w in words)
    return _search(letters, words, content, 1, 0, 1, max(1, len(letters) // INNER_SHARE), 0)


@lru_cache(maxsize=4096)  # bounded: called through a whole ingest, a name at a time
def _search(letters: str, words: tuple[str, ...], content: tuple[bool, ...], i: int, w: int,
            c: int, inner: int, left: int) -> bool:
    """Letters from `i` on matched after word `w`'s character `c`; `inner` letters may
    still come from inside words, `left` content words were passed over so far."""
    if left > MAX_WORDS_LEFT or inner < 0:
        return False
    if i == len(letters):  # the words after the last one matched are left out
        return left + sum(content[w + 1:]) <= MAX_WORDS_LEFT
    letter = letters[i]
    # From inside the current word, after the character last matched.
    at = words[w].find(letter, c)
    if at >= 0 and _search(letters, words, content, i + 1, w, at + 1, inner - 1, left):
        return True
    # The initial of a later word; the content words skipped on the way are left out.
    skipped = 0
    for nxt in range(w + 1, len(words)):
        if words[nxt][:1] == letter and _search(letters, words, content, i + 1, nxt, 1,
                                                inner, left + skipped):
            return True
        skipped += content[nxt]
    return False
