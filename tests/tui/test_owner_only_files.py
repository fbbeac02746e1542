"""Every file newsdesk makes for the user is its owner's only, whatever the umask (an outside
tester found the dashboard's export folder 0755 and the export 0644: whole articles, notes
and tags readable by every user). Each writer is run here under umask 022, in-process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.userdata.atomic import write_atomic
from newsdesk.index.userdata.lock import lock_path, locked
from newsdesk.index.views.export import export_to_file
from newsdesk.tui import crash
from newsdesk.tui.article_actions import make_export_folder
from newsdesk.tui.latency import LatencyProbe


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _open_to_others(root: Path) -> list[str]:
    return [f"{p.relative_to(root)} {p.stat().st_mode & 0o777:o}"
            for p in (root, *root.rglob("*")) if p.stat().st_mode & 0o077]


def test_every_writer_makes_owner_only_files(open_umask: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    made = tmp_path / "made"  # the folders below it are newsdesk's to make
    made.mkdir(mode=0o700)
    # The dashboard's export: its missing folders, then the file.
    export = made / "exports" / "2026" / "oil.csv"
    assert make_export_folder(export) is None
    assert export_to_file(iter([]), export, "csv") == 0
    jsonl = made / "exports" / "oil.jsonl"
    export_to_file(iter([]), jsonl, "jsonl")
    export_to_file(iter([]), jsonl, "jsonl")  # written over: still the owner's only
    # Saved searches, history, tags, the actor dictionary and `saved export` (write_atomic),
    # with the lock beside them.
    saved = made / "corpora" / "c" / "saved.yaml"
    with locked(saved):
        write_atomic(saved, "searches: []\n")
        write_atomic(saved, "searches: []\n")  # the backup too
    assert lock_path(saved).exists() and saved.with_name("saved.yaml.bak").exists()
    # The latency probe's logs.
    probe = LatencyProbe(str(made / "latency.log"))
    probe.results_painted("q", 0.0)
    probe.view_painted("facets", "q")
    probe.match_painted(0.0, 10)
    # A crash report.
    monkeypatch.setenv("XDG_CACHE_HOME", str(made / "cache"))
    assert crash.write_report(RuntimeError("boom")) is not None
    names = {p.name for p in made.rglob("*")}
    assert {"oil.csv", "oil.jsonl", "saved.yaml.bak", "latency.log", "latency.log.views",
            "latency.log.reader", "crashes"} <= names
    assert _open_to_others(made) == []
