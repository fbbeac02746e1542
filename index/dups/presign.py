"""Near-duplicate signatures made during a build, beside the segment writer, and used by
the grouping at the end of the run instead of signing the texts again.

The grouping (groups.update) runs after the last batch is committed, in the indexer's
process alone: while it signed every new article (its word pairs and MinHash, about 7% of
a build's CPU), the writing and extraction processes stood idle. The segment-writing
process has each batch's texts and waits for the batch's actor keys anyway, so it signs
them then (`sign`); the indexer keeps the signatures in a temporary table of its store
connection as it marks each batch done (`keep`), and the grouping takes them (`taker`)
for the texts they were made from: a text that differs (by its Adler-32, which the store
keeps at the end of each packed text, so the grouping need not unpack the texts to
compare: 12 MB of them at 5,000 long articles) or an article not signed ahead is signed
as before. A signature does not depend on the other texts
signed with it, so the groups are the same either way.

The table is the connection's own (TEMP): nothing of it is in the store's file, and it
goes with the connection; rows are deleted as they are taken."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from newsdesk.index import text_pieces
from newsdesk.index.dups import sketch
from newsdesk.index.dups.form_words import FormWords, split_alike
from newsdesk.index.storage.article_store import text_check
from newsdesk.index.storage.term_ids import TextForms

# (article id, text_check of its text, distinct word pairs, signature blob)
Signed = list[tuple[str, int, int, bytes]]
# (id, the stored text's check) of a chunk's articles -> their (signatures, distinct pair
# counts), or None
Taker = Callable[[Sequence[tuple[str, int | None]]], tuple[np.ndarray, np.ndarray] | None]

_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS dup_presigned (article TEXT PRIMARY KEY, "
          "text_check INTEGER NOT NULL, size INTEGER NOT NULL, sig BLOB NOT NULL) WITHOUT ROWID")


# Texts signed at a time: a whole batch's word lists and pair arrays took 193 MB in the
# writing process (tracemalloc, 3,700 long articles), 200 texts' 14 MB.
CHUNK = 200


_FORM_WORDS = FormWords()  # (the writing process's, kept from batch to batch)


def sign_docs(docs: list[dict[str, Any]], forms: TextForms | None = None) -> Signed:
    """(The segment-writing process's side job, storage/segment_process.py.) A batch's
    documents signed; `forms`, the form ids of their bodies' words, where the writer
    kept them (dups/form_words.py)."""
    texts = [doc["body"] for doc in docs]
    if forms is not None and len(forms.counts) != len(texts):
        forms = None
    return sign([doc["id"] for doc in docs], texts, forms)


def sign(ids: Sequence[str], texts: Sequence[str], forms: TextForms | None = None) -> Signed:
    """The signatures of `texts` (the articles `ids`), as groups._sign makes them; with
    `forms` (the form ids of the words of `texts`), their words read from those where
    that gives the same."""
    signed: Signed = []
    for start in range(0, len(texts), CHUNK):
        part = list(texts[start:start + CHUNK])
        if forms is None or any(len(text) > text_pieces.PIECE for text in part):
            # (A long text's a piece at a time: sketch._pairs_text_by_text.)
            pairs, offsets, distinct = sketch.word_pairs(part)
        else:
            pairs, offsets, distinct = sketch.pairs_of(*_hashes(part, start, forms))
        sigs = sketch.signatures(pairs, offsets)
        signed.extend((article, text_check(text), int(size), sketch.to_blob(sig))
                      for article, text, size, sig in zip(ids[start:start + CHUNK], part,
                                                           distinct.tolist(), sigs,
                                                           strict=True))
    return signed


def _hashes(part: list[str], start: int, forms: TextForms) -> tuple[np.ndarray, np.ndarray]:
    """sketch.word_hashes(part), the texts `start`... of `forms`: the words of those that
    split alike read from their forms, the others' split as word_hashes splits them."""
    flags = list(map(split_alike, part))
    alike = [start + i for i, flag in enumerate(flags) if flag]
    if len(alike) == len(part):
        return _FORM_WORDS.hashes(forms, alike)
    others = [i for i, flag in enumerate(flags) if not flag]
    found = (_FORM_WORDS.hashes(forms, alike),
             sketch.word_hashes([part[i] for i in others]))
    lengths = np.zeros(len(part), np.int64)
    places = (np.asarray(alike, np.int64) - start, np.asarray(others, np.int64))
    for place, (_, counts) in zip(places, found, strict=True):
        lengths[place] = counts
    text_starts = np.cumsum(lengths) - lengths
    every = np.zeros(int(lengths.sum()), np.uint64)
    for place, (hashes, counts) in zip(places, found, strict=True):
        at = np.repeat(text_starts[place] - (np.cumsum(counts) - counts), counts) + \
            np.arange(int(counts.sum()))
        every[at] = hashes
    return every, lengths


def keep(db: sqlite3.Connection, signed: Signed) -> None:
    """(In the caller's transaction, on the connection the grouping will use.)"""
    if signed:
        db.execute(_TABLE)
        db.executemany("INSERT OR REPLACE INTO dup_presigned VALUES (?,?,?,?)", signed)


def taker(db: sqlite3.Connection) -> Taker:
    """What groups.update asks for a chunk's signatures: all of them from the table (and
    they leave it), or None when any is missing or was made from another text."""

    def take(rows: Sequence[tuple[str, int | None]]) -> tuple[np.ndarray, np.ndarray] | None:
        if not rows or not _has_table(db):
            return None
        ids = [article for article, _ in rows]
        found: dict[str, tuple[int, int, bytes]] = {}
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            found.update((a, (c, s, b)) for a, c, s, b in db.execute(
                "SELECT article, text_check, size, sig FROM temp.dup_presigned WHERE article IN "
                f"({','.join('?' * len(part))})", part))
        if len(found) != len(rows):
            return None
        for article, check in rows:
            if found[article][0] != check:
                return None
        with db:
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                db.execute("DELETE FROM temp.dup_presigned WHERE article IN "
                           f"({','.join('?' * len(part))})", part)
        sigs = np.frombuffer(b"".join(found[a][2] for a in ids), dtype="<u4").reshape(
            len(ids), sketch.NUM_PERM).astype(np.uint32)
        sizes = np.fromiter((found[a][1] for a in ids), dtype=np.int64, count=len(ids))
        return sigs, sizes

    return take


def held(db: sqlite3.Connection) -> dict[str, tuple[int, int, bytes]]:
    """Every signature kept so far, read out of the connection's table (left there): for a
    grouping on another connection (dups/group_process.py), which cannot see a TEMP table,
    through `taker_of`."""
    if not _has_table(db):
        return {}
    return {a: (c, s, b) for a, c, s, b in db.execute(
        "SELECT article, text_check, size, sig FROM temp.dup_presigned")}


def taker_of(found: dict[str, tuple[int, int, bytes]]) -> Taker:
    """`taker` over signatures `held` read out (they leave `found` as they are taken)."""

    def take(rows: Sequence[tuple[str, int | None]]) -> tuple[np.ndarray, np.ndarray] | None:
        if not rows or any(found.get(a, (None,))[0] != check or check is None
                           for a, check in rows):
            return None
        ids = [article for article, _ in rows]
        taken = [found.pop(a) for a in ids]
        sigs = np.frombuffer(b"".join(t[2] for t in taken), dtype="<u4").reshape(
            len(ids), sketch.NUM_PERM).astype(np.uint32)
        sizes = np.fromiter((t[1] for t in taken), dtype=np.int64, count=len(ids))
        return sigs, sizes

    return take


def forget(db: sqlite3.Connection) -> None:
    """(The grouping done on another connection.) The kept signatures dropped."""
    if _has_table(db):
        with db:
            db.execute("DELETE FROM temp.dup_presigned")


def _has_table(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM temp.sqlite_master WHERE name='dup_presigned'"
                      ).fetchone() is not None
