"""Lines a corpus repeats verbatim across its articles: a site's furniture, not its news.

A site that prints the same line on every page ("% of readers think this story is Fact. Add
your two cents.", 49 of 250 articles of a FakeNewsCorpus sample) made an actor of the one
capitalised word in it ("Fact", #2). Datelines, photo and staff credits are cut out of the
text the actors are read from by their patterns (extract.py, staff_credits.py); a line a
corpus repeats has no pattern, only its repetition, which one article cannot see and the
clustering, which sees the whole corpus, can:

- a store row of one mention with no cue (a name an article writes once) in a short line of
  the text gets a mark of that line for its cue (table.mention_rows): a bucket of a digest
  of the line's text (`line_mark`), so that
  the store's totals per key and cue (storage/key_totals.py) count a key's articles per
  line bucket, added and taken away with the articles;
- the totals' readers take the marks apart from the cues (`split_marks`): a key keeps the
  count of its commonest mark (`KeyStats.line`), and no rule reads a mark as a cue;
- the clustering leaves out a key most of whose articles write it once, in one line bucket,
  with enough of them to be a repetition (`repeated_line`): a name that a corpus writes in
  many lines spreads over the buckets, as a name each article writes in its own words does.
- a repetition counts stories, not articles (`stories`): a story a corpus holds several
  times (a wire story in eight papers) repeats its lines too, and a name it writes once
  in a short line gathered its articles in one bucket, and was dropped as a site's line.
  Where a key is a line's by its articles, the texts of (a sample of) those articles are
  read, each told a copy of another by the words of its paragraphs (its long lines: a
  site's furniture is short lines), and the key stays unless the line is in enough
  different stories. (Only these few keys: a rule of every article's rows, a digest of
  each article's own words beside its line's, would multiply the totals' marks.)

A bucket, not the line's digest: a key's marks are at most `BUCKETS`, so the totals of a
corpus of many short lines stay bounded per key; two different lines share a bucket by
chance, and a name written in many different lines cannot gather most of its mentions in
one (for five of eight mentions at random in one of 64 buckets, about 1 in 5,000,000).
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Callable, MutableMapping

LINE = "line "  # how a mark starts: no cue does
BUCKETS = 64
SHORT = 160  # characters: a longer line is an article's own paragraph
# A key most of whose articles, and at least so many, write it once in one line bucket is the
# line's.
REPEATS = 8
SHARE = 0.6
_MARKS = [f"{LINE}{i:02x}" for i in range(BUCKETS)]


def line_mark(text: str, start: int, end: int) -> str | None:
    """The mark of the line of `text` holding `start`..`end`, if it is a short one."""
    # (Looked for no further than a short line reaches: most lines are paragraphs.)
    reach = start - SHORT
    begin = text.rfind("\n", reach if reach > 0 else 0, start) + 1
    if not begin and reach > 0:
        return None
    stop = text.find("\n", end, begin + SHORT + 1)
    if stop < 0:
        if begin + SHORT < len(text):
            return None
        stop = len(text)
    return _MARKS[zlib.crc32(text[begin:stop].strip().encode("utf-8", "surrogatepass"))
                  % BUCKETS]


def split_marks(org: MutableMapping[str, int]) -> int:
    """Take the line marks out of a key's cue counts `org`; the count of its commonest."""
    return split_mark(org)[0]


def split_mark(org: MutableMapping[str, int]) -> tuple[int, str]:
    """`split_marks`, and the commonest mark ("" for none; of equal counts the first in
    order)."""
    marks = sorted(cue for cue in org if cue.startswith(LINE))
    if not marks:
        return 0, ""
    most = max(marks, key=lambda cue: org[cue])
    count = org[most]
    for cue in marks:
        del org[cue]
    return count, most


def repeated_line(line: int, articles: int) -> bool:
    """Whether a key of `articles`, `line` of which write it once in its commonest line
    bucket, is a repeated line's word rather than a name the articles write."""
    return line >= REPEATS and line >= SHARE * articles


# Of a line's articles, at most so many are read to count its stories (spread over them by a
# digest of their ids, the same whichever run reads them).
STORY_SAMPLE = 64
# Two texts whose paragraphs share at least this share of their word pairs (Jaccard) are
# copies of one story: a wire story's copies share most, different news a few "of the".
SAME_STORY = 0.5
_WORD = re.compile(r"\w+")


def stories(db: sqlite3.Connection, key: str, mark: str, line: int,
            unpack: Callable[[bytes], str]) -> int:
    """A key's `line` (articles writing it once in the line bucket `mark`), counted in
    stories as far as a repetition needs (REPEATS): copies of one story are one. The
    articles' texts are read from the store's articles table (`unpack`: its blobs to
    text); where it has none of them (a table made of mention rows alone), `line` as
    it is."""
    where = dict(db.execute("SELECT article, spans FROM mentions WHERE key = ? AND org = ?",
                            (key, mark)).fetchall())
    ids = sorted(where, key=lambda i: (zlib.crc32(i.encode("utf-8", "surrogatepass")), i))
    seen: list[frozenset[str]] = []
    read = 0
    for start in range(0, min(len(ids), STORY_SAMPLE), 16):
        part = ids[start:min(start + 16, STORY_SAMPLE)]
        rows = dict(db.execute(f"SELECT id, text FROM articles WHERE id IN "
                               f"({','.join('?' * len(part))})", part).fetchall())
        for article in part:
            blob = rows.get(article)
            if blob is None:
                continue
            read += 1
            pairs = _word_pairs(_without_line(unpack(blob), where[article]))
            if not any(_alike(pairs, other) for other in seen):
                seen.append(pairs)
                if len(seen) >= REPEATS:
                    return line
    return line if not read else len(seen)


def _without_line(text: str, spans: str) -> str:
    """The text less the line of the mention at `spans` ("start-end"): the repeated line
    itself says nothing of which story holds it."""
    try:
        start = int(spans.split("-", 1)[0])
    except ValueError:
        return text
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[:begin] + (text[end:] if end >= 0 else "")


def _word_pairs(text: str) -> frozenset[str]:
    """The pairs of words in a row of a text's paragraphs (its long lines; all of it if it
    has none)."""
    long = [part for part in text.split("\n") if len(part) > SHORT]
    words = _WORD.findall(" ".join(long or [text]).lower())
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) >= SAME_STORY * len(a | b)
