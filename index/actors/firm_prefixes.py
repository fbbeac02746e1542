"""A firm whose mentions end in "said" is no person: Reuters writes "Goldman said", "Kidder
said", "Credit Suisse said" of the banks it quotes (a two-word name cued "said" reads as
a person's), and elsewhere names them whole with a legal suffix: "Goldman Sachs and Co",
"Kidder Peabody and Co Inc", "Credit Suisse First Boston Ltd". A name the corpus writes
at the start of a suffixed firm's name (extract.COMPANY_SUFFIXES' forms, last words) is
that firm's where a person is unlikely by its form (its first word no given name, or four
words or more: "Merrill Lynch Capital Markets Inc"), or where the suffixed names' mentions
outnumber its own person cues and "he"/"she"s, as firm_cues.suffixed_firm weighs a name's
own suffixed form (a person's firm named after them, "Ivan Boesky and Co", keeps him a
person: his first word is a given name, and he is cued a person more often). A full name
the actor also holds by its last word alone is a person's form too, whatever its first
word, where that word is cued as a person's ("Barack Obama", "Obama said": one ironic
"Obama Inc." is no firm)."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping

from newsdesk.index.actors.firm_cues import FirmStats, firm_outvotes
from newsdesk.index.actors.pronouns import PERSONAL

_MANY_WORDS = 4  # a name of so many words is a firm's by its form, no person's


def firm_prefixes(live: Mapping[str, FirmStats], suffixes: Container[str]) -> dict[str, int]:
    """Each name the corpus's suffixed firms' names start with (their words before the
    suffix, and each shorter run of their first words) -> those firms' mentions."""
    out: dict[str, int] = {}
    for key, s in live.items():
        last = key.rfind(" ")
        if last < 0 or key[last + 1:] not in suffixes:
            continue  # (most keys: one dict look-up)
        words = key.split()
        while words and words[-1] in suffixes:
            words.pop()  # "goldman sachs and co inc": "goldman sachs"
        for n in range(1, len(words) + 1):
            prefix = " ".join(words[:n])
            out[prefix] = out.get(prefix, 0) + s.mentions
    return out


def prefixed_firm(stats: Iterable[FirmStats], prefixes: Mapping[str, int],
                  given: Callable[[str], bool]) -> bool:
    """Whether an actor its cues typed a person's is a firm that a suffixed name starts
    with (the module's doc). `given`: whether a lower-case word is a given name."""
    firm = person = personal = 0
    shaped = False  # a name of a firm's form: no given name first, or many words
    full = False  # a key of a person's form: a given name and a surname ("James Baker")
    lone: set[str] = set()  # the group's one-word keys cued as a person's
    lasts: set[str] = set()  # the last words of its keys of two or three words
    for s in stats:
        words = s.key.count(" ") + 1
        first_given = given(s.key.split(" ", 1)[0])
        n = prefixes.get(s.key)
        if n:
            firm += n
            shaped = shaped or not first_given or words >= _MANY_WORDS
        full = full or (first_given and 2 <= words < _MANY_WORDS)
        if words == 1:
            if s.person > (n or 0):  # (cued a person's more often than a firm starts so)
                lone.add(s.key)
        elif words < _MANY_WORDS:
            lasts.add(s.key.rsplit(" ", 1)[1])
        person += s.person
        personal += s.org.get(PERSONAL, 0)
    # (A full name the group also holds by its last word alone, that word cued as a
    # person's, is a person's form whatever its first word, which no list of given names
    # holds all of: "Barack Obama" with "Obama said" 18 times, beside two ironic "Obama
    # Inc."; not "Banque Paribas" with a lone "Paribas" never cued so.)
    full = full or not lone.isdisjoint(lasts)
    # (A person's surname alone starts a firm's name now and then, "Baker" of Baker Hughes
    # Inc: James Baker's actor holds "james baker", a full name, and stays a person.)
    return firm > 0 and ((shaped and not full) or firm_outvotes(firm, person, personal))
