"""tag: and is: in queries (query/compile.py, query/article_sets.py): answered from the
person's tags file by article id, a filter that never changes a hit's score, the same in
search, count, saved counts, facets and exports; and kept across a re-index and an edit
of the article."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import QueryError
from newsdesk.index.userdata.bookmarks import Bookmark
from newsdesk.index.userdata.tags import Change
from newsdesk.index.views.export import write_export
from tests.helpers.indexed import indexed
from tests.helpers.paths import SEEDS


def _ids(engine: Engine, query: str) -> set[str]:
    return {h.id for h in engine.search(query, limit=100).hits}


def test_tag_and_is_queries_filter_without_ranking(seed_engine: Engine) -> None:
    engine = seed_engine
    every = sorted(_ids(engine, "*"))
    lead, starred = set(every[:2]), {every[1], every[3]}
    engine.tags.change(lead, Change.of(add=["lead"]))
    engine.tags.change(starred, Change.of(star=True, note="check"))
    assert _ids(engine, "tag:lead") == _ids(engine, "TAG:Lead") == lead
    assert _ids(engine, 'tag:"lead"') == _ids(engine, "tag:le*") == lead
    assert _ids(engine, "is:starred") == _ids(engine, "is:noted") == starred
    assert _ids(engine, "is:tagged") == lead
    assert _ids(engine, "-tag:lead") == set(every) - lead
    assert _ids(engine, "NOT is:starred AND NOT tag:lead") == set(every) - lead - starred
    assert _ids(engine, "tag:lead OR is:starred") == lead | starred
    assert _ids(engine, "tag:none") == set() and engine.count("tag:none") == 0
    assert engine.count("tag:lead") == 2
    assert sorted(engine.ids("tag:lead OR is:starred")) == sorted(lead | starred)
    assert sorted(engine.ids("*")) == every
    assert engine.ids("soleimani") == [h.id for h in engine.search("soleimani").hits]
    # A filter: the words rank as they do alone.
    alone = {h.id: h.score for h in engine.search("soleimani", limit=10).hits}
    within = engine.search("soleimani tag:lead", limit=10).hits
    assert {h.id for h in within} == lead and all(h.score == alone[h.id] for h in within)
    assert {h.id for h in engine.search("soleimani tag:lead", sort="newest").hits} == lead
    # The hits carry their marks.
    hit = next(h for h in engine.search("is:starred").hits if h.id == every[1])
    assert (hit.starred, hit.tags, hit.note) == (True, ["lead"], "check")


def test_a_tag_being_typed_is_a_prefix(seed_engine: Engine) -> None:
    engine = seed_engine
    first = sorted(_ids(engine, "*"))[0]
    engine.tags.change([first], Change.of(add=["lead"], star=True))
    assert engine.search("tag:le").total == 0  # as written: no tag "le"
    typed = engine.search("tag:le", typing=True)
    assert [h.id for h in typed.hits] == [first] and typed.prefix == "tag:le"
    assert engine.search("is:sta", typing=True).total == 1
    with pytest.raises(QueryError):
        engine.search("is:sta")
    # A whole value, read as a prefix, finds what it finds as written: no prefix said
    # (the status line showed "is:starred… as a prefix").
    assert engine.search("is:sta", typing=True).prefix == "is:sta"
    assert engine.search("is:starred", typing=True).prefix is None
    assert engine.search("tag:lead", typing=True).prefix is None
    engine.tags.change([sorted(_ids(engine, "*"))[1]], Change.of(add=["leader"]))
    assert engine.search("tag:lead", typing=True).prefix == "tag:lead"  # leader too


@pytest.mark.parametrize(("query", "message"), [
    ("is:bogus", "is:starred"), ("tag:lead~", "takes a word"), ("is:star*", "takes a word")])
def test_bad_mark_queries_say_why(seed_engine: Engine, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        seed_engine.search(query)


def test_saved_counts_facets_and_exports_see_the_marks(seed_engine: Engine) -> None:
    engine = seed_engine
    every = sorted(_ids(engine, "*"))
    engine.tags.change(every[:3], Change.of(add=["lead"]))
    engine.tags.change(every[:1], Change.of(add=["todo"], star=True))
    counts = engine.saved_counts([Bookmark("leads", "tag:lead", 0, 0)])
    assert counts["leads"].count == 3
    tags = engine.facets("*").tags
    assert [(v.label, v.count, v.clause) for v in tags] == [
        ("★ starred", 1, "is:starred"), ("lead", 3, "tag:lead"), ("todo", 1, "tag:todo")]
    assert [(v.label, v.count) for v in engine.facets("tag:todo").tags] == [
        ("★ starred", 1), ("lead", 1), ("todo", 1)]
    out = io.StringIO()
    write_export(engine.iter_hits("tag:todo"), out, "jsonl")
    row = json.loads(out.getvalue())
    assert (row["starred"], row["tags"]) == (True, ["lead", "todo"])
    out = io.StringIO()
    write_export(engine.iter_hits("tag:todo"), out, "csv")
    assert out.getvalue().splitlines()[1].endswith(",yes,lead todo,")


def test_marks_survive_a_reindex_and_an_edit(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    settings = indexed(tmp_path, [corpus])
    with Engine(settings) as engine:
        first = sorted(_ids(engine, "*"))[0]
        engine.tags.change([first], Change.of(add=["lead"], star=True))
    path = corpus / f"{first}.txt"
    path.write_text(path.read_text() + "\nA walrus paragraph added later.\n")
    report = Indexer(settings).run()
    assert report.updated == 1
    with Engine(settings) as engine:
        assert _ids(engine, "tag:lead walrus") == {first}
    shutil.rmtree(settings.index.dir)  # the index built anew from the files
    Indexer(settings).run()
    with Engine(settings) as engine:
        assert _ids(engine, "is:starred") == {first}
