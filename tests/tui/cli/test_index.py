"""`newsdesk index`: problems reported, counts summed up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.command import run
from tests.helpers.paths import write_config


def test_index_command_reports_problems_and_counts(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Title\n\nSome text")
    (corpus / "bad.jsonl").write_text('{"id": 1, "text": "fine"}\n{oops\n')
    monkeypatch.setenv("NEWSDESK_CONFIG", str(write_config(tmp_path / "c.yaml", [corpus])))
    proc = run("index")
    assert proc.returncode == 0, proc.stderr
    assert "bad.jsonl:2: malformed JSON" in proc.stderr
    assert "2 articles indexed: 2 added" in proc.stderr
    proc = run("index")
    assert "0 added" in proc.stderr and "2 unchanged" in proc.stderr
