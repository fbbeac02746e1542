"""Case and accent folding, the one comparison of words everywhere (the index's terms, actor
names, sort orders): a module of its own so that what only compares names does not load
Whoosh's analysis (the dashboard's first frame paid for it)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: "Muhandís" and "muhandis" are one word."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
