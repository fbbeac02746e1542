"""The titles a corpus learns (cluster.py, rule 7: "Citizen" cut off before full names) are
the one rule that weighs every key; a patch gets them from titles.py rather than from its
region. They must be the whole corpus's, and a patch whose edit unteaches one must still
equal a rebuild, without rebuilding."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.cluster import (
    _dropped,
    _every_countrys,
    _of_its_time,
    learned_titles,
)
from newsdesk.index.actors.curation import Curation
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.reach import KeyIndex
from newsdesk.index.actors.table import (
    ActorTable,
    dictionaries_before,
    make_extractor,
    mention_rows,
)
from newsdesk.index.actors.titles import TitleFacts
from newsdesk.index.storage.article_store import Store
from tests.index.actors.test_patch_equals_rebuild import listing

ARTICLES = [
    "On Monday Gordon Brown said the budget was fair. Then Gordon Brown said more would "
    "come. Later Gordon Brown said it again.",
    "On Tuesday Tony Blair said the war was right. Then Tony Blair said he would stay on. "
    "Later Tony Blair said no more.",
    "On Friday John Smith said the party would win. Then John Smith said so twice. Later "
    "John Smith said it again.",
    "In the hall Citizen Gordon Brown spoke, and members cheered.",
    "At noon Citizen Tony Blair arrived late, and the hall was half empty.",
    "At noon Citizen Smith left early, before the vote on the motion.",
    "At dusk Citizen Brown left the hall before the end of the meeting.",
    "The Bank of England held rates. Mervyn King said the Bank of England would wait.",
]


def _store(path: Path) -> Store:
    store = Store(path)
    extractor = make_extractor(load_dictionaries([]))
    mentions: list = []
    acronyms: list[tuple[str, str, str]] = []
    for n, text in enumerate(ARTICLES):
        found = extractor.extract(f"Story {n}", text)
        mentions.extend(mention_rows(str(n), found))
        acronyms.extend((str(n), a, e) for a, e in found.acronyms)
    store.mark_done(mentions, acronyms)
    return store


def _whole(table: ActorTable, dictionaries) -> frozenset[str]:
    """The titles the whole corpus learns, from every key's stats."""
    with table._db() as db:
        stats, acronyms = table._read_stats(db)
    dropped = _dropped(stats, acronyms, _every_countrys(stats, dictionaries))
    return learned_titles(stats, _of_its_time(stats, dictionaries), dictionaries, dropped,
                          stats)


def test_titles_from_the_few_keys_equal_the_whole_corpus(tmp_path: Path) -> None:
    store = _store(tmp_path / "store.sqlite")
    table = ActorTable(store)
    path = tmp_path / "actors.yaml"
    curation = Curation(path)
    table.rebuild(load_dictionaries([path]))
    facts = TitleFacts(store.db, KeyIndex(store.db))
    assert facts.titles(load_dictionaries([path])) == _whole(table, load_dictionaries([path]))
    assert "citizen" in facts.titles(load_dictionaries([path]))
    # One full name made a dictionary's: its "Citizen" no longer counts, and one is left.
    curation.merge(table.resolve("Tony Blair"), table.resolve("Gordon Brown"))
    after = load_dictionaries([path])
    assert facts.titles(after) == _whole(table, after)
    assert "citizen" not in facts.titles(after)
    store.close()


def test_unteaching_a_title_is_patched_as_a_rebuild(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "store.sqlite")
    table = ActorTable(store)
    path = tmp_path / "actors.yaml"
    curation = Curation(path)
    table.rebuild(load_dictionaries([path]))
    # "Citizen Smith" is John Smith's while "Citizen" is a title.
    assert table.resolve("Citizen Smith").id == table.resolve("John Smith").id
    monkeypatch.setattr(table_module, "PATCH_SHARE", 1)  # a corpus this small: any region

    def no_rebuild(*args: object) -> int:
        raise AssertionError("the patch rebuilt the table")

    edits = [
        ("merge", lambda: curation.merge(table.resolve("Tony Blair"),
                                         table.resolve("Gordon Brown"))),
        ("undo", curation.undo),
        ("rename", lambda: curation.rename(table.resolve("John Smith"), "J. Smith")),
        ("undo", curation.undo),
    ]
    for label, edit in edits:
        edit()
        assert curation.applied is not None
        previous = dictionaries_before([path], False, path, curation.applied.previous)
        rebuild = table.rebuild
        monkeypatch.setattr(table, "rebuild", no_rebuild)
        table.patch(load_dictionaries([path]), curation.applied.touched, "", previous)
        monkeypatch.setattr(table, "rebuild", rebuild)
        patched = listing(table)
        table.rebuild(load_dictionaries([path]))
        assert patched == listing(table), label
        if label == "merge":  # the title unlearned: Citizen Smith is no John Smith
            assert table.resolve("Citizen Smith").id != table.resolve("John Smith").id
    store.close()
