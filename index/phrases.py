"""Where a phrase occurs, without Whoosh's span matchers.

Whoosh checks a phrase by walking the intersection of its words one posting at a time and
building span objects for every candidate document: "shares dlrs" at 100,000 articles has
20,000 candidates, one match, and took 0.6 s (twice: once to rank, once to count). Here
the candidates are the intersection of the words' document sets (set operations in C),
each word's postings are decoded only in the blocks that hold a candidate, and a
candidate's positions are compared as integer sets. The rule is Whoosh's (SpanNear2,
ordered, mindist 1): each word follows the one before it by 1 to `slop` positions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from pickle import loads

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.searching import Searcher

from index.blocks import in_segment, posting_blocks

# A phrase word's weight (its frequency in the document) and its positions.
Occurrence = tuple[float, list[int]]


def has_positions(schema: Schema, fieldname: str) -> bool:
    """Whether the field keeps word positions, which phrases need."""
    if fieldname not in schema:
        return False
    fmt = schema[fieldname].format
    return fmt is not None and fmt.supports("positions")


def phrase_occurrences(searcher: Searcher, phrase: wq.Phrase,
                       docs_of: Callable[[str, str], set[int]],
                       within: set[int] | None = None) -> dict[int, list[float]]:
    """The documents (searcher-wide numbers) in which `phrase` occurs, each with its words'
    weights in phrase order. `docs_of(field, text)` gives a word's live documents."""
    field, words, slop = phrase.fieldname, list(phrase.words), phrase.slop
    if not words:
        return {}
    sets = sorted((docs_of(field, w) for w in set(words)), key=len)
    candidates = set.intersection(*sets) if sets else set()
    if within is not None:
        candidates &= within
    found: dict[int, list[float]] = {}
    if not candidates:
        return found
    ordered = sorted(candidates)
    for reader, offset in searcher.reader().leaf_readers():
        local = in_segment(ordered, offset, reader)
        if not local:
            continue
        per_word = {w: _occurrences(reader, field, w, local) for w in set(words)}
        for docnum in local:
            occurrences = [per_word[w].get(docnum) for w in words]
            if any(o is None for o in occurrences):
                continue
            if _in_order([o[1] for o in occurrences], slop):  # type: ignore[index]
                found[docnum + offset] = [o[0] for o in occurrences]  # type: ignore[index]
    return found


def _in_order(positions: list[list[int]], slop: int) -> bool:
    """Whether some position of each word follows one of the word before by 1..slop."""
    ends = set(positions[0])
    gaps = range(1, slop + 1)
    for following in positions[1:]:
        reach = {e + 1 for e in ends} if slop == 1 else {e + g for e in ends for g in gaps}
        ends = reach.intersection(following)
        if not ends:
            return False
    return True


def _occurrences(reader: object, field: str, word: str, local: list[int]
                 ) -> dict[int, Occurrence]:
    """One word's weight and positions in each of the sorted segment document numbers
    `local` that hold it, decoding only the posting blocks that may hold one of them."""
    found: dict[int, Occurrence] = {}
    for block in posting_blocks(reader, field, word, local):
        ids = block._ids
        first = bisect_left(local, ids[0])
        held = []  # (document, index in the block)
        for docnum in local[first:bisect_right(local, ids[-1])]:
            i = bisect_left(ids, docnum)
            if i < len(ids) and ids[i] == docnum:
                held.append((docnum, i))
        if not held:
            continue
        block._read_weights()
        block._read_values()
        weights, values = block._weights, block._values
        positions = positions_of([values[i] for _, i in held])
        for (docnum, i), where in zip(held, positions, strict=True):
            found[docnum] = (weights[i], where)
    return found


def positions_of(values: list[bytes]) -> list[list[int]]:
    """Positions posting values (whoosh.formats.Positions: the frequency in 4 bytes, then
    the pickled list of position deltas), decoded with one pickle call for all: each
    value's list, without its protocol and stop codes, becomes an item of one pickled list
    (a call per value cost 2 µs: 40,000 calls for "last year" at 100,000 articles)."""
    if not all(v.startswith(_PROTOCOL_2, 4) for v in values):
        return [list(accumulate(loads(v[4:]))) for v in values]  # not as Whoosh 2.7 writes
    inner = b"".join(v[6:-1] if v.endswith(b".") else v[6:] for v in values)
    return [list(accumulate(codes)) for codes in loads(_PROTOCOL_2 + b"(" + inner + b"l.")]


_PROTOCOL_2 = b"\x80\x02"
