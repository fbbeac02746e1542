"""What the actor extractor makes and works on: its mentions, an article's extraction, and
the words its scan finds. Apart from extract.py so that the rules it calls (sites.py,
on_names.py) can name them without importing the extractor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(slots=True)
class Mention:
    key: str
    surface: str
    start: int
    end: int
    in_title: bool = False
    person_cue: bool = False
    # The kind its words or context say: an organisation type ("Party", "software giant X"),
    # "thing" (after "the", so no person), or "modifier" (a lone word qualifying the noun
    # after it: "European leaders").
    org_type: str | None = None
    location_cue: bool = False
    lower_seen: bool = False  # the word also appears in lower case in this article
    # A country's word cut off before the name ("Syrian " of "Syrian Democratic Forces"),
    # and the start it was cut at: the key leaves it off, so that "Syrian Army" and "the
    # Army" merge, but the form the article wrote is the name's own (rows.py counts it as a
    # surface, so the canonical name keeps it where the corpus writes it so). Stale once a
    # later step moves the start.
    lead: str = ""
    lead_at: int = -1


@dataclass(slots=True)
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    acronyms: list[tuple[str, str]] = field(default_factory=list)  # (acronym key, expansion)
    text: str = ""  # the text the mentions' spans are of (its lines' marks: repeated_lines.py)
    # The dictionaries' keys (the extractor's `known`): a dictionary's name is never dropped
    # as a repeated line's, so its rows need no mark (repeated_lines.py).
    known: frozenset[str] = frozenset()


@dataclass(slots=True)
class Tok:
    """A capitalised word (or a connector inside a name) as the scan found it."""
    text: str
    start: int
    end: int
    cap: bool
    connector: bool
    initial: bool  # first word of a sentence or line
    possessive: bool
    cut: bool  # a hyphenated word cut at a lower-case part ("Iran-backed"): the name ends here
    joined_by_and: str = ""  # "and" or "&" before it: "Securities and Exchange", "Standard & Poor"


class KeyCounts(Protocol):
    """What a rule module reads of a key's totals (cluster.KeyStats has it), without
    importing the clustering that calls it."""
    key: str
    mentions: int
    articles: int
    person: int
    location: int
    org: Mapping[str, int]
    surfaces: Mapping[str, int]
