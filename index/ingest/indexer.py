"""Incremental indexing: new and changed articles in, deleted ones out, unchanged files
skipped by their stat stamp without being read. Work is committed in batches, so searches see
the index grow and a cancelled or killed run keeps what it committed."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index

from newsdesk.index import locations
from newsdesk.index.actors import furniture_lines
from newsdesk.index.actors.cluster_process import FRESH_KEYS, ClusterProcess
from newsdesk.index.actors.furniture_lines import FurnitureLines
from newsdesk.index.actors.gc_pause import gc_paused
from newsdesk.index.actors.name_caches import clear_name_caches
from newsdesk.index.actors.table import (
    ActorTable,
    make_extractor,
    settings_dictionaries,
    settings_stamp,
    table_is_current,
)
from newsdesk.index.config import Settings
from newsdesk.index.dups import group_process, presign
from newsdesk.index.dups import groups as dup_groups
from newsdesk.index.dups.group_process import GroupProcess
from newsdesk.index.ingest import problem_log, reading, record_identity
from newsdesk.index.ingest.corpus import (
    EMPTY_CSV,
    HEADER_ONLY_CSV,
    CorpusReader,
    SourceFile,
    content_hash,
    list_files,
)
from newsdesk.index.ingest.documents import Extracted, whoosh_doc
from newsdesk.index.ingest.extract_process import Texts, actors_value
from newsdesk.index.ingest.extract_split import cores
from newsdesk.index.ingest.files import RECORD_SUFFIXES
from newsdesk.index.ingest.lower_case import LowerCaseCount, LowerCaseRun
from newsdesk.index.ingest.overlap import FIRST_SHARE, OWN_BYTES, Overlap
from newsdesk.index.ingest.run_ids import RunIds
from newsdesk.index.ingest.sources import check_sources
from newsdesk.index.ingest.staleness import DUPLICATES, KEPT, index_is_current, stamp_of
from newsdesk.index.models import (
    Article,
    IndexDamagedError,
    IndexReport,
    KeptFile,
    NewsdeskError,
    Problem,
)
from newsdesk.index.paths import IndexPaths, index_paths
from newsdesk.index.storage import (
    index_folder,
    integrity,
    merge_process,
    merge_swap,
    run_stop,
    segment_merging,
    segment_process,
)
from newsdesk.index.storage.article_store import (
    TO_ADD,
    Pending,
    Store,
    StoreContentError,
    store_problem_here,
)
from newsdesk.index.storage.bulk_segment import Target, target_of
from newsdesk.index.storage.bulk_segment import commit as commit_segment
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.fork_server import release_memory
from newsdesk.index.storage.gc_batches import collect_less
from newsdesk.index.storage.heap_bound import bound_heap
from newsdesk.index.storage.index_folder import resource_errors
from newsdesk.index.storage.lock import IndexLock
from newsdesk.index.storage.merge_ahead import MergeAhead
from newsdesk.index.storage.schema import (
    SCHEMA_VERSION,
    build_schema,
    write_version,
    written_version,
)
from newsdesk.index.storage.segment_merging import MergePolicy, merge_within
from newsdesk.index.storage.segment_process import SegmentWriters
from newsdesk.index.storage.term_ids import Vocabulary
from newsdesk.index.storage.whoosh_fixes import NewsdeskFileStorage, file_storage
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.tags import TagStore
from newsdesk.index.whoosh_version import check_whoosh_version

if TYPE_CHECKING:
    from newsdesk.index.actors.extract import Extractor
    from newsdesk.index.ingest.cluster import ClusterBuild
    from newsdesk.index.ingest.cluster_reader import ClusterReader

_KEPT = "(saved searches, history and actor curation are kept)"
OLDER_INDEX = ("The index was written by an older newsdesk; rebuilding it from the article "
               f"store {_KEPT}.")
NEWER_INDEX = ("The index was written by a newer newsdesk; rebuilding it from the article "
               f"store {_KEPT}.")
UNREADABLE_INDEX = f"The index could not be read; rebuilding it from the article store {_KEPT}."
# What a reader says of a file of no record: the file emptied, not unreadable.
# A header-only CSV is one: readable, no row (a script rewriting it writes the header
# first), so it is kept by query commands and removed by `newsdesk index`, as a 0-byte file.
EMPTY_REASONS = ("empty file", EMPTY_CSV, HEADER_ONLY_CSV)


def damaged_index_notice(what: str) -> str:
    return f"The index was damaged ({what}); rebuilding it from the article store {_KEPT}."


def damaged_store_notice(what: str) -> str:
    return (f"The article store was damaged ({what}); rebuilding it from the corpus files "
            f"{_KEPT}.")


@dataclass(slots=True)
class Progress:
    """Posted during a run. Bytes measure how far it is: the bytes whose articles are in the
    index, moving a few hundred articles at a time while a batch is committed (reading is
    quick, committing is most of the work: counting bytes read made the bar jump a batch
    ahead, then stand still while it was committed). `articles` counts the articles indexed
    the same way. `commits` counts the batches committed by this run: each one is
    searchable at once, so a reader of the index can refresh on it. A `notice` is a line to
    show the person once, as it comes (why the run rebuilds). `bytes_read` is how far the
    reading is, ahead of `bytes_done` (3,000 small files are read before their first batch
    is in: by bytes done alone the line stood at 0 for 9 s); `current` is the file being
    read, "" once every file is. The finishing phases (actors, duplicates) keep the counts.
    Phase "cluster" (a build on a Dask cluster, before its reading) has only a notice: the
    scheduler connected to, then how many workers it has.
    """

    phase: str
    bytes_done: int = 0
    bytes_total: int = 0
    articles: int = 0
    current: str = ""
    notice: str = ""
    commits: int = 0
    bytes_read: int = 0


# The store's meta row of the furniture lines found (actors/furniture_lines.py).
FURNITURE_KEY = "furniture_lines"
COMMIT_TICK = 100  # articles between progress reports while a batch's articles are added
# Seconds a row of an update of the near-duplicate groups takes, till one is measured
# (30,000 long articles, a batch of 3,300 at a time: about 0.1 ms a row).
GROUP_SECONDS = 2e-4
# Rows of the near-duplicates' grouping at the end of a run (those not grouped ahead) up to
# which the clustering process runs beside it (Indexer._apart_beside; past them, the grouping
# waits for it): the two hold their memory at once (a first build of 48,000 short articles,
# all grouped at the end: peak 397 MB against 366 one after the other; 30,000: 376 against
# 310).
APART_GROUPING = 50_000
# Resident MB of the indexer past which the end's clustering is not forked from it
# (Indexer._cluster_apart): its builds' ends began at 106-117 MB up to a million articles.
FORK_HEAP_MB = 250
# Bytes to read up to which the command line's run forks its segment writer and extraction
# processes from itself rather than from the fork server (fork_server.helper_context): a
# few thousand articles, where the helpers' imports were a tenth of a build's CPU. Larger
# runs keep the server, their memory measured that way.
FORK_BYTES = 32 << 20


def _resident_mb() -> float:
    """The process's resident memory (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0
TICK_SECONDS = 0.25  # progress reports while Whoosh writes a batch (most of the time)
READ_TICK_SECONDS = 0.25  # progress reports while files are read (at most this often)


class _CommitTicker:
    """While Whoosh writes a batch out (seconds, with nothing to count), report progress by
    the time it took the batch before, so the bar and its ETA move instead of standing
    still: from `start` towards (never reaching) 1.0 of the batch."""

    def __init__(self, tick: Callable[[float], None], start: float, expected: float) -> None:
        self._tick, self._start, self._expected = tick, start, max(1e-3, expected)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="commit-ticker", daemon=True)

    def _run(self) -> None:
        began = time.monotonic()
        while not self._stop.wait(TICK_SECONDS):
            share = min(0.95, (time.monotonic() - began) / self._expected)
            self._tick(self._start + (1.0 - self._start) * share)

    def __enter__(self) -> _CommitTicker:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


ProgressCallback = Callable[[Progress], None]


@contextlib.contextmanager
def _no_ticker() -> Iterator[None]:
    yield


_actors_value = actors_value


def _storage(paths: IndexPaths) -> NewsdeskFileStorage:
    """The index files, read without mmap while indexing: merging segments maps every one of
    them, and the mapped pages count against the process (791 MB at 30,000 articles, against
    192 MB read plainly, at the same speed)."""
    return file_storage(paths.whoosh, mmap=False)


# Seconds a writer waits for Whoosh's write lock: a merge's swap holds it for milliseconds
# (storage/merge_swap.py); Whoosh's own default is not to wait at all.
WRITER_WAIT = 10.0


def _writer(ix: whoosh_index.Index) -> Any:
    return ix.writer(codec=NewsdeskCodec(), timeout=WRITER_WAIT, delay=0.01)


def _other_version_notice(paths: IndexPaths) -> str:
    """Why an index that is there, of another version, is rebuilt ("" if none is there)."""
    written = written_version(paths)
    if not paths.exists() or written is None:
        return ""
    newer = written.isdigit() and int(written) > SCHEMA_VERSION
    return NEWER_INDEX if newer else OLDER_INDEX


def open_or_create_whoosh(paths: IndexPaths, store: Store, damaged: str = "",
                          how: str = integrity.CHANGED
                          ) -> tuple[whoosh_index.Index, bool, str]:
    """The Whoosh index, rebuilt from the store when missing, unreadable, damaged (its
    files differ from their recorded sums, their CRCs read as `how` says: those changed
    since (every file's grew with the index: 1.8 GB at a million articles; a merge checks
    what it reads, storage/integrity.py), or all of them for `newsdesk index --check`; or
    `damaged` says why) or of another version;
    whether it was (then it is empty and the whole store pending); and, when an index that
    was there is rebuilt, a line saying why."""
    notice = _other_version_notice(paths)
    if index_is_current(paths):
        try:
            ix = _storage(paths).open_index()
            with ix.searcher() as searcher:  # corruption shows late: probe it now
                documents = searcher.doc_count()
                next(iter(searcher.reader().all_doc_ids()), None)
        except Exception:  # noqa: BLE001 - any failure to open means rebuild from the store
            notice = UNREADABLE_INDEX
        else:
            bad = integrity.damaged_files(paths, how)
            if not store.has_pending() and store.count() != documents:
                # Level, but for a store replaced or emptied (a damaged file SQLite read
                # as empty): the index no longer matches it.
                bad.append(f"{documents} documents for {store.count()} stored articles")
            if not (damaged or bad):
                if integrity.load(paths) is None:  # an index from before sums
                    integrity.record(paths)
                return ix, False, ""
            ix.close()
            notice = damaged_index_notice(damaged or ", ".join(bad[:3]))
    with merge_swap.write_locked(paths):  # (no merge's swap under way: merge_swap.py)
        index_folder.remove_tree(paths.whoosh)
    integrity.forget(paths)
    paths.whoosh.mkdir(mode=0o700)
    ix = _storage(paths).create_index(build_schema())
    store.mark_all_pending()
    write_version(paths)
    integrity.record(paths)
    return ix, True, notice


def _open_store(paths: IndexPaths, repair: str | None, full_check: bool
                ) -> tuple[Store, str]:
    """The article store, checked (quick_check, if it was written since the last run
    checked it; integrity_check with `full_check`); a damaged one (or with `repair`
    "store") is set aside and started anew, to be filled from the corpus files, and the
    Whoosh index with it. (The store, and a line saying why it was rebuilt.)

    quick_check reads the whole file: 7% of adding 1,000 articles to 31,000 (0.4 s), and
    it grows with the store (several GB at a million articles). A store whose size and
    mtime are those the last run recorded after checking it is not read again, as the
    engine does (storage/integrity.py: damage written by a program changes them; bit rot
    under an unchanged mtime is `newsdesk index --check`'s)."""
    why = "found while reading it" if repair == "store" else ""
    if not why:
        try:
            store = Store(paths.store,
                          check=full_check or integrity.store_changed(paths))
            problem = store_problem_here(store.db, full=True) if full_check else None
            if problem is None:
                return store, ""
            store.close()
            why = problem
        except IndexDamagedError as exc:
            why = str(exc).rpartition(" (")[2].rstrip(")") or "unreadable"
    for suffix in ("", "-wal", "-shm", "-journal"):
        index_folder.remove_file(paths.store.with_name(paths.store.name + suffix))
    with merge_swap.write_locked(paths):  # (no merge's swap under way: merge_swap.py)
        index_folder.remove_tree(paths.whoosh)  # its pending state was in the store
    integrity.forget(paths)
    return Store(paths.store), damaged_store_notice(why)


class Indexer:
    def __init__(self, settings: Settings, paths: IndexPaths | None = None,
                 lock_wait: float = 0.0, repair: str | None = None,
                 full_check: bool = False, remove_gone: bool = True) -> None:
        """`repair` ("store" or "index", from IndexDamagedError.part): rebuild that part
        whatever the checks say. `full_check`: SQLite's integrity_check, not quick_check.
        `remove_gone` (an explicit `newsdesk index`, F5): the articles of a file gone or
        emptied are removed; False (a query command, the dashboard's own updates) keeps
        them, said so. A
        file that gives no article for any other reason (unreadable, a field mapping or a
        setting that does not fit it) keeps its articles in every run."""
        check_whoosh_version()
        self.settings = settings
        self.paths = paths or index_paths(settings)
        self.lock_wait = lock_wait
        self.repair = repair
        self.full_check = full_check
        self.remove_gone = remove_gone
        self._kept_now: set[str] = set()  # files read this run whose articles were kept
        self._lower_case = LowerCaseRun()  # lower-case texts met, for a note (lower_case.py)
        self._furniture: FurnitureLines | None = None  # (read from the store at first use)
        self.reader: CorpusReader | ClusterReader = CorpusReader(settings.corpus)
        self.dictionaries = settings_dictionaries(settings)
        # Word forms -> term ids, kept between batches, and the process that writes them.
        self.segment_writers = SegmentWriters(Vocabulary(), side_job=presign.sign_docs)
        # Large batches handed on while the next is read (ingest/overlap.py).
        self.overlap = Overlap(self.dictionaries, self.segment_writers)
        self._committed = False
        self._pending_rows = 0  # rows of the batch _commit_pending is committing
        self._alone = False  # in run_alone: the process does nothing else, and ends after
        self._last_batch = False  # while the run's last batch handed on is committed
        self._early: ClusterProcess | None = None  # the clustering started at that commit
        self._total: int | None = None  # the store's articles, counted in _finish
        self._cluster: ClusterBuild | None = None  # while a run builds on a cluster
        self._state = Progress("indexing")  # this run's progress, reported by notify
        self._notify: ProgressCallback = lambda p: None
        self._read = 0  # bytes read so far (the files done, and into the current one)
        self._read_said = 0.0  # when the reading was last reported
        self._indexed = 0  # bytes whose articles are committed
        self._indexed_articles = 0
        self._add_share = 0.55  # of a batch's time, adding its articles (the rest: writing;
        # measured on Reuters: 16 s adding 4,000, 12 s writing them), learnt at each batch
        self._write_seconds = 0.0  # an article's share of the last batch's writing
        self._stored_before = True  # whether the store held articles as this run began
        self._run_documents = 0  # documents this run has committed (bounds its merges)
        self._ahead: MergeAhead | None = None  # a bulk run's merges built apart
        self._grouped = 0  # of those, documents grouped by _group_ahead
        # Articles whose actors could not be read this run, said with the files' problems.
        self._unextracted: list[Problem] = []
        # The rules' faults this run's clustering contained, not said before (ActorTable's
        # new_faults): said after the files' problems, as "actors: ..." lines.
        self._actor_faults: tuple[str, ...] = ()
        self._group_seconds = GROUP_SECONDS  # an update of the groups, a row (learnt)
        # Articles added, updated, removed by the last _update, by file; the files new to
        # this run (no stamp stored when it met them); how many files changed since the
        # listing (_update_changed_meanwhile).
        self._file_counts: dict[str, tuple[int, int, int]] = {}
        self._new_keys: set[str] = set()
        # Ids staged with the "new" stamp of the article they were (their Whoosh documents
        # take it from the store): record_identity.py.
        self._kept_stamps: set[str] = set()
        self._listed_changed = 0
        self._gone: set[str] = set()  # the files the last _update found gone

    @functools.cached_property
    def extractor(self) -> Extractor:
        """The extractor of batches extracted in this process (made when first needed:
        large batches are extracted in a process of their own)."""
        return make_extractor(self.dictionaries)

    def _names_let_go(self) -> None:
        """The names' caches and the extractor's facts let go of (a run of many distinct
        names no longer extracts here: overlap.py's `own_released`)."""
        clear_name_caches()
        self.__dict__.pop("extractor", None)
        bound_heap()  # (the run's tables of many keys grow beside each batch's arrays)
        release_memory()

    def run_alone(self, progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None) -> IndexReport:
        """`run` in a process that does nothing else (the command line's `index`): what is
        set up by now lives for the whole run, so the collector leaves it alone
        (storage/gc_batches.py). Not for the dashboard, whose objects come and go."""
        with collect_less():
            self._alone = True
            try:
                return self.run(progress, cancel)
            finally:
                self._alone = False

    def run(self, progress: ProgressCallback | None = None,
            cancel: threading.Event | None = None) -> IndexReport:
        started = time.perf_counter()
        report = IndexReport()
        notify = progress or (lambda p: None)
        self._notify = notify
        cancel = cancel or threading.Event()
        check_sources(self.settings.corpus.sources)  # before anything is made of nothing
        with resource_errors(self.paths.root), run_stop.stoppable(cancel.is_set):
            try:
                self._run(report, notify, cancel)
            except IndexDamagedError as exc:
                if exc.part != "index" or self.repair is not None:
                    if self.repair == "store":
                        raise
                    self.repair = "store"
                else:  # a segment about to be merged was damaged: the index from the store
                    self.repair = "index"
                report = IndexReport()
                self._run(report, notify, cancel)
            except StoreContentError:
                if self.repair == "store":
                    raise
                # A damaged text in the store, met while reading it: rebuilt from the files.
                self.repair = "store"
                report = IndexReport()
                self._run(report, notify, cancel)
        report.elapsed = time.perf_counter() - started
        self._merge_later()
        return report

    def _merge_later(self) -> None:
        """An add's merges, made after it by a process of its own (storage/
        merge_process.py), if anything is crowded or a merge left files behind: the run
        returns without waiting for them."""
        if not (self._committed or merge_swap.has_leftovers(self.paths)):
            return
        if merge_process.needed(self.paths):
            merge_process.start(self.paths)

    def _run(self, report: IndexReport, notify: ProgressCallback,
             cancel: threading.Event) -> None:
        index_folder.claim(self.paths)  # newsdesk's own folder, or a message
        self._run_documents = self._grouped = 0
        self._unextracted = []
        # (A second try rebuilds the store: the words of every batch go to it.)
        self.segment_writers.vocabulary.give_all_words()
        with self._on_cluster(), locations.owner_only(), \
                IndexLock(self.paths.lock, wait=self.lock_wait):
            store, store_notice = _open_store(self.paths, self.repair, self.full_check)
            store.for_indexing()
            if store.is_empty():  # a first build: one sort at its end, not a row at a time
                store.defer_key_index()
            with store.lock:
                noting = dup_groups.noting(store.db)
            self.overlap.idle = functools.partial(self._group_ahead, store, cancel) \
                if noting else None
            if store_notice:
                notify(Progress("recovering", notice=store_notice))
            try:
                damaged = "found while reading it" if self.repair == "index" else ""
                ix, rebuilt, report.notice = open_or_create_whoosh(
                    self.paths, store, damaged,
                    integrity.ALL if self.full_check else integrity.CHANGED)
                if store_notice:
                    report.notice = store_notice
                elif report.notice:
                    notify(Progress("recovering", notice=report.notice))
                try:
                    recovered = self._recover(ix, store, notify, cancel, rebuilt)
                    report.recovered = 0 if rebuilt else recovered  # (a rebuild says so)
                    if cancel.is_set():
                        report.cancelled = True
                    else:
                        self._update(ix, store, report, notify, cancel)
                        # Committed by this run, so added by it as a person reads the
                        # counts (their files are as the stopped run read them: counted
                        # unchanged; "0 added, 1,320 unchanged" read as nothing done).
                        moved = min(report.recovered, report.unchanged)
                        report.added, report.unchanged = (report.added + moved,
                                                          report.unchanged - moved)
                        self._settle(ix, store)
                        self._update_changed_meanwhile(ix, store, report, notify, cancel)
                        if not cancel.is_set():
                            if self._ahead is not None:
                                self._ahead.wait()  # (tidy's choice sees its merge)
                            self._tidy(ix)
                except run_stop.RunStopped:
                    # Asked to stop while waiting for a helper: the batch in flight stays
                    # pending in the store, for the next run to commit (_recover).
                    self.overlap.stop()
                    report.cancelled = True
                except BaseException:
                    self.overlap.stop()  # the batch in flight stays pending in the store
                    raise
                finally:
                    if self._ahead is not None:
                        self._ahead.stop()  # (cancelled or failed: done with otherwise)
                        self._ahead = None
                    self.overlap.idle = self.overlap.own_extractor = None
                    self.overlap.first_share = 0.0
                    self.overlap.close()
                    self.segment_writers.close()
                    ix.close()
                self._total = None
                # A stopped run leaves the actors and duplicates to the next one (their
                # tables record what is left to do: ActorTable.keys_changed,
                # dup_groups.needs_update): they were a first build's last seconds to
                # minutes, after the user had asked to stop.
                report.cancelled = report.cancelled or cancel.is_set()
                if not report.cancelled:
                    self._actor_faults = ()
                    try:
                        self._finish(store, notify, cancel)
                    except run_stop.RunStopped:
                        self._total = None
                    report.problems.extend(Problem(problem_log.ACTORS, fault, skipped=False)
                                           for fault in self._actor_faults)
                    # (A stop that came while it ran left part of it to the next run.)
                    report.cancelled = cancel.is_set()
                report.total = store.count() if self._total is None else self._total
            finally:
                if self._early is not None:  # (a run that stopped before its end)
                    self._early.close()
                    self._early = None
                store.close()
            # The store as this run checked and left it: opening it skips quick_check
            # until it is written again (storage/integrity.py).
            integrity.record(self.paths, store_too=True)

    @contextmanager
    def _on_cluster(self) -> Iterator[None]:
        """With `index.cluster` set, batches are built on that Dask cluster for the run
        (ingest/cluster.py); the extra is imported only then."""
        if not self.settings.index.cluster:
            yield
            return
        from newsdesk.index.ingest.cluster import CONNECT_SECONDS, ClusterBuild
        from newsdesk.index.ingest.cluster_reader import ClusterReader

        # Said before and after connecting: the build looked like a local one, and a
        # scheduler out of reach or with no worker was 30 s of silence before its message.
        address = self.settings.index.cluster
        self._notify(Progress("cluster", notice=f"Connecting to the Dask scheduler at "
                              f"{address} (waiting up to {CONNECT_SECONDS} s)…"))
        self._cluster = ClusterBuild(address, self.paths, self.dictionaries,
                                     settings_stamp(self.settings))
        workers, threads = self._cluster.workers(), self._cluster.threads()
        self._notify(Progress("cluster", notice=(
            f"Building on the Dask cluster at {address}: "
            f"{workers:,} worker{'s' if workers != 1 else ''}, "
            f"{threads:,} thread{'s' if threads != 1 else ''}.")))
        here = self.reader
        self.reader = remote = ClusterReader(self._cluster.client, self.settings.corpus,
                                             self._cluster.threads())
        try:
            yield
        finally:
            remote.close()
            self.reader = here
            self._cluster.close()
            self._cluster = None

    def _finish(self, store: Store, notify: ProgressCallback,
                cancel: threading.Event) -> None:
        """The actors' update, then the duplicates'; where the actors' will cluster every
        key of a large table again (an add to a million articles, a first build), that
        clustering runs in a process of its own (actors/cluster_process.py), while the
        duplicates are updated here where their grouping is small: 2 s of clustering
        beside 1.2 s of duplicates, one after the other before. (A first build of 30,000
        short articles: 2.9 s of actors, the key index's parts made there too, beside 2.0 s
        of duplicates.) A larger grouping waits for the actors (`_apart_beside`), and
        starts once the table's update has let go of what it held. A first build's
        grouping beside the clustering runs in a process of its own (`_group_apart`), so
        the table is written beside it too, not after it."""
        store.settle_key_totals()  # (a first build's: before the clustering reads them)
        table = ActorTable(store)
        current = table_is_current(self.settings, table)
        stamp = settings_stamp(self.settings)
        # (The heap's free pages given back before the clustering process is forked: the
        # last batch's, an article of 20 MB's 200 MB among them, were else the fork's too.)
        release_memory()
        apart = self._cluster_apart(store, table, current, stamp)
        beside = apart is not None and self._apart_beside()
        grouping = None
        try:
            # (Meanwhile the process reads the keys' stats, and builds the key index.)
            store.build_key_index()
            if apart is not None and beside:
                apart.go()
                # (Started after the key index, not beside it: its first write waited for
                # the index's, which holds the store's write lock throughout.)
                grouping = self._group_apart(store, current, notify)
                if grouping is None:
                    self._update_duplicates(store, notify, cancel)
                # (Counted while the clusters are made: no article changes from here on,
                # and at a million the count reads the whole articles table.)
                self._total = store.count()
            self._update_actors(table, current, stamp, notify, apart)
            # (A rule's fault the clustering contained: said with the files' problems.)
            self._actor_faults = table.new_faults
            if grouping is not None and not grouping.wait(cancel.is_set) \
                    and not cancel.is_set():
                self._update_duplicates(store, notify, cancel)  # (what it left)
        finally:
            if apart is not None:
                apart.close()
            if grouping is not None:
                grouping.close()
        if not beside:
            # The table's update held the key index it built (a million containers at
            # 100,000 short articles: 90 MB) and the titles' facts, and its clustering
            # left the heap in pieces; kept through the grouping of a first build of
            # 100,000 short articles, they took the indexer from 106 MB to 285 and the
            # grouping's arrays to 394 on top (a million: 480). Let go of, and the free
            # pages given back, before the grouping's arrays are made (a large grouping's:
            # a small one's arrays fit in the pieces).
            del table
            if not self._apart_beside():
                release_memory()
            self._update_duplicates(store, notify, cancel)

    def _group_apart(self, store: Store, current: bool, notify: ProgressCallback
                     ) -> GroupProcess | None:
        """The near-duplicates' grouping in a process of its own (dups/group_process.py),
        beside a rebuild of the actor table (a first build's): the indexer builds the key
        index and writes the table meanwhile, where it grouped first (30,000 long
        articles: 2.7 s, the clustering process done after 1.3) and wrote the table after,
        one core idle. Only as a plain fork (group_process.can_fork), of a heap that is
        not large (FORK_HEAP_MB, as the clustering's), and not beside an update of the
        table, whose reads and writes were not made to take turns with another writer."""
        if current or not group_process.can_fork() or _resident_mb() > FORK_HEAP_MB:
            return None
        with store.lock:
            if not (self._committed or dup_groups.needs_update(store.db)):
                return None
            notify(dataclasses.replace(self._state, phase="duplicates", current="",
                                       notice=""))
            return GroupProcess(store.path, store.db)

    def _apart_beside(self) -> bool:
        """Whether the near-duplicates' grouping left to the end is small enough to run
        beside the clustering process (APART_GROUPING rows): else the two would hold their
        memory at once, and the grouping waits for the clustering to end."""
        return self._run_documents - self._grouped <= APART_GROUPING

    def _cluster_apart(self, store: Store, table: ActorTable, current: bool, stamp: str
                       ) -> ClusterProcess | None:
        """The process that clusters every key, where the actors' update comes to that on
        a large table: an add's that reaches far, or a rebuild (a first build's, other
        dictionaries'), whose process builds the key index too if none is stored. Beside
        the duplicates' update where that is small (`_apart_beside`), else before it: a
        rebuild's clustering, key index and titles then hold their memory in a process
        that ends before the grouping starts, where in the indexer they had stayed in its
        heap through the grouping (a first build of a million short articles: the
        indexer at 480 MB)."""
        early, self._early = self._early, None
        if current and self._committed and table.reclusters_all(stamp):
            return early or ClusterProcess(store.path, self.dictionaries)
        if early is not None:  # (a wrong guess: only its overlap is lost)
            early.close()
        if current:
            return None
        worth, index_too = table.rebuilds_apart()
        if not worth:
            return None
        fresh = index_too and table.key_count() >= FRESH_KEYS
        if fresh:
            # The names' caches this process's share of the extraction filled let go of:
            # a process from the fork server clusters, and nothing here asks them again
            # (held, 40-58 MB of the indexer's beside the end's processes at 425,530
            # keys), nor its extractor. Kept for a fork, whose clustering starts warm
            # with them. (Before the heap is weighed below: with them, the indexer of
            # 425,530 keys' build was at 200 MB resident there, near FORK_HEAP_MB, past
            # which it would cluster itself beside them.)
            clear_name_caches()
            self.__dict__.pop("extractor", None)  # (its names' facts: 100,000 at most)
            release_memory()
        if _resident_mb() > FORK_HEAP_MB:
            # The indexer's heap holds the free blocks a huge article's batch left (an
            # article of 20 MB: 340 MB resident, 74 of it live objects), and a forked
            # process's allocations into them are each a page copied (the clustering
            # process of such a build: 325 MB, the two 665): clustered here, into them.
            # (A rebuild's only: an add's process, whose overlap the add's time counts on,
            # is forked as before.)
            return None
        return ClusterProcess(store.path, self.dictionaries, index_too, fresh=fresh)

    def _update_actors(self, table: ActorTable, current: bool, stamp: str,
                       notify: ProgressCallback, apart: ClusterProcess | None) -> None:
        """Re-cluster the actors when articles changed or a dictionary did: where only
        articles did, only the actors their keys reach (ActorTable.update; re-clustering
        every actor grew with the corpus: 22% of adding 1,000 articles to 31,000)."""
        # (Changes recorded and not clustered in: a run stopped after its last commit.)
        if self._committed or not current or table.keys_changed():
            notify(dataclasses.replace(self._state, phase="actors", current="", notice=""))
            if current:
                # (update pauses the collector itself: paused here too, it stays paused
                # till what the update keeps is frozen.)
                with gc_paused():
                    table.update(self.dictionaries, stamp,
                                 apart.take if apart is not None else None)
                    if self._alone:
                        # What the update keeps (the key index: a million containers at a
                        # million articles) frozen, as collect_less froze what the run held
                        # at its start: the first young collection after the pause walked
                        # it all (0.1 s of an add of 1,000 to a million), for nothing.
                        gc.freeze()
            else:
                table.rebuild(self.dictionaries, stamp, titles_too=True,
                              clustered=apart.take if apart is not None else None)

    def _update_duplicates(self, store: Store, notify: ProgressCallback,
                           cancel: threading.Event) -> None:
        """Group the near-duplicates among the articles added or changed (index/dups)."""
        if self._committed or dup_groups.needs_update(store.db):
            notify(dataclasses.replace(self._state, phase="duplicates", current="",
                                       notice=""))
            dup_groups.update(store.db, store.lock, stop=cancel.is_set,
                              presigned=presign.taker(store.db))

    def _group_ahead(self, store: Store, cancel: threading.Event, left: float | None) -> None:
        """(While the indexer would wait for a batch in flight's mentions, with nothing
        else to do.) The near-duplicates of the articles this run has committed grouped
        now, if the update is expected to take no longer than the `left` seconds the
        extraction goes on (None: the run's last batch, as long as it takes): the grouping
        after the last commit ran alone, one core idle (30,000 long articles: 3 s of a
        30 s build). Updates a batch at a time group as one at the end (dups/groups.py);
        the end's update takes what is left."""
        rows = self._run_documents - self._grouped  # (committed and marked done by now)
        # A batch's worth at most: its update's memory adds to what the writing and
        # extraction processes hold meanwhile (grouping the 26,000 left at the last batch
        # of 30,000 took the build's peak from 330 to 396 MB). A longer backlog is left
        # to the end, when those processes are gone.
        if rows <= 0 or rows > self.settings.index.batch_size or cancel.is_set():
            return
        if self.overlap.extracts_here and \
                rows + self.settings.index.batch_size <= APART_GROUPING:
            # The wait goes to a share of the extraction instead (overlap.py's OWN_MOST),
            # all of it useful work, where updates a batch at a time cost more than one at
            # the end (30,000 long articles' groups in 9 updates: 2.85 s of CPU, in one:
            # 1.7 s). Not past a backlog the end would group beside no clustering process.
            return
        if left is not None and left < self._group_seconds * rows:
            return
        began = time.monotonic()
        dup_groups.update(store.db, store.lock, stop=cancel.is_set,
                          presigned=presign.taker(store.db))
        self._grouped += rows
        self._group_seconds = (time.monotonic() - began) / rows
        release_memory()  # (the update's arrays, before the next batch's)

    def _recover(self, ix: whoosh_index.Index, store: Store, notify: ProgressCallback,
                 cancel: threading.Event, rebuilt: bool) -> int:
        """Rows left pending: by a crash (a batch at most), or all of the store after the
        Whoosh index was rebuilt (a new schema version, or an unreadable index). Committed a
        batch at a time, as an ingest is: memory stays bounded, search grows as it goes,
        and a stop keeps what was committed (the next run goes on from there). Into an
        index rebuilt by this run, no pending article can be there already."""
        state = Progress("recovering", current="stored articles")
        self._state = state

        batch = self.settings.index.batch_size
        chars = int(self.settings.index.batch_mb * 2**20)

        def tick(fraction: float, base: int = 0) -> None:
            # A fraction of the batch being committed, as many rows as it has: the last
            # batch is rarely full ("Recovering · 3,800 in" for a corpus of 2,475).
            rows = self._pending_rows or batch
            state.articles = max(state.articles, base + int(rows * fraction))
            notify(state)

        def committed(rows: int, base: int) -> None:  # (later, for a batch handed on)
            state.articles = max(state.articles, base + rows)
            state.commits += 1
            notify(state)

        handed = 0  # rows committed or on their way
        while not cancel.is_set():
            base = handed
            count = self._commit_pending(ix, store, limit=batch, fresh=rebuilt, max_chars=chars,
                                         tick=lambda f, b=base: tick(f, b),
                                         committed=lambda n, b=base: committed(n, b))
            if not count:
                break
            handed += count
        self._settle(ix, store, last=True)  # (the last batch handed on)
        return handed

    def _commit_pending(self, ix: whoosh_index.Index, store: Store,
                        new: set[str] | None = None, limit: int | None = None,
                        fresh: bool = False,
                        tick: Callable[[float], None] | None = None,
                        max_chars: int | None = None,
                        committed: Callable[[int], None] | None = None,
                        staged: dict[str, Article] | None = None) -> int:
        """Bring Whoosh level with the store's pending rows (the first `limit` of them),
        then mark them done; how many there were. Actor mentions are extracted here, from
        the stored text, so a rebuild re-extracts them.

        With `committed`, a large batch may be handed on and committed later, while the
        next is read (ingest/overlap.py): `committed(rows)` is called once it is (at once
        for a batch committed here). Rows of a batch still in flight are not taken again.

        Ids in `new` were never in the index, so they are added without Whoosh's
        delete-before-add (a term look-up in every segment: 16% of adding at 30,000
        articles); with `fresh`, none of the pending ones is in it. Recovery passes neither
        after a crash: a batch Whoosh committed before it must not be added twice.
        `tick(fraction of the batch)` reports progress every COMMIT_TICK articles added,
        then while Whoosh writes the batch (by the time the last one took), then at 1.0."""
        if staged is not None and limit is None and max_chars is None:
            pending = store.pending_staged(staged, after=self.overlap.last)
        else:
            pending = store.pending(limit, max_chars, after=self.overlap.last)
        if not pending.items:
            return 0
        self._pending_rows = len(pending.items)  # (what `tick`'s fractions are of)
        now = time.time()
        # A rebuild keeps each article's time of indexing: saved searches count the
        # articles "new since last opened" by it.
        # So does an article that took another id (the store's row has its stamp).
        kept = self._kept_stamps
        stored_at = store.indexed_at([item.id for state, item in pending.items
                                      if state == TO_ADD and (fresh or item.id in kept)]
                                     ) if fresh or kept else {}
        if kept:
            kept.difference_update(stored_at)
        if committed is not None and self._cluster is None and self.overlap.wanted(
                sum(state == TO_ADD for state, _ in pending.items)) and \
                self._hand_on(ix, store, pending, new, fresh, stored_at, now, committed,
                              tick):
            return len(pending.items)
        self._settle(ix, store)  # (the batch before, if one is in flight)
        if self._cluster is not None:
            self._run_documents += sum(state == TO_ADD for state, _ in pending.items)
            extracted, words = self._cluster.write(
                ix, pending.items, new, fresh, lambda i: stored_at.get(i, now), tick,
                merge_within(self._run_documents, self._check_merged, later=True))
            count = self._mark_committed(store, pending, extracted, words, tick)
            if committed is not None:
                committed(count)
            return count
        extracted = Extracted()
        words: set[str] = set()  # the batch's vocabulary, gathered as it is indexed
        # Whoosh's writer holds the lock, deletes, merges and commits; the batch's
        # documents become one segment written at once (storage/bulk_segment.py), in a
        # process of its own while the actors are extracted here (segment_process.py).
        if self._ahead is not None:  # (before the lock, as in _commit)
            self._ahead.before_commit(ix._segments())  # type: ignore[attr-defined]
        writer = _writer(ix)
        docs: list[dict] = []
        additions: list[Article] = []
        total = len(pending.items)
        share = self._add_share
        began = time.monotonic()
        try:
            for state, item in pending.items:
                if state == TO_ADD:
                    assert isinstance(item, Article)
                    additions.append(item)
                    docs.append(whoosh_doc(item, stored_at.get(item.id, now), set()))
                    if not (fresh or (new is not None and item.id in new)):
                        writer.delete_by_term("id", item.id)  # update_document's delete
                else:
                    writer.delete_by_term("id", item)
            signed: presign.Signed = []
            job = self.segment_writers.start(target_of(writer), docs, words, signed) \
                if docs else None
            actors: list[str | None] = []
            blanked = self._furniture_blanked(store, [a.text for a in additions])
            for done, item in enumerate(additions, start=1):
                if done % COMMIT_TICK == 0:
                    run_stop.check()  # (a batch written here: its extraction's seconds)
                    if tick is not None:
                        tick(share * done / total)
                text = blanked.get(done - 1)  # (its furniture lines blanked, if any)
                actors.append(_actors_value(
                    extracted.add(self.extractor, item) if text is None
                    else extracted.add_text(self.extractor, item.id, item.title, text)))
            added = time.monotonic() - began
            expected = self._write_seconds * total or added * (1 - share) / share
            with _CommitTicker(tick, share, expected) if tick is not None else _no_ticker():
                segment = job.finish({"actors": actors}) if job is not None else None
                commit_segment(writer, segment, self._merges(segment))
            wrote = time.monotonic() - began - added
            self._write_seconds = wrote / total
            self._add_share = min(0.9, max(0.05, added / max(1e-6, added + wrote)))
        except BaseException:
            self.segment_writers.stop()  # (a new segment's files are in no commit: the
            if not writer.is_closed:  # next one deletes them)
                writer.cancel()
            raise
        count = self._mark_committed(store, pending, extracted, words, tick)
        self._keep_signed(store, signed)
        if committed is not None:
            committed(count)
        return count

    def _hand_on(self, ix: whoosh_index.Index, store: Store, pending: Pending,
                 new: set[str] | None, fresh: bool, stored_at: dict[str, float], now: float,
                 committed: Callable[[int], None],
                 tick: Callable[[float], None] | None) -> bool:
        """Hand a large batch on to the extraction and writing processes, to be committed
        while the next one is read (ingest/overlap.py); False if it could not be."""
        docs: list[dict] = []
        texts: Texts = []
        deletes: list[str] = []
        for state, item in pending.items:
            if state == TO_ADD:
                assert isinstance(item, Article)
                docs.append(whoosh_doc(item, stored_at.get(item.id, now), set()))
                texts.append((item.id, item.title, item.text))
                if not (fresh or (new is not None and item.id in new)):
                    deletes.append(item.id)  # update_document's delete
            else:
                deletes.append(item)
        for at, text in self._furniture_blanked(store, [t[2] for t in texts]).items():
            texts[at] = (texts[at][0], texts[at][1], text)
        target = Target(ix.storage, ix.schema, ix.indexname, NewsdeskCodec())
        return self.overlap.start(target, pending, docs, texts, deletes,
                                  functools.partial(self._commit_segment, ix),
                                  functools.partial(self._mark_handed_on, store), committed,
                                  tick)

    def _furniture_blanked(self, store: Store, texts: list[str]) -> dict[int, str]:
        """Of a batch's texts, by their place, those holding a line the batch repeats (or
        one found before, kept in the store) with it blanked: the text its actors are read
        from (actors/furniture_lines.py)."""
        if self._furniture is None:
            self._furniture = FurnitureLines(furniture_lines.loads(store.meta(FURNITURE_KEY)))
        before = len(self._furniture.known)
        blanked = self._furniture.blanked(texts)
        if len(self._furniture.known) != before:
            store.set_meta(FURNITURE_KEY, furniture_lines.dumps(self._furniture.known))
        return blanked

    def _commit_segment(self, ix: whoosh_index.Index, segment: object,
                        deletes: list[str]) -> None:
        """A batch's finished segment into the index, after deleting `deletes` by id."""
        self._commit(ix, segment, deletes, lambda: self._merges(segment))

    def _commit(self, ix: whoosh_index.Index, segment: object, deletes: list[str],
                policy: Callable[[], MergePolicy]) -> None:
        if self._ahead is not None:  # (before the lock: the merge's swap takes it)
            self._ahead.before_commit(ix._segments())  # type: ignore[attr-defined]
        writer = _writer(ix)
        try:
            for article_id in deletes:
                writer.delete_by_term("id", article_id)
            commit_segment(writer, segment, policy())
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise

    def _tidy(self, ix: whoosh_index.Index) -> None:
        """After a bulk run, the size classes its last commits left crowded merged
        (storage/segment_merging.py), so the next add does not pay for them."""
        segments = ix._segments()  # type: ignore[attr-defined]
        documents = sum(max(segment.doc_count_all(), 0) for segment in segments)
        if not (segment_merging.bulk_run(self._run_documents, documents)
                and segment_merging.crowded(segments)):
            return
        self._commit(ix, None, [], lambda: segment_merging.tidy(self._check_merged))

    def _merges(self, segment: object) -> MergePolicy:
        """The merge policy of a commit of `segment`: merges bounded by what this run has
        committed, so a small add to a large index merges little (storage/
        segment_merging.py); a bulk run's large ones built apart while it goes on
        (storage/merge_ahead.py)."""
        if segment is not None:
            self._run_documents += segment.doc_count_all()  # type: ignore[attr-defined]
        policy = merge_within(self._run_documents, self._check_merged, later=True)
        if self._ahead is None:
            return policy
        return self._ahead.policy(policy, self._run_documents, self._check_merged)

    def _check_merged(self, segments: list[object]) -> None:
        """Segments about to be merged, checked against their sums first: a merge would
        copy damage into a segment recorded as sound."""
        ids = {segment.segment_id() for segment in segments}  # type: ignore[attr-defined]
        bad = integrity.damaged_segments(self.paths, ids)
        if bad:
            raise IndexDamagedError(f"the search index in {self.paths.root} is damaged: "
                                    f"{', '.join(bad[:3])}", "index")

    def _mark_handed_on(self, store: Store, pending: Pending, extracted: Extracted,
                        words: set[str], signed: presign.Signed) -> None:
        self._mark_committed(store, pending, extracted, words, None)
        self._keep_signed(store, signed)

    @staticmethod
    def _keep_signed(store: Store, signed: presign.Signed) -> None:
        """A committed batch's near-duplicate signatures, made by the writing process, kept
        for the grouping at the end of the run (dups/presign.py)."""
        if signed:
            with store.lock, store.db:
                presign.keep(store.db, signed)

    def _settle(self, ix: whoosh_index.Index, store: Store, last: bool = False) -> None:
        """Commit the batch in flight, if one is: before a batch is written here, before
        one that deletes is staged, and at the end of a run (`last`)."""
        self._last_batch = last
        try:
            self.overlap.finish(functools.partial(self._commit_segment, ix),
                                functools.partial(self._mark_handed_on, store), last)
        finally:
            self._last_batch = False

    def _cluster_early(self, store: Store, extracted: Extracted) -> None:
        """(Before the run's last batch's mentions are committed.) Where the actors' update
        after it is to cluster every key in a process of its own (_cluster_apart; the
        keys the batch names counted as changed), that process started now: it reads the
        keys' stats while the batch is committed, one core idle otherwise (0.3 s at a
        million articles), and at `go` reads again only the keys the commit changed
        (cluster_process.py), where the stats' reading came first after it."""
        if self._cluster is not None:
            return
        if not extracted.mentions:
            # (Started at the run's start, `_cluster_at_start`: a batch naming no key
            # changes none, and leaves the guess to `_finish`'s.)
            return
        store.settle_key_totals()  # (deferred by a first build: read by the process)
        table = ActorTable(store)
        stamp = settings_stamp(self.settings)
        named = len({row[1] for row in extracted.mentions})
        wanted = table_is_current(self.settings, table) and table.reclusters_all(stamp, named)
        if self._early is not None:
            if not wanted:  # (`_cluster_at_start`'s guess was wrong: not told to go)
                self._early.close()
                self._early = None
            return
        if wanted:
            self._early = ClusterProcess(store.path, self.dictionaries)

    def _cluster_at_start(self, store: Store, files: list[SourceFile],
                          to_read: list[SourceFile], bytes_total: int) -> None:
        """(Once the files to read are known.) `_cluster_early`'s process started already
        for an add of one batch's text at most, where its keys are likely to reach past a
        region: it reads the keys' stats while the batch is read, extracted and written
        (at a million articles 0.5 s of CPU, the other core partly idle then), where
        started at the batch's commit it read them after that, on the add's longest path
        (the clustering, the duplicates beside it). The keys the add changes are at most
        the key-article pairs its articles add: guessed from the pairs the files read
        before gave a byte of them. `_cluster_early` checks the guess at the commit, with
        the keys the batch names; a wrong one costs the stats' reading."""
        if self._early is not None or self._cluster is not None or not to_read \
                or bytes_total > self.settings.index.batch_mb * 2**20:
            return
        read = {f.key for f in to_read}
        before = sum(f.size for f in files if f.key not in read)
        if before <= 0:
            return
        store.settle_key_totals()  # (deferred by a first build: read by the process)
        table = ActorTable(store)
        stamp = settings_stamp(self.settings)
        more = table.key_articles() * bytes_total // before
        if table_is_current(self.settings, table) and table.reclusters_all(stamp, more):
            self._early = ClusterProcess(store.path, self.dictionaries)

    def _mark_committed(self, store: Store, pending: Pending, extracted: Extracted,
                        words: set[str], tick: Callable[[float], None] | None) -> int:
        """A batch is in the index: record it so in the store; how many rows it had."""
        if self._last_batch:
            self._cluster_early(store, extracted)
        integrity.record(self.paths)  # the new segment's sums (storage/integrity.py)
        store.mark_done(extracted.mentions, extracted.acronyms, words, upto=pending.last)
        if extracted.failed:
            self._unextracted.extend(_unextracted(pending, extracted.failed))
        if extracted.capped:
            self._unextracted.extend(_capped(pending, extracted.capped))
        self._committed = True
        if self._last_batch and self._early is not None and self._apart_beside():
            # The run's mentions are all in: its clustering process goes on now, not once
            # the run has closed its writers and index (_finish's `go`, which comes to
            # nothing then); a grouping too large to run beside it still waits for it.
            store.build_key_index()
            self._early.go()
        if tick is not None:
            tick(1.0)
        return len(pending.items)

    def _update_changed_meanwhile(self, ix: whoosh_index.Index, store: Store,
                                  report: IndexReport, notify: ProgressCallback,
                                  cancel: threading.Event) -> None:
        """The files changed, deleted or added while the run read the corpus, taken now
        (by their stat stamps, as a run takes them): a file deleted or rewritten during a
        first build stayed searchable as it was read till the next run (F5 in the
        dashboard), and the summary counted articles that did not stay. At most
        RECHECKS times (a file written without end is left to the next run, said so).
        The counts are merged so that they say what stayed (_merge_again)."""
        for _ in range(RECHECKS):
            if not self._file_counts:  # nothing read nor removed: no listing again
                return
            if cancel.is_set() or not self._changed_since_listing(store):
                return
            if self._early is not None:  # started on the last batch: more batches come
                self._early.close()
                self._early = None
            again = IndexReport()
            self._update(ix, store, again, notify, cancel)
            self._settle(ix, store)
            _merge_again(report, again, self._file_counts, self._new_keys)
            # A file deleted while it was read ("cannot read: No such file") is gone: the
            # note on files changed meanwhile says it, not a problem line.
            report.problems = [p for p in report.problems if p.path not in self._gone]
            # (What this run reported is not "reported when the files were last read".)
            report.known_problems = max(0, problem_log.count(store) - len(report.problems))
            report.changed_during = max(report.changed_during, self._listed_changed)
            if again.cancelled:
                report.cancelled = True
                return
        if not cancel.is_set() and self._changed_since_listing(store):
            report.still_changing = self._listed_changed

    def _changed_since_listing(self, store: Store) -> bool:
        """Whether a file was added, changed or removed since the run's listing (stat
        only); how many in _listed_changed."""
        files, _ = list_files(self.settings.corpus.sources)
        wanted = reading.ReadingStamps(self.settings.corpus)
        stored = store.file_stamps()
        stamps = {path: stamp_of(stamp) for path, stamp in stored.items()}
        listed = {f.key for f in files}
        changed = sum(1 for f in files if stamps.get(f.key) != wanted.of(f))
        changed += sum(1 for path in stamps if path not in listed
                       and not stored[path].endswith(KEPT))
        self._listed_changed = changed
        return changed > 0

    def _update(self, ix: whoosh_index.Index, store: Store, report: IndexReport,
                notify: ProgressCallback, cancel: threading.Event) -> None:
        notify(Progress("scanning"))
        files, problems = list_files(self.settings.corpus.sources)
        report.problems.extend(problems)
        stamps = store.file_stamps()
        self._file_counts = {}
        self._new_keys |= {f.key for f in files if f.key not in stamps}
        current = {f.key for f in files}
        gone = [path for path in stamps if path not in current]
        wanted = reading.ReadingStamps(self.settings.corpus)
        want = {f.key: wanted.of(f) for f in files}
        to_read = [f for f in files if stamp_of(stamps.get(f.key)) != want[f.key]]
        # Files whose articles were kept as they gave none: tried again (a permission fixed
        # changes no stamp), after the others.
        kept_before = [f for f in files if (stamps.get(f.key) or "").endswith(KEPT)
                       and stamp_of(stamps.get(f.key)) == want[f.key]]
        for f in to_read:  # read again for a setting of how it reads: said in the summary
            for name in reading.changed_settings(stamp_of(stamps.get(f.key)), want[f.key]):
                report.reread[name] = report.reread.get(name, 0) + 1
        line_ids = self._line_id_files(store, files, to_read, report)
        waiting = [f for f in files if stamps.get(f.key) == want[f.key] + DUPLICATES]
        retry = waiting if (to_read or gone or line_ids) else []
        to_read += [f for f in line_ids if f not in retry]
        to_read += kept_before
        read = {f.key for f in to_read}
        unchanged_files = [f for f in files if stamp_of(stamps.get(f.key)) == want[f.key]
                           and f not in retry and f.key not in read]
        retry_from = len(to_read)
        to_read += retry  # last, after what may have held the first copies is committed
        prefetch = getattr(self.reader, "prefetch", None)  # on a cluster: read ahead there
        if prefetch is not None:
            prefetch(to_read)
        batch = _Batch(store, self._commit_batch, ix, lambda: self._settle(ix, store))
        batch.carry_marks = lambda renames: self._carry_marks(renames, report)
        batch.kept_stamps = self._kept_stamps
        # A file gone is deleted after every file is read: its articles found unchanged in
        # another (a file moved or renamed, a folder reorganised) only change path.
        batch.gone = set(gone)
        self._gone = set(gone)
        bytes_total = sum(f.size for f in to_read)
        state = Progress("indexing", bytes_total=bytes_total)
        # (A share of long articles' batches extracted here, in a run of little text:
        # overlap.py's OWN_BYTES.)
        self.overlap.own_extractor = (lambda: self.extractor) \
            if bytes_total <= OWN_BYTES and self._cluster is None else None
        self.overlap.fork_here = self.segment_writers.fork_here = \
            self._alone and bytes_total <= FORK_BYTES and self._cluster is None
        self.overlap.own_released = self._names_let_go
        # (And its first batch's share, in a run of more than one: an add's single batch
        # groups the duplicates in its wait instead, as the learnt share starts at none.)
        self.overlap.first_share = FIRST_SHARE if self.overlap.own_extractor is not None \
            and bytes_total >= 2 * self.settings.index.batch_mb * 2**20 else 0.0
        # (A run of several batches builds its large merges apart: storage/merge_ahead.py.
        # Not on one core, where the merge would only take the pipeline's.)
        if self._ahead is None and self._cluster is None and cores() >= 2 and \
                bytes_total >= 2 * self.settings.index.batch_mb * 2**20:
            self._ahead = MergeAhead(self.paths)
        self._state, self._read, self._indexed, self._indexed_articles = state, 0, 0, 0
        notify(state)
        self._cluster_at_start(store, files, to_read, bytes_total)
        seen = RunIds()
        self._lower_case = LowerCaseRun()  # (anew each run)
        # An id first met in this run (RunIds) can be stored already only if the store held
        # articles when the run began: a first build asks the store for none of them.
        self._stored_before = not store.is_empty()
        try:
            for number, sf in enumerate(to_read):
                if cancel.is_set():
                    break
                if number == retry_from:
                    batch.flush()
                state.current = sf.relative
                done_before = self._read
                counts = report.added, report.updated, report.removed
                duplicates = self._read_file(sf, store, batch, report, seen, cancel,
                                             lambda d=done_before: self._tick(d))
                self._file_counts[sf.key] = (report.added - counts[0],
                                             report.updated - counts[1],
                                             report.removed - counts[2])
                if cancel.is_set():
                    break
                batch.file_stamps[sf.key] = want[sf.key] + (
                    KEPT if sf.key in self._kept_now else DUPLICATES if duplicates else "")
                self._read = done_before + sf.size
                self._said_reading(state)
                if self._full(batch):
                    batch.flush()
        finally:
            seen.close()
        if cancel.is_set():
            report.cancelled = True
            self._settle(ix, store)  # (what was staged and handed on is committed)
            return
        state.current, state.bytes_read = "", self._read  # every file read: the last batches
        notify(state)
        batch.flush()  # (the moves staged: what is left of the files gone is deleted)
        for path in gone:
            left = len(store.hashes_of_file(path))
            if left and not self.remove_gone:  # (a disk not mounted, a file being moved...)
                report.kept.append(KeptFile(path, left, "gone"))
                if not stamps[path].endswith(KEPT):
                    batch.file_stamps[path] = (stamp_of(stamps[path]) or "") + KEPT
                continue
            report.removed += left
            self._file_counts[path] = (0, 0, left)
            batch.delete_files.append(path)
        batch.flush()
        self._settle(ix, store, last=True)
        if store.meta(record_identity.META_KEY) != record_identity.META_VALUE:
            store.set_meta(record_identity.META_KEY, record_identity.META_VALUE)
        state.bytes_done = bytes_total
        notify(state)
        # Unchanged files were not read; count their articles without touching their text.
        for sf in unchanged_files:
            report.unchanged += store.count_of_file(sf.key)
        if (note := self._lower_case.problem()) is not None:
            report.problems.append(note)
        report.problems.extend(self._unextracted)
        self._unextracted = []
        found = report.problems
        report.problems = problem_log.new_ones(store, found, stamps)
        problem_log.record(store, found, stamps)  # for `newsdesk index --problems`
        report.known_problems = max(0, problem_log.count(store) - len(report.problems))

    def _line_id_files(self, store: Store, files: list[SourceFile], to_read: list[SourceFile],
                       report: IndexReport) -> list[SourceFile]:
        """The record files, unchanged, whose records without an id still have the ids of
        before content ids (path#line): read again, once (a store's first run after the
        upgrade), so their marks follow their articles from now on."""
        if store.meta(record_identity.META_KEY) == record_identity.META_VALUE:
            return []
        reading_now = {f.key for f in to_read}
        found = [f for f in files if f.suffix in RECORD_SUFFIXES and f.key not in reading_now
                 and store.has_line_ids(f.key, f.relative)]
        if found:
            report.reread[record_identity.REREAD] = len(found)  # (said for the retried too)
        return found

    def _carry_marks(self, renames: dict[str, str], report: IndexReport) -> None:
        """Move the stars, tags and notes of articles that took another id to that id."""
        tags = TagStore(corpus_data_dir(self.settings))
        try:
            tags.rename_ids(renames)
        except (NewsdeskError, OSError) as exc:
            report.problems.append(Problem(
                str(tags.path), f"the marks of {len(renames):,} articles whose id changed "
                f"were not moved to their new ids: {exc}", skipped=False))

    def _full(self, batch: _Batch) -> bool:
        """Whether a batch is to be committed: by the bytes of its texts (a batch's arrays
        grow with them: 2,000 long articles weigh as much as 20,000 short ones), or at
        `batch_size` articles."""
        index = self.settings.index
        return batch.size >= index.batch_size or batch.text_bytes >= index.batch_mb * 2**20

    def _tick(self, done_before: int) -> None:
        """Reading inside a large file: its bytes read so far (progress counts them once
        their articles are committed)."""
        self._read = done_before + self.reader.position
        self._said_reading(self._state)

    def _said_reading(self, state: Progress) -> None:
        """Report how far the reading is, at most every READ_TICK_SECONDS."""
        state.bytes_read = max(state.bytes_read, self._read)
        now = time.monotonic()
        if now - self._read_said >= READ_TICK_SECONDS:
            self._read_said = now
            self._notify(state)

    def _commit_batch(self, ix: whoosh_index.Index, store: Store, new: set[str],
                      batch: int, staged: dict[str, Article] | None = None) -> int:
        """Commit a staged batch, moving the progress over the bytes read for it as its
        articles go in, then count the commit (searchable now)."""
        state, start, span = self._state, self._indexed, max(0, self._read - self._indexed)
        articles = self._indexed_articles

        def tick(fraction: float) -> None:
            state.bytes_done = max(state.bytes_done, start + int(span * fraction))
            state.articles = max(state.articles, articles + int(batch * fraction))
            self._notify(state)

        def committed(count: int) -> None:  # (later, for a batch handed on)
            state.commits += 1 if count else 0
            state.bytes_done = max(state.bytes_done, start + span)
            state.articles = max(state.articles, articles + count)
            self._notify(state)

        count = self._commit_pending(ix, store, new, tick=tick, committed=committed,
                                     staged=staged)
        self._indexed, self._indexed_articles = start + span, articles + count
        return count

    def _items(self, sf: SourceFile, outcome: dict[str, bool]) -> Iterator[Article | Problem]:
        """The reader's articles and problems; if reading fails anyway (whatever the
        reason), one problem naming the file and line, and the run goes on with the next
        file. outcome["stopped"] says it happened."""
        items = self.reader.read(sf)
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - no file may stop the run
                outcome["stopped"] = True
                message = str(exc).splitlines()[0][:200] if str(exc) else ""
                yield Problem(sf.key, f"stopped reading: {type(exc).__name__}"
                                      f"{f': {message}' if message else ''}",
                              line=self.reader.line or None)
                return
            yield item

    def _read_file(self, sf: SourceFile, store: Store, batch: _Batch, report: IndexReport,
                   seen: RunIds, cancel: threading.Event,
                   tick: Callable[[], None]) -> bool:
        """Read one file into the batch; whether an article was skipped as a duplicate.
        Records without an id (content ids, corpus.content_id) new to the file are matched
        with those that left it: the same content under another id (a store whose ids were
        path#line) or an edited article (record_identity.py) keeps its marks."""
        before = store.hashes_of_file(sf.key)
        self._kept_now.discard(sf.key)
        outcome = {"stopped": False}
        duplicates = False
        articles = 0  # articles the file gave, whatever became of them
        said = len(report.problems)  # (this file's problems follow)
        lost: Problem | None = None  # the problem that lost the most records, if any
        matching = record_identity.Matching(sf.relative, before)
        deferred: list[tuple[Article, str]] = []
        copies: dict[str, int] = {}  # records without an id met again: the last copy's number
        deferred_bytes = 0
        lower_case = LowerCaseCount()
        for count, item in enumerate(self._items(sf, outcome), start=1):
            if count % 250 == 0:
                tick()
            if isinstance(item, Problem):
                report.problems.append(item)
                # (The kind that lost the most says why a file gave nothing: six records
                # without the text's key, not the one malformed line beside them.)
                if (item.skipped and item.reason not in EMPTY_REASONS
                        and (lost is None or item.count > lost.count)):
                    lost = item
                continue
            articles += 1
            lower_case.add(item.text)
            first = seen.first_in(item.id, sf.relative)
            if first == sf.relative and matching.applies(item.id):
                item, first = _copy_of(item, seen, sf.relative, copies), None
            if first is not None:
                duplicates = True
                report.problems.append(Problem(
                    sf.key, f"duplicate id '{item.id}' (first in {first})",
                    line=self.reader.line or _line_of(item.id)))
                continue
            digest = content_hash(item)
            if item.id in before:
                if before[item.id] == digest:
                    del before[item.id]
                    report.unchanged += 1
                    continue
                del before[item.id]
                report.updated += 1
            elif matching.applies(item.id):
                old = matching.same_content(digest)
                if old is not None:  # the same record, its id now from its content
                    batch.renames[old] = item.id
                    batch.stamps[item.id] = old
                    report.renamed += 1
                    batch.new.add(item.id)
                elif matching.waiting and deferred_bytes < record_identity.DEFER_BYTES:
                    deferred.append((item, digest))  # new, or an edit: known at the end
                    deferred_bytes += len(item.text) + len(item.title or "")
                    continue
                else:
                    outcome_of = self._new_article(item, digest, sf, store, batch, report)
                    duplicates |= outcome_of == _DUPLICATE
                    if outcome_of != _ADDED:
                        continue
            else:
                outcome_of = self._new_article(item, digest, sf, store, batch, report)
                duplicates |= outcome_of == _DUPLICATE
                if outcome_of != _ADDED:
                    continue
            if self._upsert(item, digest, sf, batch, tick, cancel):
                return duplicates
        if (note := self._lower_case.file_read(sf.key, lower_case)) is not None:
            report.problems.append(note)
        if outcome["stopped"]:  # a file read only in part keeps its other articles
            return duplicates
        if not articles and before and (lost is not None or not self.remove_gone):
            # A file that held articles gives none: unreadable, or a setting that does not
            # fit it (a mapping of other columns, in a shell without the corpus's config),
            # or emptied while a query command updates the index. Its articles stay.
            self._kept_now.add(sf.key)
            report.kept.append(KeptFile(sf.key, len(before),
                                        lost.reason if lost is not None else "empty"))
            # (Nothing was lost: its problems are said as kept, not skipped.)
            report.problems[said:] = [dataclasses.replace(p, skipped=False)
                                      if p.path == sf.key else p
                                      for p in report.problems[said:]]
            return duplicates
        edits = matching.pair(deferred, store)
        for number, (item, digest) in enumerate(deferred):
            old = edits.get(number)
            if old is not None:  # an edited article: its marks go with it
                batch.renames[old] = item.id
                batch.new.add(item.id)
                report.updated += 1
            else:
                outcome_of = self._new_article(item, digest, sf, store, batch, report)
                duplicates |= outcome_of == _DUPLICATE
                if outcome_of != _ADDED:
                    continue
            if self._upsert(item, digest, sf, batch, tick, cancel):
                return duplicates
        # Articles that have left a changed file (those that took another id: not removed).
        batch.deletes.extend(before)
        report.removed += len(before) - matching.claimed
        return duplicates

    def _new_article(self, item: Article, digest: str, sf: SourceFile, store: Store,
                     batch: _Batch, report: IndexReport) -> str:
        """Count an article whose id the file did not hold: _ADDED (to be staged), _MOVED
        from a file gone (staged as a move), or _DUPLICATE of an id another file has
        (said)."""
        owner = store.owner_of(item.id) if self._stored_before else None
        if owner and owner[0] in batch.gone and owner[1] == digest:
            batch.moves.append((item.id, sf.key))  # moved, not changed
            report.moved += 1
            if len(batch.moves) >= MOVES_AT_ONCE:
                batch.flush()
            return _MOVED
        if owner and owner[0] != sf.key and owner[0] not in batch.gone:
            report.problems.append(Problem(
                sf.key, f"duplicate id '{item.id}' (already in {owner[0]})",
                line=self.reader.line or None))
            return _DUPLICATE
        report.added += 1
        if owner is None:
            batch.new.add(item.id)
        elif owner[0] in batch.gone:
            report.removed += 1  # (the gone file's copy, replaced by this one)
        return _ADDED

    def _upsert(self, item: Article, digest: str, sf: SourceFile, batch: _Batch,
                tick: Callable[[], None], cancel: threading.Event) -> bool:
        """Stage an article; whether the run is cancelled."""
        batch.upserts.append((item, digest, sf.key))
        if len(batch.upserts) == segment_process.MIN_DOCUMENTS and self._cluster is None:
            self.overlap.warm_up()  # (a batch large enough to hand on is coming)
        batch.text_bytes += len(item.text) + len(item.title or "")
        if self._full(batch):
            tick()  # the bytes read up to here go into this batch
            batch.flush()
        return cancel.is_set()


_ADDED, _MOVED, _DUPLICATE = "added", "moved", "duplicate"  # (_new_article)
RECHECKS = 2  # times a run takes the files changed while it read the corpus


def _merge_again(report: IndexReport, again: IndexReport,
                 counts: dict[str, tuple[int, int, int]], new_keys: set[str]) -> None:
    """A run's counts with those of its reading again of the files changed meanwhile, as
    what stayed: the articles of a file new to the run count as added (those it has no
    more are taken off the added, not counted removed); another file's count as read
    again. Its unchanged count is the first reading's (every file counted once)."""
    for key, (added, updated, removed) in counts.items():
        if key in new_keys:
            report.added += added - removed
        else:
            report.added += added
            report.updated += updated
            report.removed += removed
    report.moved += again.moved
    report.renamed += again.renamed
    kept = {k.path for k in again.kept}
    report.kept = [k for k in report.kept if k.path not in kept] + again.kept
    # A file read again has the problems of its second reading only: a file cut from
    # 1,786 records to 300 said "65 skipped" for the 5 it still had (60 of its first).
    report.problems = [p for p in report.problems if p.path not in counts] + again.problems


def _copy_of(item: Article, seen: RunIds, relative: str, copies: dict[str, int]) -> Article:
    """An exact copy of a record without an id earlier in its file, as the copy it is:
    `id-2`, `id-3`... in the order of the file (the same each run)."""
    number = copies.get(item.id, 1) + 1
    while seen.first_in(f"{item.id}-{number}", relative) is not None:
        number += 1  # (a copy's id taken: a record whose id field holds it, say)
    copies[item.id] = number
    return dataclasses.replace(item, id=f"{item.id}-{number}")


def _line_of(article_id: str) -> int | None:
    tail = article_id.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else None


MOVES_AT_ONCE = 50_000  # paths of moved articles updated in one transaction


class _Batch:
    def __init__(self, store: Store,
                 commit: Callable[[whoosh_index.Index, Store, set[str], int,
                                   dict[str, Article]], int],
                 ix: whoosh_index.Index, settle: Callable[[], None]) -> None:
        """`settle()` commits a batch still on its way to the index (ingest/overlap.py):
        called before a batch that deletes is staged, as the rows it marks deleted keep
        their old places in the store, before those of the batch in flight."""
        self.store, self.commit, self.ix, self.settle = store, commit, ix, settle
        self.upserts: list[tuple[Article, str, str]] = []
        self.new: set[str] = set()  # ids of upserts never indexed before
        self.deletes: list[str] = []
        self.delete_files: list[str] = []
        self.gone: set[str] = set()  # files gone this run (deleted at its end)
        self.moves: list[tuple[str, str]] = []  # (id, file): unchanged, found elsewhere
        # Records without an id that took another id (record_identity.py): old -> new, the
        # marks moved before the batch is staged (a kill between leaves them on the new id,
        # which the next run gives the record again); and the new ids that keep the old's
        # "new" stamp (new id -> old id: the same content).
        self.renames: dict[str, str] = {}
        self.stamps: dict[str, str] = {}
        self.carry_marks: Callable[[dict[str, str]], None] = lambda renames: None
        self.kept_stamps: set[str] = set()  # (the indexer's _kept_stamps)
        self.file_stamps: dict[str, str] = {}
        self.text_bytes = 0  # characters of the upserts' titles and texts

    @property
    def size(self) -> int:
        return len(self.upserts) + len(self.deletes)

    def flush(self) -> None:
        if not (self.upserts or self.deletes or self.delete_files or self.file_stamps
                or self.moves or self.renames):
            return
        if self.deletes or self.delete_files:
            self.settle()
        if self.renames:
            self.carry_marks(self.renames)
            self.renames = {}
        self.kept_stamps.update(self.stamps)
        self.store.stage(self.upserts, self.deletes, self.delete_files, self.file_stamps,
                         time.time(), self.moves, self.stamps)
        self.moves, self.stamps = [], {}
        # (As the store gives them back: an article read from a file of another name, or
        # with a written date and no date, is read back.)
        staged = {article.id: article for article, _, file in self.upserts
                  if article.path == file and (article.date or not article.date_text)}
        self.commit(self.ix, self.store, self.new, len(self.upserts) + len(self.deletes),
                    staged)
        self.upserts, self.deletes, self.delete_files = [], [], []
        self.text_bytes = 0
        self.new = set()
        self.file_stamps = {}


def _capped(pending: Pending, capped: list[tuple[str, int, int]]) -> Iterator[Problem]:
    """A problem for each article of a batch whose actors were read from the first part of
    its text alone (ingest/actor_text.py): named by its file and id; all of it is searchable."""
    paths = {item.id: item.path for state, item in pending.items
             if state == TO_ADD and isinstance(item, Article)}
    for article_id, read, total in capped:
        yield Problem(paths.get(article_id, article_id),
                      f"article {article_id!r} is {total:,} characters: its actors are read "
                      f"from its first {read:,} (the rest is searchable, but names only there "
                      "are not in the actor list)", skipped=False)


def _unextracted(pending: Pending, failed: list[tuple[str, str]]) -> Iterator[Problem]:
    """A problem for each article of a batch whose actors could not be read (a fault in a
    rule, `Extracted.failed`): named by its file and id; it is kept, searchable."""
    paths = {item.id: item.path for state, item in pending.items
             if state == TO_ADD and isinstance(item, Article)}
    for article_id, error in failed:
        yield Problem(paths.get(article_id, article_id),
                      f"article {article_id!r}: its actors could not be read ({error}); "
                      "it is searchable, without them: please report it", skipped=False)
