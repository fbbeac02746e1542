"""Corpus and user text is data. This is the one sanitiser for everything that reaches a
terminal: every character that could act on it (C0/C1 controls, DEL, bidirectional
controls, zero-width and other invisible formatting characters, lone surrogates) becomes a
visible stand-in of the same length, so match spans stay true and nothing is interpreted.

The CLI writes through `TerminalWriter` (tui/cli/output.py), the dashboard builds its
widgets' text with `render.plain` and `render.highlighted`; both end here. Markup is never
parsed from data: text goes into `Text`/`Content` objects, never into markup strings."""

from __future__ import annotations

import json
import re
from typing import TextIO

_TABLE: dict[int, str] = {}
for code in range(0x20):
    if code not in (0x0A,):  # newline stays; tab too would misalign, so it is shown as a space
        _TABLE[code] = chr(0x2400 + code)  # control pictures: ESC -> ␛, BEL -> ␇
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"  # ␡
for code in range(0x80, 0xA0):
    _TABLE[code] = "\ufffd"
# Invisible formatting characters (Unicode category Cf, and the line/paragraph separators)
# that reorder, hide or smuggle text: bidi embeddings, overrides, isolates and marks,
# zero-width characters, invisible operators, interlinear annotations, tag characters.
# (The soft hyphen and the visible Cf signs of Arabic, Syriac and music notation stay.)
INVISIBLE = [0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x2028, 0x202F),
             *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC),
             *range(0x1BCA0, 0x1BCA4), 0xE0001, *range(0xE0020, 0xE0080)]
for code in INVISIBLE:
    _TABLE[code] = "\u2395"  # ⎕ marks an invisible formatting character
for code in range(0xD800, 0xE000):
    _TABLE[code] = "\ufffd"  # a lone surrogate cannot be written at all


def _ranges(codes: list[int]) -> str:
    """A regex character class body for `codes`, as ranges."""
    out, start = [], codes[0]
    for previous, code in zip(codes, [*codes[1:], -1], strict=True):
        if code != previous + 1:
            out.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous))
                                                 if previous > start else ""))
            start = code
    return "".join(out)


# One C-speed scan finds whether anything needs replacing: str.translate with a dict costs
# ~7 ms on a 60 KB article that, like nearly all, has nothing to replace.
_UNSAFE = re.compile(f"[{_ranges(sorted(_TABLE))}]")
# A run of them (a newline among them: the characters a terminal could act on, all but it).
UNSAFE_RUN = re.compile(f"[{_ranges(sorted(_TABLE))}]+")


def terminal_safe(text: str, keep_newlines: bool = True) -> str:
    """Same length as `text`, with nothing a terminal would act on."""
    safe = text.translate(_TABLE) if _UNSAFE.search(text) else text
    return safe if keep_newlines else safe.replace("\n", " ")


class TerminalWriter:
    """A text stream that passes every write through `terminal_safe` (newlines kept): what
    newsdesk prints as plain text goes through one of these, so nothing reaches the
    terminal raw."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        # A CR before a newline moves nothing that the newline does not (CSV ends lines so)
        return self.stream.write(terminal_safe(text).replace("\u240d\n", "\r\n"))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", "utf-8")


def json_dumps(value: object) -> str:
    """JSON with readable Unicode, but every character a terminal could act on written as a
    \\uXXXX escape: the data is unchanged for a program, and inert on a screen."""
    text = json.dumps(value, ensure_ascii=False)
    return text.translate(_JSON_ESCAPES)




def _utf16(code: int) -> tuple[int, ...]:
    """JSON escapes name UTF-16 units: a character above U+FFFF is a surrogate pair."""
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


_JSON_ESCAPES = {code: "".join(f"\\u{unit:04x}" for unit in _utf16(code))
                 for code in _TABLE if code not in (0x09, 0x0A)}
