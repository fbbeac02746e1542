"""Large batches on their way to the index while the indexer goes on with the next one.

A batch used to go through the indexer's process in one stretch: stage it in the article
store, extract its actors (about 60% of that process's time) while the segment-writing
process wrote its postings, commit it, mark it done in the store; and only then was the
next batch read. The writing process waited for the actor keys, and during the commit and
the reading nothing else ran: the build used about 1.1 of the 2 cores.

Here a large batch is handed on and left: its actors go to an extraction process
(ingest/extract_process.py), its documents to the segment-writing process
(storage/segment_process.py), and the indexer returns to read and stage the next batch.
When that one is staged, the batch before it is finished: its mentions are taken back and
the next batch's texts handed to the extraction process at once, the actor keys go to the
writing process, its segment is committed, the next batch's documents go to the writing
process, and the finished batch is marked done in the store while both processes work on
the next one. The indexer, the extraction and the writing run at the same time: three
processes on two cores, four from a run's second batch on, when each batch's extraction is
split over two processes (ingest/extract_split.py: one extraction process set the pace).

What each batch becomes is what the indexer's own path makes of it (the same documents,
the same extraction, one segment a batch, committed in order), so the index and the store
are the same; only the time the work is done moves.

- At most one batch is in flight. Its rows are still pending in the store, so the next
  batch's rows are taken `after` its last (Store.pending); a batch that deletes articles
  (their rows keep their old places in the store) waits until the one in flight is done.
- A commit of the index deletes the files of segments it does not list: the writing
  process starts the next batch's segment only after the batch before is committed.
- A failure anywhere stops both processes; the batch in flight stays pending in the store,
  and the next run commits it (Indexer._recover), as after a crash."""

from __future__ import annotations

import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.dups.presign import Signed
from newsdesk.index.ingest.documents import Extracted
from newsdesk.index.ingest.extract_process import Texts, extract_batch
from newsdesk.index.ingest.extract_split import Extractions, cores, joined
from newsdesk.index.storage import segment_process
from newsdesk.index.storage.article_store import Pending
from newsdesk.index.storage.bulk_segment import Target
from newsdesk.index.storage.fork_server import release_memory
from newsdesk.index.storage.segment_process import SegmentJob, SegmentWriters

# (segment, the ids to delete first) -> None: commits a finished segment to the index.
Commit = Callable[[Any, list[str]], None]
# (pending, extracted, words, near-duplicate signatures) -> None: marks a committed batch
# done in the store.
Done = Callable[[Pending, Extracted, set[str], Signed], None]
# (seconds the extraction is expected to go on, None: as long as it takes) -> None: work
# for the indexer while it would wait for the batch in flight's mentions.
Idle = Callable[[float | None], None]


@dataclass(slots=True)
class _InFlight:
    pending: Pending  # its place in the store, without the articles (their texts are done
    rows: int  # with once handed on), and how many rows it has
    job: SegmentJob
    deletes: list[str]  # ids deleted by term before the batch's segment is added
    committed: Callable[[int], None]  # told the batch's rows once it is committed
    words: set[str] = field(default_factory=set)
    signed: Signed = field(default_factory=list)  # made by the writer (dups/presign.py)
    tick: Callable[[float], None] | None = None  # progress: the share of it done
    began: float = field(default_factory=time.monotonic)
    # Its last articles, extracted here (_own_part); None: the process(es) have them all,
    # and the batch teaches the share nothing (split, or no extractor here).
    own: Texts | None = None


# Documents a run hands on with each batch's extraction split over two processes (ingest/
# extract_split.py); the batches after go to one, as before, the second process ended.
# Its 100-130 MB (its caches of names are full by 40,000 articles) came beside the
# indexer's merges, which grow with what the run has committed (merge_within): a first
# build of 60,000 short articles peaked at 402 MB with two in its main phase (its end's
# 416 MB the higher), and a million's main phase had reached 430 MB with one.
SPLIT_UNTIL = 60_000
# Characters an article of a batch, on average, above which its extraction is not split:
# 30,000 short generated articles (1,000 characters) built in 0.90 of main's time with
# it split (median of 16 alternating pairs), 30,000 long BBC ones (2,270) in 1.12 (6
# pairs), with 45 MB more at the peak (all at load 5-12: not established on a quiet
# machine). Where the articles are long, the indexer and the writer have more of the work,
# and a second extraction process takes cores from them.
SPLIT_CHARS = 1_500

TICK_SECONDS = 0.25  # progress reports while the indexer waits for a batch in flight

# The indexer's own share of a batch's extraction (Overlap._own_part). A batch of long
# articles goes to one extraction process (SPLIT_CHARS), and that process set the pace: at
# each batch's end it ran alone for a while, the indexer done with its part of the batch
# (committing, marking done, reading and staging the next) and the writer waiting for the
# batch's actor keys, one core idle. Its last articles, by characters, are extracted in the
# indexer's process instead, in that wait, and joined after the process's (each article is
# extracted on its own: the same mentions, in the same order, as ingest/extract_split.py).
# The share starts at none and is learnt batch by batch from the wait left: half of it moves
# to the indexer; where the process was done before the indexer came, the share shrinks.
OWN_MOST = 0.35  # of a batch's characters, at most
OWN_STEP = 0.1  # the share grows by at most this much a batch
OWN_SHRINK = 0.8  # and shrinks by this factor where the indexer kept the process waiting
# The share of a run's first batch, where more are to come (`first_share`, set by the
# indexer): the learning started at none, and the first batches' extraction ran alone the
# longest (30,000 long articles, timeline at load 20: the process alone for 16 of the first
# 31 s' 25, the second batch 10 of 14, the later ones 0-5), as the indexer has only the next
# batch to read and stage in it. Below OWN_MOST: the writer makes the first batch's
# postings on the second core meanwhile.
FIRST_SHARE = 0.25
# Only in runs of at most this much text: the extraction's caches of names, filled in the
# indexer's process too, stay there (the second extraction process's 100-130 MB are full by
# 40,000 articles), and at a million articles the indexer's end was a build's peak.
OWN_BYTES = 256 << 20


@contextmanager
def _ticking(flight: _InFlight, expected: float) -> Iterator[None]:
    """While the indexer waits for the batch in flight, report its progress by the time
    batches took before (towards, never reaching, all of it): without this, the progress
    stood still for the seconds a batch is on its way, then jumped."""
    tick = flight.tick
    if tick is None:
        yield
        return
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(TICK_SECONDS):
            tick(min(0.95, (time.monotonic() - flight.began) / max(1e-3, expected)))

    thread = threading.Thread(target=run, name="batch-in-flight-ticker", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


class Overlap:
    """The extraction process, the batch in flight, and the steps that move it on."""

    def __init__(self, dictionaries: Dictionaries, writers: SegmentWriters) -> None:
        self._dictionaries, self._writers = dictionaries, writers
        self._extraction: Extractions | None = None
        self._flight: _InFlight | None = None
        self._usable = writers.usable
        self._row_seconds = 0.002  # from hand-over to commit, a row (learnt each batch)
        # From hand-over to the mentions, a row: learnt when the indexer waits for them
        # (0: not yet known).
        self._extract_seconds = 0.0
        self._handed = 0  # documents this run has handed on
        self._short = False  # whether the last batch handed on had short articles
        self.idle: Idle | None = None  # (set by the indexer)
        # The indexer's extractor, where it takes a share of long articles' batches (set by
        # the indexer for a run of at most OWN_BYTES; None: the process extracts it all).
        self.own_extractor: Callable[[], Extractor] | None = None
        self._own_share = 0.0  # of a batch's characters (learnt: _learn_share)
        # Whether the indexer's own extraction met many distinct names this run (its
        # names' caches passed their bound): none of the later batches is extracted there,
        # and `own_released` is called after each share it still had (its caches and
        # extractor let go of). They were 40-80 MB of the indexer's beside the writer's
        # and extraction's processes, the main phase's peak at 425,530 distinct keys; the
        # usual corpora's stay under the bound (Extractor.many_names).
        self._many_names = False
        self.own_released: Callable[[], None] | None = None  # (set by the indexer)
        # The first batch's share (FIRST_SHARE where the run hands on more than one batch;
        # set by the indexer with own_extractor).
        self.first_share = 0.0
        # The extraction processes plain forks of the indexer where they can be (set by the
        # indexer for a small run of its own: fork_server's helper_context).
        self.fork_here = False

    @property
    def extracts_here(self) -> bool:
        """Whether the indexer extracts a share of the batches' articles itself."""
        return self.own_extractor is not None and self._own_share > 0

    @property
    def last(self) -> int:
        """The store position of the batch in flight's last row (0: none in flight)."""
        return self._flight.pending.last if self._flight is not None else 0

    def wanted(self, documents: int) -> bool:
        """Whether a batch of this many documents to add goes this way."""
        return self._usable and self._writers.usable and documents >= segment_process.MIN_DOCUMENTS

    def warm_up(self) -> None:
        """Start both processes now (a large batch is being read): they import and make
        their extractor while the indexer reads the rest of it; with a batch in flight
        already (a run of more than one), the second extraction process too."""
        if not self.wanted(segment_process.MIN_DOCUMENTS):
            return
        try:
            extraction = self._process()
        except (OSError, RuntimeError, ValueError):
            self._usable = False
            return
        self._writers.warm_up()
        if self._flight is not None:
            self._widen(extraction)

    def _widen(self, extraction: Extractions) -> None:
        if self._short and self._handed < SPLIT_UNTIL and cores() >= 2:
            extraction.widen()

    def start(self, target: Target, pending: Pending, docs: list[dict[str, Any]],
              texts: Texts, deletes: list[str], commit: Commit, done: Done,
              committed: Callable[[int], None],
              tick: Callable[[float], None] | None = None) -> bool:
        """Hand a staged batch on, after finishing the one in flight (committed and marked
        done, `commit` and `done`); False (nothing started, the one before finished) when
        no extraction process can be had: the caller writes the batch itself."""
        try:
            extraction = self._process()
        except (OSError, RuntimeError, ValueError):
            self._usable = False
            self.finish(commit, done)
            return False
        before = self._flight
        found = self._receive(extraction, before) if before is not None else None
        if self._handed >= SPLIT_UNTIL:
            extraction.narrow()
        short = _short_articles(texts)
        if before is None and not self._handed:
            self._own_share = max(self._own_share, self.first_share)
        sent, own = self._own_part(texts, split=short and extraction.wide)
        try:
            extraction.send(sent, split=short)  # extracted from now on
        except OSError:  # the process is gone: this batch is written here
            self._close_process(kill=True)
            if before is not None and found is not None:
                self._flight = None
                self._finish(before, found, commit, done)
            return False
        self._handed += len(texts)
        self._short = short
        if before is not None:  # (a rebuild's batches come with no warm-up)
            self._widen(extraction)
        self._flight = None
        if before is not None and found is not None:
            self._commit(before, found, commit)
        words: set[str] = set()
        signed: Signed = []
        job = self._writers.start(target, docs, words, signed)
        self._flight = _InFlight(Pending([], pending.last), len(pending.items), job, deletes,
                                 committed, words, signed, tick, own=own)
        if before is not None and found is not None:
            self._done(before, found, done)
        release_memory()  # (the batch's texts, gone from here)
        return True

    def finish(self, commit: Commit, done: Done, last: bool = False) -> None:
        """Commit the batch in flight, if any, and mark it done; `last`: nothing else is
        to be done before it (the run's last batch): the indexer's idle work may take as
        long as it takes."""
        before, self._flight = self._flight, None
        if before is None:
            return
        assert self._extraction is not None
        self._finish(before, self._receive(self._extraction, before, last), commit, done)

    def _receive(self, extraction: Extractions, before: _InFlight, last: bool = False
                 ) -> tuple[Extracted, list[str | None]]:
        with _ticking(before, self._row_seconds * max(1, before.rows)):
            own = self._extract_own(before)
            if self.idle is not None and not extraction.ready():
                # The extraction sets the pace: the indexer's own work for the next batch
                # is done, and one core would idle till the mentions come.
                self.idle(None if last else self._extraction_left(before))
            waited = not extraction.ready()
            waiting = time.monotonic()
            found = extraction.receive()
            now = time.monotonic()
            if waited:  # (the time it took, not the time the indexer came for it)
                self._extract_seconds = (now - before.began) / max(1, before.rows)
            if before.own is not None:
                self._learn_share(now - waiting if waited else 0.0, now - before.began)
            return found if own is None else joined([found, own])

    def _own_part(self, texts: Texts, split: bool) -> tuple[Texts, Texts | None]:
        """A batch's texts for the extraction process(es), and its last articles, by the
        learnt share of its characters, for the indexer to extract itself (None where the
        batch is split over two processes, or no extractor is set)."""
        if split or self.own_extractor is None or self._many_names or len(texts) < 2:
            return texts, None
        at = _own_from(texts, self._own_share)
        return texts[:at], texts[at:]

    def _extract_own(self, before: _InFlight) -> tuple[Extracted, list[str | None]] | None:
        """The batch in flight's own share extracted here (None: it has none)."""
        if not before.own:
            return None
        assert self.own_extractor is not None  # (set for the whole run)
        extractor = self.own_extractor()
        found = extract_batch(extractor, before.own)
        before.own = []  # (their texts let go)
        self._many_names = self._many_names or extractor.many_names
        del extractor
        if self._many_names and self.own_released is not None:
            self.own_released()
        return found

    def _learn_share(self, waited: float, took: float) -> None:
        """The next batch's own share, from this one's: `waited` seconds the indexer waited
        for the process after its own share (0: the process was done first), `took` from
        the batch's hand-over to its mentions."""
        if waited > 0:
            # Half the wait moves here: the process's time for a whole batch is its part's
            # over the characters it had.
            whole = took / max(1e-3, 1.0 - self._own_share)
            self._own_share = min(OWN_MOST, self._own_share + min(OWN_STEP, waited / 2 / whole))
        else:
            self._own_share *= OWN_SHRINK

    def _extraction_left(self, before: _InFlight) -> float:
        """Seconds the batch in flight's extraction is expected to go on (0: not known)."""
        if not self._extract_seconds:
            return 0.0
        return self._extract_seconds * before.rows - (time.monotonic() - before.began)

    def _finish(self, before: _InFlight, found: tuple[Extracted, list[str | None]],
                commit: Commit, done: Done) -> None:
        self._commit(before, found, commit)
        self._done(before, found, done)

    def _commit(self, before: _InFlight, found: tuple[Extracted, list[str | None]],
                commit: Commit) -> None:
        with _ticking(before, self._row_seconds * max(1, before.rows)):
            commit(before.job.finish({"actors": found[1]}), before.deletes)
        self._row_seconds = (time.monotonic() - before.began) / max(1, before.rows)

    @staticmethod
    def _done(before: _InFlight, found: tuple[Extracted, list[str | None]],
              done: Done) -> None:
        done(before.pending, found[0], before.words, before.signed)
        before.committed(before.rows)

    def stop(self) -> None:
        """A batch failed or the run stops: both processes go, the batch in flight stays
        pending in the store."""
        self._flight = None
        self._handed, self._short, self._own_share = 0, False, 0.0
        self.first_share, self._many_names = 0.0, False
        self._writers.stop()
        self._close_process(kill=True)

    def close(self) -> None:
        """The run is over (nothing in flight)."""
        self._flight = None
        self._handed, self._short, self._own_share = 0, False, 0.0
        self.first_share, self._many_names = 0.0, False
        self._close_process(kill=False)

    def _process(self) -> Extractions:
        if self._extraction is None:
            self._extraction = Extractions(self._dictionaries, self.fork_here)
        return self._extraction

    def _close_process(self, kill: bool) -> None:
        if self._extraction is not None:
            if kill:
                self._extraction.kill()
            else:
                self._extraction.close()
            self._extraction = None


def _own_from(texts: Texts, share: float) -> int:
    """The first article of a batch's last `share` of characters: those that end past the
    rest (len(texts) for none; one article at least is left to the process)."""
    if share <= 0:
        return len(texts)
    sizes = list(accumulate(len(title) + len(text) for _, title, text in texts))
    return min(len(texts), max(1, bisect_right(sizes, sizes[-1] * (1.0 - share))))


def _short_articles(texts: Texts) -> bool:
    """Whether a batch's articles are short enough for its extraction to be split."""
    chars = sum(len(title) + len(text) for _, title, text in texts)
    return chars <= SPLIT_CHARS * len(texts)
