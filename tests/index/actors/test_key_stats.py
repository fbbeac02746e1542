"""The keys' stats and acronyms read at one snapshot and brought up to date from the keys
changed since (key_stats.patched_key_stats, what an add's clustering process does with what
it read while the last batch was committed) equal those read afresh: each key's totals,
surfaces and organisations, each acronym's expansions, in the same orders."""

from __future__ import annotations

from pathlib import Path

from newsdesk.index.actors.key_stats import patched_key_stats, read_key_stats
from tests.index.actors.test_actor_update import STAMP, Corpus, _bbc, _wire


def _listed(stats: dict) -> list:
    return [(k, s.articles, s.mentions, s.person, s.location, s.lower,
             list(s.surfaces.items()), list(s.org.items())) for k, s in stats.items()]


def test_stats_patched_from_the_keys_changed_equal_a_fresh_read(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "store.sqlite")
    corpus.commit(_wire(60, 1))
    corpus.table.rebuild(corpus.dictionaries, STAMP, titles_too=True)  # (no changes left)
    db = corpus.store.db
    defining = [(f"acr-{n}", "Agency", f"The {name} ({short}) said on Monday that it was "
                 f"ready. The {short} cut its forecast.")
                for n, (name, short) in enumerate([("International Energy Agency", "IEA"),
                                                   ("World Health Organization", "WHO"),
                                                   ("International Monetary Fund", "IMF")])]
    # (Changes before the stats are read stay listed.)
    corpus.commit(_wire(20, 2) + defining[:2])
    before, defined = read_key_stats(db)
    # New keys, keys more used, and keys gone with the articles deleted (as a key used by
    # one article of those deleted and no other).
    used: dict[str, set[str]] = {}
    for article, key in db.execute("SELECT article, key FROM mentions"):
        used.setdefault(key, set()).add(article)
    gone = sorted({next(iter(a)) for a in used.values()
                   if len(a) == 1 and not next(iter(a)).startswith("acr-")})[:15] + ["acr-0"]
    corpus.commit(_bbc(0, 8) + defining[2:], delete=gone)
    fresh, acronyms = read_key_stats(db)
    assert set(fresh) - set(before) and set(before) - set(fresh)  # (both kinds met)
    assert set(acronyms) - set(defined) and set(defined) - set(acronyms)
    patched, patched_acronyms = patched_key_stats(db, before, defined)
    assert _listed(patched) == _listed(fresh)
    assert patched == fresh
    assert [(a, list(e.items())) for a, e in patched_acronyms.items()] == \
        [(a, list(e.items())) for a, e in acronyms.items()]
    corpus.close()
