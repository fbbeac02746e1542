"""How actor names are normalised and compared: one key per surface form, and a
transliteration form per word so that spelling variants of one name meet.

Shared by extraction, dictionaries and merging, so they always agree on what a name is.

Transliteration never crosses consonant skeletons: `translit` only respells (q/k, ph/f, kh/k,
c/k, doubled consonants, the vowels e/i and o/u/w/y) and never drops a consonant, so two words
of one form have one skeleton of consonants (`skeleton`). Sony / Souness, Paris / Parry and
France / Francis stay apart; Qasem, Qassem and Kassem meet (Arabic qaf is written q and k).
Doubled a is kept: vowel length tells Ghaani from Ghani."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from newsdesk.index.folding import fold

# Lower-case words that may sit inside a name ("Bank of England", "Abu Mahdi al-Muhandis").
CONNECTORS = frozenset({
    "of", "al", "el", "bin", "ibn", "bint", "de", "du", "da", "del", "van", "von", "der", "den",
    "la", "le", "ul", "ad", "ash", "as", "an", "ar", "at", "az", "a", "y",
})
# Connectors that are also common English words ("as", "an", "at", "a"): inside a name only
# when hyphenated to the next word ("as-Sadr", "a-Shabi"), never standing alone ("Everton as
# Manchester United", "Profits at Chinese").
HYPHENATED_ONLY = frozenset({"as", "an", "at", "a", "ad", "ash", "ar", "az"})
STANDALONE_CONNECTORS = CONNECTORS - HYPHENATED_ONLY
# A surname's particle ("de Clercq", "van Miert", "Le Pen", "del Potro"): a key it starts
# is a surname, never a full name, written with a capital where a sentence starts with it.
NAME_PARTICLES = STANDALONE_CONNECTORS - {"of", "y"}
# Connectors that carry no identity: "al-Muhandis" and "Muhandis" are one name.
ARTICLES = frozenset({"al", "el", "a", "ad", "ash", "as", "an", "ar", "at", "az", "the", "ul"})
# Words between the content words of a name that an acronym skips ("Organization of the
# Petroleum Exporting Countries" is OPEC).
ACRONYM_SKIPS = CONNECTORS | {"the", "and", "for", "on", "in"}

# (The okina of Polynesian names, U+02BB, too: "Tuʻiʻonetoa" is "Tu'i'onetoa"; stranger9.)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "‐": "-",
                              "‑": "-"})
_NON_WORD = re.compile(r"[^\w]+")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_POSSESSIVE = re.compile(r"'[sS]?$")  # ("BLAIR'S" in a headline is Blair's)


def written_as_acronym(surface: str) -> bool:
    """Whether a name is written as an acronym: in capitals ("US", "U.S.") or, one word of
    letters, with a capital after its first letter ("LeT", "BoE", "AfD"). A dictionary name
    written so is matched only when written so: "Let", "Us" and "Who" are words."""
    if surface.isupper():
        return True
    return " " not in surface and any(c.isupper() for c in surface[1:]) and \
        surface.replace(".", "").replace("'", "").isalpha()


@lru_cache(maxsize=1 << 18)  # asked of every mention: a corpus repeats its surfaces
def name_key(surface: str) -> str:
    """The normal form of a surface: folded, lower case, possessive and dots dropped,
    hyphens as spaces, an apostrophe inside a word dropped (Gha'ani / Ghaani, Kata'ib /
    Kataib are one spelling). "Al-Muhandis’s" -> "al muhandis"; "U.S." -> "us"."""
    # (Of the characters respelt, ASCII has only the backtick: most names need no table.)
    ascii_only = surface.isascii()
    if ascii_only:
        text = surface.replace("`", "'") if "`" in surface else surface
    else:
        text = surface.translate(_APOSTROPHES)
    if "'" in text:
        text = _POSSESSIVE.sub("", text)
    text = text.replace(".", "")
    if "'" in text:
        text = _INNER_APOSTROPHE.sub("", text)
    folded = text.lower() if ascii_only else fold(text)  # (ASCII folds to its lower case)
    if folded.isalnum():  # one word of letters and digits: nothing to take out
        return folded
    return _NON_WORD.sub(" ", folded).strip()


_C_NOT_CH = re.compile(r"c(?!h)")
# A run of one letter, a's aside (vowel length tells Ghaani from Ghani): doubled consonants,
# then doubled i and u, taken down to one (one pass: taking down either makes no new run).
_DOUBLED = re.compile(r"([^a])\1+")


def _first(m: re.Match[str]) -> str:
    return m.group(1)


@lru_cache(maxsize=100_000)
def translit(word: str) -> str:
    """A rough transliteration-insensitive form of one folded word: Qassem, Qasem, Kassem and
    Qassim all become "kasim"; Soleimani and Suleimani "sulimani". Vowel quality a/e/o is kept
    apart where it tells names apart (Khamenei "kamini", Khomeini "kumini"). Consonants are
    respelt, never dropped (no plural s taken off: Souness is not Sony)."""
    t = word.replace("ph", "f").replace("kh", "k").replace("q", "k").replace("ck", "k")
    if "c" in t:
        t = _C_NOT_CH.sub("k", t)
    t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("dh", "d")
    # (A function, not the template r"\1": a template costs a call into Python per word.)
    t = t.replace("e", "i").replace("o", "u").replace("y", "i").replace("w", "u")  # (faster
    # than str.translate for words this short)
    return _DOUBLED.sub(_first, t)


def translit_words(words: list[tuple[str, ...]], one: dict[str, str] | None = None
                   ) -> list[tuple[str, ...]]:
    """`tuple(map(translit, w))` of each item, worked out in one pass over them all: their
    words joined into one text, respelt at once and split again (a call a word was most of
    the cost). Words with no white space in them, as keys' words are: `translit` respells a
    letter by its neighbours within one word, so a space or a line end between words changes
    nothing, and is never doubled. `one`: each form met so far, by itself (given by a caller
    that asks a slice of its words at a time, so that a form is one string in all of them)."""
    filled = [w for w in words if w]  # (an empty line between two would be a doubled one)
    text = translit.__wrapped__("\n".join(" ".join(w) for w in filled)) if filled else ""
    del filled
    forms = iter(text.split("\n"))
    del text
    # (Each form one string however many keys have it: a corpus's given names repeat, and
    # 225,755 keys' 453,194 words have 147,936 forms.)
    one = {} if one is None else one
    return [tuple([one.setdefault(f, f) for f in next(forms).split(" ")]) if w else ()
            for w in words]


_VOWELS = re.compile(r"[aiu]+")


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The consonants of a word's transliteration form, in order: equal forms always have
    equal skeletons (what the tests hold `translit` to)."""
    return _VOWELS.sub("", translit(word))


def singular(word: str) -> str:
    """A plural's singular by spelling alone: forces -> force, guards -> guard, parties ->
    party; words in -ss and short words as they are. For organisation words and the last
    word of a longer name, never a lone surname (Williams is not William)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Clustering asks these of every key several times over (250,000 calls at 100,000 articles,
# 51,000 keys at a million generated articles). Bounded at KEYS_CACHED entries: a corpus of
# more keys than that asks them rule after rule in the same order, which a cache of least
# recently used entries smaller than the keys answers from memory hardly ever; at 262,144
# entries they held 100 MB of such a clustering's process (425,499 keys: ~380 bytes an
# entry), 25 at this size.
KEYS_CACHED = 1 << 16

# Whether the caches of KEYS_CACHED entries that a clustering fills are asked (`significant`
# here, not_actors.py's `not_actor` and `head_noun`): not in a clustering of more keys than
# they hold (`keys_cached`), which they answered hardly ever (425,506 keys: `significant`
# 54,000 hits of 3.0M asks) while holding 40 MB of its process's peak.
_keys_cached = True


@contextmanager
def keys_cached(keys: int) -> Iterator[None]:
    """Inside the block the caches of KEYS_CACHED entries are asked only if `keys` (a
    clustering's) fit in them; as they were after it."""
    global _keys_cached
    was, _keys_cached = _keys_cached, _keys_cached and keys <= KEYS_CACHED
    try:
        yield
    finally:
        _keys_cached = was


def asks_caches() -> bool:
    """Whether the caches of KEYS_CACHED entries are asked now (`keys_cached`)."""
    return _keys_cached


def _significant(key: str) -> tuple[str, ...]:
    # (A key of articles only, "el al" of "Sheikh El Al" with the title cut, is its words:
    # every rule reads a first and a last word; an empty one stopped a tester's builds.)
    return tuple(w for w in key.split() if w not in ARTICLES) or tuple(key.split())


_significant_kept = lru_cache(maxsize=KEYS_CACHED)(_significant)


def significant(key: str) -> tuple[str, ...]:
    """The words of a key that identify it (articles such as "al" left out)."""
    return _significant_kept(key) if _keys_cached else _significant(key)


significant.cache_info = _significant_kept.cache_info  # type: ignore[attr-defined]
significant.cache_clear = _significant_kept.cache_clear  # type: ignore[attr-defined]
significant.__wrapped__ = _significant  # type: ignore[attr-defined]  # (uncached, as lru_cache's)


@lru_cache(maxsize=KEYS_CACHED)
def signature(key: str) -> tuple[str, ...]:
    return tuple(map(translit, significant(key)))


@lru_cache(maxsize=1 << 18)  # asked of most keys by rules 5 and the key index
def initials(key: str) -> str:
    """The first letters of a key's content words: "organization of the petroleum exporting
    countries" -> "opec"."""
    return "".join(w[0] for w in key.split() if w not in ACRONYM_SKIPS)


def two_letters_swapped(a: str, b: str) -> bool:
    """Whether two words differ only by two of their letters trading places, next to each
    other or not ("Micheal" / "Michael", "Hamdi" / "Mahdi"): a typist's slip or a spinner's
    swap, within a name rule 3 compares given name for given name."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
