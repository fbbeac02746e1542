"""A firm's first word alone stands for the firm its article names in full, as a lone
surname for the person's full name: "Azizi Developments said on Tuesday ... Azizi said in a
statement" (an outside tester found "Azizi" an entry apart from "Azizi Developments");
"Tata Motors ... Tata said", "Nortel Networks ... Nortel". Read in one article.

A firm's full name: its last word a company's head noun ("Group", "Motors", "Airlines",
"Developments"; not a body's, "Oxford University", "Musicians Union", nor a channel's or a
product's, "Sky One", "Mac format"), or a firm's cue on one of its mentions (firm_cues.py);
no joint name ("Fiat and General Motors"). Not one with a legal form last ("Texaco Inc",
"PaineWebber Group Inc"): the clustering joins a name that starts such a firm's to it
across the corpus (README, Actors), and a firm whose articles write "PaineWebber Inc" and
"PaineWebber Group Inc" had its lone "PaineWebber" split between the two. The word alone takes
the full name's key where the article names one firm led by it and no other name holds the
word ("Mirwais Azizi", "Ratan Tata": then "Azizi said" may be his), and the word is no
dictionary's name ("Dubai" of "Dubai Holding"), no place's (a region's, a large city's, one
the article writes as a place's: "Kerman" beside the "Kerman Water Group"), no demonym
("European"), no common given name ("Steve" of the "Steve Redgrave Trust"), and never written
in lower case in the article ("Free", "Mobile")."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.region_demonyms import people_regions as places

# A company's head nouns, a name's last word (generic English of company names; the legal
# forms are the caller's `legal`).
_FIRM_HEADS = """group holdings holding industries enterprises partners airlines
airways motors motor networks communications systems technologies software platforms labs
laboratories solutions pharmaceuticals therapeutics biosciences semiconductor bancorp
developments properties resources ventures investments energy petroleum mining brands foods
stores developers realty"""
FIRM_HEADS = frozenset(_FIRM_HEADS.split())
_FIRM_CUE = "firm"  # firm_cues.FIRM (not imported: firm_cues imports the extractor's words)
# The cues a lone word may carry and still be the firm's ("Azizi said it", "Tata shares").
_LONE_CUES = frozenset((None, "organisation", "firm", "neuter", "modifier"))


def resolve_firm_firsts(found: Sequence[Mention], text: str, known: Container[str],
                        demonyms: Container[str], legal: Container[str],
                        heads: Container[str]) -> None:
    """Give (in place) a lone word the key of the one firm its article names led by it
    (`known`: the dictionaries' keys; `legal`: companies' legal forms, "inc", "plc", whose
    firms are left to the clustering; `heads`: bodies' and places' head nouns, "house",
    "bank")."""
    # (Most articles: no one-word mention and no firm's name led by it; a set each.)
    # (Two letters are many bodies' acronym, "EC" beside "EC Energy"; a body's head noun is
    # another body's, "House" beside the "House Energy" committee.)
    lone = {m.key for m in found if m.key.isalpha() and len(m.key) > 2 and m.key not in known
            and m.key not in demonyms and m.key not in heads and not m.person_cue
            and not m.lower_seen}
    if not lone:
        return
    lone -= {m.key for m in found if m.location_cue}
    lone -= places()
    lone -= given_names()
    if not lone:
        return
    firms: dict[str, set[str]] = {}  # a firm's first word -> its full names
    other_words: set[str] = set()  # the words of the article's other names of two or more
    for m in found:
        first, space, rest = m.key.partition(" ")
        if not space:
            continue
        last = m.key.rpartition(" ")[2]
        if first in lone and not m.person_cue and " and " not in m.key \
                and last not in legal and (last in FIRM_HEADS or m.org_type == _FIRM_CUE):
            firms.setdefault(first, set()).add(m.key)
        else:
            other_words.update(rest.split())
            other_words.add(first)
    # (Nor a word the article writes in lower case: "Investors can sell" beside "Moody's
    # Investors Service Inc" and "reoffered to investors".)
    for first in [f for f in firms if re.search(rf"\b{re.escape(f)}\b", text)]:
        del firms[first]
    if not firms:
        return
    for m in found:
        names = firms.get(m.key)
        if names is not None and len(names) == 1 and m.key not in other_words \
                and m.org_type in _LONE_CUES and not m.location_cue and not m.person_cue:
            m.key = next(iter(names))
