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
  (A story a corpus holds several times repeats its lines too; but the names it is about
  it writes more than once, and one it names once is kept unless eight copies or more of it
  are most of the name's articles.)

Text a scraper ran together has no lines to repeat (a site's menu, footer, "most popular"
headlines and share buttons run into the story: 26 of the top 30 actors of 515 scraped tech
pages). So a mention in a long line is marked by its window, WINDOW characters either side
in its line (`mark`); an article's several mentions of a name by the window most of their
places share, else by all their windows' texts (`marks_of`). Each mark is an article's own:
counted in the store's totals, the statistic is the same whatever the order of the
articles or their batches, and an add or a removal keeps it. A story a corpus holds many
times repeats its windows as a site's pages do; a row's mark says its text's length too
(modulo LENGTHS), and a mark whose articles are of one length is copies, not furniture
(`marks_count`). Only where it pays: a text long enough to hold a page's furniture
(LONG_PAGE), a name of no dictionary (a dictionary's is never dropped so; rows.py's
`mention_rows`); a row of the store's totals per mark is what the rule costs.

A bucket, not the line's digest: a key's marks are at most `BUCKETS`, so the totals of a
corpus of many short lines stay bounded per key; two different lines share a bucket by
chance, and a name written in many different lines cannot gather most of its mentions in
one (for five of eight mentions at random in one of 64 buckets, about 1 in 5,000,000).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, MutableMapping

LINE = "line "  # how a mark starts: no cue does
BUCKETS = 64
SHORT = 160  # characters: a longer line is an article's own paragraph
# A key most of whose articles, and at least so many, write it once in one line bucket is the
# line's.
REPEATS = 8
SHARE = 0.6
# Characters either side of a mention in a long line that make its window (`window_mark`).
WINDOW = 16
# A text at least this long may be a page whose furniture a scraper ran into its lines: its
# menus, footers and lists of headlines are kilobytes (515 scraped tech pages: 95% longer
# than 2,500 characters, half longer than 16,000). A shorter text's long lines are its own
# paragraphs (BBC articles 2,200 characters on average, Reuters' 1,000): its mentions get
# no window's mark. (Each mark is a row of the store's totals: marked in every text, the
# windows cost a 30,000-article build of short news 3 to 10% more CPU, for nothing.)
LONG_PAGE = 4000
# A page's text of no line break at all, at least this long, is a scraper's that lost the
# page's lines too: its mentions get their windows' marks however short (FA-KES's Syrian
# war news, 1,900 to 5,800 characters: a site's footer, "Subscribe TRT World on Facebook
# Like Follow ... Terms of Use Privacy Policy Cookie Policy", run into 19 articles' last
# line made "Use Privacy Policy Cookie Policy" an actor). Not a brief's one line (ACLED's
# event notes, 165 characters): a formula its writers repeat is its own words.
FLAT_PAGE = 1000
_MARKS = [f"{LINE}{i:02x}" for i in range(BUCKETS)]
_MARK = len(_MARKS[0])
# A row's mark also says its article's text length, modulo LENGTHS: the articles of one
# mark that all have one length are copies of a story (a corpus that holds one twenty
# times), not a site's pages (`split_marks`).
LENGTHS = 4
_ROW_MARKS = [f"{mark}{n}" for mark in _MARKS for n in range(LENGTHS)]


def line_mark(text: str, start: int, end: int) -> str | None:
    """The mark of the line of `text` holding `start`..`end`, if it is a short one."""
    line = _line(text, start, end)
    return None if line is None else _MARKS[_digest(text, *line) % BUCKETS]


def _line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the short line holding `start`..`end` begins and ends."""
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
    return begin, stop


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` with up to WINDOW characters either side, in its line: where the line
    is long, a site's menu, footer or list of headlines run together (a scraper that lost
    the page's lines) writes the same text around its names in every article, and an
    article's own words write their own."""
    begin = text.rfind("\n", start - WINDOW if start > WINDOW else 0, start) + 1
    if not begin:
        begin = start - WINDOW if start > WINDOW else 0
    stop = text.find("\n", end, end + WINDOW)
    return begin, end + WINDOW if stop < 0 else stop


def _digest(text: str, begin: int, stop: int) -> int:
    return zlib.crc32(text[begin:stop].strip().encode("utf-8", "surrogatepass"))


def mark(text: str, start: int, end: int) -> str:
    """The mark of a mention: of its short line (`line_mark`), else of its window if the
    text is a long page's (LONG_PAGE), else none ("").
    (`_line`, `_window`, `_digest` and `_row_mark` in one: it runs for most rows of a
    build, and their four calls were half its time.)"""
    reach = start - SHORT
    begin = text.rfind("\n", reach if reach > 0 else 0, start) + 1
    stop = -1
    if begin or reach <= 0:  # (`_line`)
        stop = text.find("\n", end, begin + SHORT + 1)
        if stop < 0 and begin + SHORT >= len(text):
            stop = len(text)
    if stop < 0:  # (`_window`)
        if len(text) < LONG_PAGE and not flat_page(text):
            return ""
        begin = text.rfind("\n", start - WINDOW if start > WINDOW else 0, start) + 1
        if not begin:
            begin = start - WINDOW if start > WINDOW else 0
        stop = text.find("\n", end, end + WINDOW)
        if stop < 0:
            stop = end + WINDOW
    return _ROW_MARKS[zlib.crc32(text[begin:stop].strip().encode("utf-8", "surrogatepass"))
                      % BUCKETS * LENGTHS + len(text) % LENGTHS]


def flat_page(text: str) -> bool:
    """Whether `text` is a page's of no line break (FLAT_PAGE)."""
    return len(text) >= FLAT_PAGE and "\n" not in text


def _row_mark(text: str, digest: int) -> str:
    return _ROW_MARKS[digest % BUCKETS * LENGTHS + len(text) % LENGTHS]


def marks_of(text: str, spans: list[tuple[int, int]]) -> str:
    """The mark of an article's several mentions of a name: of the text of the line or
    window that more than half of the places they are in write, else of the texts of all
    of them; none if they are all in one place. A list of headlines a page prints after
    every paragraph (some of them run into the paragraph's last words) marks the name as a
    page that prints it once does, a footer that names it twice as every page with that
    footer does; an article that writes it in its own words as often as its furniture does
    marks it as no other article. (None in a text shorter than LONG_PAGE, unless flat.)"""
    if len(text) < LONG_PAGE and not flat_page(text):
        return ""
    places: dict[tuple[int, int], None] = {}
    for start, end in spans:
        places[_line(text, start, end) or _window(text, start, end)] = None
    if len(places) < 2:
        return ""
    counts: dict[int, int] = {}
    for place in places:
        digest = _digest(text, *place)
        counts[digest] = counts.get(digest, 0) + 1
    for digest, n in counts.items():
        if 2 * n > len(places):
            return _row_mark(text, digest)
    return _row_mark(text, zlib.crc32(b"".join(d.to_bytes(4, "little") for d in sorted(counts))))


def split_marks(org: MutableMapping[str, int]) -> int:
    """Take the line marks out of a key's cue counts `org`; the count of its commonest."""
    marks = {cue: org.pop(cue) for cue in [cue for cue in org if cue.startswith(LINE)]}
    return marks_count(marks) if marks else 0


def marks_count(marks: Mapping[str, int]) -> int:
    """Of a key's marks with their counts, the articles of its commonest line or window
    (a mark without its length, `_ROW_MARKS`), unless they are copies of one story: all,
    or all but a few (under a quarter), of one length."""
    lines: dict[str, list[int]] = {}
    for mark, n in marks.items():
        line = lines.get(mark[:_MARK])
        if line is None:
            line = lines[mark[:_MARK]] = [0, 0]
        line[0] += n
        if n > line[1] and len(mark) > _MARK:  # (a store's from before lengths: none)
            line[1] = n
    most = 0
    for total, one_length in lines.values():
        if total > most and 4 * (total - one_length) >= total:
            most = total
    return most


def repeated_line(line: int, articles: int) -> bool:
    """Whether a key of `articles`, `line` of which write it once in its commonest line
    bucket, is a repeated line's word rather than a name the articles write."""
    return line >= REPEATS and line >= SHARE * articles
