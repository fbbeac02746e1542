"""A batch's words numbered without a Python string made for each word.

Vocabulary.tokens (term_ids.py) split each text with analysis.WORD's `findall` and looked
each word up by its string: a string object made and hashed for every word of every
text, 1.1 million of them in 5,000 long articles, where a batch's distinct words are a
few tens of thousands. Here the texts whose words are ASCII runs (`splits_as_bytes`: all
English news, and the many with a curly quote or a pound sign but no letter outside
ASCII) are split by numpy over their UTF-8 bytes as one array: a word's bytes are read
as two 64-bit integers (its first 16 bytes, zero-padded: a word has no zero byte, so
the pair is the word itself, exactly), the batch's words are grouped by them with one
sort, and only each distinct word is looked up, by its pair, in a table of numpy arrays
(`PackedForms`); a string is made only for a word met for the first time (and for the
rare word longer than 16 bytes). The words are exactly those WORD's `findall` finds.

WORD on text whose word characters are all ASCII is: runs of [A-Za-z0-9_], joined by a
dot that has a word character on each side and is not followed by a capital and a small
letter (analysis.py; its other join, after a dot that leads on to an '@', is for emails:
a text with an '@' is left to the regex, as is one with an invisible joiner or a word
character outside ASCII, which WORD joins or keeps in words)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from newsdesk.index.folding import IN_WORD_INVISIBLE
from newsdesk.index.marks import MARKS
from newsdesk.index.storage.packed_sort import stable_argsort

_WORD_BYTE = np.zeros(256, bool)
_WORD_BYTE[np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_",
                         np.uint8)] = True
_UPPER_BYTE = np.zeros(256, bool)
_UPPER_BYTE[ord("A"):ord("Z") + 1] = True
_LOWER_BYTE = np.zeros(256, bool)
_LOWER_BYTE[ord("a"):ord("z") + 1] = True
_DOT = ord(".")
# The low `n` bytes of a 64-bit integer (n = 0..8).
_LOW_BYTES = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
PACKED = 16  # bytes: longer words are looked up by their strings
# Odd multipliers: a word of up to 8 bytes (most) has a hash of its own (a product by an
# odd number is one-to-one modulo 2**64); longer ones are checked against their pairs.
_MIX_1 = np.uint64(0x9E3779B97F4A7C15)
_MIX_2 = np.uint64(0xC2B2AE3D27D4EB4F)

_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_ANY_WORD = re.compile(r"\w")
_MARK = re.compile(f"[{MARKS}]")


@lru_cache(maxsize=4096)
def _joins_or_in_word(char: str) -> bool:
    # (A combining mark stays inside its word: "Zu\u0308rich" is one word, analysis.WORD_MARKS.)
    return char in IN_WORD_INVISIBLE or _ANY_WORD.match(char) is not None \
        or _MARK.match(char) is not None


def splits_as_bytes(text: str) -> bool:
    """Whether WORD's words of `text` are those `spans` finds in its UTF-8 bytes: no '@',
    and no character outside ASCII that is a word character or an invisible joiner (one
    that is neither is a break between words, as each of its bytes is here)."""
    if "@" in text:
        return False
    if text.isascii():
        return True
    return not any(map(_joins_or_in_word, set(_ASCII_RUNS.sub("", text))))


def spans(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (starts, ends) of WORD's words in `data` (uint8, of texts `splits_as_bytes`)."""
    size = len(data)
    inside = _WORD_BYTE[data]
    if size >= 3:
        # A dot joins where a word character is on each side and the two bytes after it
        # are not a capital and a small letter.
        joins = (data[1:-1] == _DOT) & inside[:-2] & inside[2:]
        if joins.any():
            small_next = np.zeros(size - 2, bool)
            small_next[:-1] = _LOWER_BYTE[data[3:]]
            joins &= ~(_UPPER_BYTE[data[2:]] & small_next)
            inside[1:-1] |= joins
    edges = np.diff(inside.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def pairs(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    """Each word's first 8 bytes and next 8 (little-endian, zero past its end) as two
    uint64 (words of up to PACKED bytes: the pair is the word)."""
    padded = np.zeros(len(data) + 2 * 8 + 1, np.uint8)
    padded[:len(data)] = data
    # Every offset's next 8 bytes as one integer: a view, no copy.
    at = np.ndarray(shape=(len(data) + 9,), dtype="<u8", buffer=padded, strides=(1,))
    first = at[starts] & _LOW_BYTES[np.minimum(lengths, 8)]
    second = at[starts + 8] & _LOW_BYTES[np.clip(lengths - 8, 0, 8)]
    return first.astype(np.uint64, copy=False), second.astype(np.uint64, copy=False)


def mixed(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return first * _MIX_1 ^ second * _MIX_2


class PackedForms:
    """Form ids by a word's pair, as arrays sorted by the pairs' hashes (no Python object
    a word: 200,000 forms in 6 MB)."""

    def __init__(self) -> None:
        self._hashes = np.zeros(0, np.uint64)
        self._first = np.zeros(0, np.uint64)
        self._second = np.zeros(0, np.uint64)
        self._ids = np.zeros(0, np.int32)

    def __len__(self) -> int:
        return len(self._ids)

    def find(self, hashes: np.ndarray, first: np.ndarray, second: np.ndarray
             ) -> np.ndarray:
        """The form id of each pair (its hash given), -1 where it is not held."""
        found = np.full(len(hashes), -1, np.int32)
        if not len(self._hashes) or not len(hashes):
            return found
        at = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
        same = (self._hashes[at] == hashes) & (self._first[at] == first) & \
            (self._second[at] == second)
        found[same] = self._ids[at[same]]
        return found

    def holds_hash(self, hashes: np.ndarray) -> np.ndarray:
        if not len(self._hashes):
            return np.zeros(len(hashes), bool)
        at = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
        return self._hashes[at] == hashes

    def add(self, hashes: np.ndarray, first: np.ndarray, second: np.ndarray,
            ids: np.ndarray) -> None:
        """Hold these pairs (hashes distinct, none held yet): put in their places, the
        arrays kept sorted (no sort of all of them again)."""
        order = np.argsort(hashes, kind="stable")
        hashes = hashes[order]
        at = np.searchsorted(self._hashes, hashes)
        self._hashes = np.insert(self._hashes, at, hashes)
        self._first = np.insert(self._first, at, first[order])
        self._second = np.insert(self._second, at, second[order])
        self._ids = np.insert(self._ids, at, ids[order].astype(np.int32))


def form_ids(data: bytes, packed: PackedForms, by_string: Callable[[str], int]
             ) -> tuple[np.ndarray, np.ndarray] | None:
    """The form id of every word of `data` (the UTF-8 bytes of texts `splits_as_bytes`,
    each after the one before and a byte that is no word character), and where each word
    starts; `by_string` gives a word's form id by its string (making one for a form met
    for the first time). None where two distinct words of the batch have the same hash (the
    caller splits the texts as before)."""
    array = np.frombuffer(data, np.uint8)
    starts, ends = spans(array)
    ids = np.empty(len(starts), np.int32)
    if not len(starts):
        return ids, starts
    lengths = ends - starts
    short = lengths <= PACKED
    where_short = np.flatnonzero(short)
    first, second = pairs(array, starts[where_short], lengths[where_short])
    hashes = mixed(first, second)
    # The distinct words: sorted by hash (stable: each group's first is its earliest).
    order = stable_argsort(hashes)
    ordered = hashes[order]
    opens = np.ones(len(ordered), bool)
    opens[1:] = ordered[1:] != ordered[:-1]
    group = np.cumsum(opens) - 1
    heads = order[opens]  # (in where_short) each distinct word's first
    if not (np.array_equal(first[order], first[heads][group])
            and np.array_equal(second[order], second[heads][group])):
        return None  # (two words, one hash)
    head_hashes, head_first, head_second = hashes[heads], first[heads], second[heads]
    found = packed.find(head_hashes, head_first, head_second)
    missing = np.flatnonzero(found < 0)
    if len(missing):
        if packed.holds_hash(head_hashes[missing]).any():
            return None  # (a word of the batch, one of a word held)
        # Met for the first time (as packed words): in the order met, by their strings.
        missing = missing[np.argsort(heads[missing], kind="stable")]
        word_starts = starts[where_short[heads[missing]]]
        word_ends = ends[where_short[heads[missing]]]
        made = np.fromiter((by_string(data[s:e].decode("ascii"))
                            for s, e in zip(word_starts.tolist(), word_ends.tolist(),
                                            strict=True)),
                           np.int32, len(missing))
        found[missing] = made
        packed.add(head_hashes[missing], head_first[missing], head_second[missing], made)
    by_word = np.empty(len(order), np.int32)
    by_word[order] = found[group]
    ids[where_short] = by_word
    if len(where_short) < len(starts):
        longer = np.flatnonzero(~short)
        ids[longer] = np.fromiter(
            (by_string(data[s:e].decode("ascii"))
             for s, e in zip(starts[longer].tolist(), ends[longer].tolist(), strict=True)),
            np.int32, len(longer))
    return ids, starts
