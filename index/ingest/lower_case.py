"""A file whose texts are in lower case throughout (exports lower-cased for a classifier,
as IndiaPoliceEvents publishes its articles) gives no actor: names are told from words by
their capitals. Searching works, so its articles are indexed; the run says why the actor
pane has nothing of them, once, where the file is read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from newsdesk.index.models import Problem

# A text shorter than this may be lower case by chance ("ok", a tweet); a newsroom's has
# capitals in any stretch of it (names, sentences' starts: 3-5 in a hundred letters).
LONG_ENOUGH = 300
SAMPLE = 600  # the characters read, from a quarter in (past a capitalised header)
CAPITALS = 0.01  # fewer capitals than this to the sample's lower-case letters: lower case
SHARE = 0.9  # the texts long enough that are lower case, to say so
MIN_TEXTS = 10  # a file with fewer is said with the run's other small files, pooled
_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = _UPPER.lower()


def lower_case(text: str) -> bool:
    """Whether a text is lower case throughout but for a stray capital (BBC 9 of 2,225,
    Reuters 149 of 16,734 texts one by one: a file is judged by its share). ASCII bytes
    deleted at C speed: about 1.5 us a text, where a regex's findall took 30."""
    start = len(text) // 4
    sample = text[start:start + SAMPLE].encode("ascii", "ignore")
    lower = len(sample) - len(sample.translate(None, _LOWER))
    upper = len(sample) - len(sample.translate(None, _UPPER))
    return lower >= LONG_ENOUGH // 2 and upper < CAPITALS * lower


@dataclass(slots=True)
class LowerCaseCount:
    long_texts: int = 0
    lower: int = 0

    def add(self, text: str) -> None:
        if len(text) >= LONG_ENOUGH:
            self.long_texts += 1
            self.lower += lower_case(text)

    def problem(self, path: str, whose: str = "its") -> Problem | None:
        """The note for the run's list, kept (nothing is lost), or None."""
        if self.long_texts < MIN_TEXTS or self.lower < SHARE * self.long_texts:
            return None
        share = "all" if self.lower == self.long_texts else f"{self.lower:,} of"
        return Problem(path, f"{share} {whose} {self.long_texts:,} texts are in lower case "
                       "throughout: names are told from words by their capitals, so the "
                       "actor pane finds no actor in them (search works as usual)",
                       skipped=False)


@dataclass(slots=True)
class LowerCaseRun:
    """A run's files: each of MIN_TEXTS texts or more said on its own, the others pooled
    (a folder of one-article files is said once, by the folder they share)."""

    pooled: LowerCaseCount = field(default_factory=LowerCaseCount)
    pooled_paths: list[str] = field(default_factory=list)

    def file_read(self, path: str, count: LowerCaseCount) -> Problem | None:
        if count.long_texts >= MIN_TEXTS:
            return count.problem(path)
        if count.long_texts:
            self.pooled.long_texts += count.long_texts
            self.pooled.lower += count.lower
            self.pooled_paths.append(path)
        return None

    def problem(self) -> Problem | None:
        """The note of the small files read, pooled, or None."""
        if not self.pooled_paths:
            return None
        files = len(self.pooled_paths)
        return self.pooled.problem(os.path.commonpath(self.pooled_paths),
                                   f"its {files:,} small files'")
