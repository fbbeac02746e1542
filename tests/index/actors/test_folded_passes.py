"""Issue 25's folded and gated passes find what the passes one by one found: one walk that
drops word uses, clock zones and amounts drops what the three walks did, on the sample of
real articles and on made-up text where each drops something; and the outlets' cues an
article with no "report" and no "(" can have are still given."""

from __future__ import annotations

import copy

import pytest

from newsdesk.index.actors import extract
from newsdesk.index.actors.amounts import drop_amounts
from newsdesk.index.actors.clock_zones import drop_clock_zones
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.outlet_cues import MEDIA
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.actors.word_uses import drop_word_uses
from tests.index.actors.test_extraction_speedups import ARTICLES

MADE_UP = [
    "The talks open at 4:00pm AEDT in Canberra, and at 10 a.m. (EST) in New York.",
    "The Ministry paid VT1.1 billion and VT 1,577m; Rs500 bought lunch.",
    "Oh no, said Tony Blair in English. Re-open the Ministry of Finance, he said.",
    "The French and English versions. Oh. My. GMT is no actor, nor is AEDT alone.",
]


def test_one_walk_drops_what_the_three_passes_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    folded = extract.drop_word_uses_zones_amounts
    seen = {"calls": 0, "dropped": 0}

    def both(found: list[Mention], text: str, demonyms: frozenset[str],
             known: frozenset[str]) -> None:
        apart = copy.deepcopy(found)
        drop_word_uses(apart, text, demonyms)
        drop_clock_zones(apart, text)
        drop_amounts(apart, text, known)
        before = len(found)
        folded(found, text, demonyms, known)
        assert [(m.key, m.start, m.in_title) for m in found] \
            == [(m.key, m.start, m.in_title) for m in apart], text[:80]
        seen["calls"] += 1
        seen["dropped"] += before - len(found)

    monkeypatch.setattr(extract, "drop_word_uses_zones_amounts", both)
    extractor = make_extractor(load_dictionaries([]))
    for _, title, text in [*ARTICLES, *(("", t[:30], t) for t in MADE_UP)]:
        extractor.extract(title, text)
    assert seen["calls"] >= len(MADE_UP)
    assert seen["dropped"] >= 5  # (the made-up texts have word uses, zones and amounts)


@pytest.mark.parametrize(("text", "outlet"), [
    ("A source close to the couple told Radar the news on Monday.", "radar"),
    ("Patil told HT that the works would start.", "ht"),
    ("As Us Weekly previously reported, the couple split.", "us weekly"),
    ("(Reuters Health) - People who sleep less eat more.", "reuters health"),
])
def test_outlets_cued_with_and_without_a_report_or_a_bracket(text: str, outlet: str) -> None:
    found = make_extractor(load_dictionaries([])).extract("", text)
    assert any(m.key == outlet and m.org_type == MEDIA for m in found.mentions), \
        [(m.key, m.org_type) for m in found.mentions]
