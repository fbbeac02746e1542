"""Plain data that crosses the index/tui boundary. Spans are (start, end) character offsets."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import overload

from newsdesk.index.option_values import is_place

Span = tuple[int, int]

# The dates an article may carry: years 1 to 9998, so that the period after any of them (the
# next day, week, month or year a timeline steps to) is still a date Python can hold. Dates
# outside are reported at the border (corpus file and line, query column), never stored.
EARLIEST_DATE = datetime(1, 1, 1)
LATEST_DATE = datetime(9998, 12, 31, 23, 59, 59, 999999)


def date_in_range(value: datetime) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: str
    title: str
    text: str
    date: datetime | None = None
    source: str | None = None
    url: str | None = None
    # The date as the corpus wrote it, offset and all ("2020-01-04T10:00:00+05:30"); `date`
    # is naive, its offset dropped (index/storage/date_text.py).
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the corpus that could not be read as it is. `skipped` says if it was lost."""

    path: str
    reason: str
    line: int | None = None
    skipped: bool = True
    count: int = 1  # the records it stands for (one line said of many: corpus.py)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        verdict = "skipped" if self.skipped else "kept"
        return f"{where}: {self.reason} ({verdict})"


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    spans: list[Span]


@dataclass(slots=True)
class Hit:
    id: str
    title: str
    date: datetime | None
    source: str | None
    url: str | None
    path: str
    score: float
    snippet: Snippet
    spans: list[Span] = field(default_factory=list)  # every match in the stored text
    title_spans: list[Span] = field(default_factory=list)
    text: str | None = None  # the whole article, only when asked for (exports)
    group: str | None = None  # its group of near-duplicates (index/dups), if it has copies
    # A person's marks on it (userdata/tags.py), as they were when it was found
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    note: str = ""
    date_text: str | None = None  # the date as the corpus wrote it (Article.date_text)
    # False where `spans` are the text's first matches only (highlight.MAX_MATCHES)
    spans_complete: bool = True
    # False for a hit left bare by Engine.search(build=...): its id, score, group and marks
    # only, no title, date or snippet; Engine.copy_hits builds it when it is shown.
    built: bool = True


@dataclass(slots=True)
class Results:
    query: str
    total: int
    hits: list[Hit]
    elapsed: float
    suggestion: str | None = None
    notes: list[str] = field(default_factory=list)
    sort: str = "relevance"  # or "newest" / "oldest" (the empty query: newest)
    prefix: str | None = None  # the word being typed, searched as a prefix (typing=True)
    # A folded search (fold=True): `hits` are its stories, one a story, and this maps a
    # story's hit id to its copies the ranking reached, (id, score) in rank order; their
    # hits are built when asked for (Engine.copy_hits).
    copies: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    @property
    def reached(self) -> int:
        """The hits these results hold: the stories and their copies, when folded."""
        return len(self.hits) + sum(map(len, self.copies.values()))


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor_id: int
    actor: str  # its canonical name


class Mentions(Sequence[ActorMention]):
    """An article's actor mentions in order, as arrays: the spans' starts and ends and each
    one's actor (an index into `actors`, (id, name) pairs). A list of ActorMention held
    about 250 bytes a mention: 216,000 of them in one article of 20 MB were 54 MB of the
    reader's document. Indexed and iterated as that list was (an ActorMention made at each
    look)."""

    __slots__ = ("starts", "ends", "actor", "actors")

    def __init__(self, starts: Iterable[int] = (), ends: Iterable[int] = (),
                 actor: Iterable[int] = (), actors: Sequence[tuple[int, str]] = ()) -> None:
        self.starts = array("q", starts)
        self.ends = array("q", ends)
        self.actor = array("l", actor)
        self.actors = list(actors)
        if not len(self.starts) == len(self.ends) == len(self.actor):
            raise ValueError("a mention needs a start, an end and an actor")

    @classmethod
    def of(cls, mentions: Iterable[ActorMention]) -> Mentions:
        """The mentions of a list (in the order given)."""
        out = cls()
        numbers: dict[tuple[int, str], int] = {}
        for mention in mentions:
            who = (mention.actor_id, mention.actor)
            out.starts.append(mention.span[0])
            out.ends.append(mention.span[1])
            out.actor.append(numbers.setdefault(who, len(numbers)))
        out.actors = list(numbers)
        return out

    def __len__(self) -> int:
        return len(self.starts)

    def _one(self, index: int) -> ActorMention:
        actor_id, name = self.actors[self.actor[index]]
        return ActorMention((self.starts[index], self.ends[index]), actor_id, name)

    @overload
    def __getitem__(self, index: int) -> ActorMention: ...

    @overload
    def __getitem__(self, index: slice) -> list[ActorMention]: ...

    def __getitem__(self, index: int | slice) -> ActorMention | list[ActorMention]:
        if isinstance(index, slice):
            return [self._one(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("mention index out of range")
        return self._one(index)

    def __iter__(self) -> Iterator[ActorMention]:
        return (self._one(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                          strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Mentions({len(self)} mentions of {len(self.actors)} actors)"


@dataclass(slots=True)
class Actor:
    """One actor of the corpus: canonical name, type, the surface forms seen (with counts)."""

    id: int
    name: str
    type: str
    code: str | None
    articles: int
    mentions: int
    aliases: list[tuple[str, int]] = field(default_factory=list)
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class ActorChoice:
    """What an `actor:` name was taken to mean (actors/table.py, ActorTable.resolution):
    the actor, how (its own name, or a name it is written by, in `written` articles), and
    the other actors the name also means, most written first: (actor, articles writing
    the name for it, a name whose `actor:` filter is that actor alone or "" if none is),
    and how many more it means than those."""

    actor: Actor
    own_name: bool
    written: int
    others: tuple[tuple[Actor, int, str], ...] = ()
    more: int = 0


@dataclass(frozen=True, slots=True)
class ActorFilter:
    """An `actor:` filter's name keys, and the choice made if the name meant several; for a
    name no actor goes by, no keys, `unknown`, and the name of the closest actor if one is
    close (`close`)."""

    keys: list[str]
    choice: ActorChoice | None = None
    unknown: bool = False
    close: str | None = None


@dataclass(slots=True)
class Document:
    """One article as the reader shows it, with every match of a query and every mention
    of an actor."""

    article: Article
    spans: list[Span]
    title_spans: list[Span]
    # (the text's: Mentions, arrays, from the engine; a list where a test writes one)
    mentions: Sequence[ActorMention] = field(default_factory=list)
    title_mentions: list[ActorMention] = field(default_factory=list)
    # False where `spans` are the text's first matches only (highlight.MAX_MATCHES)
    spans_complete: bool = True
    # False for a hit left bare by Engine.search(build=...): its id, score, group and marks
    # only, no title, date or snippet; Engine.copy_hits builds it when it is shown.
    built: bool = True


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet: what is shown, how many hits have it, and the field query
    that narrows a search to it (exactly what a person could type)."""

    label: str
    count: int
    clause: str
    kind: str = ""  # for actors: their type


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    label: str  # 2020, 2020-01, 2020-W02, 2020-01-04
    count: int
    clause: str


@dataclass(slots=True)
class Timeline:
    """Hits per period, every period from the first hit's to the last's (zeros included)."""

    query: str
    by: str  # day, week, month or year
    periods: list[Period]
    undated: int
    total: int
    # The period asked for where it would have made too many periods (by is coarser)
    coarsened: str | None = None
    # Lone dates far from the rest, left off the periods (facets.lone_dates): (day, hits)
    left_out: list[tuple[date, int]] = field(default_factory=list)


@dataclass(slots=True)
class Facets:
    """The shape of a result set: where its hits come from, when, and who is in them."""

    query: str
    total: int
    sources: list[FacetValue]
    timeline: Timeline
    actors: list[FacetValue]
    actors_from: int  # how many of the best hits the actor candidates were drawn from
    elapsed: float = 0.0
    # Hits starred, then the tags of the hits by count (clauses is:starred, tag:NAME)
    tags: list[FacetValue] = field(default_factory=list)

    def actors_and_places(self) -> tuple[list[FacetValue], list[FacetValue]]:
        """(the actors, the places) of `actors`, each in its order: shown apart, as the
        actor pane lists them (a city never pushes an actor out of sight)."""
        return ([v for v in self.actors if not is_place(v.kind)],
                [v for v in self.actors if is_place(v.kind)])


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One match in context. `match_index` numbers the article's matches as the reader
    does, so the line opens the article on that very match."""

    article_id: str
    title: str
    date: datetime | None
    source: str | None
    rank: int
    match_index: int
    span: Span
    left: str
    match: str
    right: str
    # The article's last line shown of its first matches only (highlight.MAX_MATCHES): it
    # has more that no line shows
    more: bool = False


@dataclass(slots=True)
class SavedCount:
    """A saved search's hits now, and those indexed since it was last opened."""
    count: int | None  # None: not counted yet
    new: int = 0
    error: str | None = None  # the query no longer parses: why


@dataclass(slots=True)
class KeptFile:
    """A file that held articles and gave none in a run, whose articles were kept:
    `why` is "gone", "empty" (both: dropped by `newsdesk index`) or the reader's reason."""

    path: str
    articles: int
    why: str


@dataclass(slots=True)
class IndexReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    moved: int = 0  # unchanged articles of a file gone, found in another (its path updated)
    # Records without an id that took their content id in place of their path#line id
    # (their marks carried over; a store's first run after the upgrade: record_identity.py).
    renamed: int = 0
    total: int = 0
    problems: list[Problem] = field(default_factory=list)  # what this run found anew
    kept: list[KeptFile] = field(default_factory=list)  # files whose articles were kept
    # The problems of files as last read that are not in `problems` (found when their files
    # were read before, not reported again while they are unchanged, even by a run that met
    # them again): `newsdesk index --problems` lists them.
    known_problems: int = 0
    # Files read again, though unchanged, because a setting of how they read changed since
    # they were last read: by the setting (ingest/reading.py), for the summary to say why.
    reread: dict[str, int] = field(default_factory=dict)
    # Files added, changed or deleted while the run read the corpus, read again (or
    # taken out) at its end; still_changing: those changing still after RECHECKS readings,
    # left to the next run.
    changed_during: int = 0
    still_changing: int = 0
    elapsed: float = 0.0
    cancelled: bool = False
    # Articles a stopped or killed run had read but not committed, committed by this one
    # (Indexer._recover): counted unchanged too, as the store held them as they are.
    recovered: int = 0
    # Set when the run rebuilt an index that was there (of another version, or unreadable)
    # from the article store: a line saying so, for the person (indexer.OLDER_INDEX...).
    notice: str = ""


SORTS = ("relevance", "newest", "oldest")  # the orders a search can list its hits in


class NewsdeskError(Exception):
    """An error with a message fit to show a person, never a traceback."""


class QueryError(NewsdeskError):
    def __init__(self, message: str, column: int | None = None) -> None:
        self.message, self.column = message, column
        super().__init__(message if column is None else f"{message} (at column {column})")

    def at(self, column: int) -> QueryError:
        """The same error placed at `column` (1-based; one past the end: the query ended)."""
        return QueryError(self.message, column)


class IncompleteQuery(QueryError):
    """A query that more typing can complete (an unclosed quote, a trailing AND): while
    typing, the last good results stay and `hint` says what is open."""

    def __init__(self, message: str, column: int | None = None, hint: str = "") -> None:
        super().__init__(message, column)
        self.hint = hint or message

    def at(self, column: int) -> IncompleteQuery:
        return IncompleteQuery(self.message, column, self.hint)


class ConfigError(NewsdeskError):
    pass


class IndexBusyError(NewsdeskError):
    pass


class IndexFolderError(NewsdeskError):
    """The index folder cannot be used as it is (not newsdesk's, writable by others, full,
    read-only, gone): the message names the folder and what to do."""


class IndexDamagedError(NewsdeskError):
    """The article store (`part` "store") or the Whoosh index (`part` "index") is damaged;
    a run of the indexer with `repair=part` rebuilds it (store from the files, index from
    the store)."""

    def __init__(self, message: str, part: str) -> None:
        self.part = part
        super().__init__(message)


class Stopped(Exception):  # noqa: N818 - a request, not an error
    """A long computation was asked to stop (its result is no longer wanted)."""
