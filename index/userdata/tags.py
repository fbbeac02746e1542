"""Stars, tags and notes on articles (tags.yaml beside the saved searches of a corpus).

Kept by article id, so they outlive a re-index and an edit of the article's text; written
as the saved searches are (userdata/bookmarks.py): every change made under a lock to the
file as it is on disk at that moment, then written atomically with a backup. The lock is
the saved searches' own, one lock for what a person keeps of a corpus: two dashboards and
the CLI tagging at once lose nothing. Tags are folded to lower case; `tag:` and `is:`
queries are answered from here (query/compile.py), never from the Whoosh index."""

from __future__ import annotations

import fnmatch
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.bookmarks import (
    FORMAT_VERSION,
    SavedFileError,
    _load_yaml,
    _stamp,
    _unstamp,
    _UserFile,
)
from newsdesk.index.userdata.yaml_files import dump_yaml

TAG_MAX = 40
NOTE_MAX = 500
# A tag is one word as the query language reads one (tag:lead): letters, digits and
# _ . : / - inside, a letter or digit first (so +lead and -lead stay commands).
_TAG = re.compile(r"[^\W_][\w.:/-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
IS_VALUES = ("starred", "tagged", "noted")


class TagError(NewsdeskError):
    """A tag or note that cannot be stored as given."""


def clean_tag(text: str) -> str:
    tag = text.strip().lower()
    if not tag:
        raise TagError("a tag cannot be empty")
    if len(tag) > TAG_MAX:
        raise TagError(f"tag '{tag[:TAG_MAX]}…' is longer than {TAG_MAX} characters")
    if not _TAG.fullmatch(tag):
        raise TagError(f"tag '{tag}': use letters, digits and _ . : / - (no spaces), "
                       "starting with a letter or digit")
    return tag


def clean_note(text: str) -> str:
    """A note on one line: control characters and line breaks become spaces."""
    note = " ".join(_CONTROL.sub(" ", text).split())
    if len(note) > NOTE_MAX:
        raise TagError(f"a note holds at most {NOTE_MAX} characters ({len(note)} given)")
    return note


@dataclass(slots=True)
class Marks:
    """What a person put on one article."""

    starred: bool = False
    tags: list[str] = field(default_factory=list)  # sorted
    note: str = ""
    changed: float = 0.0

    def __bool__(self) -> bool:
        return self.starred or bool(self.tags) or bool(self.note)


NO_MARKS = Marks()


@dataclass(frozen=True, slots=True)
class Change:
    """Tags to add and to take off, a star to set or clear, a note to set ("" clears it);
    None leaves the star or the note as it is."""

    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    star: bool | None = None
    note: str | None = None

    def __bool__(self) -> bool:
        return bool(self.add or self.remove) or self.star is not None or self.note is not None

    @classmethod
    def of(cls, add: Iterable[str] = (), remove: Iterable[str] = (),
           star: bool | None = None, note: str | None = None) -> Change:
        """Checked and folded: TagError for a bad tag or note."""
        return cls(tuple(dict.fromkeys(clean_tag(t) for t in add)),
                   tuple(dict.fromkeys(clean_tag(t) for t in remove)), star,
                   None if note is None else clean_note(note))

    def apply(self, marks: Marks) -> Marks:
        tags = (set(marks.tags) | set(self.add)) - set(self.remove)
        return Marks(marks.starred if self.star is None else self.star, sorted(tags),
                     marks.note if self.note is None else self.note, marks.changed)


class TagStore(_UserFile):
    """The stars, tags and notes of one corpus's articles, by article id."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "tags.yaml"
        self.lock_of = folder / "saved.yaml"
        self.error: str | None = None
        self.marks: dict[str, Marks] = {}
        self._by_tag: dict[str, frozenset[str]] = {}

    # -- the file -------------------------------------------------------------------------------

    def _read(self) -> dict[str, Marks]:
        data, node = _load_yaml(self.path)
        found: dict[str, Marks] = {}
        for item, line in self._top(data, node, "articles"):
            where = f"{self.path}:{line}"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str | int):
                raise SavedFileError(f"{where}: an entry needs the article's id")
            article_id = str(item["id"])
            tags = item.get("tags") or []
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                raise SavedFileError(f"{where}: tags must be a list of words")
            note = item.get("note") or ""
            starred = item.get("starred", False)
            if not isinstance(note, str) or not isinstance(starred, bool):
                raise SavedFileError(f"{where}: note must be text, starred true or false")
            try:
                cleaned = sorted({clean_tag(t) for t in tags})
                note = clean_note(note)
            except TagError as exc:
                raise SavedFileError(f"{where}: {exc}") from None
            changed = _unstamp(item["changed"], self.path, line) if "changed" in item else 0.0
            if article_id in found:
                raise SavedFileError(f"{where}: a second entry for article '{article_id}'")
            marks = Marks(starred, cleaned, note, changed)
            if marks:
                found[article_id] = marks
        return found

    def _text(self, data: object) -> str:
        marks: dict[str, Marks] = data  # type: ignore[assignment]
        rows = []
        for article_id, m in marks.items():
            row: dict[str, object] = {"id": article_id}
            if m.starred:
                row["starred"] = True
            if m.tags:
                row["tags"] = list(m.tags)
            if m.note:
                row["note"] = m.note
            row["changed"] = _stamp(m.changed or time.time())
            rows.append(row)
        header = ("# newsdesk stars, tags and notes on the articles of one corpus, by article\n"
                  "# id. Edit by hand if you like; `newsdesk tag` changes them too.\n")
        return header + dump_yaml({"version": FORMAT_VERSION, **self.extra, "articles": rows})

    def _keep(self, data: object) -> None:
        marks: dict[str, Marks] = dict(data)  # type: ignore[call-overload]
        by_tag: dict[str, set[str]] = {}
        for article_id, m in marks.items():
            for tag in m.tags:
                by_tag.setdefault(tag, set()).add(article_id)
        # New objects, assigned whole: a search reading them in a worker sees the old or
        # the new, never half of a change.
        self._by_tag = {tag: frozenset(ids) for tag, ids in by_tag.items()}
        self.marks = marks

    def load(self) -> dict[str, Marks]:
        self._reload()
        return self.marks

    def reload_if_changed(self) -> bool:
        if not self.changed():
            return False
        self._reload()
        return True

    def fresh(self) -> None:
        """Up to date with the file (one stat when it has not changed); a broken file is
        reported as a SavedFileError, once each time it changes."""
        self.reload_if_changed()

    # -- changing -------------------------------------------------------------------------------

    def change(self, article_ids: Iterable[str], change: Change) -> int:
        """Apply `change` to each article, all in one write; how many articles changed."""
        ids = list(dict.fromkeys(article_ids))
        changed = [0]
        now = time.time()

        def apply(marks: dict[str, Marks]) -> bool:
            for article_id in ids:
                before = marks.get(article_id, NO_MARKS)
                after = change.apply(before)
                if (after.starred, after.tags, after.note) == \
                        (before.starred, before.tags, before.note):
                    continue
                changed[0] += 1
                after.changed = now
                if after:
                    marks[article_id] = after
                else:
                    marks.pop(article_id, None)
            return changed[0] > 0

        if ids and change:
            self._change(apply)
        return changed[0]

    def rename_ids(self, renames: dict[str, str]) -> int:
        """Carry the marks of articles whose id changed (old id -> new id; the indexer's,
        for a record without an id edited, or read with content ids for the first time)
        over to the new ids, in one write; how many articles' marks moved. A new id that
        has marks already keeps them, with the old id's added (tags joined, notes both)."""
        moved = [0]

        def apply(marks: dict[str, Marks]) -> bool:
            for old, new in renames.items():
                if old == new or old not in marks:
                    continue
                before = marks.pop(old)
                there = marks.get(new)
                if there is not None:
                    note = "\n".join(n for n in dict.fromkeys((there.note, before.note)) if n)
                    before = Marks(there.starred or before.starred,
                                   sorted(set(there.tags) | set(before.tags)), note,
                                   max(there.changed, before.changed))
                marks[new] = before
                moved[0] += 1
            return moved[0] > 0

        if renames and self.path.exists():
            self._change(apply)
        return moved[0]

    # -- reading --------------------------------------------------------------------------------

    def of(self, article_id: str) -> Marks:
        return self.marks.get(article_id, NO_MARKS)

    def ids_tagged(self, pattern: str) -> set[str]:
        """The articles with the tag (or a tag matching a wildcard pattern: tag:elect*)."""
        folded = pattern.lower()
        by_tag = self._by_tag
        if "*" not in folded and "?" not in folded:
            return set(by_tag.get(folded, ()))
        found: set[str] = set()
        for tag in fnmatch.filter(by_tag, folded):
            found |= by_tag[tag]
        return found

    def ids_that_are(self, what: str) -> set[str]:
        """is:starred, is:tagged (any tag), is:noted (a note); "star*" (being typed) is the
        one it begins."""
        if what.endswith("*"):
            what = next((v for v in IS_VALUES if v.startswith(what[:-1])), what[:-1])
        marks = self.marks
        if what == "starred":
            return {i for i, m in marks.items() if m.starred}
        if what == "tagged":
            return {i for i, m in marks.items() if m.tags}
        if what == "noted":
            return {i for i, m in marks.items() if m.note}
        raise TagError(f"is:{what}: use is:{', is:'.join(IS_VALUES)}")

    def tag_counts(self) -> Counter[str]:
        """Every tag with the number of articles that have it."""
        return Counter({tag: len(ids) for tag, ids in self._by_tag.items()})

    def tag_sets(self) -> dict[str, frozenset[str]]:
        return self._by_tag
