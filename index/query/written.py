"""Where a quoted word or phrase occurs as written, from the index alone.

A search field ("body") holds each word's stem; its field of the words as written
(storage/schema.FORMS_SUFFIX, "body_written") holds, at the same positions, each word
that is not its own stem, folded ("universe", "ministers"; not "prime", "said": half of a
text's words, left out to keep the build's cost down). So the positions of a word as
written are those of that field's term when the word is not its own stem, and otherwise
its stem's positions less those of the stem's other words (all of them in that field):
"prime" is every "prime" of the stems less "primed" and "primes". Those positions, place by
place, go through phrases.py's comparisons (Whoosh's rule for phrases and proximity, the
same as the stems' query), segment by segment, as numpy arrays: no text read, however many
articles the stems find (the texts of 3,396 candidates read for `"prime minister"` took
0.32 s of 0.34 at 30,000 long articles)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from newsdesk.index import analysis
from newsdesk.index.query.phrases import (
    _SHIFT,
    _common,
    _distinct,
    _exact,
    _members,
    _near,
    _WordPositions,
)
from newsdesk.index.storage.posting_arrays import TermBlocks, live
from newsdesk.index.storage.schema import forms_field


@dataclass(frozen=True, slots=True)
class WrittenPlace:
    """A place of a phrase filled by any of some words as written: `words`, those that are
    not their own stem (terms of the field of the words as written), and `own`, for each
    wanted word that is its own stem, that stem and the other words of it (whose positions
    are taken from the stem's)."""

    words: tuple[str, ...]
    own: tuple[tuple[str, tuple[str, ...]], ...]


def written_place(forms: frozenset[str], others: dict[str, set[str]]) -> WrittenPlace:
    """The place of the words `forms` (folded); `others[stem]`: every word of that stem the
    index holds (for the stems among `forms`)."""
    words = tuple(sorted(f for f in forms if analysis.stem(f) != f))
    own = tuple((f, tuple(sorted(others[f] - {f}))) for f in sorted(forms)
                if analysis.stem(f) == f)
    return WrittenPlace(words, own)


def written_docnums(searcher: Any, fieldname: str,
                    slots: tuple[tuple[WrittenPlace, int], ...], slop: int) -> set[int]:
    """The live documents (searcher-wide numbers) in whose field `fieldname` the phrase of
    `slots` (each place with its distance from the first) occurs as written, by Whoosh's
    rule for a phrase's `slop` (1: adjacent), as phrases.py compares them."""
    written = forms_field(fieldname)
    found: set[int] = set()
    for reader, offset in searcher.reader().leaf_readers():
        block = _Blocks(reader)
        candidates = None
        for place, _ in slots:
            docs = [block(written, w).read().docnums for w in place.words]
            docs += [block(fieldname, stem).read().docnums for stem, _ in place.own]
            held = np.unique(np.concatenate(docs)) if len(docs) > 1 else \
                (docs[0] if docs else np.zeros(0, np.int64))
            candidates = held if candidates is None else _common(candidates, held)
            if not len(candidates):
                break
        if candidates is None or not len(candidates):
            continue
        candidates = candidates[live(reader, candidates)]
        if not len(candidates):
            continue
        numbers = [_place_numbers(place, fieldname, written, block, candidates)
                   for place, _ in slots]
        offsets = [at for _, at in slots]
        if len(slots) == 1:
            ends = numbers[0]
        else:
            ends = _exact(numbers, offsets) if slop <= 1 else _near(numbers, offsets, slop)
        found.update((_distinct(ends >> _SHIFT) + offset).tolist())
    return found


class _Blocks:
    """A segment's TermBlocks by (field, term), each made once."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._made: dict[tuple[str, str], TermBlocks] = {}

    def __call__(self, field: str, term: str) -> TermBlocks:
        found = self._made.get((field, term))
        if found is None:
            found = self._made[(field, term)] = TermBlocks(self._reader, field, term)
        return found


def _place_numbers(place: WrittenPlace, fieldname: str, written: str, block: _Blocks,
                   candidates: np.ndarray) -> np.ndarray:
    """The positions (phrases._SHIFT numbers) of a place's words in the candidates."""
    parts = [_WordPositions(block(written, w), candidates).numbers for w in place.words]
    for stem, others in place.own:
        numbers = _WordPositions(block(fieldname, stem), candidates).numbers
        if others and len(numbers):
            other = [_WordPositions(block(written, w), candidates).numbers for w in others]
            taken = np.concatenate(other)
            if len(taken):
                taken.sort()
                numbers = numbers[~_members(numbers, taken)]
        parts.append(numbers)
    if not parts:
        return np.zeros(0, np.int64)
    if len(parts) == 1:
        return parts[0]
    merged = np.concatenate(parts)
    merged.sort()
    return merged
