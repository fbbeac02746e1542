"""Plain data that crosses the index/tui boundary. Spans are (start, end) character offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: str
    title: str
    text: str
    date: datetime | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the corpus that could not be read as it is. `skipped` says if it was lost."""

    path: str
    reason: str
    line: int | None = None
    skipped: bool = True

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


@dataclass(slots=True)
class Results:
    query: str
    total: int
    hits: list[Hit]
    elapsed: float
    suggestion: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor_id: int
    actor: str  # its canonical name


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


@dataclass(slots=True)
class Document:
    """One article as the reader shows it, with every match of a query and every mention
    of an actor."""

    article: Article
    spans: list[Span]
    title_spans: list[Span]
    mentions: list[ActorMention] = field(default_factory=list)
    title_mentions: list[ActorMention] = field(default_factory=list)


@dataclass(slots=True)
class IndexReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    total: int = 0
    problems: list[Problem] = field(default_factory=list)
    elapsed: float = 0.0
    cancelled: bool = False


class NewsdeskError(Exception):
    """An error with a message fit to show a person, never a traceback."""


class QueryError(NewsdeskError):
    def __init__(self, message: str, column: int | None = None) -> None:
        self.column = column
        super().__init__(message if column is None else f"{message} (at column {column})")


class ConfigError(NewsdeskError):
    pass


class IndexBusyError(NewsdeskError):
    pass
