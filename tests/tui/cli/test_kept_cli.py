"""stranger3 G through the command: a corpus's mapping kept in the user's config as a source
of its own reads it in any shell (`--corpus`, `index PATH`, another NEWSDESK_CONFIG); and a
search run without any mapping keeps every article, saying which file and why, where it
removed all of them ("0 added, 0 updated, 381 removed", exit 2)."""

from __future__ import annotations

import csv
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]


def _bio(folder: Path, rows: int = 9) -> Path:
    folder.mkdir(parents=True)
    with open(folder / "bio.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", "Title", "Content", "Published"])
        writer.writerows([str(i), f"Trial {i}", f"wombat trial number {i} approved",
                          f"0{i % 9 + 1} Aug 2017,Thursday"] for i in range(rows))
    return folder


def test_a_source_of_its_own_reads_in_any_shell(tmp_path: Path, isolated_home: Path,
                                                run_here: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bio = _bio(tmp_path / "data" / "bio")
    user = isolated_home / "config" / "newsdesk" / "config.yaml"
    user.parent.mkdir(parents=True)
    user.write_text(f"corpus:\n  sources:\n    - path: {bio}\n"
                    "      fields: {id: '', title: Title, text: Content, date: Published}\n")
    other = tmp_path / "other.yaml"  # a shell with another corpus's config
    other.write_text("corpus:\n  fields: {text: body}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(other))
    done = run_here("index", str(bio), "-q")
    assert done.returncode == 0 and "9 added" in done.stderr, done.stderr
    found = run_here("--corpus", str(bio), "search", "wombat", "--json")
    assert json.loads(found.stdout)["total"] == 9
    assert "not understood" not in found.stderr  # its dates, by the built-in forms
    dated = run_here("--corpus", str(bio), "search", "wombat", "date:2017-08", "--json")
    assert json.loads(dated.stdout)["total"] == 9


def test_a_search_without_the_mapping_keeps_every_article(tmp_path: Path, isolated_home: Path,
                                                          run_here: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bio = _bio(tmp_path / "bio")
    cfg = tmp_path / "bio.yaml"
    cfg.write_text("corpus:\n  fields: {id: '', title: Title, text: Content}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert "9 added" in run_here("index", str(bio)).stderr
    monkeypatch.delenv("NEWSDESK_CONFIG")  # forgotten once
    found = run_here("--corpus", str(bio), "search", "wombat", "-n", "2")
    assert found.returncode == 0, found.stderr
    assert "9 hits for wombat" in found.stdout
    assert "9 removed" not in found.stderr
    assert "bio.csv: no article read from it now" in found.stderr
    assert "Title, Content" in found.stderr and "corpus.fields.text" in found.stderr
    assert "its 9 articles indexed before kept" in found.stderr
    # Said once: the next command does not read the file again while nothing changes.
    again = run_here("--corpus", str(bio), "kwic", "wombat")
    assert again.returncode == 0 and "no article read" not in again.stderr
    # Even `newsdesk index` keeps them: the file is there, it is the mapping that is wrong.
    index = run_here("index", str(bio))
    assert "0 removed" in index.stderr and "9 articles indexed" in index.stderr, index.stderr
    # Emptied: a search keeps them, `newsdesk index` removes them.
    (bio / "bio.csv").write_text("")
    (bio / "note.txt").write_text("Note\n\nkept folder\n")
    assert "9 hits" in run_here("--corpus", str(bio), "search", "wombat").stdout
    assert "9 removed" in run_here("index", str(bio)).stderr
