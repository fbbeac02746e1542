"""Where a name starts after a title's portfolio: "Indonesian Minister of Mines and Energy
Subroto", "Commissioner for Economic and Monetary Affairs Olli Rehn", "Secretary of State
for Health Andrew Lansley". The title's run of capitalised words goes on over the portfolio
into the name, and an "and" inside the portfolio split it into two names ("Mines", "Energy
Subroto"); the lone "Subroto" elsewhere then went to "Energy Subroto".

The portfolio is the words after the title's "of" or "for"; the name is the run's last
words. Where the one ends and the other starts is told by evidence only:

- a given name (a shipped list of common given names, `given_names.py`) the text never
  writes in lower case starts the name ("... Affairs Olli Rehn"); else
- the word right after the portfolio's last "and" is the portfolio's ("Mines and Energy"),
  and the rest, one to three words, is the name, if its last word stands alone elsewhere
  in the text ("Subroto told reporters"; not "MP for Hornsey and Wood Green" beside "Sir
  Andrew Green", nor "Professor of Ballet and Performing Arts").

With neither ("Minister of Mines Subroto"), nothing is cut: the run is read as before.
Generic English, not any corpus's: only "of", "for", "and" and the title heads are read."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from newsdesk.index.actors.names import NAME_PARTICLES
from newsdesk.index.actors.records import Tok
from newsdesk.index.actors.whole_words import whole_word_starts

# Words before a portfolio that open it: "Minister of", "Commissioner for".
PORTFOLIO_LINKS = frozenset(("of", "for"))
# Titles whose "for" opens a portfolio ("Minister for", "Secretary of State for"); a seat's
# holder's does not ("MP for Hornsey and Wood Green", "Senator for Ohio").
FOR_PORTFOLIO = frozenset(("minister", "ministers", "secretary", "commissioner", "state",
                           "undersecretary", "under-secretary"))
_MAX_NAME_WORDS = 4  # a given name and up to three more ("Olli Rehn", "Mary Jo White")
_MAX_AFTER_AND = 2  # no given name: the words after the portfolio's last "and"


def portfolio_start(toks: Sequence[Tok], heads: Container[str]) -> int | None:
    """The index of the portfolio's first word inside the run, after a title head and its
    "of" ("Minister of Mines ..." -> 2), or None. `heads`: lower-case title heads."""
    for k in range(len(toks) - 3):
        nxt = toks[k + 1]
        if nxt.connector and nxt.text == "of" and toks[k].text.lower().rstrip(".") in heads:
            return k + 2
    return None


def portfolio_before(text: str, start: int, heads: Container[str]) -> bool:
    """Whether the run at `start` opens a portfolio: "<Title> for " or "<Title> of " just
    before it ("Commissioner for | Economic and Monetary Affairs Olli Rehn")."""
    words = text[max(0, start - 24):start].split()
    if len(words) < 2 or words[-1] not in PORTFOLIO_LINKS or not words[-2][:1].isupper():
        return False
    title = words[-2].lower()
    return title in FOR_PORTFOLIO if words[-1] == "for" else title in heads


def name_start(toks: Sequence[Tok], portfolio: int, text: str, given: Container[str],
               is_title: Callable[[Tok], bool], person_like: Callable[[Sequence[Tok]], bool],
               written_lower: Callable[[str], bool]) -> int | None:
    """The index where the holder's name starts after the portfolio that starts at
    `portfolio`, or None where the words do not tell (see the module's doc). The portfolio
    keeps one word at least; the name holds no title word and is `person_like`."""
    last = len(toks)
    for s in range(portfolio + 1, last):
        tok = toks[s]
        low = tok.text.lower()
        if is_title(tok):
            return None  # "... of Edinburgh Prince Philip": a title's own cut decides
        if not tok.connector and not tok.joined_by_and and low in given \
                and last - s <= _MAX_NAME_WORDS and person_like(toks[s:]) \
                and not written_lower(low):
            # ("Secretary of State George Shultz and Japan's ...": two names, not cut here)
            return None if any(t.joined_by_and for t in toks[s + 1:]) else s
    # A name's particle ("... for Trade Staffan de Mistura", "... Ursula von der Leyen"):
    # the word before the first one is a given name, the name's first word, however rare.
    p = next((k for k in range(portfolio + 2, last) if toks[k].connector
              and toks[k].text in NAME_PARTICLES), None)
    if p is not None and not toks[p - 1].connector and last - (p - 1) <= _MAX_NAME_WORDS \
            and not toks[-1].connector and person_like(toks[p - 1:]) \
            and not any(t.joined_by_and for t in toks[p - 1:]):
        return p - 1
    ands = [k for k in range(portfolio + 1, last) if toks[k].joined_by_and == "and"]
    if not ands:
        return None
    s = ands[-1] + 1
    if not 0 < last - s <= _MAX_AFTER_AND or toks[s].connector or not person_like(toks[s:]):
        return None
    if any(not t.connector and written_lower(t.text.lower()) for t in toks[s:]):
        return None  # "... and Energy Policy": a word of prose, no name's
    return s if alone_elsewhere(toks[-1], text) else None


def alone_elsewhere(tok: Tok, text: str) -> bool:
    """Whether the text writes `tok`'s word as a whole word elsewhere, after no capitalised
    word of the same sentence ("Subroto said", ". Subroto"; not "Sir Andrew Green")."""
    word = tok.text
    for at in whole_word_starts(text, word):
        if at == tok.start:
            continue
        before = text[max(0, at - 30):at].split()
        if not before or not before[-1][:1].isupper() or before[-1][-1:] in _SENTENCE_ENDS:
            return True
    return False


_SENTENCE_ENDS = frozenset(".!?:;\"”'’")
