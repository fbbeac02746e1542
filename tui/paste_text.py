"""A paste into a text box (the search box, a dialog's) as one line of text to search.

A line copied from a coloured log or a web page can hold terminal control sequences,
control characters, bidirectional marks and zero-width characters. Shown inert in the box
(␛[31m) they were still part of the query: "\\x1b[31m" pasted after a phrase made the query
an error ("unclosed '['") (an outside tester's U2). Each control sequence
(index/control_sequences.py) and each run of characters the terminal could act on becomes
one space, as the tokenizer takes them for a word break in the articles; the invisible
joiners that the index drops inside a word (the soft hyphen, the word joiner) are dropped.
A paste of several lines is one line: its lines, trimmed, joined by spaces (Textual kept
the first line only)."""

from __future__ import annotations

import re

from newsdesk.index.control_sequences import SEQUENCE, has_introducer
from newsdesk.index.folding import IN_WORD_INVISIBLE
from newsdesk.tui.safe_text import UNSAFE_RUN

_JOINERS = dict.fromkeys(map(ord, IN_WORD_INVISIBLE))
_SPACED_RUN = re.compile(f" *{UNSAFE_RUN.pattern} *")  # (with the spaces beside it: one)


def one_line(text: str) -> str:
    if has_introducer(text):
        text = SEQUENCE.sub("\x00", text)  # (a control character: one run with its neighbours)
    lines = [_SPACED_RUN.sub(" ", line) for line in text.translate(_JOINERS).splitlines()]
    if len(lines) > 1:
        return " ".join(stripped for line in lines if (stripped := line.strip()))
    return lines[0] if lines else ""
