"""Keyword in context: one line per match across a result set, the match with `width`
characters each side, sortable by the words left or right of it (as AntConc does)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from newsdesk.index.folding import fold
from newsdesk.index.marks import MARKS
from newsdesk.index.models import Article, KwicLine, Span
from newsdesk.index.option_values import KWIC_ORDERS

_WORD = re.compile(rf"\w[\w{MARKS}]*")  # (marks inside words: analysis.WORD_MARKS)
_FLATTEN = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def context(text: str, span: Span, width: int) -> tuple[str, str, str]:
    """(left, match, right) on one line: `width` characters each side at most."""
    start, end = span
    left = text[max(0, start - width):start].translate(_FLATTEN)
    right = text[end:end + width].translate(_FLATTEN)
    return left, text[start:end].translate(_FLATTEN), right


def kwic_lines(hits: Iterable[tuple[int, Article, list[tuple[int, Span]], bool]],
               width: int, max_lines: int) -> list[KwicLine]:
    """Lines for ranked hits, (rank, article, matches, complete), in rank and text order:
    one line a match, each match as highlight.first_groups gives it (its first word's
    index, span), the last line of an article whose matches are not `complete` marked
    `more`."""
    lines: list[KwicLine] = []
    for rank, article, matches, complete in hits:
        for match_index, span in matches:
            left, match, right = context(article.text, span, width)
            lines.append(KwicLine(article.id, article.title, article.date, article.source,
                                  rank, match_index, span, left, match, right))
            if len(lines) >= max_lines:
                return lines
        if matches and not complete:
            lines[-1] = replace(lines[-1], more=True)
    return lines


def _words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def sort_lines(lines: list[KwicLine], order: str) -> list[KwicLine]:
    """rank: as ranked; right: by the first word after the match, then the next...;
    left: by the word just before it, then the one before that...; match: by the matched
    words, then what follows."""
    if order not in KWIC_ORDERS:
        raise ValueError(f"unknown order '{order}' (use {', '.join(KWIC_ORDERS)})")
    if order == "rank":
        return sorted(lines, key=lambda line: (line.rank, line.span))
    if order == "right":
        return sorted(lines, key=lambda line: (_words(line.right), line.rank, line.span))
    if order == "left":
        return sorted(lines, key=lambda line: (_words(line.left)[::-1], line.rank, line.span))
    return sorted(lines, key=lambda line: (_words(line.match), _words(line.right), line.rank))
