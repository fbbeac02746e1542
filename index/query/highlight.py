"""Where a query matches in a text, as character spans, and snippets around the matches.
It tokenizes the stored text with the indexing tokenizer, so stemmed, wildcard, fuzzy and
phrase matches are found exactly where the index found them."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from newsdesk.index.analysis import CJK_CHAR, STOP_WORDS, term_of
from newsdesk.index.folding import IN_WORD_INVISIBLE, LETTERS_WITHOUT_DECOMPOSITION
from newsdesk.index.marks import MARKS
from newsdesk.index.models import Snippet, Span
from newsdesk.index.query.compile import (
    HighlightPlan,
    PhraseMark,
    Place,
    Written,
    place_forms,
    place_terms,
)
from newsdesk.index.query.wanted_tokens import (
    NON_ASCII_WORD,
    Token,
    every_token,
    iter_every_token,
    iter_wanted_tokens,
    wanted_tokens,
)

MAX_MATCHES = 10_000
"""Matches of one text worked out at most (its first ones): a 12 MB article of one word
2,000,000 times took 37 s and 800 MB for its spans, and a concordance of it 440 s and
1.3 GB. Where a text has more, `Matches.complete` is False, and what shows them says so."""


class Matches(NamedTuple):
    """A text's matches in order, `complete` unless they stop at a limit before its end."""
    spans: list[Span]
    complete: bool = True


def match_spans(text: str, plan: HighlightPlan, mentions: Sequence[Span] = ()
                ) -> list[Span]:
    """Every match in `text`, in order, as `first_groups` counts them: a word matched on
    its own, an occurrence of a phrase (from its first word to its last), a mention of an
    actor filtered (`mentions`: the spans of an `actor:` filter's mentions in this text,
    plan.actor_keys'). The one list the reader steps through, `search --json` gives and a
    concordance numbers."""
    return first_matches(text, plan, None, mentions).spans


def with_mentions(spans: list[Span], mentions: Sequence[Span]) -> list[Span]:
    """Matches and mentions as one ordered list; overlapping spans become one (the word
    "Johnson" of `actor:"Boris Johnson" AND johnson` inside the mention "Boris Johnson");
    touching ones stay two. Without mentions, `spans` as is (they never overlap)."""
    if not mentions:
        return spans
    merged: list[Span] = []
    for start, end in sorted([*spans, *mentions]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    return merged


def first_matches(text: str, plan: HighlightPlan, limit: int | None = MAX_MATCHES,
                  mentions: Sequence[Span] = ()) -> Matches:
    """The first `limit` (None: all) matches of `text`, as spans, in order, and whether
    they are all of them: one a word matched on its own, one an occurrence of a phrase
    (its words and what lies between them: `"tony blair"` is one match, not two; with a
    proximity, `"tony blair"~3`, from the first of its words to the last), one an actor
    filter's mention (`mentions`: then all of them; an actor's mentions in one article are
    far fewer than a word's can be)."""
    if mentions:
        tokens, _, groups, _ = _matches(text, plan)
        return Matches(with_mentions(_merged_spans(text, tokens, groups), mentions), True)
    tokens, _, groups, settled = _matches(text, plan, limit)
    merged = _merged(groups)
    complete = settled is None and (limit is None or len(merged) <= limit)
    if settled is not None:  # (a group ending before the settled tokens' end is whole)
        merged = [group for group in merged if group[1] < settled]
    return Matches([(tokens[first].start, _end(text, tokens[last]))
                    for first, last in merged[:limit]], complete)


def match_groups(text: str, plan: HighlightPlan, mentions: Sequence[Span] = ()
                 ) -> list[tuple[int, Span]]:
    """Every match of `plan` in `text` as `first_groups` gives them (short texts, tests)."""
    return first_groups(text, plan, None, mentions)[0]


def first_groups(text: str, plan: HighlightPlan, limit: int | None = MAX_MATCHES,
                 mentions: Sequence[Span] = ()) -> tuple[list[tuple[int, Span]], bool]:
    """`first_matches` numbered as the reader numbers them (its n / N, "match k of n",
    from 0), for a concordance's lines: (index, span) each, and whether they are all."""
    spans, complete = first_matches(text, plan, limit, mentions)
    return list(enumerate(spans)), complete


def _merged(groups: list[tuple[int, int]]) -> list[list[int]]:
    """Matches as (first, last) token indexes, those that share a token made one: a word
    of a phrase also matched alone ("blair" of `"tony blair" blair`), overlapping
    occurrences; two neighbouring matches ("OPEC, OPEC") stay two."""
    merged: list[list[int]] = []
    for first, last in sorted(groups):
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged


def _merged_spans(text: str, tokens: list[Token], groups: list[tuple[int, int]]
                  ) -> list[Span]:
    return [(tokens[first].start, _end(text, tokens[last])) for first, last in _merged(groups)]


# A dotted abbreviation's pieces: letters, one or two each ("U.S", "e.g", "Ph.D").
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# What follows an abbreviation's own dot, not a sentence's: a comma (or the like), or a
# word in lower case ("Inc., which", "Jr. said"); after a short capitalised word only (a
# sentence's last word before a word in lower case is common in scraped text).
_AFTER_DOT = re.compile(r"[,;:)]|\s+(\w)")


def _end(text: str, token: Token) -> int:
    """Where a match ending with `token` ends: after the dot that ends an abbreviation
    ("U.S.", "U.K.", "Inc., which", "Jr. said"; the tokenizer leaves a word's last dot
    out), so a highlight or a span of `search --json` reads as the text writes it; else
    at the token's end."""
    end = token.end
    if text[end:end + 1] != "." or text[end + 1:end + 2] == ".":
        return end  # (no dot; or an ellipsis)
    if _DOTTED.fullmatch(text, token.start, end):
        return end + 1
    word = text[token.start:end]
    if not (len(word) <= 4 and word.isalpha() and word[0].isupper()):
        return end  # (an abbreviation alone is a short capitalised word: Inc, Jr, Corp)
    after = _AFTER_DOT.match(text, end + 1)
    if after is not None and (after.group(1) is None or after.group(1).islower()):
        return end + 1
    return end


# Tokens read for `limit` matches at most, as a multiple of it: a phrase's words may be
# frequent where the phrase is rare ("new" of "new york"); past it, fewer are given.
_READ_AHEAD = 16


def _matches(text: str, plan: HighlightPlan, limit: int | None = None
             ) -> tuple[list[Token], list[int], list[tuple[int, int]], int | None]:
    """The tokens of `text` the plan wants; which of them are marked, in order; the
    matches as (first, last) token indexes: each word marked on its own, each phrase
    occurrence; and None if that is all of them, else how many tokens from the first
    are settled (every phrase occurrence that could hold them read whole)."""
    if not plan or not text:
        return [], [], [], None
    places = [place_terms(place) for seq, _ in plan.phrases for place in seq]
    wanted = frozenset(plan.terms).union(*places, *(c.terms for c in plan.compounds))
    # A bare * of a phrase ("chief * officer") is any word: every token is wanted.
    every = frozenset() in places
    window = max((len(seq) + slop for seq, slop in plan.phrases), default=0)
    if limit is None:
        tokens = every_token(text) if every else wanted_tokens(text, wanted, window)
        return (tokens, *_marked(tokens, plan, text), None)
    # Read as many tokens as `limit` matches take, and the window after them that decides
    # whether the last of them are in a phrase's occurrence (each token is a position on
    # at least, so an occurrence holds `window` tokens at most); more where phrases'
    # words matched too few, up to _READ_AHEAD times.
    found = iter_every_token(text) if every else iter_wanted_tokens(text, wanted, window)
    tokens: list[Token] = []
    want = limit
    while True:
        tokens += islice(found, want + window + 1 - len(tokens))
        marked, groups = _marked(tokens, plan, text)
        if len(tokens) <= want + window:
            return tokens, marked, groups, None  # the text's every wanted token
        settled = len(tokens) - window
        if not plan.phrases or want >= limit * _READ_AHEAD \
                or sum(1 for _, last in _merged(groups) if last < settled) >= limit:
            return tokens, marked, groups, settled
        want *= 2


def _marked(tokens: list[Token], plan: HighlightPlan, text: str
            ) -> tuple[list[int], list[tuple[int, int]]]:
    marked = {i for i, token in enumerate(tokens) if token.term in plan.terms}
    if plan.compounds and tokens:
        marked |= _compound_tokens(tokens, plan, text)
    groups = [(i, i) for i in marked]
    for seq, slop in plan.phrases:
        for occurrence in _phrase_occurrences(tokens, seq, slop):
            marked.update(occurrence)
            groups.append((occurrence[0], occurrence[-1]))
    return sorted(marked), groups


def _compound_tokens(tokens: list[Token], plan: HighlightPlan, text: str) -> set[int]:
    """The tokens that are a word with a one-letter part as the query wrote it ("Mobile" of
    "T-Mobile", not of "mobile phones"), each widened in `tokens` to the whole word. Looked
    for up to just past the last token read."""
    end = min(len(text), tokens[-1].end + 64)
    starts = [token.start for token in tokens]
    found: set[int] = set()
    for compound in plan.compounds:
        for match in compound.pattern.finditer(text, 0, end):
            parts = match.groups()
            if not all(term_of(part) == term
                       for part, term in zip(parts, compound.terms, strict=True)):
                continue
            i = bisect_left(starts, match.start(1))
            if i < len(tokens) and tokens[i].start <= match.start(1) < tokens[i].end:
                tokens[i] = tokens[i]._replace(start=match.start(), end=match.end())
                found.add(i)
            elif i > 0 and tokens[i - 1].start <= match.start(1) < tokens[i - 1].end:
                found.add(i - 1)  # (widened already)
    return found


def holds(text: str, phrase: PhraseMark) -> bool:
    """Whether `text` holds an occurrence of a phrase (a quoted word or phrase as written,
    query/compile.AsWritten: the engine reads its matches' texts for it, thousands of them
    for a common word). A text without every form of a place written, in lower case, is
    turned down before any tokenizing (a few µs against a few hundred), unless it has a
    word character beyond ASCII, which may fold to one (é to e) or hide one (a soft
    hyphen inside a word): only then is a word not its folded form in lower case."""
    seq, slop = phrase
    if not text:
        return False
    lower = text.lower()
    # Every word of the text of ASCII letters and digits: a word is the same in lower case.
    plain = text.isascii() or NON_ASCII_WORD.search(_ASCII.sub("", text)) is None
    written = [place for place in seq if isinstance(place, Written)]
    if not all(any(form in lower for form in place.forms) for place in written) and (
            plain or not _has_forms(_folded(lower), seq)):
        return False
    if plain and len(seq) == 1 and written:
        alone = _written_alone(lower, written[0].forms)
        if alone is not None:
            return alone
    elif slop == 0 and len(written) == len(seq) and _written_run(lower, seq):
        # (A text with a word beyond ASCII, "Zelenskiy's café", too: tokenizing a live
        # blog of 59 KB for its phrase was 15 ms, the 575 hits of "prime minister" in 596
        # of them 8.5 s, now 0.5. Where the phrase is written with an accent the regex
        # does not find it, and the tokenizer below decides.)
        return True
    places = [place_terms(place) for place in seq]
    if frozenset() in places:
        tokens = every_token(text)
    else:
        # (only the lines with a word beyond ASCII tokenized whole)
        tokens = list(iter_wanted_tokens(text, frozenset().union(*places), len(seq) + slop))
    return bool(_phrase_occurrences(tokens, seq, slop, first_only=True))


_ASCII = re.compile(r"[\x00-\x7f]+")


def _written_alone(lower: str, forms: frozenset[str]) -> bool | None:
    """Whether a text in lower case whose words are all of ASCII writes a word as one of
    `forms`, by one regex (a few tens of µs against a few hundred to tokenize): a match
    between two characters that are no letter or digit is a word of its own, unless a dot
    between it and a letter or digit may join it to them. None where one may: the
    tokenizer joins some ("bbc.co.uk") and not others ("ended.The"), and only it can say."""
    unsure = False
    for match in _alone_pattern(forms).finditer(lower):
        start, end = match.span()
        before = lower[start - 1:start]
        after = lower[end:end + 1]
        if _in_word(before) or _in_word(after):
            continue  # (part of a longer word)
        if (before == "." and _in_word(lower[start - 2:start - 1] if start > 1 else "")) or (
                after == "." and _in_word(lower[end + 1:end + 2])):
            unsure = True  # ("world." ends a sentence: the dot joins words alone)
        else:
            return True
    return None if unsure else False


def _written_run(lower: str, seq: tuple[Place, ...]) -> bool:
    """Whether a text in lower case surely writes a phrase of Written places, its words one
    after another with nothing between them but spaces, punctuation, stop words and letters
    alone (what the index leaves out: "interest-rates", "interest in rates"), by one regex.
    False says nothing: a dot may end a word or not (only the tokenizer can say), so a
    phrase with one between its words is left to it, as is a form written with an accent.
    A combining mark or an invisible joiner is part of the word it touches (as the
    tokenizer reads it: "ministeŕs" is no "minister"), never a gap or a word's edge."""
    for match in _run_pattern(seq).finditer(lower):
        start, end = match.span()
        if start and (_in_word(lower[start - 1]) or (
                lower[start - 1] == "." and start > 1 and _in_word(lower[start - 2]))):
            continue
        if lower[end:end + 1] == "." and _in_word(lower[end + 1:end + 2]):
            continue
        return True
    return False


# Between two words of a phrase: what the index leaves out, and no dot (nor a mark or an
# invisible joiner: inside a word).
_NOT_IN_WORD = rf"[^\w.{MARKS}{IN_WORD_INVISIBLE}]+"
_GAP = (_NOT_IN_WORD + "(?:(?:" + "|".join(sorted(STOP_WORDS, key=len, reverse=True))
        + r"|\w)" + _NOT_IN_WORD + ")*")
_IN_WORD = re.compile(rf"[\w{MARKS}{IN_WORD_INVISIBLE}]")


@lru_cache(maxsize=256)
def _run_pattern(seq: tuple[Place, ...]) -> re.Pattern[str]:
    words = ["(?:" + "|".join(re.escape(form) for form in sorted(place.forms, key=len,
                                                                  reverse=True)) + ")"
             for place in seq if isinstance(place, Written)]
    return re.compile(_GAP.join(words) + rf"(?![\w{MARKS}{IN_WORD_INVISIBLE}])")


def _in_word(char: str) -> bool:
    """Whether a character (or none) is one a regex's \\w matches, a combining mark or an
    invisible joiner (inside a word)."""
    return char.isalnum() or char == "_" or (bool(char) and _IN_WORD.match(char) is not None)


@lru_cache(maxsize=256)
def _alone_pattern(forms: frozenset[str]) -> re.Pattern[str]:
    """The forms as one regex of literals (no lookaround: a literal is searched fast)."""
    return re.compile("|".join(re.escape(form)
                               for form in sorted(forms, key=len, reverse=True)))


_DROP_INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, IN_WORD_INVISIBLE))
_DROP_INVISIBLE.update({ord(k): v for k, v in LETTERS_WITHOUT_DECOMPOSITION.items()})


def _folded(lower: str) -> str:
    """A text in lower case folded as folding.fold folds a word outside Chinese and
    Japanese (accents and invisible joiners dropped, compatibility forms decomposed,
    letters with a stroke as their base letter)."""
    decomposed = unicodedata.normalize("NFKD", lower).translate(_DROP_INVISIBLE)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _has_forms(folded: str, seq: tuple[Place, ...]) -> bool:
    """Whether a folded text (`_folded`) writes a form of every Written place; True where
    a form has a Han or Kana character (folded otherwise: は and ば are two)."""
    for place in seq:
        if isinstance(place, Written) and not any(
                form in folded or CJK_CHAR.search(form) for form in place.forms):
            return False
    return True


def _fills(token: Token, terms: frozenset[str], forms: frozenset[str] | None) -> bool:
    """Whether a token fills a phrase's place of these terms (and, quoted, these forms)."""
    return token.term in terms and (forms is None or token.word in forms)


def _phrase_occurrences(tokens: list[Token], seq: tuple[Place, ...], slop: int,
                        first_only: bool = False) -> list[list[int]]:
    """The indexes in `tokens` of each occurrence of a phrase (with proximity: of each
    window of n + slop positions that holds every word of it). `tokens` holds at least
    every token of a word of the phrase (every token, if a place is any word's). A place
    is a term or a set of terms (a wildcard's; empty: any word), or the words written so
    (Written: a quoted phrase's). `first_only`: stop at the first occurrence."""
    n = len(seq)
    found: list[list[int]] = []
    places = [place_terms(place) for place in seq]
    forms = [place_forms(place) for place in seq]
    if slop == 0:
        first, first_forms = places[0], forms[0]
        for i in range(len(tokens) - n + 1):
            if tokens[i].term not in first or (first_forms is not None
                                               and tokens[i].word not in first_forms):
                continue
            at = tokens[i].position
            if all((not places[k] or _fills(tokens[i + k], places[k], forms[k]))
                   and tokens[i + k].position == at + k for k in range(1, n)):
                found.append(list(range(i, i + n)))
                if first_only:
                    break
        return found
    # Proximity: a word of every place of the phrase within a window of n + slop positions.
    filled = [(place, form) for place, form in zip(places, forms, strict=True) if place]
    wanted = frozenset().union(*(place for place, _ in filled))
    window = n + slop
    inside_phrase = [i for i, token in enumerate(tokens) if token.term in wanted]
    for idx, start in enumerate(inside_phrase):
        end = tokens[start].position + window
        # The occurrence starting here: its words up to the first at which every place is
        # filled (a word of the same stem that fills none, of a quoted phrase, is no part).
        occurrence: list[int] = []
        unfilled = set(range(len(filled)))
        for i in inside_phrase[idx:]:
            if tokens[i].position >= end:
                break
            if any(_fills(tokens[i], *place) for place in filled):
                occurrence.append(i)
                unfilled -= {k for k in unfilled if _fills(tokens[i], *filled[k])}
            if not unfilled:
                break
        if not unfilled:
            found.append(occurrence)
            if first_only:
                break
    return found


LEAD = 0.3  # of a snippet's width, at most, before its first match
# A snippet is chosen among a text's first matches only: finding them all means reading
# the whole text, ~15 ms a hit for a long live blog, paid by every hit a list shows.
SNIPPET_MATCHES = 24


def snippet(text: str, spans: list[Span], width: int = 180) -> Snippet:
    """A window of about `width` characters around the densest run of matches, on one line;
    its first match within the first LEAD of it."""
    if not text:
        return Snippet("", [])
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        best, best_count = spans[0][0], 0
        j = 0
        for i, (s, _) in enumerate(spans):
            j = max(j, i)
            while j + 1 < len(spans) and spans[j + 1][1] <= s + width * 0.8:
                j += 1
            if j - i + 1 > best_count:
                best, best_count = s, j - i + 1
        start = max(0, best - width // 5)
        end = min(len(text), start + width)
        # Near the end of the text the window reaches back to fill its width, but no more
        # than LEAD of it: a list showing the snippet's first lines must show the match
        # (the last word of a long line was 180 characters in, past the list's two lines).
        start = max(0, min(start, end - width), best - int(width * LEAD))
    if start > 0:
        space = text.find(" ", start, start + 20)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space > start else end
    body = text[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    # Newlines and tabs become spaces one for one, so offsets stay true.
    line = lead + body.translate(_FLATTEN) + tail
    shift = len(lead) - start
    inside = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans
              if e > start and s < end]
    return Snippet(line, inside)


_FLATTEN = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
