"""Whether two names are one edit apart, without rapidfuzz: clustering only ever asks
whether an OSA distance (substitution, insertion, deletion, transposition of neighbours) is
at most 1, a few thousand times a corpus, and importing rapidfuzz for that cost more than
all the answers (12 ms of BBC's 300 ms clustering)."""

from __future__ import annotations


def osa_within_one(a: str, b: str) -> int:
    """The OSA distance of `a` and `b` where it is 0 or 1, else 2 (any greater distance):
    `osa_within_one(a, b) <= 1` is `OSA.distance(a, b) <= 1`."""
    if a == b:
        return 0
    size_a, size_b = len(a), len(b)
    if size_a > size_b:
        a, b, size_a, size_b = b, a, size_b, size_a  # a is the shorter
    if size_b - size_a > 1:
        return 2
    i = 0  # where they first differ
    while i < size_a and a[i] == b[i]:
        i += 1
    if size_a < size_b:  # one letter more in b, at i
        return 1 if a[i:] == b[i + 1:] else 2
    if a[i + 1:] == b[i + 1:]:  # one letter for another
        return 1
    return 1 if (i + 1 < size_a and a[i] == b[i + 1] and a[i + 1] == b[i]
                 and a[i + 2:] == b[i + 2:]) else 2  # two neighbours swapped


def edit_in_long_word(a: str, b: str, least: int = 5) -> bool:
    """Whether the words where `a` and `b` (one edit apart, as many words) differ both have
    `least` letters or more: one letter in a short word is another name, not a slip
    ("US Treasury" / "UK Treasury", "Fed" / "Fes"), where in a long one it is a slip."""
    for word_a, word_b in zip(a.split(), b.split(), strict=False):
        if word_a != word_b:
            return min(len(word_a), len(word_b)) >= least
    return True
