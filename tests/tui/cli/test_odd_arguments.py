"""Arguments whose bytes are not UTF-8, as a shell passes them (Python sees lone surrogates):
a saved search's name or query, and a corpus folder named on an old Latin-1 disk; and paths
the system refuses as names (too long). Each stopped the command on an internal error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers.command import run

BAD = os.fsdecode(b"\xff\xfe")  # what Python makes of the bytes: lone surrogates


def ok(*args: str) -> str:
    done = run(*args)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "internal error" not in done.stderr
    return done.stdout


def said(*args: str) -> str:
    done = run(*args)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "internal error" not in done.stderr
    return done.stdout + done.stderr


@pytest.mark.parametrize(("name", "query"), [(f"week{BAD}ly", "soleimani"),
                                             ("weekly", f"soleimani {BAD}")])
def test_saved_add_with_bytes_that_are_not_utf8(seeds_config: Path, name: str,
                                                query: str) -> None:
    ok("saved", "add", name, query)
    saved = json.loads(ok("saved", "list", "--json"))
    assert len(saved) == 1
    assert saved[0]["name"].startswith("week") and "\ufffd" in saved[0]["name"] + \
        saved[0]["query"]
    ok("saved", "run", saved[0]["name"])


def test_a_corpus_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/actualit\xe9s"))  # Latin-1
    (folder / f"sub{BAD}").mkdir(parents=True)
    (folder / f"sub{BAD}" / "gnu.txt").write_text("Gnu news\n\nA gnu named Gus.\n")
    corpus = os.fsdecode(bytes(folder))
    assert "1 added" in said("index", corpus)
    assert "1 unchanged" in said("index", "--corpus", corpus)
    found = json.loads(ok("search", "gnu", "--corpus", corpus, "--json"))
    assert found["total"] == 1 and found["hits"][0]["title"] == "Gnu news"
    ok("saved", "add", "gnus", "gnu", "--corpus", corpus)
    ok("locate", "--corpus", corpus)


def test_paths_too_long_to_be_names_are_one_line_errors(tmp_path: Path) -> None:
    long = str(tmp_path / ("a" * 300))
    config = tmp_path / "cfg.yaml"
    config.write_text(f"corpus:\n  sources: [{long}]\n")
    for args, env in ((("--corpus", long, "search", "x"), {}), (("index", long), {}),
                      (("search", "x"), {"NEWSDESK_CONFIG": str(config)}),
                      (("search", "x"), {"NEWSDESK_CONFIG": long + ".yaml"})):
        done = run(*args, env_extra=env)
        assert done.returncode == 2, (args, done.stderr)
        assert "internal error" not in done.stderr and "File name too long" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
