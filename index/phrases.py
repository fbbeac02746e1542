"""Where a phrase occurs, without Whoosh's span matchers.

Whoosh checks a phrase by walking the intersection of its words one posting at a time and
building span objects for every candidate document: "shares dlrs" at 100,000 articles has
20,000 candidates, one match, and took 0.6 s (twice: once to rank, once to count). Here
the candidates are the intersection of the words' document sets (set operations in C),
each word's postings are decoded only in the blocks that hold a candidate, and the
positions of all candidates in a segment are compared at once, as sets of numbers, with
no Python step a position ("last year" in the bodies of 100,000 articles: 20,000
candidates, 12,000 matches; 124 ms comparing a candidate at a time with Whoosh's pickled
positions, 63 ms this way with index/positions.py's arrays). The rule is Whoosh's (SpanNear2,
ordered, mindist 1): each word follows the one before it by 1 to `slop` positions."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, compress, repeat
from operator import add, floordiv, lshift, rshift, sub
from typing import Any, NamedTuple

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.searching import Searcher

from index.blocks import in_segment, posting_blocks
from index.codec import ArrayLeafMatcher
from index.positions import WIDTH as POSITION_WIDTH
from index.positions import ArrayPositions, decode_positions


def has_positions(schema: Schema, fieldname: str) -> bool:
    """Whether the field keeps word positions, which phrases need."""
    if fieldname not in schema:
        return False
    fmt = schema[fieldname].format
    return fmt is not None and fmt.supports("positions")


class SegmentMatches(NamedTuple):
    """The documents of one segment in which a phrase occurs (segment numbers), and each
    phrase word's weight in each of them (a list per word, in phrase order)."""
    reader: Any
    offset: int
    docnums: list[int]
    weights: list[list[float]]


class PhraseCache:
    """Where phrases occur, kept for one searcher: search as you type repeats a finished
    phrase at every keystroke that follows it (`"last year" o`, `"last year" oi`, ...),
    and a query's count and its views look for it again. Bounded by the documents held.
    What it hands out is shared: never change it."""

    def __init__(self, budget: int = 500_000) -> None:
        self.budget = budget
        self._held = 0
        self._found: OrderedDict[tuple[str, tuple[str, ...], int], list[SegmentMatches]] = \
            OrderedDict()

    def get(self, key: tuple[str, tuple[str, ...], int]) -> list[SegmentMatches] | None:
        found = self._found.get(key)
        if found is not None:
            self._found.move_to_end(key)
        return found

    def put(self, key: tuple[str, tuple[str, ...], int], found: list[SegmentMatches]) -> None:
        size = sum(len(m.docnums) for m in found)
        if size > self.budget:
            return
        while self._found and self._held + size > self.budget:
            _, dropped = self._found.popitem(last=False)
            self._held -= sum(len(m.docnums) for m in dropped)
        self._found[key] = found
        self._held += size


def phrase_occurrences(searcher: Searcher, phrase: wq.Phrase,
                       docs_of: Callable[[str, str], set[int]],
                       within: set[int] | None = None,
                       cache: PhraseCache | None = None) -> list[SegmentMatches]:
    """Where `phrase` occurs, segment by segment. `docs_of(field, text)` gives a word's
    live documents. With `within`, only in those documents (searcher-wide numbers)."""
    key = (phrase.fieldname, tuple(phrase.words), phrase.slop)
    found = cache.get(key) if cache is not None else None
    if found is None and (cache is None or within is not None):
        return _occurrences(searcher, phrase, docs_of, within)
    if found is None:
        found = _occurrences(searcher, phrase, docs_of, None)
        cache.put(key, found)  # type: ignore[union-attr]
    return found if within is None else [_restricted(m, within) for m in found]


def _restricted(matches: SegmentMatches, within: set[int]) -> SegmentMatches:
    """The matches in `within` (searcher-wide numbers)."""
    keep = [d + matches.offset in within for d in matches.docnums]
    return SegmentMatches(matches.reader, matches.offset,
                          list(compress(matches.docnums, keep)),
                          [list(compress(weights, keep)) for weights in matches.weights])


def _occurrences(searcher: Searcher, phrase: wq.Phrase,
                 docs_of: Callable[[str, str], set[int]],
                 within: set[int] | None) -> list[SegmentMatches]:
    field, words, slop = phrase.fieldname, list(phrase.words), phrase.slop
    if not words:
        return []
    sets = sorted((docs_of(field, w) for w in set(words)), key=len)
    candidates = set.intersection(*sets) if sets else set()
    if within is not None:
        candidates &= within
    if not candidates:
        return []
    ordered = sorted(candidates)
    found = []
    for reader, offset in searcher.reader().leaf_readers():
        local = in_segment(ordered, offset, reader)
        if not local:
            continue
        postings = {w: _WordPostings(reader, field, w, local) for w in set(words)}
        ends = _exact(words, postings) if slop <= 1 else _near(words, postings, slop)
        docnums = list(set(map(rshift, ends, repeat(_SHIFT))).intersection(local))
        if docnums:
            found.append(SegmentMatches(reader, offset, docnums,
                                        [list(map(postings[w].weights.__getitem__, docnums))
                                         for w in words]))
    return found


def phrase_docnums(searcher: Searcher, phrase: wq.Phrase,
                   docs_of: Callable[[str, str], set[int]],
                   cache: PhraseCache | None = None) -> set[int]:
    """The documents (searcher-wide numbers) in which `phrase` occurs."""
    found: set[int] = set()
    for matches in phrase_occurrences(searcher, phrase, docs_of, cache=cache):
        found.update(map(matches.offset.__add__, matches.docnums))
    return found


# Each position of a word is one number: the document number shifted left by _SHIFT plus
# the position (a document has fewer than 2 ** _SHIFT words). A set of such numbers holds
# the positions of every candidate document at once, and sets intersect in C.
_SHIFT = 40


def _exact(words: list[str], postings: dict[str, _WordPostings]) -> set[int]:
    """Where the phrase starts: word k at start + k. A set is made of the word with the
    fewest positions; the others' positions only stream through the intersection."""
    order = sorted(range(len(words)), key=lambda k: postings[words[k]].size)
    first = order[0]
    starts = set(postings[words[first]].less(first))
    for k in order[1:]:
        if not starts:
            break
        starts = starts.intersection(postings[words[k]].less(k))
    return starts


def _near(words: list[str], postings: dict[str, _WordPostings], slop: int) -> set[int]:
    """Positions in the documents where each word follows the one before it by 1 to `slop`
    positions (Whoosh's SpanNear2, ordered, mindist 1): where the last word ends a match,
    or for two words, where one of them is in a match."""
    if len(words) == 2:
        # A set of the rarer word's positions; the other's stream through it once for each
        # distance (a set of each position reached, `slop` times the size, costs more).
        first, second = postings[words[0]], postings[words[1]]
        rarer, other, sign = (first, second, 1) if first.size <= second.size else \
            (second, first, -1)
        held = set(rarer.numbers)
        found: set[int] = set()
        for gap in range(1, slop + 1):
            found |= held.intersection(other.less(sign * gap))
        return found
    ends = set(postings[words[0]].numbers)
    for word in words[1:]:
        if not ends:
            break
        reach = set(chain.from_iterable(map(range, map((1).__add__, ends),
                                            map((slop + 1).__add__, ends))))
        ends = reach.intersection(postings[word].numbers)
    return ends


class _WordPostings:
    """A word's postings in the candidate documents `local` (sorted segment numbers): its
    weight in each document of the blocks that hold any, and each of its positions in the
    candidates as one number (see _SHIFT)."""

    def __init__(self, reader: Any, field: str, word: str, local: list[int]) -> None:
        self.weights: dict[int, float] = {}
        fmt = reader.schema[field].format
        arrays = isinstance(fmt, ArrayPositions)
        wanted = set(local)
        numbers = []
        for block in posting_blocks(reader, field, word, local):
            block._read_weights()
            ids = block._ids
            self.weights.update(zip(ids, block._weights, strict=True))
            if arrays and isinstance(block, ArrayLeafMatcher):
                lengths, blob = block.value_parts()
                counts = list(map(floordiv, lengths, repeat(POSITION_WIDTH)))
                positions = decode_positions(blob)
            else:  # an index written before positions were arrays
                block._read_values()
                decoded = list(map(fmt.decode_positions, block._values))
                counts, positions = list(map(len, decoded)), list(chain.from_iterable(decoded))
            numbers.append(_block_numbers(ids, counts, positions,
                                          list(map(wanted.__contains__, ids))))
        # Chained maps, so that no position passes through a Python frame.
        self.numbers: list[int] = list(chain.from_iterable(numbers))
        self.size = len(self.numbers)

    def less(self, back: int) -> Iterable[int]:
        """The positions' numbers less `back`."""
        return map(sub, self.numbers, repeat(back)) if back else self.numbers


def _block_numbers(ids: tuple[int, ...], counts: list[int], positions: Any,
                   keep: list[bool]) -> Iterator[int]:
    """The numbers of a block's positions in the documents to `keep` (a flag a posting)."""
    bases = map(lshift, ids, repeat(_SHIFT))
    numbers = map(add, chain.from_iterable(map(repeat, bases, counts)), positions)
    if all(keep):
        return numbers
    return compress(numbers, chain.from_iterable(map(repeat, keep, counts)))
