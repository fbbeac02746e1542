"""The views of a result set as plain data: facets, timeline, keyword in context, export,
and exact hit counts (Whoosh's own top-N count is wrong; see index/query/matching.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import NewsdeskError, Stopped
from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import match_groups
from newsdesk.index.views.export import export_to_file, format_of, write_export
from newsdesk.index.views.facets import (
    choose_by,
    next_period,
    period_clause,
    period_label,
    period_start,
)
from newsdesk.index.views.kwic import sort_lines
from tests.helpers.articles import views_article


def _brute(engine: Engine, word: str, month: int | None = None) -> list[str]:
    """Articles whose title or text has `word`, by reading every article."""
    ids = []
    for i in range(120):
        a = views_article(i)
        if word in (a["title"] + " " + a["text"]).lower() and (
                month is None or (a["date"] or "").startswith(f"2020-{month:02d}")):
            ids.append(a["id"])
    return ids


@pytest.mark.parametrize("query,word,month", [("oil", "oil", None), ("oil date:2020-02", "oil", 2),
                                              ("grain", "grain", None)])
def test_totals_are_exact_with_a_small_page(views_engine: Engine, query: str, word: str,
                                            month: int | None) -> None:
    expected = len(_brute(views_engine, word, month))
    assert views_engine.search(query, limit=3).total == expected
    assert views_engine.count(query) == expected
    assert views_engine.facets(query).total == expected


def test_facets_count_sources_periods_and_actors(views_engine: Engine) -> None:
    found = views_engine.facets("oil")
    hits = _brute(views_engine, "oil")
    by_id = {f"a{i:03d}": views_article(i) for i in range(120)}
    sources = {}
    for i in hits:
        sources[by_id[i]["source"]] = sources.get(by_id[i]["source"], 0) + 1
    assert {v.label: v.count for v in found.sources} == sources
    assert found.sources[0].clause.startswith('source:"')
    undated = sum(1 for i in hits if by_id[i]["date"] is None)
    assert found.timeline.undated == undated
    assert sum(p.count for p in found.timeline.periods) == len(hits) - undated
    assert found.timeline.by == "month"
    assert [p.label for p in found.timeline.periods] == ["2020-01", "2020-02", "2020-03"]
    berg = next(v for v in found.actors if v.label == "Anna Berg")
    assert berg.count == len(hits) and berg.clause == 'actor:"Anna Berg"'


def test_choosing_a_facet_is_typing_its_query(views_engine: Engine) -> None:
    found = views_engine.facets("oil")
    for value in [*found.sources, *found.actors,
                  *(p for p in found.timeline.periods if p.count)]:
        narrowed = views_engine.search(f"(oil) AND {value.clause}", limit=500)
        assert narrowed.total == value.count, value


def test_actor_counts_from_a_sample_are_exact(views_engine: Engine,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # force candidates from a sample
    monkeypatch.setattr("newsdesk.index.views.facets.ACTOR_SAMPLE", 7)
    found = views_engine.facets("*")
    assert found.actors_from == 7 and found.total == 120
    assert {v.label: v.count for v in found.actors}["Anna Berg"] == 120


def test_timeline_periods_and_clauses() -> None:
    assert choose_by(date(2020, 1, 1), date(2020, 2, 15)) == "day"
    assert choose_by(date(2020, 1, 1), date(2024, 2, 15)) == "month"
    assert choose_by(date(1990, 1, 1), date(2024, 2, 15)) == "year"
    monday = period_start(date(2020, 1, 8), "week")
    assert monday == date(2020, 1, 6) and period_label(monday, "week") == "2020-W02"
    assert period_clause(monday, "week") == "date:[2020-01-06 TO 2020-01-12]"
    assert next_period(date(2020, 12, 1), "month") == date(2021, 1, 1)
    assert period_clause(date(2020, 3, 1), "month") == "date:2020-03"


def test_timeline_fills_empty_periods(views_engine: Engine) -> None:
    daily = views_engine.timeline("id:a001 OR id:a061")  # 2020-02-02 and 2020-02-06
    assert daily.by == "day"
    assert [(p.label, p.count) for p in daily.periods] == [
        ("2020-02-02", 1), ("2020-02-03", 0), ("2020-02-04", 0), ("2020-02-05", 0),
        ("2020-02-06", 1)]
    weekly = views_engine.timeline("grain", "week")
    starts = [p.start for p in weekly.periods]
    assert all((b - a).days == 7 for a, b in zip(starts, starts[1:], strict=False))
    assert sum(p.count for p in weekly.periods) + weekly.undated == weekly.total
    with pytest.raises(ValueError):
        views_engine.timeline("grain", "fortnight")


def test_kwic_lines_and_sorting(views_engine: Engine) -> None:
    lines, total = views_engine.kwic("oil", width=20, articles=500)
    assert total == len(_brute(views_engine, "oil"))
    article = views_engine.store.articles([lines[0].article_id])[lines[0].article_id]
    for line in lines:
        assert line.match.lower() == "oil"
        assert len(line.left) <= 20 and len(line.right) <= 20
    first = lines[0]
    assert article.text[first.span[0]:first.span[1]] == first.match
    by_right = sort_lines(lines, "right")
    rights = [line.right.split()[0].lower().strip(".") if line.right.split() else ""
              for line in by_right]
    assert rights == sorted(rights)
    by_left = sort_lines(lines, "left")
    lefts = [line.left.split()[-1].lower() for line in by_left]
    assert lefts == sorted(lefts)


def test_kwic_match_index_is_the_readers(views_engine: Engine) -> None:
    lines, _ = views_engine.kwic("berg", articles=5)
    for line in lines[:10]:
        document = views_engine.document(line.article_id, "berg")
        assert document is not None
        assert document.spans[line.match_index][0] == line.span[0]


def test_phrase_words_are_one_concordance_line_and_neighbours_two() -> None:
    text = "the drone strike, then a drone  strike again; OPEC, OPEC and opec"
    phrase = HighlightPlan(phrases=[(("drone", "strike"), 0)])
    assert match_groups(text, phrase) == [(0, (4, 16)), (1, (25, 38))]
    opec = HighlightPlan(terms={"opec"})
    groups = match_groups(text, opec)
    assert [text[s:e] for _, (s, e) in groups] == ["OPEC", "OPEC", "opec"]
    assert [i for i, _ in groups] == [0, 1, 2]
    both = HighlightPlan(terms={"opec", "strike"}, phrases=[(("drone", "strike"), 0)])
    assert [(i, text[s:e]) for i, (s, e) in match_groups(text, both)] == [
        (0, "drone strike"), (1, "drone  strike"), (2, "OPEC"), (3, "OPEC"), (4, "opec")]


def test_one_concordance_line_per_match(corpus_dir: Path, corpus_settings: Settings) -> None:
    """Matches separated only by punctuation or a space were merged into one line (174
    lines for 177 matches): every match is a line, and its index is the reader's."""
    text = ("OPEC, OPEC and OPEC. Oil (OPEC) OPEC-led; opec opec.\n" * 3)
    (corpus_dir / "a.txt").write_text("Cartel\n\n" + text)
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        document = engine.document("a", "opec")
        assert document is not None
        lines, _ = engine.kwic("opec")
        assert len(lines) == len(document.spans) == 21
        for line in lines:
            assert document.spans[line.match_index] == line.span
        hits = engine.search("opec").hits
        assert engine.kwic_of(hits, query="opec") == engine.kwic("opec")[0]


def test_export_csv_reads_back_in_a_spreadsheet_dialect(views_engine: Engine,
                                                        tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    count = export_to_file(views_engine.iter_hits("oil"), target, "csv")
    assert count == len(_brute(views_engine, "oil"))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark for spreadsheets
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == count
    assert list(rows[0]) == ["id", "title", "date", "source", "url", "path", "score",
                             "matches", "snippet", "starred", "tags", "note"]
    assert not list(tmp_path.glob(".*tmp"))


def test_export_with_full_text_and_progress(views_engine: Engine, tmp_path: Path) -> None:
    target = tmp_path / "full.jsonl"
    seen: list[int] = []
    count = export_to_file(views_engine.iter_hits("oil", full_text=True), target, "jsonl",
                           full_text=True, progress=seen.append)
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == count and seen[-1] == count
    for row in rows:
        article = views_engine.store.articles([row["id"]])[row["id"]]
        assert row["text"] == article.text and isinstance(row["matches"], int)
    csv_target = tmp_path / "full.csv"
    export_to_file(views_engine.iter_hits("oil", full_text=True), csv_target, "csv", True)
    first = next(csv.DictReader(io.StringIO(csv_target.read_text(encoding="utf-8-sig"))))
    assert first["text"] == rows[0]["text"]


def test_a_stopped_export_leaves_no_file(views_engine: Engine, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdesk.index.views.export.PROGRESS_EVERY", 1)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "stopped.csv"
    seen: list[int] = []
    with pytest.raises(Stopped):
        export_to_file(views_engine.iter_hits("oil"), target, "csv", progress=seen.append,
                       stop=lambda: len(seen) >= 1)
    assert seen == [1]
    assert list((tmp_path / "out").iterdir()) == []


def test_export_jsonl_and_formula_cells(views_engine: Engine) -> None:
    hits = list(views_engine.iter_hits("oil", 2))
    out = io.StringIO()
    assert write_export(hits, out, "jsonl") == 2
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["id"] == hits[0].id and "snippet" in first
    hits[0].title = "=HYPERLINK(\"http://x\")"
    out = io.StringIO()
    write_export(hits[:1], out, "csv")
    assert "'=HYPERLINK" in out.getvalue()
    assert format_of("a.CSV") == "csv" and format_of("a.jsonl") == "jsonl"
    assert format_of("a.txt") is None


def test_export_to_a_missing_folder_says_so(views_engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(NewsdeskError, match="no such folder"):
        export_to_file(views_engine.iter_hits("oil"), tmp_path / "nope" / "x.csv", "csv")
