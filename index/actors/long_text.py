"""Word sets of one long text, built in one pass and kept for the article at hand.

Some of extraction's questions are asked once per name of the article and answered by
searching the whole text ("is the name's first word written in lower case anywhere?", "is
it written between spaces?"). On a news article that is a handful of searches of a few KB;
on one article of several MB the names grow with the text, and the searches made indexing
quadratic (a 2 MB article 20 s, a 10 MB one 260 s). Past `LONG` characters the same
questions are answered from sets of the text's words, built once per text in bounded
blocks; below it, the searches stay as they were (they are faster on a short text)."""

from __future__ import annotations

import re

LONG = 100_000  # characters: from here on, the sets rather than a search per question
_BLOCK = 1 << 20  # characters a regex pass reads at once (its lists stay a block's)

# A piece between two spaces; a piece after a space up to the first of " ,.;:".
_SPACED = re.compile(r"(?<= )[^ ]*(?= )")
_LOWER_ENDED = re.compile(r"(?<= )[^ ,.;:]*(?=[ ,.;:])")

_CAPITAL_RUN = re.compile(r"(?<![\w-])[A-Z][\w-]*")

_cache: tuple[str, set[str], set[str]] | None = None  # the last text and its two sets
_runs_cache: tuple[str, dict[str, list[int]]] | None = None


def forget() -> None:
    """Let go of the last long text and its sets (kept for the article at hand): an article
    of 20 MB's are 100 MB, held till the next long article, through the build's end."""
    global _cache, _runs_cache
    _cache = _runs_cache = None


def capital_runs(text: str) -> dict[str, list[int]]:
    r"""Where `text` writes each run of word characters and hyphens that starts with a
    capital A-Z, by the run: the places of `(?<![\w-])RUN(?![\w-])`, for every such RUN."""
    global _runs_cache
    cached = _runs_cache
    if cached is not None and cached[0] is text:
        return cached[1]
    runs: dict[str, list[int]] = {}
    for m in _CAPITAL_RUN.finditer(text):
        runs.setdefault(m.group(), []).append(m.start())
    _runs_cache = (text, runs)
    return runs


def spaced_words(text: str) -> set[str]:
    """Every `w` without a space for which `f" {w} " in text`."""
    return _sets(text)[0]


def lower_ended_words(text: str) -> set[str]:
    """Every `w` without any of " ,.;:" that `text` writes after a space and before one of
    " ,.;:" (as `extract._written_lower` asks)."""
    return _sets(text)[1]


def _sets(text: str) -> tuple[set[str], set[str]]:
    global _cache
    cached = _cache
    if cached is not None and cached[0] is text:
        return cached[1], cached[2]
    spaced: set[str] = set()
    ended: set[str] = set()
    # Blocks cut at spaces, each holding the space that ends it and starting at the space
    # that ends the block before: every piece between two spaces is whole in one block,
    # with both its spaces, so the lookarounds see what they would see in the whole text.
    start = 0
    while start < len(text):
        cut = text.find(" ", start + _BLOCK) if start + _BLOCK < len(text) else -1
        block = text[start:cut + 1] if cut >= 0 else text[start:]
        spaced.update(_SPACED.findall(block))
        ended.update(_LOWER_ENDED.findall(block))
        if cut < 0:
            break
        start = cut
    _cache = (text, spaced, ended)
    return spaced, ended
