"""A patched actor table (ActorTable.patch, what a curation edit runs) equals a whole rebuild
after every kind of edit, on a corpus where the rules that link actors to each other fire:
a body named after one country ("US Supreme Court" / "Supreme Court"), an acronym and its
expansion (USADA / "United States Anti-Doping Agency"), a country-prefixed form of that
expansion ("US Anti-Doping Agency")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.curation import Curation
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import (
    ActorTable,
    dictionaries_before,
    make_extractor,
    mention_rows,
)
from newsdesk.index.models import Actor
from newsdesk.index.storage.article_store import Store

ARTICLES = [
    "The United States Anti-Doping Agency (USADA) banned the sprinter on Monday. "
    "USADA said the tests were clear. Officials in the United States welcomed it.",
    "USADA chief Travis Tygart said the US Anti-Doping Agency would appeal. The "
    "Anti-Doping Agency said it had the samples. "
    "The US Anti-Doping Agency has done so before, and the US government agreed.",
    "The US Supreme Court ruled on Tuesday. The Supreme Court said the law stands. "
    "Lawyers in America said the US Supreme Court had been clear.",
    "The Supreme Court heard the case of the United States Anti-Doping Agency. "
    "President Barack Obama said the US would respect the US Supreme Court.",
    "Barack Obama met Gordon Brown in London. Britain and the United States agreed. "
    "Mr Obama said America stood with the UK. The US Supreme Court was not asked.",
    "Gordon Brown said the UK Treasury would act. Brown spoke to the US Treasury. "
    "USADA and the World Anti-Doping Agency (WADA) met. WADA said USADA was right.",
    # (A bare "Supreme Court" in an article that names no country's: corpus-wide the US's.)
    "The Supreme Court met again on Friday.",
]


def extracted_store(path: Path, articles: Iterable[tuple[str, str]]) -> Store:
    """A store of the mentions of `articles` (title, text), extracted as the indexer does;
    each article's id its number."""
    store = Store(path)
    extractor = make_extractor(load_dictionaries([]))
    mentions: list = []
    acronyms: list[tuple[str, str, str]] = []
    for n, (title, text) in enumerate(articles):
        found = extractor.extract(title, text)
        mentions.extend(mention_rows(str(n), found))
        acronyms.extend((str(n), a, e) for a, e in found.acronyms)
    store.mark_done(mentions, acronyms)
    return store


def _store(path: Path) -> Store:
    return extracted_store(path, ((f"Story {n}", text) for n, text in enumerate(ARTICLES)))


def listing(table: ActorTable) -> list[tuple]:
    """Every actor of `table` as a comparable row (hidden ones too)."""
    return sorted((a.name, a.type, a.hidden, a.articles, a.mentions, tuple(a.aliases))
                  for a in table.list(hidden=True))



@pytest.mark.parametrize("before", [True, False], ids=["knowing the edit", "any edit"])
def test_every_edit_patched_equals_a_rebuild(tmp_path: Path, before: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """`before`: the patch is told the dictionaries before the edit (as `recluster` does),
    so that it re-clusters from what the rules read alone; else every name of the edited
    entries counts as changed."""
    # A corpus this small: any region (at one key in PATCH_SHARE, every edit was rebuilt,
    # and the test compared a rebuild with a rebuild).
    # (A share under one: a region holds its actors' dictionary names besides the corpus's
    # keys, and the organ owners' links, act24w, reach the United States' actor with its
    # many: 22-30 keys where the corpus has 21, and the patch fell back to a rebuild.)
    monkeypatch.setattr(table_module, "PATCH_SHARE", 0.25)
    store = _store(tmp_path / "store.sqlite")
    table = ActorTable(store)
    path = tmp_path / "actors.yaml"
    curation = Curation(path)
    table.rebuild(load_dictionaries([path]))
    # The linking rules fire here (else the test would prove nothing).
    assert set(table.keys_of(table.resolve("USADA").id)) >= {
        "usada", "united states anti doping agency"}
    assert "supreme court" in table.keys_of(table.resolve("US Supreme Court").id)

    def named(name: str) -> Actor:
        actor = table.resolve(name)
        assert actor is not None, name
        return actor

    def split(name: str) -> Callable[[], object]:
        def edit() -> None:
            actor = named(name)
            choice = next(c for c in curation.unmerge_choices(actor) if not c.merge)
            curation.unmerge(actor, choice.name)
        return edit

    edits: list[tuple[str, Callable[[], object]]] = [
        ("split US out of the United States", lambda: curation.unmerge(named("US"), "US")),
        ("undo", curation.undo),
        ("merge", lambda: curation.merge(named("Gordon Brown"), named("Barack Obama"))),
        ("unmerge", lambda: curation.unmerge(named("Barack Obama"))),
        ("rename", lambda: curation.rename(named("USADA"), "Anti-Doping (US)")),
        ("hide", lambda: curation.hide(named("United States"))),
        ("unhide", lambda: curation.unhide(named("United States"))),
        ("split a name the rules joined", split("Supreme Court")),
        ("split an acronym out", lambda: curation.unmerge(named("USADA"), "USADA")),
        *[("undo", curation.undo)] * 6,
    ]
    patches = 0
    for label, edit in edits:
        edit()
        assert curation.applied is not None
        previous = dictionaries_before([path], False, path, curation.applied.previous) \
            if before else None
        table.patch(load_dictionaries([path]), curation.applied.touched, "", previous)
        patches += table.last_patch is not None
        patched = listing(table)
        table.rebuild(load_dictionaries([path]))
        assert patched == listing(table), label
    # (Most edits patched, not rebuilt: else the test would prove little.)
    assert patches * 2 > len(edits)
    store.close()
