"""The build spread over a Dask distributed cluster (`newsdesk index --cluster ADDRESS`, or
`index.cluster` in the config); the optional extra `pip install 'newsdesk[cluster]'`.

The indexer runs as it does on one machine: it reads and stages each batch in the article
store, then hands the batch here instead of to its local sub-processes. The batch is cut
into one part per worker thread; each worker extracts its part's actor mentions and writes
the part as a finished segment (storage/segment_build.py's `write_segment`, the function the
local sub-processes write through) straight into the index's folder, which every machine
mounts at the same path. What comes back is small: the segment's description, the words it
holds, the mention rows. The coordinator alone takes the index's lock: it deletes replaced
articles, merges older segments as a local build does, commits the finished segments in
the order of the parts, and at the end re-clusters the actors from the store. So the index,
the store and the actor list are those of a local build.

Only the coordinator writes the article store (SQLite over a network file system is
unsafe), and batches are committed one after another: a commit deletes every file of the
folder that no segment lists, so no worker may be writing while one runs.

Dask is imported only here, and only when a cluster is asked for: the default install
does not need it, and says what to install when it is missing."""

from __future__ import annotations

import math
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.furniture_lines import FurnitureLines
from newsdesk.index.actors.rows import make_extractor
from newsdesk.index.ingest.documents import Extracted, whoosh_doc
from newsdesk.index.models import Article, NewsdeskError
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.article_store import TO_ADD
from newsdesk.index.storage.schema import SCHEMA_VERSION, SEARCH_FIELDS
from newsdesk.index.storage.segment_build import commit_segments, write_segment
from newsdesk.index.storage.segment_merging import MergePolicy, merge_small
from newsdesk.index.storage.whoosh_fixes import file_storage

EXTRA = "pip install 'newsdesk[cluster]'"
CONNECT_SECONDS = 30  # to reach the scheduler, and for its first worker to be there
MIN_PART = 100  # fewest articles worth sending to a worker as a part of its own
_PROBE = "cluster-probe"


class ClusterError(NewsdeskError):
    """The cluster cannot be used: the extra is missing, the scheduler is out of reach, a
    worker cannot see the index's folder, or a worker failed its part."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"Building on a cluster needs the cluster extra: {EXTRA} (on "
                           "this machine and on every worker).") from None
    return distributed


@dataclass(slots=True)
class Part:
    """A worker's result for its part of a batch: a finished segment (None if the part
    had no article), the words tokenized for it, and its actor mentions."""

    segment: Any | None
    words: set[str]
    extracted: Extracted = field(default_factory=Extracted)


# -- on a worker ------------------------------------------------------------------------------

_EXTRACTORS: dict[str, Extractor] = {}  # per worker process, by the dictionaries' stamp


def _extractor(dictionaries: Dictionaries, stamp: str) -> Extractor:
    extractor = _EXTRACTORS.get(stamp)
    if extractor is None:
        _EXTRACTORS.clear()
        extractor = _EXTRACTORS[stamp] = make_extractor(dictionaries)
    return extractor


def build_part(whoosh_dir: str, articles: list[tuple[Article, float]],
               dictionaries: Dictionaries, stamp: str) -> Part:
    """Run on a worker: the articles' actor mentions, and the articles written as one new
    segment of the index in `whoosh_dir` (not committed: the coordinator does that)."""
    os.umask(0o077)  # the index is the user's alone (index/locations.owner_only)
    extractor = _extractor(dictionaries, stamp)
    extracted = Extracted()
    # (The part's own furniture lines: actors/furniture_lines.py.)
    blanked = FurnitureLines().blanked([article.text for article, _ in articles])
    documents = [whoosh_doc(article, indexed_at, extracted.add_text(
                     extractor, article.id, article.title, blanked.get(at, article.text)))
                 for at, (article, indexed_at) in enumerate(articles)]
    ix = file_storage(Path(whoosh_dir), mmap=False).open_index()
    try:
        built = write_segment(ix, documents, SEARCH_FIELDS)
    finally:
        ix.close()
    return Part(built.segment, built.words, extracted)


def probe(root: str, name: str) -> tuple[bool, int]:
    """Run on a worker: whether it sees the file the coordinator left in the index's
    folder, and the schema version of its newsdesk."""
    return (Path(root) / name).is_file(), SCHEMA_VERSION


# -- on the coordinator -----------------------------------------------------------------------

def split(items: Sequence[Any], parts: int, least: int = MIN_PART) -> list[list[Any]]:
    """`items` cut into at most `parts` runs of nearly equal length, none shorter than
    `least` (but one), in order."""
    count = max(1, min(parts, len(items) // max(1, least)))
    size = math.ceil(len(items) / count) if items else 0
    return [list(items[i:i + size]) for i in range(0, len(items), size)] if items else []


class ClusterBuild:
    """A connection to a cluster's scheduler, writing batches of one index."""

    def __init__(self, address: str, paths: IndexPaths, dictionaries: Dictionaries,
                 stamp: str) -> None:
        distributed = _distributed()
        self.paths, self.stamp = paths, stamp
        try:
            self.client = distributed.Client(address, timeout=CONNECT_SECONDS,
                                             set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"Cannot reach the cluster's scheduler at {address}: "
                               f"{exc}") from None
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            self._check_workers()
            self._dictionaries = self.client.scatter(dictionaries, broadcast=True,
                                                     hash=False)
        except BaseException as exc:
            self.client.close()
            if isinstance(exc, TimeoutError):
                raise ClusterError(f"The cluster at {address} has no worker (waited "
                                   f"{CONNECT_SECONDS} s).") from None
            raise

    def _check_workers(self) -> None:
        """Every worker must see the index's folder at the same path, and run a newsdesk
        that writes this schema."""
        name = f"{_PROBE}-{secrets.token_hex(8)}"
        marker = self.paths.root / name
        marker.write_text("newsdesk cluster probe\n")
        try:
            seen = self.client.run(probe, str(self.paths.root), name)
        except Exception as exc:  # noqa: BLE001 - a worker without newsdesk, most likely
            what = type(exc).__name__
            raise ClusterError(f"The cluster's workers could not run newsdesk ({what}: "
                               f"{exc}): {EXTRA} on every worker machine, in the "
                               "environment the workers run in.") from None
        finally:
            marker.unlink(missing_ok=True)
        blind = sorted(worker for worker, (found, _) in seen.items() if not found)
        if blind:
            raise ClusterError(
                f"{len(blind)} of {len(seen)} workers cannot see the index's folder "
                f"{self.paths.root} (first: {blind[0]}): put the index on a folder every "
                "machine mounts at the same path (index.dir in the config).")
        other = sorted(worker for worker, (_, version) in seen.items()
                       if version != SCHEMA_VERSION)
        if other:
            raise ClusterError(f"{len(other)} workers run a newsdesk of another index "
                               f"version (first: {other[0]}): install the same newsdesk "
                               "on every machine.")

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def workers(self) -> int:
        """How many workers the scheduler has now."""
        return len(self.client.nthreads())

    def write(self, ix: Any, items: list[tuple[int, Article | str]], new: set[str] | None,
              fresh: bool, indexed_at: Callable[[str], float],
              tick: Callable[[float], None] | None,
              merges: MergePolicy = merge_small) -> tuple[Extracted, set[str]]:
        """Bring the index level with a batch of pending store rows, as the local build
        does: the batch's additions built on the workers, its deletions and the commit
        here (its merges as `merges` chooses). Its actor mentions and words. `tick(share
        of the batch)` as parts finish."""
        additions = [item for state, item in items
                     if state == TO_ADD and isinstance(item, Article)]
        deleted = [item for state, item in items if state != TO_ADD and isinstance(item, str)]
        # An addition whose id may be in the index already replaces it (Whoosh's
        # update_document deletes by the unique id the same way).
        deleted += [a.id for a in additions if not (fresh or (new is not None and a.id in new))]
        parts = split([(a, indexed_at(a.id)) for a in additions], self.threads())
        futures = [self.client.submit(build_part, str(self.paths.whoosh), part,
                                      self._dictionaries, self.stamp, pure=False)
                   for part in parts]
        try:
            results = self._gather(futures, tick)
        except BaseException:
            self.client.cancel(futures)
            raise
        commit_segments(ix, [p.segment for p in results if p.segment is not None],
                        deleted, merges)
        extracted, words = Extracted(), set()
        for part in results:  # in the order of the parts, as the store had them
            extracted.extend(part.extracted)
            words |= part.words
        return extracted, words

    def _gather(self, futures: list[Any], tick: Callable[[float], None] | None) -> list[Part]:
        distributed = _distributed()
        by_future: dict[Any, Part] = {}
        finished = distributed.as_completed(futures, loop=self.client.loop)
        for done, future in enumerate(finished, start=1):
            try:
                part: Part = future.result()
            except Exception as exc:  # noqa: BLE001 - any worker failure: nothing committed
                raise ClusterError(f"A cluster worker failed its part of the batch "
                                   f"({type(exc).__name__}: {exc}); nothing of the batch "
                                   "was committed.") from exc
            by_future[future] = part
            if tick is not None:
                tick(0.95 * done / max(1, len(futures)))
        return [by_future[f] for f in futures]

    def close(self) -> None:
        self.client.close()
