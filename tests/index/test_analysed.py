"""analysis.analysed (the segment writer's vocabulary asks it once a word form) gives what
analysis.indexed gives, and fills none of the caches behind indexed: in the writing
process they only held a second copy of its vocabulary."""

from __future__ import annotations

from newsdesk.index.analysis import analysed, indexed, stem
from newsdesk.index.folding import fold

WORDS = ["the", "The", "a", "I", "x", "Muhandís", "MUHANDIS", "running", "Runs", "U.S",
         "3.5", "bbc.co.uk", "Soleimani", "naïve", "ÆSIR", "ß", "Straße", "İstanbul", "may",
         "US", "2026", "co-operation", "O'Neill"]


def test_analysed_is_indexed_without_its_caches() -> None:
    for cached in (indexed, fold, stem):
        cached.cache_clear()
    found = [analysed(word) for word in WORDS]
    for cached in (indexed, fold, stem):
        assert cached.cache_info().currsize == 0
    assert found == [indexed(word) for word in WORDS]
    assert any(entry is None for entry in found) and any(entry for entry in found)
