"""Two names the corpus knows on their own, joined by "and", are no longer form of either.

A list of two firms reads as one name where the words after "and" end with an organisation's
head word ("Securities and Exchange Commission"), and so does a pair of companies whose
second carries its legal form: "Ford and Chrysler Group LLC", "Leaf and General Motors Co",
"Lego and Sony Corp" came out as one name each, and the clustering then took each for a longer
form of the second firm's name ("Chrysler Group LLC" inside it): Ford's mention an alias of
Chrysler (stranger13 A5). The article alone cannot tell them from "Procter and Gamble Co"
(its second half is often written once); the corpus can: where the words before "and" are a
name standing alone in it, and the words after "and" too (with or without the legal form),
each in more than twice the run's articles, the run is two names, and held inside it is no
shorter form of it (cluster.py, `_org_variants`). The words before "and" are to be cued as
a body's somewhere, and be no organisation's head words only ("Securities and Exchange
Commission": "Securities" alone is no name of its own; "Federal Savings" of "Federal
Savings and Loan Insurance Corp" is a thing's, "Nippon Telegraph" a medium's); nor is a run
about as common as its halves one of two names: they are its own name cut at "and" ("Cable
and Wireless Plc")."""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import Protocol


class _Stats(Protocol):
    mentions: int
    articles: int
    org: Mapping[str, int]


def two_names(key: str, live: Mapping[str, _Stats], heads: Container[str],
              legal: Container[str]) -> bool:
    """Whether `key` is two names joined by "and" that `live` (the corpus's keys) holds
    each on its own; `heads`: an organisation's head words ("securities", "commission");
    `legal`: a company's legal forms ("corp", "llc")."""
    at = key.find(" and ")
    if at <= 0:
        return False
    first, second = key[:at], key[at + 5:]
    a = live.get(first)
    if a is None or not a.org.get("organisation") or all(w in heads for w in first.split()):
        return False
    b = live.get(second)
    if b is None:
        words = second.split()
        while len(words) > 1 and words[-1] in legal:
            words.pop()
        b = live.get(" ".join(words))
    whole = live[key].articles if key in live else 0
    return b is not None and whole * 2 < min(a.articles, b.articles)
