"""`newsdesk search`: ranked hits as text and JSON, exit codes, and exports."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from tests.helpers.command import run
from tests.helpers.paths import write_config


def engine_text(article_id: str) -> str:
    """The stored text of an article, as the reader shows it."""
    with Engine(load_settings()) as engine:
        doc = engine.document(article_id)
        assert doc is not None
        return doc.article.text


def search_json(query: str) -> tuple[int, dict]:
    proc = run("search", query, "--json")
    return proc.returncode, json.loads(proc.stdout)


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
        # (a phrase's occurrence is one span: its words)
        words = {w.strip('"').lower() for w in re.findall(r'"[^"]+"|\S+', query)
                 if w not in ("AND",)}
        for hit in data["hits"]:
            if query.startswith("date:"):
                assert hit["spans"] == []  # a date matches no words
                continue
            assert hit["spans"], (query, hit["id"])
            text = engine_text(hit["id"])
            for start, end in hit["spans"]:
                assert " ".join(text[start:end].split()).lower() in words, (query, start)
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


def test_search_exports_csv_and_jsonl(wire_config: Path, run_here) -> None:  # type: ignore[no-untyped-def]
    run = run_here  # through main() here (conftest.run_here): no start-up a command
    proc = run("search", "oil", "--format", "csv", "--all")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    settings = load_settings()
    with Engine(settings) as engine:
        total = engine.count("oil")
    assert len(rows) == total > settings.search.limit  # every hit, not the first page
    page = run("search", "oil", "--format", "csv").stdout
    assert len(list(csv.DictReader(io.StringIO(page)))) == settings.search.limit
    assert set(rows[0]) == {"id", "title", "date", "source", "url", "path", "score",
                            "matches", "snippet", "starred", "tags", "note"}
    full = run("search", "oil", "--format", "jsonl", "--limit", "2", "--full-text")
    texts = [json.loads(line)["text"] for line in full.stdout.splitlines()]
    with Engine(settings) as engine:
        first = engine.store.articles([rows[0]["id"]])[rows[0]["id"]]
    assert len(texts) == 2 and texts[0] == first.text
    limited = run("search", "oil", "--format", "jsonl", "--limit", "3")
    records = [json.loads(line) for line in limited.stdout.splitlines()]
    assert len(records) == 3 and records[0]["id"] == rows[0]["id"]
    assert run("search", "zzzz", "--format", "csv").returncode == 1
    bad = run("search", '"oil', "--format", "jsonl")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("newsdesk: query '\"oil': unbalanced quote")


@pytest.mark.parametrize("make", ["empty folder", "xml file", "folder of xml", "missing",
                                  "named pipe"])
def test_a_corpus_with_nothing_to_read_is_an_error_not_no_hits(
        make: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty folder, a file of a format not read or a missing source searched "0 hits"
    (exit 1). (A .json file is read now: test_json_sources_are_read.)"""
    source = tmp_path / "corpus"
    if make == "empty folder":
        source.mkdir()
    elif make == "xml file":
        source = tmp_path / "articles.xml"
        source.write_text("<articles><a>oil</a></articles>")
    elif make == "folder of xml":
        source.mkdir()
        (source / "articles.xml").write_text("<articles><a>oil</a></articles>")
    elif make == "named pipe":  # it exists: "does not exist" was wrong
        source = tmp_path / "feed.jsonl"
        os.mkfifo(source)
    cfg = write_config(tmp_path / "cfg.yaml", [source], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    for args in (("search", "oil"), ("search", "oil", "--json"), ("index",)):
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert str(source) in proc.stderr and ".jsonl" in proc.stderr and ".csv" in proc.stderr
        assert "Traceback" not in proc.stderr and "0 hits" not in proc.stdout
    expected = {"empty folder": "is empty", "xml file": "'.xml' files are not a format",
                "folder of xml": "found 1 .xml", "missing": "does not exist",
                "named pipe": "is a named pipe, not a file or a folder"}[make]
    assert expected in proc.stderr


@pytest.mark.parametrize("inside", [False, True])
def test_json_sources_are_read(inside: bool, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A .json file, or a folder of them, was "not a format newsdesk reads" (stranger4 B2)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "articles.json").write_text('[{"title": "x", "text": "oil"}]')
    source = folder if inside else folder / "articles.json"
    cfg = write_config(tmp_path / "cfg.yaml", [source], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    proc = run("search", "oil")
    assert proc.returncode == 0 and "1 hit" in proc.stdout, proc.stderr


def test_sort_by_date_and_the_empty_query(wire_config: Path, run_here) -> None:  # type: ignore[no-untyped-def]
    run = run_here  # through main() here (conftest.run_here): no start-up a command
    def listed(*args: str) -> list[dict]:
        proc = run("search", *args, "--json", "-n", "200")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)["hits"]

    by_rank = listed("oil")
    newest = listed("oil", "--sort", "date")
    assert listed("oil", "--sort", "newest") == newest
    assert sorted(h["id"] for h in newest) == sorted(h["id"] for h in by_rank)
    dated = [(h["date"], h["id"]) for h in newest if h["date"]]
    assert dated == sorted(dated, reverse=True)
    assert [h["id"] for h in newest if not h["date"]] == sorted(
        (h["id"] for h in newest if not h["date"]), reverse=True)
    oldest = listed("oil", "--sort", "oldest")
    assert [h["id"] for h in oldest if h["date"]] == [i for _, i in reversed(dated)]
    everything = listed("")
    assert len(everything) == 120 and everything[0]["date"] >= max(d for d, _ in dated)
    text = run("search", "", "-n", "3")
    assert text.returncode == 0 and "newest first" in text.stdout
    assert run("search", "oil", "--sort", "alpha").returncode == 2
    rows = run("search", "oil", "--format", "jsonl", "--all", "--sort", "oldest").stdout
    assert [json.loads(line)["id"] for line in rows.splitlines()] == [h["id"] for h in oldest]
    # The empty query lists the newest in every output (an export of it gave no row, exit 1).
    for blank in ("", "  "):
        exported = run("search", blank, "--format", "jsonl", "--all")
        assert exported.returncode == 0, exported.stderr
        assert [json.loads(line)["id"] for line in exported.stdout.splitlines()] == \
            [h["id"] for h in everything]
        table = run("search", blank, "--format", "csv", "-n", "5")
        assert table.returncode == 0
        assert [r[0] for r in csv.reader(io.StringIO(table.stdout))][1:] == \
            [h["id"] for h in everything[:5]]
        streamed = json.loads(run("search", blank, "--json", "--all").stdout)["hits"]
        assert [h["id"] for h in streamed] == [h["id"] for h in everything]


@pytest.mark.parametrize("make", ["0-byte file", "folder of unreadable files"])
def test_a_corpus_with_no_readable_article_is_an_error_naming_the_file(
        make: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`search x --corpus empty.txt` said "0 hits" (exit 1), every time."""
    if make == "0-byte file":
        source = named = tmp_path / "empty.txt"
        source.write_bytes(b"")
    else:
        source = tmp_path / "corpus"
        source.mkdir()
        named = source / "blank.md"
        named.write_text("\n  \n")
        (source / "bad.jsonl").write_text("{oops\n")
    cfg = write_config(tmp_path / "cfg.yaml", [source], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    for args in (("index",), ("search", "oil"), ("search", "oil", "--json")):  # then stale no more
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert "no readable article in the corpus" in proc.stderr
        assert f"{named}: " in proc.stderr and "0 hits" not in proc.stdout
