"""The words of a batch of texts as term ids and positions in numpy arrays.

Whoosh's writer analyses a document one token at a time (a Token object, two generators
and a dictionary of positions per field). Here each text is split by one regex call
(analysis.WORD, the tokenizer every search uses) and its word forms become ids with one
C-level dictionary look-up each (`map(dict.get, ...)`); only a form met for the first time
goes through analysis.analysed (folding, stop words, stemming). What is left per batch is
array work: dropping the stop words, numbering positions, sorting postings."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

import numpy as np

from newsdesk.index import text_pieces
from newsdesk.index.analysis import WORD, analysed, word_regex
from newsdesk.index.storage import byte_words

# WORD for a text all in ASCII (most of them): with re.ASCII, \w is [a-zA-Z0-9_], which is
# what Unicode's \w matches of ASCII; the classes written out are the same; a fifth
# faster (no Unicode property looked up a character).
_ASCII_WORD = re.compile(WORD.pattern, re.ASCII)

# Word forms remembered between batches; past this, the table starts over at the next
# batch (a million articles meet a few million forms: numbers, names, typos), keeping the
# forms the batch before met KEEP_SEEN times or more (MAX_FORMS // 2 at most, the most met
# first): the common words, not each new name met once. About 400 bytes a form: a corpus
# whose names are nearly all new (200,000 a batch) held 250,000 forms, 100 MB, at 200,000.
MAX_FORMS = 100_000
KEEP_SEEN = 2
# Bytes of texts split as bytes at a time (Vocabulary._forms_of).
BYTES_AT_ONCE = 1 << 18
NOT_INDEXED = -1


@dataclass(slots=True)
class FieldTokens:
    """One field's indexed tokens in a batch, in document then position order (32-bit: a
    batch's body is about a million and a half tokens, and each array of them is there
    several times over while they are sorted)."""
    terms: np.ndarray  # int32 term id (Vocabulary.term_text) of each token
    docs: np.ndarray  # int32 document (0-based in the batch) of each token
    positions: np.ndarray  # int32 position of each token in its document's field
    lengths: np.ndarray  # int64 tokens of each document
    # With `keep_forms`: every word's form id (Vocabulary.form_text), stop words and
    # single letters included, and each document's number of them (the near-duplicate
    # sketch reads the words from these instead of splitting the texts again).
    forms: TextForms | None = None


@dataclass(slots=True)
class TextForms:
    """Each word of a field's texts as a form id of `vocabulary` (of its `generation`)."""
    forms: np.ndarray  # int32 form id of every word, text after text
    counts: np.ndarray  # int64 words of each text
    vocabulary: Vocabulary
    generation: int


class Vocabulary:
    """Word forms as ids, each with its term (stemmed) and its folded word."""

    def __init__(self) -> None:
        self._give_all = True
        self._clear()

    def _clear(self) -> None:
        self.generation = getattr(self, "generation", -1) + 1  # form ids start again
        self._batch_first = 0  # the first form id met in this batch
        self._form_ids: dict[str, int] = {}
        self.form_text: list[str] = []  # by form id: the word as written
        self._form_term: list[int] = []  # by form id: term id, or NOT_INDEXED
        self._form_word: list[str] = []  # by form id: folded word ("" if not indexed)
        self._term_ids: dict[str, int] = {}
        self.term_text: list[str] = []  # by term id
        self._term_array = np.zeros(0, np.int32)
        # (refilled as words are met: a kept form is found in _form_ids, not analysed)
        self._packed = byte_words.PackedForms()  # form ids by a word's bytes (byte_words.py)
        # Once past MAX_FORMS: how often the batch has met each form so far (by form id).
        self._met: np.ndarray | None = None

    def start_batch(self) -> None:
        """Called before each batch: bounds the memory the tables take."""
        if len(self._form_ids) > MAX_FORMS:
            self._start_over()
        self._met = None
        self._batch_first = 0 if self._give_all else len(self._form_term)
        self._give_all = False

    def many_forms(self) -> bool:
        """Whether the table holds more than MAX_FORMS forms (it starts over at the next
        batch): a run of many distinct words and names."""
        return len(self._form_ids) > MAX_FORMS

    def _start_over(self) -> None:
        """New form ids (a new generation), for only the forms the batch before met
        KEEP_SEEN times or more: their terms and words are kept, not worked out again.
        Each kept form's word is given again at the next batch, as after a start afresh."""
        met = self._met
        kept = np.zeros(0, np.int64)
        if met is not None:
            kept = np.flatnonzero(met >= KEEP_SEEN)
            if len(kept) > MAX_FORMS // 2:
                most = np.argsort(-met[kept], kind="stable")[:MAX_FORMS // 2]
                kept = np.sort(kept[most])
        form_text, form_term, form_word = self.form_text, self._form_term, self._form_word
        term_text = self.term_text
        self._clear()
        for old in kept.tolist():
            form = form_text[old]
            self._form_ids[form] = len(self._form_term)
            self.form_text.append(form)
            old_term = form_term[old]
            if old_term == NOT_INDEXED:
                self._form_term.append(NOT_INDEXED)
                self._form_word.append("")
                continue
            term = term_text[old_term]
            term_id = self._term_ids.get(term)
            if term_id is None:
                term_id = self._term_ids[term] = len(self.term_text)
                self.term_text.append(term)
            self._form_term.append(term_id)
            self._form_word.append(form_word[old])

    def give_all_words(self) -> None:
        """The next batch gives the words of all its forms (`tokens`), not only of those
        met first in it: its words go where those of the batches before may not be."""
        self._give_all = True

    def form_ids(self, text: str) -> list[int]:
        """The form id of every word of `text`, stop words and single letters included."""
        forms = (_ASCII_WORD if text.isascii() else word_regex(text)).findall(text)
        found = list(map(self._form_ids.get, forms))
        if None in found:
            for i, form_id in enumerate(found):
                if form_id is None:
                    found[i] = self._add(forms[i])
        return found  # type: ignore[return-value]

    def _add(self, form: str) -> int:
        form_id = self._form_ids.get(form)  # (met earlier in the same text)
        if form_id is not None:
            return form_id
        form_id = len(self._form_term)
        self._form_ids[form] = form_id
        self.form_text.append(form)
        entry = analysed(form)  # (its answer kept here: no cache filled)
        if entry is None:
            self._form_term.append(NOT_INDEXED)
            self._form_word.append("")
            return form_id
        word, term = entry
        term_id = self._term_ids.get(term)
        if term_id is None:
            term_id = self._term_ids[term] = len(self.term_text)
            self.term_text.append(term)
        self._form_term.append(term_id)
        self._form_word.append(word)
        return form_id

    def tokens(self, texts: list[str], words: set[str] | None = None,
               keep_forms: bool = False) -> FieldTokens:
        """The indexed tokens of `texts` (one field of each document of a batch). With
        `words`, every folded word indexed goes into it (the vocabulary prefix and fuzzy
        terms expand against), but for those of forms met in an earlier batch since the
        vocabulary was made, started again or told `give_all_words`: they were given then
        (a batch's 30,000 words went to the store again, each batch, to be ignored there).
        With `keep_forms`, every word's form id is kept too."""
        forms, counts = self._forms_of(texts)
        if len(self._form_term) > MAX_FORMS:  # (to start over at the next batch)
            self._count_met(forms)
        if len(self._term_array) != len(self._form_term):
            self._term_array = np.array(self._form_term, np.int32)
        terms = self._term_array[forms]
        keep = terms >= 0
        terms = terms[keep]
        if words is not None and len(terms):
            form_word = self._form_word
            seen = np.flatnonzero(np.bincount(forms[keep], minlength=1))
            seen = seen[seen >= self._batch_first]
            words.update(form_word[f] for f in seen.tolist())
        per_text = counts
        kept = TextForms(forms, per_text, self, self.generation) if keep_forms else None
        docs = np.repeat(np.arange(len(texts), dtype=np.int32), per_text)[keep]
        del forms, keep
        lengths = np.bincount(docs, minlength=len(texts)).astype(np.int64)
        # A token's position: the indexed tokens before it in its own document.
        firsts = np.cumsum(lengths) - lengths
        # (in 32 bits where the batch's tokens fit: 8 bytes a token less at the peak)
        wide = np.int32 if len(docs) < 1 << 31 else np.int64
        positions = (np.arange(len(docs), dtype=wide) - firsts.astype(wide)[docs]) \
            .astype(np.int32, copy=False)
        return FieldTokens(terms, docs, positions, lengths, kept)

    def _count_met(self, forms: np.ndarray) -> None:
        met = np.bincount(forms, minlength=len(self._form_term))
        if self._met is not None:
            met[:len(self._met)] += self._met
        self._met = met

    def _forms_of(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The form id of every word of `texts`, text after text (int32), and each text's
        number of words (int64): the texts `byte_words.splits_as_bytes` split as arrays of
        bytes (BYTES_AT_ONCE at a time: a run's arrays take about 100 bytes a word), the
        others (and those of a run that held two words of one hash) by WORD's `findall`,
        a text at a time."""
        per_text: list[np.ndarray | None] = [None] * len(texts)
        run: list[int] = []
        encoded: list[bytes] = []
        held = 0
        for i, text in enumerate(texts):
            if text and len(text) <= text_pieces.PIECE and byte_words.splits_as_bytes(text):
                data = text.encode("utf-8", "surrogatepass")
                if held + len(data) > BYTES_AT_ONCE and run:
                    self._split_as_bytes(run, encoded, per_text)
                    run, encoded, held = [], [], 0
                run.append(i)
                encoded.append(data)
                held += len(data) + 1
        if run:
            self._split_as_bytes(run, encoded, per_text)
        form_ids = self.form_ids
        for i, text in enumerate(texts):
            if per_text[i] is not None or not text:
                continue
            if len(text) > text_pieces.PIECE:
                # (A piece at a time: the whole text's forms at once were a list of 3.5
                # million strings for an article of 20 MB, 300 MB held.)
                flat = array("i")
                for piece in text_pieces.pieces(text):
                    flat += array("i", form_ids(piece))
                per_text[i] = np.frombuffer(flat, np.int32)
            else:
                per_text[i] = np.array(form_ids(text), np.int32)
        counts = np.fromiter((0 if ids is None else len(ids) for ids in per_text), np.int64,
                             len(texts))
        found = [ids for ids in per_text if ids is not None and len(ids)]
        return (np.concatenate(found) if found else np.zeros(0, np.int32)), counts

    def _split_as_bytes(self, run: list[int], encoded: list[bytes],
                        per_text: list[np.ndarray | None]) -> None:
        """The ids of the words of the texts `run` (their UTF-8 bytes `encoded`) into
        `per_text`; left None where two words of the run have one hash."""
        found = byte_words.form_ids(b"\n".join(encoded), self._packed, self._add)
        if found is None:
            return
        ids, starts = found
        sizes = np.fromiter(map(len, encoded), np.int64, len(encoded))
        text_starts = np.cumsum(sizes + 1) - (sizes + 1)
        bounds = np.searchsorted(starts, text_starts + sizes).tolist()
        first = 0
        for i, end in zip(run, bounds, strict=True):
            per_text[i] = ids[first:end]
            first = end
