"""Case and accent folding, the one comparison of words everywhere (the index's terms, actor
names, sort orders): a module of its own so that what only compares names does not load
Whoosh's analysis (the dashboard's first frame paid for it)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from newsdesk.index.marks import MARKS

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


# Marks that are accents, dropped as Latin accents always were: the combining diacritics
# (of Latin, Greek and Cyrillic, written decomposed or decomposed by NFKD), Cyrillic's
# titlo, Hebrew's niqqud and cantillation, Arabic's harakat, Quranic marks and the hamza
# above and below (أ إ آ ؤ ئ fold to ا و ي, as NFKD writes them), and Arabic's tatweel (a
# stretch of the line, no letter): "الرَّئِيسُ" and "الرئيس", "מִלְחָמָה" and "מלחמה" are one
# word, as "Zürich" and "zurich" are. Every other mark is a letter of its word and stays:
# the vowel signs and viramas of Devanagari, Bengali, Tamil..., Thai's vowels and tones.
_ACCENT_BLOCKS = ((0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05C7), (0x0610, 0x061A),
                  (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x08CA, 0x08FF),
                  (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
_DROP_ACCENTS = dict.fromkeys(
    [c for low, high in _ACCENT_BLOCKS for c in range(low, high + 1)
     if unicodedata.category(chr(c))[0] == "M"] + [0x0640], None)
_DROP_ACCENTS.update(_DROP_INVISIBLE)
# Latin letters with a stroke or bar, and the dotless i, that NFKD leaves whole (Unicode
# gives them no decomposition): folded to their base letter as accents are, so "Łódź",
# "Wałęsa", "Ørsted", "Đukić" are found by lodz, walesa, orsted, dukic, as English-language
# copy writes them. One letter for one (offsets of a folded text stay those of the text).
LETTERS_WITHOUT_DECOMPOSITION = {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ħ": "h",
                                 "ŧ": "t", "ı": "i", "ƀ": "b", "ƶ": "z", "ǥ": "g"}
_STROKES = {ord(letter): base for letter, base in LETTERS_WITHOUT_DECOMPOSITION.items()}
_DROP_ACCENTS.update(_STROKES)
# A character and the combining marks after it (index/marks.py), for `composed`.
_CLUSTER = re.compile(f".[{MARKS}]+", re.DOTALL)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: "Muhandís" and "muhandis" are one word, and a word
    written composed (NFC) or decomposed (NFD) is one word (the result is composed)."""
    word = word.lower()
    if word.isascii():
        return word
    if _KANA_OR_HAN.search(word):  # (half-width ｶ is カ, as NFKC writes it)
        return unicodedata.normalize("NFKC", word).translate(_DROP_INVISIBLE)
    folded = unicodedata.normalize("NFKD", word).translate(_DROP_ACCENTS)
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def composed(text: str) -> tuple[str, list[int], list[int]]:
    """`text` in NFC, and where its offsets are in `text`: (composed, ends, shifts), an
    offset p of the composed text being p + shifts[i] in `text` for the last i with
    ends[i] <= p (p itself if none). Composing works a letter and its marks at a time
    (Hangul jamo, marks without a letter, are not joined): what reads a text word by word
    with patterns of letters (actor names) reads "Kraków" written decomposed as one word,
    and gives its places in the text as written."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, [], []
    pieces: list[str] = []
    ends: list[int] = []
    shifts: list[int] = []
    at = 0  # in text
    shift = 0
    for cluster in _CLUSTER.finditer(text):
        written = cluster.group()
        nfc = unicodedata.normalize("NFC", written)
        if nfc == written:
            continue
        pieces.append(text[at:cluster.start()])
        pieces.append(nfc)
        shift += len(written) - len(nfc)
        ends.append(cluster.end() - shift)
        shifts.append(shift)
        at = cluster.end()
    pieces.append(text[at:])
    return "".join(pieces), ends, shifts


def written_offset(offset: int, ends: list[int], shifts: list[int]) -> int:
    """An offset of `composed`'s text in the text as written."""
    i = bisect_right(ends, offset) - 1
    return offset if i < 0 else offset + shifts[i]
