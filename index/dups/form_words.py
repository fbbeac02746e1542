"""The near-duplicate sketch's words of a batch's texts, read from the word forms the
segment writer already split them into, instead of splitting every text a second time.

The writer splits each text with analysis.WORD and numbers each distinct form
(storage/term_ids.py); the sketch (dups/sketch.py) wants the text case-folded and split
at every non-word character. A form of WORD is runs of word characters joined by dots,
each run whole (a form starts and ends where a run does), and case folding works a
character at a time, so the sketch's words of a text are its forms' own, in turn
(`sketch.words_of` of each form), whenever no character between the forms folds into a
word character. That holds for every ASCII text; a text with a character that does
(U+0345 folds to a Greek iota) is split as before. Each form's words are hashed once
for the whole run, not once for each chunk of texts: the hashes, and so the signatures,
are the same as sketch.word_hashes makes."""

from __future__ import annotations

import re
from array import array
from functools import lru_cache

import numpy as np

from newsdesk.index.analysis import CJK_CHAR
from newsdesk.index.dups import sketch
from newsdesk.index.storage.term_ids import TextForms, Vocabulary

# Runs of ASCII: what is left of a text without them is its few characters outside ASCII.
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_ANY_WORD = re.compile(r"\w")


@lru_cache(maxsize=4096)
def _folds_to_word(char: str) -> bool:
    return _ANY_WORD.search(char.casefold()) is not None


def split_alike(text: str) -> bool:
    """Whether the sketch's words of `text` are those of its forms, in turn."""
    if text.isascii():
        return True
    # The characters outside ASCII, the ASCII runs cut out in one pass: a text's few (a
    # BBC text's curly quotes and pound signs). The Han, Kana and Thai characters are
    # looked for among them only, none being ASCII: a search of the whole text tried the
    # class's fourteen ranges at every character (24 of 30 us a BBC text outside ASCII).
    rest = _ASCII_RUNS.sub("", text)
    if CJK_CHAR.search(rest):  # (a form is one Han, Kana or Thai character: WORD_CJK)
        return False
    # Of those, the ones that are no word characters (that may stand between forms), each
    # once (a findall of [^\w\x00-\x7f] tested each character of the text: 5 times as
    # long on BBC texts with a curly quote or a pound sign).
    return not any(_folds_to_word(char) for char in set(rest) if not _ANY_WORD.match(char))


class FormWords:
    """The hashes of each form's sketch words, for the forms of one vocabulary (started
    again when the vocabulary starts its forms again)."""

    def __init__(self) -> None:
        self._vocabulary: Vocabulary | None = None
        self._generation = -1
        self._counts = array("q")  # by form id: its number of words
        self._digests = bytearray()  # its words' hashes, form after form
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def _arrays_for(self, vocabulary: Vocabulary, generation: int
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(each form's first hash, each form's number of hashes, every hash)."""
        if vocabulary is not self._vocabulary or generation != self._generation:
            self._counts, self._digests, self._arrays = array("q"), bytearray(), None
            self._vocabulary, self._generation = vocabulary, generation
        forms = vocabulary.form_text
        known = len(self._counts)
        if known < len(forms) or self._arrays is None:
            counts, digests, digest, words_of = self._counts, self._digests, \
                sketch.word_digest, sketch.words_of
            for form in forms[known:]:
                words = words_of(form)
                counts.append(len(words))
                for word in words:
                    digests += digest(word)
            number = np.frombuffer(counts, np.int64).copy() if counts else \
                np.zeros(0, np.int64)  # (a copy: the array grows at the next batch)
            hashes = np.frombuffer(bytes(digests), "<u8").astype(np.uint64)
            self._arrays = (np.cumsum(number) - number, number, hashes)
        return self._arrays

    def hashes(self, forms: TextForms, which: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """sketch.word_hashes of the texts `which` (their numbers among the texts of
        `forms`, in increasing order): every word's hash, text after text, and the number
        of words of each."""
        first, number, every = self._arrays_for(forms.vocabulary, forms.generation)
        ends = np.cumsum(forms.counts)
        starts = ends - forms.counts
        chosen = np.asarray(which, np.int64)
        # The chosen texts' form ids, text after text.
        spans = forms.counts[chosen]
        taken = np.repeat(starts[chosen] - (np.cumsum(spans) - spans), spans) + \
            np.arange(int(spans.sum()))
        ids = forms.forms[taken]
        per_form = number[ids]
        # Each form's hashes in turn.
        total = int(per_form.sum())
        at = np.repeat(first[ids] - (np.cumsum(per_form) - per_form), per_form) + \
            np.arange(total)
        words_before = np.concatenate(([0], np.cumsum(per_form)))
        text_ends = np.cumsum(spans)
        lengths = words_before[text_ends] - words_before[text_ends - spans]
        return every[at], lengths
