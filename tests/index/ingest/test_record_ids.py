"""Records without an id (CSV or JSON Lines with no id column) are known by their content,
not their line: rows inserted, deleted, reordered or copied around an article leave its
id, its stars, tags and notes and its "new" stamp where they were, and the run's counts
say what happened ("1 added"); an article edited (title, text or both) keeps its marks
("1 updated"). A store whose ids were path#line carries its marks over on its first run.
(stranger3 F: one row inserted at the top moved every mark to another article.)"""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest import corpus as corpus_module
from newsdesk.index.ingest import record_identity
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Article, IndexReport
from newsdesk.index.paths import index_paths
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.index.userdata.tags import Change, TagStore

WORDS = ["zebra", "okapi", "giraffe", "tapir", "wombat", "lemur", "ibis", "heron", "otter",
         "badger", "marten", "stoat", "vole", "shrew", "finch"]

Row = dict[str, str]


def _row(key: int, rng: random.Random) -> Row:
    words = " ".join(rng.choice(WORDS) for _ in range(30))
    return {"title": f"Story k{key} about {rng.choice(WORDS)}",
            "text": f"Report k{key} says {words}. The end of k{key}."}


def _write(path: Path, rows: list[Row]) -> None:
    if path.suffix == ".csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=["title", "text"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue())
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def _key(text: str) -> str:
    return text.split()[1]  # "Report kN says ..."


def _store(settings: Settings) -> dict[str, tuple[str, float]]:
    """id -> (key of the article, indexed_at), from the store."""
    db = sqlite3.connect(index_paths(settings).store)
    try:
        rows = db.execute("SELECT id, title, indexed_at FROM articles WHERE pending=0")
        return {i: (title.split()[1], at) for i, title, at in rows}
    finally:
        db.close()


def _mark_all(settings: Settings) -> TagStore:
    tags = TagStore(corpus_data_dir(settings))
    for article_id, (key, _) in _store(settings).items():
        tags.change([article_id], Change.of(add=[key], star=True, note=f"note on {key}"))
    return tags


def _check_marks(settings: Settings, tags: TagStore, keys: set[str]) -> None:
    """Every article of `keys` has the marks put on it (its own key), wherever it is."""
    stored = _store(settings)
    marks = tags.load()
    on = {stored[i][0]: m for i, m in marks.items() if i in stored}
    assert set(on) == keys
    for key, m in on.items():
        assert m.tags == [key] and m.starred and m.note == f"note on {key}"


def _counts(report: IndexReport) -> tuple[int, int, int]:
    return report.added, report.updated, report.removed


def _edit_text(row: Row) -> Row:
    return {"title": row["title"], "text": row["text"].replace(" says ", " said today ")}


def _edit_title(row: Row) -> Row:
    return {"title": row["title"] + " (updated)", "text": row["text"]}


def _edit_both(row: Row) -> Row:
    return _edit_title(_edit_text(row))


Edit = Callable[[list[Row], random.Random], tuple[list[Row], tuple[int, int, int]]]


def _insert(where: str) -> Edit:
    def edit(rows: list[Row], rng: random.Random) -> tuple[list[Row], tuple[int, int, int]]:
        place = {"top": 0, "middle": len(rows) // 2, "end": len(rows)}[where]
        return rows[:place] + [_row(1000 + rng.randrange(1000), rng)] + rows[place:], (1, 0, 0)
    return edit


def _delete(rows: list[Row], rng: random.Random) -> tuple[list[Row], tuple[int, int, int]]:
    gone = rng.randrange(len(rows))
    return rows[:gone] + rows[gone + 1:], (0, 0, 1)


def _reorder(rows: list[Row], rng: random.Random) -> tuple[list[Row], tuple[int, int, int]]:
    shuffled = rows[:]
    rng.shuffle(shuffled)
    return shuffled, (0, 0, 0)


def _copy(rows: list[Row], rng: random.Random) -> tuple[list[Row], tuple[int, int, int]]:
    return rows + [dict(rows[rng.randrange(len(rows))])], (1, 0, 0)


def _changed(change: Callable[[Row], Row]) -> Edit:
    def edit(rows: list[Row], rng: random.Random) -> tuple[list[Row], tuple[int, int, int]]:
        which = rng.randrange(len(rows))
        return rows[:which] + [change(rows[which])] + rows[which + 1:], (0, 1, 0)
    return edit


EDITS: dict[str, Edit] = {
    "insert top": _insert("top"), "insert middle": _insert("middle"),
    "insert end": _insert("end"), "delete": _delete, "reorder": _reorder,
    "copy": _copy, "edit text": _changed(_edit_text), "edit title": _changed(_edit_title),
    "edit both": _changed(_edit_both),
}


def _run_edits(settings: Settings, path: Path, names: list[str], seed: int,
               count: int = 12) -> None:
    rng = random.Random(seed)
    rows = [_row(k, rng) for k in range(count)]
    _write(path, rows)
    Indexer(settings).run()
    tags = _mark_all(settings)
    keys = {_key(r["text"]) for r in rows}
    for name in names:
        before = _store(settings)
        rows, expected = EDITS[name](rows, rng)
        _write(path, rows)
        report = Indexer(settings).run()
        assert _counts(report) == expected, name
        now_keys = {_key(r["text"]) for r in rows}
        keys &= now_keys  # (what was marked and is still there)
        _check_marks(settings, tags, keys)
        after = _store(settings)
        # Every article whose content is unchanged kept its id and its "new" stamp.
        texts = {(r["title"], r["text"]) for r in rows}
        for article_id, (key, at) in before.items():
            if article_id in after:
                assert after[article_id] == (key, at), name
        assert len(after) == len(rows)
        assert len(texts) <= len(after)


@pytest.mark.parametrize(("suffix", "edits"), [
    (".csv", ["insert top", "edit both", "reorder", "delete"]),
    (".jsonl", ["copy", "insert middle", "edit text", "delete"])])
def test_insert_edit_and_reorder_keep_every_mark(corpus_settings: Settings, corpus_dir: Path,
                                                suffix: str, edits: list[str]) -> None:
    _run_edits(corpus_settings, corpus_dir / f"feed{suffix}", edits, seed=1)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("seed", range(4))
def test_every_edit_pattern_keeps_every_mark(corpus_settings: Settings, corpus_dir: Path,
                                             suffix: str, seed: int) -> None:
    names = list(EDITS)
    random.Random(seed).shuffle(names)
    _run_edits(corpus_settings, corpus_dir / f"feed{suffix}", names + names[:3], seed=seed,
               count=30)


def test_ids_follow_content_not_lines() -> None:
    first = corpus_module.content_id("a.csv", "Title", "Text one")
    assert corpus_module.is_content_id(first, "a.csv")
    assert corpus_module.is_content_id(first + "-2", "a.csv")  # an exact copy's
    assert corpus_module.content_id("a.csv", "Title", "Text two") != first
    assert corpus_module.content_id("a.csv", " Title", "Text one\n") == first
    assert corpus_module.content_id("b.csv", "Title", "Text one") != first
    assert not corpus_module.is_content_id("a.csv#12", "a.csv")
    assert not corpus_module.is_content_id(first, "b.csv")
    assert corpus_module.is_line_id("a.csv#12", "a.csv")
    assert not corpus_module.is_line_id("b.csv#12", "a.csv")


def test_a_store_of_line_ids_carries_its_marks_over(corpus_settings: Settings,
                                                   corpus_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A store as newsdesk wrote it when a record's id was its path and line: the first
    run after the upgrade gives the articles content ids, moves their marks and keeps their
    "new" stamps; a row inserted after that is one added."""
    rng = random.Random(5)
    rows = [_row(k, rng) for k in range(10)]
    path = corpus_dir / "feed.csv"
    _write(path, rows)
    lines = iter(range(2, 1000))
    with monkeypatch.context() as patched:
        patched.setattr(corpus_module, "content_id",
                        lambda relative, title, text: f"{relative}#{next(lines)}")
        Indexer(corpus_settings).run()
    db = sqlite3.connect(index_paths(corpus_settings).store)
    with db:
        db.execute("DELETE FROM meta WHERE key=?", (record_identity.META_KEY,))
    db.close()
    before = _store(corpus_settings)
    assert all(corpus_module.is_line_id(i, "feed.csv") for i in before)
    tags = _mark_all(corpus_settings)

    report = Indexer(corpus_settings).run()
    assert (report.renamed, *_counts(report)) == (10, 0, 0, 0)
    assert report.reread == {record_identity.REREAD: 1}
    after = _store(corpus_settings)
    assert all(corpus_module.is_content_id(i, "feed.csv") for i in after)
    assert sorted(after.values()) == sorted(before.values())  # the same stamps
    keys = {_key(r["text"]) for r in rows}
    _check_marks(corpus_settings, tags, keys)

    _write(path, [_row(99, rng)] + rows)
    report = Indexer(corpus_settings).run()
    assert (report.renamed, *_counts(report)) == (0, 1, 0, 0)
    _check_marks(corpus_settings, tags, keys)
    assert Indexer(corpus_settings).run().reread == {}  # once


def test_an_edit_is_told_from_another_article() -> None:
    """A record new to its file is the article that left it when their texts are alike (or
    alike enough under the same title), best pair first; an unrelated story under a stock
    headline ("Market update") is not an edit of the one deleted."""
    rng = random.Random(3)

    def article(article_id: str, title: str, text: str) -> Article:
        return Article(id=article_id, path="f.csv", title=title, text=text)

    left = [_row(k, rng) for k in range(3)]
    olds = [article(f"f.csv#{k}", r["title"], r["text"]) for k, r in enumerate(left)]
    olds.append(article("f.csv#9", "Market update", "Shares rose in Tokyo on Monday."))
    records = [
        (0, article("n0", left[1]["title"] + " (updated)", left[1]["text"] + " More.")),
        (1, article("n1", "Market update", "A storm closed the port of Hamburg today.")),
        (2, article("n2", left[0]["title"], left[0]["text"].replace("says", "said"))),
        (3, article("n3", "Something else", "Nothing like the others at all.")),
    ]
    found = record_identity.Matching("f.csv", {})._alike(records, olds)
    assert found == {0: "f.csv#1", 2: "f.csv#0"}
