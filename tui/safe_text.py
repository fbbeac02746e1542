"""Article text is data. Before it reaches a terminal, every character that could act on the
terminal (C0/C1 controls, DEL, bidirectional overrides, zero-width formatting) becomes a
visible stand-in of the same length, so match spans stay true and nothing is interpreted.
Rich markup is never an issue: text is put in `Text` objects, never parsed as markup."""

from __future__ import annotations

import json
import re

_TABLE: dict[int, str] = {}
for code in range(0x20):
    if code not in (0x0A,):  # newline stays; tab too would misalign, so it is shown as a space
        _TABLE[code] = chr(0x2400 + code)  # control pictures: ESC -> ␛, BEL -> ␇
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"  # ␡
for code in range(0x80, 0xA0):
    _TABLE[code] = "\ufffd"
for code in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x2060, 0xFEFF,
             *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
    _TABLE[code] = "\u2395"  # ⎕ marks an invisible formatting character


# One C-speed scan finds whether anything needs replacing: str.translate with a dict costs
# ~7 ms on a 60 KB article that, like nearly all, has nothing to replace.
_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")


def terminal_safe(text: str, keep_newlines: bool = True) -> str:
    """Same length as `text`, with nothing a terminal would act on."""
    safe = text.translate(_TABLE) if _UNSAFE.search(text) else text
    return safe if keep_newlines else safe.replace("\n", " ")


def json_dumps(value: object) -> str:
    """JSON with readable Unicode, but every character a terminal could act on written as a
    \\uXXXX escape: the data is unchanged for a program, and inert on a screen."""
    text = json.dumps(value, ensure_ascii=False)
    return text.translate(_JSON_ESCAPES)


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _TABLE if code not in (0x09, 0x0A)}
