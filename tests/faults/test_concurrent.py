"""Concurrent use: the dashboard stays usable while a real `newsdesk index` adds articles
beside it, and shows them after its next refresh; a second indexer on the same index is
refused with a message that says who holds it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.status import StatusLine
from tests.helpers.figures import Record
from tests.helpers.generated import make_corpus
from tests.helpers.paths import NEWSDESK, ROOT, write_config
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready

# Articles the other process adds, in commits of 300: it is stopped after its first commit
# whatever the machine's speed, so a few commits show the results growing; -m slow: 6,000.
SIZES = [1500, pytest.param(6000, marks=pytest.mark.slow)]


def _settings(tmp_path: Path, corpus: Path,
              monkeypatch: pytest.MonkeyPatch) -> tuple[Settings, dict[str, str]]:
    cfg = write_config(tmp_path / "cfg.yaml", [corpus],
                       f"index:\n  dir: {tmp_path / 'idx'}\n  batch_size: 300\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return load_settings(), {**os.environ}


def _generation(whoosh: Path) -> int:
    """The latest committed generation of the Whoosh index (its table of contents)."""
    return max((int(p.stem.rsplit("_", 1)[1]) for p in whoosh.glob("_MAIN_*.toc")),
               default=-1)


def _indexer(env: dict[str, str], stop_after_first_commit: bool = False
             ) -> subprocess.Popen[str]:
    command = [*NEWSDESK, "index", "-q"]
    if stop_after_first_commit:
        command = [sys.executable, "-c", _STOPS_AFTER_FIRST_COMMIT]
    return subprocess.Popen(command, cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


# The real `newsdesk index`, which stops itself (SIGSTOP) once its first commit is in: its
# commits can come 30 ms apart, and a watcher sharing two busy cores with the suite caught
# the first only after the last (no size seen between the old one and the new one).
_STOPS_AFTER_FIRST_COMMIT = """
import os, signal, sys
import newsdesk.index.ingest.indexer as indexer
real_commit = indexer.commit_segment
commits = []
def commit_then_stop(*args, **kwargs):
    real_commit(*args, **kwargs)
    commits.append(1)
    if len(commits) == 1:
        os.kill(os.getpid(), signal.SIGSTOP)
indexer.commit_segment = commit_then_stop
from newsdesk.tui.cli.main import main
sys.exit(main(["index", "-q"]))
"""


def _stopped(pid: int) -> bool:
    """The process is stopped (state T in /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] in ("T", "t")


@pytest.mark.parametrize("new", SIZES)
async def test_dashboard_works_while_another_process_indexes(
        tmp_path: Path, figures: Record, monkeypatch: pytest.MonkeyPatch, new: int) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 600)
    settings, env = _settings(tmp_path, corpus, monkeypatch)
    Indexer(settings).run()
    app = NewsdeskApp(settings)
    tried = failed = 0
    counts: set[int] = set()  # the sizes of the index the dashboard saw while it grew
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        before = dashboard(app).search.doc_count
        with open(corpus / "zz-new.jsonl", "w") as out:  # `new` more, 300 a commit
            for n in range(new):
                out.write(json.dumps({"id": f"new{n}", "title": f"Okapi report {n}",
                                      "text": "okapi " + "commonword market " * 40}) + "\n")
        first = _generation(index_paths(settings).whoosh)
        proc = _indexer(env, stop_after_first_commit=True)
        try:
            # Caught mid-run, whatever the machine's speed: it stops itself once its first
            # commit is in (holding the lock, part of its articles in) while the dashboard
            # searches, then is let go while it searches on.
            while proc.poll() is None and not _stopped(proc.pid):
                await pilot.pause(0.005)
            stopped = proc.poll() is None
            assert _generation(index_paths(settings).whoosh) != first or not stopped
            words = ["commonword", "market oil", "okapi", '"commonword market"', "bank*"]
            while (proc.poll() is None or stopped) and tried < 500:
                if stopped and tried == 5:
                    proc.send_signal(signal.SIGCONT)
                    stopped = False
                query = words[tried % len(words)]
                tried += 1
                dashboard(app).index_bar.check_for_changes()  # as its timer does, sooner
                counts.add(dashboard(app).search.doc_count)
                try:
                    await search(pilot, query)
                    if app.query_one(StatusLine).message_kind == "error":
                        failed += 1
                except AssertionError:  # the search never came back
                    failed += 1
        finally:
            proc.send_signal(signal.SIGCONT)
            proc.wait(timeout=300)
        dashboard(app).index_bar.check_for_changes()  # what the five-second timer does
        await wait_for(pilot, lambda: dashboard(app).search.doc_count == before + new, timeout=20)
        await search(pilot, "okapi")
        shown = dashboard(app).results.total
    failed += int(proc.returncode != 0) + int(shown != new)
    growing = sorted(c for c in counts if before < c < before + new)
    figures("dashboard searching while another process indexes", tried + 1, failed,
            f"{tried} searches during the run, {len(growing)} sizes seen as it grew; "
            f"then all {new:,} new articles found")
    assert failed == 0 and tried >= 3, proc.stderr.read() if proc.stderr else ""
    assert growing  # results grew while the ingest went on, not only at its end


def test_second_indexer_is_refused_while_the_first_runs(
        tmp_path: Path, figures: Record, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 1000)
    _, env = _settings(tmp_path, corpus, monkeypatch)
    first = _indexer(env)
    tried = failed = 0
    try:
        lock = tmp_path / "idx" / "index.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        # Held mid-run, whatever the machine's speed: the lock is its own while stopped.
        first.send_signal(signal.SIGSTOP)
        for _ in range(3):
            if first.poll() is not None:
                break
            tried += 1
            second = subprocess.run([*NEWSDESK, "index", "-q"], cwd=ROOT,
                                    env=env, capture_output=True, text=True, timeout=60)
            message = second.stderr
            if not (second.returncode == 2 and f"pid {first.pid}" in message
                    and "is indexing" in message and "Traceback" not in message):
                failed += 1
    finally:
        first.send_signal(signal.SIGCONT)
        first.wait(timeout=600)
    failed += int(first.returncode != 0)
    after = subprocess.run([*NEWSDESK, "index", "-q"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    failed += int(after.returncode != 0)  # the lock went with the first: no stale lock
    figures("second indexer while one runs", tried, failed, "refused, naming the holder")
    assert tried == 3 and failed == 0
