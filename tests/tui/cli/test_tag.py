"""`newsdesk tag` (as notmuch tag), `search --batch FILE` and `saved group`: one run as a user
runs it (a process of its own), the rest through the same entry point in this process (a
process costs a second or two of start-up on a busy machine)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers.command import run as run_process


@pytest.fixture
def run(run_here):  # type: ignore[no-untyped-def]
    """`newsdesk ARGS` through main() here (conftest.run_here)."""
    return run_here


@pytest.mark.slow  # (a process of its own: the rest run through the same main())
def test_tag_as_a_command(seeds_config: Path) -> None:
    proc = run_process("tag", "+lead", "-todo", "--star", "soleimani")
    assert proc.returncode == 0, proc.stderr
    assert "+lead -todo starred: 5 of the 5 articles found changed" in proc.stdout


def test_tag_add_remove_star_note_and_list(seeds_config: Path, run) -> None:  # type: ignore[no-untyped-def]
    proc = run("tag", "+lead", "+todo", "soleimani")
    assert proc.returncode == 0, proc.stderr
    assert "+lead +todo: 5 of the 5 articles found changed" in proc.stdout
    proc = run("tag", "-todo", "--star", "--note", "ring the desk", "--json", "title:iraqi")
    summary = json.loads(proc.stdout)
    assert (summary["found"], summary["changed"], summary["remove"]) == (1, 1, ["todo"])
    listed = json.loads(run("tag", "--list", "--json").stdout)
    assert listed == {"starred": 1, "noted": 1,
                      "tags": [{"tag": "lead", "articles": 5}, {"tag": "todo", "articles": 4}]}
    hits = json.loads(run("search", "is:starred", "--json").stdout)["hits"]
    assert [(h["tags"], h["starred"], h["note"]) for h in hits] == [
        (["lead"], True, "ring the desk")]
    assert run("search", "tag:todo", "-tag:lead", "--json").returncode == 1  # none left
    text = run("search", "is:starred").stdout
    assert "★ #lead · ring the desk" in text


def test_tag_refuses_what_it_cannot_do(seeds_config: Path, run) -> None:  # type: ignore[no-untyped-def]
    for argv, message in ((["tag", "iran"], "nothing to do"),
                          (["tag", "+lead"], "give the query"),
                          (["tag", "+bad[", "iran"], "tag 'bad['"),
                          (["tag", "+x", "is:bogus"], "is:starred"),
                          (["tag", "--list", "iran"], "no query")):
        proc = run(*argv)
        assert proc.returncode == 2 and message in proc.stderr, (argv, proc.stderr)
    assert json.loads(run("tag", "--list", "--json").stdout) == {
        "starred": 0, "noted": 0, "tags": []}  # nothing half done


def test_batch_counts_every_line_and_names_the_bad_ones(seeds_config: Path, tmp_path: Path,
                                                        run) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "names.txt"
    batch.write_text("soleimani\n# who else\n\n\"unclosed\nwalrus\nqassem OR kassem\n")
    either = json.loads(run("search", "qassem OR kassem", "--json").stdout)["total"]
    proc = run("search", "--batch", str(batch), "--format", "csv")
    assert proc.returncode == 2
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [(r["line"], r["query"], r["count"], bool(r["error"])) for r in rows] == [
        ("1", "soleimani", "5", False), ("4", '"unclosed', "", True),
        ("5", "walrus", "0", False), ("6", "qassem OR kassem", str(either), False)]
    assert f"{batch}:4: unbalanced quote" in proc.stderr
    good = tmp_path / "good.txt"
    good.write_text("soleimani\nwalrus\n")
    proc = run("search", "--batch", str(good), "--hits", "-n", "2", "--json")
    assert proc.returncode == 0, proc.stderr
    answers = json.loads(proc.stdout)
    assert [(a["line"], a["total"], len(a["hits"])) for a in answers] == [(1, 5, 2), (2, 0, 0)]
    assert {"id", "title", "tags", "starred", "note"} <= set(answers[0]["hits"][0])
    assert run("search", "--batch", str(good), "iran").returncode == 2  # one or the other
    comments = tmp_path / "comments.txt"
    comments.write_text("# nothing but a comment\n\n")
    assert "no queries" in run("search", "--batch", str(comments)).stderr


def test_saved_group_from_a_batch_file(seeds_config: Path, tmp_path: Path,
                                        run) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "people.txt"
    batch.write_text("soleimani\nrouhani\n(broken\n")
    proc = run("saved", "group", "people", str(batch))
    # refused whole, as `search --batch` exits 2 on the same file: nothing half-saved
    assert proc.returncode == 2 and f"{batch}:3:" in proc.stderr
    assert "no group saved" in proc.stderr
    assert run("search", "--batch", str(batch)).returncode == 2
    assert json.loads(run("saved", "list", "--json").stdout) == []
    batch.write_text("soleimani\nrouhani\n")
    assert run("saved", "group", "people", str(batch)).returncode == 0
    listed = json.loads(run("saved", "list", "--json").stdout)
    assert [(r["name"], r["group"], r["count"], bool(r["error"])) for r in listed] == [
        ("people/soleimani", "people", 5, False), ("people/rouhani", "people", 2, False)]
    assert run("saved", "group", "people", "-", "--remove").returncode == 0
    assert json.loads(run("saved", "list", "--json").stdout) == []
