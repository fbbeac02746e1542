"""A capitalised "Federal Government" is the national government of the corpus's own
country: ABC Australia's news listed "Federal Government" (14 articles) apart from
"Australian Government" (7), one government under two names. Which country a bare
"Federal Government" is, its own article seldom says (an ABC report on Afghanistan names
the US most, and its "Federal Government" is still Canberra's), but a corpus's country is
clear where one country is named more often than any other by a clear margin: the bare
name joins that country's government (its "<country> Government" keys) where the country
is a federation (data/federations.txt, world knowledge) and the corpus names its
government so. Lower-case "federal government" (US news) is no name and no key; a corpus
of a country that is no federation (UK news) keeps the bare name apart, as does one whose
two most named countries are close (world news) or that writes another country's "Federal
Government" too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from newsdesk.index.actors.names import name_key

FEDERATIONS = Path(__file__).resolve().parent / "data" / "federations.txt"
BARE = "federal government"
_BODY = "government"
# The corpus's country named this many times as often as the next country at least (its
# names' and demonyms' mentions: ABC Australia, 311 to the US's 217; its articles cannot be
# told here, one article names a country by several forms).
_MARGIN = 1.25


class _Stats(Protocol):
    mentions: int


@lru_cache(maxsize=1)
def federations() -> frozenset[str]:
    """The federations' name keys (as the country dictionary's entry keys)."""
    lines = FEDERATIONS.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line) for line in lines if line.strip() and line[0] != "#")


def national_government(live: Mapping[str, _Stats], country_of: Mapping[str, str]
                        ) -> list[str]:
    """The keys of the corpus's country's government ("Australian Government",
    "Government of Australia") that a bare "Federal Government" of `live` is, or none:
    `country_of` maps a country's names and demonyms to its entry."""
    if BARE not in live:
        return []
    named: Counter[str] = Counter()
    for key, country in country_of.items():
        if (s := live.get(key)) is not None:
            named[country] += s.mentions
    top = named.most_common(2)
    if not top or (len(top) == 2 and top[0][1] < _MARGIN * top[1][1]) \
            or top[0][0] not in federations():
        return []
    country = top[0][0]
    # (Not where the corpus writes another country's "Federal Government": Reuters's "Swiss
    # Federal Government" holds the bare name as a shorter form of its own.)
    if any(c != country and f"{name} {BARE}" in live for name, c in country_of.items()):
        return []
    forms = [k for name, c in country_of.items() if c == country
             for k in (f"{name} {_BODY}", f"{_BODY} of {name}", f"{_BODY} of the {name}")]
    return [k for k in forms if k in live]
