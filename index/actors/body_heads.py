"""A body's name run into a person's: "Speaker of the House Nancy Pelosi", "Senate Democrat
Chuck Schumer", "Labour Tony Blair". The capitalised words make one run, and the person's
name would keep the body's word ("House Nancy Pelosi", an alias of hers). Where the run's
first word (or two) is a body's name (a dictionary's name that is no person's, or a word that
heads a body's or a building's name: "House", "Senate", "Army") and what follows is a
person's full name starting with a given name (given_names.py: "Nancy", "Chuck"), the run is
two names, the body's and the person's. Not where the body's word is a given name itself
("Tory Burch", "Georgia May Jagger"): the run is then one person's name.

Only where the article says the rest is a person's: a title before the run, or the rest's
last word standing alone elsewhere in the article ("... Pelosi said"). The capitalised
words of a place's or a firm's name look like a given name and a surname as well
("Edinburgh Royal Infirmary", "White House Rose Garden", "Front Line Defenders"); their
last word never stands alone as a surname does. Never where that word is written in lower
case in the article (a common noun), nor where the body's word is a role ("Economist David
Pike", "Chief Economist Doug Duncan": an economist, not The Economist)."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence

from newsdesk.index.actors.long_text import LONG, capital_runs
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Tok

_CAPITAL_WORD = re.compile(r"[A-Z][\w-]*")


def body_before_person(toks: Sequence[Tok], bodies: Container[str], heads: Container[str],
                       given: Container[str], capitals: Container[str],
                       person_like: Callable[[Sequence[Tok]], bool], *, text: str = "",
                       person_cue: bool = False, roles: Container[str] = (),
                       written_lower: Callable[[str, str], bool] = lambda w, t: False) -> int:
    """The number of tokens of the body's name that starts the run, 0 if none does.
    `bodies`: keys of dictionary names that are no person's; `heads`: lower-case words
    that head a body's name; `given`: lower-case given names; `capitals`: keys the
    dictionaries write in capitals only ("IS": "Bale Is David Fincher's" names no body);
    `text`: the article (the rest's evidence); `person_cue`: a title before the run;
    `roles`: lower-case role nouns ("economist"); `written_lower(word, text)`: whether the
    text writes the word in lower case."""
    for cut in (1, 2):
        if len(toks) < cut + 2:
            return 0
        rest = toks[cut:]
        first = rest[0]
        if first.connector or toks[cut - 1].connector \
                or first.text.lower() not in given or first.text.isupper():
            continue
        last = toks[cut - 1].text.lower()
        if last in given or last in roles:
            return 0  # ("Tory Burch": the word may be the name's own; "Economist David Pike")
        head = name_key(" ".join(t.text for t in toks[:cut]))
        body = name_key(last)
        words = sum(not t.connector for t in rest)
        if ((head in bodies and (head not in capitals or toks[0].text.isupper()))
                or (body in bodies and (body not in capitals or toks[cut - 1].text.isupper()))
                or last in heads) and 2 <= words <= 3 and person_like(rest) \
                and not written_lower(rest[-1].text.lower(), text) \
                and (person_cue or _alone_elsewhere(rest, toks[0].start, text, roles)):
            return cut
    return 0


def _alone_elsewhere(rest: Sequence[Tok], start: int, text: str,
                     roles: Container[str] = ()) -> bool:
    """Whether the text writes the rest's last word outside the run (from `start`) as a
    surname stands: alone, after a title or a role ("Ms Teather"), or after the rest's own
    word before it ("Nancy Pelosi"); not after another capitalised word ("Rose Garden" of
    "the Rose Garden" is no surname's)."""
    word, own = rest[-1].text, rest[-2].text if len(rest) > 1 else ""
    if len(text) >= LONG and _CAPITAL_WORD.fullmatch(word):
        # (A long text: its places looked up, not the text searched once per name.)
        places: Iterable[int] = capital_runs(text).get(word, ())
    else:
        places = (m.start() for m in
                  re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))
    for at in places:
        if start <= at <= rest[-1].start:
            continue
        before = text[max(0, at - 40):at]
        words = before.split()
        prev = words[-1] if words and before[-1:].isspace() else ""
        if not prev or prev == own or not prev[:1].isupper() or prev[-1] in ".!?:;,\"'(" \
                or prev.lower() in roles:
            return True
    return False
