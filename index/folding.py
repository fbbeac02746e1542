"""Case and accent folding, the one comparison of words everywhere (the index's terms, actor
names, sort orders): a module of its own so that what only compares names does not load
Whoosh's analysis (the dashboard's first frame paid for it)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Invisible characters that sit inside a word without ending it: the soft hyphen (HTML's
# &shy;, common in scraped and CMS text), the zero-width joiner, the word joiner and the
# zero-width no-break space. The tokenizer keeps them inside a word (analysis.WORD) and
# folding drops them: "Sole\u00adimani" is found by soleimani, as it reads. (The zero-width
# non-joiner is left alone: in Persian it parts a word's pieces, as a space would.)
IN_WORD_INVISIBLE = "\u00ad\u200d\u2060\ufeff"
_DROP_INVISIBLE = dict.fromkeys(map(ord, IN_WORD_INVISIBLE))
# Kana whose marks are no accent: が is not か, パ not ハ. (Han and Kana, analysis.CJK.)
_KANA_OR_HAN = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
                          "\uf900-\ufaff\uff66-\uff9f]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: "Muhandís" and "muhandis" are one word."""
    word = word.lower()
    if word.isascii():
        return word
    if _KANA_OR_HAN.search(word):  # (half-width ｶ is カ, as NFKC writes it)
        return unicodedata.normalize("NFKC", word).translate(_DROP_INVISIBLE)
    decomposed = unicodedata.normalize("NFKD", word).translate(_DROP_INVISIBLE)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
