"""What sets a result set apart: the words and two-word phrases most over-represented in
its hits against the whole corpus (keyness), and the collocates of a query word.

Keyness is log-likelihood (G2) as AntConc computes it for a keyword list, with the hits as
the target corpus and the rest of the corpus as the reference:

    E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
    G2 = 2 (a ln(a / E1) + b ln(b / E2))

a: the word's occurrences in the target, b: in the reference, c and d: the two corpora's
sizes in words. Only words more frequent in the target than in the reference (a/c > b/d)
are keywords. The target is a seeded random sample of the hits (at most SAMPLE articles,
their bodies tokenized as the index tokenizes them); the corpus totals are the index's term
statistics (each term's frequency, the body field's length), the sample's own counts taken
out of them. A two-word phrase's corpus total is counted exactly from the index's word
positions, for the phrases most frequent in the sample only (PHRASE_LOOKUPS).

Collocates of a query word: every word within WINDOW words either side of it in the
sample, ranked by log-likelihood on the 2x2 table of (in the window or not) x (the
collocate or another word), with MI (log2 of observed over expected) beside it; at least
MIN_FREQ co-occurrences, and only words seen more often near the node than expected."""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from whoosh.searching import Searcher

from newsdesk.index.analysis import indexed, word_regex
from newsdesk.index.models import Stopped
from newsdesk.index.query.phrases import phrase_frequency

FIELD = "body"  # the articles' text: what is sampled and what the corpus totals count
SAMPLE = 300  # hits read at most
SAMPLE_WORDS = 15_000  # and no more hits (nor pieces of a long one) once their words reach this
# Words one hit gives the sample at most where the hits sampled do not all fit: an even
# share of SAMPLE_WORDS, never fewer than this. Without a share, 16 long articles of 407
# hits (8 KB each) filled the sample, and one story's words led the list.
HIT_WORDS_MIN = 250
PAIR_FORM_WORDS = 6_000  # words read again for how the candidate phrases read
TEXT_PIECE = 65_536  # characters of a long text tokenized at once (till the sample is full)
TOP = 25  # lines a list
MIN_FREQ = 3  # occurrences in the sample a keyword, phrase or collocate needs
MIN_RANGE = 2  # sampled hits it must occur in (one article repeating a word is no key)
WINDOW = 5  # words either side of the node word
PHRASE_LOOKUPS = 24  # phrases whose corpus totals are counted, the most frequent first
_NUMBER = re.compile(r"[\d.,]+")
_NOT_SPACE = re.compile(r"\S*")
# Between the two words of a phrase: spaces, hyphens, apostrophes and words the index
# leaves out ("minister of defence") but no punctuation that ends a clause.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»|/\\…–—]")


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """One line of a keyness list: what is shown, the query that refines the results to it,
    its counts, and its score (log-likelihood; `mi` for collocates)."""

    text: str
    clause: str
    freq: int  # occurrences in the sample (collocates: co-occurrences with the node)
    other: int  # occurrences in the rest of the corpus (collocates: in the sample at all)
    score: float
    docs: int = 0  # sampled hits it occurs in
    mi: float = 0.0


@dataclass(slots=True)
class Keyness:
    query: str
    total: int  # hits of the query
    sampled: int  # hits read
    sample_words: int  # words in their bodies
    corpus_words: int
    words: list[KeyTerm] = field(default_factory=list)
    phrases: list[KeyTerm] = field(default_factory=list)
    node: str = ""  # the query word the collocates are of ("" when the query has none)
    nodes: list[str] = field(default_factory=list)  # the query words there are to choose
    collocates: list[KeyTerm] = field(default_factory=list)
    window: int = WINDOW
    elapsed: float = 0.0
    phrases_pending: bool = False  # handed over before the phrases were counted


def is_number(term: str) -> bool:
    """A term made of digits alone (and the points and commas between them)."""
    return _NUMBER.fullmatch(term) is not None


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """AntConc's keyword log-likelihood: `a` of `c` words in the target, `b` of `d` in the
    reference."""
    if c <= 0 or d <= 0 or a + b <= 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    total = 0.0
    if a > 0:
        total += a * math.log(a / e1)
    if b > 0:
        total += b * math.log(b / e2)
    return 2 * total


def g2_table(o11: float, r1: float, c1: float, n: float) -> float:
    """Log-likelihood (G2) of a 2x2 table from its first cell, first row and column sums and
    grand total."""
    cells = ((o11, r1 * c1 / n), (r1 - o11, r1 * (n - c1) / n),
             (c1 - o11, (n - r1) * c1 / n), (n - r1 - c1 + o11, (n - r1) * (n - c1) / n))
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0 and e > 0)


@dataclass(slots=True)
class SampleCounts:
    """Words and adjacent pairs counted in the sampled texts."""

    words: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    term_docs: Counter[str] = field(default_factory=Counter)
    forms: Counter[tuple[str, str]] = field(default_factory=Counter)  # (folded word, term)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    pair_docs: Counter[tuple[str, str]] = field(default_factory=Counter)
    tokens: list[list[str]] = field(default_factory=list)  # each text's terms, in order
    texts: list[str] = field(default_factory=list)

    _best: dict[str, tuple[int, str]] | None = None

    def surface(self, term: str) -> str:
        """The term's most frequent form in the sample, folded ("negotiations")."""
        if self._best is None:
            best: dict[str, tuple[int, str]] = {}
            for (word, t), n in self.forms.items():
                if (n, word) > best.get(t, (0, "")):
                    best[t] = (n, word)
            self._best = best
        return self._best.get(term, (0, term))[1]


def hit_words(lengths: Sequence[int], max_words: int = SAMPLE_WORDS) -> int | None:
    """The words each sampled hit gives the sample at most, from the hits' lengths in
    words: None (each read whole) where they all fit in `max_words`; else the even share
    that fills it, the long hits cut to it and the short ones read whole, but never under
    HIT_WORDS_MIN. (A hit's unread words count in the rest of the corpus, as unsampled
    hits do: cut only where the sample cannot hold them all.)"""
    if sum(lengths) <= max_words:
        return None
    left, ordered = max_words, sorted(lengths)
    for place, length in enumerate(ordered):
        share = left // (len(ordered) - place)
        if length > share:
            return max(HIT_WORDS_MIN, share)
        left -= length
    return None  # not reached: the lengths' sum is over max_words


def count_sample(texts: Iterable[str], stop: Callable[[], bool] = lambda: False,
                 max_words: int = SAMPLE_WORDS, per_text: int | None = None) -> SampleCounts:
    """Tokenized as the index tokenizes (analysis.WORD, stop words and single letters
    left out, stemmed): a term's count here and its frequency in the index agree, and so
    do adjacent pairs and the index's word positions. Counted a text at a time in C
    (Counter over lists); only the pairs that may be shown are looked at word by word
    (`pair_forms`). Each text gives at most `per_text` words (its first; all if None)."""
    found = SampleCounts()
    for text in texts:
        if stop() or found.words >= max_words:
            break
        # A long text is read a piece at a time and only until the sample has its words:
        # the words of one article of 20 MB, each a string, a term and a pair, were 500 MB.
        wanted = max_words - found.words if per_text is None else \
            min(per_text, max_words - found.words)
        regex, end, entries = word_regex(text), 0, []
        while end < len(text) and len(entries) < wanted:
            start, end = end, _piece_end(text, end + TEXT_PIECE)
            entries += [e for e in map(indexed, regex.findall(text, start, end))
                        if e is not None]
        if per_text is not None and len(entries) > wanted:
            entries, end = _first_entries(regex, text, wanted)
        terms = [term for _, term in entries]
        found.terms.update(terms)
        found.term_docs.update(set(terms))
        found.forms.update(entries)
        pairs = list(zip(terms, terms[1:], strict=False))
        found.pairs.update(pairs)
        found.pair_docs.update(set(pairs))
        found.words += len(terms)
        found.tokens.append(terms)
        found.texts.append(text if end >= len(text) else text[:end])
    return found


def _first_entries(regex: re.Pattern[str], text: str, count: int
                   ) -> tuple[list[tuple[str, str]], int]:
    """The first `count` indexed words of `text` and where the last of them ends (the
    text kept is the part counted: pair_forms reads it again)."""
    entries: list[tuple[str, str]] = []
    for match in regex.finditer(text):
        entry = indexed(match.group())
        if entry is not None:
            entries.append(entry)
            if len(entries) == count:
                return entries, match.end()
    return entries, len(text)


def _piece_end(text: str, at: int) -> int:
    """Where a piece of `text` read up to about `at` ends: after the word running over
    `at` (at the whitespace after it), or at the text's end."""
    if at >= len(text):
        return len(text)
    return _NOT_SPACE.match(text, at).end()  # type: ignore[union-attr]


def pair_forms(sample: SampleCounts, wanted: set[tuple[str, str]],
               max_words: int = PAIR_FORM_WORDS
               ) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]],
                          dict[tuple[str, str], Counter[str]]]:
    """For the pairs `wanted`, in the first texts of the sample up to `max_words` words:
    how often each occurs, how often with no punctuation between the two words, and how
    those read ("minister of defence", folded)."""
    seen: Counter[tuple[str, str]] = Counter()
    clean: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = {pair: Counter() for pair in wanted}
    words = 0
    for text, terms in zip(sample.texts, sample.tokens, strict=True):
        if words >= max_words:
            break
        words += len(terms)
        seen.update(p for p in zip(terms, terms[1:], strict=False) if p in wanted)
        previous: tuple[str, str, int] | None = None  # (term, folded word, end)
        for match in word_regex(text).finditer(text):
            entry = indexed(match.group())
            if entry is None:
                continue
            word, term = entry
            if previous is not None and (previous[0], term) in wanted and \
                    not _BREAK.search(text, previous[2], match.start()):
                pair = (previous[0], term)
                clean[pair] += 1
                gap = " ".join(text[previous[2]:match.start()].split())
                between = f" {gap} " if gap.replace(" ", "").isalpha() else " "
                forms[pair][f"{previous[1]}{between}{word}".lower()] += 1
            previous = (term, word, match.end())
    return seen, clean, forms


def shown_form(forms: Counter[str]) -> str:
    return forms.most_common(1)[0][0]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', " ") + '"'


def keywords(sample: SampleCounts, corpus_freq: Callable[[str], int], corpus_words: int,
             leave_out: set[str], top: int = TOP, sampled: int = 0,
             stop: Callable[[], bool] = lambda: False, numbers: bool = False
             ) -> list[KeyTerm]:
    """The words of the sample most over-represented against the rest of the corpus.
    Looked up in decreasing sample frequency, and no further once even a word absent from
    the rest of the corpus (b = 0, the highest score `a` can have) would not make the list:
    the same list as looking up every word, with a fraction of the look-ups."""
    c, d = sample.words, max(0, corpus_words - sample.words)
    if not d:
        return []  # the results are the whole corpus: nothing to set them against
    least_range = min(MIN_RANGE, max(1, sampled))
    best: _Best = []  # a min-heap of the `top` best so far
    ordered = sorted(((a, term) for term, a in sample.terms.items() if a >= MIN_FREQ),
                     reverse=True)
    ceiling: dict[int, float] = {}  # a's best score (b = 0), for each count a
    for looked, (a, term) in enumerate(ordered):
        if len(best) >= top:
            highest = ceiling.get(a)
            if highest is None:
                highest = ceiling[a] = log_likelihood(a, 0, c, d)
            if highest < best[0][0]:
                break
        if looked % 64 == 63 and stop():
            raise Stopped
        if term in leave_out or sample.term_docs[term] < least_range or \
                (not numbers and is_number(term)):
            continue
        b = max(0, corpus_freq(term) - a)
        if a / c <= b / d:
            continue
        score = log_likelihood(a, b, c, d)
        if len(best) >= top and score < best[0][0]:
            continue  # (what _keep would say, without making the line)
        word = sample.surface(term)
        # In brackets: added as the query's last word, a bare word is searched as a prefix
        # (search as you type); "(mine)" is searched as it is.
        _keep(best, KeyTerm(word, f"({word})", a, b, score, sample.term_docs[term]), top)
    return _ranked(best)


_Best = list[tuple[float, tuple[int, ...], int, KeyTerm]]  # (score, text backwards, n, term)
_entries = itertools.count()  # ties of score and text never compare two KeyTerms


def _keep(best: _Best, term: KeyTerm, top: int) -> None:
    """Keep `term` among the `top` best (a min-heap by score, then text backwards)."""
    entry = (term.score, _reverse(term.text), next(_entries), term)
    if len(best) < top:
        heapq.heappush(best, entry)
    elif entry[:2] > best[0][:2]:
        heapq.heapreplace(best, entry)


def _reverse(text: str) -> tuple[int, ...]:
    """Orders text backwards, so that of two equal scores the heap drops the later text."""
    return tuple(-ord(ch) for ch in text) + (1,)


def _ranked(best: _Best) -> list[KeyTerm]:
    return sorted((term for *_, term in best), key=lambda k: (-k.score, k.text))


def phrase_candidates(sample: SampleCounts, sampled: int, leave_out: set[str],
                      limit: int = PHRASE_LOOKUPS, numbers: bool = False
                      ) -> list[tuple[tuple[str, str], str]]:
    """The adjacent pairs worth a corpus look-up, the most frequent first, with how they
    read: frequent enough, in enough hits, mostly not across punctuation, not two of the
    query's own words, no number in them (unless `numbers`)."""
    least_range = min(MIN_RANGE, max(1, sampled))
    fit = sorted(((n, pair) for pair, n in sample.pairs.items()
                  if n >= MIN_FREQ and sample.pair_docs[pair] >= least_range
                  and pair[0] != pair[1] and not set(pair) <= leave_out
                  and (numbers or not (is_number(pair[0]) or is_number(pair[1])))),
                 reverse=True)
    fit = fit[:limit * 2]
    seen, clean, forms = pair_forms(sample, {pair for _, pair in fit})
    return [(pair, shown_form(forms[pair]) if forms[pair] else
             f"{sample.surface(pair[0])} {sample.surface(pair[1])}") for _, pair in fit
            if clean[pair] * 2 >= seen[pair]][:limit]


def key_phrases(sample: SampleCounts, pairs: list[tuple[tuple[str, str], str]],
                corpus_freq: Callable[[tuple[str, str]], int], corpus_words: int,
                top: int = TOP, stop: Callable[[], bool] = lambda: False) -> list[KeyTerm]:
    c, d = sample.words, max(0, corpus_words - sample.words)
    if not d:
        return []  # the results are the whole corpus: nothing to set them against
    best: _Best = []
    for pair, text in pairs:
        a = sample.pairs[pair]
        if stop():
            raise Stopped
        if len(best) >= top and log_likelihood(a, 0, c, d) < best[0][0]:
            break
        b = max(0, corpus_freq(pair) - a)
        if d and a / c <= b / d:
            continue
        _keep(best, KeyTerm(text, _quoted(text), a, b, log_likelihood(a, b, c, d),
                            sample.pair_docs[pair]), top)
    return _ranked(best)


def collocates(sample: SampleCounts, node: str, window: int = WINDOW, top: int = TOP,
               numbers: bool = False) -> list[KeyTerm]:
    """Words within `window` words of the term `node` in the sample, by log-likelihood."""
    near: Counter[str] = Counter()
    slots = 0  # words seen in the windows (R1)
    for terms in sample.tokens:
        for i, term in enumerate(terms):
            if term != node:
                continue
            around = terms[max(0, i - window):i] + terms[i + 1:i + 1 + window]
            slots += len(around)
            near.update(around)
    n = sample.words
    if not slots or not n:
        return []
    node_word = sample.surface(node)
    found = []
    for term, o11 in near.items():
        if o11 < MIN_FREQ or term == node or (not numbers and is_number(term)):
            continue
        c1 = sample.terms[term]
        expected = slots * c1 / n
        if o11 <= expected:
            continue
        word = sample.surface(term)
        clause = f"({_quoted(f'{node_word} {word}')}~{window} OR " \
                 f"{_quoted(f'{word} {node_word}')}~{window})"
        found.append(KeyTerm(word, clause, o11, c1, g2_table(o11, slots, c1, n),
                             mi=math.log2(o11 / expected)))
    return sorted(found, key=lambda k: (-k.score, k.text))[:top]


class CorpusTerms:
    """The index's term statistics for the body field, kept per searcher: its length in
    words, each term's frequency, each looked-up phrase's (counted from word positions).
    Deleted articles still count until their segment is merged away, as in Whoosh's own
    statistics."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.words = int(self.reader.field_length(FIELD) or 0)
        self._terms: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}

    def term(self, term: str) -> int:
        found = self._terms.get(term)
        if found is None:
            try:
                found = int(self.reader.frequency(FIELD, term))
            except KeyError:  # (a term no segment holds)
                found = 0
            self._terms[term] = found
        return found

    def pair(self, pair: tuple[str, str]) -> int:
        found = self._pairs.get(pair)
        if found is None:
            found = self._pairs[pair] = phrase_frequency(self.searcher, FIELD, list(pair))
        return found
