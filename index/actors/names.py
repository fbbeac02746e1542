"""How actor names are normalised and compared: one key per surface form, and a
transliteration form per word so that spelling variants of one name meet.

Shared by extraction, dictionaries and merging, so they always agree on what a name is."""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.index.folding import fold

# Lower-case words that may sit inside a name ("Bank of England", "Abu Mahdi al-Muhandis").
CONNECTORS = frozenset({
    "of", "al", "el", "bin", "ibn", "bint", "de", "du", "da", "del", "van", "von", "der", "den",
    "la", "le", "ul", "ad", "ash", "as", "an", "ar", "at", "az", "a", "y",
})
# Connectors that carry no identity: "al-Muhandis" and "Muhandis" are one name.
ARTICLES = frozenset({"al", "el", "a", "ad", "ash", "as", "an", "ar", "at", "az", "the", "ul"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-"})
_NON_WORD = re.compile(r"[^\w]+")


def name_key(surface: str) -> str:
    """The normal form of a surface: folded, lower case, possessive and dots dropped,
    hyphens as spaces. "Al-Muhandis’s" -> "al muhandis"; "U.S." -> "us"."""
    text = surface.translate(_APOSTROPHES)
    text = re.sub(r"'s?$", "", text)
    text = text.replace(".", "")
    return _NON_WORD.sub(" ", fold(text)).strip()


@lru_cache(maxsize=100_000)
def translit(word: str) -> str:
    """A rough transliteration-insensitive form of one folded word: Qassem, Qasem, Kassem and
    Qassim all become "kasim"; Soleimani and Suleimani "sulimani". Vowel quality a/e/o is kept
    apart where it tells names apart (Khamenei "kamini", Khomeini "kumini")."""
    t = word.replace("ph", "f").replace("kh", "k").replace("q", "k").replace("ck", "k")
    t = re.sub(r"c(?!h)", "k", t)
    t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("dh", "d")
    t = t.translate(str.maketrans("eoyw", "iuiu"))
    t = re.sub(r"(.)\1+", r"\1", t)
    if len(t) > 4 and t.endswith("s"):  # Forces / Force, Guards / Guard
        t = t[:-1]
    return t


# Clustering asks these of every key several times over (250,000 calls at 100,000 articles).
@lru_cache(maxsize=1 << 18)
def significant(key: str) -> tuple[str, ...]:
    """The words of a key that identify it (articles such as "al" left out)."""
    return tuple(w for w in key.split() if w not in ARTICLES)


@lru_cache(maxsize=1 << 18)
def signature(key: str) -> tuple[str, ...]:
    return tuple(translit(w) for w in significant(key))
