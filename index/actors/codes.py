"""Codes written like names: credit ratings ("downgraded to Ba-3 from Baa-2", "BB-plus
senior debt") and stock symbols after a company's name ("Boeing Co <BA>", "Boeing
(NYSE: BA)"), with their exchange's suffix ("<CKGH.HK>": no mention of Hong Kong). They are
no actor, and the prepositions of a rating's change ("to", "from") made them places.

The ratings are the two agencies' scales (Moody's Aaa ... C, Standard and Poor's AAA ... D,
without the one-letter grades, which are no name anyway); a form is a rating only where the
text writes it as one: a grade's number or "plus"/"minus" after it ("Ba-3", "BB-plus"),
another rating on the far side of "to" / "from" ("to BB from B"), or after "rated" or
"rating". "BA" alone (British Airways) stays a name."""

from __future__ import annotations

import re

RATINGS = frozenset(("AAA", "AA", "BBB", "BB", "CCC", "CC", "Aaa", "Aa", "Baa", "Ba", "Caa",
                     "Ca"))
_GRADE = "(?:AAA|AA|A|BBB|BB|B|CCC|CC|C|D|Aaa|Aa|Baa|Ba|Caa|Ca)(?:-?[1-3]|-plus|-minus|[+-])?"
_GRADE_AFTER = re.compile(r"-?[1-3]\b|-plus\b|-minus\b|[+]")
_CHANGE_AFTER = re.compile(r" (?:from|to) " + _GRADE + r"\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(_GRADE + r" (?:from|to) $", re.IGNORECASE)
_RATED_BEFORE = re.compile(r"\b(?:rated|rating|ratings|rating of)\s+$", re.IGNORECASE)
_SYMBOL_BEFORE = re.compile(r"(?:NYSE|Nasdaq|NASDAQ|AMEX|LSE|TSX)\s*:\s*$")
_SYMBOL_CHARS = 6
_EXCHANGES = ("NYSE", "Nasdaq", "NASDAQ", "AMEX", "LSE", "TSX")
_EXCHANGE = re.compile(r"(?:" + "|".join(_EXCHANGES) + r")\s*:")


def may_list_symbols(text: str) -> bool:
    """Whether a text names an exchange before a colon ("(NYSE: BA)"): only there is a
    name after ": " tried as a symbol. (Whether `_EXCHANGE` matches: read back from each
    colon over its spaces, rather than the pattern tried at every capital of the text.)"""
    at = text.find(":")
    while at >= 0:
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if text.endswith(_EXCHANGES, 0, end):
            return True
        at = text.find(":", at + 1)
    return False


def is_code(surface: str, text: str, start: int, end: int) -> bool:
    """Whether the one-word name `surface` at text[start:end] is a rating or a stock symbol
    (module docstring)."""
    before = text[start - 2:start] if start >= 2 else ""
    if before[-1:] == ".":
        # "<CKGH.HK>": a symbol's exchange ("HK", "L", "T"), no mention of the place
        return text[end:end + 1] == ">" and surface.isupper() \
            and text.rfind("<", max(0, start - _SYMBOL_CHARS - 2), start) >= 0
    if before[-1:] == "<":
        # "Boeing Co <BA>": a symbol after the name it stands for
        return before == " <" and text[end:end + 1] == ">" and surface.isupper() \
            and len(surface) <= _SYMBOL_CHARS
    if ":" in before:  # "(NYSE: BA)"
        return surface.isupper() and bool(_SYMBOL_BEFORE.search(text, max(0, start - 12),
                                                                 start))
    if surface not in RATINGS:  # (most names: none of these)
        return False
    return bool(_GRADE_AFTER.match(text, end) or _CHANGE_AFTER.match(text, end)
                or _CHANGE_BEFORE.search(text, max(0, start - 12), start)
                or _RATED_BEFORE.search(text, max(0, start - 14), start))


# A statute's citation: a title's number, a code's acronym, a section ("18 U.S.C. 1001", "42
# USC § 1983", "40 CFR 261", "Title 18, U.S.C., Section 1001"), or the section sign after
# the acronym ("U.S.C. § 1343"). The code is no actor: "U.S.C." had joined the United
# States Congress by its initials.
_TITLE_BEFORE = re.compile(r"(?:^|[\s(])\d{1,3},?\s+$")  # (not a table's "1.133 IRAQ 1.75")
_SECTION_AFTER = re.compile(r",?\s*(?:§|Sec\b|Sec\.|Section\b|Sections\b|Part\b|\d)")
_SIGN_AFTER = re.compile(r",?\s*§")


def legal_citation(surface: str, text: str, start: int, end: int) -> bool:
    """Whether the acronym `surface` at text[start:end] is a statute's code in a citation
    (above). (The caller asks of no dictionary's name: a table's rows, "118 U.S. 10", are
    countries.)"""
    letters = surface.replace(".", "")
    if not (2 < len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    if _SIGN_AFTER.match(text, end):
        return True
    return _TITLE_BEFORE.search(text, max(0, start - 6), start) is not None \
        and _SECTION_AFTER.match(text, end) is not None
