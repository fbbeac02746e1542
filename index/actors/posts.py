"""A post's place run into its holder's name: "former US ambassador to Iraq Ryan Crocker",
"the envoy to Syria Dana Roe", "Minister for Europe Tarik Varnel", "our correspondent in
Baghdad Jim Lee". The capitalised words after the preposition make one run, "Iraq Ryan
Crocker"; where a title's head stands before the preposition and the run starts with a
dictionary's name followed by a person's name of two words or more, the run is two names:
the place (or body) of the post and its holder, a person. Also after "from" and "of"
("Senator from Vermont Bernie Sanders", "Speaker of the House Nancy Pelosi"), and before a
place no dictionary has: there the holder is the name's last two words (initials aside),
the place the one to three words before them ("Senator from West Virginia Joe Manchin")."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Tok

_POST_PREPOSITIONS = ("to", "for", "in", "at", "from", "of")
# The four characters before a run that may follow a post's preposition (its "the" too).
POST_ENDS = frozenset((" to ", "for ", " in ", " at ", "rom ", " of ", "the "))
_BEFORE = re.compile(r"([A-Za-z]+)\s+(" + "|".join(_POST_PREPOSITIONS) + r")\s+(?:the\s+)?$")
_REACH = 40


def post_before(text: str, start: int, title_heads: frozenset[str]) -> bool:
    """Whether a title's head and a post's preposition stand right before `start`
    ("ambassador to ", "Minister for the ")."""
    found = _BEFORE.search(text, max(0, start - _REACH), start)
    return found is not None and found.group(1).lower() in title_heads


def holder_cut(toks: Sequence[Tok], text: str, base: int, known: Container[str],
               demonyms: Container[str], person_like: Callable[[Sequence[Tok]], bool]) -> int:
    """Where a run after a post's preposition splits into the place (or body) and the
    post's holder: the number of tokens of the place, 0 if it does not split. A
    dictionary's name of one or two words takes any person's name after it; else the holder
    is the last two words (an initial between them aside, no demonym first: "chairman of
    Royal Dutch Shell") and the place one to three words, after "from" (a place) or where
    the article writes the holder's surname again ("Sanders said")."""
    for cut in (2, 1):
        rest = toks[cut:]
        if len(toks) > cut + 1 and not toks[cut - 1].connector \
                and name_key(" ".join(t.text for t in toks[:cut])) in known \
                and person_like(rest) and sum(not t.connector for t in rest) >= 2:
            return cut
    words = 0
    for cut in range(len(toks) - 1, 0, -1):
        tok = toks[cut]
        if tok.connector:
            return 0
        if not (len(tok.text) == 1 and words == 1):  # ("Joe B. Manchin": B is no word)
            words += 1
        if words == 2:
            place = [t for t in toks[:cut] if not t.connector]
            surname = toks[-1].text
            if 1 <= len(place) <= 3 and not toks[cut - 1].connector \
                    and name_key(tok.text) not in demonyms and person_like(toks[cut:]) and (
                        text.endswith("from ", 0, toks[0].start - base)
                        or _named_again(text, surname, toks[cut].text)):
                return cut
            return 0
    return 0


def _named_again(text: str, surname: str, given: str) -> bool:
    """Whether the article writes the surname again as a name of its own ("Sanders said",
    "Bernie Sanders"), not as the end of another's ("Jafari Nia" for "Mozaffari Nia")."""
    seen = 0
    for found in re.finditer(r"\b" + re.escape(surname) + r"\b", text):
        before = text[max(0, found.start() - 30):found.start()].split()
        word = before[-1] if before else ""
        if not word[:1].isupper() or word == given or word[-1:] in ".,;:\"'“”’":
            seen += 1
            if seen >= 2:
                return True
    return False
