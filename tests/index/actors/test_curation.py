"""Curation edits are applied to the dictionary as it is on disk, and can be taken back:
undo (the newest edit), unhide, and unmerge (a merged actor's names form their own actor
again). `actor:` with any alias keeps finding the same articles; nothing is re-indexed."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import Dictionaries, Entry, load_dictionary
from newsdesk.index.actors.table import (
    Curation,
    curation_path,
    recluster,
    recluster_if_changed,
    settings_dictionaries,
    settings_stamp,
)
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Actor, NewsdeskError


@pytest.fixture
def own_seeds(app_settings: Settings) -> Settings:
    Indexer(app_settings).run()
    return app_settings


def test_unmerge_restores_both_actors_and_every_alias_still_filters(
        own_seeds: Settings) -> None:
    with Engine(own_seeds) as engine:
        generation = engine.ix.latest_generation()
        curation = Curation(curation_path(own_seeds))
        pompeo, us = engine.actors.resolve("Pompeo"), engine.actors.resolve("United States")
        alone = {name: engine.count(f'actor:"{name}"') for name in ("Pompeo", "US")}
        curation.merge(pompeo, us)
        recluster(own_seeds, engine.actors)
        merged = engine.actors.resolve("Mike Pompeo")
        assert merged.id == engine.actors.resolve("US").id
        curation.rename(merged, "America")  # an edit after the merge: unmerge keeps it
        recluster(own_seeds, engine.actors)

        assert "merge of 'Mike Pompeo'" in curation.unmerge(engine.actors.resolve("America"))
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Pompeo").name == "Mike Pompeo"
        assert engine.actors.resolve("US").name == "America"
        assert engine.actors.resolve("Pompeo").id != engine.actors.resolve("US").id
        for name, count in alone.items():  # any alias, no re-index
            assert engine.count(f'actor:"{name}"') == count
        assert engine.count('actor:"Mike Pompeo"') == alone["Pompeo"]
        with pytest.raises(NewsdeskError, match="not made by a merge"):
            curation.unmerge(engine.actors.resolve("Pompeo"))

        curation.undo()  # the unmerge: merged again
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Pompeo").id == engine.actors.resolve("US").id
        assert engine.ix.latest_generation() == generation


def test_undo_and_unhide(own_seeds: Settings) -> None:
    with Engine(own_seeds) as engine:
        curation = Curation(curation_path(own_seeds))
        baghdad, trump = engine.actors.resolve("Baghdad"), engine.actors.resolve("Trump")
        curation.hide(baghdad)
        curation.rename(trump, "President Trump")
        recluster(own_seeds, engine.actors)
        assert "Baghdad" not in {a.name for a in engine.actors.list()}

        assert curation.undo() == "rename of 'Donald Trump' to 'President Trump'"
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Trump").name == "Donald Trump"
        hidden = engine.actors.resolve("Baghdad")
        assert hidden.hidden and hidden in engine.actors.list(hidden=True)

        curation.unhide(hidden)
        recluster(own_seeds, engine.actors)
        assert "Baghdad" in {a.name for a in engine.actors.list()}
        curation.undo()  # the unhide
        curation.undo()  # the hide
        with pytest.raises(NewsdeskError, match="no actor edit to undo"):
            curation.undo()
        assert load_dictionary(curation_path(own_seeds)) == []


def test_an_edit_keeps_what_another_process_wrote(own_seeds: Settings) -> None:
    """Hide from a stale copy after a merge made elsewhere: the merge survives."""
    with Engine(own_seeds) as engine:
        pompeo, us = engine.actors.resolve("Pompeo"), engine.actors.resolve("United States")
        Curation(curation_path(own_seeds)).merge(pompeo, us)  # "another process"
        Curation(curation_path(own_seeds)).hide(us)  # `us` read before the merge
        assert recluster_if_changed(own_seeds, engine.actors)
        assert not recluster_if_changed(own_seeds, engine.actors)
        assert engine.actors.resolve("Mike Pompeo").id == engine.actors.resolve("US").id
        assert engine.actors.resolve("US").hidden


def test_a_hand_broken_curation_is_named_and_never_written(own_seeds: Settings) -> None:
    path = curation_path(own_seeds)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("actors:\n  - name: A\n  - name: [B\n")
    with Engine(own_seeds) as engine, pytest.raises(NewsdeskError, match=f"{path}:4"):
        Curation(path).hide(engine.actors.resolve("Baghdad"))
    assert path.read_text() == "actors:\n  - name: A\n  - name: [B\n"


def _every_actor(engine: Engine) -> list[tuple]:
    """The whole actor table as a user could see it: ids, names, types, counts, aliases."""
    return [(a.id, a.name, a.type, a.code, a.hidden, a.articles, a.mentions, a.aliases)
            for a in engine.actors.list(hidden=True, sort="name")]


def test_undo_restores_the_exact_previous_actor_list(own_seeds: Settings) -> None:
    """Each undo, newest first, gives back the table as it was before that edit: the same
    actors with the same ids, names, types, counts and aliases."""
    with Engine(own_seeds) as engine:
        curation = Curation(curation_path(own_seeds))
        tables = [_every_actor(engine)]
        edits = [
            lambda: curation.hide(engine.actors.resolve("Baghdad")),
            lambda: curation.merge(engine.actors.resolve("Pompeo"),
                                   engine.actors.resolve("Trump")),
            lambda: curation.unmerge(engine.actors.resolve("US"), "America"),
            lambda: curation.rename(engine.actors.resolve("Quds Force"), "Quds"),
            lambda: curation.unmerge(engine.actors.resolve("Trump"), "Mike Pompeo"),
        ]
        for edit in edits:
            edit()
            recluster(own_seeds, engine.actors)
            tables.append(_every_actor(engine))
            assert tables[-1] != tables[-2]
        for previous in reversed(tables[:-1]):
            curation.undo()
            recluster(own_seeds, engine.actors)
            assert _every_actor(engine) == previous
        assert load_dictionary(curation_path(own_seeds)) == []


def test_a_name_the_rules_joined_is_split_out(own_seeds: Settings) -> None:
    """Unmerge by name: a spelling the rules (or the general dictionary) gave an actor
    becomes an actor of its own, and stays one; `actor:` by either finds its articles."""
    with Engine(own_seeds) as engine:
        curation = Curation(curation_path(own_seeds))
        us = engine.actors.resolve("United States")
        choices = curation.unmerge_choices(us)
        assert [c.name for c in choices][:2] == ["US", "American"]  # US with U.S.: one key
        assert "also U.S." in choices[0].label
        assert not any(c.merge for c in choices)
        america = dict(us.aliases)["America"]
        assert curation.unmerge(us, "america") == "split of 'America' out of 'United States'"
        recluster(own_seeds, engine.actors)
        split, rest = engine.actors.resolve("America"), engine.actors.resolve("USA")
        assert split.id != rest.id and rest.name == "United States" and rest.type == "country"
        assert (split.name, split.mentions, split.aliases) == ("America", america,
                                                               [("America", america)])
        assert rest.mentions == us.mentions - america
        assert engine.count('actor:"America"') == split.articles
        assert engine.count('actor:"U.S."') == rest.articles
        with pytest.raises(NewsdeskError, match="not a name of 'United States'"):
            curation.unmerge(rest, "Baghdad")
        # A merge by the user is offered first, and unmerging it gives back its actor whole.
        pompeo = engine.actors.resolve("Pompeo")
        curation.merge(pompeo, rest)
        recluster(own_seeds, engine.actors)
        merged = engine.actors.resolve("Pompeo")
        first = curation.unmerge_choices(merged)[0]
        assert first.merge and first.name == "Mike Pompeo"
        assert curation.unmerge(merged, "Pompeo") == \
            "unmerge of 'Mike Pompeo' from 'United States'"
        recluster(own_seeds, engine.actors)
        again = engine.actors.resolve("Pompeo")
        assert (again.name, again.aliases) == (pompeo.name, pompeo.aliases)


def test_a_name_split_out_takes_its_own_names_alone() -> None:
    """An entry split out of an actor (curation's unmerge, `split_from`) takes only the names
    it lists from earlier entries; any other entry sharing a name takes that entry whole (a
    rename or merge)."""
    dictionaries = Dictionaries()
    dictionaries.add([Entry("United States", "country", "USA", ["US", "America"])])
    dictionaries.add([Entry("America", split_from="United States")])
    assert dictionaries.alias["america"] == "america"
    assert dictionaries.alias["us"] == "united states"
    assert dictionaries.entries["united states"].aliases == ["US"]
    dictionaries.add([Entry("USA Government", None, None, ["US"])])
    assert {dictionaries.alias[k] for k in ("us", "united states")} == {"usa government"}
    assert dictionaries.entries["usa government"].type == "country"
    assert "united states" not in dictionaries.entries


def _by_name(engine: Engine) -> list[tuple]:
    return [row[1:] for row in _every_actor(engine)]


def test_an_edit_reclusters_only_its_actors_as_a_rebuild_would(own_seeds: Settings) -> None:
    """After each edit the table is patched (only the actors the edit touched are
    clustered again) and equals, ids aside, a rebuild of the whole; undo, patched too,
    gives back the list before the edit. An edit made while the table was already stale
    rebuilds it all."""
    with Engine(own_seeds) as engine:
        curation = Curation(curation_path(own_seeds))
        table = engine.actors
        patched: list[int] = []
        real_patch = table.patch
        table.patch = lambda *args: patched.append(1) or real_patch(*args)  # type: ignore[method-assign]

        def check() -> list[tuple]:
            mine = _by_name(engine)
            table.rebuild(settings_dictionaries(own_seeds), settings_stamp(own_seeds))
            assert _by_name(engine) == mine
            return mine

        lists = [check()]
        edits = [
            lambda: curation.merge(table.resolve("Pompeo"), table.resolve("Trump")),
            lambda: curation.unmerge(table.resolve("US"), "America"),
            lambda: curation.hide(table.resolve("Iran")),
            lambda: curation.rename(table.resolve("Quds Force"), "Quds"),
            lambda: curation.unmerge(table.resolve("Quds"), "Quds Drive"),
            lambda: curation.merge(table.resolve("Islamic State"), table.resolve("Hezbollah")),
        ]
        for n, edit in enumerate(edits, start=1):
            edit()
            recluster(own_seeds, table, curation.applied)
            assert len(patched) == n
            lists.append(check())
        for previous in reversed(lists[:-1]):
            curation.undo()
            recluster(own_seeds, table, curation.applied)
            assert _by_name(engine) == previous
        assert len(patched) == 2 * len(edits)

        stale = Curation(curation_path(own_seeds))  # another process: not re-clustered
        stale.hide(table.resolve("Iraq"))
        curation.hide(table.resolve("Syria"))
        recluster(own_seeds, table, curation.applied)
        assert len(patched) == 2 * len(edits)  # rebuilt whole: both hidden
        assert {"Iraq", "Syria"} <= {a.name for a in table.list(only_hidden=True)}


def test_namesakes_filter_each_by_its_own_articles(own_seeds: Settings) -> None:
    """Two actors named alike (the rules name each by its most written form: Reuters has
    two "Hughes", one Baker Hughes Inc), or named by a key another holds ("Kodak" of Eastman
    Kodak Co, where a lone "Kodak" is Stephen Kodak's): the pane, palette and facets filter
    each by a name that means it alone, so the hits are the articles its row counts."""
    with Engine(own_seeds) as engine:
        pompeo = engine.actors.resolve("Mike Pompeo")
        with engine.actors._db() as db:  # named as the rules could have named it
            db.execute("UPDATE actors SET name = 'Iran' WHERE id = ?", (pompeo.id,))
        namesakes = [a for a in engine.actors.list() if a.name == "Iran"]
        assert len(namesakes) == 2
        names = [engine.actors.filter_name(a) for a in namesakes]
        assert len(set(names)) == 2
        for actor, name in zip(namesakes, names, strict=True):
            assert engine.actors.resolve(name).id == actor.id
            assert engine.count(f'actor:"{name}"') == actor.articles
        facets = {v.clause for v in engine.facets("pompeo OR iran", top=100).actors}
        assert {f'actor:"{name}"' for name in names} <= facets


class _Killed(BaseException):
    """A kill between the journal's write and the dictionary's."""


@pytest.mark.parametrize("killed", ["rename", "hide", "merge"])
def test_an_edit_killed_before_the_dictionary_leaves_no_phantom_undo(
        own_seeds: Settings, killed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal is written first: an edit killed between the two files was journalled
    while the dictionary kept what it replaced, and the next undo said it undid that edit,
    changing nothing (an outside tester's kill -9 during a rename)."""
    from newsdesk.index.actors import curation as curation_module

    path = curation_path(own_seeds)
    with Engine(own_seeds) as engine:
        trump, iran = engine.actors.resolve("Trump"), engine.actors.resolve("Iran")
        Curation(path).rename(trump, "President Trump")
        recluster(own_seeds, engine.actors)
        renamed = engine.actors.resolve("Trump")
        written = load_dictionary(path)

        def kill(*args: object) -> None:
            raise _Killed

        with monkeypatch.context() as patch:
            patch.setattr(curation_module, "save_dictionary", kill)
            with pytest.raises(_Killed):
                edit = {"rename": lambda c: c.rename(renamed, "Trump Again"),
                        "hide": lambda c: c.hide(renamed),
                        "merge": lambda c: c.merge(iran, renamed)}[killed]
                edit(Curation(path))
        assert load_dictionary(path) == written  # the dictionary as before the kill

        # Undo (another process) undoes the rename that happened, not the killed edit.
        assert Curation(path).undo() == "rename of 'Donald Trump' to 'President Trump'"
        assert load_dictionary(path) == []
        with pytest.raises(NewsdeskError, match="no actor edit to undo"):
            Curation(path).undo()


@pytest.mark.parametrize("op", ["edit", "undo"])
@pytest.mark.parametrize("write", ["journal", "dictionary"])
def test_a_kill_at_either_write_leaves_undo_doing_what_is_expected(
        own_seeds: Settings, op: str, write: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of an edit or an undo killed: the next undo undoes the newest edit the
    dictionary holds, and nothing else. (An undo killed between the journal and the
    dictionary left its edit made but off the journal: no longer undoable, and the next
    undo undid the edit before it.)"""
    from newsdesk.index.actors import curation as curation_module

    path = curation_path(own_seeds)
    with Engine(own_seeds) as engine:
        trump, iran = engine.actors.resolve("Trump"), engine.actors.resolve("Iran")
        Curation(path).hide(iran)
        hidden = load_dictionary(path)
        Curation(path).rename(trump, "President Trump")
        renamed = load_dictionary(path)
        assert renamed != hidden

        def kill(*args: object, **kwargs: object) -> None:
            raise _Killed

        with monkeypatch.context() as patch:
            patch.setattr(curation_module, "save_dictionary" if write == "dictionary"
                          else "write_atomic", kill)
            with pytest.raises(_Killed):
                if op == "undo":
                    Curation(path).undo()
                else:
                    Curation(path).merge(iran, trump)
        assert load_dictionary(path) == renamed  # neither write reached the dictionary

        assert Curation(path).undo() == "rename of 'Donald Trump' to 'President Trump'"
        assert load_dictionary(path) == hidden
        assert Curation(path).undo() == "hiding of 'Iran'"
        assert load_dictionary(path) == []
        with pytest.raises(NewsdeskError, match="no actor edit to undo"):
            Curation(path).undo()


def test_an_undo_killed_then_another_edit_keeps_both_undoable(
        own_seeds: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """An undo killed before the dictionary's write, then a new edit (another process):
    the edit the undo never took off is still journalled under the new one."""
    from newsdesk.index.actors import curation as curation_module

    path = curation_path(own_seeds)
    with Engine(own_seeds) as engine:
        trump, iran = engine.actors.resolve("Trump"), engine.actors.resolve("Iran")
        Curation(path).rename(trump, "President Trump")

        def kill(*args: object) -> None:
            raise _Killed

        with monkeypatch.context() as patch:
            patch.setattr(curation_module, "save_dictionary", kill)
            with pytest.raises(_Killed):
                Curation(path).undo()
        Curation(path).hide(iran)
        assert Curation(path).undo() == "hiding of 'Iran'"
        assert Curation(path).undo() == "rename of 'Donald Trump' to 'President Trump'"
        assert load_dictionary(path) == []


def test_a_rename_to_its_own_name_is_no_edit(own_seeds: Settings) -> None:
    """Renamed to the name it has: said so, nothing journalled (it was an undo step that
    undid nothing)."""
    from newsdesk.index.actors.editing import apply

    with Engine(own_seeds) as engine:
        actor = engine.actors.list(limit=1)[0]
        done = apply(own_seeds, engine.actors, "rename", actor, f" {actor.name} ")
        assert "named so already" in done.message
        assert not curation_path(own_seeds).exists()
        with pytest.raises(NewsdeskError, match="no actor edit to undo"):
            Curation(curation_path(own_seeds)).undo()


def test_a_lone_surname_read_per_article_says_why_it_cannot_be_unmerged(
        own_seeds: Settings) -> None:
    """"Pompeo" alone, in articles that name Mike Pompeo in full, is counted under his
    key: no rule joined it, so no entry can take it out; unmerge says so (it wrote a split
    that changed nothing), and a name split out by a rule still splits."""
    from newsdesk.index.actors.editing import apply, lone_name

    with Engine(own_seeds) as engine:
        table = engine.actors
        lone = next((a, s) for a in table.list(hidden=True) for s, _ in a.aliases
                    if lone_name(table, a, s))
        actor, surface = lone
        with pytest.raises(NewsdeskError, match="cannot be unmerged .* article by article"):
            apply(own_seeds, table, "unmerge", actor, surface)
        assert not curation_path(own_seeds).exists()
        assert any(a.id == actor.id for a in table.listing(surface))


_NAMESAKES = (("Ganta Srinivasa Rao", "Ganta Srinivas Rao", "Rao", "Harish Rao"),
              ("Kiran Mohan Reddy", "Kiran Mohana Reddy", "Reddy", "Bhaskar Reddy"),
              ("Lokesh Venkata Naidu", "Lokesh Venkatha Naidu", "Naidu", "Suresh Naidu"))


def _namesake_articles() -> list[str]:
    """Each person a full name, a near spelling the rules join to it, a lone surname their
    articles resolve to them, and a namesake (and articles of the lone surname alone)."""
    texts = []
    for full, near, surname, other in _NAMESAKES:
        texts += [f"{full}, the minister, met farmers on Monday. {surname} said the budget "
                  "for irrigation would grow.",
                  f"The minister {full} opened a school. {surname} told reporters that "
                  "teachers would be hired.",
                  f"The minister {full} visited a dam. {surname} said it was safe.",
                  f"The minister {near} spoke at the council meeting about roads.",
                  f"The mayor {other} visited the hospital. {surname} said doctors were short.",
                  f"The mayor {other} met traders. Later {surname} promised new licences.",
                  f"Officials said {surname} would attend, and {surname} did not reply.",
                  f"Nobody knew where {surname} was; {surname} had left the city."]
    return texts


def test_a_split_out_or_hidden_name_moves_no_namesake(corpus_settings: Settings,
                                                      corpus_dir) -> None:
    """Splitting a rules-joined spelling out of a person writes the rest of that person
    with its own names alone: the lone surname its articles resolve to it is no alias of
    it in the dictionary, so the namesakes and the lone surname's actor keep their
    articles (it took them all: an outside tester's unmerge added eleven wrong articles)."""
    import json

    from newsdesk.index.actors.editing import apply

    (corpus_dir / "namesakes.jsonl").write_text("".join(
        json.dumps({"id": f"n{i}", "title": f"Story {i}", "text": text}) + "\n"
        for i, text in enumerate(_namesake_articles())), encoding="utf-8")
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        table = engine.actors
        for full, near, surname, other in _NAMESAKES:
            person = table.resolve(full)
            assert near in dict(person.aliases)  # (else the case tests nothing)
            before = {name: engine.count(f'actor:"{name}"') for name in (surname, other)}
            whole = engine.count(f'actor:"{full}"')
            apply(corpus_settings, table, "unmerge", person, near)
            assert {name: engine.count(f'actor:"{name}"') for name in before} == before
            assert engine.count(f'actor:"{full}"') == whole - 1
            assert table.resolve(surname).id != table.resolve(full).id
            # Hidden, the lone surname's actor is still what its own name filters by
            # (it went to a person listing it, hidden actors coming last at every step).
            lone = table.resolve(surname)
            assert any(a.id != lone.id for a in table.listing(surname))
            apply(corpus_settings, table, "hide", lone)
            assert engine.count(f'actor:"{surname}"') == before[surname]
            assert table.filter(surname).keys == table.keys_of(lone.id)


class _TableAfter:
    """What `_joined_too` reads of a table after an edit."""

    def __init__(self, result: Actor, keys: list[str], counts: dict[str, int]) -> None:
        self.result, self.keys, self.counts = result, keys, counts

    def resolve(self, name: str) -> Actor | None:
        return self.result if name in (self.result.name, "Kim Kardashian West") else None

    def keys_of(self, actor_id: int) -> list[str]:
        return self.keys

    def article_counts(self) -> dict[str, int]:
        return self.counts


@pytest.mark.parametrize("gone", [["Kim"], ["Kim", "Kimmy K", "KK", "Kimberly", "Kim K.", "Kimye"]])
def test_an_edit_names_the_actors_the_rules_joined_to_it(gone: list[str]) -> None:
    """An edit's message names every actor that is gone into the edited one beyond those
    it named (the rules read a lone "Kim" as the merged "Kim Kardashian"), and no actor
    that went elsewhere or only changed its count."""
    from newsdesk.index.actors.editing import Done, _joined_too
    from newsdesk.index.actors.names import name_key

    kim = Actor(7, "Kim Kardashian", "person", None, 33, 90,
                [("Kim Kardashian", 27), *((g, 3) for g in gone)], False)
    before = {"Kim Kardashian": 24, "Kim Kardashian West": 10, "Elsewhere": 2, "Kept": 5,
              **{g: n + 1 for n, g in enumerate(gone)}}
    table = _TableAfter(kim, [name_key(n) for n in ("Kim Kardashian", *gone)],
                        {"Kim Kardashian": 33, "Kept": 4})
    said = _joined_too(table, Done("Merged.", "Kim Kardashian West", "Kim Kardashian"),
                       before)
    most = sorted(gone, key=lambda g: -before[g])  # (most articles first)
    assert all(f"'{g}' ({before[g]} article" in said for g in most[:5])
    assert not any(f"'{g}' (" in said for g in most[5:])
    assert ("more" in said) == (len(gone) > 5)
    assert "West" not in said and "Elsewhere" not in said and "Kept" not in said
    assert _joined_too(table, Done("Merged.", "Kim Kardashian West", "Kim Kardashian"),
                       {"Kim Kardashian": 24}) == ""
