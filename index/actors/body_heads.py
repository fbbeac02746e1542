"""A body's name run into a person's: "Speaker of the House Nancy Pelosi", "Senate Democrat
Chuck Schumer", "Labour Tony Blair". The capitalised words make one run, and the person's
name would keep the body's word ("House Nancy Pelosi", an alias of hers). Where the run's
first word (or two) is a body's name (a dictionary's name that is no person's, or a word that
heads a body's or a building's name: "House", "Senate", "Army") and what follows is a
person's full name starting with a given name (given_names.py: "Nancy", "Chuck"), the run is
two names, the body's and the person's. Not where the body's word is a given name itself
("Tory Burch", "Georgia May Jagger"): the run is then one person's name."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Tok


def body_before_person(toks: Sequence[Tok], bodies: Container[str], heads: Container[str],
                       given: Container[str], capitals: Container[str],
                       person_like: Callable[[Sequence[Tok]], bool]) -> int:
    """The number of tokens of the body's name that starts the run, 0 if none does.
    `bodies`: keys of dictionary names that are no person's; `heads`: lower-case words
    that head a body's name; `given`: lower-case given names; `capitals`: keys the
    dictionaries write in capitals only ("IS": "Bale Is David Fincher's" names no body)."""
    for cut in (1, 2):
        if len(toks) < cut + 2:
            return 0
        rest = toks[cut:]
        first = rest[0]
        if first.connector or toks[cut - 1].connector \
                or first.text.lower() not in given or first.text.isupper():
            continue
        last = toks[cut - 1].text.lower()
        if last in given:
            return 0  # ("Tory Burch": the word may be the name's own)
        head = name_key(" ".join(t.text for t in toks[:cut]))
        body = name_key(last)
        words = sum(not t.connector for t in rest)
        if ((head in bodies and (head not in capitals or toks[0].text.isupper()))
                or (body in bodies and (body not in capitals or toks[cut - 1].text.isupper()))
                or last in heads) and 2 <= words <= 3 and person_like(rest):
            return cut
    return 0
