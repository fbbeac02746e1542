"""A monarch's or a pope's name under its title ("Pope Benedict", "Queen Elizabeth": the
title kept in the key, extract.REGNAL_TITLES) and under its regnal number ("Benedict XVI",
"Pope Benedict XVI", "Elizabeth II") is one person: the titled name joins the forms of
the one number that hold 80% or more of the articles of that name's numbered forms (as a
lone surname is the full name with 80% of its full-name mentions), written in one article
with it at least. "Pope Benedict" (12 articles) beside "Benedict XVI" (9) and "Pope
Benedict XVI" (5) was an actor of its own; one article's "Benedict IX" is another pope,
who keeps his name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping
from typing import Protocol

# Regnal numbers of two letters or more ("I", "V", "X" alone are other words' too).
_NUMERALS = frozenset(("ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii",
                       "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii"))
_SHARE = 0.8


def regnal_name(words: list[str], given: Container[str]) -> bool:
    """Whether a name's words as written end in a regnal number in capitals after a given
    name ("John Paul II", "Pope Benedict XVI", "Elizabeth II", "Louis XIV"): a monarch's or
    a pope's, a person whatever the words around it say (typed other or organisation, with
    no cue a person's name has: they are seldom "said")."""
    return len(words) >= 2 and words[-1].isupper() and words[-1].lower() in _NUMERALS \
        and words[-2].lower() in given


class _Stats(Protocol):
    articles: int


def join_regnal(live: Mapping[str, _Stats], titles: frozenset[str],
                together: Callable[[str, str], bool], union: Callable[[str, str], bool]
                ) -> None:
    """Join each titled name of `live` ("pope benedict") to its numbered forms of one
    number ("benedict xvi", "pope benedict xvi": one person, titled or not)."""
    numbered: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    titled: list[tuple[str, str]] = []
    for key in live:
        last = key.rfind(" ")
        if last < 0:
            continue
        first, _, rest = key.partition(" ")
        if key[last + 1:] in _NUMERALS:
            name = key[:last]
            if first in titles and " " in name:
                name = name.partition(" ")[2]  # "pope benedict xvi": "benedict"
            numbered[name][key[last + 1:]].append(key)
        elif first in titles and rest.count(" ") < 2:
            titled.append((key, rest))  # "pope benedict", "pope john paul"
    for key, name in titled:
        by_number = numbered.get(name)
        if not by_number:
            continue
        articles = {n: sum(live[k].articles for k in forms) for n, forms in by_number.items()}
        number = max(articles, key=articles.__getitem__)
        forms = by_number[number]
        if articles[number] >= _SHARE * sum(articles.values()) \
                and any(together(key, form) for form in forms):
            for form in forms:
                union(key, form)
