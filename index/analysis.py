"""One tokenizer for indexing, query terms and highlighting, so spans always agree with
what the index saw. Faster than Whoosh's generator chain: one regex pass and a stem cache."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Analyzer, Token
from whoosh.lang.porter import stem as porter_stem

from newsdesk.index.folding import IN_WORD_INVISIBLE, fold
from newsdesk.index.marks import BMP_MARKS, MARKS

# Words, with inner dots kept ("U.S", "3.5", "bbc.co.uk", "2.7.5"); apostrophes split
# ("Soleimani’s" -> soleimani, s). A dot followed by a capitalised word ends the word: a
# sentence whose space went missing ("Province.The", 0.7% of real articles) is two words, or
# phrase, AND and single-word searches miss the article. Abbreviations (U.S., e.g.),
# decimals, versions and the domains and urls of news text (bbc.co.uk, amazon.com) have no
# capitalised word after a dot; the local part of an email ("John.Smith@") is kept whole.
# (A capitalised host or path, "www.Example.Com", splits: keeping it too took a lookbehind
# at every word, a third more tokenizing time for indexing and highlighting alike.)
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# Invisible joiners inside a word (a soft hyphen: "Sole\u00adimani") keep it one word;
# folding drops them (folding.IN_WORD_INVISIBLE).
_JOIN = rf"(?:\.(?:(?![{_UPPER}][{_LOWER}])|(?=[\w.]*@))|[{IN_WORD_INVISIBLE}]+)"
WORD = re.compile(rf"\w+(?:{_JOIN}\w+)*")
# Whoosh's list less "us" and "may": "US" and "May" carry meaning in news.
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
    "is", "it", "not", "of", "on", "or", "that", "the", "this", "to", "we", "when", "will",
    "with", "yet", "you", "your",
))
MIN_LENGTH = 2

# Combining marks (index/marks.py: vowel signs and viramas of Indic scripts, Thai vowels
# and tones, harakat, niqqud, accents written decomposed) are not `\w`: WORD cut "मोदी"
# into pieces at its vowel signs, each too short to index, and "Zu\u0308rich" (NFD) into
# "Zu" and "rich". In WORD_MARKS a word begins with a letter or digit and goes on over
# its marks; folding makes the decomposed and the composed spelling one word, and drops
# the marks that are accents (folding._DROP_ACCENTS). The texts without a mark (all but
# a few in English news) keep WORD, which is faster. A class tests the marks beyond the
# Basic Multilingual Plane (Brahmi, Kaithi... index/marks.py) a range at a time, at every
# word's end: the texts without a character beyond it take WORD_MARKS, with the BMP's
# marks only (half the time on Hindi text), the others WORD_MARKS_ALL.
_MARK = f"[{MARKS}]"
_DOTTED_UPPER = rf"(?![{_UPPER}]{_MARK}*[{_LOWER}])"
_JOIN_MARKS = rf"(?:\.(?:{_DOTTED_UPPER}|(?=[\w.]*@))|[{IN_WORD_INVISIBLE}]+)"
WORD_MARKS_ALL = re.compile(rf"\w[\w{MARKS}]*(?:{_JOIN_MARKS}\w[\w{MARKS}]*)*")
WORD_MARKS = re.compile(rf"\w[\w{BMP_MARKS}]*(?:{_JOIN_MARKS}\w[\w{BMP_MARKS}]*)*")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Han and Kana: Chinese and Japanese are written without spaces, so `\w+` made a clause one
# word ("東京都は新しい政策を発表した", and 東京 found nothing). Each of their characters is a
# word of its own, whatever MIN_LENGTH, and a query's run of them the phrase of its
# characters (query/compile.py: a word of several terms is their phrase), as Lucene's
# CJK analysis does with single characters. Hangul is written with spaces: left as it was.
# Thai and Lao are written without spaces too (between words; a space ends a clause), and
# have no dictionary here to find their words by: each letter or digit of theirs is a word,
# with the marks that follow it (its vowels above and below, its tone: ชี, ม่), so a query
# finds its letters in a row, marks and all, where a text has them (เชียงใหม่ is the
# phrase เ ชี ย ง ใ ห ม่).
CJK = ("\u3005\u3007\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
       "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f")
THAI_LAO = "\u0e00-\u0eff"
CJK_CHAR = re.compile(f"[{CJK}{THAI_LAO}]")
_NOT_CJK = rf"[^\W{CJK}{THAI_LAO}]"
# WORD for a text with a Han, Kana, Thai or Lao character (word_regex): the same words as
# WORD_MARKS, but each such character one (a letter or digit of theirs, with its marks:
# not the middle dot ・). Slower by a tenth or two than WORD, so texts without one (all but
# a few) keep WORD.
WORD_CJK = re.compile(rf"(?=\w)[{CJK}{THAI_LAO}]{_MARK}*|{_NOT_CJK}(?:{_NOT_CJK}|{_MARK})*"
                      rf"(?:{_JOIN_MARKS}{_NOT_CJK}(?:{_NOT_CJK}|{_MARK})*)*")
# Whether a text may need WORD_MARKS or WORD_CJK: a mark or a character of theirs in the
# Basic Multilingual Plane, or any character beyond it (a class tests those a range at a
# time; a text with an emoji takes the slower, equally right, pattern).
_NOT_PLAIN = re.compile(f"[{BMP_MARKS}{CJK}{THAI_LAO}\U00010000-\U0010ffff]")


def word_regex(text: str) -> re.Pattern[str]:
    """The tokenizer's pattern for `text`: WORD, or WORD_MARKS if it has a combining mark,
    or WORD_CJK if it has a Han, Kana, Thai or Lao character (a test of a few µs a text,
    against tenths of a millisecond to tokenize)."""
    if text.isascii():
        return WORD
    odd = _NOT_PLAIN.search(text)
    if odd is None:
        return WORD
    if CJK_CHAR.search(text, odd.start()) is not None:
        return WORD_CJK
    return WORD_MARKS if _ASTRAL.search(text, odd.start()) is None else WORD_MARKS_ALL


def _too_short(word: str) -> bool:
    """Shorter than MIN_LENGTH, and no Han, Kana, Thai or Lao character (each is a word)."""
    return len(word) < MIN_LENGTH and CJK_CHAR.match(word) is None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return porter_stem(word)


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """(folded word, start, end) for every word that is indexed, stop words left out."""
    for match in word_regex(text).finditer(text):
        entry = indexed(match.group())
        if entry is not None:
            yield entry[0], match.start(), match.end()


def terms(text: str) -> list[str]:
    """The index terms of a piece of text, in order (positions are list indexes)."""
    return [stem(w) for w, _, _ in words(text)]


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) in order; the list index is the token's position."""
    found = []
    for match in word_regex(text).finditer(text):
        term = term_of(match.group())
        if term is not None:
            found.append((term, match.start(), match.end()))
    return found


def unindexed(text: str) -> list[str]:
    """The words of `text` as written that the index leaves out (stop words, single
    letters): what a query must say it did not search for."""
    return [w for w in word_regex(text).findall(text) if indexed(w) is None]


def term_of(surface: str) -> str | None:
    """The index term of one word as written, None for a word that is not indexed."""
    found = indexed(surface)
    return None if found is None else found[1]


@lru_cache(maxsize=200_000)
def indexed(surface: str) -> tuple[str, str] | None:
    """(folded word, index term) of one word as written, None for a word that is not
    indexed: what `words` and `stem` make of it, in one cached look-up. Highlighting
    tokenizes every hit shown, and was 13% of the query benchmark's time with a generator
    and two caches per word; indexing tokenizes every article."""
    word = fold(surface)
    if _too_short(word) or word in STOP_WORDS:
        return None
    return word, stem(word)


def analysed(surface: str) -> tuple[str, str] | None:
    """`indexed`'s answer worked out afresh, filling none of the caches: for the segment
    writer's vocabulary (storage/term_ids.py), which asks once a word form and keeps the
    answer itself. In its process the three caches only held a second copy: 23 MB at the
    90,000 forms of a million generated articles."""
    word = fold.__wrapped__(surface)
    if _too_short(word) or word in STOP_WORDS:
        return None
    return word, porter_stem(word)


class NewsAnalyzer(Analyzer):
    """Whoosh analyzer over `words`: stemmed terms (or the words as folded, with no_morph).

    While `collect` is a set, every folded word it tokenizes goes into it too: the indexer
    gathers the vocabulary that prefix and fuzzy terms expand against in the same pass as
    the index, instead of indexing every word a second time, unstemmed."""

    collect: set[str] | None = None

    def has_morph(self) -> bool:
        return True

    def __getstate__(self) -> dict:
        # Whoosh pickles the schema into every commit's table of contents: without this, a
        # batch's words went with it (23,000 words, 228 KB read at every open).
        return {k: v for k, v in self.__dict__.items() if k != "collect"}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer)

    def __hash__(self) -> int:
        return hash(NewsAnalyzer)

    def positions_of(self, value: str) -> dict[str, list[int]]:
        """Each term of `value` with its positions, as Whoosh's Positions.word_values makes
        them of `__call__`'s tokens, but without a Token and two generators a word (a
        sixth of an ingest's samples went to that path); words are collected the same."""
        found: dict[str, list[int]] = {}
        collect = self.collect
        position = 0
        for surface in word_regex(value).findall(value):
            entry = indexed(surface)
            if entry is None:
                continue
            word, term = entry
            if collect is not None:
                collect.add(word)
            where = found.get(term)
            if where is None:
                found[term] = [position]
            else:
                where.append(position)
            position += 1
        return found

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 no_morph: bool = False, **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        collect = self.collect
        for pos, (word, start, end) in enumerate(words(value)):
            if collect is not None:
                collect.add(word)
            token.text = word if no_morph else stem(word)
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token
