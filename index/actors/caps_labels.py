"""A section's label in capitals run into the sentence after it: "AUTOMATIC SANCTIONS Merkel
said", "FISCAL UNION Draghi also rejected", "UNEXPECTED NAME Buffett had" (a factbox's
subheading whose line break the text lost). The scan reads one run of capitalised words, and
the label became part of a person's name ("SANCTIONS Merkel", typed apart from Angela
Merkel; stranger13 A14).

Told by the text, not by a list of labels: leading words in capitals (three letters or more)
before a word in title case, the last of them an English word of the article (written in
lower case in it: "sanctions", "union", "name"). An acronym before a name is written so
nowhere ("ICSC UBS Securities", "ABN AMRO Bank", "NYSE Euronext"), and keeps its place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsdesk.index.actors.records import Tok

_LABEL_LETTERS = 3  # letters of a label's word at least: no "US", "UK" before a name


def label_words(toks: Sequence[Tok], text: str,
                written_lower: Callable[[str, str], bool]) -> int:
    """How many of a run's leading words (`toks`, its first in capitals) are a label in
    capitals (see the module's doc), 0 if none. `written_lower`: whether the text writes a
    word in lower case."""
    n = 0
    for tok in toks:
        word = tok.text
        if tok.connector or len(word) < _LABEL_LETTERS or not word.isalpha() \
                or not word.isupper():
            break
        n += 1
    if n == 0 or n == len(toks):
        return 0
    after = toks[n].text
    if after.isupper() or not after[:1].isupper() or toks[n].connector:
        return 0
    return n if written_lower(toks[n - 1].text.lower(), text) else 0
