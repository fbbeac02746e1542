"""`newsdesk search --fold` and dup:ID on the command line: one entry a story, its copies'
ids under it, in text and JSON. (The commands run in this process: a subprocess each costs
a second or more on a busy machine; tests/e2e runs the real command.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.cli.main import main
from tests.helpers.copies import seed_id, write_copies_corpus
from tests.helpers.paths import write_config


@pytest.fixture(scope="module")
def copies_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("fold")
    corpus = write_copies_corpus(tmp_path / "corpus")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSDESK_CONFIG", str(cfg))
        Indexer(load_settings()).run()
    return cfg


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_fold_json_and_text(copies_config: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSDESK_CONFIG", str(copies_config))
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "--fold", "-n", "20")
    folded = json.loads(out)
    stories = {h["id"]: h["copies"] for h in folded["hits"]}
    assert len(stories) == 5 and folded["total"] == 8
    families = [{story, *copies} for story, copies in stories.items()]
    assert {"000-syndicated", seed_id("000")} in families
    assert {"002-trimmed", seed_id("002")} in families
    assert {"003-report", seed_id("003")} in families
    alone = next(h for h in folded["hits"] if h["id"] == seed_id("001"))
    assert alone["group"] is None and alone["copies"] == []

    # -n counts stories: the search widens while copies fold away.
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "--fold", "-n", "5")
    assert len(json.loads(out)["hits"]) == 5
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "-n", "5")
    assert len(json.loads(out)["hits"]) == 5  # unfolded: five hits, copies among them
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "--fold", "-n", "2")
    two = json.loads(out)["hits"]
    assert len(two) == 2 and [h["id"] for h in two] == [h["id"] for h in folded["hits"][:2]]
    assert [h["copies"] for h in two] == [h["copies"] for h in folded["hits"][:2]]

    _, text, _ = _run(capsys, "search", "soleimani", "--fold", "-n", "20")
    assert "5 stories (8 hits with their copies)" in text and text.count("+1 copy: ") == 3


def test_dup_query(copies_config: Path, monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSDESK_CONFIG", str(copies_config))
    _, out, _ = _run(capsys, "search", f"dup:{seed_id('003')}", "--json")
    found = json.loads(out)
    assert sorted(h["id"] for h in found["hits"]) == sorted([seed_id("003"), "003-report"])
    code, _, err = _run(capsys, "search", "dup:abc*")
    assert code == 2 and "dup: takes an article id" in err


def test_all_and_fold_in_every_format(copies_config: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """--all gave the first page (50) with --json, and --fold did nothing to csv/jsonl."""
    paged = tmp_path / "paged.yaml"  # a page of 3: fewer than the 8 hits
    paged.write_text(copies_config.read_text() + "\nsearch:\n  limit: 3\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(paged))
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "--fold", "-n", "20")
    stories = {h["id"]: h["copies"] for h in json.loads(out)["hits"]}
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "--all")
    every = json.loads(out)
    assert every["total"] == len(every["hits"]) == 8 > 3
    assert len({h["id"] for h in every["hits"]}) == 8
    _, out, _ = _run(capsys, "search", "soleimani", "--json", "--all", "--fold")
    assert {h["id"]: h["copies"] for h in json.loads(out)["hits"]} == stories
    _, out, _ = _run(capsys, "search", "soleimani", "--format", "jsonl", "--all", "--fold")
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["id"]: r["copies"] for r in rows} == stories
    _, out, _ = _run(capsys, "search", "soleimani", "--format", "csv", "--all", "--fold")
    lines = out.splitlines()
    assert lines[0].endswith(",copies") and len(lines) == 1 + len(stories)
    _, out, _ = _run(capsys, "search", "soleimani", "--all")
    assert "every hit" in out and out.count("\n  8  ") == 1
    code, _, err = _run(capsys, "search", "soleimani", "--all", "-n", "2")
    assert code == 2 and "--all and --limit" in err
