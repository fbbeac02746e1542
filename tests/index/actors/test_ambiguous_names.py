"""`actor:` with a name several actors go by is never a silent choice: an actor's own name
first, else the actor in whose articles the name is written most; the note names the
actor taken and, for each other, the `actor:` filter that means it alone (stranger2 F3:
`actor:Donald` gave one obscure actor's hit, `actor:Clinton` Hillary Clinton's with no word
of Bill Clinton's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.actors.table import Curation, curation_path, recluster
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer

PLACES = ["Ohio", "Texas", "Iowa", "Maine", "Utah", "Idaho", "Kansas", "Nevada", "Oregon"]


def _corpus(folder: Path, settings: Settings, hillary: int, bill: int) -> None:
    """`hillary` articles naming Hillary Clinton, then "Clinton"; `bill` so of Bill."""
    rows = []
    for given, n in (("Hillary", hillary), ("Bill", bill)):
        for i in range(n):
            rows.append({"id": f"{given}-{i}", "title": f"Report {i} from {PLACES[i]}",
                         "text": f"Voters in {PLACES[i]} heard {given} Clinton speak on day "
                                 f"{i}, and the crowd cheered. On the plan number {i}, Clinton "
                                 f"said it would work for the {given.lower()} fans."})
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    Indexer(settings).run()


@pytest.mark.parametrize(("hillary", "bill"), [(4, 2), (2, 4)])
def test_an_alias_of_two_actors_is_the_one_writing_it_most_and_the_other_is_named(
        corpus_dir: Path, corpus_settings: Settings, hillary: int, bill: int) -> None:
    _corpus(corpus_dir, corpus_settings, hillary, bill)
    most, other = ("Hillary Clinton", "Bill Clinton") if hillary > bill else \
        ("Bill Clinton", "Hillary Clinton")
    with Engine(corpus_settings) as engine:
        for typed in ("Clinton", "clinton", "CLINTON", " Clinton "):  # case aside
            choice = engine.actors.resolution(typed)
            assert choice is not None and choice.actor.name == most
            assert not choice.own_name and choice.written == max(hillary, bill)
            assert [(a.name, n, name) for a, n, name in choice.others] == \
                [(other, min(hillary, bill), other)]
        results = engine.search("actor:Clinton")
        assert results.total == max(hillary, bill)
        assert results.notes == [
            f'actor:"Clinton" is {most} (written so in {max(hillary, bill)} articles); '
            f'also written for {other} ({min(hillary, bill)}): actor:"{other}"']
        # The filter the note gives means the other alone, with no note.
        named = engine.search(f'actor:"{other}"')
        assert named.total == min(hillary, bill) and named.notes == []
        # Once in a query, however often written.
        assert len(engine.search("actor:Clinton OR (actor:Clinton oil)").notes) == 1


def test_a_tie_is_decided_the_same_way_each_time_and_said(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    _corpus(corpus_dir, corpus_settings, 3, 3)
    with Engine(corpus_settings) as engine:
        choices = {engine.actors.resolution("Clinton").actor.id for _ in range(3)}
        assert len(choices) == 1
        choice = engine.actors.resolution("Clinton")
        assert len(choice.others) == 1 and choice.others[0][1] == 3
        assert choice.others[0][0].id != choice.actor.id
        assert f'actor:"{choice.others[0][2]}"' in engine.search("actor:Clinton").notes[0]


def test_an_actor_named_so_comes_first_and_the_alias_holders_are_named(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    """A name that is one actor's own and another's alias means the actor of that name,
    however few its articles (what the pane's row of it filters by), said so."""
    _corpus(corpus_dir, corpus_settings, 4, 2)
    with Engine(corpus_settings) as engine:
        bill = engine.actors.resolve("Bill Clinton")
        with engine.actors._db() as db:  # named as the rules could have named it
            db.execute("UPDATE actors SET name = 'Clinton' WHERE id = ?", (bill.id,))
        for typed in ("Clinton", "clinton"):
            choice = engine.actors.resolution(typed)
            assert choice.actor.id == bill.id and choice.own_name
            assert [(a.name, name) for a, _, name in choice.others] == \
                [("Hillary Clinton", "Hillary Clinton")]
        assert engine.search("actor:Clinton").total == 2
        assert engine.search("actor:Clinton").notes == [
            'actor:"Clinton" is Clinton (its own name); also written for Hillary Clinton '
            '(4): actor:"Hillary Clinton"']
        # The pane's filter of each is a name meaning it alone.
        for actor in engine.actors.list():
            assert engine.actors.resolve(engine.actors.filter_name(actor)).id == actor.id


def test_a_hidden_actor_comes_after_a_shown_one_and_a_merge_leaves_no_choice(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    _corpus(corpus_dir, corpus_settings, 4, 2)
    path = curation_path(corpus_settings)
    with Engine(corpus_settings) as engine:
        table = engine.actors
        Curation(path).hide(table.resolve("Hillary Clinton"))
        recluster(corpus_settings, table)
        choice = table.resolution("Clinton")
        assert choice.actor.name == "Bill Clinton"
        assert [(a.name, a.hidden) for a, _, _ in choice.others] == [("Hillary Clinton", True)]
        assert "Hillary Clinton (hidden) (4)" in engine.search("actor:Clinton").notes[0]
        # An edit that unhides finds the hidden one by the name.
        assert table.resolve("Clinton", hidden_first=True).name == "Hillary Clinton"

        Curation(path).undo()
        recluster(corpus_settings, table)
        Curation(path).merge(table.resolve("Bill Clinton"), table.resolve("Hillary Clinton"))
        recluster(corpus_settings, table)
        choice = table.resolution("Clinton")
        assert choice.actor.name == "Hillary Clinton" and choice.others == ()
        results = engine.search("actor:Clinton")
        assert results.total == 6 and results.notes == [  # one actor: no choice, but said
            'actor:"Clinton" is Hillary Clinton: a name it goes by (an alias, or an actor '
            'merged into it)']
