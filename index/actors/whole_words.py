"""Where a text writes a word whole: the matches `re.finditer(r"\b" + re.escape(word) +
r"\b", text)` gives, found with str.find. The rules that count a name's words in its article
(posts.py, extract.py) ask this of a new word each time: compiling its pattern cost more than
the search (the re module keeps 512 patterns; a corpus has far more names)."""

from __future__ import annotations

from collections.abc import Iterator


def _is_word(char: str) -> bool:
    """A character `\\w` matches (str patterns: alphanumeric in Unicode, or "_")."""
    return char.isalnum() or char == "_"


def whole_word_starts(text: str, word: str, overlapping: bool = False) -> Iterator[int]:
    """The starts of `word` in `text` with a word boundary (`\\b`) either side, in order and
    not overlapping, as the pattern's matches are; `overlapping`: every one (a pattern with a
    look-ahead after the word tries the starts inside a whole word it turned down)."""
    if not word:
        raise ValueError("no word to look for")
    first, last = _is_word(word[0]), _is_word(word[-1])
    size, length = len(word), len(text)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if (at > 0 and _is_word(text[at - 1])) != first \
                and (end < length and _is_word(text[end])) != last:
            yield at
            at = text.find(word, at + 1 if overlapping else end)
        else:
            at = text.find(word, at + 1)
