"""Synonyms for the dev-time test set of near-duplicates (tests/eval/dups/generate.py).

From Princeton WordNet 3.0 as Debian ships it (`apt-get install wordnet-base`: the database
files in /usr/share/wordnet), read here directly: a word's synonyms are the other one-word
lemmas of its most frequent sense, as article spinners substitute them ("military" ->
"navy", "war" -> "struggle" in seeds/003). Where WordNet is not installed, a word is replaced
by another word of the corpus drawn at random: to MinHash a replaced word is a different
token whichever word it becomes, so the grouping is measured the same (the figures in
BENCHMARKS.md were taken with WordNet)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

WORDNET = Path(os.environ.get("NEWSDESK_WORDNET", "/usr/share/wordnet"))
_POS = ("noun", "verb", "adj", "adv")


def available() -> bool:
    return all((WORDNET / f"index.{p}").is_file() and (WORDNET / f"data.{p}").is_file()
               for p in _POS)


def _synset_words(data: bytes, offset: int) -> list[str]:
    end = data.index(b"\n", offset)
    fields = data[offset:end].decode("utf-8", "replace").split()
    count = int(fields[3], 16)
    return [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]


@cache
def table() -> dict[str, tuple[str, ...]]:
    """word -> its synonyms (one-word lemmas of its most frequent sense in each part of
    speech, the noun's first); empty where WordNet is not installed."""
    if not available():
        return {}
    found: dict[str, list[str]] = {}
    for pos in _POS:
        data = (WORDNET / f"data.{pos}").read_bytes()
        with (WORDNET / f"index.{pos}").open(encoding="utf-8", errors="replace") as index:
            for line in index:
                if line.startswith(" "):
                    continue  # the licence at the top
                fields = line.split()
                lemma = fields[0]
                if "_" in lemma or not lemma.isalpha():
                    continue
                synsets = int(fields[2])
                first = int(fields[-synsets])  # the most frequent sense
                words = [w for w in _synset_words(data, first)
                         if w != lemma and w.isalpha() and "_" not in w]
                if words:
                    found.setdefault(lemma, []).extend(w for w in words
                                                       if w not in found.get(lemma, []))
    return {word: tuple(words) for word, words in found.items()}
