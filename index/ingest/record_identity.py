"""Which stored article a record without an id is, when its id is new to its file.

Such a record's id is its file's path and a digest of its title and text (corpus.content_id),
so rows inserted, deleted or reordered around it leave its id, and the stars, tags, notes
and "new" stamp kept by that id, where they were. Two cases give a record an id its file
did not hold, though it is an article the store has:

- a store written when such ids were the file's path and line (`news_summary.csv#12`):
  the record with the same content (the store's hash) is that article; its marks move to
  the content id and it keeps its "new" stamp (the first run after the upgrade, once);
- an edited article (its title, its text, or both): matched at the end of the file with
  the articles that left it, by the same content, the same title with a like text, or a
  like text (word sets' Jaccard), best first, each at most once.

What is not matched is added, and what left unmatched is removed, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdesk.index.ingest.corpus import is_content_id, is_line_id
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store

# The records held back until their file is read (new or edited: the articles that left
# the file are known only then), by characters of title and text; past it, the rest are
# taken as new (a file rewritten whole is no edit).
DEFER_BYTES = 32 * 2**20
# Articles that left the file fetched for a match by likeness; more (a file cut down) are
# matched by their content only. (Each one's word set weighs ~20 KB at 2.4 KB of text.)
MAX_LEFT = 2_000
# Pairs scored by likeness; past it, only a same title or the same text makes a pair.
MAX_PAIRS = 250_000
SAME_TITLE_LIKE = 0.2  # an edited text under the same title: at least this Jaccard
LIKE = 0.5  # an edited title and text: at least this Jaccard of the texts' words

# The store's mark that its records without an id have content ids (a store without it is
# looked through once for path#line ids: indexer._line_id_files).
META_KEY, META_VALUE = "record_ids", "content"
REREAD = "newsdesk's ids of records without an id (their content, not their line)"

_WORD = re.compile(r"\w+")


class Matching:
    """The matching of one file's records against the articles it held (`before`: id ->
    hash, as the indexer consumes it: an id still there when the file is read has left)."""

    def __init__(self, relative: str, before: dict[str, str]) -> None:
        self.relative = relative
        self.before = before
        self.claimed = 0  # articles that left under one id and came back under another
        self._taken: set[str] = set()
        self._by_hash: dict[str, list[str]] = {}  # path#line ids by hash
        self._old: list[str] = []  # ids of the file's records without an id, as stored
        for article_id, digest in before.items():
            if is_line_id(article_id, relative):
                self._by_hash.setdefault(digest, []).append(article_id)
                self._old.append(article_id)
            elif is_content_id(article_id, relative):
                self._old.append(article_id)
        for ids in self._by_hash.values():
            ids.reverse()  # (popped from the end: the first line first)

    @property
    def waiting(self) -> bool:
        """Whether the file held records without an id (a new one may be one of them)."""
        return bool(self._old)

    def applies(self, article_id: str) -> bool:
        return is_content_id(article_id, self.relative)

    def same_content(self, digest: str) -> str | None:
        """The path#line id of a stored record with this content, taken (once)."""
        ids = self._by_hash.get(digest)
        while ids:
            old = ids.pop()
            if old in self.before and old not in self._taken:
                self._take(old)
                return old
        return None

    def _take(self, old: str) -> None:
        self._taken.add(old)
        self.claimed += 1

    def pair(self, records: list[tuple[Article, str]], store: Store) -> dict[int, str]:
        """For records held back (article, hash), by their place in the list: the id of the
        stored article each one is, where one is."""
        left = [i for i in self._old if i in self.before and i not in self._taken]
        if not records or not left:
            return {}
        found: dict[int, str] = {}
        by_hash: dict[str, list[str]] = {}
        for old in reversed(left):
            by_hash.setdefault(self.before[old], []).append(old)
        for number, (_, digest) in enumerate(records):
            ids = by_hash.get(digest)
            if ids:
                found[number] = old = ids.pop()
                self._take(old)
        left = [i for i in left if i not in self._taken]
        rest = [n for n in range(len(records)) if n not in found]
        if not left or not rest or len(left) > MAX_LEFT:
            return found
        olds = store.articles(left)
        found.update(self._alike([(n, records[n][0]) for n in rest], list(olds.values())))
        return found

    def _alike(self, records: list[tuple[int, Article]], olds: list[Article]
               ) -> dict[int, str]:
        """Edited articles: pairs of a record and an article that left, scored by the
        Jaccard of their texts' words (a same title needs less), best first."""
        words: dict[str, frozenset[str]] = {}  # (of the candidates met: made once each)
        every = len(records) * len(olds) <= MAX_PAIRS
        by_title: dict[str, list[Article]] = {}
        by_text: dict[str, list[Article]] = {}
        for old in olds:
            by_title.setdefault(_title_key(old.title), []).append(old)
            by_text.setdefault(old.text.strip(), []).append(old)
        scored: list[tuple[float, int, str]] = []
        for number, article in records:
            mine = _words(article.text)
            title = _title_key(article.title)
            candidates: Iterable[Article] = olds if every else \
                by_title.get(title, []) + by_text.get(article.text.strip(), [])
            for old in candidates:
                theirs = words.get(old.id)
                if theirs is None:
                    theirs = words[old.id] = _words(old.text)
                like = _jaccard(mine, theirs)
                same_title = bool(title) and title == _title_key(old.title)
                if like >= LIKE or (same_title and like >= SAME_TITLE_LIKE):
                    scored.append((like + (1.0 if same_title else 0.0), number, old.id))
        scored.sort(key=lambda s: -s[0])
        found: dict[int, str] = {}
        for _, number, old_id in scored:
            if number in found or old_id in self._taken:
                continue
            found[number] = old_id
            self._take(old_id)
        return found


def _title_key(title: str | None) -> str:
    return " ".join((title or "").split()).casefold()


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
