"""Terminal control sequences in text: the one definition of them, for the articles' text
(ingest/cleaning.py) and the queries pasted into the dashboard (tui/paste_text.py).

A sequence is an introducer, ESC or its one-character C1 form, and what a terminal reads
with it (ECMA-48): CSI (`ESC [` or U+009B, parameters, intermediates, a final character,
"\\x1b[31m"); a string, OSC, DCS, SOS, PM or APC (`ESC ]` or U+009D ... up to BEL or ST, a
hyperlink's "\\x1b]8;;https://...\\x1b\\\\"); an nF escape (`ESC ( B`). The tokenizer cut
"Body \\x1b[31mred\\x1b[0m" into "body", "31mred" and "0m": "red" found nothing and "31mred"
found it (an outside tester, U3). Each sequence becomes ␛ (U+241B, the symbol for
escape), which no tokenizer takes for part of a word: a word break for the index, the
highlights, the concordance, the actors and the near-duplicates alike, and a visible trace
in the reader, as a lone ESC is shown. (Not its introducer: "\x9b1m" cut to U+009B before
"red" made "\x9br" a sequence again.) A lone ESC, or ESC before a letter (the
two-character escapes, ESC M: whose letter could as well be a word's first), is left as it
is: it breaks the word already.

An unterminated string is not one: only its introducer is taken (ESC ], whose text stays),
so that a stray OSC never swallows the rest of an article."""

from __future__ import annotations

import re

_CSI = "(?:\x1b\\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]"
# (The string's text: no control character, at most 4,096 characters, then its end.)
_STRING = ("(?:\x1b[\\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x00-\x1f\x7f-\x9f]{0,4096}"
           "(?:\x07|\x1b\\\\|\x9c)")
_NF = "\x1b[\x21-\x2f]{1,4}[\x30-\x7e]"
SEQUENCE = re.compile(f"{_CSI}|{_STRING}|{_NF}")
# The introducers in C1: CSI, OSC, DCS, SOS, PM, APC.
_C1_INTRODUCERS = "\x9b\x9d\x90\x98\x9e\x9f"


def has_introducer(text: str) -> bool:
    """Whether `text` may hold a sequence: an ESC or a C1 introducer in it. (A look for
    each character, at C speed: a class's regex search took 8 times as long, 56 µs on a
    2.2 KB article with a character beyond ASCII.)"""
    return "\x1b" in text or (not text.isascii() and any(c in text for c in _C1_INTRODUCERS))


STAND_IN = "\u241b"  # ␛


def reduced(text: str) -> str:
    """`text` with each control sequence made one ␛."""
    if not has_introducer(text):
        return text
    return SEQUENCE.sub(STAND_IN, text)
