"""A post's place run into its holder's name: "former US ambassador to Iraq Ryan Crocker",
"the envoy to Syria Dana Roe", "Minister for Europe Tarik Varnel", "our correspondent in
Baghdad Jim Lee". The capitalised words after the preposition make one run, "Iraq Ryan
Crocker"; where a title's head stands before the preposition and the run starts with a
dictionary's name followed by a person's name of two words or more, the run is two names:
the place (or body) of the post and its holder, a person. Also after "from" and "of"
("Senator from Vermont Bernie Sanders", "Speaker of the House Nancy Pelosi"), after a
dictionary's name of two words, and before a place no dictionary has (the holder is then
the last two words), where the article names the holder again by the surname."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.portfolios import FOR_PORTFOLIO
from newsdesk.index.actors.records import Tok
from newsdesk.index.actors.whole_words import whole_word_starts

_OLD_PREPOSITIONS = ("to", "for", "in", "at")
_POST_PREPOSITIONS = (*_OLD_PREPOSITIONS, "from", "of")
# The four characters before a run that may follow a post's preposition (its "the" too).
POST_ENDS = frozenset((" to ", "for ", " in ", " at ", "rom ", " of ", "the "))
_BEFORE = re.compile(r"([A-Za-z]+)\s+(" + "|".join(_POST_PREPOSITIONS) + r")\s+(?:the\s+)?$")
_REACH = 40
# Titles that hold a portfolio (portfolios.py's, and a chancellor's exchequer).
PORTFOLIO_TITLES = FOR_PORTFOLIO | {"chancellor"}


def _preposition_before(text: str, start: int) -> re.Match[str] | None:
    """`_BEFORE.search(text, max(0, start - _REACH), start)`, tried from the third word
    before `start` only: a match holds three words at most (the head, the preposition,
    "the"), so none starts further back (the pattern was tried at every letter of the
    reach: 11 us a call)."""
    low = max(0, start - _REACH)
    at = start
    for _ in range(3):
        while at > low and text[at - 1].isspace():
            at -= 1
        while at > low and not text[at - 1].isspace():
            at -= 1
    return _BEFORE.search(text, at, start)


def post_before(text: str, start: int, title_heads: frozenset[str]) -> bool:
    """Whether a title's head and a post's preposition stand right before `start`
    ("ambassador to ", "Minister for the ")."""
    found = _preposition_before(text, start)
    return found is not None and found.group(1).lower() in title_heads


def holder_cut(toks: Sequence[Tok], text: str, known: Container[str],
               demonyms: Container[str], person_like: Callable[[Sequence[Tok]], bool],
               places: Container[str] = ()) -> int:
    """Where a run after a post's preposition splits into the place (or body) and the
    post's holder: the number of tokens of the place, 0 if it does not split. After "to",
    "for", "in", "at", a dictionary's one-word name takes any person's name after it.
    Elsewhere ("from", "of", a two-word name; a place no dictionary has after "from" and
    "of" only: "MP for Merionnydd Nant Conwy" is a seat) the article must
    write the holder's surname again ("Sanders said": not "president of the New York
    Public Library", "vice-chairman of India Petrochemicals Limited"), and no demonym heads
    the holder ("chairman of Royal Dutch Shell"); the holder is what follows a dictionary's
    name, or the last two words (an initial between them aside) after one to three. A
    dictionary's name (`places`, `known`) after a capitalised title and "of" or "from",
    before a name of two words, needs no surname again: the post is that place's or body's
    ("President of the United States Donald Trump", "Senator from Vermont Bernie
    Sanders")."""
    found = _preposition_before(text, toks[0].start)
    preposition = found.group(2).lower() if found else ""
    rest = toks[1:]
    if preposition in _OLD_PREPOSITIONS and name_key(toks[0].text) in known \
            and person_like(rest) and sum(not t.connector for t in rest) >= 2:
        return 1
    cut = _known_cut(toks, known, person_like)
    if not cut and preposition in _OLD_PREPOSITIONS:
        return 0  # ("MP for Merionnydd Nant Conwy": a seat, no holder after it)
    if not cut:
        cut = _last_two(toks)
        if not cut or not person_like(toks[cut:]) \
                or sum(not t.connector for t in toks[:cut]) > 3:
            return 0
    holder = toks[cut:]
    if name_key(holder[0].text) in demonyms:
        return 0
    if not _named_again(text, toks[-1].text, holder[0].text,
                        holder[0].text.lower() in given_names()) \
            and not (found and _places_holder(toks, cut, found, places, known)):
        return 0
    return cut


def _places_holder(toks: Sequence[Tok], cut: int, found: re.Match[str],
                   places: Container[str], known: Container[str]) -> bool:
    """Whether the run is a place's post holder on its own evidence: a title written as one
    (capitalised: "President of the United States Donald Trump", not "president of the New
    York Public Library", "editor of North Korea Leadership Watch"), "of" or "from", a
    a dictionary's name (a country, a place, a body: "Speaker of the House Nancy Pelosi"),
    then two words no dictionary names."""
    holder = [t for t in toks[cut:] if not t.connector]
    post = name_key(" ".join(t.text for t in toks[:cut]))
    if found.group(2).lower() not in ("of", "from") or len(holder) != 2 \
            or any(name_key(t.text) in known for t in holder):
        return False
    # (Or a portfolio's one capitalised word after a minister's or a secretary's title,
    # before a given name and a surname: "former secretary of State Colin Powell",
    # "Chancellor of the Exchequer Gordon Brown": "State Colin Powell" was an alias of his.
    # Not a firm's head's: "vice president of Morgan Stanley International" is a firm.)
    return (found.group(1)[:1].isupper() and (post in places or post in known)) \
        or (cut == 1 and found.group(1).lower() in PORTFOLIO_TITLES
            and not toks[0].text.isupper()
            and holder[0].text.lower() in given_names() and not holder[0].text.isupper())


def _known_cut(toks: Sequence[Tok], known: Container[str],
               person_like: Callable[[Sequence[Tok]], bool]) -> int:
    for cut in (2, 1):
        rest = toks[cut:]
        if len(toks) > cut + 1 and not toks[cut - 1].connector \
                and name_key(" ".join(t.text for t in toks[:cut])) in known \
                and person_like(rest) and sum(not t.connector for t in rest) >= 2:
            return cut
    return 0


def _last_two(toks: Sequence[Tok]) -> int:
    """Where the last two words start ("Joe B. Manchin": the initial is no word), 0 if a
    connector comes first or nothing stands before them."""
    words = 0
    for cut in range(len(toks) - 1, 0, -1):
        tok = toks[cut]
        if tok.connector:
            return 0
        if not (len(tok.text) == 1 and words == 1):
            words += 1
        if words == 2:
            return cut if not toks[cut - 1].connector else 0
    return 0


def _named_again(text: str, surname: str, given: str, given_first: bool = True) -> bool:
    """Whether the article writes the surname alone again ("Sanders said", "Mr. Sanders"),
    not as the end of a name ("Jafari Nia" for "Mozaffari Nia", "New York Public Library"
    for "Public Library"). Where the holder's first word is no given name (`given_first`
    false: "Royal Canadian Mounted Police"), not at a sentence's start either: any word
    is capitalised there ("Police gave no details")."""
    seen = 0  # (the run's own surname follows the given name: never counted)
    for at in whole_word_starts(text, surname):
        before = text[max(0, at - 30):at].split()
        word = before[-1] if before else ""
        if not given_first and (not word or word[-1:] in ".!?" or "\n" in text[at - 2:at]):
            continue  # (a sentence's first word)
        if (not word[:1].isupper() or word[-1:] in ".,;:\"'“”’") and word != given \
                and not (len(word) == 2 and word[1] == "."):  # (nor after "B.", the initial)
            seen += 1
            if seen >= 1:
                return True
    return False
