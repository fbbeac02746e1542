"""Messages the workers post to the pane or screen that started them, and that bubble up
from there: workers never touch widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from newsdesk.index.models import (
    Actor,
    Article,
    Document,
    Facets,
    IndexReport,
    KwicLine,
    Results,
    Timeline,
)

if TYPE_CHECKING:  # the indexer (and Whoosh) load in a worker, after the first frame
    from newsdesk.index.ingest.indexer import Progress


class WorkerReport(Message):
    """What a worker found. One that finishes as the app closes reports to panes already
    gone, so the app drops these once it has begun to shut down."""


class SearchDone(WorkerReport):
    def __init__(self, query: str, results: Results) -> None:
        super().__init__()
        self.query = query
        self.results = results


class SearchFailed(WorkerReport):
    def __init__(self, query: str, error: str, hint: str | None = None) -> None:
        super().__init__()
        self.query = query
        self.error = error
        self.hint = hint  # set when more typing can complete the query (IncompleteQuery)


class DocumentLoaded(WorkerReport):
    def __init__(self, document: Document | None, query: str, focus: bool,
                 at_match: int | None = None) -> None:
        super().__init__()
        self.document = document
        self.query = query
        self.focus = focus
        self.at_match = at_match  # open on this match (from the concordance)


class IndexProgress(WorkerReport):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress


class IndexReady(WorkerReport):
    """The index is open for searching; with `indexing`, while the dashboard's own
    indexer still adds to it."""

    def __init__(self, report: IndexReport | None, doc_count: int,
                 indexing: bool = False) -> None:
        super().__init__()
        self.report = report
        self.doc_count = doc_count
        self.indexing = indexing


class IndexChanged(WorkerReport):
    """The index on disk changed (another indexer committed); searches were refreshed."""


class SavedCounted(WorkerReport):
    def __init__(self, counts: dict) -> None:
        super().__init__()
        self.counts = counts


class BackgroundError(WorkerReport):
    def __init__(self, what: str, error: str) -> None:
        super().__init__()
        self.what = what
        self.error = error


class ActorsLoaded(WorkerReport):
    def __init__(self, actors: list[Actor], error: str | None,
                 stamp: str | None = None) -> None:
        super().__init__()
        self.actors = actors
        self.error = error
        self.stamp = stamp  # the actor table's (which dictionaries it was built from)


class ActorsCurated(WorkerReport):
    """An actor was merged, renamed, hidden, unhidden or unmerged, an edit undone, or the
    curation changed "elsewhere" (another process, an editor), and the table rebuilt."""

    def __init__(self, done: str, action: str, old_name: str, value: str | None) -> None:
        super().__init__()
        self.done = done
        self.action = action
        self.old_name = old_name
        self.value = value


class FacetsReady(WorkerReport):
    def __init__(self, query: str, facets: Facets) -> None:
        super().__init__()
        self.query = query
        self.facets = facets


class TimelineReady(WorkerReport):
    def __init__(self, query: str, timeline: Timeline) -> None:
        super().__init__()
        self.query = query
        self.timeline = timeline


class KwicReady(WorkerReport):
    def __init__(self, query: str, lines: list[KwicLine], total: int, articles: int) -> None:
        super().__init__()
        self.query = query
        self.lines = lines
        self.total = total
        self.articles = articles  # the best hits the lines come from


class CooccurrenceLoaded(WorkerReport):
    def __init__(self, actor: Actor, pairs: list[tuple[Actor, int]]) -> None:
        super().__init__()
        self.actor = actor
        self.pairs = pairs


class ArticleFetched(WorkerReport):
    """An article fetched for an action on it: copy, pager, browser."""

    def __init__(self, article: Article, purpose: str) -> None:
        super().__init__()
        self.article = article
        self.purpose = purpose


class Exported(WorkerReport):
    """An export ended: written (`count` rows), or stopped (`stopped`: no file left)."""

    def __init__(self, path: str, count: int, capped: bool, stopped: bool = False) -> None:
        super().__init__()
        self.path = path
        self.count = count
        self.capped = capped
        self.stopped = stopped


class ExportProgress(WorkerReport):
    def __init__(self, path: str, written: int) -> None:
        super().__init__()
        self.path = path
        self.written = written
