"""Issue 24 classes of stranger16's Kenyan news (F3):

1. a candidate's or a voter's noun after any name typed it a party: an exam ("Kenya
   Certificate of Secondary Education candidates", "KJSEA and KPSEA candidates"), a people
   ("a Luhya candidate"), a place ("Kilifi activists", "Emurua Dikirr voters"). Such nouns
   say a party only of a name the corpus calls a body otherwise (electorate.py)."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.electorate import ELECTORATE
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def corpus_types(sentences: list[str]) -> dict[str, str]:
    """Each key's actor type, of stats summed over `sentences`' mentions as the key totals
    sum them (one article a sentence)."""
    stats: dict[str, KeyStats] = {}
    for text in sentences:
        for m in EXTRACTOR.extract("", text).mentions:
            s = stats.setdefault(m.key, KeyStats(m.key, Counter(), 0, 0))
            s.surfaces[m.surface] += 1
            s.articles += 1
            s.mentions += 1
            s.person += m.person_cue
            s.location += m.location_cue
            if m.org_type:
                s.org[m.org_type] += 1
    return {k: c.type for c in cluster(stats, {}, DICTIONARIES) for k in c.keys}


def cue_of(text: str, surface: str) -> str | None:
    found = EXTRACTOR.extract("", text).mentions
    return next(m.org_type for m in found if m.surface == surface)


# --- 1. candidates and voters --------------------------------------------------------

NAMES = ["Luhya", "Kilifi", "Emurua Dikirr", "Secondary Education", "Ogiek", "Marsabit"]
NOUNS = ["candidate", "candidates", "voters", "activists"]
# Sentences that name X with no cue of a body or a place ("X" alone, "the X elders").
PLAIN = ["Many people in the region spoke of {x} traditions on Monday.",
         "The report on {x} heritage was published last week."]


@pytest.mark.parametrize("noun", NOUNS)
def test_a_candidates_noun_is_no_partys_cue_alone(noun: str) -> None:
    for name in NAMES:
        assert cue_of(f"On Monday the {name} {noun} gathered in the town.", name) == ELECTORATE


@pytest.mark.parametrize("cued", [1, 2, 4])
def test_a_name_cued_only_by_candidates_is_no_party(cued: int) -> None:
    """"a Luhya candidate", "KCSE candidates", "Emurua Dikirr voters": no party."""
    sentences = [f"On Monday the {x} {NOUNS[i % 4]} gathered near the road."
                 for x in NAMES for i in range(cued)]
    sentences += [p.format(x=x) for x in NAMES for p in PLAIN]
    types = corpus_types(sentences)
    assert all(types[name_key(x)] != "party" for x in NAMES), types


@pytest.mark.parametrize("body", ["the {x} chairman said", "the {x} manifesto says",
                                  "the {x} whip said"])
def test_a_bodys_candidates_make_a_party(body: str) -> None:
    """"APC chairman" (a body's cue) with "APC candidate": the body is a party; so is one
    with a member's title ("Wiper whip") or a manifesto."""
    names = ["APC", "Wiper", "Narc Kenya"]
    sentences = [f"On Monday the {x} {n} gathered near the road." for x in names for n in NOUNS]
    sentences += [f"On Monday the {body.format(x=x)} the vote was fair." for x in names]
    types = corpus_types(sentences)
    assert all(types[name_key(x)] == "party" for x in names), types


# --- 2. Kenya's cabinet titles --------------------------------------------------------

PORTFOLIOS = ["Interior", "Treasury", "Health", "Energy", "Education"]
HOLDERS = ["Kipchumba Murkomen", "John Mbadi", "Aden Duale", "Opiyo Wandayi"]


@pytest.mark.parametrize("holder", HOLDERS)
def test_a_cabinet_secretary_is_a_title(holder: str) -> None:
    """"Interior Cabinet Secretary Kipchumba Murkomen": the holder, no body "Interior
    Cabinet" (11 articles of stranger16's Kenyan corpus, typed government)."""
    for portfolio in PORTFOLIOS:
        text = f"On Monday, {portfolio} Cabinet Secretary {holder} said the plan would go on."
        found = [(m.surface, m.org_type) for m in EXTRACTOR.extract("", text).mentions]
        # (A portfolio that is no title word stays as "Health Secretary Matt Hancock"
        # leaves it: an office's cue, no body's.)
        assert found[-1] == (holder, None) and all(
            s == portfolio and t == "office" for s, t in found[:-1]), found
    found = [m.surface for m in EXTRACTOR.extract(
        "", f"On Monday, Cabinet Secretary {holder} said the plan would go on.").mentions]
    assert found == [holder], found


@pytest.mark.parametrize(("title", "holder"), product(["CS", "PS"], HOLDERS))
def test_kenyan_acronym_titles_are_cut(title: str, holder: str) -> None:
    """"CS Mbadi", "Treasury CS John Mbadi", "PS Omollo": a title."""
    surname = holder.split()[-1]
    for text, want in ((f"On Monday, {title} {holder} said the plan would go on.", holder),
                       (f"On Monday, Treasury {title} {holder} said it.", holder),
                       (f"Later {title} {surname} said the plan would go on.", surname)):
        found = [m.surface for m in EXTRACTOR.extract("", text).mentions]
        assert found == [want], (text, found)


@pytest.mark.parametrize("acronym", ["CAS", "MCA"])
def test_a_bodys_acronym_alone_stays(acronym: str) -> None:
    """The Court of Arbitration for Sport's "CAS", MCA Inc's "MCA": no titles."""
    found = [m.surface for m in EXTRACTOR.extract(
        "", f"On Monday the {acronym} said no to the plan.").mentions]
    assert found == [acronym], found
