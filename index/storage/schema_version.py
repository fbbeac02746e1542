"""Which version of the schema an index was written with, apart from the schema itself:
checking it (every command, before it opens the index) needs no Whoosh import."""

from __future__ import annotations

from newsdesk.index.paths import IndexPaths
from newsdesk.index.storage.index_folder import read_file, write_file

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


def written_version(paths: IndexPaths) -> str | None:
    """The schema version an index records it was written with (None: it records none, or
    not in a regular file of its own)."""
    data = read_file(paths.version, limit=64)
    return data.decode("ascii", "replace").strip() if data is not None else None


def write_version(paths: IndexPaths) -> None:
    write_file(paths.version, f"{SCHEMA_VERSION}\n".encode())


def is_of_this_version(paths: IndexPaths) -> bool:
    return written_version(paths) == str(SCHEMA_VERSION)
