"""A company's stock symbol written after its name: "Apple AAPL", "Alphabet GOOGL.O"
(Reuters' instrument codes: the symbol and its exchange's letter), "Apple (AAPL)",
"Apple Inc (NASDAQ: AAPL)", "(Symbol: AAPL)". Business news then writes the symbol alone
as the company's name ("AAPL rates highest"): the symbol is defined as the name before
it, as an acronym in brackets is, so the two are one actor, and "Apple AAPL" is two
mentions of it, never a name of its own.

Right after a name and in capitals, a symbol is told from a name's own last word ("Apple
TV", "Liverpool FC", "Google AI") by the exchange's letter after it (".O", ".N"), by an
exchange or "Symbol" before it in brackets, or else by its letters: the name's first
letter, then the others in the name's order (AAPL in Apple, MSFT in Microsoft, NVDA in
Nvidia; not FC in Liverpool, TV in Apple), as an acronym's letters may come from inside
a word.

Where an exchange says it is a symbol (the exchange's letter after it, "GOOGL.O", or the
exchange before it in brackets, "(NASDAQ: GOOGL)"), the symbol is defined as the name
before it whether or not its letters spell it (GOOGL for Alphabet: the parent renamed, the
symbol kept). The cluster step then joins it as it joins any acronym to its definition:
to the name most articles define it with, and to none where two names that share no word
are both given (`cluster._defined_otherwise`), so a symbol defined one way across the
corpus joins and one the corpus gives two companies stays apart."""

from __future__ import annotations

import re

MAX_LETTERS = 5  # NYSE's and Nasdaq's symbols are one to five letters
# An instrument code's exchange: ".O" (Nasdaq), ".N" (NYSE), ".OQ", ".L", ".TO", ".HK".
_EXCHANGE_LETTERS = re.compile(r"\.[A-Z]{1,2}(?![\w.])")
# "(NASDAQ: AAPL)", "(NYSE:BA)", "(Symbol: AAPL)", "(TSX: RY.TO)" after a name.
LISTED = re.compile(r"\s*\((?:[A-Z]{2,8}|Symbol|Ticker)\s*:\s*([A-Z]{1,5})(?:\.[A-Z]{1,2})?\s*\)")
LISTED_REACH = 26  # characters after a name where such a bracket can close


def symbol_like(word: str) -> bool:
    """Two to five capital letters (A-Z): what a symbol after a name may be."""
    return 2 <= len(word) <= MAX_LETTERS and word.isascii() and word.isalpha() \
        and word.isupper()


def exchange_after(text: str, end: int) -> bool:
    """An exchange's letters right after a symbol ending at `end`: "AAPL.O"."""
    return text[end:end + 1] == "." and _EXCHANGE_LETTERS.match(text, end) is not None


def spells(symbol: str, name: str) -> bool:
    """The symbol's letters are the name's first letter, then others of it in order."""
    letters = symbol.lower()
    name = name.lower()
    if not name or letters[0] != name[0]:
        return False
    at = 1
    for i in range(1, len(letters)):
        if letters[i] == letters[i - 1]:
            continue  # "AAPL": a letter doubled stands for one of the name's
        at = name.find(letters[i], at)
        if at < 0:
            return False
        at += 1
    return True


def trailing_symbol(name: str, symbol: str, text: str, end: int) -> bool:
    """Whether `symbol`, ending at text[end] right after `name` in one run of capitalised
    words, is the name's stock symbol (module docstring)."""
    return symbol_like(symbol) and not name.isupper() and (
        exchange_after(text, end) or spells(symbol, name))


def defined_by(symbol: str, name: str, text: str, end: int) -> bool:
    """Whether `symbol` (ending at text[end], right after `name`, already found a symbol
    by `trailing_symbol`) is defined as `name`: its letters spell it, or an exchange's
    letter after it says it is a listed symbol ("Alphabet GOOGL.O")."""
    return spells(symbol, name) or exchange_after(text, end)
