"""The tokens of a text whose index terms a query wants, without tokenizing the whole text.

Highlighting tokenized every word of every hit shown: 100 hits of 3 KB articles are 50,000
words looked up one by one in Python, 70-85% of a keystroke's search on long articles. A
word's Porter stem less its last letter is always the start of the word as folded (Porter
only rewrites endings; checked on the 69,000 ASCII words of BBC and Reuters), so one regex
of the wanted stems' first letters finds every place a wanted word can begin, in C; each
place is then tokenized exactly as the index did. Phrases need positions: the words
between two found tokens are counted, up to the widest phrase window (farther apart, two
tokens cannot be in one occurrence), so positions are exact wherever they matter.

A line with a word character outside ASCII is folded a character at a time first (`_ALIGNED`:
"Élysée" -> "elysee", "МОСКВА" -> "москва", offsets unchanged) and the same regex, Unicode
this time, runs over the folded line. Only a line holding a character whose folding is not
one character for one (ß, ligatures, a combining mark, an invisible joiner, a Han or Thai
character, a final sigma) is tokenized whole (`_starts`): a long article in French or
Russian had every word of such lines tokenized, ~10 ms a hit shown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from newsdesk.index.analysis import CJK_CHAR, indexed, word_regex
from newsdesk.index.folding import IN_WORD_INVISIBLE, fold
from newsdesk.index.marks import BMP_MARKS, MARKS

# Letters of a stem the regex looks for: more filters better, but a stem's last letter
# may differ from the word's ("happi" of "happy").
_KEY_LETTERS = 4
# (An invisible joiner inside a word, a soft hyphen, hides the word's letters from the
# regex too: "re\u00adelection" has no "reel"; so does a combining mark, an accent
# written decomposed: "Zu\u0308rich" has no "zuri". Any character beyond the BMP counts
# as one: a class tests those marks a range at a time, 17 times as long on ASCII text.)
NON_ASCII_WORD = re.compile(
    rf"[^\W\x00-\x7f]|[{IN_WORD_INVISIBLE}{BMP_MARKS}\U00010000-\U0010ffff]")


_MARK = re.compile(f"[{MARKS}]")
_WORD_CHAR = re.compile(r"\w")
# What `_ALIGNED` gives a character whose folding is no one character of the same kind.
_UNALIGNED = "\uffff"


class _OneForOne(dict):
    """str.translate's table: each character as folded, where that is one character,
    a word character exactly where the character is one; else `_UNALIGNED`. Filled as
    characters are met (a few hundred in a corpus)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char) if code > 0x7f else char
        if char == "\u03a3" or len(folded) != 1 or _MARK.match(char) or CJK_CHAR.match(char) \
                or (_WORD_CHAR.match(char) is None) != (_WORD_CHAR.match(folded) is None):
            folded = _UNALIGNED  # (a capital sigma folds by its place in the word)
        self[code] = folded
        return folded


_ALIGNED = _OneForOne()


class Token(NamedTuple):
    term: str
    start: int
    end: int
    position: int  # exact relative to the other tokens within `window`; else only ordered
    word: str  # as folded: a quoted word matches this, not the term (query/compile.Written)


def wanted_tokens(text: str, wanted: frozenset[str], window: int = 0) -> list[Token]:
    """Every token of `text` whose term is in `wanted`, in order. With a `window` (the
    widest phrase window, in positions) their positions are exact relative to each other
    wherever two are closer than `window`."""
    if not wanted or not text:
        return []
    finder = _finder(wanted)
    if finder is None:
        return [token for token in _every_token(text) if token.term in wanted]
    return list(_found(text, finder, wanted, window, lines=not text.isascii()))


def iter_wanted_tokens(text: str, wanted: frozenset[str], window: int = 0
                       ) -> Iterator[Token]:
    """`wanted_tokens` one at a time, as they are found: a caller wanting the first few
    of a very long text's matches reads no further than them."""
    if not wanted or not text:
        return iter(())
    finder = _finder(wanted)
    if finder is None:
        return (token for token in _every_token(text) if token.term in wanted)
    return _found(text, finder, wanted, window, lines=True)


def iter_every_token(text: str) -> Iterator[Token]:
    """Every token of `text`, one at a time (a phrase with a bare *: any word is wanted)."""
    return _every_token(text)


def every_token(text: str) -> list[Token]:
    """Every token of `text`, its position the list index (`analysis.term_spans`)."""
    return list(_every_token(text))


def _every_token(text: str) -> Iterator[Token]:
    """`analysis.term_spans` as Tokens, one at a time."""
    position = 0
    for match in word_regex(text).finditer(text):
        entry = indexed(match.group())
        if entry is not None:
            yield Token(entry[1], match.start(), match.end(), position, entry[0])
            position += 1


def _starts(text: str, finder: re.Pattern[str]) -> Iterator[int]:
    """Where a wanted word may begin: where the finder says; in each line that holds a
    word character beyond ASCII, where the finder (Unicode) says in the line folded one
    character for one, or at every word of a line that cannot be so folded (no word runs
    over a line's end). A whole text tokenized for one such character was 4 s of Python
    for a 10 MB article, and each line of one was ~10 ms a hit of a long Russian article."""
    at = 0
    word = unicode = None
    while not text.isascii() and (odd := NON_ASCII_WORD.search(text, at)) is not None:
        line = text.rfind("\n", 0, odd.start()) + 1
        end = text.find("\n", odd.start())
        end = len(text) if end < 0 else end
        yield from (m.start() for m in finder.finditer(text, at, line))
        folded = text[line:end].translate(_ALIGNED)
        if _UNALIGNED in folded:
            word = word or word_regex(text)
            yield from (m.start() for m in word.finditer(text, line, end))
        else:
            unicode = unicode or _unicode_finder(finder.pattern)
            yield from (line + m.start() for m in unicode.finditer(folded))
        at = end
    yield from (m.start() for m in finder.finditer(text, at))


def _found(text: str, finder: re.Pattern[str], wanted: frozenset[str], window: int,
           lines: bool = False) -> Iterator[Token]:
    """The wanted tokens at the finder's places (`lines`: at `_starts`' places)."""
    word = word_regex(text)
    position = 0
    last_end = 0
    found = False
    starts = _starts(text, finder) if lines else (m.start() for m in finder.finditer(text))
    for start in starts:
        if start and text[start - 1] == "." and not _starts_token(text, start, word):
            continue  # inside a dotted word ("co" of bbc.co.uk)
        token = word.match(text, start)
        if token is None:
            continue
        entry = indexed(token.group())
        if entry is None or entry[1] not in wanted:
            continue
        if found and window:
            position += 1 + _indexed_between(text, last_end, start, window, word)
        yield Token(entry[1], start, token.end(), position, entry[0])
        found = True
        last_end = token.end()
        if not window:
            position += 1


def _starts_token(text: str, at: int, word: re.Pattern[str]) -> bool:
    """Whether the tokenizer starts a word at `at`, just after a dot: it does when the dot
    ended the word before ("Province.The"), not inside one ("bbc.co.uk")."""
    run = at
    while run and (text[run - 1] == "." or text[run - 1].isalnum() or text[run - 1] == "_"
                   or _MARK.match(text[run - 1])):
        run -= 1
    for token in word.finditer(text, run):
        if token.start() >= at:
            return token.start() == at
    return False


def _indexed_between(text: str, end: int, start: int, cap: int, word: re.Pattern[str]
                     ) -> int:
    """How many indexed words lie between a token ending at `end` and the next found one
    starting at `start`; counting stops past `cap`. The tokenizer resumes at a token's
    end, so scanning from `end` meets the same words the index did."""
    count = 0
    for token in word.finditer(text, end):
        if token.start() >= start:
            break
        if indexed(token.group()) is not None:
            count += 1
            if count > cap:
                break
    return count


@lru_cache(maxsize=512)
def _unicode_finder(pattern: str) -> re.Pattern[str]:
    """`_finder`'s pattern for a line folded by `_ALIGNED`: its letters may be any
    script's, its word boundary any word character."""
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=512)
def _finder(wanted: frozenset[str]) -> re.Pattern[str] | None:
    """A regex for every place a word of a wanted term can begin; None when a term is too
    short to have letters the word surely begins with."""
    keys = set()
    for term in wanted:
        if len(term) < 2:
            return None
        keys.add(term[:min(_KEY_LETTERS, len(term) - 1)])
    alternation = "|".join(re.escape(k) for k in sorted(keys))
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE | re.ASCII)
