"""Texts extracted one article each and clustered as a corpus: each key's actor name, for
rules that act across articles."""

from __future__ import annotations

from newsdesk.index.actors.cluster import Cluster, KeyStats, cluster
from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import mention_rows
from tests.bench.corpus_totals import CorpusTotals


def clusters_of(extractor: Extractor, dictionaries: Dictionaries,
                texts: list[str]) -> list[Cluster]:
    """The actors of `texts`, each text an article."""
    totals = CorpusTotals()
    for n, text in enumerate(texts):
        found = extractor.extract("", text)
        totals.add(f"a{n}", mention_rows(f"a{n}", found), found.acronyms, KeyStats)
    totals.finish()
    return cluster(totals.stats, totals.acronyms, dictionaries, totals.together)


def names_of_keys(extractor: Extractor, dictionaries: Dictionaries,
                  texts: list[str]) -> dict[str, str]:
    """Every key of the actors not hidden, with its actor's name."""
    return {key: c.name for c in clusters_of(extractor, dictionaries, texts)
            if not c.hidden for key in c.keys}


def types_of(extractor: Extractor, dictionaries: Dictionaries,
             texts: list[str]) -> dict[str, str]:
    """Each actor's name -> its type."""
    return {c.name: c.type for c in clusters_of(extractor, dictionaries, texts)}
