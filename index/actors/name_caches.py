"""The names' and rules' caches a process fills as it extracts or clusters (a key's words,
forms, whether it names no actor: names.py, extract.py, not_actors.py, cluster.py), emptied
where that process asks them no more: they are filled for the clustering's sake, and a
corpus of many distinct names fills them whole."""

from __future__ import annotations


def clear_name_caches() -> None:
    """Every such cache emptied (76 MB of a clustering process at 225,755 keys; 40-58 MB of
    the indexer's at 425,530 keys, its share of the extraction's)."""
    from newsdesk.index.actors import cluster, extract, names, not_actors

    for module in (names, extract, not_actors, cluster):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
