"""The index's article store opened on its own, with the checks an Engine makes first: the
folder newsdesk's and not writable by others, the index there, of this version. The actor
table lives in the store, so `newsdesk actors` (a list, or a curation edit) needs nothing
else: opening the Whoosh index as well (an Engine) read every segment's header and imported
the query engine, a third of a curation edit's CPU and none of it the edit's."""

from __future__ import annotations

from newsdesk.index.models import NewsdeskError
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.index_folder import check_readable, resource_errors
from newsdesk.index.storage.schema_version import is_of_this_version


class IndexMissingError(NewsdeskError):
    pass


def check_index(paths: IndexPaths) -> None:
    """IndexMissingError where there is no index of this version to open."""
    check_readable(paths)  # newsdesk's own folder, not writable by others
    if not paths.exists():
        raise IndexMissingError(f"no index at {paths.root}; run `newsdesk index`")
    if not is_of_this_version(paths):
        raise IndexMissingError(f"the index at {paths.root} was written by another "
                                "version of newsdesk; run `newsdesk index` to rebuild it")


def open_store(paths: IndexPaths) -> Store:
    """The store of a checked index (`check_index`); read-only if it cannot be written (a
    full disk, a read-only folder): reading works."""
    with resource_errors(paths.root):
        return Store(paths.store, fallback=True)

