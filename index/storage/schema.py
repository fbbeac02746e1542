"""The Whoosh schema. Article text lives in the store; Whoosh holds only what it searches."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import StandardAnalyzer

from newsdesk.index.analysis import NewsAnalyzer
from newsdesk.index.storage import whoosh_fixes  # noqa: F401 - patches Whoosh before any index opens
from newsdesk.index.storage.positions import ArrayPositions

# Bump when the schema or the analyzer changes: an index of another version is rebuilt.
SCHEMA_VERSION = 7
SEARCH_FIELDS = ("title", "body")


def build_schema() -> fields.Schema:
    analyzer = NewsAnalyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        # No spelling=True: an unstemmed copy of every word would double the postings
        # written; the words prefix and fuzzy terms expand against live in the store.
        title=fields.TEXT(analyzer=analyzer, field_boost=2.0),
        body=fields.TEXT(analyzer=analyzer),
        source=fields.TEXT(analyzer=StandardAnalyzer(stoplist=None)),
        date=fields.DATETIME(sortable=True),
        url=fields.ID(),
        path=fields.ID(),  # the source file: deletes and updates by file
        # When, in milliseconds: "new since" for bookmarks. (A sortable float column breaks
        # in Whoosh with struct.error; range queries need no column.) One term a document,
        # not Whoosh's 16 trie terms: all of a batch share one value, so a range holds few.
        indexed=fields.NUMERIC(int, bits=64, shift_step=64),
        # The name keys of the actors an article mentions (not actor ids: curation then
        # changes only the store's key -> actor table, never the index).
        actors=fields.KEYWORD(commas=True, lowercase=False, scorable=False),
        # Per-document facet values, b"<date ordinal>\x1f<source>": one column read per hit
        # counts a result set by date and source without touching stored fields.
        facet=fields.COLUMN(columns.VarBytesColumn()),
    )
    for name in SEARCH_FIELDS:  # positions as arrays: index/positions.py
        field = schema[name]
        field.format = ArrayPositions(field_boost=field.format.field_boost)
    return schema


FACET_SEPARATOR = "\x1f"


def facet_value(date: object, source: str | None) -> bytes:
    ordinal = date.toordinal() if date is not None else ""  # type: ignore[attr-defined]
    return f"{ordinal}{FACET_SEPARATOR}{source or ''}".encode()


def read_facet(value: bytes) -> tuple[int | None, str | None]:
    """(date ordinal, source) back from the column."""
    ordinal, _, source = value.decode().partition(FACET_SEPARATOR)
    return (int(ordinal) if ordinal else None), (source or None)
