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


@pytest.mark.parametrize("phase", ["indexing", "actors", "duplicates"])
@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_a_late_stop_never_contradicts_the_outcome(
        phase: str, signal_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A stop (Ctrl-C or SIGTERM) arriving as the run ends: no "stopping" followed by a
    complete run's counts without a word; and once the run is over, both signals do what
    they did before it."""
    import os
    import signal

    from newsdesk.index.config import load_settings
    from newsdesk.index.ingest.indexer import Indexer, Progress
    from newsdesk.index.models import IndexReport
    from newsdesk.tui.cli.progress import run_indexer_with_progress

    number = getattr(signal, signal_name)

    def finishes_anyway(self: Indexer, progress: object, cancel: object) -> IndexReport:
        progress(Progress(phase))  # type: ignore[operator]
        os.kill(os.getpid(), number)
        return IndexReport(added=3, total=3)

    monkeypatch.setattr(Indexer, "__init__", lambda self, *a, **k: None)
    monkeypatch.setattr(Indexer, "run_alone", finishes_anyway)
    before = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    report = run_indexer_with_progress(load_settings(), quiet=True)
    err = capsys.readouterr().err
    assert not report.cancelled and "3 articles indexed" in err
    said = "Ctrl-C" if signal_name == "SIGINT" else "SIGTERM"
    assert f"{said}: stopping" in err and "the run is complete" in err
    assert {n: signal.getsignal(n) for n in before} == before


def test_a_stopped_run_says_what_the_index_holds_not_what_it_read(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A stopped run's counts are of the articles it read, most not committed: the line
    of counts is left out, and `index` says what the index holds (F16's "0 articles
    indexed: 3,168 added")."""
    from newsdesk.index.config import load_settings
    from newsdesk.index.ingest.indexer import Indexer
    from newsdesk.index.models import IndexReport
    from newsdesk.tui.cli.progress import run_indexer_with_progress

    monkeypatch.setattr(Indexer, "__init__", lambda self, *a, **k: None)
    monkeypatch.setattr(Indexer, "run_alone", lambda self, progress, cancel: IndexReport(
        added=3168, total=600, cancelled=True))
    report = run_indexer_with_progress(load_settings(), quiet=True)
    assert report.cancelled and "added" not in capsys.readouterr().err
