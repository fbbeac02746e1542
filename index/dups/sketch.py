"""An article's MinHash signature: the set of its word pairs (two-word shingles), sketched
by rensa's MinHash, and the LSH band keys under which it is filed.

Word pairs, not single words: two reports on one subject share most of their words, and a
copy shares most of its pairs. Not three or more words: a synonym-spun copy changes about
one word in six, and every changed word takes with it each shingle it is part of.

The signature is NUM_PERM 32-bit minimums. LSH cuts BANDS bands of ROWS rows from it; two
articles whose signatures agree on every row of any one band are candidates. With 42 bands
of 3 rows a pair of Jaccard similarity 0.2 is a candidate with probability 0.29, 0.3 with
0.68, 0.4 with 0.94 (1 - (1 - s^3)^42); 4 rows missed a fifth of the trimmed copies of the
test set (tests/eval/dups), 2 rows made 20 times the candidates for a few more.

A candidate is kept when the smaller of the two is mostly in the other: the containment
|A ∩ B| / min(|A|, |B|), estimated from the signatures' Jaccard similarity J and the two
sizes as J (|A| + |B|) / ((1 + J) min(|A|, |B|)), is at least THRESHOLD. Containment, not
J alone: a copy trimmed to half its original has J near 0.5 however faithful it is. The
estimate is kept only where J itself is at least MIN_JACCARD: between a short article and a
long one it multiplies J by their sizes' ratio, and with it the noise of a few minimums
that agree by chance (seeds/001 against seeds/003, 15 times as long: 4 of 128 minimums
agree, and the estimate said 0.59); 0.1 still takes a copy cut to a tenth."""

from __future__ import annotations

import hashlib
import re
from array import array
from itertools import chain

import numpy as np

from newsdesk.index import text_pieces

NUM_PERM = 128
ROWS = 3
BANDS = NUM_PERM // ROWS  # 42 (the last two minimums are in no band)
SEED = 20261204  # fixed: signatures are stored, and must compare across runs
THRESHOLD = 0.5
MIN_JACCARD = 0.1
# Fewer word pairs than this and an article is too short to say it copies another (a
# headline-only record would be "contained" in every other with the same few words).
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+")
_LEFT = np.uint64(0x9E3779B97F4A7C15)  # odd constants: a pair (a, b) hashes unlike (b, a)
_RIGHT = np.uint64(0xC2B2AE3D27D4EB4F)
_BAND_MIX = np.array([0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB],
                     dtype=np.uint64)[:ROWS]


def version() -> str:
    """What the stored signatures depend on: another value and they are made anew."""
    from rensa import RMinHash

    return f"rensa-{RMinHash.ALGORITHM_VERSION}/{NUM_PERM}/{ROWS}/{SEED}/pairs4"


def word_pairs(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The word pairs (two-word shingles) of each text, as 64-bit hashes: one flat array,
    text after text; the offsets where each text's begin (len(texts) + 1 of them); and the
    number of distinct pairs of each text. Words are case-folded; titles are not given (a
    syndicated copy often rewrites its title).

    A word's hash is the first 8 bytes of its BLAKE2b digest (the same in every process,
    unlike Python's hash of a string), worked out once for each distinct word of `texts`;
    the pairs are made with numpy for all the texts at once (a text by itself where one is
    long: _pairs_text_by_text)."""
    if any(len(text) > text_pieces.PIECE for text in texts) or \
            sum(map(len, texts)) > BULK_CHARS:
        return _pairs_text_by_text(texts)
    return pairs_of(*word_hashes(texts))


# Characters of texts whose pairs are made all at once (word_hashes: a string a word, in
# lists of every text's words): past it a text at a time. 596 long articles (35 MB, a
# live blog of 59 KB the median) signed at once held 6 million word strings, the indexer
# at 856 MB.
BULK_CHARS = 2_000_000


def _pairs_text_by_text(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """word_pairs' answer (each text's pairs sorted, not in the text's order: the same
    signatures), made a text at a time and each text's words read a piece at a time
    (text_pieces): for all texts at once, the words of an article of 20 MB (the ingest's
    limit) were a list of 4 million strings and the pairs' arrays 9 of 8 bytes a word (340
    MB held); here a piece's words, and two arrays of 8 bytes a word at once."""
    index: dict[str, int] = {}
    ids: list[array[int]] = []
    for text in texts:
        found = array("i")  # (a text's distinct words are far fewer than 2**31)
        for piece in text_pieces.pieces(text):
            found.extend([index.setdefault(word, len(index)) for word in words_of(piece)])
        ids.append(found)
    vocabulary = np.frombuffer(b"".join(map(word_digest, index)), dtype="<u8") \
        .astype(np.uint64)
    del index
    pairs: list[np.ndarray] = []
    sizes = np.zeros(len(texts), dtype=np.int64)
    offsets = np.zeros(len(texts) + 1, dtype=np.uint64)
    for i in range(len(texts)):
        h = vocabulary[np.frombuffer(ids[i], dtype=np.int32)] if len(ids[i]) else \
            np.zeros(0, np.uint64)
        ids[i] = array("q")
        with np.errstate(over="ignore"):  # (in place: two arrays of the text at once)
            made = h[:-1] * _LEFT
            h ^= _RIGHT
            made += h[1:]
        del h
        if len(made):
            # Sorted in place (a signature's minimums are of the set, in any order), and
            # counted distinct without a copy of them.
            made.sort()
            sizes[i] = 1 + np.count_nonzero(made[1:] != made[:-1])
        pairs.append(made)
        offsets[i + 1] = offsets[i] + len(made)
    flat = pairs[0] if len(pairs) == 1 else np.concatenate(pairs) if pairs else \
        np.zeros(0, np.uint64)
    return flat, offsets, sizes


def word_digest(word: str) -> bytes:
    """A word's hash as word_pairs takes it: the first 8 bytes of its BLAKE2b digest (read
    as a little-endian unsigned 64-bit number)."""
    return hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def words_of(text: str) -> list[str]:
    """The words of a text as word_pairs reads them: case-folded, split at every non-word
    character."""
    return _WORD.findall(text.casefold())


def word_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The hash of every word of `texts` (words_of), text after text, and the number of
    words of each."""
    split = [words_of(text) for text in texts]
    index = {word: n for n, word in enumerate(dict.fromkeys(chain.from_iterable(split)))}
    digests = b"".join(map(word_digest, index))
    vocabulary = np.frombuffer(digests, dtype="<u8").astype(np.uint64)
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    every = np.fromiter(map(index.__getitem__, chain.from_iterable(split)), dtype=np.int64,
                        count=int(lengths.sum()))
    return vocabulary[every], lengths


def pairs_of(h: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """word_pairs of texts whose words' hashes are `h` (uint64), `lengths` of them a text."""
    count = len(lengths)
    owner = np.repeat(np.arange(count, dtype=np.int64), lengths)
    with np.errstate(over="ignore"):
        pairs = h[:-1] * _LEFT + (h[1:] ^ _RIGHT)
        same = owner[:-1] == owner[1:]  # not a pair across two texts
        pairs, owner = pairs[same], owner[:-1][same]
        # A pair repeated in a text changes no minimum: only the count of distinct pairs
        # needs them made distinct (per text: the text's number is mixed into the key).
        keys = pairs ^ (owner.astype(np.uint64) * _RIGHT)
    sizes = np.bincount(_first_owners(keys, owner), minlength=count)
    offsets = np.zeros(count + 1, dtype=np.uint64)
    np.cumsum(np.bincount(owner, minlength=count), out=offsets[1:])
    return pairs, offsets, sizes


def _first_owners(keys: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """The owner of the first of each distinct key: np.unique(keys, return_index=True)'s
    owners, by numpy's default argsort rather than the stable one return_index takes (a
    third less of the writing process's time in it). Equal keys sort together in any order;
    the least owner of each is the first's (owners ascend along `keys`)."""
    if len(keys) == 0:
        return owner[:0]
    order = np.argsort(keys)
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    return np.minimum.reduceat(owner[order], starts)


def signatures(pairs: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """One MinHash signature a row (uint32, NUM_PERM columns) for each set of hashed
    shingles, as word_pairs gives them (an empty set gets rensa's signature of nothing)."""
    from rensa import RMinHash  # here: only ingest needs it

    count = len(offsets) - 1
    if count <= 0:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(pairs, offsets, NUM_PERM, SEED)
    # Its rows come as lists of ints: each made an array("I") and added is half the time
    # of numpy reading the nested lists (4,000 rows: 17 -> 8.5 ms).
    flat = array("I")
    assert flat.itemsize == 4
    for row in matrix.to_rows():
        flat += array("I", row)
    return np.frombuffer(flat, dtype=np.uint32).reshape(count, NUM_PERM)


def band_keys(signatures: np.ndarray) -> np.ndarray:
    """The LSH keys of signatures (one row each): BANDS keys a row, each a signed 63-bit
    integer (SQLite's INTEGER) mixed from the band's rows and its number, so equal rows in
    different bands differ."""
    rows = signatures[:, :BANDS * ROWS].astype(np.uint64).reshape(-1, BANDS, ROWS)
    with np.errstate(over="ignore"):
        mixed = (rows * _BAND_MIX).sum(axis=2, dtype=np.uint64)
        mixed ^= np.arange(BANDS, dtype=np.uint64) * _LEFT
        mixed ^= mixed >> np.uint64(31)
        mixed *= _RIGHT
        mixed ^= mixed >> np.uint64(29)
    return (mixed >> np.uint64(1)).astype(np.int64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of minimums two signatures agree on: their Jaccard similarity, estimated."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def containment(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
    """How much of the smaller shingle set is in the other, estimated (at most 1)."""
    smaller = min(size_a, size_b)
    if smaller < MIN_SHINGLES:
        return 0.0
    j = jaccard(a, b)
    if j < MIN_JACCARD:
        return 0.0
    return min(1.0, j * (size_a + size_b) / ((1 + j) * smaller))


def to_blob(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
