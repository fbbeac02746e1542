"""The one sanitiser (tui/safe_text.py): what it changes, and that it changes only that."""

from __future__ import annotations

import io
import json
import sys
import unicodedata

from rich.control import strip_control_codes

from newsdesk.tui.cli.output import console
from newsdesk.tui.safe_text import INVISIBLE, TerminalWriter, json_dumps, terminal_safe
from tests.faults.hostile_texts import CATALOGUE

# Format characters left as they are: visible signs (Arabic number signs, Syriac and
# Kaithi marks, Egyptian and musical formatting) and the soft hyphen.
KEPT_FORMAT = {0x00AD, *range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2,
               0x110BD, 0x110CD, *range(0x13430, 0x13440), *range(0x1D173, 0x1D17B)}


def test_every_control_and_invisible_character_is_replaced_and_nothing_else() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        acts = (category in ("Cc", "Cs", "Zl", "Zp") and char != "\n") or \
            (category == "Cf" and code not in KEPT_FORMAT)
        safe = terminal_safe(char)
        assert len(safe) == 1
        if acts:
            assert safe != char and unicodedata.category(safe) not in ("Cc", "Cf", "Cs"), \
                hex(code)
        else:
            assert safe == char, hex(code)
    assert set(INVISIBLE) <= {c for c in range(sys.maxunicode + 1)
                              if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp")}


def test_json_keeps_the_data_exact_and_inert() -> None:
    for _, payload in CATALOGUE:
        text = json_dumps({"id": payload})
        assert json.loads(text) == {"id": payload}
        assert terminal_safe(text) == text


def test_the_cli_console_writes_data_inert_and_its_own_colours() -> None:
    for _, payload in CATALOGUE:
        stream = io.StringIO()
        out = console(file=stream, force_terminal=True, color_system="standard", width=300)
        out.print(payload, style="bold")
        written = stream.getvalue()
        # (Rich itself drops BEL, BS, CR, VT and FF before rendering, and expands tabs)
        shown = "".join(terminal_safe(strip_control_codes(payload)).split())[:50]
        assert shown in "".join(written.split())
        assert "\x1b[1m" in written  # newsdesk's own bold
        assert terminal_safe(written.replace("\x1b[1m", "").replace("\x1b[0m", "")) == \
            written.replace("\x1b[1m", "").replace("\x1b[0m", "")


def test_the_writer_keeps_line_ends_and_nothing_else() -> None:
    stream = io.StringIO()
    TerminalWriter(stream).write("a,b\r\nc\x1b]0;x\x07\rd\n")
    assert stream.getvalue() == "a,b\r\nc\u241b]0;x\u2407\u240dd\n"
