"""The Whoosh schema. Article text lives in the store; Whoosh holds only what it searches."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import StandardAnalyzer

from newsdesk.index.analysis import NewsAnalyzer
from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.facet_values import FACET_SEPARATOR as FACET_SEPARATOR
from newsdesk.index.storage.facet_values import facet_value as facet_value
from newsdesk.index.storage.facet_values import read_facet as read_facet
from newsdesk.index.storage.index_folder import read_file, write_file
from newsdesk.index.storage.positions import ArrayPositions

# Bump when the schema, the analyzer or the module path of a class the index's table of
# contents pickles (codec, segment, analyzer, positions format) changes: an index of
# another version is rebuilt from the article store. 8: they live under newsdesk.index.
# 9: a full stop followed by a capitalised word splits words ("Province.The").
# 10: actor name keys and mentions by the rules of issue 24 (apostrophes inside names
# dropped, titles cut anywhere, datelines left out): re-extracted from the store.
# 12: each Han and Kana character a word (analysis.WORD_CJK); kana keep their marks.
# 13: combining marks inside words (analysis.WORD_MARKS: Indic vowel signs and viramas,
# decomposed accents), harakat and niqqud folded, Thai and Lao a letter at a time.
# 14: letters with a stroke (Đ Ł Ø Ħ Ŧ Ð) and the dotless ı folded to their base letter.
SCHEMA_VERSION = 14
SEARCH_FIELDS = ("title", "body")


def written_version(paths: IndexPaths) -> str | None:
    """The schema version an index records it was written with (None: it records none, or
    not in a regular file of its own)."""
    data = read_file(paths.version, limit=64)
    return data.decode("ascii", "replace").strip() if data is not None else None


def write_version(paths: IndexPaths) -> None:
    write_file(paths.version, f"{SCHEMA_VERSION}\n".encode())


def is_of_this_version(paths: IndexPaths) -> bool:
    return written_version(paths) == str(SCHEMA_VERSION)


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
