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


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Where each letter sits on a QWERTY keyboard (rows staggered by a quarter and three
# quarters of a key), to tell a finger's slip from another name.
_KEYS = {c: (row, x + (0, 0.25, 0.75)[row]) for row, letters in enumerate(_ROWS)
         for x, c in enumerate(letters)}
_VOWELS = frozenset("aeiouy")
# Consonants that spell one sound, swapped by transliterations ("Kassem" / "Qassem").
_SOUNDS = ("ckq", "sz")


def _neighbours(a: str, b: str) -> bool:
    (row_a, x_a), (row_b, x_b) = _KEYS[a], _KEYS[b]
    return abs(x_a - x_b) == 1 if row_a == row_b else \
        abs(row_a - row_b) == 1 and abs(x_a - x_b) <= 1


def slip_like(a: str, b: str) -> bool:
    """Whether `a` and `b` (one edit apart) may be one name mistyped: not when one
    consonant stands for another that is no neighbour on the keyboard ("Twister" /
    "Twitter", "Alliant" / "Allianz", "Partner" / "Gartner"): that is another word or name.
    A vowel for a vowel is a spelling ("Sevilla", "Salamon"), as is one of the consonants
    of one sound ("Kassem" / "Qassem"), and a letter more, less or two swapped are slips;
    a vowel for a consonant is a slip only where the two keys are neighbours ("Ahmrd"): else
    another word ("White Horse" / "White House", "Bash" / "Bush"). A word's first letter
    changed, added or dropped makes another name, not a slip: "Anfield" / "Enfield" /
    "Banfield" (a stadium, a borough, a club), "Mark" / "Park" (`_initial_changed`)."""
    if _initial_changed(a, b):
        return False
    if len(a) != len(b):
        return True
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) != 1:
        return True  # (two neighbours swapped)
    x, y = a[diff[0]], b[diff[0]]
    if (x in _VOWELS and y in _VOWELS) or x not in _KEYS or y not in _KEYS:
        return True
    return _neighbours(x, y) or any(x in sound and y in sound for sound in _SOUNDS)


def _initial_changed(a: str, b: str) -> bool:
    """Whether the first word where `a` and `b` differ starts with another letter (one
    more or less at its start too): typists slip inside a word, where names that differ
    at their first letter are other names (transliteration's rule 3 asks the same of its
    initials)."""
    for word_a, word_b in zip(a.split(), b.split(), strict=False):
        if word_a != word_b:
            if word_a[:1] == word_b[:1]:
                return False
            # (A long word's first letter dropped is a slip: "Exchange ommission". Not a
            # short one's: "Anfield" / "Banfield".)
            short, long = sorted((word_a, word_b), key=len)
            return not (len(short) >= _LONG and long[1:] == short)
    return False


_LONG = 8  # letters of a word whose first letter dropped is a slip (`_initial_changed`)
