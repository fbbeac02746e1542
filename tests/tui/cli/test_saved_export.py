"""`newsdesk saved export FILE` and `saved import FILE`: every saved search to a YAML file
and back (into this corpus or another), names kept; a name another query holds is renamed
'NAME (2)' and said by name; a search already there with its query is not added twice."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.helpers.saved_corpus import seeds_with_two_saved


def test_export_and_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           run_here: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    run = run_here
    seeds_with_two_saved(tmp_path, monkeypatch, run)
    out = tmp_path / "mine.yaml"
    proc = run("saved", "export", str(out))
    assert proc.returncode == 0 and "2 saved searches" in proc.stdout
    data = yaml.safe_load(out.read_text())
    assert [(b["name"], b["query"]) for b in data["bookmarks"]] == [
        ("Strikes", '"drone strike"'), ("Okapi", "okapi OR pompeo")]
    assert all("opened" not in b for b in data["bookmarks"])
    proc = run("saved", "export", str(out))
    assert proc.returncode == 2 and "--force" in proc.stderr + proc.stdout
    assert run("saved", "export", str(out), "--force").returncode == 0

    assert run("saved", "rm", "Strikes").returncode == 0
    assert run("saved", "add", "okapi", "pompeo", "--replace").returncode == 0
    proc = run("saved", "import", str(out))
    assert proc.returncode == 0
    assert "'Okapi' exists with another query: imported as 'Okapi (2)'" in proc.stdout
    assert "imported 2 saved searches" in proc.stdout
    proc = run("saved", "import", str(out))  # again: nothing twice
    assert "imported 0 saved searches" in proc.stdout
    assert "'Strikes', 'Okapi (2)'" in proc.stdout
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert [(r["name"], r["query"], r["new"]) for r in rows] == [
        ("okapi", "pompeo", 0), ("Strikes", '"drone strike"', 0),
        ("Okapi (2)", "okapi OR pompeo", 0)]
    assert (out.parent / "mine.yaml").is_file() and not list(tmp_path.glob(".mine.yaml*"))

    bad = tmp_path / "bad.yaml"
    bad.write_text("bookmarks:\n  - name: x\n")
    proc = run("saved", "import", str(bad))
    assert proc.returncode == 2 and f"{bad}:2" in proc.stderr + proc.stdout
    proc = run("saved", "import", str(tmp_path / "none.yaml"))
    assert proc.returncode == 2 and "no such file" in proc.stderr + proc.stdout


BAD_QUERIES = ["title:(unclosed", '"x', "a AND", "[2020 TO", "oil)", "(a OR b", "date:[x TO y]",
               '"oil"~x', "}", "source:"]


def test_import_refuses_each_query_saved_add_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run_here: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """stranger5: `saved import` took `title:(unclosed`, which `saved add` refuses, exit 0.
    Each such query is named with its file, line and error and left out; the rest come in;
    the status says one did not."""
    run = run_here
    seeds_with_two_saved(tmp_path, monkeypatch, run)
    refused = [q for q in BAD_QUERIES if run("saved", "add", "probe", q).returncode == 2]
    assert len(refused) >= 6, refused  # (what `saved add` refuses: the class to import)
    entries = [{"name": f"bad {n}", "query": q} for n, q in enumerate(refused)]
    entries.insert(len(entries) // 2, {"name": "fine", "query": "soleimani"})
    path = tmp_path / "mixed.yaml"
    path.write_text(yaml.safe_dump({"bookmarks": entries}, allow_unicode=True))
    lines = path.read_text().splitlines()
    proc = run("saved", "import", str(path))
    assert proc.returncode == 2
    assert "imported 1 saved search " in proc.stdout
    for n, query in enumerate(refused):
        line = next(k for k, text in enumerate(lines, 1) if f"name: bad {n}" in text)
        assert f"{path}:{line}: 'bad {n}' not imported: query {query!r}" in proc.stderr, (
            query, proc.stderr)
    names = [r["name"] for r in json.loads(run("saved", "list", "--json").stdout)]
    assert "fine" in names and not any(name.startswith("bad ") for name in names)
