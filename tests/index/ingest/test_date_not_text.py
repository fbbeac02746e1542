"""A date field holding no text and no number (a JSON true, a list, an object) is said to
be no date, without advice to set corpus.date_format (no format reads a boolean: an
outside tester's F11), once per kind with its count, the articles kept without a date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer

VALUES = [True, False, [2020, 1, 2], {"year": 2020}, [], {}, [["2020-01-02"]]]


@pytest.mark.parametrize("value", VALUES, ids=[json.dumps(v) for v in VALUES])
def test_a_date_that_is_no_text_or_number_is_said_so(
        corpus_dir: Path, corpus_settings: Settings, value: object) -> None:
    records = [{"id": f"a{i}", "title": "Talks", "text": f"Iran met Iraq on day {i}.",
                "date": value if i % 2 else "2020-01-02"} for i in range(6)]
    (corpus_dir / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    report = Indexer(corpus_settings).run()
    said = [p for p in report.problems if "date" in p.reason]
    assert len(said) == 1, report.problems
    problem = said[0]
    assert "not text or a number" in problem.reason and "date_format" not in problem.reason
    assert json.dumps(value)[:20] in problem.reason and problem.count == 3
    assert not problem.skipped and report.added == 6
