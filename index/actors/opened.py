"""The actor table over the index's store alone, for a command that lists or edits the actors
and searches nothing (`newsdesk actors`): an Engine opened the Whoosh index too (every
segment's header) and imported the query engine, a third of a curation edit's CPU and none
of it the edit's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from newsdesk.index.actors.table import ActorTable
from newsdesk.index.config import Settings
from newsdesk.index.paths import index_paths
from newsdesk.index.storage.store_open import check_index, open_store


@contextmanager
def actor_table(settings: Settings) -> Iterator[ActorTable]:
    """The table, with the checks an Engine makes first (IndexMissingError, a folder not
    newsdesk's); its store closed after."""
    paths = index_paths(settings)
    check_index(paths)
    store = open_store(paths)
    try:
        yield ActorTable(store)
    finally:
        store.close()
