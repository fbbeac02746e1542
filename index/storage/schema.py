"""The Whoosh schema. Article text lives in the store; Whoosh holds only what it searches."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import StandardAnalyzer

from newsdesk.index.analysis import NewsAnalyzer
from newsdesk.index.storage.facet_values import FACET_SEPARATOR as FACET_SEPARATOR
from newsdesk.index.storage.facet_values import facet_value as facet_value
from newsdesk.index.storage.facet_values import read_facet as read_facet
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.schema_version import SCHEMA_VERSION as SCHEMA_VERSION
from newsdesk.index.storage.schema_version import is_of_this_version as is_of_this_version
from newsdesk.index.storage.schema_version import write_version as write_version
from newsdesk.index.storage.schema_version import written_version as written_version

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
    for name in SEARCH_FIELDS:  # positions as arrays: storage/positions.py
        field = schema[name]
        field.format = ArrayPositions(field_boost=field.format.field_boost)
    return schema
