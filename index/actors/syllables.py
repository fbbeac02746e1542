"""Whether a hyphenated word is a romanised given name of two syllables ("Jong-un",
"Yo-jong", "Il-sung", "Jae-in", "Kai-shek"), which the extractor keeps whole after a
capitalised name ("Kim Jong-un"), where it cuts other words at their lower-case part
("Iran-backed", "New York-based", "U.S.-led": English words after a name).

The test is the shape of the two pieces, no list of names: each is one syllable as Korean
and Chinese romanisations write them (up to three consonants, one to three vowels, then at
most n, ng, l, k, m, p or t). English words that follow a name after a hyphen mostly end
otherwise ("-led", "-based", "-born", "-held", "-era", "-style", "-owned"), and most names
before them are longer than one syllable ("York", "State", "Arabia")."""

from __future__ import annotations

import re

_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstvwxyz]{0,3}[aeiou]{1,3}(?:ng|n|l|k|m|p|t)?")
_LONGEST = 6  # letters in a syllable: "chung", "myung", "hyeong"


def syllable_pair(word: str) -> bool:
    """Whether `word` is two romanised syllables joined by a hyphen, the first capitalised,
    the second in lower case ("Jong-un"); not "Hamas-run" nor "State-led", nor an acronym's
    ("UN-run")."""
    head, sep, tail = word.partition("-")
    if not sep or "-" in tail or not head[:1].isupper() or not head[1:].islower() \
            or not tail[:1].islower():
        return False
    return all(len(p) <= _LONGEST and _SYLLABLE.fullmatch(p.lower()) is not None
               for p in (head, tail))


def syllables(words: tuple[str, ...]) -> bool:
    """Whether each of `words` (lower case) is one romanised syllable ("jong", "un")."""
    return all(len(w) <= _LONGEST and _SYLLABLE.fullmatch(w) is not None for w in words)


def after_name(word: str, text: str) -> bool:
    """Whether `text` writes `word` right after a capitalised word ("Kim Jong-un")."""
    return re.search(r"[A-Z][\w'’]* " + re.escape(word) + r"\b", text) is not None


# A romanised given name written as one word: one to three syllables ("jinping",
# "keqiang", "yi", "jaein" of "Jae-in" keyed).
_FAMILY_LONGEST = 5  # letters in a family name of one syllable: "zhang", "huang", "chung"
_ROMANISED_WORD = re.compile(f"(?:{_SYLLABLE.pattern}){{1,3}}")


def family_name_first(words: list[str]) -> bool:
    """Whether a full name's words (lower case) read as an East Asian name, the family
    name first: a family name of one syllable ("xi", "kim", "moon") and a given name of
    romanised syllables, one word or two ("xi jinping", "li keqiang", "moon jae in", "kim
    jong un"). Its first word alone is the family name, as "Blair" is Tony Blair's."""
    return 2 <= len(words) <= 3 and len(words[0]) <= _FAMILY_LONGEST \
        and _SYLLABLE.fullmatch(words[0]) is not None \
        and all(len(w) <= 3 * _LONGEST and _ROMANISED_WORD.fullmatch(w) is not None
                for w in words[1:])
