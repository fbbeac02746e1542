"""A currency's short name before or glued to an amount ("VT1.1 billion", "VT 1,577m",
"$US137,000", "VT500 per tray") is no actor: the amount says so, whatever the currency
(stranger9: Vanuatu's vatu listed as actors "Vt" and "VT1", and "VT500", "VT3" as places).
Only short names (three letters at most) glued to a number, or before one with a magnitude
word or "per" after it: "Boeing 737", "G20", "PNG 84-38", a table's "EC 5,500" stay. A
short name written as a word ("Vt25", "Rs500") glued to any number is an amount's."""

from __future__ import annotations

import re

from newsdesk.index.actors.records import Mention

# The surface itself: "VT500", "US1"; with a magnitude glued on, an amount as it stands
# ("VT2bn").
_GLUED = re.compile(r"[^\W\d_]{1,3}\d+(bn|mn|m|k)?", re.IGNORECASE)
_SPACED_NUMBER = re.compile(r" ?\d+(?:[.,]\d+)*")
_MAGNITUDE = r"(?: ?(?:million|billion|trillion|thousand|mn|m|bn|b|k|crore|lakh)\b| per\b|/)"
_AFTER_GLUED = re.compile(rf"[.,]\d|{_MAGNITUDE}", re.IGNORECASE)
_AFTER_NUMBER = re.compile(_MAGNITUDE, re.IGNORECASE)


def amount(m: Mention, text: str, known: frozenset[str]) -> bool:
    """Whether a mention (not the title's: its offsets are the title's) is a currency's
    name before an amount in `text`; `known`: the dictionaries' keys."""
    if m.in_title:
        return False
    surface = m.surface
    if len(surface) > 10 or (len(surface) > 3 and surface.isalpha()):
        return False  # (most mentions: a word of four letters or more)
    if glued := _GLUED.fullmatch(surface):
        return glued.group(1) is not None or _AFTER_GLUED.match(text, m.end) is not None
    if len(surface) <= 3 and surface.isalpha() and surface[1:].islower() \
            and text[m.end:m.end + 1].isdigit() and m.key not in known:
        return True  # "Vt25", "the Vt200 million", "Rs500": a word's capital, then digits
        # at once (a code is written in capitals, "G20", "F1"; "Su27" is no actor either)
    if len(surface) <= 3 and surface.isalpha() and m.key not in known \
            and not text.endswith("the ", 0, m.start):
        # (A body before a sum spends it: "the EC 21.7 billion"; a dictionary's name is
        # not a currency's: "US 400m and 200m legend Michael Johnson".)
        # (A magnitude or "per" after the number: a table's "EC 5,500 (7,900)", "the EC 28.1
        # and the U.S. 17.2" name the EC.)
        # Glued to the number, thousands or a decimal say money too ("Vt500,000").
        number = _SPACED_NUMBER.match(text, m.end)
        if number is None:
            return False
        said = number.group()
        return _AFTER_NUMBER.match(text, number.end()) is not None \
            or (said[0] != " " and ("," in said or "." in said))
    return False


def drop_amounts(found: list[Mention], text: str, known: frozenset[str]) -> None:
    """Drop (in place) the mentions of `found` that are a currency's name before an amount
    in `text` (`amount`); `known`: the dictionaries' keys."""
    # (`amount`'s first test inline: most mentions are a word of four letters or more, and
    # no call is made for them)
    keep = [m for m in found if m.in_title or len(s := m.surface) > 10
            or (len(s) > 3 and s.isalpha()) or not amount(m, text, known)]
    if len(keep) != len(found):
        found[:] = keep
