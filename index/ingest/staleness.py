"""Whether the index is up to date with the corpus, by the files' stamps alone: what a
query command asks before every search. Apart from the indexer, whose imports (extraction,
clustering, the segment writers) are most of a `newsdesk search`'s start when the index is
up to date, as it mostly is."""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.index.config import Settings
from newsdesk.index.ingest import reading
from newsdesk.index.ingest.corpus import list_files
from newsdesk.index.ingest.sources import check_sources
from newsdesk.index.models import IndexDamagedError
from newsdesk.index.paths import IndexPaths, index_paths
from newsdesk.index.storage import index_folder, integrity
from newsdesk.index.storage.article_store import Store
from newsdesk.index.storage.schema_version import is_of_this_version

# Added to a file's stamp when one of its articles was skipped as a duplicate id: such a file
# is read again whenever another file changes or goes (the first copy may have gone with it),
# and only then, so an unchanged corpus still reads nothing.
DUPLICATES = "+dup"


def stamp_of(stored: str | None) -> str | None:
    return stored.removesuffix(KEPT).removesuffix(DUPLICATES) if stored else stored


# The mark of a file whose articles are kept though the file gave none when last read
# (unreadable, no text column, encoding, emptied or gone while a query command updated
# the index): its stamp as read + KEPT, so it is not read again at each command while
# nothing changes, read again by every run all the same (a permission fixed changes no
# stamp), and dropped only by `newsdesk index` finding it gone or empty.
KEPT = "+kept"
def index_is_current(paths: IndexPaths) -> bool:
    """Whether an index is there, of this schema version: an ingest into it adds to it (a
    rebuild would start from an empty one)."""
    return paths.exists() and is_of_this_version(paths)


def index_exists(settings: Settings) -> bool:
    return index_paths(settings).exists()


def claim_index_folder(settings: Settings) -> None:
    """What a run does first with the index folder (create it, or check it is newsdesk's
    and writable by the user alone), for a caller that says something before the run: a
    folder that cannot be used raises IndexFolderError, with its message."""
    paths = index_paths(settings)
    with index_folder.resource_errors(paths.root):
        index_folder.claim(paths)


def corpus_is_stale(settings: Settings) -> bool:
    """True when the index needs a run: a file was added, changed or removed since the last
    one (stat only), or the index is missing or of another version (a run rebuilds it)."""
    return staleness(settings) is not None


@dataclass(frozen=True, slots=True)
class Staleness:
    """Why the index needs a run, for a query command to say before it waits for one."""

    why: str  # "built", "rebuilt", "stopped" (a run was stopped midway) or "changed"
    to_read: int = 0  # bytes of the files added or changed since the last run
    files: int = 0  # how many of them


def staleness(settings: Settings) -> Staleness | None:
    """None when the index is up to date with the corpus (stat only), else why not."""
    check_sources(settings.corpus.sources)  # "0 hits" from no corpus is an error, said so
    paths = index_paths(settings)
    index_folder.check_readable(paths)
    if not paths.exists():
        return Staleness("built")
    if not index_is_current(paths) or integrity.damaged_files(paths, integrity.SIZES):
        return Staleness("rebuilt")  # (sizes only: the engine checks the rest on a thread)
    try:
        store = Store(paths.store, fallback=True)
    except IndexDamagedError:
        return Staleness("rebuilt")
    try:
        stamps = store.file_stamps()
        pending = store.has_pending()
    finally:
        store.close()
    files, _ = list_files(settings.corpus.sources)
    wanted = reading.ReadingStamps(settings.corpus)
    listed = {f.key: wanted.of(f) for f in files}
    if listed == stamps and not pending:  # the common case, compared in C
        return None
    # (A file gone whose articles were kept, KEPT: current till `newsdesk index`.)
    bare = {path: stamp_of(stamp) for path, stamp in stamps.items()
            if path in listed or not stamp.endswith(KEPT)}
    if listed == bare and not pending:
        return None
    changed = [f for f in files if bare.get(f.key) != listed[f.key]]
    return Staleness("stopped" if pending else "changed", sum(f.size for f in changed),
                     len(changed))
