"""`newsdesk actors`: JSON rows, the table, the actors that appear together, refusals, edits.
A few runs as processes of their own (an edit kept by one process, seen by the next); the
long sequences through main() in this process (conftest.run_here)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from tests.helpers.command import run
from tests.helpers.paths import NEWSDESK, ROOT, write_config


def test_actors_table_and_refusals(wire_config: Path) -> None:
    table = run("actors", "--type", "person")
    assert table.returncode == 0, table.stderr
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["actor", "type", "articles", "mentions", "also", "written"]
    assert rows[0].startswith("Anna Berg") and "person" in rows[0]
    together = run("actors", "--with", "Anna Berg").stdout.splitlines()
    assert "together" in together[0] and any("Karl Ode" in r for r in together[1:])
    unknown = run("actors", "--with", "Nobody Atall")
    assert unknown.returncode == 2 and "no actor named" in unknown.stderr
    assert unknown.stdout == "" and "Traceback" not in unknown.stderr
    zero = run("actors", "-n", "0")
    assert zero.returncode == 2 and zero.stderr == "newsdesk: --limit must be at least 1\n"
    # No name, or two lists asked at once: refused, not answered with every actor or one list.
    for args in (("--with", ""), ("--with", "  "), ("--places", "--type", "person")):
        refused = run("actors", *args)
        assert refused.returncode == 2 and refused.stdout == "", args
        assert refused.stderr.startswith("newsdesk: --") and "Traceback" not in refused.stderr
    assert run("actors", "--places", "--type", "location").returncode == 0


def test_cli_actors_json(seed_index: tuple[Settings, Path], tmp_path: Path) -> None:
    settings, corpus = seed_index
    cfg = write_config(tmp_path / "cfg.yaml", [corpus],
                       f"index:\n  dir: {settings.index.dir}\n")
    env = {"NEWSDESK_CONFIG": str(cfg), "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
           "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([*NEWSDESK, "actors", "--type", "person",
                          "--limit", "5", "--json"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows[0]["name"] == "Qassem Soleimani" and rows[0]["articles"] == 5
    assert all(r["type"] == "person" for r in rows)
    out = subprocess.run([*NEWSDESK, "actors", "--with", "Pompeo"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "Qassem Soleimani" in out.stdout
    # Which actor the name found, on stderr (the table or the JSON stays as it was).
    assert "appearing with Mike Pompeo (person), found by 'Pompeo'" in out.stderr, out.stderr


Run = Callable[..., subprocess.CompletedProcess[str]]


def test_places_are_listed_apart_from_actors(seeds_config: Path, run_here: Run) -> None:
    """`actors` lists no place, `--places` (= `--type location`) only places, `--all`
    both; each JSON row says its type and kind, and `--with` follows the same choice."""
    run = run_here
    actors = json.loads(run("actors", "-n", "1000", "--json").stdout)
    places = json.loads(run("actors", "--places", "-n", "1000", "--json").stdout)
    both = json.loads(run("actors", "--all", "-n", "1000", "--json").stdout)
    assert actors and places
    assert {r["kind"] for r in actors} == {"actor"} and "location" not in {r["type"]
                                                                             for r in actors}
    assert {(r["kind"], r["type"]) for r in places} == {("place", "location")}
    assert {r["name"] for r in both} == {r["name"] for r in actors + places}
    assert "Baghdad" in {r["name"] for r in places}
    typed = json.loads(run("actors", "--type", "location", "-n", "1000", "--json").stdout)
    assert typed == places
    table = run("actors", "--places").stdout.splitlines()
    assert table[0].split()[0] == "place" and "Baghdad" in table[1]
    with_places = json.loads(run("actors", "--with", "Soleimani", "--places", "--json").stdout)
    with_actors = json.loads(run("actors", "--with", "Soleimani", "--json").stdout)
    assert {r["kind"] for r in with_places} == {"place"}
    assert {r["kind"] for r in with_actors} == {"actor"}
    assert run("actors", "--places", "--all").returncode == 2  # one or the other


def test_a_cut_list_says_so_on_stderr(seeds_config: Path, run_here: Run) -> None:
    # stranger6: `actors --all --json` gave 30 rows of 5,442 with no word of the rest.
    run = run_here
    every = json.loads(run("actors", "--all", "-n", "1000", "--json").stdout)
    whole = run("actors", "--all", "-n", str(len(every)), "--json")
    assert json.loads(whole.stdout) == every and "more with --limit" not in whole.stderr
    for limit in (1, 3, len(every) - 1):
        cut = run("actors", "--all", "-n", str(limit), "--json")
        assert json.loads(cut.stdout) == every[:limit]
        assert f"the first {limit:,} listed; more with --limit N" in cut.stderr
    pairs = run("actors", "--with", "Soleimani", "-n", "1", "--json")
    assert len(json.loads(pairs.stdout)) == 1 and "more with --limit" in pairs.stderr


def test_an_edit_is_kept_for_the_next_command(seeds_config: Path) -> None:
    """Each a process of its own, as a user runs them: what one edit wrote, the next
    command reads."""
    assert run("actors", "hide", "Baghdad").stdout == "Hid 'Baghdad'.\n"
    hidden = json.loads(run("actors", "--hidden", "--json").stdout)
    assert [r["name"] for r in hidden] == ["Baghdad"]
    assert run("actors", "undo").stdout == "Undid the hiding of 'Baghdad'.\n"
    assert "Baghdad" in run("actors", "--places", "-n", "1000").stdout


def test_edits_from_the_command_line(seeds_config: Path, run_here: Run) -> None:
    """merge, unmerge, rename, hide, unhide and undo: each shows at once in the list and
    in `actor:` by any name, and undo takes them back newest first."""
    run = run_here
    def names(*extra: str) -> list[str]:
        return [r["name"] for r in json.loads(run("actors", "--all", "-n", "1000", "--json",
                                                  *extra).stdout)]

    def hits(query: str) -> int:
        return json.loads(run("search", query, "--json").stdout)["total"]

    before = names()
    pompeo = hits('actor:"Mike Pompeo"')
    done = run("actors", "merge", "Pompeo", "United States")
    assert (done.returncode, done.stdout) == (0, "Merged 'Mike Pompeo' into 'United States'.\n")
    assert "Mike Pompeo" not in names() and hits('actor:"Pompeo"') == hits('actor:"US"')

    done = run("actors", "unmerge", "Pompeo")  # the merge that brought the name
    assert done.stdout == "Unmerged 'Mike Pompeo' from 'United States'.\n"
    assert names() == before and hits('actor:"Pompeo"') == pompeo

    done = run("actors", "unmerge", "America")  # a name the dictionary gave it: split out
    assert done.stdout == "Split 'America' out of 'United States'.\n"
    assert "America" in names() and hits('actor:America') < hits('actor:"U.S."')
    refused = run("actors", "unmerge", "Baghdad")
    assert refused.returncode == 2
    assert "the actor 'Baghdad' (location, 5 articles) was not made by a merge" in refused.stderr

    assert run("actors", "rename", "Trump", "President Trump").returncode == 0
    assert "President Trump" in names() and hits('actor:"Donald Trump"') > 0
    assert run("actors", "hide", "Baghdad").stdout == "Hid 'Baghdad'.\n"
    assert "Baghdad" not in names()
    assert [r["name"] for r in json.loads(run("actors", "--hidden", "--json").stdout)] == \
        ["Baghdad"]
    assert run("actors", "unhide", "baghdad").stdout == "'Baghdad' is shown again.\n"
    none_hidden = run("actors", "--hidden")  # said so, not a header over nothing
    assert none_hidden.stdout == "" and "no actor or place is hidden" in none_hidden.stderr

    undone = [run("actors", "undo").stdout for _ in range(6)]
    assert undone == ["Undid the unhiding of 'Baghdad'.\n", "Undid the hiding of 'Baghdad'.\n",
                      "Undid the rename of 'Donald Trump' to 'President Trump'.\n",
                      "Undid the split of 'America' out of 'United States'.\n",
                      "Undid the unmerge of 'Mike Pompeo' from 'United States'.\n",
                      "Undid the merge of 'Mike Pompeo' into 'United States'.\n"]
    assert names() == before
    empty = run("actors", "undo")
    assert empty.returncode == 2 and empty.stderr == "newsdesk: no actor edit to undo\n"
    unknown = run("actors", "hide", "Nobody Atall")
    assert unknown.returncode == 2 and "no actor named 'Nobody Atall'" in unknown.stderr


def test_a_rename_onto_another_actor_is_refused_unless_asked_as_a_merge(
        seeds_config: Path, run_here: Run) -> None:
    """`rename A B` where B is another actor's name (or alias) merged the two and said
    "Renamed": refused, naming the other actor; with --merge it is that merge, said so,
    and `undo` takes it back."""
    run = run_here

    def listing() -> list[tuple[str, int]]:
        rows = json.loads(run("actors", "--all", "-n", "1000", "--json").stdout)
        return [(r["name"], r["articles"]) for r in rows]

    before = listing()
    refused = run("actors", "rename", "Trump", "Pompeo")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "'Pompeo' is a name of the actor 'Mike Pompeo'" in refused.stderr
    assert "would merge the two" in refused.stderr and "--merge" in refused.stderr
    assert listing() == before  # nothing written
    done = run("actors", "rename", "--merge", "Trump", "mike pompeo")
    assert done.returncode == 0
    assert done.stdout == ("Merged 'Donald Trump' into 'Mike Pompeo' (the actor named "
                           "'mike pompeo'); `undo` takes it back.\n")
    assert "Donald Trump" not in dict(listing())
    assert run("actors", "undo").stdout == \
        "Undid the merge of 'Donald Trump' into 'Mike Pompeo'.\n"
    assert listing() == before
    # A rename to another spelling of its own name is a rename.
    assert run("actors", "rename", "Trump", "DONALD TRUMP").returncode == 0


def _lone_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alone_too: bool,
                 town_too: bool = False) -> None:
    """Articles naming Zorba Kettleman in full, then alone ("Kettleman said"): his lone
    surname read as him article by article; with `alone_too`, articles that name him only
    so too (a key of its own, joined to him by rule); with `town_too`, articles about the
    town of Kettleman (a place of its own, named as his lone surname is)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "lone.jsonl", "w", encoding="utf-8") as out:
        for i in range(8):
            text = (f"Mayor Zorba Kettleman opened bridge {i} in Ostrava on Monday. "
                    "Kettleman said he was proud. Kettleman thanked the engineers.")
            out.write(json.dumps({"id": f"f{i}", "title": f"Bridge {i}", "text": text}) + "\n")
        for i in range(3 if alone_too else 0):
            text = (f"On Tuesday the mayor, Kettleman, said road {i} would open soon. "
                    "Reporters asked Kettleman about the cost.")
            out.write(json.dumps({"id": f"a{i}", "title": f"Road {i}", "text": text}) + "\n")
        for i in range(4 if town_too else 0):
            text = (f"A storm hit the town of Kettleman on day {i}. Roads in Kettleman were "
                    "closed and farms near Kettleman lost power.")
            out.write(json.dumps({"id": f"t{i}", "title": f"Storm {i}", "text": text}) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))


@pytest.mark.parametrize("alone_too", [False, True])
def test_unmerge_of_a_lone_surname_says_what_it_can_and_cannot_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_here: Run, alone_too: bool) -> None:
    """An outside tester's `unmerge Laden` was told to unmerge 'Laden' (the name typed), and
    `unmerge Arafat` said "Split" while "Arafat" stayed his name in 24 of 25 articles."""
    _lone_corpus(tmp_path, monkeypatch, alone_too)
    assert run_here("index", "-q").returncode == 0
    done = run_here("actors", "unmerge", "Kettleman")
    if alone_too:  # the lone-only articles' key splits out; the rest stays his, said so
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Split 'Kettleman' out of 'Zorba Kettleman'.")
        assert "stays a name of 'Zorba Kettleman'" in done.stdout
        assert run_here("actors", "undo").returncode == 0
    else:
        assert done.returncode == 2 and done.stdout == ""
        assert "cannot be unmerged from 'Zorba Kettleman'" in done.stderr
        assert "unmerge that name" not in done.stderr
    whole = run_here("actors", "unmerge", "Zorba Kettleman")
    assert whole.returncode == 2
    if not alone_too:
        assert "holds no name a rule joined to it: nothing to unmerge" in whole.stderr


def test_unmerge_of_a_name_that_is_an_actor_too_says_where_else_it_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_here: Run) -> None:
    """stranger16's `unmerge Manchester` (an alias of Manchester United, and the city's own
    name) found the city and said only that it held nothing to unmerge, as if Manchester
    were no name of the club's. The message names the other actor and what can be done
    there; `--from ACTOR` takes the name out of that actor where a rule joined it."""
    _lone_corpus(tmp_path, monkeypatch, alone_too=False, town_too=True)
    assert run_here("index", "-q").returncode == 0
    town = run_here("actors", "unmerge", "Kettleman")
    assert town.returncode == 2 and town.stdout == ""
    assert "the actor 'Kettleman' (location, 4 articles)" in town.stderr
    assert "also a name of 'Zorba Kettleman' (8 articles)" in town.stderr
    assert "read as that actor article by article" in town.stderr
    lone = run_here("actors", "unmerge", "Kettleman", "--from", "zorba kettleman")
    assert lone.returncode == 2
    assert "cannot be unmerged from 'Zorba Kettleman'" in lone.stderr
    assert run_here("actors", "unmerge", "Kettleman", "--from", "Nobody").returncode == 2


def test_unmerge_from_an_actor_splits_the_name_out_of_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_here: Run) -> None:
    _lone_corpus(tmp_path, monkeypatch, alone_too=True)
    assert run_here("index", "-q").returncode == 0
    done = run_here("actors", "unmerge", "Kettleman", "--from", "Zorba Kettleman")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Split 'Kettleman' out of 'Zorba Kettleman'.")
    assert run_here("actors", "undo").returncode == 0


@pytest.mark.parametrize(("name", "actor", "kind"), [
    ("Reuters", "Reuters", "organisation"), ("Soleimani", "Qassem Soleimani", "military"),
    ("Baghdad", "Baghdad", "government"), ("Pompeo", "Mike Pompeo", "location"),
    ("PMF", "Popular Mobilization Forces", "party")])
def test_type_says_what_kind_of_actor_it_is(seeds_config: Path, run_here: Run, name: str,
                                            actor: str, kind: str) -> None:
    """`actors type NAME TYPE` (an outside tester's F10: a team the rules typed person
    could be typed right only in a hand-written dictionary): by any of its names, shown at
    once, `location` moving it among the places and any other type among the actors,
    `actor:` unchanged, undone by `undo`; a type it has already, an unknown type or actor
    said so."""
    run = run_here

    def rows(*extra: str) -> dict[str, str]:
        return {r["name"]: r["type"] for r in json.loads(
            run("actors", "--all", "-n", "1000", "--json", *extra).stdout)}

    def places() -> set[str]:
        return {r["name"] for r in json.loads(run("actors", "--places", "-n", "1000",
                                                  "--json").stdout)}

    before, hits = rows(), run("search", f'actor:"{name}"', "--json").stdout
    done = run("actors", "type", name, kind)
    assert done.returncode == 0 and f"Typed '{actor}' {kind} (it was " in done.stdout
    assert rows()[actor] == kind
    assert (actor in places()) == (kind == "location")
    assert json.loads(run("search", f'actor:"{name}"', "--json").stdout)["total"] == \
        json.loads(hits)["total"]
    again = run("actors", "type", name, kind)
    assert again.returncode == 0 and "already" in again.stdout
    assert run("actors", "undo").stdout == f"Undid the typing of '{actor}' as {kind}.\n"
    assert rows() == before
    assert run("actors", "type", name, "animal").returncode == 2
    assert run("actors", "type", "Nobody Atall", kind).returncode == 2


def test_find_by_part_of_a_name_and_an_unknown_actor_in_a_query(
        wire_config: Path, run_here: Run) -> None:
    """`actors --find` lists the actors with the text at a word's start of a name (as the
    pane's filter); an `actor:` name no actor goes by is a query that runs and finds
    nothing (exit 1, as a word no article has), its note naming the filter, saying no actor
    is close and where to look (it was an error, exit 2, with no hint)."""
    found = run_here("actors", "--find", "BERG", "--json")
    assert found.returncode == 0 and [r["name"] for r in json.loads(found.stdout)] == \
        ["Anna Berg"]
    none = run_here("actors", "--find", "erg")  # not at a word's start
    assert none.returncode == 1 and "no actor has 'erg'" in none.stderr
    assert run_here("actors", "--find", " ").returncode == 2
    unknown = run_here("search", 'actor:"Nobody Atall"')
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    said = unknown.stdout + unknown.stderr
    assert 'actor:"Nobody Atall": no actor has this name or one close to it' in said
    assert "newsdesk actors --find" in said
    close = run_here("search", 'actor:"Ana Berg"', "--json")
    assert close.returncode == 1 and json.loads(close.stdout)["notes"] == [
        'actor:"Ana Berg": no actor has this name; did you mean actor:"Anna Berg"?']
