"""A whole Whoosh segment written at once from a batch of documents.

Whoosh's writer takes a document at a time: each field analysed token by token, each
posting put in a pool one Python call at a time (sorted, pickled in runs to disk when the
pool fills, read back and merged), then written one posting at a time. Here a batch's
texts become arrays of term ids and positions (storage/term_ids.py), sorted in one array
sort, and packed into blocks by storage/block_packing.py: nothing per posting runs in
Python, and nothing goes to disk but the segment. The term table gets one entry per term.

The segment is Whoosh's own, as storage/codec.py writes it: the same files (term table,
postings, per-document columns with the field lengths and stored fields), the same
block format, assembled into one compound file, opened by stock Whoosh's reader. Fields
whose format has values other than positions (the source's pickled positions, the actor
keys' frequencies: a few postings an article) keep Whoosh's encoding of each value, packed
the same way, as the codec keeps them (end to end, compressed a block at a time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from whoosh.analysis import IDTokenizer, KeywordAnalyzer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, W3Codec, W3PerDocWriter, _lenfield
from whoosh.fields import DATETIME, NUMERIC, FieldType
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_byte, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte, to_sortable
from whoosh.writing import SegmentWriter

from newsdesk.index.storage.block_packing import (
    TERM_INFO_SIZE,
    SortedPostings,
    byte_lengths,
    length_bytes,
    pack,
)
from newsdesk.index.storage.column_adds import add_all
from newsdesk.index.storage.packed_sort import stable_argsort
from newsdesk.index.storage.positions import ArrayPositions
from newsdesk.index.storage.term_ids import FieldTokens, TextForms, Vocabulary
from newsdesk.index.storage.term_table import TermTableWriter


class _Generic:
    """A field analysed by Whoosh itself (field.index), a document at a time."""

    def __init__(self) -> None:
        self.terms: list[bytes] = []
        self.docs: list[int] = []
        self.weights: list[float] = []
        self.values: list[bytes] = []


def _is_fast(field: Any) -> bool:
    return isinstance(field.format, ArrayPositions) and \
        hasattr(field.analyzer, "positions_of")


@dataclass(frozen=True, slots=True)
class Target:
    """Where a segment goes: what of a writer a segment's writing needs (it pickles, for a
    writing process: storage/segment_process.py)."""
    storage: Any
    schema: Any
    indexname: str
    codec: Any


def target_of(writer: SegmentWriter) -> Target:
    return Target(writer.storage, writer.schema, writer.indexname, writer.codec)


def write_segment(writer: SegmentWriter, docs: list[dict[str, Any]],
                  vocabulary: Vocabulary, words: set[str] | None = None) -> Any:
    """A new segment (not yet committed: the caller adds it to the commit's list) holding
    `docs`, Whoosh field name -> value as `add_document` takes them, numbered from 0 in
    their order. Folded words of the fast fields go into `words`."""
    build = SegmentBuild(target_of(writer), docs, vocabulary, words)
    build.write_early()
    return build.finish({})


class SegmentBuild:
    """One segment's writing in two steps: `write_early` writes the postings of the fields
    the documents have (nearly all of the work), `finish` adds late fields, a value a
    document each (the actor keys, extracted meanwhile), then the per-document columns,
    and closes the segment. A field's terms are written in a run, with field numbers in
    the order of their names, as Whoosh's own writer numbers them: the postings are written
    as each field is done, the term table at `finish`, so a late field ("actors") still
    comes first in it. Readers and merges go through a segment's terms in the table's order
    and take it for (field name, term) order: a late field written last broke the next
    merge (OutOfOrderError 'title' .. 'actors')."""

    def __init__(self, target: Target, docs: list[dict[str, Any]], vocabulary: Vocabulary,
                 words: set[str] | None = None, keep_forms: str | None = None) -> None:
        """With `keep_forms` (a fast field's name), `forms` keeps the form id of each word
        of that field's texts once `write_early` has run."""
        self.target, self.docs, self.vocabulary, self.words = target, docs, vocabulary, words
        self.keep_forms = keep_forms
        self.forms: TextForms | None = None
        self.segment = target.codec.new_segment(target.storage, target.indexname)
        self.lengths: dict[str, np.ndarray] = {}
        self._tindex: TermTableWriter | None = None
        self._postfile: Any = None
        self._fieldmap: dict[str, int] = {}
        # field name -> its terms and their term infos (fixed-size records end to end, or
        # one record a term), written to the term table in order of name at `finish`
        self._terms: dict[str, tuple[list[bytes], bytes | list[bytes], int]] = {}
        # The fields the documents have a value for (`_names`), found once at
        # `write_early` and brought up to date with the late fields at `finish` (each
        # walk of every document's fields was 2% of the writing on short articles).
        self._names: list[str] | None = None

    def _open(self) -> None:
        storage = self.target.storage
        self._tindex = TermTableWriter(self.segment.create_file(storage, W3Codec.TERMS_EXT))
        self._tindex.extras["fieldmap"] = self._fieldmap
        self._postfile = self.segment.create_file(storage, W3Codec.POSTS_EXT)

    def write_early(self) -> None:
        self.vocabulary.start_batch()
        self._open()
        try:
            self._names = _names(self.docs, self.target.schema)
            self._write_fields(self.docs, self._names)
        except BaseException:
            self._close_files()
            raise

    def finish(self, late: dict[str, list[Any]]) -> Any:
        """Add the `late` fields (name -> each document's value, None for none), write the
        per-document columns and close: the segment, to commit."""
        try:
            late_names = sorted(late)
            names = self._names if self._names is not None else \
                _names(self.docs, self.target.schema)
            if late_names:
                for i, doc in enumerate(self.docs):
                    for name in late_names:
                        doc[name] = late[name][i]
                given = _names_given(late, self.target.schema)
                names = sorted({n for n in names if n not in late} | set(given))
                self._write_fields(self.docs, given)
            self._write_term_table()
        finally:
            self._close_files()
        target = self.target
        _write_per_document(target.codec, target.storage, self.segment, target.schema,
                            names, self.docs, self.lengths)
        self.segment.set_doc_count(len(self.docs))
        if self.segment.should_assemble():
            self.segment.create_compound_file(target.storage)
        return self.segment

    def _close_files(self) -> None:
        if self._tindex is not None:
            self._tindex.close()
            self._postfile.close()
            self._tindex = None

    def _write_fields(self, docs: list[dict[str, Any]], names: list[str]) -> None:
        schema, codec = self.target.schema, self.target.codec
        tindex, postfile = self._tindex, self._postfile
        assert tindex is not None
        for name in names:
            field = schema[name]
            if not field.indexed:
                continue
            if _is_fast(field):
                tokens = self.vocabulary.tokens([doc.get(name) or "" for doc in docs],
                                                self.words, name == self.keep_forms)
                if tokens.forms is not None:
                    self.forms = tokens.forms
                lengths = tokens.lengths if field.scorable else np.zeros(len(docs), np.int64)
                self.lengths[name] = lengths
                terms, postings = _fast_postings(tokens, self.vocabulary,
                                                 field.format.field_boost,
                                                 byte_lengths(length_bytes(lengths)))
                tokens = None  # (its arrays, reordered in the postings: not kept packing)
                values: list[bytes] = []
            else:
                found, lengths = _analysed(field, name, docs)
                self.lengths[name] = lengths
                terms, postings, values = _generic_postings(
                    found, byte_lengths(length_bytes(lengths)))
            if not terms:
                continue
            if not _is_fast(field) and field.format.fixed_value_size() != 0:
                # Whoosh's own values (the source's pickled positions, the actor keys'
                # frequencies), kept as the codec keeps them.
                postings.values, postings.level = values, codec._compression
                postings.fixed = field.format.fixed_value_size()
            infos = _pack_in_parts(postings, postfile, codec._blocklimit)
            self._terms[name] = (terms, infos, TERM_INFO_SIZE)

    def _write_term_table(self) -> None:
        tindex = self._tindex
        assert tindex is not None
        for name in sorted(self._terms):
            terms, infos, size = self._terms[name]
            prefix = pack_ushort(self._fieldmap.setdefault(name, len(self._fieldmap)))
            keys = [prefix + term for term in terms]
            if isinstance(infos, bytes):
                tindex.add_all_fixed(keys, infos, size)
            else:
                for key, info in zip(keys, infos, strict=True):
                    tindex.add(key, info)
        self._terms.clear()


# Postings (or positions, where they have them) packed at a time: pack's arrays grow with
# what it packs (eight or more bytes a position for each of a dozen arrays: 110 MB over
# the body of a batch of 8 MB of text), a part's no further (1 << 17 held the writing
# process's peak 7 MB higher, for no less CPU).
PART_POSITIONS = 1 << 16


def _pack_in_parts(postings: SortedPostings, postfile: Any, blocklimit: int) -> bytes:
    """Pack `postings` and write them to `postfile` a run of whole terms at a time (the
    same bytes as at once: no block spans two terms); the terms' term infos."""
    starts, counts, positions = postings.term_starts, postings.counts, postings.positions
    pos_starts = np.concatenate(([0], np.cumsum(counts))) if counts is not None else None
    load = pos_starts[starts] if pos_starts is not None else starts
    terms = len(starts) - 1
    infos: list[bytes] = []
    first = 0
    while first < terms:
        end = int(np.searchsorted(load, load[first] + PART_POSITIONS, "right")) - 1
        end = min(max(end, first + 1), terms)
        a, b = int(starts[first]), int(starts[end])
        part = SortedPostings(
            starts[first:end + 1] - a, postings.docs[a:b], postings.weights[a:b],
            postings.doc_lengths[a:b], counts[a:b] if counts is not None else None,
            positions[pos_starts[a]:pos_starts[b]]
            if positions is not None and pos_starts is not None else None,
            postings.values[a:b] if postings.values is not None else None,
            postings.fixed, postings.level)
        packed = pack(part, postfile.tell(), blocklimit)
        postfile.write(packed.data.tobytes())
        infos.append(packed.term_infos)
        first = end
    return b"".join(infos)


def _names(docs: list[dict[str, Any]], schema: Any) -> list[str]:
    """The fields the documents have a value for, in order of name."""
    names = sorted({name for doc in docs for name, value in doc.items()
                    if value is not None and not name.startswith("_")})
    for name in names:
        if name not in schema:
            raise ValueError(f"no field named {name!r} in the schema")
    return names


def _names_given(late: dict[str, list[Any]], schema: Any) -> list[str]:
    """`_names` of the late fields alone (name -> every document's value, all of them set
    on the documents): those some document has a value for."""
    names = sorted(name for name, values in late.items()
                   if not name.startswith("_") and any(v is not None for v in values))
    for name in names:
        if name not in schema:
            raise ValueError(f"no field named {name!r} in the schema")
    return names


def _is_whole_value(field: Any) -> bool:
    """Whether Whoosh indexes a text of the field as one term, the text itself (an ID field:
    IDTokenizer, no filter, Existence format)."""
    return type(field).index is FieldType.index and \
        type(field.analyzer) is IDTokenizer and type(field.format) is Existence


_COMMAS = KeywordAnalyzer(commas=True)


def _is_comma_keywords(field: Any) -> bool:
    """Whether Whoosh indexes a text of the field as its comma-separated items, each
    stripped, with their frequencies (a KEYWORD field with commas: the actor keys)."""
    return type(field).index is FieldType.index and type(field.format) is Frequency \
        and field.analyzer == _COMMAS


def _comma_terms(value: str, boost: float) -> list[tuple[bytes, int, float, bytes]]:
    """FieldType.index of such a field: each item (a run of characters other than commas,
    stripped) once, with its frequency, its weight (the frequency times the field's
    boost) and its frequency packed, in the order items first come."""
    found: dict[str, int] = {}
    for piece in value.split(","):
        if piece:
            item = piece.strip()
            found[item] = found.get(item, 0) + 1
    return [(item.encode("utf-8"), count, float(count) * boost, pack_uint(count))
            for item, count in found.items()]


def _datetime_terms(field: Any, value: datetime) -> list[tuple[bytes, int, float, bytes]]:
    """DATETIME.index of a datetime: its trie terms, one a shift step, the datetime made a
    number once (Whoosh's to_bytes makes it again for each of the eight)."""
    number = field.prepare_datetime(value)
    # NUMERIC.to_bytes of each shift, its number made sortable once, not once a shift
    if number == b"" or number is None or isinstance(number, bytes):
        return [(NUMERIC.to_bytes(field, number, shift), 1, 1.0, b"")
                for shift in range(0, field.bits, field.shift_step)]
    sortable = to_sortable(field.numtype, field.bits, field.signed,
                           field.prepare_number(number))
    pack = field._struct.pack
    return [(pack_byte(shift) + pack(sortable >> shift), 1, 1.0, b"")
            for shift in range(0, field.bits, field.shift_step)]


def _analysed(field: Any, name: str, docs: list[dict[str, Any]]
              ) -> tuple[_Generic, np.ndarray]:
    """A field's postings as Whoosh analyses it (`field.index`), and each document's
    length (the sum of its terms' frequencies, for a scorable field)."""
    found = _Generic()
    lengths = np.zeros(len(docs), np.int64)
    keep_values = field.format.fixed_value_size() != 0
    whole = _is_whole_value(field)
    dated = type(field) is DATETIME and field.shift_step
    commas = _is_comma_keywords(field)
    boost = field.format.field_boost
    # What Whoosh makes of each value met in the batch: the path of a file's articles,
    # the source, the time of indexing and many actor keys repeat from one to the next.
    made: dict[Any, list[tuple[bytes, int, float, bytes]]] = {}
    for docnum, doc in enumerate(docs):
        value = doc.get(name)
        if value is None:
            continue
        length = 0
        if whole and type(value) is str:  # IDTokenizer, Existence: the value itself
            postings = [(value.encode("utf-8"), 1, boost, b"")]
        elif dated and type(value) is datetime:
            postings = _datetime_terms(field, value)
        elif commas and type(value) is str:
            postings = _comma_terms(value, boost)
        else:
            postings = made.get(value)  # type: ignore[assignment]
            if postings is None:
                postings = made[value] = list(field.index(value))
        for term, frequency, weight, value_bytes in postings:
            found.terms.append(term)
            found.docs.append(docnum)
            found.weights.append(weight)
            if keep_values:
                found.values.append(value_bytes)
            length += frequency
        if field.scorable:
            lengths[docnum] = length
    return found, lengths


def _write_per_document(codec: Any, storage: Any, segment: Any, schema: Any,
                        names: list[str], docs: list[dict[str, Any]],
                        lengths: dict[str, np.ndarray]) -> None:
    """Stored fields, field lengths and columns, through the codec's own per-document
    writer, as SegmentWriter.add_document gives them to it."""
    perdoc = codec.per_document_writer(storage, segment)
    # (a field neither stored, nor with lengths, nor with a column has nothing here: the
    # writer's add_field does nothing with no value and no length)
    fields = [(name, schema[name], lengths[name].tolist() if name in lengths else None)
              for name in names if schema[name].stored or schema[name].column_type
              or (name in lengths and lengths[name].any())]
    if type(perdoc) is W3PerDocWriter:
        _columns_at_once(perdoc, fields, docs)
        perdoc.close()
        return
    for docnum, doc in enumerate(docs):
        perdoc.start_doc(docnum)
        for name, field, field_lengths in fields:
            value = doc.get(name)
            if value is None:
                continue
            length = field_lengths[docnum] if field_lengths is not None else 0
            perdoc.add_field(name, field, value if field.stored else None, length)
            column = field.column_type
            if column:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()
    perdoc.close()


def _columns_at_once(perdoc: W3PerDocWriter, fields: list[tuple[str, Any, list[int] | None]],
                     docs: list[dict[str, Any]]) -> None:
    """What the per-document loop gives Whoosh's W3PerDocWriter (start_doc, add_field and
    add_column_value for each field with a value, finish_doc), given it a column at a
    time: each column's writer takes the same values for the same documents in the same
    order, the columns are made in the order the loop would first meet them, and the
    field length totals are the same, added up in the same order. The loop's calls, five
    or more a field of each document, took a tenth of the writing process's time on short
    articles. A datetime's column value is made once for each distinct one."""
    count = len(docs)
    stored: list[dict[str, Any]] = [{} for _ in range(count)]
    # (first document, place in the loop, column name, column, values by document)
    columns: list[tuple[int, int, str, Any, list[tuple[int, Any]]]] = []
    totals: list[tuple[int, int, str, int]] = []  # (first document, place, field, total)
    for place, (name, field, field_lengths) in enumerate(fields):
        present = [(docnum, value) for docnum, doc in enumerate(docs)
                   if (value := doc.get(name)) is not None]
        if not present:
            continue
        if field.stored:
            for docnum, value in present:
                stored[docnum][name] = value
        if field_lengths is not None:
            measured = [(docnum, field_lengths[docnum]) for docnum, _ in present
                        if field_lengths[docnum]]
            if measured:
                columns.append((measured[0][0], 3 * place, _lenfield(name), LENGTHS_COLUMN,
                                [(docnum, length_to_byte(length))
                                 for docnum, length in measured]))
                totals.append((measured[0][0], place, name,
                               sum(length for _, length in measured)))
        column = field.column_type
        if column:
            made: dict[Any, Any] = {}
            values = []
            for docnum, value in present:
                if type(value) is datetime:
                    key = (value, value.tzinfo, value.fold)
                    found = made.get(key)
                    if found is None:
                        found = made[key] = field.to_column_value(value)
                else:
                    found = field.to_column_value(value)
                values.append((docnum, found))
            columns.append((present[0][0], 3 * place + 1, name, column, values))
    if any(stored):
        # ("_stored" is made with the writer: first of all)
        columns.append((-1, -1, "_stored", STORED_COLUMN,
                        [(docnum, values) for docnum, values in enumerate(stored) if values]))
    for _, _, name, column, values in sorted(columns, key=lambda c: (c[0], c[1])):
        if not perdoc._has_column(name):
            perdoc._create_column(name, column)
        add_all(perdoc._get_column(name), values)
    for _, _, name, total in sorted(totals, key=lambda t: (t[0], t[1])):
        perdoc._fieldlengths[name] += total
    perdoc._doccount = count
    perdoc._docnum = count - 1 if count else None


def _fast_postings(tokens: FieldTokens, vocabulary: Vocabulary, boost: float,
                   doc_lengths: np.ndarray) -> tuple[list[bytes], SortedPostings]:
    """The term bytes in order, and the postings, of a field tokenized into arrays."""
    if not len(tokens.terms):
        return [], SortedPostings(np.zeros(1, np.int64), *(np.zeros(0, np.int64),) * 3)
    used = np.flatnonzero(np.bincount(tokens.terms))
    text = vocabulary.term_text
    names = [text[i] for i in used.tolist()]
    by_name = sorted(range(len(names)), key=names.__getitem__)
    rank_of = np.empty(len(used), np.int64)
    rank_of[by_name] = np.arange(len(used))
    lookup = np.zeros(int(used[-1]) + 1, np.int32)
    lookup[used] = rank_of
    rank = lookup[tokens.terms]
    order = stable_order(rank)  # documents, then positions, stay in order
    rank, docs, positions = rank[order], tokens.docs[order], tokens.positions[order]
    del order  # (8 bytes a token, not needed for the postings made of these)
    opens = np.ones(len(rank), bool)
    opens[1:] = (rank[1:] != rank[:-1]) | (docs[1:] != docs[:-1])
    starts = np.flatnonzero(opens)
    counts = np.diff(np.append(starts, len(rank)))
    posting_docs = docs[starts]
    per_term = np.bincount(rank[starts], minlength=len(used))
    term_starts = np.concatenate(([0], np.cumsum(per_term)))
    postings = SortedPostings(term_starts, posting_docs, counts * float(boost),
                              doc_lengths[posting_docs], counts, positions)
    return [names[i].encode("utf-8") for i in by_name], postings


def stable_order(keys: np.ndarray) -> np.ndarray:
    """np.argsort(keys, kind="stable") of non-negative integers below 2**32: keys and
    positions packed into one uint64 each and sorted by numpy's SIMD sort (packed_sort.py),
    half the time of two passes of its radix sort over 16 bits each (1.4 million tokens:
    37 -> 19 ms). (Its 12 MB of packed pairs becomes the order returned: the radix passes'
    order, halves and reordered copy held as much.)"""
    return stable_argsort(keys)


def _generic_postings(found: _Generic, doc_lengths: np.ndarray
                      ) -> tuple[list[bytes], SortedPostings, list[bytes]]:
    """The term bytes in order, the postings and their values of a field Whoosh analysed."""
    if not found.terms:
        return [], SortedPostings(np.zeros(1, np.int64), *(np.zeros(0, np.int64),) * 3), []
    terms = sorted(set(found.terms))
    index = {term: i for i, term in enumerate(terms)}
    rank = np.fromiter(map(index.__getitem__, found.terms), np.int64, len(found.terms))
    order = stable_argsort(rank)
    docs = np.array(found.docs, np.int64)[order]
    term_starts = np.concatenate(([0], np.cumsum(np.bincount(rank, minlength=len(terms)))))
    values = [found.values[i] for i in order.tolist()] if found.values else []
    postings = SortedPostings(term_starts, docs, np.array(found.weights, np.float64)[order],
                              doc_lengths[docs])
    return terms, postings, values


def commit(writer: SegmentWriter, segment: Any, mergetype: Any = None) -> None:
    """Commit `writer` (its deletions, and the merge `mergetype` chooses, Whoosh's
    MERGE_SMALL by default) with `segment` (from write_segment, or None) added to the index.
    The writer itself was given no documents: its own empty segment is dropped. So is a
    segment whose every document is deleted: Whoosh keeps one till a merge picks it, and
    a recovery after a kill re-adds the batch Whoosh had committed (deleting it first),
    which left an 8.9 MB segment of no live document that no later commit removed. A
    merge built apart that chose it finds it gone and is abandoned (merge_swap.py)."""
    segments = [kept for kept in writer._merge_segments(mergetype, None, None)
                if not _all_deleted(kept)]
    if segment is not None:
        segments.append(segment)
    writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()


def _all_deleted(segment: Any) -> bool:
    """Whether every document of `segment` is deleted (none of its documents is live)."""
    try:
        return segment.doc_count_all() > 0 and segment.doc_count() == 0
    except Exception:  # noqa: BLE001 - a segment that cannot say is kept, as before
        return False
