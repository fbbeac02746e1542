"""The `newsdesk` command run as a subprocess, as a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers.command import run
from tests.helpers.inject import crash_reports, injecting
from tests.helpers.paths import SEEDS, write_config


@pytest.fixture
def seeds_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS],
                       f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return cfg


def engine_text(article_id: str) -> str:
    """The stored text of an article, as the reader shows it."""
    from newsdesk.index.config import load_settings
    from newsdesk.index.engine import Engine

    with Engine(load_settings()) as engine:
        doc = engine.document(article_id)
        assert doc is not None
        return doc.article.text


def search_json(query: str) -> tuple[int, dict]:
    proc = run("search", query, "--json")
    return proc.returncode, json.loads(proc.stdout)


def test_help_and_version() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for word in ("index", "search", "locate", "--corpus"):
        assert word in proc.stdout
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("newsdesk ")


def test_acceptance_queries_as_json(seeds_config: Path) -> None:
    expected = {
        "Soleimani": ["000", "001", "002", "003", "004"],
        '"drone strike"': ["002", "003", "004"],
        "muhandis": ["000", "002", "003", "004"],
        "pompeo AND khamenei": ["003", "004"],
        "date:[2020-01-01 TO 2020-01-31]": ["003"],
    }
    for query, ids in expected.items():
        code, data = search_json(query)
        assert code == 0, query
        assert sorted(h["id"][:3] for h in data["hits"]) == ids, query
        assert data["total"] == len(ids)
        words = {w.strip('"').lower() for w in query.split() if w not in ("AND",)}
        for hit in data["hits"]:
            if query.startswith("date:"):
                assert hit["spans"] == []  # a date matches no words
                continue
            assert hit["spans"], (query, hit["id"])
            text = engine_text(hit["id"])
            for start, end in hit["spans"]:
                assert text[start:end].lower() in words, (query, text[start:end])
            for start, end in hit["snippet_spans"]:
                assert hit["snippet"][start:end].strip()


def test_exit_codes(seeds_config: Path) -> None:
    assert run("search", "soleimani").returncode == 0
    proc = run("search", "zzzzqqq")
    assert proc.returncode == 1
    proc = run("search", '"unbalanced')
    assert proc.returncode == 2
    assert "unbalanced quote" in proc.stderr and "Traceback" not in proc.stderr
    assert run("search", "x", "--limit", "0").returncode == 2


def test_did_you_mean_from_cli(seeds_config: Path) -> None:
    code, data = search_json("soleimanu")
    assert code == 1 and data["suggestion"] == "soleimani"


def test_plain_output_honours_no_color(seeds_config: Path) -> None:
    proc = run("search", "pompeo", env_extra={"NO_COLOR": "1"})
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout
    assert "2 hits for pompeo" in proc.stdout


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


def test_corpus_option_and_index_paths(tmp_path: Path) -> None:
    corpus = tmp_path / "other"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Walrus news\n\nThe walrus spoke.")
    proc = run("--corpus", str(corpus), "search", "walrus", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["hits"][0]["id"] == "x"
    proc = run("--corpus", str(tmp_path / "missing"), "search", "x")
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_broken_config_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("search: [\n")
    proc = run("search", "x", env_extra={"NEWSDESK_CONFIG": str(bad)})
    assert proc.returncode == 2
    assert f"{bad}:" in proc.stderr and "Traceback" not in proc.stderr


def test_locate(seeds_config: Path) -> None:
    proc = run("locate")
    assert proc.returncode == 0
    assert str(seeds_config) in proc.stdout and "index" in proc.stdout


def test_saved_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert run("index").returncode == 0
    assert run("saved", "add", "Strikes", '"drone strike"').returncode == 0
    assert run("saved", "add", "Okapi", "okapi OR pompeo").returncode == 0
    proc = run("saved", "add", "Strikes", "x")
    assert proc.returncode == 2 and "--replace" in proc.stdout
    assert run("saved", "add", "Bad", '"open').returncode == 2
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert [(r["name"], r["count"], r["new"]) for r in rows] == [
        ("Strikes", 3, 0), ("Okapi", 2, 0)]
    (corpus / "okapi.txt").write_text("Okapi\n\nAn okapi in Baghdad.")
    assert run("index").returncode == 0
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert [(r["name"], r["count"], r["new"]) for r in rows] == [
        ("Strikes", 3, 0), ("Okapi", 3, 1)]
    proc = run("saved", "run", "Okapi", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["total"] == 3
    rows = json.loads(run("saved", "list", "--json").stdout)
    assert rows[1]["new"] == 0  # opening reset it
    assert run("saved", "rm", "Okapi").returncode == 0
    proc = run("saved", "run", "Okapi")
    assert proc.returncode == 2 and "no saved search named 'Okapi'" in proc.stderr
    assert "saved searches" in run("locate").stdout


def test_an_internal_error_is_a_message_and_a_report(seeds_config: Path, tmp_path: Path,
                                                     isolated_home: Path) -> None:
    """No traceback on the terminal: what happened, that nothing is lost, and where the
    details are; the report file is the user's alone and has the traceback."""
    result = run("search", "walrus", env_extra=injecting(
        tmp_path / "inject", "newsdesk.index.engine", "Engine.search"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    [report] = crash_reports(isolated_home)
    assert result.stderr.splitlines()[-2:] == [
        "newsdesk stopped on an internal error (RuntimeError: injected ␛[31mfault).",
        f"Nothing committed is lost. The details are in {report}. Please report it."]
    assert report.stat().st_mode & 0o777 == 0o600
    text = report.read_text()
    assert "Traceback" in text and "injected ␛[31mfault" in text and "\x1b" not in text
