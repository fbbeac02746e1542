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


@pytest.mark.parametrize(("phase", "said", "then"), [
    ("actors", "Finishing: every article is in", ""),
    ("indexing", "Stopping after the current batch", "the run is complete"),
])
def test_a_late_ctrl_c_never_contradicts_the_outcome(
        phase: str, said: str, then: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C arriving once the articles are all in (the actor table being built, or the
    last batch committing): no "Stopping…" followed by a complete run's counts without a
    word; and once the run is over, Ctrl-C is an ordinary interrupt again."""
    import os
    import signal

    from newsdesk.index.config import load_settings
    from newsdesk.index.ingest.indexer import Indexer, Progress
    from newsdesk.index.models import IndexReport
    from newsdesk.tui.cli.progress import run_indexer_with_progress

    def finishes_anyway(self: Indexer, progress: object, cancel: object) -> IndexReport:
        progress(Progress(phase))  # type: ignore[operator]
        os.kill(os.getpid(), signal.SIGINT)
        return IndexReport(added=3, total=3)

    monkeypatch.setattr(Indexer, "__init__", lambda self, *a, **k: None)
    monkeypatch.setattr(Indexer, "run", finishes_anyway)
    before = signal.getsignal(signal.SIGINT)
    report = run_indexer_with_progress(load_settings(), quiet=True)
    err = capsys.readouterr().err
    assert not report.cancelled and "3 articles indexed" in err
    assert said in err
    assert (then in err) if then else "complete" not in err
    assert signal.getsignal(signal.SIGINT) is before
