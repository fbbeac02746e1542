"""Texts extracted one article each and clustered as a corpus: each key's actor name, for
rules that act across articles."""

from __future__ import annotations

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import mention_rows
from tests.bench.corpus_totals import CorpusTotals


def names_of_keys(extractor: Extractor, dictionaries: Dictionaries,
                  texts: list[str]) -> dict[str, str]:
    """Every key of the actors not hidden, with its actor's name."""
    totals = CorpusTotals()
    for n, text in enumerate(texts):
        found = extractor.extract("", text)
        totals.add(f"a{n}", mention_rows(f"a{n}", found), found.acronyms, KeyStats)
    totals.finish()
    return {key: c.name for c in cluster(totals.stats, totals.acronyms, dictionaries,
                                         totals.together) if not c.hidden for key in c.keys}
